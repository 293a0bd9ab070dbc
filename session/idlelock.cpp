#include "idlelock.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

namespace Kakehashi::Session {

IdleLock::IdleLock(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::idle);
}

IdleLock::~IdleLock()
{
    if (m_filtering && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleLock::setTimeout(int seconds)
{
    m_timer.stop();
    m_timeoutSeconds = std::max(0, seconds);
    // Only while a timeout is set: every event of the application passes this filter.
    const bool filter = m_timeoutSeconds > 0;
    if (filter != m_filtering) {
        if (filter)
            QCoreApplication::instance()->installEventFilter(this);
        else
            QCoreApplication::instance()->removeEventFilter(this);
        m_filtering = filter;
    }
    if (m_timeoutSeconds > 0) {
        m_timer.setInterval(m_timeoutSeconds * 1000);
        if (!m_paused)
            m_timer.start();
    }
}

void IdleLock::pause()
{
    m_paused = true;
    m_timer.stop();
}

void IdleLock::resume()
{
    m_paused = false;
    if (m_timeoutSeconds > 0)
        m_timer.start();
}

bool IdleLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (!m_paused && m_timer.isActive())
            m_timer.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Kakehashi::Session
