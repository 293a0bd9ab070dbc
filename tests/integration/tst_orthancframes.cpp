// Large multi-frame instances fetched frame by frame (WADO-RS …/metadata and …/frames/{n}) from a
// real Orthanc with its DICOMweb plugin, through StudyRetrieval and the encrypted image cache.
// A recording proxy in front of Orthanc counts the HTTP requests that really went out.
#include "dicom/dicomframedecoder.h"
#include "viewer/imageview/dicomimageview.h"
#include "dicom/retrieve/dicomwebsource.h"
#include "store/imagecache.h"
#include "pacsfixtures.h"
#include "net/purposeofuse.h"
#include "store/recordcache.h"
#include "recordingproxy.h"
#include "retrievaltestsupport.h"
#include "session/imaging/studyretrieval.h"
#include "syntheticseries.h"
#include "../testsupport.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Kakehashi;
using namespace Kakehashi::Dicom;
using namespace Kakehashi::Fixtures;
using Kakehashi::Session::StudyRetrieval;

namespace {
const QString kStudy = QStringLiteral("1.2.826.0.1.3680043.10.1234.500.1");
const QString kSeries = QStringLiteral("1.2.826.0.1.3680043.10.1234.500.2");
const QString kSmall = QStringLiteral("1.2.826.0.1.3680043.10.1234.500.3.1"); // 2 frames of 8 × 8: fetched whole
const QString kCine = QStringLiteral("1.2.826.0.1.3680043.10.1234.500.3.2");  // 12 frames, native
const QString kJpeg = QStringLiteral("1.2.826.0.1.3680043.10.1234.500.3.3");  // 12 frames, JPEG lossless
constexpr int kFrames = 12;
constexpr qint64 kThreshold = 16 * 1024; // the cine is 72 KiB, the small one 256 bytes

QRegularExpression pathPattern(const QString &pattern)
{
    return QRegularExpression(QStringLiteral("^GET [^ ]*") + pattern + QStringLiteral(" HTTP"));
}
int frameRequests(const RecordingProxy &proxy, const QString &sop, int oneBased = 0)
{
    return proxy.count(pathPattern(QRegularExpression::escape(sop) + QStringLiteral("/frames/")
                                   + (oneBased > 0 ? QString::number(oneBased) : QStringLiteral("\\d+"))));
}

DicomSliceRef sliceOf(const QList<DicomSeries> &series, const QString &sop, int frame)
{
    for (const DicomSeries &s : series)
        for (const DicomSliceRef &ref : s.slices)
            if (ref.sopInstanceUid == sop && ref.frame == frame)
                return ref;
    return {};
}

DicomDecodeResult decodeNow(const DicomSliceRef &ref)
{
    DicomDecodeOptions options;
    options.firstFrame = ref.frame;
    options.frameCount = 1;
    const QFuture<DicomDecodeResult> future = DicomFrameDecoder::decodeSliceAsync(ref, options);
    if (!waitFor(future, 20000) || future.resultCount() == 0) {
        DicomDecodeResult timedOut;
        timedOut.errorString = QStringLiteral("no result in 20 s");
        return timedOut;
    }
    return future.result();
}

// Every pixel of the decoded frame is the synthetic frame's value.
bool isFrame(const DicomDecodeResult &r, int frame, QString *why)
{
    if (!r.ok || r.frames.size() != 1) {
        *why = QStringLiteral("not decoded: %1").arg(r.errorString);
        return false;
    }
    const DicomFrame &f = r.frames.first();
    if (f.frameIndex != frame) {
        *why = QStringLiteral("frame index %1, expected %2").arg(f.frameIndex).arg(frame);
        return false;
    }
    for (int y = 0; y < f.pixels.height(); ++y)
        for (int x = 0; x < f.pixels.width(); ++x)
            if (int(f.modalityValue(x, y)) != syntheticFrameValue(frame, x, y)) {
                *why = QStringLiteral("pixel (%1,%2) of frame %3 is %4, expected %5")
                           .arg(x).arg(y).arg(frame).arg(f.modalityValue(x, y)).arg(syntheticFrameValue(frame, x, y));
                return false;
            }
    return true;
}
} // namespace

class TestOrthancFrames : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void firstFrameShowsWithoutTheWholeInstance();
    void laterFrameIsFetchedOnRequest();
    void compressedFramesComeAsStored();
    void theViewAsksForFramesAsItScrolls();
    void reopenFromTheCacheAsksOnlyForNewFrames();
    void aFailedFrameRequestIsNamed();
    void offlineWithoutPacsTheMissingFrameIsNamed();
    void aFrameOutOfRangeIsRefused();

private:
    std::unique_ptr<StudyRetrieval> makeRetrieval(DicomWebSource **source = nullptr);
    bool runToEnd(StudyRetrieval *retrieval);

    QTemporaryDir m_work;
    OrthancFixture m_orthanc;
    std::unique_ptr<RecordingProxy> m_proxy;
    std::shared_ptr<ImageCache> m_cache;
    std::unique_ptr<StudyRetrieval> m_retrieval;
};

void TestOrthancFrames::initTestCase()
{
    QString why;
    if (!OrthancFixture::isAvailable(&why))
        QSKIP(qPrintable(why));
    QVERIFY(m_work.isValid());
    SyntheticMultiFrameSpec small{.frames = 2, .rows = 8, .columns = 8, .instanceNumber = 1,
                                  .studyInstanceUid = kStudy, .seriesInstanceUid = kSeries, .sopInstanceUid = kSmall};
    SyntheticMultiFrameSpec cine{.frames = kFrames, .rows = 48, .columns = 64, .instanceNumber = 2,
                                 .studyInstanceUid = kStudy, .seriesInstanceUid = kSeries, .sopInstanceUid = kCine};
    SyntheticMultiFrameSpec jpeg = cine;
    jpeg.instanceNumber = 3;
    jpeg.sopInstanceUid = kJpeg;
    jpeg.jpegLossless = true;
    const QStringList files{m_work.filePath(QStringLiteral("small.dcm")), m_work.filePath(QStringLiteral("cine.dcm")),
                            m_work.filePath(QStringLiteral("jpeg.dcm"))};
    QCOMPARE(writeSyntheticMultiFrame(files.at(0), small), QString());
    QCOMPARE(writeSyntheticMultiFrame(files.at(1), cine), QString());
    QCOMPARE(writeSyntheticMultiFrame(files.at(2), jpeg), QString());
    QVERIFY2(m_orthanc.start({}, &why), qPrintable(why));
    QVERIFY2(m_orthanc.upload(files, &why), qPrintable(why));
    m_proxy = std::make_unique<RecordingProxy>(m_orthanc.httpPort());
    QVERIFY(m_proxy->port() != 0);
    m_cache = std::make_shared<ImageCache>(m_work.filePath(QStringLiteral("image-cache")), QByteArray(RecordCache::KeyBytes, '\x31'),
                                           QStringLiteral("tester"));
}

void TestOrthancFrames::cleanupTestCase()
{
    m_retrieval.reset();
    m_proxy.reset();
    m_orthanc.stop();
}

std::unique_ptr<StudyRetrieval> TestOrthancFrames::makeRetrieval(DicomWebSource **sourceOut)
{
    DicomWebOptions options;
    options.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/dicom-web").arg(m_proxy->port()));
    options.extraHeaders = Net::purposeHeaders({Net::PurposeOfUse::Reason::EmergencyTreatment, QStringLiteral("意識障害")});
    options.extraHeaders.append({QByteArrayLiteral("X-Kakehashi-Role"), QByteArrayLiteral("doctor")});
    auto source = std::make_unique<DicomWebSource>(options);
    if (sourceOut)
        *sourceOut = source.get();
    auto retrieval = std::make_unique<StudyRetrieval>(kStudy, std::move(source), m_cache);
    retrieval->setFrameByFrameBytes(kThreshold);
    return retrieval;
}

bool TestOrthancFrames::runToEnd(StudyRetrieval *retrieval)
{
    QSignalSpy finished(retrieval, &StudyRetrieval::finished);
    if (!retrieval->isRunning() && retrieval->outcome().instances > 0)
        return true;
    return finished.wait(30000);
}

void TestOrthancFrames::firstFrameShowsWithoutTheWholeInstance()
{
    m_proxy->clear();
    m_retrieval = makeRetrieval();
    QSignalSpy first(m_retrieval.get(), &StudyRetrieval::firstInstanceArrived);
    QSignalSpy finished(m_retrieval.get(), &StudyRetrieval::finished);
    m_retrieval->start();
    QVERIFY(first.wait(30000));
    // The middle instance by number is the cine: its header is there, its first frame is not yet.
    QCOMPARE(m_retrieval->firstInstanceUid(), kCine);
    QCOMPARE(frameRequests(*m_proxy, kCine), 0);
    const DicomSliceRef ref = sliceOf(m_retrieval->series(), kCine, 0);
    QVERIFY(ref.instance);
    QVERIFY(ref.instance->fetchesFrames());
    QString why;
    QVERIFY2(isFrame(decodeNow(ref), 0, &why), qPrintable(why));
    QCOMPARE(frameRequests(*m_proxy, kCine, 1), 1);

    QVERIFY(finished.count() > 0 || finished.wait(30000));
    QVERIFY2(m_retrieval->outcome().status.ok(), qPrintable(m_retrieval->outcome().status.errorString));
    QCOMPARE(m_retrieval->outcome().instances, 3);
    QCOMPARE(sliceOf(m_retrieval->series(), kCine, kFrames - 1).frame, kFrames - 1); // every frame is a slice
    QStringList byFrame = m_retrieval->instancesFetchedByFrame();
    byFrame.sort();
    QCOMPARE(byFrame, (QStringList{kCine, kJpeg}));

    // What went out: metadata and one frame of the large ones, never the whole of them; the small
    // instance whole; no series-level retrieve.
    QCOMPARE(m_proxy->count(pathPattern(QRegularExpression::escape(kCine) + QStringLiteral("/metadata"))), 1);
    QCOMPARE(m_proxy->count(pathPattern(QRegularExpression::escape(kCine))), 0);
    QCOMPARE(m_proxy->count(pathPattern(QRegularExpression::escape(kJpeg))), 0);
    QCOMPARE(frameRequests(*m_proxy, kJpeg), 0);
    QCOMPARE(m_proxy->count(pathPattern(QRegularExpression::escape(kSmall))), 1);
    QCOMPARE(m_proxy->count(pathPattern(QRegularExpression::escape(kSeries))), 0);
    QCOMPARE(frameRequests(*m_proxy, kCine), 1);

    // The frame request carried the session's headers and asked for frames as stored.
    for (const QByteArray &head : m_proxy->requests()) {
        if (!head.contains("/frames/"))
            continue;
        const QByteArray lower = head.toLower();
        QVERIFY2(lower.contains("x-purpose-of-use: etreat"), head.constData());
        QVERIFY2(head.contains(QUrl::toPercentEncoding(QStringLiteral("意識障害"))), head.constData());
        QVERIFY2(lower.contains("x-kakehashi-role: doctor"), head.constData());
        QVERIFY2(lower.contains("accept: multipart/related; type=\"application/octet-stream\"; transfer-syntax=*"), head.constData());
    }
}

void TestOrthancFrames::laterFrameIsFetchedOnRequest()
{
    QVERIFY(m_retrieval);
    const int before = frameRequests(*m_proxy, kCine);
    const DicomSliceRef ref = sliceOf(m_retrieval->series(), kCine, 9);
    QVERIFY(ref.instance);
    QString why;
    QVERIFY2(isFrame(decodeNow(ref), 9, &why), qPrintable(why));
    QCOMPARE(frameRequests(*m_proxy, kCine, 10), 1); // WADO-RS numbers frames from 1
    QCOMPARE(frameRequests(*m_proxy, kCine), before + 1);
    // Shown again (scrolled back): from the encrypted cache, not the PACS.
    QVERIFY2(isFrame(decodeNow(ref), 9, &why), qPrintable(why));
    QCOMPARE(frameRequests(*m_proxy, kCine), before + 1);
    // Asked for twice while on its way (the view asks again as instances arrive): one request.
    const DicomSliceRef seventh = sliceOf(m_retrieval->series(), kCine, 6);
    const QFuture<DicomLoadedFrame> a = seventh.instance->loadFrame(6);
    const QFuture<DicomLoadedFrame> b = seventh.instance->loadFrame(6);
    QVERIFY(waitFor(a, 20000) && waitFor(b, 20000));
    QVERIFY(!a.result().part10.isEmpty());
    QCOMPARE(b.result().part10, a.result().part10);
    QCOMPARE(frameRequests(*m_proxy, kCine, 7), 1);
}

void TestOrthancFrames::compressedFramesComeAsStored()
{
    QVERIFY(m_retrieval);
    // Orthanc 1.10 answers transfer-syntax=* with the frame as stored: image/jpeg, lossless syntax.
    DicomWebOptions options;
    options.baseUrl = m_orthanc.dicomWebBase();
    DicomWebSource direct(options);
    const auto future = direct.retrieveFrame({{kStudy, kSeries}, kJpeg, 4});
    QVERIFY(waitFor(future, 15000));
    QVERIFY2(future.result().ok(), qPrintable(future.result().status.errorString));
    QCOMPARE(future.result().items.first().transferSyntaxUid, QStringLiteral("1.2.840.10008.1.2.4.70"));
    QVERIFY(future.result().items.first().pixels.size() < 48 * 64 * 2); // compressed, not transcoded

    const int before = frameRequests(*m_proxy, kJpeg);
    QString why;
    QVERIFY2(isFrame(decodeNow(sliceOf(m_retrieval->series(), kJpeg, 4)), 4, &why), qPrintable(why));
    QCOMPARE(frameRequests(*m_proxy, kJpeg, 5), 1);
    QCOMPARE(frameRequests(*m_proxy, kJpeg), before + 1);
}

namespace {
DicomSeries seriesOf(const QList<DicomSeries> &all)
{
    for (const DicomSeries &s : all)
        if (s.seriesInstanceUid == kSeries)
            return s;
    return {};
}
int indexOf(const DicomSeries &series, const QString &sop, int frame)
{
    for (int i = 0; i < series.slices.size(); ++i)
        if (series.slices.at(i).sopInstanceUid == sop && series.slices.at(i).frame == frame)
            return i;
    return -1;
}
// Until the slice on screen and its neighbours are decoded or failed.
bool settle(const DicomImageView &view)
{
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (view.isCurrentSliceReady() || !view.currentSliceError().isEmpty())
            return true;
    }
    return false;
}
} // namespace

void TestOrthancFrames::theViewAsksForFramesAsItScrolls()
{
    QVERIFY(m_retrieval);
    const DicomSeries series = seriesOf(m_retrieval->series());
    QCOMPARE(series.slices.size(), 2 + 2 * kFrames); // every frame of every instance
    DicomImageView view;
    view.resize(320, 240);
    view.show();
    m_proxy->clear();
    view.setSeries(series);
    QVERIFY(settle(view)); // the small instance's first frame: in memory, no request
    QTest::qWait(200);
    QCOMPARE(m_proxy->requests().size(), 0);

    // To the cine's 4th frame: it and its neighbours (3rd, 5th) are fetched, once each.
    view.setCurrentIndex(indexOf(series, kCine, 3));
    QVERIFY(settle(view));
    QVERIFY2(view.isCurrentSliceReady(), qPrintable(view.currentSliceError()));
    QTRY_COMPARE_WITH_TIMEOUT(frameRequests(*m_proxy, kCine), 3, 10000);
    for (int oneBased : {3, 4, 5})
        QCOMPARE(frameRequests(*m_proxy, kCine, oneBased), 1);

    // To the 10th (fetched before, now in the cache): only its neighbours 9 and 11 go out.
    view.setCurrentIndex(indexOf(series, kCine, 9));
    QVERIFY(settle(view));
    QVERIFY(view.isCurrentSliceReady());
    QTRY_COMPARE_WITH_TIMEOUT(frameRequests(*m_proxy, kCine), 5, 10000);
    QCOMPARE(frameRequests(*m_proxy, kCine, 10), 0);
    QCOMPARE(frameRequests(*m_proxy, kCine, 9), 1);
    QCOMPARE(frameRequests(*m_proxy, kCine, 11), 1);
    QCOMPARE(m_proxy->count(pathPattern(QRegularExpression::escape(kCine))), 0); // never the whole instance
}

void TestOrthancFrames::reopenFromTheCacheAsksOnlyForNewFrames()
{
    m_retrieval.reset();
    m_proxy->clear();
    auto reopened = makeRetrieval();
    reopened->start();
    QVERIFY(runToEnd(reopened.get()));
    QVERIFY2(reopened->outcome().status.ok(), qPrintable(reopened->outcome().status.errorString));
    QCOMPARE(int(reopened->outcome().origin), int(StudyRetrieval::Origin::Cache));
    QCOMPARE(reopened->outcome().instances, 3);
    QCOMPARE(m_proxy->requests().size(), 0);
    QString why;
    // Frames seen before come from the cache…
    QVERIFY2(isFrame(decodeNow(sliceOf(reopened->series(), kCine, 9)), 9, &why), qPrintable(why));
    QVERIFY2(isFrame(decodeNow(sliceOf(reopened->series(), kCine, 0)), 0, &why), qPrintable(why));
    QCOMPARE(m_proxy->requests().size(), 0);
    // …a new one from the PACS, once.
    QVERIFY2(isFrame(decodeNow(sliceOf(reopened->series(), kCine, 5)), 5, &why), qPrintable(why));
    QCOMPARE(frameRequests(*m_proxy, kCine, 6), 1);
    QCOMPARE(m_proxy->requests().size(), 1);
    m_retrieval = std::move(reopened);
}

void TestOrthancFrames::aFailedFrameRequestIsNamed()
{
    QVERIFY(m_retrieval);
    m_proxy->failWith(QRegularExpression(QStringLiteral("/frames/")), 503);
    const DicomDecodeResult failed = decodeNow(sliceOf(m_retrieval->series(), kCine, 7));
    m_proxy->failWith({}, 0);
    QVERIFY(!failed.ok);
    QCOMPARE(failed.errorString, QStringLiteral("The PACS refused frame 8 (HTTP 503 Service Unavailable)."));
    QCOMPARE(frameRequests(*m_proxy, kCine, 8), 1);
    // Nothing was cached for it: asked again, it comes.
    QString why;
    QVERIFY2(isFrame(decodeNow(sliceOf(m_retrieval->series(), kCine, 7)), 7, &why), qPrintable(why));
    QCOMPARE(frameRequests(*m_proxy, kCine, 8), 2);

    // In the view: the refusal in place of the image, and asked again when the slice is chosen again.
    const DicomSeries series = seriesOf(m_retrieval->series());
    DicomImageView view;
    view.resize(320, 240);
    view.show();
    view.setSeries(series);
    QVERIFY(settle(view));
    m_proxy->failWith(QRegularExpression(QStringLiteral("/frames/")), 503);
    view.setCurrentIndex(indexOf(series, kCine, 11));
    QVERIFY(settle(view));
    QCOMPARE(view.currentSliceError(), QStringLiteral("The PACS refused frame 12 (HTTP 503 Service Unavailable)."));
    m_proxy->failWith({}, 0);
    view.setCurrentIndex(indexOf(series, kCine, 10));
    QVERIFY(settle(view));
    view.setCurrentIndex(indexOf(series, kCine, 11));
    QVERIFY(settle(view));
    QVERIFY2(view.isCurrentSliceReady(), qPrintable(view.currentSliceError()));
    QCOMPARE(view.currentSliceError(), QString());

    // The study closed: what the cache does not hold cannot be fetched, and says so.
    const DicomSliceRef later = sliceOf(m_retrieval->series(), kCine, 1);
    m_retrieval.reset();
    const DicomDecodeResult closed = decodeNow(later);
    QVERIFY(!closed.ok);
    QCOMPARE(closed.errorString, QStringLiteral("Frame 2 is not in the image cache and the study is closed."));
}

void TestOrthancFrames::offlineWithoutPacsTheMissingFrameIsNamed()
{
    // The study from the cache alone (no PACS set): frames seen before show, others say why not.
    StudyRetrieval offline(kStudy, nullptr, m_cache);
    QSignalSpy finished(&offline, &StudyRetrieval::finished);
    offline.start();
    QVERIFY(finished.count() > 0 || finished.wait(20000));
    QCOMPARE(int(offline.outcome().origin), int(StudyRetrieval::Origin::Cache));
    QString why;
    QVERIFY2(isFrame(decodeNow(sliceOf(offline.series(), kCine, 0)), 0, &why), qPrintable(why));
    const DicomDecodeResult missing = decodeNow(sliceOf(offline.series(), kCine, 1));
    QVERIFY(!missing.ok);
    QCOMPARE(missing.errorString, QStringLiteral("Frame 2 is not in the image cache, and no PACS is set for this study."));
}

void TestOrthancFrames::aFrameOutOfRangeIsRefused()
{
    // Orthanc refuses a frame the instance does not have (HTTP 400 "Parameter out of range").
    DicomWebOptions options;
    options.baseUrl = m_orthanc.dicomWebBase();
    DicomWebSource direct(options);
    const auto future = direct.retrieveFrame({{kStudy, kSeries}, kCine, kFrames});
    QVERIFY(waitFor(future, 15000));
    QCOMPARE(int(future.result().status.error), int(ImageSourceError::Server));
    QCOMPARE(future.result().status.httpStatus, 400);
    QVERIFY(!future.result().status.errorString.contains(kCine)); // the status, not the URL with its UIDs
}

KAKEHASHI_TEST_MAIN(TestOrthancFrames)
#include "tst_orthancframes.moc"
