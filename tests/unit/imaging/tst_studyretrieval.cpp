// Session::StudyRetrieval's order of requests over a DICOMweb-like back-end (issue 12, P5): a long
// series is streamed at once with its listing alongside, so the first image never waits for the
// listing; a short one is listed first and its middle slice fetched alone; a listing that names a
// large multi-frame instance still to come stops the stream and the rest comes one by one, every
// instance once. Driven without widgets or network, through a back-end whose listing the test
// answers when it chooses.
#include "dicom/dicomframedecoder.h"
#include "session/imaging/studyretrieval.h"
#include "syntheticseries.h"

#include <QFile>
#include <QPromise>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Kakehashi;
using namespace Kakehashi::Session;

namespace {

// Like DicomWebSource: bytes in memory, one instance on its own, instance lists and frames. The
// series stream sends one instance per tick on the calling thread and stops when cancelled; the
// listing is answered only by answerListing(). No metadata: an instance to be fetched frame by
// frame falls back to coming whole.
class WebLikePacs : public Dicom::ImageSource
{
public:
    WebLikePacs(const Fixtures::SyntheticSeries &series, QList<QByteArray> bytes, int tickMs)
        : m_series(series), m_bytes(std::move(bytes)), m_tickMs(tickMs) {}
    QString kind() const override { return QStringLiteral("weblike"); }
    Dicom::ImageSourceTraits traits() const override { return {.inMemory = true, .singleInstance = true, .local = false, .frames = true}; }
    QFuture<Dicom::StudyQueryResult> findStudies(const Dicom::StudyQuery &, const Dicom::CancelToken &) override
    {
        return QtFuture::makeReadyFuture(Dicom::StudyQueryResult{});
    }
    QFuture<Dicom::SeriesQueryResult> findSeries(const QString &study, const Dicom::CancelToken &) override
    {
        Dicom::SeriesQueryResult r;
        r.items.append({study, m_series.seriesInstanceUid, QStringLiteral("CT"), QString(), 1, int(m_bytes.size())});
        return QtFuture::makeReadyFuture(r);
    }
    QFuture<Dicom::InstanceQueryResult> findInstances(const Dicom::SeriesRef &, const Dicom::CancelToken &) override
    {
        listingAsked = true;
        m_listing = std::make_shared<QPromise<Dicom::InstanceQueryResult>>();
        m_listing->start();
        return m_listing->future();
    }
    // |big|: the slice (by index) listed as a large multi-frame instance (-1: none).
    void answerListing(int big = -1)
    {
        Dicom::InstanceQueryResult r;
        for (int i = 0; i < m_series.sopInstanceUids.size(); ++i) {
            Dicom::InstanceRecord record;
            record.sopInstanceUid = m_series.sopInstanceUids.at(i);
            record.instanceNumber = i + 1;
            record.rows = record.columns = 512;
            record.bitsAllocated = 16;
            record.samplesPerPixel = 1;
            record.numberOfFrames = i == big ? 200 : 1; // 200 frames of 512×512×16: 100 MiB
            r.items.append(record);
        }
        listingAnswered = true;
        m_listing->addResult(r);
        m_listing->finish();
    }
    bool listingPending() const { return m_listing && !listingAnswered; }

    QFuture<Dicom::RetrieveResult> retrieveInstances(const Dicom::RetrieveRequest &request, const Dicom::CancelToken &cancel) override
    {
        if (!request.sopInstanceUid.isEmpty()) {
            singlesAsked << request.sopInstanceUid;
            const qsizetype i = m_series.sopInstanceUids.indexOf(request.sopInstanceUid);
            Dicom::RetrieveResult result;
            if (i < 0) {
                result.status = {Dicom::ImageSourceError::NotFound, QStringLiteral("no such instance"), 404, -1};
            } else {
                Dicom::RetrievedInstance instance;
                instance.bytes = m_bytes.at(i);
                request.onInstance(instance);
            }
            return QtFuture::makeReadyFuture(result);
        }
        ++streamsStarted;
        auto promise = std::make_shared<QPromise<Dicom::RetrieveResult>>();
        promise->start();
        auto *timer = new QTimer(&m_context);
        auto sent = std::make_shared<int>(0);
        QObject::connect(timer, &QTimer::timeout, &m_context, [this, timer, promise, sent, request, cancel] {
            if (cancel.isCancelled() || *sent >= m_bytes.size()) {
                Dicom::RetrieveResult result;
                if (cancel.isCancelled()) {
                    streamCancelled = true;
                    result.status = {Dicom::ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1};
                }
                timer->deleteLater();
                promise->addResult(result);
                promise->finish();
                return;
            }
            Dicom::RetrievedInstance instance;
            instance.bytes = m_bytes.at((*sent)++);
            ++streamed;
            request.onInstance(instance);
        });
        timer->start(m_tickMs);
        return promise->future();
    }

    bool listingAsked = false;
    bool listingAnswered = false;
    int streamsStarted = 0;
    int streamed = 0;
    bool streamCancelled = false;
    QStringList singlesAsked;

private:
    Fixtures::SyntheticSeries m_series;
    QList<QByteArray> m_bytes; // in slice order
    int m_tickMs;
    QObject m_context;
    std::shared_ptr<QPromise<Dicom::InstanceQueryResult>> m_listing;
};

// Sorted: to compare as sets that keep duplicates.
QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList sopsOf(const StudyRetrieval &retrieval)
{
    QStringList sops;
    for (const Dicom::DicomInstancePtr &instance : retrieval.instances()) {
        QString error;
        sops << Dicom::DicomFrameDecoder::readInfoBytes(instance->load(&error)).info.sopInstanceUid;
    }
    return sops;
}

} // namespace

class TestStudyRetrieval : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void longSeriesStreamsWithoutWaitingForItsListing();
    void shortSeriesIsListedAndItsMiddleSliceComesFirst();
    void listedMultiFrameInstanceStopsTheStream();
    void cancelledBeforeTheStreamStartsFetchesNothing();

private:
    Fixtures::SyntheticSeries write(int slices, const QString &name, QList<QByteArray> *bytes);
    QTemporaryDir m_dir;
};

void TestStudyRetrieval::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

Fixtures::SyntheticSeries TestStudyRetrieval::write(int slices, const QString &name, QList<QByteArray> *bytes)
{
    Fixtures::SyntheticSeriesSpec spec;
    spec.slices = slices;
    spec.rows = spec.columns = 8;
    spec.seed = slices;
    const Fixtures::SyntheticSeries series = Fixtures::writeSyntheticCtSeries(m_dir.filePath(name), spec);
    for (const QString &path : series.files) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            bytes->append(f.readAll());
    }
    return series;
}

void TestStudyRetrieval::longSeriesStreamsWithoutWaitingForItsListing()
{
    QList<QByteArray> bytes;
    const Fixtures::SyntheticSeries series = write(StudyRetrieval::StreamAtOnceInstances + 24, QStringLiteral("long"), &bytes);
    QVERIFY2(series.ok(), qPrintable(series.errorString));
    auto owned = std::make_unique<WebLikePacs>(series, bytes, 2);
    WebLikePacs *pacs = owned.get();
    StudyRetrieval retrieval(series.studyInstanceUid, std::move(owned), nullptr);
    QSignalSpy first(&retrieval, &StudyRetrieval::firstInstanceArrived);
    QSignalSpy finished(&retrieval, &StudyRetrieval::finished);
    retrieval.start();
    // The first image is there while the listing is still unanswered.
    QVERIFY(first.wait(5000));
    QVERIFY(pacs->listingAsked);
    QVERIFY(pacs->listingPending());
    QCOMPARE(pacs->streamsStarted, 1);
    QCOMPARE(retrieval.firstInstanceUid(), series.sopInstanceUids.first());
    pacs->answerListing(); // no large multi-frame instance: the stream goes on
    QVERIFY(finished.wait(10000));
    QVERIFY2(retrieval.outcome().status.ok(), qPrintable(retrieval.outcome().status.errorString));
    QVERIFY(!pacs->streamCancelled);
    QVERIFY(pacs->singlesAsked.isEmpty());
    QCOMPARE(sorted(sopsOf(retrieval)), sorted(series.sopInstanceUids)); // every slice once
    QCOMPARE(retrieval.series().size(), 1);
    QCOMPARE(retrieval.series().first().slices.size(), series.files.size());
    QCOMPARE(first.count(), 1);
}

void TestStudyRetrieval::shortSeriesIsListedAndItsMiddleSliceComesFirst()
{
    QList<QByteArray> bytes;
    const Fixtures::SyntheticSeries series = write(StudyRetrieval::StreamAtOnceInstances, QStringLiteral("short"), &bytes);
    QVERIFY2(series.ok(), qPrintable(series.errorString));
    auto owned = std::make_unique<WebLikePacs>(series, bytes, 2);
    WebLikePacs *pacs = owned.get();
    StudyRetrieval retrieval(series.studyInstanceUid, std::move(owned), nullptr);
    QSignalSpy first(&retrieval, &StudyRetrieval::firstInstanceArrived);
    QSignalSpy finished(&retrieval, &StudyRetrieval::finished);
    retrieval.start();
    QTRY_VERIFY_WITH_TIMEOUT(pacs->listingAsked, 5000);
    QTest::qWait(50);
    QCOMPARE(pacs->streamsStarted, 0); // listed first
    QCOMPARE(first.count(), 0);
    pacs->answerListing();
    QVERIFY(finished.wait(10000));
    QVERIFY2(retrieval.outcome().status.ok(), qPrintable(retrieval.outcome().status.errorString));
    const QString middle = series.sopInstanceUids.at(series.sopInstanceUids.size() / 2);
    QCOMPARE(pacs->singlesAsked, QStringList{middle});
    QCOMPARE(retrieval.firstInstanceUid(), middle);
    QCOMPARE(first.count(), 1);
    const QStringList sops = sopsOf(retrieval);
    QCOMPARE(sops.first(), middle);
    QCOMPARE(sops.size(), series.files.size()); // the stream's copy of the middle slice dropped
    QCOMPARE(QSet<QString>(sops.cbegin(), sops.cend()).size(), sops.size());
}

void TestStudyRetrieval::listedMultiFrameInstanceStopsTheStream()
{
    QList<QByteArray> bytes;
    const int n = StudyRetrieval::StreamAtOnceInstances + 24;
    const Fixtures::SyntheticSeries series = write(n, QStringLiteral("mixed"), &bytes);
    QVERIFY2(series.ok(), qPrintable(series.errorString));
    auto owned = std::make_unique<WebLikePacs>(series, bytes, 10);
    WebLikePacs *pacs = owned.get();
    StudyRetrieval retrieval(series.studyInstanceUid, std::move(owned), nullptr);
    QSignalSpy finished(&retrieval, &StudyRetrieval::finished);
    retrieval.start();
    QTRY_VERIFY_WITH_TIMEOUT(pacs->streamed >= 3, 5000);
    const int big = n - 5; // not streamed yet
    QVERIFY(pacs->streamed < big);
    pacs->answerListing(big);
    QVERIFY(finished.wait(10000));
    QVERIFY2(retrieval.outcome().status.ok(), qPrintable(retrieval.outcome().status.errorString));
    QVERIFY(pacs->streamCancelled);
    QVERIFY(pacs->streamed < n);
    // The rest one by one, in slice order, nothing asked twice; the large one asked for on its own
    // (this back-end has no metadata, so it comes whole).
    QCOMPARE(pacs->singlesAsked.size(), n - pacs->streamed);
    QCOMPARE(pacs->singlesAsked, series.sopInstanceUids.mid(pacs->streamed));
    QVERIFY(pacs->singlesAsked.contains(series.sopInstanceUids.at(big)));
    QCOMPARE(sorted(sopsOf(retrieval)), sorted(series.sopInstanceUids)); // every slice once
}

// cancel() right after start(): the series query has answered but the stream (which has a cancel
// token of its own) has not started yet; it must not start, and the end says "cancelled".
void TestStudyRetrieval::cancelledBeforeTheStreamStartsFetchesNothing()
{
    QList<QByteArray> bytes;
    const Fixtures::SyntheticSeries series = write(StudyRetrieval::StreamAtOnceInstances + 24, QStringLiteral("cancelled"), &bytes);
    QVERIFY2(series.ok(), qPrintable(series.errorString));
    auto owned = std::make_unique<WebLikePacs>(series, bytes, 2);
    WebLikePacs *pacs = owned.get();
    StudyRetrieval retrieval(series.studyInstanceUid, std::move(owned), nullptr);
    QSignalSpy finished(&retrieval, &StudyRetrieval::finished);
    retrieval.start();
    retrieval.cancel();
    QVERIFY(finished.wait(5000));
    QCOMPARE(retrieval.outcome().status.error, Dicom::ImageSourceError::Cancelled);
    QTest::qWait(50); // a stream started anyway would be sending by now
    QCOMPARE(pacs->streamsStarted, 0);
    QCOMPARE(pacs->streamed, 0);
    QVERIFY(retrieval.instances().isEmpty());
}

QTEST_GUILESS_MAIN(TestStudyRetrieval)
#include "tst_studyretrieval.moc"
