#pragma once

#include <QWidget>

class QLabel;

namespace Kakehashi {

// The opaque cover of a locked session: above the record and the docks of |parent|, below its
// |keepVisible| widget (the toolbar with the user's name), with why it is locked and an unlock button.
class LockOverlay : public QWidget
{
    Q_OBJECT
public:
    LockOverlay(QWidget *parent, QWidget *keepVisible);

    void setMessage(const QString &text);
    QLabel *message() const { return m_message; }
    // Covers the parent again (after a resize) and shows itself on top.
    void cover();

Q_SIGNALS:
    void unlockRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_keepVisible;
    QLabel *m_message;
};

} // namespace Kakehashi
