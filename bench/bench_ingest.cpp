// Record ingest on the path the application runs (SharingServiceSource::onPage, then finish):
// the record arrives as the service sends it, searchset pages of the connection profile's default
// _count (Net::ConnectionProfile::pageSize, 500; --page N for another);
// each page is parsed once and mapped by RecordAssembler, then handed to the same CacheWriter the app
// uses, which stores it on a pool thread by RecordCache::storeJson (HMAC row tags, AES-256-GCM per
// row, one SQLite transaction per page into a real cache file on disk, WAL, opened by
// RecordCache::open as the app does) while the next page is parsed; RecordAssembler::finish() builds
// the record while the last pages are stored, and the time ends when every page is stored.
// (The app parses on a pool thread; here the main thread does, with the same overlap.)
// The cache's background checkpoints (write-ahead log into the database) are waited for inside the
// timed region.
// Every round starts from an empty cache file.
//
// Baseline, measured in the same run and interleaved with it: QJsonDocument::fromJson over the same
// page bytes (parse only). Printed: the ratio of the two, and resources/s, against the issue-12 goals
// (>= 20,000 resources/s, <= 3x parse-only). Median of the rounds, with the best beside it.
// A breakdown comes from one extra round: parse+map and finish on the main thread, the writer's
// storeJson time (overlapped with them), and the waits for the last stores and checkpoint.
//
// Usage: bench_ingest [--rounds N] [--page N] [--dir FOLDER] [FILE]
//        (default: ${KAKEHASHI_DEMO_DATA_DIR}/patients/p900.json, FOLDER the system temp folder)
#include "app/processmemory.h"
#include "net/connectionprofile.h"
#include "record/recordassembler.h"
#include "store/cachewriter.h"
#include "store/recordcache.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Kakehashi;

namespace {

qint64 median(QList<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

struct Stages
{
    qint64 map = 0;   // parse + map: one call, as in the application
    qint64 store = 0; // inside storeJson, on the writer's pool threads (overlaps the others)
    qint64 finish = 0;
    qint64 storeWait = 0; // after finish, for the pages still being stored
    qint64 checkpointWait = 0;
};

// One ingest of every page into a new cache under |folder|: the application's path. With |stages|,
// each stage is timed on its own (a few extra timer reads); the total is returned either way.
qint64 ingest(const QList<QByteArray> &pages, const QString &folder, int *items, Stages *stages, QString *error)
{
    QTemporaryDir dir(folder + QStringLiteral("/bench-ingest-XXXXXX"));
    auto cache = std::make_shared<RecordCache>(dir.filePath(QStringLiteral("record-cache.sqlite")), RecordCache::randomKey(), QStringLiteral("bench"));
    if (!cache->open(error))
        return -1;
    const QDateTime fetchedAt = QDateTime::currentDateTimeUtc();
    const QString patient = QStringLiteral("p900");
    QElapsedTimer total;
    total.start();
    QElapsedTimer t;
    RecordAssembler assembler;
    assembler.setPreferredPatient(patient);
    CacheWriter writer(cache, patient, fetchedAt);
    for (const QByteArray &page : pages) {
        t.start();
        // As onPage: the assembler parses the page once and hands the parsed root on to the cache
        // writer, which keeps each resource as the page's bytes hold it.
        QJsonObject root;
        assembler.addJson(page, QStringLiteral("https://service.invalid/fhir/page"), &root);
        if (stages)
            stages->map += t.nsecsElapsed();
        writer.enqueue(root, page);
    }
    // As finishLoad: assembled while the last pages are stored.
    QFuture<QStringList> stored = writer.drained();
    t.start();
    const RecordSet set = assembler.finish();
    if (stages)
        stages->finish += t.nsecsElapsed();
    t.start();
    stored.waitForFinished();
    if (stages) {
        stages->storeWait += t.nsecsElapsed();
        stages->store += writer.storeNanoseconds();
    }
    if (!stored.result().isEmpty()) {
        *error = stored.result().first();
        return -1;
    }
    // The log's checkpoints run on the cache's own thread while pages are parsed; the time ends
    // when the last one has, so the figure holds them.
    t.start();
    cache->waitForCheckpoints();
    if (stages)
        stages->checkpointWait += t.nsecsElapsed();
    const qint64 elapsed = total.nsecsElapsed();
    *items = set.patients.isEmpty() ? 0 : int(set.patients.first().items.size());
    if (cache->load(patient, nullptr, error).size() < 1)
        return -1;
    return elapsed;
}

} // namespace

int main(int argc, char *argv[])
{
    // As the app's main() does.
    Kakehashi::ProcessMemory::useHugePages(argv);
    Kakehashi::ProcessMemory::tuneAllocator();
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int rounds = 5;
    int pageSize = Kakehashi::Net::ConnectionProfile().pageSize; // what the app asks for
    QString folder = QDir::tempPath();
    while (args.size() >= 2 && args.first().startsWith(u"--")) {
        const QString option = args.takeFirst();
        const QString value = args.takeFirst();
        if (option == u"--rounds")
            rounds = qMax(1, value.toInt());
        else if (option == u"--page")
            pageSize = qMax(1, value.toInt());
        else if (option == u"--dir")
            folder = value;
    }
    const QString path = args.isEmpty() ? QStringLiteral(KAKEHASHI_DEMO_DATA_DIR "/patients/p900.json") : args.first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s (build the demo_data target)\n", qPrintable(path));
        return 1;
    }
    const QByteArray bytes = file.readAll();
    const QJsonArray entries = QJsonDocument::fromJson(bytes).object().value(u"entry").toArray();
    const int resources = int(entries.size());

    // The service's pages, serialised as they arrive off the wire.
    QList<QByteArray> pages;
    qint64 pageBytes = 0;
    for (qsizetype i = 0; i < entries.size(); i += pageSize) {
        QJsonArray part;
        for (qsizetype k = i; k < std::min(entries.size(), i + pageSize); ++k)
            part.append(entries.at(k));
        pages.append(QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                               {QStringLiteral("type"), QStringLiteral("searchset")},
                                               {QStringLiteral("entry"), part}})
                         .toJson(QJsonDocument::Compact));
        pageBytes += pages.last().size();
    }

    QList<qint64> parseTimes;
    QList<qint64> ingestTimes;
    int items = 0;
    QString error;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        int parsed = 0;
        for (const QByteArray &page : pages)
            parsed += int(QJsonDocument::fromJson(page).object().value(u"entry").toArray().size());
        parseTimes.append(t.nsecsElapsed());
        if (parsed != resources)
            return 2;
        const qint64 elapsed = ingest(pages, folder, &items, nullptr, &error);
        if (elapsed < 0) {
            std::fprintf(stderr, "cache: %s\n", qPrintable(error));
            return 3;
        }
        ingestTimes.append(elapsed);
    }
    Stages stages;
    int stageItems = 0;
    if (ingest(pages, folder, &stageItems, &stages, &error) < 0)
        return 3;

    const qint64 parse = median(parseTimes);
    const qint64 real = median(ingestTimes);
    const double realRate = resources / (double(real) / 1e9);
    const double ratio = double(real) / double(parse);
    std::printf("bench_ingest: %s, %d resources in %lld pages of %d, %d items, %.1f MB, median of %d (cache in %s)\n",
                qPrintable(path.section(u'/', -1)), resources, qlonglong(pages.size()), pageSize, items, pageBytes / 1048576.0,
                rounds, qPrintable(folder));
    std::printf("%-44s %10s %10s %14s\n", "", "median ms", "best ms", "resources/s");
    std::printf("%-44s %10.1f %10.1f %14.0f\n", "baseline: parse only (QJsonDocument)", parse / 1e6,
                *std::min_element(parseTimes.begin(), parseTimes.end()) / 1e6, resources / (double(parse) / 1e9));
    std::printf("%-44s %10.1f %10.1f %14.0f\n", "real ingest: parse+map+store(enc,SQLite)+finish", real / 1e6,
                *std::min_element(ingestTimes.begin(), ingestTimes.end()) / 1e6, realRate);
    std::printf("stages (one round): parse+map %.1f, finish %.1f; storeJson %.1f on the writer's thread (overlapped), then "
                "waits: last stores %.1f, last checkpoint %.1f ms\n",
                stages.map / 1e6, stages.finish / 1e6, stages.store / 1e6, stages.storeWait / 1e6, stages.checkpointWait / 1e6);
    std::printf("ratio real/parse-only: %.2f (goal <= 3: %s)   %.0f resources/s (goal >= 20000: %s)\n", ratio,
                ratio <= 3.0 ? "met" : "NOT met", realRate, realRate >= 20000 ? "met" : "NOT met");
    return 0;
}
