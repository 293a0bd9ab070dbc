#pragma once

#include "connectionprofile.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QSettings;

namespace Kakehashi {

// Edits one connection profile (base URL, trust anchors, development client identity, header
// names, timeouts, page size, emergency access, cache TTL and budget) and saves it to the settings.
class ConnectionProfileDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionProfileDialog(QWidget *parent = nullptr);

    void setProfile(const Net::ConnectionProfile &profile);
    // The profile the fields describe; |error| is set when it cannot be used.
    Net::ConnectionProfile profile(QString *error = nullptr) const;
    // Validates and writes the profile under connections/<name>; false (and |error|) if invalid.
    bool saveTo(QSettings &settings, QString *error) const;

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

    void accept() override;

private:
    QLineEdit *pathField(QWidget *parent);

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
};

} // namespace Kakehashi
