#include "net/hpki/hpkicertificate.h"
#include "net/hpki/hpkitrust.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace Kakehashi::Net;

Q_DECLARE_METATYPE(HpkiRole)
Q_DECLARE_METATYPE(HpkiProblem)

class TestHpkiCertificate : public QObject
{
    Q_OBJECT

private:
    static QByteArray readTestFile(const QString &name)
    {
        QFile f(QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/data/hpki/") + name);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void realMedisTestCertificate()
    {
        const QByteArray der = readTestFile(QStringLiteral("medis-test-ee-sign.der"));
        QVERIFY(!der.isEmpty());
        const HpkiCertificate cert = HpkiCertificate::fromData(der);
        QVERIFY(!cert.isNull());
        QCOMPARE(cert.roleText(), QStringLiteral("Medical Doctor"));
        QCOMPARE(cert.role(), HpkiRole::Doctor);
        QCOMPARE(cert.romajiName(), QStringLiteral("Sanjushi Kagurazaka"));
        QCOMPARE(cert.organization(), QStringLiteral("MEDIS UNIVERSITY HOSPITAL"));
        QCOMPARE(cert.holderSerialNumber(), QStringLiteral("Test117120"));
        // subjectAltName directoryName holds the name in kanji with an ideographic space.
        QCOMPARE(cert.kanjiName(), QStringLiteral(u"神楽坂\u3000三十四"));
        QCOMPARE(cert.kanjiOrganization(), QStringLiteral(u"医療情報大学病院"));
        QCOMPARE(cert.serialNumberHex(), QStringLiteral("015E"));
        QCOMPARE(cert.issuerCommonName(), QStringLiteral("HPKI-01-MedisSignCA2-forNonRepudiation"));
        QCOMPARE(cert.notBefore(), QDateTime(QDate(2022, 2, 6), QTime(15, 0, 0), Qt::UTC));
        QCOMPARE(cert.notAfter(), QDateTime(QDate(2027, 2, 7), QTime(14, 59, 59), Qt::UTC));
        QCOMPARE(cert.policyOids(), QStringList{QStringLiteral("1.2.392.100495.1.5.1.1.0.1")});
        QVERIFY(cert.hasKeyUsage());
        QVERIFY(cert.hasNonRepudiation());
        QVERIFY(!cert.hasDigitalSignature());
        QVERIFY(cert.isSigningOnly());
        QVERIFY(!cert.canAuthenticate());
    }

    void rawSubjectDirectoryAttributes()
    {
        const QByteArray der = readTestFile(QStringLiteral("medis-test-ee-subjectDirectoryAttributes.der"));
        QCOMPARE(der.size(), 54);
        QCOMPARE(HpkiCertificate::hcRoleFromSubjectDirectoryAttributes(der), QStringLiteral("Medical Doctor"));
        // Every truncation and every single-byte corruption of the length/tag bytes is rejected or
        // still bounded: never a crash, never text from outside the buffer.
        for (qsizetype n = 0; n < der.size(); ++n)
            QVERIFY(HpkiCertificate::hcRoleFromSubjectDirectoryAttributes(der.left(n)).isEmpty());
        for (qsizetype i = 0; i < der.size(); ++i) {
            QByteArray bad = der;
            bad[i] = char(0xff);
            const QString role = HpkiCertificate::hcRoleFromSubjectDirectoryAttributes(bad);
            QVERIFY(role.isEmpty() || role.size() <= 14);
        }
        // A different scheme OID is not an HPKI role.
        QByteArray otherScheme = der;
        const qsizetype at = otherScheme.indexOf(QByteArray::fromHex("2a830886910f01060101"));
        QVERIFY(at > 0);
        otherScheme[at + 9] = char(0x02);
        QVERIFY(HpkiCertificate::hcRoleFromSubjectDirectoryAttributes(otherScheme).isEmpty());
    }

    void pemIsAcceptedToo()
    {
        const QByteArray der = readTestFile(QStringLiteral("medis-test-ee-sign.der"));
        const QByteArray pem = "-----BEGIN CERTIFICATE-----\n" + der.toBase64() + "\n-----END CERTIFICATE-----\n";
        QCOMPARE(HpkiCertificate::fromData(pem).der(), der);
    }

    void garbageIsNull_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("not a certificate");
        QTest::newRow("truncated") << readTestFile(QStringLiteral("medis-test-ee-sign.der")).left(300);
    }
    void garbageIsNull()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(HpkiCertificate::fromData(bytes).isNull());
    }

    void roleFromText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<HpkiRole>("role");
        QTest::newRow("doctor") << QStringLiteral("Medical Doctor") << HpkiRole::Doctor;
        QTest::newRow("dentist") << QStringLiteral("Dentist") << HpkiRole::Dentist;
        QTest::newRow("pharmacist") << QStringLiteral("Pharmacist") << HpkiRole::Pharmacist;
        QTest::newRow("nurse") << QStringLiteral("Nurse") << HpkiRole::Nurse;
        QTest::newRow("midwife") << QStringLiteral("Midwife") << HpkiRole::Other;
        QTest::newRow("padded") << QStringLiteral(" Pharmacist ") << HpkiRole::Pharmacist;
        QTest::newRow("empty") << QString() << HpkiRole::None;
    }
    void roleFromText()
    {
        QFETCH(QString, text);
        QFETCH(HpkiRole, role);
        QCOMPARE(HpkiCertificate::roleFromText(text), role);
    }

    void defaultAnchorsAreTheShippedCas()
    {
        const HpkiTrustAnchors anchors = HpkiTrustAnchors::defaults();
        QStringList names;
        for (const QByteArray &der : anchors.certificates())
            names << HpkiCertificate::fromData(der).issuerCommonName() + u'|' + HpkiCertificate::fromData(der).subjectDisplayName();
        QCOMPARE(anchors.certificates().size(), 3);
        QVERIFY(names.join(u'\n').contains(QLatin1String("MHLW HPKI Root CA V2")));
        QVERIFY(names.join(u'\n').contains(QLatin1String("HPKI-01-MedisAuthCA2-forAuthentication-forIndividual")));
    }

    void check_data()
    {
        QTest::addColumn<QDateTime>("at");
        QTest::addColumn<bool>("withAnchors");
        QTest::addColumn<QList<HpkiProblem>>("problems");
        const QDateTime valid(QDate(2024, 6, 1), QTime(0, 0), Qt::UTC);
        // The real cert is the signing certificate: its chain is good but it is refused for login.
        QTest::newRow("valid time, signing only") << valid << true << QList<HpkiProblem>{HpkiProblem::SigningOnly};
        QTest::newRow("after notAfter") << QDateTime(QDate(2027, 3, 1), QTime(0, 0), Qt::UTC) << true
                                        << QList<HpkiProblem>{HpkiProblem::Expired, HpkiProblem::SigningOnly};
        QTest::newRow("before notBefore") << QDateTime(QDate(2021, 1, 1), QTime(0, 0), Qt::UTC) << true
                                          << QList<HpkiProblem>{HpkiProblem::NotYetValid, HpkiProblem::SigningOnly};
        QTest::newRow("no anchors") << valid << false
                                    << QList<HpkiProblem>{HpkiProblem::ForeignIssuer, HpkiProblem::SigningOnly};
    }
    void check()
    {
        QFETCH(QDateTime, at);
        QFETCH(bool, withAnchors);
        QFETCH(QList<HpkiProblem>, problems);
        const HpkiCertificate cert = HpkiCertificate::fromData(readTestFile(QStringLiteral("medis-test-ee-sign.der")));
        const HpkiTrustAnchors anchors = withAnchors ? HpkiTrustAnchors::defaults() : HpkiTrustAnchors();
        const HpkiCheck result = checkForAuthentication(cert, anchors, {}, at);
        QCOMPARE(result.problems, problems);
        QVERIFY(!result.accepted());
        QVERIFY(!result.roleMissing);
        QCOMPARE(result.messages().size(), problems.size());
        for (const QString &m : result.messages())
            QVERIFY(!m.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHpkiCertificate)
#include "tst_hpkicertificate.moc"
