// Fault table, card rows: the card pulled out while the card session derives the cache key from it, and a
// wrong PIN typed again and again until the card locks (with the remaining-tries warning). SoftHSM2
// tokens (tests/fixtures/hpki/make-token.sh) behind a fault-injecting PKCS#11 module
// (tests/fixtures/hpki/faultcard.cpp). Each ends in a clear message, nothing cached is lost and the
// cache stays readable. Skips when softhsm2, opensc, openssl or the pkcs11 engine are missing.
#include "../testsupport.h"

#include "session/cardsession.h"
#include "net/hpki/hpkicard.h"
#include "net/hpki/hpkitrust.h"
#include "app/mainwindow.h"
#include "store/recordcache.h"
#include "viewer/signin/signindialog.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

using namespace Kakehashi;

namespace {
const QString SoftHsmModule = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
const QString EngineSo = QStringLiteral("/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so");
const QString Pin = QStringLiteral("123456");
const QString DoctorName = QStringLiteral(u"試験\u3000太郎");
} // namespace

class TestCardFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Session::CardSession> m_session;

    QString controlFile() const { return m_dir.filePath(QStringLiteral("faultcard.control")); }
    void setCard(const QByteArray &state)
    {
        QFile f(controlFile());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(state);
    }

    Net::HpkiTrustAnchors anchors() const
    {
        Net::HpkiTrustAnchors a = Net::HpkiTrustAnchors::defaults();
        a.addFile(m_dir.filePath(QStringLiteral("pki/testca/cert.pem")));
        return a;
    }

    static bool select(SignInDialog *dialog, const QString &label)
    {
        // The dialog reads the card on the session's thread.
        // Wait until the card is idle: a listing asked for by an earlier dialog may still arrive.
        QSignalSpy shown(dialog, &SignInDialog::tokensShown);
        QElapsedTimer waited;
        waited.start();
        while ((dialog->tokenChoice()->count() == 0 || dialog->isBusy()) && waited.elapsed() < 20000)
            shown.wait(200);
        for (int i = 0; i < dialog->tokenChoice()->count(); ++i)
            if (dialog->tokenChoice()->itemText(i).startsWith(label + u' ') || dialog->tokenChoice()->itemText(i) == label) {
                dialog->tokenChoice()->setCurrentIndex(i);
                return true;
            }
        return false;
    }

    // Types |pin| and presses Sign in; true when the dialog accepted.
    static bool typePin(SignInDialog *dialog, const QString &pin)
    {
        QTest::keyClicks(dialog->pinField(), pin);
        if (!dialog->signInButton()->isEnabled())
            return false;
        // The card answers on its own thread.
        QSignalSpy accepted(dialog, &QDialog::accepted);
        QEventLoop loop;
        connect(dialog, &QDialog::accepted, &loop, &QEventLoop::quit);
        connect(dialog, &SignInDialog::signInRefused, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        dialog->signInButton()->click();
        loop.exec();
        return !accepted.isEmpty();
    }

    static QString cachePath()
    {
        return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/record-cache.sqlite");
    }

    // Signs the session out and waits until the card has been logged out on its thread.
    void signOut()
    {
        if (!m_session->hasSession())
            return;
        QSignalSpy out(m_session.get(), &Session::CardSession::signedOut);
        m_session->signOut();
        QVERIFY(out.count() > 0 || out.wait(20000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &tool : {QStringLiteral("softhsm2-util"), QStringLiteral("pkcs11-tool"), QStringLiteral("openssl")})
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QSKIP("softhsm2, opensc or openssl not installed");
        if (!QFile::exists(SoftHsmModule) || !QFile::exists(EngineSo))
            QSKIP("libsofthsm2 or libengine-pkcs11-openssl not installed");
        QVERIFY(m_dir.isValid());
        QProcess make;
        make.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        make.start(QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/fixtures/hpki/make-token.sh"), {m_dir.path(), QStringLiteral("9")});
        QVERIFY(make.waitForFinished(120000) && make.exitCode() == 0);
        qputenv("SOFTHSM2_CONF", QFile::encodeName(m_dir.filePath(QStringLiteral("softhsm2.conf"))));
        qputenv("KAKEHASHI_FAULTCARD_MODULE", QFile::encodeName(SoftHsmModule));
        qputenv("KAKEHASHI_FAULTCARD_CONTROL", QFile::encodeName(controlFile()));
        qputenv("KAKEHASHI_FAULTCARD_PIN_TRIES", "3");
        setCard("");
        m_session = std::make_unique<Session::CardSession>();
        QSignalSpy opened(m_session.get(), &Session::CardSession::moduleOpened);
        m_session->openModule(QStringLiteral(KAKEHASHI_FAULTCARD_MODULE));
        QVERIFY(opened.wait(20000));
        QVERIFY2(opened.first().first().value<Net::HpkiCardError>().ok(), qPrintable(opened.first().first().value<Net::HpkiCardError>().detail));
    }

    void cleanupTestCase()
    {
        m_session.reset(); // logs the card out on its thread
    }

    void init() { setCard(""); }

    // The card is pulled out exactly while the card session has it sign the cache-key challenge: no
    // session starts, the user is told the card was removed, and what the card's key cached before is
    // still there and readable with the card afterwards.
    void cardRemovedDuringCacheKeyDerivation()
    {
        // A cache written in an earlier session under the card's key.
        QByteArray key;
        {
            SignInDialog dialog(m_session.get(), anchors());
            QVERIFY(select(&dialog, QStringLiteral("hpki-doctor")));
            QVERIFY(typePin(&dialog, Pin));
            QVERIFY(m_session->cacheKeys().fromCard);
            key = m_session->cacheKeys().record;
            QCOMPARE(key.size(), RecordCache::KeyBytes);
            signOut();
        }
        QString error;
        const QByteArray bundle = R"({"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Patient","id":"p001"}},
            {"resource":{"resourceType":"Condition","id":"c1","subject":{"reference":"Patient/p001"}}}]})";
        {
            RecordCache cache(cachePath(), key, DoctorName);
            QVERIFY2(cache.open(&error), qPrintable(error));
            QVERIFY2(cache.storeJson(QStringLiteral("p001"), bundle, QDateTime::currentDateTimeUtc(), &error), qPrintable(error));
            QVERIFY(cache.hasPatient(QStringLiteral("p001")));
        }
        const QByteArray before = [] {
            QFile f(cachePath());
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();

        {
            SignInDialog dialog(m_session.get(), anchors());
            QVERIFY(select(&dialog, QStringLiteral("hpki-doctor")));
            setCard("remove-on-sign");
            // The PIN is right, but the card goes while it signs the cache-key challenge: the dialog
            // stays, says why, and no session starts (nothing to lock later, no key to use).
            QVERIFY(!typePin(&dialog, Pin));
            QVERIFY2(dialog.pinWarningLabel()->text().contains(QStringLiteral("removed")), qPrintable(dialog.pinWarningLabel()->text()));
            QVERIFY(!m_session->isSignedIn());
            QVERIFY(!m_session->hasSession());
        }

        // Nothing cached is lost: the file is as it was, and the card, back in, reads it again.
        {
            QFile f(cachePath());
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), before);
        }
        setCard("");
        {
            SignInDialog again(m_session.get(), anchors());
            QVERIFY(select(&again, QStringLiteral("hpki-doctor")));
            QVERIFY(typePin(&again, Pin));
            QCOMPARE(m_session->cacheKeys().record, key);
            signOut();
        }
        RecordCache cache(cachePath(), key, DoctorName);
        QVERIFY2(cache.open(&error), qPrintable(error));
        QVERIFY(cache.hasPatient(QStringLiteral("p001")));
        int undecryptable = -1;
        const QList<CachedResource> rows = cache.load(QStringLiteral("p001"), &undecryptable, &error);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(undecryptable, 0);
    }

    // Last: locks the PIN of the module (the count is the module's, for every token).
    void wrongPinRepeatedlyWarnsThenLocks()
    {
        SignInDialog dialog(m_session.get(), anchors());
        QVERIFY(select(&dialog, QStringLiteral("hpki-pharmacist")));
        QVERIFY(dialog.pinWarningLabel()->text().isEmpty()); // no warning before a wrong PIN

        QVERIFY(!typePin(&dialog, QStringLiteral("000000")));
        QString warning = dialog.pinWarningLabel()->text();
        QVERIFY2(warning.contains(QStringLiteral("The PIN is not correct.")) && warning.contains(QStringLiteral("Few PIN attempts remain")),
                 qPrintable(warning));
        QVERIFY(dialog.pinField()->text().isEmpty());

        QVERIFY(select(&dialog, QStringLiteral("hpki-pharmacist")));
        QVERIFY(!typePin(&dialog, QStringLiteral("111111")));
        warning = dialog.pinWarningLabel()->text();
        QVERIFY2(warning.contains(QStringLiteral("The PIN is not correct.")) && warning.contains(QStringLiteral("One PIN attempt remains")),
                 qPrintable(warning));

        QVERIFY(select(&dialog, QStringLiteral("hpki-pharmacist")));
        QVERIFY(!typePin(&dialog, QStringLiteral("222222")));
        warning = dialog.pinWarningLabel()->text();
        QVERIFY2(warning.contains(QStringLiteral("locked")), qPrintable(warning));
        QVERIFY(!m_session->isSignedIn());

        // Locked: the dialog stops asking for a PIN and says why.
        QVERIFY(select(&dialog, QStringLiteral("hpki-pharmacist")));
        QVERIFY(!dialog.pinField()->isEnabled());
        QVERIFY(!dialog.signInButton()->isEnabled());
        // Even the right PIN does not get through the card any more.
        {
            QSignalSpy failed(m_session.get(), &Session::CardSession::signInFailed);
            QSignalSpy tokens(m_session.get(), &Session::CardSession::tokensRead);
            m_session->readTokens();
            QVERIFY(tokens.wait(20000));
            const auto list = tokens.first().first().value<QList<Session::CardToken>>();
            std::optional<Net::HpkiCardCertificate> pharmacist;
            for (const Session::CardToken &t : list)
                if (t.token.label == u"hpki-pharmacist" && t.authentication)
                    pharmacist = *t.authentication;
            QVERIFY(pharmacist);
            QByteArray pin = Pin.toUtf8();
            m_session->signIn(*pharmacist, pin);
            QVERIFY(failed.wait(20000));
            QCOMPARE(failed.first().first().value<Session::SignInFailure>().card.code, Net::HpkiCardError::Code::PinLocked);
        }
        QVERIFY(!m_session->isSignedIn());
        dialog.refreshTokens();
        QVERIFY(select(&dialog, QStringLiteral("hpki-pharmacist")));
        QVERIFY2(dialog.pinWarningLabel()->text().contains(QStringLiteral("PIN is locked")), qPrintable(dialog.pinWarningLabel()->text()));
        QVERIFY(!dialog.pinField()->isEnabled());
        QVERIFY(!dialog.signInButton()->isEnabled());
    }
};

KAKEHASHI_TEST_MAIN(TestCardFaults)
#include "tst_cardfaults.moc"
