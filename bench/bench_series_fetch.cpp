// bench_series_fetch — P5 of issue 12, timed on the path the application runs.
//
// What it times: opening a 300-slice CT study (512×512, 16-bit) from a local Orthanc over DICOMweb
// the way ImagingController does it: the back-end made by ImageSourceFactory from a "dicom-wado-rs"
// endpoint, a StudyRetrieval with the encrypted ImageCache (AES-256-GCM; a fresh, empty cache
// folder per run), start() → QIDO series, the instance listing, the first slice, the series stream;
// every instance's header read on arrival and every instance sealed in the cache.
//   first image   start() → the first instance that arrived is loaded, decoded and rendered with
//                 its default window (what ImagingPanel puts on screen first)
//   full series   start() → finished() (every instance arrived and its header read: all scrollable)
//   stored        start() → the study marked complete in the encrypted cache (the retrieval's
//                 destructor waits for the cache writer)
//   reopen        a second StudyRetrieval on that cache: start() → first image, → finished()
// Baseline, in the same run, alternating with ours: curl fetching the same series' WADO-RS
// multipart (the bytes the series stream brings): its first byte and its total.
// Goals (issue 12): first image ≤ 40 ms; full series ≤ 1.2× curl, with the cache encrypted.
// Also: peak RSS growth during a retrieval against the raw pixel bytes, with the process's resident
// memory before it and at its peak (the growth flatters: the warm-up retrieval before the timed runs
// left freed heap in the process, which later retrievals reuse without growing); decrypt + decode of every
// slice from the cache (the scroll path) and the W/L render rate of the decoded frames.
// Usage: bench_series_fetch [--slices N] [--runs N]
#include "app/processmemory.h"
#include "dicom/dicomframedecoder.h"
#include "dicom/retrieve/imagesource.h"
#include "pacsfixtures.h"
#include "session/imaging/studyretrieval.h"
#include "store/imagecache.h"
#include "store/recordcache.h"
#include "syntheticseries.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <memory>

using namespace Kakehashi;
using namespace Kakehashi::Dicom;
using namespace Kakehashi::Fixtures;
using Kakehashi::Session::StudyRetrieval;

namespace {

qint64 procStatusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Resets VmHWM so the next peak belongs to the phase being measured (Linux ≥ 4.0).
void resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

// What ImagingPanel does with the first instance that arrives: load it (from memory, or decrypted
// from the cache), decode it, render it with its default window.
bool showFirst(const StudyRetrieval &retrieval)
{
    if (retrieval.instances().isEmpty())
        return false;
    QString error;
    const QByteArray bytes = retrieval.instances().constFirst()->load(&error);
    const DicomDecodeResult r = DicomFrameDecoder::decodeBytes(bytes, {});
    if (!r.ok || r.frames.isEmpty())
        return false;
    return !r.frames.constFirst().render(DicomFrameDecoder::defaultWindow(r.info, r.frames.constFirst())).isNull();
}

struct OurRun
{
    double firstImageMs = -1;
    double fullSeriesMs = -1;
    double storedMs = -1;
    int instances = 0;
    bool fromCache = false;
    QString error;
};

// One StudyRetrieval as ImagingController makes it; |destroy| waits for the cache writer (stored).
OurRun retrieve(const ImageEndpoint &endpoint, const std::shared_ptr<ImageCache> &cache, const QString &studyUid,
                std::unique_ptr<StudyRetrieval> *keep = nullptr)
{
    OurRun run;
    ImageSourceCreation created = ImageSourceFactory::create(endpoint);
    if (!created.source) {
        run.error = created.errorString;
        return run;
    }
    auto retrieval = std::make_unique<StudyRetrieval>(studyUid, std::move(created.source), cache);
    QElapsedTimer clock;
    QEventLoop loop;
    QObject::connect(retrieval.get(), &StudyRetrieval::instanceArrived, &loop, [&run, &clock, &retrieval](int) {
        if (run.firstImageMs < 0 && showFirst(*retrieval))
            run.firstImageMs = double(clock.nsecsElapsed()) / 1e6;
    });
    QObject::connect(retrieval.get(), &StudyRetrieval::finished, &loop, [&run, &clock, &loop] {
        run.fullSeriesMs = double(clock.nsecsElapsed()) / 1e6;
        loop.quit();
    });
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    clock.start();
    retrieval->start();
    loop.exec();
    const StudyRetrieval::Outcome outcome = retrieval->outcome();
    run.instances = outcome.instances;
    run.fromCache = outcome.origin == StudyRetrieval::Origin::Cache;
    if (run.fullSeriesMs < 0)
        run.error = QStringLiteral("no answer in 300 s");
    else if (!outcome.status.ok())
        run.error = outcome.status.errorString;
    else if (!retrieval->cacheError().isEmpty())
        run.error = QStringLiteral("image cache: ") + retrieval->cacheError();
    if (keep) {
        *keep = std::move(retrieval);
    } else {
        retrieval.reset(); // waits for every store and the "complete" marker
        run.storedMs = double(clock.nsecsElapsed()) / 1e6;
        if (run.error.isEmpty() && !cache->isComplete(studyUid))
            run.error = QStringLiteral("the study was not marked complete in the image cache");
    }
    return run;
}

struct CurlRun
{
    double firstByteMs = -1;
    double totalMs = -1;
    QString error;
};

CurlRun fetchCurl(const QString &curl, const QUrl &url, const QByteArray &accept)
{
    CurlRun run;
    QProcess p;
    p.start(curl, {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-H"),
                   QStringLiteral("Accept: ") + QString::fromLatin1(accept), QStringLiteral("-w"),
                   QStringLiteral("%{http_code} %{time_starttransfer} %{time_total}"), url.toString()});
    if (!p.waitForFinished(300000)) {
        run.error = QStringLiteral("curl timed out");
        p.kill();
        p.waitForFinished(2000);
        return run;
    }
    const QList<QByteArray> parts = p.readAllStandardOutput().split(' ');
    if (parts.size() != 3 || parts.at(0) != "200") {
        run.error = QStringLiteral("curl failed");
        return run;
    }
    run.firstByteMs = parts.at(1).toDouble() * 1000;
    run.totalMs = parts.at(2).toDouble() * 1000;
    return run;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? -1 : v.at(v.size() / 2);
}

QString row(const QString &what, double ours, double base)
{
    return QStringLiteral("%1 %2 %3 %4")
        .arg(what, -36)
        .arg(ours, 10, 'f', 1)
        .arg(base >= 0 ? QString::number(base, 'f', 1) : QStringLiteral("-"), 10)
        .arg(base > 0 ? QString::number(ours / base, 'f', 2) : QStringLiteral("-"), 8);
}

} // namespace

int main(int argc, char **argv)
{
    // As the app's main() does.
    Kakehashi::ProcessMemory::useHugePages(argv);
    Kakehashi::ProcessMemory::tuneAllocator();
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int slices = 300;
    int runs = 5;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == u"--slices")
            slices = args.at(i + 1).toInt();
        else if (args.at(i) == u"--runs")
            runs = args.at(i + 1).toInt();
    }
    QString why;
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (!OrthancFixture::isAvailable(&why) || curl.isEmpty()) {
        out << "bench_series_fetch: skipped: " << (curl.isEmpty() ? QStringLiteral("curl is not installed") : why) << Qt::endl;
        return 0;
    }
    QTemporaryDir work;
    SyntheticSeriesSpec spec;
    spec.slices = slices;
    spec.rows = 512;
    spec.columns = 512;
    spec.seed = 300;
    out << "writing " << slices << " CT slices 512x512x16 …" << Qt::endl;
    const SyntheticSeries series = writeSyntheticCtSeries(work.filePath(QStringLiteral("ct")), spec);
    if (!series.ok()) {
        out << series.errorString << Qt::endl;
        return 1;
    }
    OrthancFixture orthanc;
    if (!orthanc.start({}, &why) || !orthanc.upload(series.files, &why)) {
        out << "Orthanc: " << why << Qt::endl;
        return 1;
    }
    out << "loaded into Orthanc (pid " << orthanc.pid() << ")" << Qt::endl;

    ImageEndpoint endpoint;
    endpoint.connectionType = QStringLiteral("dicom-wado-rs");
    endpoint.address = orthanc.dicomWebBase();
    const QByteArray key(RecordCache::KeyBytes, '\x5a');
    const QUrl url(orthanc.dicomWebBase().toString() + QStringLiteral("/studies/%1/series/%2").arg(series.studyInstanceUid, series.seriesInstanceUid));
    const QByteArray accept = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";

    // Warm-up (Orthanc's caches, the page cache, this process's first TLS-less connection).
    if (const CurlRun c = fetchCurl(curl, url, accept); !c.error.isEmpty()) {
        out << c.error << Qt::endl;
        return 1;
    }
    {
        QTemporaryDir dir;
        const OurRun warm = retrieve(endpoint, std::make_shared<ImageCache>(dir.path(), key, QStringLiteral("bench")), series.studyInstanceUid);
        if (!warm.error.isEmpty() || warm.instances != slices) {
            out << "StudyRetrieval: " << warm.instances << " instances, " << warm.error << Qt::endl;
            return 1;
        }
    }

    QList<double> oursFirst, oursFull, oursStored, curlFirst, curlFull, reopenFirst, reopenFull;
    qint64 peakGrowthKb = 0;
    qint64 rssBeforeKb = 0;
    qint64 rssPeakKb = 0;
    for (int i = 0; i < runs; ++i) {
        const CurlRun c = fetchCurl(curl, url, accept);
        if (!c.error.isEmpty()) {
            out << c.error << Qt::endl;
            return 1;
        }
        curlFirst << c.firstByteMs;
        curlFull << c.totalMs;
        QTemporaryDir dir;
        const auto cache = std::make_shared<ImageCache>(dir.path(), key, QStringLiteral("bench"));
        const qint64 beforeKb = procStatusKb("VmRSS:");
        resetPeakRss();
        const OurRun o = retrieve(endpoint, cache, series.studyInstanceUid);
        const qint64 peakKb = procStatusKb("VmHWM:");
        if (peakKb - beforeKb >= peakGrowthKb) {
            peakGrowthKb = peakKb - beforeKb;
            rssBeforeKb = beforeKb;
            rssPeakKb = peakKb;
        }
        if (!o.error.isEmpty() || o.instances != slices || o.fromCache || o.firstImageMs < 0) {
            out << "StudyRetrieval: " << o.instances << " instances, " << o.error << Qt::endl;
            return 1;
        }
        oursFirst << o.firstImageMs;
        oursFull << o.fullSeriesMs;
        oursStored << o.storedMs;
        // Reopened: the complete study from the encrypted cache (every instance decrypted once to
        // check it), the PACS not asked.
        const OurRun again = retrieve(endpoint, cache, series.studyInstanceUid);
        if (!again.error.isEmpty() || again.instances != slices || !again.fromCache || again.firstImageMs < 0) {
            out << "StudyRetrieval from the cache: " << again.instances << " instances, " << again.error << Qt::endl;
            return 1;
        }
        reopenFirst << again.firstImageMs;
        reopenFull << again.fullSeriesMs;
    }

    // Scrolling: every slice decrypted from the cache and decoded (as the image view loads a slice
    // it does not hold), then the decoded frames rendered with their window, twice over.
    QTemporaryDir dir;
    const auto cache = std::make_shared<ImageCache>(dir.path(), key, QStringLiteral("bench"));
    std::unique_ptr<StudyRetrieval> opened;
    if (const OurRun o = retrieve(endpoint, cache, series.studyInstanceUid, &opened); !o.error.isEmpty()) {
        out << "StudyRetrieval: " << o.error << Qt::endl;
        return 1;
    }
    opened.reset(); // every instance sealed: load() decrypts from the cache
    std::unique_ptr<StudyRetrieval> fromCache;
    if (const OurRun o = retrieve(endpoint, cache, series.studyInstanceUid, &fromCache); !o.error.isEmpty() || !o.fromCache) {
        out << "StudyRetrieval from the cache: " << o.error << Qt::endl;
        return 1;
    }
    QList<DicomFrame> frames;
    QList<DicomImageInfo> infos;
    QElapsedTimer decodeClock;
    decodeClock.start();
    for (const DicomInstancePtr &instance : fromCache->instances()) {
        QString error;
        const DicomDecodeResult r = DicomFrameDecoder::decodeBytes(instance->load(&error), {});
        if (r.ok && !r.frames.isEmpty()) {
            frames << r.frames.constFirst();
            infos << r.info;
        }
    }
    const double decodeMs = double(decodeClock.nsecsElapsed()) / 1e6;
    if (frames.size() != slices) {
        out << "decoded " << frames.size() << " of " << slices << " slices from the cache" << Qt::endl;
        return 1;
    }
    QElapsedTimer scrollClock;
    scrollClock.start();
    int rendered = 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype i = 0; i < frames.size(); ++i)
            rendered += frames.at(i).render(DicomFrameDecoder::defaultWindow(infos.at(i), frames.at(i))).isNull() ? 0 : 1;
    }
    const double scrollFps = rendered / (double(scrollClock.nsecsElapsed()) / 1e9);

    const double rawBytes = double(slices) * 512 * 512 * 2;
    const double mf = median(oursFirst), mF = median(oursFull), mS = median(oursStored), cf = median(curlFirst), cF = median(curlFull);
    out << Qt::endl << "bench_series_fetch: " << slices << " slices 512x512x16, median of " << runs
        << " runs, local Orthanc (DICOMweb plugin), StudyRetrieval + encrypted ImageCache" << Qt::endl;
    out << QStringLiteral("%1 %2 %3 %4").arg(QStringLiteral("measure"), -36).arg(QStringLiteral("ours"), 10).arg(QStringLiteral("curl"), 10).arg(QStringLiteral("ratio"), 8) << Qt::endl;
    out << row(QStringLiteral("first image / first byte (ms)"), mf, cf) << QStringLiteral("   goal first image <= 40 ms: %1").arg(mf <= 40 ? QStringLiteral("met") : QStringLiteral("NOT met")) << Qt::endl;
    out << row(QStringLiteral("full series, all arrived (ms)"), mF, cF) << QStringLiteral("   goal <= 1.2x: %1").arg(mF <= 1.2 * cF ? QStringLiteral("met") : QStringLiteral("NOT met")) << Qt::endl;
    out << row(QStringLiteral("full series, stored encrypted (ms)"), mS, cF) << Qt::endl;
    out << row(QStringLiteral("reopen from cache, first image (ms)"), median(reopenFirst), -1) << Qt::endl;
    out << row(QStringLiteral("reopen from cache, all (ms)"), median(reopenFull), -1) << Qt::endl;
    out << QStringLiteral("%1 %2").arg(QStringLiteral("decrypt + decode all slices (ms)"), -36).arg(decodeMs, 10, 'f', 1) << Qt::endl;
    out << QStringLiteral("%1 %2").arg(QStringLiteral("cached scroll, W/L render (fps)"), -36).arg(scrollFps, 10, 'f', 0) << Qt::endl;
    out << QStringLiteral("%1 %2").arg(QStringLiteral("raw pixel bytes (MiB)"), -36).arg(rawBytes / 1048576.0, 10, 'f', 1) << Qt::endl;
    // Instances leave memory once sealed in the cache: this is what a retrieval holds at its peak.
    out << QStringLiteral("%1 %2 %3x raw").arg(QStringLiteral("peak RSS growth, one retrieval (MiB)"), -36).arg(peakGrowthKb / 1024.0, 10, 'f', 1).arg(peakGrowthKb * 1024.0 / rawBytes, 0, 'f', 2) << Qt::endl;
    // Growth is measured from an RSS that already holds the heap earlier retrievals freed: say both ends.
    out << QStringLiteral("%1 %2 -> %3").arg(QStringLiteral("  process RSS before -> peak (MiB)"), -36).arg(rssBeforeKb / 1024.0, 10, 'f', 1).arg(rssPeakKb / 1024.0, 0, 'f', 1) << Qt::endl;
    orthanc.stop();
    return 0;
}
