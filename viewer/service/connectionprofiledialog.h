#pragma once

#include "net/connectionprofile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QSettings;
class QTabWidget;

namespace Kakehashi {

// Edits one connection profile and saves it to the settings. Four pages: the service (base URL,
// trust anchors, development client identity, header names, timeouts, page size, emergency access,
// cache TTL and budget), the HPKI card (PKCS#11 module, card trust anchors), the session (idle lock,
// cache purge on sign-out, role header) and imaging (DICOMweb URL or DIMSE PACS, timeout, image cache).
// Invalid input is refused with a message under the pages; nothing is saved then.
class ConnectionProfileDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionProfileDialog(QWidget *parent = nullptr);

    // Fields the dialog does not show (maxRetryDelayMs) are kept from |profile|.
    void setProfile(const Net::ConnectionProfile &profile);
    // The profile the fields describe; |error| is set when it cannot be used.
    Net::ConnectionProfile profile(QString *error = nullptr) const;
    // Validates and writes the profile under connections/<name>; false (and |error|) if invalid.
    bool saveTo(QSettings &settings, QString *error) const;

    // The PKCS#11 modules offered besides the user's own choice: the p11-kit proxy (default) and OpenSC.
    static QStringList knownPkcs11Modules();

    QTabWidget *pages() const { return m_pages; }
    QLabel *errorLabel() const { return m_error; }

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *baseUrlField() const { return m_baseUrl; }
    QPlainTextEdit *trustAnchorsField() const { return m_trustAnchors; }
    QLineEdit *clientCertificateField() const { return m_clientCert; }
    QLineEdit *clientKeyField() const { return m_clientKey; }
    QLineEdit *purposeHeaderField() const { return m_purposeHeader; }
    QLineEdit *emergencyReasonHeaderField() const { return m_emergencyHeader; }
    QSpinBox *timeoutField() const { return m_timeout; }
    QSpinBox *retriesField() const { return m_retries; }
    QSpinBox *pageSizeField() const { return m_pageSize; }
    QCheckBox *allowEmergencyField() const { return m_allowEmergency; }
    QSpinBox *cacheTtlDaysField() const { return m_cacheTtl; }
    QSpinBox *cacheBudgetField() const { return m_cacheBudget; }

    QComboBox *pkcs11ModuleField() const { return m_pkcs11Module; }
    QPlainTextEdit *cardTrustAnchorsField() const { return m_cardTrustAnchors; }
    QComboBox *revocationPolicyField() const { return m_revocationPolicy; }
    QSpinBox *crlTimeoutField() const { return m_crlTimeout; }
    QSpinBox *crlGraceField() const { return m_crlGrace; }

    QSpinBox *idleLockField() const { return m_idleLock; }
    QCheckBox *purgeOnLogoutField() const { return m_purgeOnLogout; }
    QLineEdit *roleHeaderField() const { return m_roleHeader; }
    QCheckBox *pharmacistAllergiesField() const { return m_pharmacistAllergies; }

    QLineEdit *dicomWebUrlField() const { return m_dicomWebUrl; }
    QLineEdit *dimseHostField() const { return m_dimseHost; }
    QLineEdit *dimsePortField() const { return m_dimsePort; }
    QLineEdit *dimseCalledAeField() const { return m_calledAe; }
    QLineEdit *dimseCallingAeField() const { return m_callingAe; }
    QCheckBox *dimseUseMoveField() const { return m_useMove; }
    QLineEdit *dimseMovePortField() const { return m_movePort; }
    QSpinBox *imagingTimeoutField() const { return m_imagingTimeout; }
    QSpinBox *imageCacheBudgetField() const { return m_imageCacheBudget; }
    QPlainTextEdit *localImageFoldersField() const { return m_localImageFolders; }

    void accept() override;

private:
    // The first problem with |p| and the field to fix, or an empty message.
    QString validate(const Net::ConnectionProfile &p, QWidget **field) const;
    void showError(const QString &message, QWidget *field);
    void chooseModule();
    void addCardTrustAnchor();

    Net::ConnectionProfile m_loaded; // carries what the dialog does not edit
    QTabWidget *m_pages;
    QLabel *m_error;

    QLineEdit *m_name;
    QLineEdit *m_baseUrl;
    QPlainTextEdit *m_trustAnchors;
    QLineEdit *m_clientCert;
    QLineEdit *m_clientKey;
    QLineEdit *m_purposeHeader;
    QLineEdit *m_emergencyHeader;
    QSpinBox *m_timeout;
    QSpinBox *m_retries;
    QSpinBox *m_pageSize;
    QCheckBox *m_allowEmergency;
    QSpinBox *m_cacheTtl;
    QSpinBox *m_cacheBudget;

    QComboBox *m_pkcs11Module;
    QComboBox *m_revocationPolicy = nullptr;
    QSpinBox *m_crlTimeout = nullptr;
    QSpinBox *m_crlGrace = nullptr;
    QPlainTextEdit *m_cardTrustAnchors;

    QSpinBox *m_idleLock;
    QCheckBox *m_purgeOnLogout;
    QLineEdit *m_roleHeader;
    QCheckBox *m_pharmacistAllergies = nullptr;

    QLineEdit *m_dicomWebUrl;
    QLineEdit *m_dimseHost;
    QLineEdit *m_dimsePort;
    QLineEdit *m_calledAe;
    QLineEdit *m_callingAe;
    QCheckBox *m_useMove;
    QLineEdit *m_movePort;
    QSpinBox *m_imagingTimeout;
    QSpinBox *m_imageCacheBudget;
    QPlainTextEdit *m_localImageFolders;
};

} // namespace Kakehashi
