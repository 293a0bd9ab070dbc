#pragma once

#include <QObject>
#include <QTimer>

namespace Kakehashi::Session {

// Locks a session after a time without keyboard, mouse, wheel or touch input anywhere in the
// application: idle() fires once, then nothing until start() again. GUI-free: it watches the input
// events the application delivers (QCoreApplication event filter), whatever window has them.
class IdleLock : public QObject
{
    Q_OBJECT
public:
    explicit IdleLock(QObject *parent = nullptr);
    ~IdleLock() override;

    // |seconds| without input before idle(); 0 never. Starts counting unless paused.
    void setTimeout(int seconds);
    int timeoutSeconds() const { return m_timeoutSeconds; }
    // While paused (the session is locked) nothing counts; resume() starts counting afresh.
    void pause();
    void resume();
    bool isCounting() const { return m_timer.isActive(); }

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer m_timer;
    int m_timeoutSeconds = 0;
    bool m_paused = false;
    bool m_filtering = false;
};

} // namespace Kakehashi::Session
