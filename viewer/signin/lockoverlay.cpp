#include "lockoverlay.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kakehashi {

LockOverlay::LockOverlay(QWidget *parent, QWidget *keepVisible)
    : QWidget(parent)
    , m_keepVisible(keepVisible)
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("lockOverlay"));
    setAutoFillBackground(true);
    setAttribute(Qt::WA_StyledBackground, true);
    setStyleSheet(QStringLiteral("#lockOverlay { background: #37474f; } QLabel { color: white; font-size: 16px; }"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto *title = new QLabel(tr("Locked"), this);
    title->setAlignment(Qt::AlignCenter);
    title->setStyleSheet(QStringLiteral("QLabel { font-size: 28px; font-weight: bold; }"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    auto *unlock = new QPushButton(tr("Unlock with your card…"), this);
    unlock->setObjectName(QStringLiteral("unlockButton"));
    connect(unlock, &QPushButton::clicked, this, &LockOverlay::unlockRequested);
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addWidget(unlock, 0, Qt::AlignCenter);
    layout->addStretch(2);
    hide();
    parent->installEventFilter(this);
}

void LockOverlay::setMessage(const QString &text)
{
    m_message->setText(text);
}

void LockOverlay::cover()
{
    int top = 0;
    if (m_keepVisible && m_keepVisible->isVisible())
        top = m_keepVisible->geometry().bottom() + 1;
    const QWidget *over = parentWidget();
    setGeometry(0, top, over->width(), over->height() - top);
    raise();
}

bool LockOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        cover();
    return QWidget::eventFilter(watched, event);
}

} // namespace Kakehashi
