// GUI: the HPKI sign-in dialog over SoftHSM2 tokens from tests/fixtures/hpki/make-token.sh.
#include "signindialog.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Kakehashi;
using namespace Kakehashi::Net;

class TestSignInDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<HpkiCard> m_card;

    HpkiTrustAnchors anchors() const
    {
        HpkiTrustAnchors a;
        a.addFile(m_dir.filePath(QStringLiteral("pki/testca/cert.pem")));
        return a;
    }
    static bool select(SignInDialog &dialog, const QString &label)
    {
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
        m_card = std::make_unique<HpkiCard>();
        QVERIFY(m_card->open(QStringLiteral("/usr/lib/softhsm/libsofthsm2.so")).ok());
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
        SignInDialog dialog(m_card.get(), anchors());
        QVERIFY(select(dialog, label));
        QVERIFY(dialog.summaryLabel()->text().contains(summaryPart));
        QVERIFY(dialog.summaryLabel()->text().contains(QStringLiteral(u"架け橋テスト病院")) == !summaryPart.isEmpty());
        QTest::keyClicks(dialog.pinField(), QStringLiteral("123456"));
        QCOMPARE(dialog.signInButton()->isEnabled(), canSignIn);
        QCOMPARE(dialog.problemLabel()->text().isEmpty(), canSignIn && label != QLatin1String("hpki-norole"));
    }

    void wrongThenRightPin()
    {
        SignInDialog dialog(m_card.get(), anchors());
        QVERIFY(select(dialog, QStringLiteral("hpki-doctor")));
        QTest::keyClicks(dialog.pinField(), QStringLiteral("999999"));
        dialog.signInButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.pinField()->text().isEmpty());
        QVERIFY(!dialog.pinWarningLabel()->text().isEmpty());
        QVERIFY(!m_card->isLoggedIn());
        QVERIFY(dialog.identity().key.isNull());

        QTest::keyClicks(dialog.pinField(), QStringLiteral("123456"));
        dialog.signInButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(m_card->isLoggedIn());
        QVERIFY(!dialog.identity().key.isNull());
        QCOMPARE(dialog.certificate().role(), HpkiRole::Doctor);
        QCOMPARE(dialog.identity().certificate.toDer(), dialog.certificate().der());
        m_card->logout();
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
