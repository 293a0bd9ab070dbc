#include "accesshistorydialog.h"

#include "record/displayzone.h"
#include "store/privatefiles.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Kakehashi {

AccessHistoryDialog::AccessHistoryDialog(std::shared_ptr<AccessHistory> history, QWidget *parent)
    : QDialog(parent)
    , m_history(std::move(history))
{
    setWindowTitle(tr("Access history"));
    resize(900, 480);
    auto *layout = new QVBoxLayout(this);
    m_status = new QLabel(tr("Reading the access history…"), this);
    m_status->setObjectName(QStringLiteral("accessHistoryStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    m_table = new QTableWidget(0, 7, this);
    m_table->setObjectName(QStringLiteral("accessHistoryTable"));
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("Patient"), tr("Purpose"), tr("Service"), tr("Source"), tr("Shown")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, &AccessHistoryDialog::askExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    auto *watcher = new QFutureWatcher<AccessHistory::Reading>(this);
    connect(watcher, &QFutureWatcher<AccessHistory::Reading>::finished, this, [this, watcher] {
        show(watcher->result());
        watcher->deleteLater();
    });
    const std::shared_ptr<AccessHistory> reader = m_history;
    watcher->setFuture(QtConcurrent::run([reader] { return reader->read(); }));
}

void AccessHistoryDialog::show(const AccessHistory::Reading &reading)
{
    m_reading = reading;
    QString status;
    if (!reading.errorString.isEmpty()) {
        status = reading.errorString;
    } else {
        status = tr("%n record(s) opened by you.", nullptr, int(reading.entries.size()));
        if (reading.otherUsersEntries > 0)
            status += u' ' + tr("%n entry(s) of other users or earlier sessions are sealed and not shown.", nullptr, reading.otherUsersEntries);
        if (reading.intact())
            status += u' ' + tr("The log is intact: no entry was changed, removed or reordered.");
        else
            status += u' ' + tr("The log has been tampered with:") + u' ' + reading.problems.join(u' ');
    }
    m_status->setText(status);
    m_status->setStyleSheet(reading.intact() ? QString() : QStringLiteral("color: #b00020; font-weight: bold;"));
    m_table->setRowCount(int(reading.entries.size()));
    int row = 0;
    // Newest first.
    for (auto it = reading.entries.crbegin(); it != reading.entries.crend(); ++it, ++row) {
        const AccessEntry &e = *it;
        const QString purpose = e.purpose == u"ETREAT" ? tr("Emergency (ETREAT): %1").arg(e.emergencyReason) : tr("Treatment (TREAT)");
        const QStringList cells{QLocale().toString(DisplayZone::toDisplay(e.at), QLocale::ShortFormat),
                                e.role.isEmpty() ? e.holder : QStringLiteral("%1 (%2)").arg(e.holder, e.role),
                                QStringLiteral("%1 %2").arg(e.patientName, e.patientId).trimmed(),
                                purpose,
                                e.service,
                                e.source,
                                e.categories.join(QStringLiteral(", "))};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells.at(c)));
    }
    m_table->resizeColumnsToContents();
    m_export->setEnabled(!reading.entries.isEmpty());
    Q_EMIT loaded();
}

bool AccessHistoryDialog::exportCsv(const QString &path, QString *error) const
{
    // Owner only (0600), like the history itself: the export names patients.
    return PrivateFiles::writeFile(path, AccessHistory::toCsv(m_reading.entries), error);
}

void AccessHistoryDialog::askExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export access history"), QStringLiteral("access-history.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        QMessageBox::warning(this, tr("Export access history"), tr("The access history could not be exported: %1").arg(error));
}

} // namespace Kakehashi
