#include "connectionprofiledialog.h"

#include "net/hpki/hpkicard.h"
#include "net/hpki/hpkitrust.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Kakehashi {

namespace {

QStringList lines(const QPlainTextEdit *edit)
{
    QStringList out;
    for (const QString &line : edit->toPlainText().split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    }
    return out;
}

// HTTP header names are tokens: letters, digits and a few marks.
bool isHeaderToken(const QByteArray &name)
{
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$"));
    return token.match(QString::fromLatin1(name)).hasMatch();
}

// DICOM AE title (PS3.5 6.2, VR AE): at most 16 characters of the default repertoire, no backslash,
// no control characters, and not only spaces (leading and trailing spaces are not significant).
bool isAeTitle(const QString &ae)
{
    if (ae.isEmpty() || ae.size() > 16 || ae.trimmed().isEmpty())
        return false;
    for (const QChar c : ae) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'\\')
            return false;
    }
    return true;
}

// A TCP port typed into a field: 1..65535, else 0.
quint16 parsePort(const QString &text)
{
    bool ok = false;
    const uint value = text.trimmed().toUInt(&ok);
    return ok && value >= 1 && value <= 65535 ? quint16(value) : quint16(0);
}

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http") && !url.host().isEmpty();
}

} // namespace

ConnectionProfileDialog::ConnectionProfileDialog(QWidget *parent)
    : QDialog(parent)
    , m_pages(new QTabWidget(this))
    , m_error(new QLabel(this))
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
    , m_pkcs11Module(new QComboBox(this))
    , m_cardTrustAnchors(new QPlainTextEdit(this))
    , m_idleLock(new QSpinBox(this))
    , m_purgeOnLogout(new QCheckBox(tr("Remove cached records when signing out"), this))
    , m_roleHeader(new QLineEdit(this))
    , m_dicomWebUrl(new QLineEdit(this))
    , m_dimseHost(new QLineEdit(this))
    , m_dimsePort(new QLineEdit(this))
    , m_calledAe(new QLineEdit(this))
    , m_callingAe(new QLineEdit(this))
    , m_useMove(new QCheckBox(tr("Retrieve with C-MOVE to this computer (instead of C-GET)"), this))
    , m_movePort(new QLineEdit(this))
    , m_imagingTimeout(new QSpinBox(this))
    , m_imageCacheBudget(new QSpinBox(this))
    , m_localImageFolders(new QPlainTextEdit(this))
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

    auto *service = new QWidget(m_pages);
    auto *form = new QFormLayout(service);
    form->addRow(tr("Connection name"), m_name);
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
    m_pages->addTab(service, tr("Service", "settings page: the sharing service"));

    // HPKI card. An empty module means the p11-kit proxy, which loads every registered module.
    m_pkcs11Module->setEditable(true);
    m_pkcs11Module->setInsertPolicy(QComboBox::NoInsert);
    // No inline completion: typing a folder would silently turn into one of the known modules.
    m_pkcs11Module->setCompleter(nullptr);
    m_pkcs11Module->addItems(knownPkcs11Modules());
    m_pkcs11Module->lineEdit()->setPlaceholderText(tr("Default: the p11-kit proxy (%1)").arg(Net::HpkiCard::defaultModulePath()));
    m_pkcs11Module->setToolTip(tr("The PKCS#11 library that reads the HPKI card. The p11-kit proxy loads every "
                                  "module registered with p11-kit; OpenSC reads the card directly."));
    auto *chooseModule = new QPushButton(tr("Choose…"), this);
    chooseModule->setObjectName(QStringLiteral("choosePkcs11Module"));
    connect(chooseModule, &QPushButton::clicked, this, &ConnectionProfileDialog::chooseModule);
    auto *moduleRow = new QHBoxLayout;
    moduleRow->addWidget(m_pkcs11Module, 1);
    moduleRow->addWidget(chooseModule);
    m_cardTrustAnchors->setPlaceholderText(tr("One certificate file (PEM or DER) per line, besides the shipped HPKI roots."));
    m_cardTrustAnchors->setMaximumHeight(70);
    auto *addAnchor = new QPushButton(tr("Add file…"), this);
    addAnchor->setObjectName(QStringLiteral("addCardTrustAnchor"));
    connect(addAnchor, &QPushButton::clicked, this, &ConnectionProfileDialog::addCardTrustAnchor);
    auto *anchorRow = new QHBoxLayout;
    anchorRow->addWidget(m_cardTrustAnchors, 1);
    anchorRow->addWidget(addAnchor, 0, Qt::AlignTop);
    auto *card = new QWidget(m_pages);
    auto *cardForm = new QFormLayout(card);
    cardForm->addRow(tr("PKCS#11 module"), moduleRow);
    cardForm->addRow(tr("Card trust anchor files"), anchorRow);
    // Revocation of the card's certificate at sign-in (net/hpki/revocationcheck.h).
    m_revocationPolicy = new QComboBox(card);
    m_revocationPolicy->setObjectName(QStringLiteral("revocationPolicy"));
    m_revocationPolicy->addItem(tr("Refuse sign-in (hard-fail)"), QStringLiteral("hard"));
    m_revocationPolicy->addItem(tr("Sign in with a warning (soft-fail)"), QStringLiteral("soft"));
    m_revocationPolicy->setToolTip(tr("When the card's certificate is revoked, or its CA's revocation list cannot be "
                                      "obtained, is expired or is not signed by the CA."));
    m_crlTimeout = new QSpinBox(card);
    m_crlTimeout->setRange(1, 120);
    m_crlTimeout->setSuffix(tr(" s", "seconds"));
    m_crlGrace = new QSpinBox(card);
    m_crlGrace->setRange(0, 168);
    m_crlGrace->setSuffix(tr(" h", "hours"));
    m_crlGrace->setToolTip(tr("How long after its next update a kept revocation list is still used when the CA cannot be reached."));
    cardForm->addRow(tr("Revoked or unverifiable certificate"), m_revocationPolicy);
    cardForm->addRow(tr("Revocation list download timeout"), m_crlTimeout);
    cardForm->addRow(tr("Offline grace after next update"), m_crlGrace);
    m_pages->addTab(card, tr("HPKI card"));

    m_idleLock->setRange(0, 24 * 3600);
    m_idleLock->setSuffix(tr(" s", "seconds"));
    m_idleLock->setSpecialValueText(tr("Never", "idle lock"));
    m_roleHeader->setPlaceholderText(tr("Optional, e.g. X-Role: also send the certificate's role in this header"));
    auto *session = new QWidget(m_pages);
    auto *sessionForm = new QFormLayout(session);
    sessionForm->addRow(tr("Lock after idle"), m_idleLock);
    sessionForm->addRow(QString(), m_purgeOnLogout);
    sessionForm->addRow(tr("Role header"), m_roleHeader);
    m_pharmacistAllergies = new QCheckBox(tr("Pharmacy view: show allergies and drug contraindications the service sends"), this);
    m_pharmacistAllergies->setToolTip(tr("Off: pharmacists see disease names and medications only, as the sharing-service "
                                         "rule provides; the allergy banner then says they are not disclosed to this role."));
    sessionForm->addRow(QString(), m_pharmacistAllergies);
    m_pages->addTab(session, tr("Session"));

    m_dicomWebUrl->setPlaceholderText(QStringLiteral("https://pacs.example.jp/dicom-web"));
    m_dimseHost->setPlaceholderText(tr("Used when no DICOMweb address is known"));
    m_dimsePort->setPlaceholderText(QStringLiteral("104"));
    m_movePort->setPlaceholderText(tr("Our storage port, registered at the PACS"));
    m_imagingTimeout->setRange(1, 600);
    m_imagingTimeout->setSuffix(tr(" s", "seconds"));
    m_imageCacheBudget->setRange(1, 1000000);
    m_imageCacheBudget->setSuffix(tr(" MB"));
    connect(m_useMove, &QCheckBox::toggled, m_movePort, &QLineEdit::setEnabled);
    auto *imaging = new QWidget(m_pages);
    auto *imagingForm = new QFormLayout(imaging);
    imagingForm->addRow(tr("DICOMweb base URL"), m_dicomWebUrl);
    imagingForm->addRow(tr("PACS host (DIMSE)"), m_dimseHost);
    imagingForm->addRow(tr("PACS port"), m_dimsePort);
    imagingForm->addRow(tr("PACS AE title"), m_calledAe);
    imagingForm->addRow(tr("Our AE title"), m_callingAe);
    imagingForm->addRow(QString(), m_useMove);
    imagingForm->addRow(tr("C-MOVE storage port"), m_movePort);
    imagingForm->addRow(tr("Retrieval timeout"), m_imagingTimeout);
    imagingForm->addRow(tr("Image cache size limit"), m_imageCacheBudget);
    m_localImageFolders->setPlaceholderText(tr("One folder or DICOMDIR per line (e.g. a mounted CD). Searched when no PACS is set."));
    m_localImageFolders->setMaximumHeight(70);
    imagingForm->addRow(tr("Local image folders"), m_localImageFolders);
    m_pages->addTab(imaging, tr("Imaging"));

    m_error->setObjectName(QStringLiteral("connectionError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setAccessibleName(tr("Why the connection was not saved"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectionProfileDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setProfile({});
}

QStringList ConnectionProfileDialog::knownPkcs11Modules()
{
#if defined(Q_OS_WIN)
    return {Net::HpkiCard::defaultModulePath()};
#else
    return {Net::HpkiCard::defaultModulePath(), QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so")};
#endif
}

void ConnectionProfileDialog::setProfile(const Net::ConnectionProfile &p)
{
    m_loaded = p;
    m_error->clear();
    m_error->hide();
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

    m_pkcs11Module->setEditText(p.pkcs11Module);
    m_cardTrustAnchors->setPlainText(p.cardTrustAnchorFiles.join(u'\n'));
    m_revocationPolicy->setCurrentIndex(m_revocationPolicy->findData(Net::revocationPolicyToString(p.revocationPolicy)));
    m_crlTimeout->setValue(p.crlTimeoutSeconds);
    m_crlGrace->setValue(p.crlGraceHours);

    m_idleLock->setValue(p.idleLockSeconds);
    m_purgeOnLogout->setChecked(p.purgeCacheOnLogout);
    m_roleHeader->setText(QString::fromLatin1(p.roleHeader));
    m_pharmacistAllergies->setChecked(p.pharmacistSeesAllergies);

    m_dicomWebUrl->setText(p.imagingDicomWebUrl.toString());
    m_dimseHost->setText(p.imagingDimseHost);
    m_dimsePort->setText(p.imagingDimsePort ? QString::number(p.imagingDimsePort) : QString());
    m_calledAe->setText(p.imagingDimseCalledAe);
    m_callingAe->setText(p.imagingDimseCallingAe);
    m_useMove->setChecked(p.imagingDimseUseMove);
    m_movePort->setText(p.imagingDimseMovePort ? QString::number(p.imagingDimseMovePort) : QString());
    m_movePort->setEnabled(p.imagingDimseUseMove);
    m_imagingTimeout->setValue(qMax(1, p.imagingTimeoutSeconds));
    m_imageCacheBudget->setValue(qMax(1, p.imageCacheBudgetMb));
    m_localImageFolders->setPlainText(p.imagingLocalFolders.join(u'\n'));
}

Net::ConnectionProfile ConnectionProfileDialog::profile(QString *error) const
{
    Net::ConnectionProfile p = m_loaded;
    p.name = m_name->text().trimmed();
    p.baseUrl = QUrl(m_baseUrl->text().trimmed());
    p.trustAnchorFiles = lines(m_trustAnchors);
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

    p.pkcs11Module = m_pkcs11Module->currentText().trimmed();
    p.cardTrustAnchorFiles = lines(m_cardTrustAnchors);
    p.revocationPolicy = Net::revocationPolicyFromString(m_revocationPolicy->currentData().toString());
    p.crlTimeoutSeconds = m_crlTimeout->value();
    p.crlGraceHours = m_crlGrace->value();

    p.idleLockSeconds = m_idleLock->value();
    p.purgeCacheOnLogout = m_purgeOnLogout->isChecked();
    p.roleHeader = m_roleHeader->text().trimmed().toLatin1();
    p.pharmacistSeesAllergies = m_pharmacistAllergies->isChecked();

    p.imagingDicomWebUrl = QUrl(m_dicomWebUrl->text().trimmed());
    p.imagingDimseHost = m_dimseHost->text().trimmed();
    // An empty port field keeps the default (104); a wrong one is reported by validate().
    p.imagingDimsePort = m_dimsePort->text().trimmed().isEmpty() ? Net::ConnectionProfile().imagingDimsePort
                                                                  : parsePort(m_dimsePort->text());
    // AE titles are kept as typed: validate() refuses what a PACS would.
    p.imagingDimseCalledAe = m_calledAe->text();
    p.imagingDimseCallingAe = m_callingAe->text();
    p.imagingDimseUseMove = m_useMove->isChecked();
    p.imagingDimseMovePort = parsePort(m_movePort->text());
    p.imagingTimeoutSeconds = m_imagingTimeout->value();
    p.imageCacheBudgetMb = m_imageCacheBudget->value();
    p.imagingLocalFolders = lines(m_localImageFolders);
    if (error) {
        QWidget *field = nullptr;
        *error = validate(p, &field);
    }
    return p;
}

QString ConnectionProfileDialog::validate(const Net::ConnectionProfile &p, QWidget **field) const
{
    const auto fail = [field](QWidget *where, const QString &message) {
        *field = where;
        return message;
    };
    if (p.name.isEmpty() || p.name.contains(u'/') || p.name.contains(u'\\'))
        return fail(m_name, tr("Give the connection a name without slashes."));
    if (!p.isValid())
        return fail(m_baseUrl, tr("The base URL must be an http or https address with a host."));
    if (p.clientCertificateFile.isEmpty() != p.clientKeyFile.isEmpty())
        return fail(p.clientCertificateFile.isEmpty() ? m_clientCert : m_clientKey,
                    tr("Give both the client certificate and its key, or neither."));
    if (!isHeaderToken(p.headers.purpose) || !isHeaderToken(p.headers.emergencyReason))
        return fail(isHeaderToken(p.headers.purpose) ? m_emergencyHeader : m_purposeHeader,
                    tr("Header names may contain only letters, digits and - _ . characters."));

    // A bare library name is looked up on the loader's search path; a path must name a file.
    if (!p.pkcs11Module.isEmpty() && (p.pkcs11Module.contains(u'/') || p.pkcs11Module.contains(u'\\'))
        && !QFileInfo(p.pkcs11Module).isFile())
        return fail(m_pkcs11Module, tr("The PKCS#11 module %1 does not exist.").arg(p.pkcs11Module));
    for (const QString &file : p.cardTrustAnchorFiles) {
        Net::HpkiTrustAnchors anchors;
        if (!anchors.addFile(file))
            return fail(m_cardTrustAnchors, tr("Card trust anchor file %1 holds no certificate.").arg(file));
    }

    if (!p.roleHeader.isEmpty() && !isHeaderToken(p.roleHeader))
        return fail(m_roleHeader, tr("Header names may contain only letters, digits and - _ . characters."));

    if (!p.imagingDicomWebUrl.isEmpty() && !isWebUrl(p.imagingDicomWebUrl))
        return fail(m_dicomWebUrl, tr("The DICOMweb URL must be an http or https address with a host."));
    const bool dimse = !p.imagingDimseHost.isEmpty();
    if (p.imagingDimseHost.contains(QRegularExpression(QStringLiteral("\\s"))))
        return fail(m_dimseHost, tr("The PACS host name must not contain spaces."));
    if (!m_dimsePort->text().trimmed().isEmpty() && p.imagingDimsePort == 0)
        return fail(m_dimsePort, tr("The PACS port must be a number from 1 to 65535."));
    if ((dimse || !p.imagingDimseCalledAe.isEmpty()) && !isAeTitle(p.imagingDimseCalledAe))
        return fail(m_calledAe, tr("The PACS AE title must have 1 to 16 characters (letters, digits, spaces and marks, no backslash)."));
    if ((dimse || !p.imagingDimseCallingAe.isEmpty()) && !isAeTitle(p.imagingDimseCallingAe))
        return fail(m_callingAe, tr("Our AE title must have 1 to 16 characters (letters, digits, spaces and marks, no backslash)."));
    if ((p.imagingDimseUseMove || !m_movePort->text().trimmed().isEmpty()) && p.imagingDimseMovePort == 0)
        return fail(m_movePort, tr("The C-MOVE storage port must be a number from 1 to 65535."));
    if (p.imagingDimseUseMove && !dimse)
        return fail(m_dimseHost, tr("C-MOVE needs the PACS host."));
    return {};
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

void ConnectionProfileDialog::showError(const QString &message, QWidget *field)
{
    m_error->setText(message);
    m_error->show();
    if (!field)
        return;
    for (int i = 0; i < m_pages->count(); ++i) {
        if (m_pages->widget(i)->isAncestorOf(field))
            m_pages->setCurrentIndex(i);
    }
    field->setFocus(Qt::OtherFocusReason);
}

void ConnectionProfileDialog::accept()
{
    QString error;
    const Net::ConnectionProfile p = profile(&error);
    if (!error.isEmpty()) {
        QWidget *field = nullptr;
        validate(p, &field);
        showError(error, field);
        return;
    }
    m_error->clear();
    m_error->hide();
    QSettings settings;
    p.save(settings);
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        showError(tr("The settings file cannot be written."), nullptr);
        return;
    }
    QDialog::accept();
}

void ConnectionProfileDialog::chooseModule()
{
    const QString current = m_pkcs11Module->currentText().trimmed();
    const QString file = QFileDialog::getOpenFileName(this, tr("PKCS#11 module"),
                                                      QFileInfo(current.isEmpty() ? Net::HpkiCard::defaultModulePath() : current).absolutePath(),
#if defined(Q_OS_WIN)
                                                      tr("PKCS#11 modules (*.dll)"));
#else
                                                      tr("PKCS#11 modules (*.so *.so.*)"));
#endif
    if (!file.isEmpty())
        m_pkcs11Module->setEditText(file);
}

void ConnectionProfileDialog::addCardTrustAnchor()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Card trust anchor"), QString(),
                                                      tr("Certificates (*.pem *.crt *.cer *.der)"));
    if (file.isEmpty())
        return;
    QStringList files = lines(m_cardTrustAnchors);
    if (!files.contains(file))
        files << file;
    m_cardTrustAnchors->setPlainText(files.join(u'\n'));
}

} // namespace Kakehashi
