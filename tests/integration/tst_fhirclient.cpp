// Integration tests: the FHIR client and the sharing-service record source against the real test server.
#include "SharingServiceFixture.h"
#include "fhirclient.h"
#include "recordcache.h"
#include "sharingservicesource.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Kakehashi;
using Net::FhirError;

namespace {

struct OperationResult
{
    QList<Net::FhirPage> pages;
    FhirError error;
    bool finished = false;
};

OperationResult run(Net::FhirOperation *op, int boundMs = 30000)
{
    OperationResult result;
    QEventLoop loop;
    QObject::connect(op, &Net::FhirOperation::pageReceived, &loop, [&](const Net::FhirPage &page) { result.pages.append(page); });
    QObject::connect(op, &Net::FhirOperation::finished, &loop, [&](const FhirError &e) {
        result.error = e;
        result.finished = true;
        loop.quit();
    });
    QTimer::singleShot(boundMs, &loop, &QEventLoop::quit);
    loop.exec();
    return result;
}

QStringList bundleResourceKeys(const QList<Net::FhirPage> &pages)
{
    QStringList keys;
    for (const Net::FhirPage &p : pages) {
        for (const QJsonValue &e : QJsonDocument::fromJson(p.json).object().value(u"entry").toArray()) {
            const QJsonObject r = e.toObject().value(u"resource").toObject();
            keys.append(r.value(u"resourceType").toString() + u'/' + r.value(u"id").toString());
        }
    }
    return keys;
}

QByteArray randomKey()
{
    QByteArray key(RecordCache::KeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), RecordCache::KeyBytes / 4);
    return key;
}

} // namespace

class TestFhirClient : public QObject
{
    Q_OBJECT

private:
    SharingServiceFixture m_server;
    qsizetype m_logStart = 0; // access-log lines written before the current test
    QDateTime m_testStart;     // the log is appended asynchronously, so also filter by time

    Net::ConnectionProfile profile(int pageSize = 10) const
    {
        Net::ConnectionProfile p = Net::ConnectionProfile::fromUrl(m_server.baseUrl());
        p.pageSize = pageSize;
        p.timeoutMs = 10000;
        p.maxRetryDelayMs = 3000;
        return p;
    }

    struct SourceResult
    {
        RecordSet set;
        FhirError error;
        bool finished = false;
    };

    SourceResult loadRecord(Net::FhirClient &client, std::shared_ptr<RecordCache> cache, const QString &patientId,
                            const QDateTime &since = {})
    {
        SharingServiceSource source(&client, std::move(cache));
        SourceResult result;
        QEventLoop loop;
        connect(&source, &SharingServiceSource::finished, &loop, [&](const RecordSet &set, const FhirError &e) {
            result = {set, e, true};
            loop.quit();
        });
        source.load(patientId, since);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        return result;
    }

    QList<QJsonObject> serviceRequests() const
    {
        QTest::qWait(100); // let the server finish appending its log
        QList<QJsonObject> out;
        for (const QJsonObject &o : m_server.accessLog().mid(m_logStart)) {
            if (!o.value(u"control").toBool() && QDateTime::fromString(o.value(u"ts").toString(), Qt::ISODateWithMs) >= m_testStart)
                out.append(o);
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_server.start();
        if (!error.isEmpty() && !SharingServiceFixture::nodeAvailable())
            QSKIP("node is not installed");
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void init()
    {
        QVERIFY(!m_server.control({{QStringLiteral("reset"), true}}).isEmpty());
        QTest::qWait(50);
        m_logStart = m_server.accessLog().size();
        m_testStart = QDateTime::currentDateTimeUtc();
    }

    void capabilitiesAndEverything()
    {
        Net::FhirClient client(profile(10));
        const SourceResult r = loadRecord(client, nullptr, QStringLiteral("p001"));
        QVERIFY(r.finished);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        QVERIFY(client.capabilities().patientEverything);
        const PatientRecord *p = r.set.find(u"p001");
        QVERIFY(p);
        QVERIFY(!p->incomplete);
        QCOMPARE(QString(p->patient.kanjiName).remove(u' ').remove(QChar(0x3000)), QStringLiteral("山田花子"));
        QVERIFY(r.set.resourceCount >= 32);
        int everythingPages = 0;
        for (const QJsonObject &o : serviceRequests()) {
            if (o.value(u"path").toString() == u"/Patient/p001/$everything")
                ++everythingPages;
        }
        QCOMPARE(everythingPages, 4); // 32 resources in pages of 10
    }

    void perTypeSearchesWhenNoEverything()
    {
        m_server.control({{QStringLiteral("config"), QJsonObject{{QStringLiteral("everything"), false}}}});
        Net::FhirClient client(profile(5));
        const SourceResult r = loadRecord(client, nullptr, QStringLiteral("p001"));
        QVERIFY(r.finished);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        QVERIFY(!client.capabilities().patientEverything);
        const PatientRecord *p = r.set.find(u"p001");
        QVERIFY(p);
        QVERIFY(!p->incomplete);
        QVERIFY(p->items.size() >= 20);
        bool sawInclude = false;
        int observationPages = 0;
        for (const QJsonObject &o : serviceRequests()) {
            QVERIFY(!o.value(u"path").toString().contains(u"$everything"));
            if (o.value(u"path").toString() == u"/Observation")
                ++observationPages;
            if (o.value(u"path").toString() == u"/MedicationRequest" && o.value(u"query").toString().contains(u"_include=MedicationRequest"))
                sawInclude = true;
        }
        QVERIFY(observationPages >= 3); // 13 observations in pages of 5
        QVERIFY(sawInclude);
        // Patient, 29 clinical resources and the Organization/Practitioner/Medication brought by _include;
        // the Binary and Endpoint are only reachable through $everything or a read.
        QVERIFY2(r.set.resourceCount >= 30, qPrintable(QString::number(r.set.resourceCount)));
    }

    void patientSearch_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("kanji") << "name" << QStringLiteral("山田") << "p001";
        QTest::newRow("kanji full") << "name" << QStringLiteral("山田 花子") << "p001";
        QTest::newRow("katakana") << "name" << QStringLiteral("サトウ") << "p002";
        QTest::newRow("facility id") << "facility" << QStringLiteral("1312345678|00012345") << "p001";
        QTest::newRow("insurance") << "insurance" << QStringLiteral("06139999:記号1:番号1:01") << "p001";
        QTest::newRow("gender+birthdate") << "male-1975" << QString() << "p002";
    }

    void patientSearch()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        Net::PatientQuery q;
        if (field == u"name")
            q.name = value;
        else if (field == u"facility") {
            q.facilityCode = value.section(u'|', 0, 0);
            q.facilityPatientId = value.section(u'|', 1);
        } else if (field == u"insurance")
            q.insuranceMemberId = value;
        else {
            q.gender = QStringLiteral("male");
            q.birthDate = QDate(1975, 11, 20);
        }
        Net::FhirClient client(profile());
        const OperationResult r = run(client.searchPatients(q));
        QVERIFY(r.finished);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        QCOMPARE(bundleResourceKeys(r.pages), QStringList{QStringLiteral("Patient/") + expected});
    }

    void pagingAcrossPages()
    {
        Net::FhirClient client(profile(3));
        const OperationResult r = run(client.get(client.resolve(QStringLiteral("Observation?patient=p001&_count=3"))));
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        QCOMPARE(r.pages.size(), 5); // 13 observations, 3 a page
        QStringList keys = bundleResourceKeys(r.pages);
        QCOMPARE(keys.size(), 13);
        keys.removeDuplicates();
        QCOMPARE(keys.size(), 13);
    }

    void serverErrorMidRecordKeepsCache()
    {
        QTemporaryDir dir;
        auto cache = std::make_shared<RecordCache>(dir.filePath(QStringLiteral("cache.sqlite")), randomKey(), QStringLiteral("dr-test"));
        QString error;
        QVERIFY2(cache->open(&error), qPrintable(error));
        {
            Net::FhirClient client(profile(10));
            const SourceResult full = loadRecord(client, cache, QStringLiteral("p001"));
            QVERIFY(!full.error.isError());
        }
        const int cachedBefore = int(cache->load(QStringLiteral("p001"), nullptr, &error).size());
        QVERIFY(cachedBefore >= 32);

        m_server.control({{QStringLiteral("failPage"), QJsonObject{{QStringLiteral("path"), QStringLiteral("/Patient/p001/$everything")},
                                                                    {QStringLiteral("page"), 2}, {QStringLiteral("status"), 503},
                                                                    {QStringLiteral("count"), -1}}}});
        Net::ConnectionProfile p = profile(10);
        p.maxRetries = 1;
        p.maxRetryDelayMs = 100;
        Net::FhirClient client(p);
        const SourceResult r = loadRecord(client, cache, QStringLiteral("p001"));
        QVERIFY(r.finished);
        QCOMPARE(r.error.kind, FhirError::Kind::Http5xx);
        QCOMPARE(r.error.httpStatus, 503);
        QVERIFY(!r.error.message().isEmpty());
        const PatientRecord *patient = r.set.find(u"p001");
        QVERIFY(patient);
        QVERIFY(patient->incomplete);
        QCOMPARE(int(cache->load(QStringLiteral("p001"), nullptr, &error).size()), cachedBefore);
        // A cached open still gives the whole record.
        const RecordSet cached = SharingServiceSource::loadCached(*cache, QStringLiteral("p001"));
        QVERIFY(cached.find(u"p001"));
        QCOMPARE(cached.find(u"p001")->items.size(), loadRecordItemsReference());
    }

    int loadRecordItemsReference()
    {
        Net::FhirClient client(profile(50));
        m_server.control({{QStringLiteral("reset"), true}});
        const SourceResult r = loadRecord(client, nullptr, QStringLiteral("p001"));
        return r.set.find(u"p001") ? int(r.set.find(u"p001")->items.size()) : -1;
    }

    void typedErrors_data()
    {
        QTest::addColumn<QByteArray>("controlJson");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<int>("expectedKind");
        QTest::addColumn<int>("expectedPages");
        QTest::newRow("timeout") << QByteArray("{\"delay\": {\"ms\": 3000, \"count\": 1}}") << 500 << int(FhirError::Kind::Timeout) << 0;
        QTest::newRow("malformed json") << QByteArray("{\"malformedJson\": true}") << 10000 << int(FhirError::Kind::MalformedJson) << 0;
        QTest::newRow("foreign next link") << QByteArray("{\"nextLinkHost\": \"http://127.0.0.2:9\"}") << 10000
                                           << int(FhirError::Kind::ForeignNextLink) << 1;
        QTest::newRow("404") << QByteArray("{\"failRequest\": {\"path\": \"/Observation\", \"status\": 404, \"count\": 1}}") << 10000
                             << int(FhirError::Kind::Http404) << 0;
    }

    void typedErrors()
    {
        QFETCH(QByteArray, controlJson);
        QFETCH(int, timeoutMs);
        QFETCH(int, expectedKind);
        QFETCH(int, expectedPages);
        QVERIFY(!m_server.control(QJsonDocument::fromJson(controlJson).object()).isEmpty());
        Net::ConnectionProfile p = profile(5);
        p.timeoutMs = timeoutMs;
        Net::FhirClient client(p);
        QElapsedTimer elapsed;
        elapsed.start();
        const OperationResult r = run(client.get(client.resolve(QStringLiteral("Observation?patient=p001&_count=5"))));
        QVERIFY(r.finished);
        QCOMPARE(int(r.error.kind), expectedKind);
        QCOMPARE(int(r.pages.size()), expectedPages);
        QVERIFY(!r.error.message().isEmpty());
        if (r.error.kind == FhirError::Kind::Timeout)
            QVERIFY(elapsed.elapsed() < 2500);
        if (r.error.kind == FhirError::Kind::ForeignNextLink) {
            QCOMPARE(r.error.url.host(), QStringLiteral("127.0.0.2"));
            QVERIFY(r.error.message().contains(u"127.0.0.2"));
        }
    }

    void retriesAfter429()
    {
        m_server.control({{QStringLiteral("status429"), QJsonObject{{QStringLiteral("count"), 2}, {QStringLiteral("retryAfter"), 1}}}});
        Net::FhirClient client(profile());
        QElapsedTimer elapsed;
        elapsed.start();
        const OperationResult r = run(client.get(client.resolve(QStringLiteral("Patient?name=%E5%B1%B1%E7%94%B0"))));
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        QCOMPARE(bundleResourceKeys(r.pages), QStringList{QStringLiteral("Patient/p001")});
        QVERIFY(elapsed.elapsed() >= 1900); // Retry-After: 1, twice
        int throttled = 0;
        for (const QJsonObject &o : serviceRequests())
            throttled += o.value(u"status").toInt() == 429;
        QCOMPARE(throttled, 2);
    }

    void retriesAreBounded()
    {
        m_server.control({{QStringLiteral("status429"), QJsonObject{{QStringLiteral("count"), -1}, {QStringLiteral("retryAfter"), 30}}}});
        Net::ConnectionProfile p = profile();
        p.maxRetries = 2;
        p.maxRetryDelayMs = 200; // the cap wins over Retry-After: 30
        Net::FhirClient client(p);
        QElapsedTimer elapsed;
        elapsed.start();
        const OperationResult r = run(client.get(client.resolve(QStringLiteral("Patient?name=x"))));
        QCOMPARE(r.error.kind, FhirError::Kind::Http429);
        QVERIFY(elapsed.elapsed() < 5000);
        int attempts = 0;
        for (const QJsonObject &o : serviceRequests())
            attempts += o.value(u"query").toString() == u"?name=x";
        QCOMPARE(attempts, 3); // the first try and two retries
    }

    void purposeOnEveryRequest_data()
    {
        QTest::addColumn<bool>("emergency");
        QTest::newRow("treatment") << false;
        QTest::newRow("emergency") << true;
    }

    void purposeOnEveryRequest()
    {
        QFETCH(bool, emergency);
        Net::FhirClient client(profile(10));
        Net::PurposeOfUse purpose;
        if (emergency)
            purpose = {Net::PurposeOfUse::Reason::EmergencyTreatment, QStringLiteral("意識障害")};
        client.setPurpose(purpose);
        const SourceResult r = loadRecord(client, nullptr, QStringLiteral("p001"));
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        const QList<QJsonObject> requests = serviceRequests();
        QVERIFY(requests.size() >= 5);
        for (const QJsonObject &o : requests) {
            if (o.value(u"path").toString() == u"/metadata")
                continue;
            QCOMPARE(o.value(u"purpose").toString(), emergency ? QStringLiteral("ETREAT") : QStringLiteral("TREAT"));
            QCOMPARE(o.value(u"status").toInt(), 200);
            if (emergency)
                QCOMPARE(o.value(u"emergencyReason").toString(), QStringLiteral("意識障害"));
        }
    }

    void cancellation()
    {
        m_server.control({{QStringLiteral("delay"), QJsonObject{{QStringLiteral("ms"), 3000}, {QStringLiteral("count"), 1}}}});
        Net::FhirClient client(profile());
        Net::FhirOperation *op = client.get(client.resolve(QStringLiteral("Patient?name=x")));
        QTimer::singleShot(100, op, &Net::FhirOperation::cancel);
        QElapsedTimer elapsed;
        elapsed.start();
        const OperationResult r = run(op);
        QCOMPARE(r.error.kind, FhirError::Kind::Cancelled);
        QVERIFY(elapsed.elapsed() < 2000);
    }

    void foreignNextLinkIsNotRequested()
    {
        // Everything after page 1 would go to 127.0.0.2:9; nothing is sent there, and the record is marked incomplete.
        m_server.control({{QStringLiteral("nextLinkHost"), QStringLiteral("http://127.0.0.2:9")}});
        Net::FhirClient client(profile(10));
        const SourceResult r = loadRecord(client, nullptr, QStringLiteral("p001"));
        QCOMPARE(r.error.kind, FhirError::Kind::ForeignNextLink);
        const PatientRecord *p = r.set.find(u"p001");
        QVERIFY(p);
        QVERIFY(p->incomplete);
    }

    void sinceRefreshAsksOnlyForChanges()
    {
        Net::FhirClient client(profile(10));
        const SourceResult r = loadRecord(client, nullptr, QStringLiteral("p001"), QDateTime::currentDateTimeUtc().addYears(5));
        QVERIFY(r.finished);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        bool sawSince = false;
        for (const QJsonObject &o : serviceRequests())
            sawSince = sawSince || o.value(u"query").toString().contains(u"_since=");
        QVERIFY(sawSince);
        QCOMPARE(r.set.resourceCount, 0);
    }
};

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestFhirClient test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_fhirclient.moc"
