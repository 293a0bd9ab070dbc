#pragma once

// Measures how long the GUI thread spends on each event. An application-wide event filter marks the
// start of every event delivered on the GUI thread; the event ends when the next one starts or the
// event loop is about to wait (QAbstractEventDispatcher::aboutToBlock). Anything longer than the
// limit is a moment the window could not repaint or react: the test fails and names the event.
//
// On a loaded machine the scheduler may take the CPU away in the middle of a short event; that is not
// the application blocking. So an event is charged its wall time minus the time the thread sat
// runnable in the run queue (Linux /proc/thread-self/schedstat: run delay): what is left is computing
// plus waiting (a blocking call: card, disk, a lock held by another thread). Events over the limit
// on the wall clock but not once the run-queue delay is taken out are listed in preemptedEvents().
//
// Code a test runs directly (outside an event) is not measured: call settle() after a wait returns
// and before posting the next action, and post actions (QMetaObject::invokeMethod, queued) so they run
// as events, as a click would.

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QMetaEnum>
#include <QObject>
#include <QStringList>
#include <QThread>

#include <optional>

#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

class EventLoopWatchdog : public QObject
{
public:
    explicit EventLoopWatchdog(qint64 limitMs = 50)
        : m_limitNs(limitMs * 1000 * 1000)
    {
        m_clock.start();
        m_schedstat = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC); // the GUI thread's
        QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance(QCoreApplication::instance()->thread());
        connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, [this] { close(); });
        QCoreApplication::instance()->installEventFilter(this);
    }
    ~EventLoopWatchdog() override
    {
        QCoreApplication::instance()->removeEventFilter(this);
        if (m_schedstat >= 0)
            ::close(m_schedstat);
    }

    // Ends the event in progress (measured up to now): call it right after a wait returns, since the
    // loop exits without blocking and the test's own code runs next, unmeasured.
    void settle() { close(); }
    // Start a named phase: slow events are reported with it.
    void phase(const QString &name)
    {
        settle();
        m_phase = name;
    }

    qint64 longestMs() const { return m_longestNs / 1000000; }
    // "phase: event type → receiver class (n ms …)" for every event over the limit that blocked or computed.
    const QStringList &slowEvents() const { return m_slow; }
    // Over the limit only because the thread was pre-empted (no CPU over the limit, no voluntary wait).
    const QStringList &preemptedEvents() const { return m_preempted; }
    int eventsSeen() const { return m_events; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (QThread::currentThread() != QCoreApplication::instance()->thread())
            return false;
        close();
        ++m_events;
        const char *type = QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type());
        const Usage usage = threadUsage();
        m_current = Current{m_clock.nsecsElapsed(), usage.cpuNs, usage.runDelayNs,
                            QStringLiteral("%1 → %2 \"%3\"")
                                .arg(QString::fromLatin1(type ? type : "user event"),
                                     QString::fromLatin1(watched->metaObject()->className()), watched->objectName())};
        return false;
    }

private:
    struct Current
    {
        qint64 startNs;
        qint64 cpuNs;
        qint64 runDelayNs;
        QString what;
    };
    struct Usage
    {
        qint64 cpuNs = 0;
        qint64 runDelayNs = 0;
    };
    // "cpu-time-ns run-queue-delay-ns timeslices"; zeros where unavailable (then nothing is discounted).
    Usage threadUsage() const
    {
        char buffer[96] = {};
        if (m_schedstat < 0 || ::pread(m_schedstat, buffer, sizeof buffer - 1, 0) <= 0)
            return {};
        long long cpu = 0, delay = 0;
        if (std::sscanf(buffer, "%lld %lld", &cpu, &delay) != 2)
            return {};
        return {cpu, delay};
    }

    void close()
    {
        if (!m_current)
            return;
        const qint64 took = m_clock.nsecsElapsed() - m_current->startNs;
        m_longestNs = std::max(m_longestNs, took);
        if (took > m_limitNs) {
            const Usage usage = threadUsage();
            const qint64 cpu = usage.cpuNs - m_current->cpuNs;
            const qint64 queued = usage.runDelayNs - m_current->runDelayNs;
            const qint64 charged = took - queued; // computing and waiting, not waiting for a CPU
            const QString line = QStringLiteral("%1: %2 (%3 ms: %4 ms CPU, %5 ms waiting, %6 ms in the run queue)")
                                     .arg(m_phase, m_current->what)
                                     .arg(took / 1000000)
                                     .arg(cpu / 1000000)
                                     .arg(std::max<qint64>(0, took - cpu - queued) / 1000000)
                                     .arg(queued / 1000000);
            (charged > m_limitNs ? m_slow : m_preempted) << line;
        }
        m_current.reset();
    }

    qint64 m_limitNs;
    QElapsedTimer m_clock;
    std::optional<Current> m_current;
    qint64 m_longestNs = 0;
    int m_events = 0;
    QString m_phase;
    QStringList m_slow;
    QStringList m_preempted;
    int m_schedstat = -1;
};
