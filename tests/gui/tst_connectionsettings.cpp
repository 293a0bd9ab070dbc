// The connection settings dialog: every group (service, HPKI card, session, imaging) typed in and
// saved round-trips through QSettings; invalid input is refused with a visible message and nothing
// is saved; Service › Purge cached records… asks first and only a "Yes" empties the cache.
#include "../testsupport.h"

#include "viewer/service/connectionprofiledialog.h"
#include "app/mainwindow.h"
#include "store/recordcache.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

using namespace Kakehashi;

namespace {

const QString HpkiRoot = QStringLiteral(KAKEHASHI_SOURCE_DIR "/resources/hpki/mhlw_hpki_root_ca_v2.cer");

// Types |text|; what a keyboard cannot send (kanji) arrives as an input method commits it.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClicks(widget, QString(c));
        } else {
            QInputMethodEvent commit;
            commit.setCommitString(QString(c));
            QApplication::sendEvent(widget, &commit);
        }
    }
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    typeText(edit, text);
}

void typeInto(QSpinBox *spin, int value)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
    QTest::keyClick(spin, Qt::Key_Tab); // commits the typed text
}

void typeInto(QPlainTextEdit *edit, const QStringList &lines)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i)
            QTest::keyClick(edit, Qt::Key_Return);
        typeText(edit, lines.at(i));
    }
}

void setChecked(QCheckBox *box, bool checked)
{
    if (box->isChecked() != checked)
        QTest::keyClick(box, Qt::Key_Space);
}

void clickSave(ConnectionProfileDialog *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
}

// A profile that passes every check, as a starting point for the refusals.
Net::ConnectionProfile validProfile(const QString &name)
{
    Net::ConnectionProfile p = Net::ConnectionProfile::fromUrl(QUrl(QStringLiteral("https://phr.example.jp/fhir")));
    p.name = name;
    p.imagingDimseHost = QStringLiteral("pacs.example.jp");
    p.imagingDimsePort = 11112;
    p.imagingDimseCalledAe = QStringLiteral("PACS");
    return p;
}

bool hasSaved(const QString &name)
{
    QSettings settings;
    return Net::ConnectionProfile::savedNames(settings).contains(name);
}

// Answers the next modal message box with |button| once it is shown; records its title.
void answerMessageBox(QMessageBox::StandardButton button, QString *title)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, title] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        *title = box->windowTitle();
        timer->stop();
        timer->deleteLater();
        QTest::mouseClick(box->button(button), Qt::LeftButton);
    });
    timer->start();
}

} // namespace

class TestConnectionSettings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // As main() does: the dialog saves to QSettings() (test mode: a throw-away folder).
        QCoreApplication::setOrganizationName(QStringLiteral("Kakehashi"));
        QCoreApplication::setApplicationName(QStringLiteral("kakehashi"));
        // Those names share one test-mode folder across runs: start it empty.
        KakehashiTest::resetTestPaths();
        QVERIFY(QFile::exists(HpkiRoot));
    }

    void init()
    {
        QSettings settings;
        settings.remove(QStringLiteral("connections"));
        settings.sync();
    }

    void offersTheDocumentedModules()
    {
        ConnectionProfileDialog dialog;
        QStringList offered;
        for (int i = 0; i < dialog.pkcs11ModuleField()->count(); ++i)
            offered << dialog.pkcs11ModuleField()->itemText(i);
        QVERIFY(offered.contains(QStringLiteral("/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so")));
        QVERIFY(offered.contains(QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so")));
        // Nothing chosen means the default (the p11-kit proxy), stored as an empty module.
        QVERIFY(dialog.pkcs11ModuleField()->currentText().isEmpty());
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("choosePkcs11Module")));
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("module");
        QTest::addColumn<int>("idleLock");
        QTest::addColumn<bool>("purge");
        QTest::addColumn<QString>("roleHeader");
        QTest::addColumn<QString>("dicomWeb");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("calledAe");
        QTest::addColumn<QString>("callingAe");
        QTest::addColumn<bool>("useMove");
        QTest::addColumn<QString>("movePort");
        QTest::addColumn<int>("imagingTimeout");
        QTest::addColumn<int>("imageBudget");

        QTest::newRow("opensc, dicomweb, purge") << QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so") << 300 << true
                                               << QStringLiteral("X-Hc-Role") << QStringLiteral("https://pacs.example.jp/dicom-web")
                                               << QString() << QString() << QString() << QStringLiteral("KAKEHASHI") << false
                                               << QString() << 45 << 4096;
        QTest::newRow("default module, dimse c-move, never lock") << QString() << 0 << false << QString() << QString()
                                                                  << QStringLiteral("10.0.0.5") << QStringLiteral("11112")
                                                                  << QStringLiteral("ORTHANC") << QStringLiteral("KK WS-01")
                                                                  << true << QStringLiteral("4106") << 120 << 100;
        QTest::newRow("dimse c-get, 16-char titles") << QStringLiteral("/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so") << 86400 << true
                                                     << QString() << QString() << QStringLiteral("pacs.example.jp")
                                                     << QStringLiteral("104") << QStringLiteral("ABCDEFGHIJKLMNOP")
                                                     << QStringLiteral("KAKEHASHI_VIEWER") << false << QString() << 1 << 1;
    }

    void roundTrip()
    {
        QFETCH(QString, module);
        QFETCH(int, idleLock);
        QFETCH(bool, purge);
        QFETCH(QString, roleHeader);
        QFETCH(QString, dicomWeb);
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QString, calledAe);
        QFETCH(QString, callingAe);
        QFETCH(bool, useMove);
        QFETCH(QString, movePort);
        QFETCH(int, imagingTimeout);
        QFETCH(int, imageBudget);

        Net::ConnectionProfile start;
        start.maxRetryDelayMs = 1234; // not in the dialog: must survive the edit
        ConnectionProfileDialog dialog;
        dialog.setProfile(start);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        typeInto(dialog.nameField(), QStringLiteral("clinic"));
        typeInto(dialog.baseUrlField(), QStringLiteral("https://phr.example.jp/fhir"));
        typeInto(dialog.trustAnchorsField(), {QStringLiteral("/etc/kakehashi/service-ca.pem")});
        typeInto(dialog.timeoutField(), 20);
        typeInto(dialog.pageSizeField(), 250);
        setChecked(dialog.allowEmergencyField(), true);
        typeInto(dialog.cacheTtlDaysField(), 3);

        dialog.pages()->setCurrentIndex(1);
        typeInto(dialog.pkcs11ModuleField()->lineEdit(), module);
        typeInto(dialog.cardTrustAnchorsField(), {HpkiRoot, QStringLiteral(KAKEHASHI_SOURCE_DIR "/resources/hpki/medis_auth_ca.cer")});

        dialog.pages()->setCurrentIndex(2);
        typeInto(dialog.idleLockField(), idleLock);
        setChecked(dialog.purgeOnLogoutField(), purge);
        typeInto(dialog.roleHeaderField(), roleHeader);

        dialog.pages()->setCurrentIndex(3);
        typeInto(dialog.dicomWebUrlField(), dicomWeb);
        typeInto(dialog.dimseHostField(), host);
        typeInto(dialog.dimsePortField(), port);
        typeInto(dialog.dimseCalledAeField(), calledAe);
        typeInto(dialog.dimseCallingAeField(), callingAe);
        setChecked(dialog.dimseUseMoveField(), useMove);
        QCOMPARE(dialog.dimseMovePortField()->isEnabled(), useMove);
        typeInto(dialog.dimseMovePortField(), movePort);
        typeInto(dialog.imagingTimeoutField(), imagingTimeout);
        typeInto(dialog.imageCacheBudgetField(), imageBudget);

        clickSave(&dialog);
        QVERIFY2(dialog.errorLabel()->isHidden(), qPrintable(dialog.errorLabel()->text()));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        QSettings settings;
        QCOMPARE(Net::ConnectionProfile::savedNames(settings), QStringList{QStringLiteral("clinic")});
        const Net::ConnectionProfile p = Net::ConnectionProfile::load(settings, QStringLiteral("clinic"));
        QCOMPARE(p.baseUrl, QUrl(QStringLiteral("https://phr.example.jp/fhir")));
        QCOMPARE(p.trustAnchorFiles, QStringList{QStringLiteral("/etc/kakehashi/service-ca.pem")});
        QCOMPARE(p.timeoutMs, 20000);
        QCOMPARE(p.pageSize, 250);
        QCOMPARE(p.allowEmergencyAccess, true);
        QCOMPARE(p.cacheTtlDays, 3);
        QCOMPARE(p.maxRetryDelayMs, 1234);
        QCOMPARE(p.pkcs11Module, module);
        QCOMPARE(p.cardTrustAnchorFiles.size(), 2);
        QCOMPARE(p.cardTrustAnchorFiles.first(), HpkiRoot);
        QCOMPARE(p.idleLockSeconds, idleLock);
        QCOMPARE(p.purgeCacheOnLogout, purge);
        QCOMPARE(p.roleHeader, roleHeader.toLatin1());
        QCOMPARE(p.imagingDicomWebUrl, QUrl(dicomWeb));
        QCOMPARE(p.imagingDimseHost, host);
        QCOMPARE(p.imagingDimsePort, quint16(port.isEmpty() ? 104 : port.toUInt()));
        QCOMPARE(p.imagingDimseCalledAe, calledAe);
        QCOMPARE(p.imagingDimseCallingAe, callingAe);
        QCOMPARE(p.imagingDimseUseMove, useMove);
        QCOMPARE(p.imagingDimseMovePort, quint16(movePort.toUInt()));
        QCOMPARE(p.imagingTimeoutSeconds, imagingTimeout);
        QCOMPARE(p.imageCacheBudgetMb, imageBudget);

        // And back into a dialog: the fields show what was saved.
        ConnectionProfileDialog again;
        again.setProfile(p);
        QCOMPARE(again.pkcs11ModuleField()->currentText(), module);
        QCOMPARE(again.idleLockField()->value(), idleLock);
        QCOMPARE(again.dimseCalledAeField()->text(), calledAe);
        QCOMPARE(again.dimseUseMoveField()->isChecked(), useMove);
        QString error;
        QCOMPARE(again.profile(&error).imagingDimseMovePort, p.imagingDimseMovePort);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void refusesInvalid_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("valid");
        QTest::addColumn<QString>("message");

        const QString port = QStringLiteral("The PACS port must be a number from 1 to 65535.");
        const QString calledAe = QStringLiteral("The PACS AE title must have 1 to 16 characters (letters, digits, spaces and marks, no backslash).");
        const QString callingAe = QStringLiteral("Our AE title must have 1 to 16 characters (letters, digits, spaces and marks, no backslash).");
        QTest::newRow("port above range") << QStringLiteral("port") << QStringLiteral("65536") << QStringLiteral("4242") << port;
        QTest::newRow("port zero") << QStringLiteral("port") << QStringLiteral("0") << QStringLiteral("104") << port;
        QTest::newRow("port not a number") << QStringLiteral("port") << QStringLiteral("http") << QStringLiteral("104") << port;
        QTest::newRow("called AE 17 chars") << QStringLiteral("calledAe") << QStringLiteral("ABCDEFGHIJKLMNOPQ")
                                            << QStringLiteral("ABCDEFGHIJKLMNOP") << calledAe;
        QTest::newRow("called AE backslash") << QStringLiteral("calledAe") << QStringLiteral("PACS\\1") << QStringLiteral("PACS1") << calledAe;
        QTest::newRow("called AE only spaces") << QStringLiteral("calledAe") << QStringLiteral("   ") << QStringLiteral("PACS") << calledAe;
        QTest::newRow("called AE kanji") << QStringLiteral("calledAe") << QStringLiteral("画像サーバ") << QStringLiteral("GAZO") << calledAe;
        QTest::newRow("calling AE backslash") << QStringLiteral("callingAe") << QStringLiteral("KK\\WS") << QStringLiteral("KK_WS") << callingAe;
        QTest::newRow("calling AE 20 chars") << QStringLiteral("callingAe") << QStringLiteral("KAKEHASHI-WORKSTATN1")
                                             << QStringLiteral("KAKEHASHI-WS1") << callingAe;
        QTest::newRow("move port out of range") << QStringLiteral("movePort") << QStringLiteral("99999") << QStringLiteral("4106")
                                                << QStringLiteral("The C-MOVE storage port must be a number from 1 to 65535.");
        QTest::newRow("missing module file") << QStringLiteral("module") << QStringLiteral("/usr/lib/no-such-dir/hpki-pkcs11.so")
                                             << QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so")
                                             << QStringLiteral("The PKCS#11 module /usr/lib/no-such-dir/hpki-pkcs11.so does not exist.");
        QTest::newRow("module is a folder") << QStringLiteral("module") << QStringLiteral("/usr/lib")
                                            << QString() << QStringLiteral("The PKCS#11 module /usr/lib does not exist.");
        QTest::newRow("card anchor not a certificate") << QStringLiteral("cardAnchors") << QStringLiteral(KAKEHASHI_SOURCE_DIR "/README.md")
                                                       << HpkiRoot
                                                       << QStringLiteral("Card trust anchor file " KAKEHASHI_SOURCE_DIR "/README.md holds no certificate.");
        QTest::newRow("role header with space") << QStringLiteral("roleHeader") << QStringLiteral("X Role") << QStringLiteral("X-Role")
                                                << QStringLiteral("Header names may contain only letters, digits and - _ . characters.");
        QTest::newRow("dicomweb not http") << QStringLiteral("dicomWeb") << QStringLiteral("dicom://pacs/") << QStringLiteral("http://pacs:8042/dicom-web")
                                           << QStringLiteral("The DICOMweb URL must be an http or https address with a host.");
        QTest::newRow("host with space") << QStringLiteral("host") << QStringLiteral("pacs example") << QStringLiteral("pacs.example")
                                         << QStringLiteral("The PACS host name must not contain spaces.");
    }

    void refusesInvalid()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, valid);
        QFETCH(QString, message);

        ConnectionProfileDialog dialog;
        Net::ConnectionProfile start = validProfile(QStringLiteral("pacs-site"));
        start.imagingDimseUseMove = field == u"movePort";
        start.imagingDimseMovePort = start.imagingDimseUseMove ? 4106 : 0;
        dialog.setProfile(start);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        const std::map<QString, QWidget *> fields{
            {QStringLiteral("port"), dialog.dimsePortField()},
            {QStringLiteral("calledAe"), dialog.dimseCalledAeField()},
            {QStringLiteral("callingAe"), dialog.dimseCallingAeField()},
            {QStringLiteral("movePort"), dialog.dimseMovePortField()},
            {QStringLiteral("module"), dialog.pkcs11ModuleField()},
            {QStringLiteral("cardAnchors"), dialog.cardTrustAnchorsField()},
            {QStringLiteral("roleHeader"), dialog.roleHeaderField()},
            {QStringLiteral("dicomWeb"), dialog.dicomWebUrlField()},
            {QStringLiteral("host"), dialog.dimseHostField()},
        };
        QWidget *target = fields.at(field);
        const auto type = [&](const QString &value) {
            if (auto *edit = qobject_cast<QLineEdit *>(target))
                typeInto(edit, value);
            else if (auto *combo = qobject_cast<QComboBox *>(target))
                typeInto(combo->lineEdit(), value);
            else if (auto *plain = qobject_cast<QPlainTextEdit *>(target))
                typeInto(plain, {value});
        };
        // Start on the first page: the refusal must bring the offending field into view.
        dialog.pages()->setCurrentIndex(0);
        type(text);
        dialog.pages()->setCurrentIndex(0);
        clickSave(&dialog);

        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.errorLabel()->isVisible());
        QCOMPARE(dialog.errorLabel()->text(), message);
        QVERIFY(dialog.pages()->currentWidget()->isAncestorOf(target));
        QVERIFY(!hasSaved(QStringLiteral("pacs-site")));

        // The same dialog with that one field corrected saves: the refusal was about the field.
        type(valid);
        clickSave(&dialog);
        QVERIFY2(dialog.errorLabel()->isHidden(), qPrintable(dialog.errorLabel()->text()));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(hasSaved(QStringLiteral("pacs-site")));
    }

    // The card certificate's revocation check: policy, download timeout and offline grace, on the
    // HPKI card page; hard-fail until the user chooses otherwise.
    void revocationSettingsRoundTrip()
    {
        ConnectionProfileDialog dialog;
        dialog.setProfile(validProfile(QStringLiteral("crl")));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.pages()->setCurrentIndex(1);
        QVERIFY(dialog.revocationPolicyField()->isVisible());
        QCOMPARE(dialog.revocationPolicyField()->currentData().toString(), QStringLiteral("hard"));
        QCOMPARE(dialog.crlTimeoutField()->value(), 10);
        QCOMPARE(dialog.crlGraceField()->value(), 24);
        dialog.revocationPolicyField()->setFocus();
        QTest::keyClick(dialog.revocationPolicyField(), Qt::Key_Down);
        QCOMPARE(dialog.revocationPolicyField()->currentData().toString(), QStringLiteral("soft"));
        typeInto(dialog.crlTimeoutField(), 5);
        typeInto(dialog.crlGraceField(), 48);
        clickSave(&dialog);
        QVERIFY2(dialog.errorLabel()->isHidden(), qPrintable(dialog.errorLabel()->text()));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        QSettings settings;
        const Net::ConnectionProfile p = Net::ConnectionProfile::load(settings, QStringLiteral("crl"));
        QCOMPARE(p.revocationPolicy, Net::RevocationPolicy::Soft);
        QCOMPARE(p.crlTimeoutSeconds, 5);
        QCOMPARE(p.crlGraceHours, 48);
        ConnectionProfileDialog again;
        again.setProfile(p);
        QCOMPARE(again.revocationPolicyField()->currentData().toString(), QStringLiteral("soft"));
        QCOMPARE(again.crlGraceField()->value(), 48);
    }

    // Profiles saved before format 2 hold the page size of their day's default (100) whether or not
    // anyone chose it: read as today's default. A size chosen now, 100 included, stays.
    void olderProfilesGetTheCurrentPageSize()
    {
        QSettings settings;
        const auto saveAsOlderVersion = [&settings](const QString &name, int pageSize) {
            Net::ConnectionProfile p = validProfile(name);
            p.pageSize = pageSize;
            p.save(settings);
            // What a format-1 version wrote: the same keys, without "format".
            settings.beginGroup(QStringLiteral("connections/") + name);
            QVERIFY(settings.contains(QStringLiteral("format")));
            settings.remove(QStringLiteral("format"));
            settings.endGroup();
        };
        saveAsOlderVersion(QStringLiteral("old-default"), 100);
        QCOMPARE(Net::ConnectionProfile::load(settings, QStringLiteral("old-default")).pageSize, Net::ConnectionProfile().pageSize);
        saveAsOlderVersion(QStringLiteral("old-chosen"), 250);
        QCOMPARE(Net::ConnectionProfile::load(settings, QStringLiteral("old-chosen")).pageSize, 250);
        Net::ConnectionProfile now = validProfile(QStringLiteral("now-100"));
        now.pageSize = 100;
        now.save(settings);
        QCOMPARE(Net::ConnectionProfile::load(settings, QStringLiteral("now-100")).pageSize, 100);
    }

    void purgeAsksFirst_data()
    {
        QTest::addColumn<bool>("confirm");
        QTest::newRow("cancel keeps the cache") << false;
        QTest::newRow("confirm empties it") << true;
    }

    void purgeAsksFirst()
    {
        QFETCH(bool, confirm);
        MainWindow window;
        const QByteArray cacheKey = QByteArray(RecordCache::KeyBytes, 'k');
        window.records()->setCacheKeys({cacheKey, cacheKey, false});
        QString error;
        // Nothing is requested until a patient is searched: a closed port is enough.
        QVERIFY2(window.connectService(Net::ConnectionProfile::fromUrl(QUrl(QStringLiteral("http://127.0.0.1:9/fhir"))), &error),
                 qPrintable(error));
        window.show();
        // The cache opens on a worker thread; the purge action waits for it.
        QVERIFY(!window.purgeCacheAction()->isEnabled() || window.records()->isServiceReady());
        QTRY_VERIFY_WITH_TIMEOUT(window.records()->isServiceReady(), 10000);
        const std::shared_ptr<RecordCache> cache = window.records()->recordCache();
        QVERIFY(cache);
        const QByteArray patient = R"({"resourceType":"Patient","id":"purge-me","name":[{"text":"試験 太郎"}]})";
        QVERIFY2(cache->storeJson(QStringLiteral("purge-me"), patient, QDateTime::currentDateTimeUtc(), &error), qPrintable(error));
        QVERIFY(cache->hasPatient(QStringLiteral("purge-me")));

        QAction *purge = window.purgeCacheAction();
        QVERIFY(purge && purge->isEnabled());
        QString title;
        answerMessageBox(confirm ? QMessageBox::Yes : QMessageBox::No, &title);
        QSignalSpy purged(&window, &MainWindow::cachePurged);
        purge->trigger();
        QCOMPARE(title, QStringLiteral("Purge cached records"));
        if (confirm) {
            // Secure delete and VACUUM run on a worker thread; the action is off until they are done.
            QVERIFY(window.records()->isCacheBusy());
            QVERIFY(!purge->isEnabled());
            QVERIFY(purged.wait(10000));
            QVERIFY(purged.first().first().toBool());
            QVERIFY(purge->isEnabled());
        }
        QCOMPARE(cache->hasPatient(QStringLiteral("purge-me")), !confirm);
        QCOMPARE(window.statusBar()->currentMessage() == QStringLiteral("Cached records removed."), confirm);
    }
};

KAKEHASHI_TEST_MAIN(TestConnectionSettings)
#include "tst_connectionsettings.moc"
