// Integration tests: the FHIR client and the sharing-service record source against the real test server.
#include "SharingServiceFixture.h"
#include "record/clinicalitembuilder.h"
#include "net/fhirclient.h"
#include "session/patientrecordloader.h"
#include "record/recordsummary.h"
#include "store/recordcache.h"
#include "session/sharingservicesource.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
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

// A bare HTTP/1.1 server for pages the sharing-service fixture cannot make: answers every request
// with the body its path (after the port) starts with, one request per connection, and records the
// paths asked for.
class PageServer : public QObject
{
public:
    explicit PageServer(QObject *parent = nullptr)
        : QObject(parent)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray request = socket->peek(socket->bytesAvailable());
                    if (!request.contains("\r\n\r\n"))
                        return;
                    socket->readAll();
                    const QByteArray path = request.split(' ').value(1);
                    requests.append(QString::fromLatin1(path));
                    QByteArray body = "{}";
                    for (auto it = pages.cbegin(); it != pages.cend(); ++it)
                        if (path.startsWith(it.key()))
                            body = it.value();
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/fhir+json\r\nConnection: close\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QByteArray base() const { return "http://127.0.0.1:" + QByteArray::number(m_server.serverPort()) + "/fhir/"; }

    QMap<QByteArray, QByteArray> pages; // path prefix -> body
    QStringList requests;

private:
    QTcpServer m_server;
};

QByteArray searchsetPage(const QByteArray &next, const QByteArray &entries)
{
    const QByteArray link = next.isEmpty() ? QByteArray() : "\"link\":[{\"relation\":\"next\",\"url\":\"" + next + "\"}],";
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"," + link + "\"entry\":[" + entries + "]}";
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
                            const QDateTime &since = {}, const Net::PurposeOfUse &purpose = Net::PurposeOfUse::treatment())
    {
        SharingServiceSource source(&client, std::move(cache));
        SourceResult result;
        QEventLoop loop;
        connect(&source, &SharingServiceSource::finished, &loop, [&](const RecordSet &set, const FhirError &e) {
            result = {set, e, true};
            loop.quit();
        });
        source.load(patientId, purpose, since);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        return result;
    }

    // The test data with linked identities, served strictly with neither $everything nor _include nor a rest section.
    QStringList linkedServiceArgs()
    {
        m_linkedConfig = std::make_unique<QTemporaryDir>();
        const QString config = m_linkedConfig->filePath(QStringLiteral("config.json"));
        QFile f(config);
        if (f.open(QIODevice::WriteOnly))
            f.write(R"({"everything": false, "include": false, "capabilityRest": false})");
        f.close();
        return {QStringLiteral("--data"), QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/service-linked"), QStringLiteral("--config"), config};
    }
    std::unique_ptr<QTemporaryDir> m_linkedConfig;

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
        const OperationResult r = run(client.searchPatients(q, Net::PurposeOfUse::treatment()));
        QVERIFY(r.finished);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        QCOMPARE(bundleResourceKeys(r.pages), QStringList{QStringLiteral("Patient/") + expected});
    }

    void pagingAcrossPages()
    {
        Net::FhirClient client(profile(3));
        const OperationResult r = run(client.get(client.resolve(QStringLiteral("Observation?patient=Patient/p001&_count=3")), Net::PurposeOfUse::treatment()));
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        QCOMPARE(r.pages.size(), 5); // 13 observations, 3 a page
        QStringList keys = bundleResourceKeys(r.pages);
        QCOMPARE(keys.size(), 13);
        keys.removeDuplicates();
        QCOMPARE(keys.size(), 13);
    }

    // The next page is asked for as soon as a page's "link" is found by scanning, before the page is
    // parsed; each page is still asked for once and handed on in order.
    void nextPageAskedOnceEach()
    {
        PageServer server;
        const QByteArray observation = "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o%1\",\"status\":\"final\"}}";
        server.pages.insert("/fhir/Observation", searchsetPage(server.base() + "page2", QByteArray(observation).replace("%1", "1")));
        server.pages.insert("/fhir/page2", searchsetPage(server.base() + "page3", QByteArray(observation).replace("%1", "2")));
        server.pages.insert("/fhir/page3", searchsetPage({}, QByteArray(observation).replace("%1", "3")));
        Net::ConnectionProfile p = Net::ConnectionProfile::fromUrl(QUrl(QString::fromLatin1(server.base())));
        p.maxRetries = 0;
        Net::FhirClient client(p);
        const OperationResult r = run(client.get(client.resolve(QStringLiteral("Observation?patient=Patient/p1")), Net::PurposeOfUse::treatment()));
        QVERIFY(r.finished);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        QCOMPARE(bundleResourceKeys(r.pages), (QStringList{QStringLiteral("Observation/o1"), QStringLiteral("Observation/o2"), QStringLiteral("Observation/o3")}));
        // Each page names the request it answered (the stream's URL has moved on by then).
        QVERIFY(r.pages.at(0).origin.path().endsWith(QStringLiteral("/Observation")));
        QVERIFY(r.pages.at(1).origin.path().endsWith(QStringLiteral("/page2")));
        QVERIFY(r.pages.at(2).origin.path().endsWith(QStringLiteral("/page3")));
        QCOMPARE(server.requests.size(), 3);
        QCOMPARE(server.requests.filter(QStringLiteral("page2")).size(), 1);
        QCOMPARE(server.requests.filter(QStringLiteral("page3")).size(), 1);
    }

    // A page whose structure scans (so its next page is asked for before it is parsed) but that is
    // not JSON (a bare `tru`): the operation fails as malformed, naming that page, and no page is
    // handed on; the request already made for the next page does not let it through.
    void aPageThatScansButDoesNotParseFails()
    {
        PageServer server;
        server.pages.insert("/fhir/Observation",
                            searchsetPage(server.base() + "page2", "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":tru}}"));
        server.pages.insert("/fhir/page2", searchsetPage({}, {}));
        Net::ConnectionProfile p = Net::ConnectionProfile::fromUrl(QUrl(QString::fromLatin1(server.base())));
        p.maxRetries = 0;
        Net::FhirClient client(p);
        const OperationResult r = run(client.get(client.resolve(QStringLiteral("Observation?patient=Patient/p1")), Net::PurposeOfUse::treatment()));
        QVERIFY(r.finished);
        QCOMPARE(r.error.kind, FhirError::Kind::MalformedJson);
        QVERIFY2(r.error.url.path().endsWith(QStringLiteral("/Observation")), qPrintable(r.error.url.toString()));
        QCOMPARE(r.pages.size(), 0);
        QTest::qWait(200); // an aborted request for page 2 must not bring a page or a second "finished"
        QCOMPARE(r.pages.size(), 0);
    }

    void serverErrorMidRecordKeepsCache()
    {
        QTemporaryDir dir;
        auto cache = std::make_shared<RecordCache>(dir.filePath(QStringLiteral("cache.sqlite")), RecordCache::randomKey(), QStringLiteral("dr-test"));
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
        const RecordSet cached = PatientRecordLoader::readCache(cache, QStringLiteral("p001"), {}).set;
        QVERIFY(cached.find(u"p001"));
        QCOMPARE(cached.find(u"p001")->items.size(), loadRecordItemsReference());
    }

    // The record's pages are stored by the cache writer beside the parsing: when none can be stored,
    // the whole record is still shown and the warnings say that the cache could not be written,
    // once for each page (not dropped because the writer ran on another thread).
    void aCacheThatCannotBeWrittenIsSaid()
    {
        QTemporaryDir dir;
        // Never opened: no tables, so every page's store fails.
        auto cache = std::make_shared<RecordCache>(dir.filePath(QStringLiteral("cache.sqlite")), RecordCache::randomKey(), QStringLiteral("dr-test"));
        Net::FhirClient client(profile(10));
        const SourceResult r = loadRecord(client, cache, QStringLiteral("p001"));
        QVERIFY(r.finished);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        const PatientRecord *patient = r.set.find(u"p001");
        QVERIFY(patient);
        QCOMPARE(patient->items.size(), loadRecordItemsReference());
        int cacheWarnings = 0;
        for (const QString &w : r.set.warnings)
            cacheWarnings += w.startsWith(QStringLiteral("The local cache cannot be written"));
        QVERIFY2(cacheWarnings >= 4, qPrintable(r.set.warnings.join(u'\n'))); // 32+ resources, 10 a page
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
        const OperationResult r = run(client.get(client.resolve(QStringLiteral("Observation?patient=Patient/p001&_count=5")), Net::PurposeOfUse::treatment()));
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
        const OperationResult r = run(client.get(client.resolve(QStringLiteral("Patient?name=%E5%B1%B1%E7%94%B0")), Net::PurposeOfUse::treatment()));
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
        const OperationResult r = run(client.get(client.resolve(QStringLiteral("Patient?name=x")), Net::PurposeOfUse::treatment()));
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
        const SourceResult r = loadRecord(client, nullptr, QStringLiteral("p001"), {}, purpose);
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

    // Purpose of use travels with each request: a routine patient search made on the same client while
    // an emergency-access (ETREAT) record load is in flight is sent as TREAT, and every request of the
    // record load still says ETREAT with its reason. (A client-wide purpose would log the search as an
    // emergency access in the service's access history, or the rest of the record as routine.)
    void searchDuringEmergencyLoadIsTreatment()
    {
        // Hold the first page of the record so the search goes out while the load is in flight.
        m_server.control({{QStringLiteral("delay"), QJsonObject{{QStringLiteral("ms"), 1500}, {QStringLiteral("count"), 1},
                                                                 {QStringLiteral("path"), QStringLiteral("/Patient/p001/$everything")}}}});
        Net::FhirClient client(profile(10));
        PatientRecordLoader loader(&client, nullptr);
        QSignalSpy ready(&loader, &PatientRecordLoader::recordReady);
        loader.open(QStringLiteral("p001"), Net::PurposeOfUse::emergency(QStringLiteral("意識障害")));
        QTest::qWait(300);
        QVERIFY(loader.isRunning());

        Net::PatientQuery q;
        q.name = QStringLiteral("サトウ");
        const OperationResult search = run(client.searchPatients(q, Net::PurposeOfUse::treatment()));
        QVERIFY2(!search.error.isError(), qPrintable(search.error.message()));
        QCOMPARE(bundleResourceKeys(search.pages), QStringList{QStringLiteral("Patient/p002")});
        QVERIFY2(loader.isRunning() && ready.isEmpty(), "the search must have been sent while the emergency load was in flight");

        QVERIFY(ready.wait(30000));
        QCOMPARE(ready.first().at(1).value<RecordLoadOutcome>().state, RecordLoadOutcome::State::Fresh);

        int searches = 0;
        int recordRequests = 0;
        for (const QJsonObject &o : serviceRequests()) {
            const QString path = o.value(u"path").toString();
            if (path == u"/metadata")
                continue;
            if (path == u"/Patient" && o.value(u"query").toString().contains(u"name=")) {
                ++searches;
                QCOMPARE(o.value(u"purpose").toString(), QStringLiteral("TREAT"));
                QVERIFY(o.value(u"emergencyReason").toString().isEmpty());
                continue;
            }
            ++recordRequests;
            QVERIFY2(o.value(u"purpose").toString() == u"ETREAT", qPrintable(path));
            QCOMPARE(o.value(u"emergencyReason").toString(), QStringLiteral("意識障害"));
        }
        QCOMPARE(searches, 1);
        QVERIFY(recordRequests >= 4); // 32 resources in pages of 10
    }

    void cancellation()
    {
        m_server.control({{QStringLiteral("delay"), QJsonObject{{QStringLiteral("ms"), 3000}, {QStringLiteral("count"), 1}}}});
        Net::FhirClient client(profile());
        Net::FhirOperation *op = client.get(client.resolve(QStringLiteral("Patient?name=x")), Net::PurposeOfUse::treatment());
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

    // A strict server (the fixture's default) that offers neither $everything nor _include and whose
    // CapabilityStatement has no rest section: typed patient references, no _include sent, every
    // Organization fetched by _id afterwards, every facility named.
    void strictServerWithoutIncludeOrEverything()
    {
        m_server.control({{QStringLiteral("config"), QJsonObject{{QStringLiteral("everything"), false}, {QStringLiteral("include"), false},
                                                                  {QStringLiteral("capabilityRest"), false}}}});
        Net::FhirClient client(profile(10));
        const SourceResult r = loadRecord(client, nullptr, QStringLiteral("p001"));
        QVERIFY(r.finished);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        QVERIFY(client.capabilities().valid);
        QVERIFY(!client.capabilities().patientEverything);
        const PatientRecord *p = r.set.find(u"p001");
        QVERIFY(p);
        QVERIFY2(!p->incomplete, qPrintable(p->incompleteReasons.join(u'\n')));
        QVERIFY2(p->items.size() >= 20, qPrintable(QString::number(p->items.size())));
        QSet<QString> names;
        for (const ClinicalItem &item : p->items) {
            if (!item.source.isKnown())
                continue;
            names.insert(item.source.name);
            QVERIFY2(!item.source.name.contains(u"Organization/") && !item.source.name.contains(u"org-00"), qPrintable(item.source.name));
            QVERIFY2(item.source.unresolvedReason.isEmpty(), qPrintable(item.source.unresolvedReason));
        }
        QVERIFY(names.contains(QStringLiteral("架け橋総合病院")));
        bool fetchedOrganizations = false;
        for (const QJsonObject &o : serviceRequests()) {
            const QString path = o.value(u"path").toString();
            const QString query = QUrl::fromPercentEncoding(o.value(u"query").toString().toUtf8());
            QVERIFY2(o.value(u"status").toInt() == 200, qPrintable(path + query));
            QVERIFY2(!query.contains(u"_include"), qPrintable(query));
            if (query.contains(u"patient="))
                QVERIFY2(query.contains(u"patient=Patient/p001"), qPrintable(query));
            if (path == u"/Organization" && query.contains(u"_id=") && query.contains(u"org-001"))
                fetchedOrganizations = true;
        }
        QVERIFY(fetchedOrganizations);
        // --summary lists the facilities by name and 医療機関コード.
        const QJsonObject patient = recordSummaryJson(r.set).value(u"patients").toArray().first().toObject();
        bool listed = false;
        for (const QJsonValue &f : patient.value(u"facilities").toArray()) {
            const QJsonObject o = f.toObject();
            QVERIFY(!o.value(u"name").toString().contains(u"Organization/"));
            if (o.value(u"name").toString() == u"架け橋総合病院") {
                listed = true;
                QCOMPARE(o.value(u"code").toString(), QStringLiteral("1312345678"));
                QVERIFY(o.value(u"items").toInt() >= 12);
            }
        }
        QVERIFY(listed);
    }

    // The old client bug against the strict engine: the Patient exists, nothing else matches. The
    // record must not be presented as complete and empty.
    void emptyRecordIsNotSilent()
    {
        SharingServiceFixture linked;
        const QString error = linked.start(linkedServiceArgs());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Net::ConnectionProfile prof = Net::ConnectionProfile::fromUrl(linked.baseUrl());
        prof.timeoutMs = 10000;
        Net::FhirClient client(prof);
        const SourceResult r = loadRecord(client, nullptr, QStringLiteral("lk-empty"));
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        QVERIFY(r.set.find(u"lk-empty"));
        QVERIFY(r.set.find(u"lk-empty")->items.isEmpty());
        QVERIFY2(r.set.warnings.contains(SharingServiceSource::emptyRecordWarning(QStringLiteral("lk-empty"))), qPrintable(r.set.warnings.join(u'\n')));
        // A patient with records gets no such warning.
        const SourceResult full = loadRecord(client, nullptr, QStringLiteral("lk-a"));
        QVERIFY(!full.set.warnings.contains(SharingServiceSource::emptyRecordWarning(QStringLiteral("lk-a"))));
    }

    // Patient.link in service mode: every linked id is fetched (chain lk-a → lk-b → lk-c → lk-a, one
    // link written as a bare id), merged into one person; facilities resolved by reference, the same
    // 医療機関コード under two Organization ids is one facility, and what cannot be resolved says why.
    void linkedIdentitiesAndUnresolvedFacilities()
    {
        SharingServiceFixture linked;
        const QString error = linked.start(linkedServiceArgs());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Net::ConnectionProfile prof = Net::ConnectionProfile::fromUrl(linked.baseUrl());
        prof.timeoutMs = 10000;
        Net::FhirClient client(prof);
        SharingServiceSource source(&client, nullptr);
        SourceResult r;
        QEventLoop loop;
        connect(&source, &SharingServiceSource::finished, &loop, [&](const RecordSet &set, const FhirError &e) {
            r = {set, e, true};
            loop.quit();
        });
        // Break-the-glass: the references are fetched for the same purpose as the record.
        source.load(QStringLiteral("lk-a"), Net::PurposeOfUse::emergency(QStringLiteral("意識障害")));
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        QVERIFY(r.finished);
        QVERIFY2(!r.error.isError(), qPrintable(r.error.message()));
        QCOMPARE(source.fetchedPatientIds(), (QStringList{QStringLiteral("lk-a"), QStringLiteral("lk-b"), QStringLiteral("lk-c")}));
        const PatientRecord *p = r.set.find(u"lk-a");
        QVERIFY(p);
        QCOMPARE(r.set.find(u"lk-c"), p);
        QHash<QString, SourceFacility> byItem;
        for (const ClinicalItem &item : p->items)
            byItem.insert(item.key, item.source);
        QVERIFY(byItem.contains(QStringLiteral("Condition/lk-b-cond")));
        QVERIFY(byItem.contains(QStringLiteral("Condition/lk-c-cond")));
        QVERIFY(byItem.contains(QStringLiteral("MedicationRequest/lk-b-mr")));
        // One hospital, two Organization ids, one 医療機関コード: one facility.
        QCOMPARE(byItem.value(QStringLiteral("Condition/lk-a-cond")).key, QStringLiteral("institution:1310000001"));
        QCOMPARE(byItem.value(QStringLiteral("Condition/lk-b-cond")).key, QStringLiteral("institution:1310000001"));
        // PractitionerRole fetched, then its Organization in the next round.
        QCOMPARE(byItem.value(QStringLiteral("MedicationRequest/lk-b-mr")).name, QStringLiteral("みなと診療所"));
        QCOMPARE(byItem.value(QStringLiteral("MedicationRequest/lk-b-mr")).code, QStringLiteral("1310000002"));
        // Asked for and not returned; on another server: named unknown, with the reason, never the id.
        const SourceFacility missing = byItem.value(QStringLiteral("Condition/lk-c-cond"));
        QCOMPARE(missing.name, ClinicalItemBuilder::unresolvedFacilityName());
        QVERIFY2(missing.unresolvedReason.contains(u"did not return") && missing.unresolvedReason.contains(u"Organization/org-missing"),
                 qPrintable(missing.unresolvedReason));
        const SourceFacility foreign = byItem.value(QStringLiteral("Observation/lk-a-obs"));
        QCOMPARE(foreign.name, ClinicalItemBuilder::unresolvedFacilityName());
        QVERIFY2(foreign.unresolvedReason.contains(u"other.example"), qPrintable(foreign.unresolvedReason));
        bool sawBatch = false;
        QTest::qWait(100); // let the server finish appending its log
        for (const QJsonObject &o : linked.accessLog()) {
            if (o.value(u"path").toString() != u"/metadata") {
                QCOMPARE(o.value(u"purpose").toString(), QStringLiteral("ETREAT"));
                QCOMPARE(o.value(u"emergencyReason").toString(), QStringLiteral("意識障害"));
            }
            const QString query = QUrl::fromPercentEncoding(o.value(u"query").toString().toUtf8());
            if (o.value(u"path").toString() == u"/Organization")
                sawBatch = sawBatch || (query.contains(u"org-x") && query.contains(u"org-y") && query.contains(u"org-missing"));
            QVERIFY2(!query.contains(u"Organization/zz"), "a reference to another server was requested");
        }
        QVERIFY(sawBatch);
        bool warned = false;
        for (const QString &w : r.set.warnings)
            warned = warned || w.contains(ClinicalItemBuilder::unresolvedFacilityName());
        QVERIFY2(warned, qPrintable(r.set.warnings.join(u'\n')));
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
