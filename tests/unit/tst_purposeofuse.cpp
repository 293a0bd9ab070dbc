#include "../testsupport.h"

#include "net/purposeofuse.h"

using namespace Kakehashi::Net;

class TestPurposeOfUse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headers_data()
    {
        QTest::addColumn<int>("reason");
        QTest::addColumn<QString>("emergency");
        QTest::addColumn<QByteArray>("code");
        QTest::addColumn<QByteArray>("reasonHeader");
        QTest::addColumn<bool>("valid");
        QTest::newRow("treatment") << int(PurposeOfUse::Reason::Treatment) << QString() << QByteArray("TREAT") << QByteArray() << true;
        QTest::newRow("emergency") << int(PurposeOfUse::Reason::EmergencyTreatment) << QStringLiteral("意識障害 救急搬送")
                                   << QByteArray("ETREAT") << QByteArray("%E6%84%8F%E8%AD%98%E9%9A%9C%E5%AE%B3%20%E6%95%91%E6%80%A5%E6%90%AC%E9%80%81") << true;
        QTest::newRow("emergency without reason") << int(PurposeOfUse::Reason::EmergencyTreatment) << QStringLiteral("  ")
                                                  << QByteArray("ETREAT") << QByteArray("") << false;
    }
    void headers()
    {
        QFETCH(int, reason);
        QFETCH(QString, emergency);
        QFETCH(QByteArray, code);
        QFETCH(QByteArray, reasonHeader);
        QFETCH(bool, valid);
        const PurposeOfUse p{PurposeOfUse::Reason(reason), emergency};
        QCOMPARE(p.isValid(), valid);
        PurposeHeaderNames names;
        names.purpose = "X-Custom-Purpose";
        const auto headers = purposeHeaders(p, names);
        QCOMPARE(headers.first().first, QByteArray("X-Custom-Purpose"));
        QCOMPARE(headers.first().second, code);
        if (p.reason == PurposeOfUse::Reason::Treatment) {
            QCOMPARE(headers.size(), 1);
        } else {
            QCOMPARE(headers.size(), 2);
            QCOMPARE(headers.at(1).first, QByteArray("X-Emergency-Reason"));
            QCOMPARE(headers.at(1).second, reasonHeader);
        }
    }
};

KAKEHASHI_TEST_MAIN(TestPurposeOfUse)
#include "tst_purposeofuse.moc"
