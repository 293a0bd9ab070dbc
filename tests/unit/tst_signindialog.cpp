// GUI: the HPKI sign-in dialog over SoftHSM2 tokens from tests/fixtures/hpki/make-token.sh.
#include "viewer/signin/signindialog.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Kakehashi;
using namespace Kakehashi::Net;

class TestSignInDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Session::CardSession> m_session;

    HpkiTrustAnchors anchors() const
    {
        HpkiTrustAnchors a;
        a.addFile(m_dir.filePath(QStringLiteral("pki/testca/cert.pem")));
        return a;
    }
    // The dialog reads the card on the session's thread; wait until the list is on screen.
    static bool ready(SignInDialog &dialog)
    {
        QSignalSpy shown(&dialog, &SignInDialog::tokensShown);
        return (dialog.tokenChoice()->count() > 0 && !dialog.isBusy()) || shown.wait(20000);
    }
    static bool select(SignInDialog &dialog, const QString &label)
    {
        if (!ready(dialog))
            return false;
        for (int i = 0; i < dialog.tokenChoice()->count(); ++i)
            if (dialog.tokenChoice()->itemText(i).startsWith(label + u' ')) {
                dialog.tokenChoice()->setCurrentIndex(i);
                return true;
            }
        return false;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (QStandardPaths::findExecutable(QStringLiteral("softhsm2-util")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("pkcs11-tool")).isEmpty()
            || !QFile::exists(QStringLiteral("/usr/lib/softhsm/libsofthsm2.so"))
            || !QFile::exists(QStringLiteral("/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so")))
            QSKIP("softhsm2, opensc or libengine-pkcs11-openssl not installed");
        QVERIFY(m_dir.isValid());
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/fixtures/hpki/make-token.sh"), {m_dir.path(), QStringLiteral("1")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        qputenv("SOFTHSM2_CONF", QFile::encodeName(m_dir.filePath(QStringLiteral("softhsm2.conf"))));
        m_session = std::make_unique<Session::CardSession>();
        QSignalSpy opened(m_session.get(), &Session::CardSession::moduleOpened);
        m_session->openModule(QStringLiteral("/usr/lib/softhsm/libsofthsm2.so"));
        QVERIFY(opened.wait(20000));
        QVERIFY(opened.first().first().value<HpkiCardError>().ok());
    }

    void summaryAndRefusal_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("summaryPart");
        QTest::addColumn<bool>("canSignIn");
        QTest::newRow("doctor") << "hpki-doctor" << QStringLiteral(u"試験\u3000太郎 (Taro Shiken)") << true;
        QTest::newRow("pharmacist") << "hpki-pharmacist" << QStringLiteral("Pharmacist") << true;
        QTest::newRow("no role") << "hpki-norole" << QStringLiteral("No role in certificate") << true;
        QTest::newRow("expired") << "hpki-expired" << QStringLiteral("Kako Kigengire") << false;
        QTest::newRow("foreign") << "hpki-foreign" << QStringLiteral("Yoso Mono") << false;
        QTest::newRow("signing only") << "hpki-signonly" << QString() << false;
    }
    void summaryAndRefusal()
    {
        QFETCH(QString, label);
        QFETCH(QString, summaryPart);
        QFETCH(bool, canSignIn);
        SignInDialog dialog(m_session.get(), anchors());
        QVERIFY(select(dialog, label));
        QVERIFY(dialog.summaryLabel()->text().contains(summaryPart));
        QVERIFY(dialog.summaryLabel()->text().contains(QStringLiteral(u"架け橋テスト病院")) == !summaryPart.isEmpty());
        QTest::keyClicks(dialog.pinField(), QStringLiteral("123456"));
        QCOMPARE(dialog.signInButton()->isEnabled(), canSignIn);
        QCOMPARE(dialog.problemLabel()->text().isEmpty(), canSignIn && label != QLatin1String("hpki-norole"));
    }

    // The PIN is checked on the card thread: the dialog shows that the card is working, stays
    // responsive, and a wrong PIN says what the card reports about the remaining tries.
    void wrongThenRightPin()
    {
        SignInDialog dialog(m_session.get(), anchors());
        QVERIFY(select(dialog, QStringLiteral("hpki-doctor")));
        QTest::keyClicks(dialog.pinField(), QStringLiteral("999999"));
        QSignalSpy refused(&dialog, &SignInDialog::signInRefused);
        QSignalSpy failed(m_session.get(), &Session::CardSession::signInFailed);
        dialog.signInButton()->click();
        QVERIFY(dialog.isBusy());
        QVERIFY(dialog.progressBar()->isVisibleTo(&dialog));
        QVERIFY(!dialog.progressLabel()->text().isEmpty());
        QVERIFY(!dialog.signInButton()->isEnabled()); // one attempt at a time
        QVERIFY(refused.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 20000);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.pinField()->text().isEmpty());
        const QString warning = dialog.pinWarningLabel()->text();
        // What the token says about the tries left (SoftHSM2 sets "count low" after a wrong PIN) is
        // shown; when it says nothing, the dialog says so, never a number.
        QCOMPARE(failed.size(), 1);
        const Session::SignInFailure failure = failed.first().first().value<Session::SignInFailure>();
        QCOMPARE(failure.card.code, HpkiCardError::Code::PinIncorrect);
        QVERIFY(!failure.remainingTries().isEmpty());
        QVERIFY2(warning.contains(failure.remainingTries()), qPrintable(warning));
        QCOMPARE(warning, failure.message());
        QVERIFY(!m_session->isSignedIn());
        QVERIFY(m_session->tlsIdentity().key.isNull());

        QTest::keyClicks(dialog.pinField(), QStringLiteral("123456"));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.signInButton()->click();
        QVERIFY(accepted.wait(30000));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(m_session->isSignedIn());
        QVERIFY(!m_session->tlsIdentity().key.isNull());
        QCOMPARE(dialog.certificate().role(), HpkiRole::Doctor);
        QCOMPARE(m_session->certificate().role(), HpkiRole::Doctor);
        QCOMPARE(m_session->tlsIdentity().certificate.toDer(), dialog.certificate().der());
        QSignalSpy out(m_session.get(), &Session::CardSession::signedOut);
        m_session->signOut();
        QVERIFY(out.wait(20000));
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TestSignInDialog test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_signindialog.moc"
