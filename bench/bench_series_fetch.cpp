// A 300-slice CT series (512×512, 16-bit) from a local Orthanc through DicomWebSource (WADO-RS,
// streamed multipart) against curl fetching the same WADO-RS URL in the same run.
// Reports time to first image (first instance decoded to a QImage), time to full series,
// their ratios to curl, cached scroll rate, and peak RSS against the raw pixel bytes.
// Usage: bench_series_fetch [--slices N] [--runs N]
#include "app/processmemory.h"
#include "dicom/dicomframedecoder.h"
#include "dicom/retrieve/dicomwebsource.h"
#include "pacsfixtures.h"
#include "syntheticseries.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <optional>

using namespace Kakehashi::Dicom;
using namespace Kakehashi::Fixtures;

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

struct OurRun
{
    double firstImageMs = -1;
    double fullSeriesMs = -1;
    int instances = 0;
    QString error;
};

OurRun fetchOurs(DicomWebSource &source, const SeriesRef &series, const QString &dir)
{
    OurRun run;
    QElapsedTimer clock;
    RetrieveRequest request;
    request.series = series;
    request.targetDir = dir;
    request.onInstance = [&run, &clock](const RetrievedInstance &instance) {
        if (run.firstImageMs >= 0)
            return;
        const DicomDecodeResult r = DicomFrameDecoder::decodeFile(instance.path);
        if (r.ok && !r.frames.isEmpty()) {
            const QImage image = r.frames.first().render(DicomFrameDecoder::defaultWindow(r.info, r.frames.first()));
            if (!image.isNull())
                run.firstImageMs = double(clock.nsecsElapsed()) / 1e6;
        }
    };
    clock.start();
    QFuture<RetrieveResult> future = source.retrieveInstances(request);
    QEventLoop loop;
    while (!future.isFinished())
        loop.processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    run.fullSeriesMs = double(clock.nsecsElapsed()) / 1e6;
    const RetrieveResult r = future.result();
    run.instances = int(r.items.size());
    if (!r.ok())
        run.error = r.status.errorString;
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

} // namespace

int main(int argc, char **argv)
{
    // As the app's main() does.
    Kakehashi::ProcessMemory::useHugePages(argv);
    Kakehashi::ProcessMemory::tuneAllocator();
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int slices = 300;
    int runs = 3;
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

    DicomWebOptions options;
    options.baseUrl = orthanc.dicomWebBase();
    DicomWebSource source(options);
    const SeriesRef ref{series.studyInstanceUid, series.seriesInstanceUid};
    const QUrl url = source.seriesUrl(ref);

    // Warm-up (Orthanc's caches, page cache) so both clients see the same server state.
    fetchCurl(curl, url, source.instancesAcceptHeader());

    QList<double> oursFirst, oursFull, curlFirst, curlFull;
    qint64 peakRetrieveKb = 0;
    for (int i = 0; i < runs; ++i) {
        const CurlRun c = fetchCurl(curl, url, source.instancesAcceptHeader());
        if (!c.error.isEmpty()) {
            out << c.error << Qt::endl;
            return 1;
        }
        curlFirst << c.firstByteMs;
        curlFull << c.totalMs;
        QTemporaryDir target;
        resetPeakRss();
        const OurRun o = fetchOurs(source, ref, target.path());
        peakRetrieveKb = qMax(peakRetrieveKb, procStatusKb("VmHWM:"));
        if (!o.error.isEmpty() || o.instances != slices) {
            out << "DicomWebSource: " << o.instances << " instances, " << o.error << Qt::endl;
            return 1;
        }
        oursFirst << o.firstImageMs;
        oursFull << o.fullSeriesMs;
    }

    // Decode every slice and keep the frames, as the image view's cache would; then scroll.
    QTemporaryDir target;
    const OurRun keep = fetchOurs(source, ref, target.path());
    Q_UNUSED(keep);
    resetPeakRss();
    const qint64 baseKb = procStatusKb("VmRSS:");
    QList<DicomFrame> frames;
    QList<DicomImageInfo> infos;
    QElapsedTimer decodeClock;
    decodeClock.start();
    const QStringList files = QDir(target.path()).entryList({QStringLiteral("*.dcm")}, QDir::Files, QDir::Name);
    for (const QString &f : files) {
        const DicomDecodeResult r = DicomFrameDecoder::decodeFile(QDir(target.path()).filePath(f));
        if (r.ok && !r.frames.isEmpty()) {
            frames << r.frames.first();
            infos << r.info;
        }
    }
    const double decodeMs = double(decodeClock.nsecsElapsed()) / 1e6;
    const qint64 peakDecodedKb = procStatusKb("VmHWM:") - baseKb;
    QElapsedTimer scrollClock;
    scrollClock.start();
    int rendered = 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype i = 0; i < frames.size(); ++i)
            rendered += frames.at(i).render(DicomFrameDecoder::defaultWindow(infos.at(i), frames.at(i))).isNull() ? 0 : 1;
    }
    const double scrollFps = rendered / (double(scrollClock.nsecsElapsed()) / 1e9);

    const double rawBytes = double(slices) * 512 * 512 * 2;
    const double mf = median(oursFirst), mF = median(oursFull), cf = median(curlFirst), cF = median(curlFull);
    out << Qt::endl << "bench_series_fetch: " << slices << " slices 512x512x16, median of " << runs << " runs, local Orthanc "
        << "(DICOMweb plugin)" << Qt::endl;
    out << QStringLiteral("%1 %2 %3 %4").arg(QStringLiteral("measure"), -34).arg(QStringLiteral("ours"), 10).arg(QStringLiteral("curl"), 10).arg(QStringLiteral("ratio"), 8) << Qt::endl;
    out << QStringLiteral("%1 %2 %3 %4").arg(QStringLiteral("first image / first byte (ms)"), -34).arg(mf, 10, 'f', 1).arg(cf, 10, 'f', 1).arg(mf / cf, 8, 'f', 2) << Qt::endl;
    out << QStringLiteral("%1 %2 %3 %4").arg(QStringLiteral("full series (ms)"), -34).arg(mF, 10, 'f', 1).arg(cF, 10, 'f', 1).arg(mF / cF, 8, 'f', 2) << Qt::endl;
    out << QStringLiteral("%1 %2").arg(QStringLiteral("decode all slices (ms)"), -34).arg(decodeMs, 10, 'f', 1) << Qt::endl;
    out << QStringLiteral("%1 %2").arg(QStringLiteral("cached scroll, W/L render (fps)"), -34).arg(scrollFps, 10, 'f', 0) << Qt::endl;
    out << QStringLiteral("%1 %2").arg(QStringLiteral("raw pixel bytes (MiB)"), -34).arg(rawBytes / 1048576.0, 10, 'f', 1) << Qt::endl;
    out << QStringLiteral("%1 %2 %3").arg(QStringLiteral("peak RSS, retrieve (MiB)"), -34).arg(peakRetrieveKb / 1024.0, 10, 'f', 1).arg(QStringLiteral("(whole process)")) << Qt::endl;
    out << QStringLiteral("%1 %2 %3x raw").arg(QStringLiteral("peak RSS growth, all decoded (MiB)"), -34).arg(peakDecodedKb / 1024.0, 10, 'f', 1).arg(peakDecodedKb * 1024.0 / rawBytes, 0, 'f', 2) << Qt::endl;
    orthanc.stop();
    return 0;
}
