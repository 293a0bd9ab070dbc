#include "loadproblemsbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QToolButton>

namespace Kakehashi {

LoadProblemsBanner::LoadProblemsBanner(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
{
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #7f1d1d; padding: 4px; }"));
    auto *details = new QToolButton(this);
    details->setText(tr("Details…"));
    details->setAccessibleName(tr("Show load problems"));
    connect(details, &QToolButton::clicked, this, &LoadProblemsBanner::showDetails);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(details);
    hide();
}

void LoadProblemsBanner::setProblems(const QStringList &errors, const QStringList &warnings)
{
    m_errors = errors;
    m_warnings = warnings;
    const int problems = int(errors.size() + warnings.size());
    if (problems == 0) {
        clear();
        return;
    }
    const QString first = errors.isEmpty() ? warnings.first() : errors.first();
    m_text->setText(tr("%n problem(s) while loading; what is shown may be incomplete. First: %1", nullptr, problems).arg(first));
    show();
}

void LoadProblemsBanner::clear()
{
    m_errors.clear();
    m_warnings.clear();
    m_text->clear();
    hide();
}

void LoadProblemsBanner::showDetails()
{
    QStringList lines;
    for (const QString &e : std::as_const(m_errors))
        lines << tr("Error: %1").arg(e);
    for (const QString &w : std::as_const(m_warnings))
        lines << tr("Warning: %1").arg(w);
    QMessageBox box(QMessageBox::Warning, tr("Problems while loading"), tr("Some input could not be used as it is."), QMessageBox::Ok, this);
    box.setDetailedText(lines.join(u'\n'));
    box.exec();
}

} // namespace Kakehashi
