#pragma once

#include "session/cardsession.h"
#include "net/hpki/hpkitrust.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace Kakehashi {

// Sign in with an HPKI card: pick the token, see who the authentication certificate names and
// whether it may be used, type the PIN. The card work runs on the CardSession's thread: the dialog
// shows what the card is doing (a busy bar and the step) and stays responsive; a wrong PIN says what
// the card reports about the remaining tries. Accepts when the session signed in (or unlocked).
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(Session::CardSession *session, Net::HpkiTrustAnchors anchors, QWidget *parent = nullptr);

    // The certificate chosen (valid after the dialog accepted).
    Net::HpkiCertificate certificate() const { return m_certificate; }
    bool isBusy() const { return m_session->isBusy(); }

    // For tests and accessibility tools.
    QComboBox *tokenChoice() const { return m_tokens; }
    QLineEdit *pinField() const { return m_pin; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *problemLabel() const { return m_problems; }
    QLabel *pinWarningLabel() const { return m_pinWarning; }
    QLabel *progressLabel() const { return m_progressText; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *signInButton() const { return m_signIn; }

    void refreshTokens();

Q_SIGNALS:
    // The token list is on screen (after construction and every refresh).
    void tokensShown();
    // A sign-in attempt ended without signing in; the reason is in pinWarningLabel().
    void signInRefused();

private:
    void onTokensRead(const QList<Session::CardToken> &tokens, const Net::HpkiCardError &error);
    void showToken(int index);
    void updateButton();
    void signIn();
    void onBusyChanged(bool busy);

    Session::CardSession *m_session;
    Net::HpkiTrustAnchors m_anchors;
    QList<Session::CardToken> m_tokenList;
    bool m_acceptable = false;
    bool m_signingIn = false;
    Net::HpkiCertificate m_certificate;

    QComboBox *m_tokens;
    QPushButton *m_refresh;
    QLabel *m_summary;
    QLabel *m_problems;
    QLabel *m_pinWarning;
    QLineEdit *m_pin;
    QLabel *m_progressText;
    QProgressBar *m_progress;
    QPushButton *m_signIn;
    QDialogButtonBox *m_buttons;
};

} // namespace Kakehashi
