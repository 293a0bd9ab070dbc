#include "connectionprofiledialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Kakehashi {

ConnectionProfileDialog::ConnectionProfileDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_baseUrl(new QLineEdit(this))
    , m_trustAnchors(new QPlainTextEdit(this))
    , m_clientCert(new QLineEdit(this))
    , m_clientKey(new QLineEdit(this))
    , m_purposeHeader(new QLineEdit(this))
    , m_emergencyHeader(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_retries(new QSpinBox(this))
    , m_pageSize(new QSpinBox(this))
    , m_allowEmergency(new QCheckBox(tr("Allow emergency (break-the-glass) access"), this))
    , m_cacheTtl(new QSpinBox(this))
    , m_cacheBudget(new QSpinBox(this))
{
    setWindowTitle(tr("Sharing-service connection"));
    m_baseUrl->setPlaceholderText(QStringLiteral("https://phr.example.jp/fhir"));
    m_trustAnchors->setPlaceholderText(tr("One PEM file per line. When empty, the system's CAs are used."));
    m_trustAnchors->setMaximumHeight(70);
    m_clientCert->setPlaceholderText(tr("PEM (development only; the HPKI card replaces it)"));
    m_clientKey->setPlaceholderText(tr("PEM (development only)"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s", "seconds"));
    m_retries->setRange(0, 10);
    m_pageSize->setRange(1, 1000);
    m_cacheTtl->setRange(0, 365);
    m_cacheTtl->setSuffix(tr(" days"));
    m_cacheBudget->setRange(1, 100000);
    m_cacheBudget->setSuffix(tr(" MB"));

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("FHIR base URL"), m_baseUrl);
    form->addRow(tr("Trust anchor files"), m_trustAnchors);
    form->addRow(tr("Client certificate"), m_clientCert);
    form->addRow(tr("Client key"), m_clientKey);
    form->addRow(tr("Purpose-of-use header"), m_purposeHeader);
    form->addRow(tr("Emergency-reason header"), m_emergencyHeader);
    form->addRow(tr("Request timeout"), m_timeout);
    form->addRow(tr("Retries (429/503)"), m_retries);
    form->addRow(tr("Page size"), m_pageSize);
    form->addRow(QString(), m_allowEmergency);
    form->addRow(tr("Keep cached records for"), m_cacheTtl);
    form->addRow(tr("Cache size limit"), m_cacheBudget);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectionProfileDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setProfile({});
}

void ConnectionProfileDialog::setProfile(const Net::ConnectionProfile &p)
{
    m_name->setText(p.name);
    m_baseUrl->setText(p.baseUrl.toString());
    m_trustAnchors->setPlainText(p.trustAnchorFiles.join(u'\n'));
    m_clientCert->setText(p.clientCertificateFile);
    m_clientKey->setText(p.clientKeyFile);
    m_purposeHeader->setText(QString::fromLatin1(p.headers.purpose));
    m_emergencyHeader->setText(QString::fromLatin1(p.headers.emergencyReason));
    m_timeout->setValue(qMax(1, p.timeoutMs / 1000));
    m_retries->setValue(p.maxRetries);
    m_pageSize->setValue(p.pageSize);
    m_allowEmergency->setChecked(p.allowEmergencyAccess);
    m_cacheTtl->setValue(p.cacheTtlDays);
    m_cacheBudget->setValue(p.cacheBudgetMb);
}

Net::ConnectionProfile ConnectionProfileDialog::profile(QString *error) const
{
    Net::ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.baseUrl = QUrl(m_baseUrl->text().trimmed());
    for (const QString &line : m_trustAnchors->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty())
            p.trustAnchorFiles << line.trimmed();
    }
    p.clientCertificateFile = m_clientCert->text().trimmed();
    p.clientKeyFile = m_clientKey->text().trimmed();
    p.headers.purpose = m_purposeHeader->text().trimmed().toLatin1();
    p.headers.emergencyReason = m_emergencyHeader->text().trimmed().toLatin1();
    p.timeoutMs = m_timeout->value() * 1000;
    p.maxRetries = m_retries->value();
    p.pageSize = m_pageSize->value();
    p.allowEmergencyAccess = m_allowEmergency->isChecked();
    p.cacheTtlDays = m_cacheTtl->value();
    p.cacheBudgetMb = m_cacheBudget->value();
    if (error) {
        error->clear();
        // HTTP header names are tokens: letters, digits and a few marks.
        static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$"));
        if (p.name.isEmpty() || p.name.contains(u'/') || p.name.contains(u'\\'))
            *error = tr("Give the connection a name without slashes.");
        else if (!p.isValid())
            *error = tr("The base URL must be an http or https address with a host.");
        else if (p.clientCertificateFile.isEmpty() != p.clientKeyFile.isEmpty())
            *error = tr("Give both the client certificate and its key, or neither.");
        else if (!token.match(QString::fromLatin1(p.headers.purpose)).hasMatch()
                 || !token.match(QString::fromLatin1(p.headers.emergencyReason)).hasMatch())
            *error = tr("Header names may contain only letters, digits and - _ . characters.");
    }
    return p;
}

bool ConnectionProfileDialog::saveTo(QSettings &settings, QString *error) const
{
    const Net::ConnectionProfile p = profile(error);
    if (!error->isEmpty())
        return false;
    p.save(settings);
    settings.sync();
    return true;
}

void ConnectionProfileDialog::accept()
{
    QSettings settings;
    QString error;
    if (!saveTo(settings, &error)) {
        QMessageBox::warning(this, tr("Connection not saved"), error);
        return;
    }
    QDialog::accept();
}

} // namespace Kakehashi
