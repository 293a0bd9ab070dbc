#pragma once

#include "hpkicard.h"
#include "hpkitrust.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Kakehashi {

// Sign in with an HPKI card: pick the token, see who the authentication certificate names and
// whether it may be used, type the PIN. On success identity() holds the on-card TLS identity.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(Net::HpkiCard *card, Net::HpkiTrustAnchors anchors, QWidget *parent = nullptr);

    Net::HpkiTlsIdentity identity() const { return m_identity; }
    Net::HpkiCertificate certificate() const { return m_certificate; }

    // For tests and accessibility tools.
    QComboBox *tokenChoice() const { return m_tokens; }
    QLineEdit *pinField() const { return m_pin; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *problemLabel() const { return m_problems; }
    QLabel *pinWarningLabel() const { return m_pinWarning; }
    QPushButton *signInButton() const { return m_signIn; }

    void refreshTokens();

private:
    void showToken(int index);
    void updateButton();
    void signIn();

    Net::HpkiCard *m_card;
    Net::HpkiTrustAnchors m_anchors;
    QList<Net::HpkiToken> m_tokenList;
    std::optional<Net::HpkiCardCertificate> m_auth;
    bool m_acceptable = false;
    Net::HpkiTlsIdentity m_identity;
    Net::HpkiCertificate m_certificate;

    QComboBox *m_tokens;
    QLabel *m_summary;
    QLabel *m_problems;
    QLabel *m_pinWarning;
    QLineEdit *m_pin;
    QPushButton *m_signIn;
    QDialogButtonBox *m_buttons;
};

} // namespace Kakehashi
