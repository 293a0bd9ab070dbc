// The "Done when" of issue 6 in the window: a doctor opens a CT study of the record from the test
// PACS (Orthanc over DICOMweb, through the ImagingStudy's Endpoint; dcmqrscp over DIMSE, chosen by
// the connection profile), the images stream into the Images panel, and a second open with the
// PACS gone comes from the encrypted image cache.
#include "../testsupport.h"
#include "retrievaltestsupport.h"

#include "dicom/dicomframedecoder.h"
#include "viewer/imageview/dicomimageview.h"
#include "dicom/retrieve/dicomwebsource.h"
#include "viewer/imageview/dicomviewerwidget.h"
#include "store/imagecache.h"
#include "viewer/imaging/imagingpanel.h"
#include "app/mainwindow.h"
#include "pacsfixtures.h"
#include "viewer/patientview.h"
#include "session/imaging/studyretrieval.h"
#include "syntheticseries.h"

#include <QDirIterator>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QPromise>
#include <QTemporaryDir>
#include <QTimer>

using namespace Kakehashi;
using namespace Kakehashi::Fixtures;
using Kakehashi::Session::StudyRetrieval;

namespace {

const auto kPatientName = QStringLiteral("PACSTEST^HANAKO");
const auto kPatientId = QStringLiteral("KK-PACS-0007");
const auto kMissingStudy = QStringLiteral("1.2.826.0.1.3680043.10.1234.404.1");

QJsonObject imagingStudy(const QString &id, const QString &studyUid, const QString &endpointId)
{
    QJsonObject study{
        {QStringLiteral("resourceType"), QStringLiteral("ImagingStudy")},
        {QStringLiteral("id"), id},
        {QStringLiteral("status"), QStringLiteral("available")},
        {QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/pacs1")}}},
        {QStringLiteral("started"), QStringLiteral("2024-05-01T10:00:00+09:00")},
        {QStringLiteral("identifier"), QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:dicom:uid")},
                                                              {QStringLiteral("value"), QString(QStringLiteral("urn:oid:") + studyUid)}}}},
        {QStringLiteral("modality"), QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("http://dicom.nema.org/resources/ontology/DCM")},
                                                            {QStringLiteral("code"), QStringLiteral("CT")}}}},
        {QStringLiteral("description"), QStringLiteral("Chest CT")},
    };
    if (!endpointId.isEmpty())
        study.insert(QStringLiteral("endpoint"), QJsonArray{QJsonObject{{QStringLiteral("reference"), QString(QStringLiteral("Endpoint/") + endpointId)}}});
    return study;
}

// A collection Bundle: the patient, studies with and without an Endpoint, and the Endpoint.
QByteArray recordJson(const QUrl &dicomWeb, const QString &webStudy, const QString &dimseStudy)
{
    const QJsonObject patient{
        {QStringLiteral("resourceType"), QStringLiteral("Patient")},
        {QStringLiteral("id"), QStringLiteral("pacs1")},
        {QStringLiteral("name"), QJsonArray{QJsonObject{{QStringLiteral("family"), QStringLiteral("PACSTEST")},
                                                        {QStringLiteral("given"), QJsonArray{QStringLiteral("HANAKO")}}}}},
        {QStringLiteral("gender"), QStringLiteral("female")},
        {QStringLiteral("birthDate"), QStringLiteral("1970-01-01")},
    };
    const QJsonObject endpoint{
        {QStringLiteral("resourceType"), QStringLiteral("Endpoint")},
        {QStringLiteral("id"), QStringLiteral("pacs")},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("connectionType"), QJsonObject{{QStringLiteral("system"), QStringLiteral("http://terminology.hl7.org/CodeSystem/endpoint-connection-type")},
                                                       {QStringLiteral("code"), QStringLiteral("dicom-wado-rs")}}},
        {QStringLiteral("payloadType"), QJsonArray{QJsonObject{{QStringLiteral("text"), QStringLiteral("DICOM")}}}},
        {QStringLiteral("address"), dicomWeb.toString()},
    };
    QJsonArray entries;
    for (const QJsonObject &r : {patient, endpoint, imagingStudy(QStringLiteral("ct1"), webStudy, QStringLiteral("pacs")),
                                 imagingStudy(QStringLiteral("missing"), kMissingStudy, QStringLiteral("pacs")),
                                 imagingStudy(QStringLiteral("ct2"), dimseStudy, QString())})
    {
        const QString fullUrl = QStringLiteral("urn:uuid:%1-%2").arg(r.value(QStringLiteral("resourceType")).toString(),
                                                                     r.value(QStringLiteral("id")).toString());
        entries.append(QJsonObject{{QStringLiteral("fullUrl"), fullUrl}, {QStringLiteral("resource"), r}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                     {QStringLiteral("type"), QStringLiteral("collection")},
                                     {QStringLiteral("entry"), entries}})
        .toJson();
}

// A PACS that sends one instance every |intervalMs| (a real series over a slow link, in the order
// given): shows what the window does while a series is still arriving.
class TricklingSource : public Dicom::ImageSource
{
public:
    TricklingSource(const SyntheticSeries &series, const QList<int> &order, int intervalMs)
        : m_series(series), m_order(order), m_intervalMs(intervalMs) {}
    QString kind() const override { return QStringLiteral("trickle"); }
    QFuture<Dicom::StudyQueryResult> findStudies(const Dicom::StudyQuery &, const Dicom::CancelToken &) override
    {
        return QtFuture::makeReadyFuture(Dicom::StudyQueryResult{});
    }
    QFuture<Dicom::SeriesQueryResult> findSeries(const QString &study, const Dicom::CancelToken &) override
    {
        Dicom::SeriesQueryResult r;
        r.items.append({study, m_series.seriesInstanceUid, QStringLiteral("CT"), QString(), 1, int(m_order.size())});
        return QtFuture::makeReadyFuture(r);
    }
    QFuture<Dicom::InstanceQueryResult> findInstances(const Dicom::SeriesRef &, const Dicom::CancelToken &) override
    {
        return QtFuture::makeReadyFuture(Dicom::InstanceQueryResult{});
    }
    QFuture<Dicom::RetrieveResult> retrieveInstances(const Dicom::RetrieveRequest &request, const Dicom::CancelToken &cancel) override
    {
        auto promise = std::make_shared<QPromise<Dicom::RetrieveResult>>();
        promise->start();
        QDir().mkpath(request.targetDir);
        auto result = std::make_shared<Dicom::RetrieveResult>();
        auto *timer = new QTimer(&m_context);
        timer->setInterval(m_intervalMs);
        QObject::connect(timer, &QTimer::timeout, &m_context, [this, timer, promise, result, request, cancel] {
            const int i = int(result->items.size());
            if (cancel.isCancelled() || i >= m_order.size()) {
                if (cancel.isCancelled())
                    result->status.error = Dicom::ImageSourceError::Cancelled;
                timer->deleteLater();
                promise->addResult(*result);
                promise->finish();
                return;
            }
            Dicom::RetrievedInstance instance;
            instance.path = QDir(request.targetDir).filePath(QStringLiteral("t%1.dcm").arg(i));
            QFile::copy(m_series.files.at(m_order.at(i)), instance.path);
            result->items.append(instance);
            request.onInstance(instance);
        });
        timer->start();
        return promise->future();
    }

private:
    SyntheticSeries m_series;
    QList<int> m_order;
    int m_intervalMs;
    QObject m_context;
};

// The SOP Instance UID of a slice on screen (an in-memory instance: decrypted or held bytes).
QString sopOfSlice(const Dicom::DicomSliceRef &slice)
{
    if (!slice.instance)
        return sopOf(slice.path);
    QString error;
    return Dicom::DicomFrameDecoder::readInfoBytes(slice.instance->load(&error)).info.sopInstanceUid;
}

// The slice decodes, from memory, to the same modality values as the original file.
bool sameSlicePixels(const Dicom::DicomSliceRef &slice, const QString &original, QString *why)
{
    const Dicom::DicomDecodeResult a = Dicom::DicomFrameDecoder::decodeSlice(slice, {});
    const Dicom::DicomDecodeResult b = Dicom::DicomFrameDecoder::decodeFile(original);
    if (!a.ok || !b.ok || a.frames.isEmpty() || b.frames.isEmpty()) {
        *why = QStringLiteral("decode failed: %1 / %2").arg(a.errorString, b.errorString);
        return false;
    }
    const Dicom::DicomFrame &fa = a.frames.first();
    const Dicom::DicomFrame &fb = b.frames.first();
    if (fa.pixels.size() != fb.pixels.size()) {
        *why = QStringLiteral("size differs");
        return false;
    }
    for (int y = 0; y < fa.pixels.height(); ++y)
        for (int x = 0; x < fa.pixels.width(); ++x)
            if (fa.modalityValue(x, y) != fb.modalityValue(x, y)) {
                *why = QStringLiteral("pixel (%1,%2) differs").arg(x).arg(y);
                return false;
            }
    return true;
}

// Files that hold a DICOM object or the patient's name in plaintext, under |root|; |skip| (the
// test's own originals) is not searched.
QStringList plaintextFiles(const QString &root, const QString &skip, const QByteArray &patientName)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!skip.isEmpty() && path.startsWith(skip))
            continue;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.read(64 * 1024 * 1024);
        if ((bytes.size() >= 132 && bytes.mid(128, 4) == "DICM") || bytes.contains(patientName))
            found.append(path);
    }
    return found;
}

QString imageCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/image-cache");
}

} // namespace

class TestPacsWindow : public QObject
{
    Q_OBJECT
private:
    // Opens the record as --open does and shows the patient.
    bool openRecord(MainWindow &window)
    {
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openPaths({m_recordPath});
        return loaded.wait(60000) && window.showPatient(QStringLiteral("pacs1"));
    }
    // What a click on the study in the timeline or the record tree does; waits for the outcome.
    bool requestStudy(MainWindow &window, const QString &uid, bool *firstShownBeforeEnd = nullptr)
    {
        ImagingPanel *panel = window.imagingPanel();
        QSignalSpy finished(panel, &ImagingPanel::retrievalFinished);
        bool shownEarly = false;
        QMetaObject::Connection c = connect(panel, &ImagingPanel::imagesShown, this, [panel, &shownEarly](bool ok) {
            if (ok && panel->isRetrieving())
                shownEarly = true;
        });
        Q_EMIT window.patientView()->imagingStudyRequested(uid);
        const bool done = finished.wait(60000);
        disconnect(c);
        if (firstShownBeforeEnd)
            *firstShownBeforeEnd = shownEarly;
        return done;
    }
    void verifyShownSeries(MainWindow &window, const SyntheticSeries &original)
    {
        DicomImageView *view = window.imagingPanel()->viewer()->imageView();
        QCOMPARE(view->sliceCount(), int(original.files.size()));
        const QHash<QString, QString> originals = originalsBySop(original.sopInstanceUids, original.files);
        QSet<QString> seen;
        for (const Dicom::DicomSliceRef &slice : view->series().slices) {
            // Decoded from memory: no file behind the slice.
            QVERIFY(slice.isInMemory());
            QVERIFY(!QFileInfo::exists(slice.path));
            const QString sop = sopOfSlice(slice);
            QVERIFY2(originals.contains(sop), qPrintable(sop));
            seen.insert(sop);
            QString why;
            QVERIFY2(sameSlicePixels(slice, originals.value(sop), &why), qPrintable(why));
        }
        QCOMPARE(seen.size(), original.files.size());
        // Display order is slice order.
        for (int i = 0; i < view->sliceCount(); ++i)
            QCOMPARE(sopOfSlice(view->series().slices.at(i)), original.sopInstanceUids.at(i));
        QTRY_VERIFY_WITH_TIMEOUT(view->isCurrentSliceReady(), 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        if (!OrthancFixture::isAvailable(&why))
            QSKIP(qPrintable(why));
        // Same key for every window of this run: "reopen later" reads the cache of the first open.
        qputenv("KAKEHASHI_TEST_CACHE_KEY", QByteArray(32, '\x5a').toHex());
        QDir(imageCacheDir()).removeRecursively();
        QVERIFY(m_work.isValid());
        SyntheticSeriesSpec ct;
        ct.slices = 12;
        ct.seed = 61;
        ct.patientName = kPatientName;
        ct.patientId = kPatientId;
        m_web = writeSyntheticCtSeries(m_work.filePath(QStringLiteral("web")), ct);
        QVERIFY2(m_web.ok(), qPrintable(m_web.errorString));
        ct.slices = 5;
        ct.seed = 62;
        m_dimse = writeSyntheticCtSeries(m_work.filePath(QStringLiteral("dimse")), ct);
        QVERIFY2(m_dimse.ok(), qPrintable(m_dimse.errorString));
        QVERIFY2(m_orthanc.start({}, &why), qPrintable(why));
        QVERIFY2(m_orthanc.upload(m_web.files, &why), qPrintable(why));
        m_recordPath = m_work.filePath(QStringLiteral("record.json"));
        QFile f(m_recordPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(recordJson(m_orthanc.dicomWebBase(), m_web.studyInstanceUid, m_dimse.studyInstanceUid));
    }

    void cleanupTestCase()
    {
        m_orthanc.stop();
        m_qrscp.stop();
        QDir(imageCacheDir()).removeRecursively();
    }

    void recordCarriesTheEndpoint()
    {
        MainWindow window;
        QVERIFY(openRecord(window));
        const PatientRecord *record = window.records()->localRecords().find(QStringLiteral("pacs1"));
        QVERIFY(record);
        int withEndpoint = 0;
        for (const ClinicalItem &item : record->items) {
            if (item.imagingStudyUid() == m_web.studyInstanceUid) {
                QCOMPARE(item.imagingEndpointType, QStringLiteral("dicom-wado-rs"));
                QCOMPARE(QUrl(item.imagingEndpointAddress), m_orthanc.dicomWebBase());
                ++withEndpoint;
            }
            if (item.imagingStudyUid() == m_dimse.studyInstanceUid)
                QVERIFY(item.imagingEndpointAddress.isEmpty());
        }
        QCOMPARE(withEndpoint, 1);
    }

    // From the record to the screen through DICOMweb; the instances go encrypted into the cache.
    void opensStudyFromThePacs()
    {
        MainWindow window;
        window.show();
        QVERIFY(openRecord(window));
        bool early = false;
        QVERIFY(requestStudy(window, m_web.studyInstanceUid, &early));
        StudyRetrieval *retrieval = window.imagingPanel()->retrieval();
        QVERIFY(retrieval);
        QVERIFY2(retrieval->outcome().status.ok(), qPrintable(retrieval->outcome().status.errorString));
        QCOMPARE(retrieval->outcome().origin, StudyRetrieval::Origin::Pacs);
        QVERIFY(window.imagingPanel()->isShowingImages());
        QVERIFY(window.imagingDock()->isVisible());
        verifyShownSeries(window, m_web);
        QVERIFY(window.imagingPanel()->progressLabel()->text().contains(QStringLiteral("12")));
        if (!early)
            qInfo("the whole series arrived before the first slice was painted (loopback is fast)");

        // Encrypted at rest: no name, id or UID in any file name or byte.
        QTRY_VERIFY_WITH_TIMEOUT(window.records()->imageCache()->isComplete(m_web.studyInstanceUid), 20000);
        QStringList needles{kPatientName, kPatientId, m_web.studyInstanceUid, m_web.seriesInstanceUid};
        needles += m_web.sopInstanceUids;
        int files = 0;
        QDirIterator it(imageCacheDir(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            ++files;
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY(!bytes.contains("DICM"));
            for (const QString &n : std::as_const(needles)) {
                QVERIFY2(!path.contains(n), qPrintable(path));
                QVERIFY2(!bytes.contains(n.toLatin1()), qPrintable(n));
            }
        }
        QCOMPARE(files, int(m_web.files.size()) + 1); // the instances and the "complete" marker
    }

    void missingStudySaysNotFound()
    {
        MainWindow window;
        window.show();
        QVERIFY(openRecord(window));
        QVERIFY(requestStudy(window, kMissingStudy));
        const StudyRetrieval::Outcome &outcome = window.imagingPanel()->retrieval()->outcome();
        QCOMPARE(outcome.status.error, Dicom::ImageSourceError::NotFound);
        QVERIFY(!window.imagingPanel()->isShowingImages());
        QVERIFY2(window.imagingPanel()->message().contains(QStringLiteral("does not have this study")),
                 qPrintable(window.imagingPanel()->message()));
    }

    // The study has no Endpoint: the connection profile names a DIMSE PACS (C-GET).
    void dimsePacsChosenByProfile()
    {
        QString why;
        if (!DcmqrscpFixture::isAvailable(&why))
            QSKIP(qPrintable(why));
        QVERIFY2(m_qrscp.start({}, &why), qPrintable(why));
        QVERIFY2(m_qrscp.store(m_dimse.files, &why), qPrintable(why));
        MainWindow window;
        window.show();
        Net::ConnectionProfile profile;
        profile.imagingDimseHost = QStringLiteral("127.0.0.1");
        profile.imagingDimsePort = m_qrscp.dicomPort();
        profile.imagingDimseCalledAe = m_qrscp.aeTitle();
        profile.imagingTimeoutSeconds = 20;
        window.records()->setImagingProfile(profile);
        QVERIFY(openRecord(window));
        QVERIFY(requestStudy(window, m_dimse.studyInstanceUid));
        const StudyRetrieval *retrieval = window.imagingPanel()->retrieval();
        QVERIFY2(retrieval->outcome().status.ok(), qPrintable(retrieval->outcome().status.errorString));
        QCOMPARE(retrieval->source()->kind(), QStringLiteral("dimse"));
        verifyShownSeries(window, m_dimse);
        m_qrscp.stop();
    }

    // The same after a retrieval from the PACS (DICOMweb, in memory): no temporary folder holds
    // the study, no file anywhere in the temporary or data folders has DICM or the patient name.
    void retrievedStudyLeavesNoPlaintext()
    {
        QDir(imageCacheDir()).removeRecursively();
        const QStringList tempBefore = QDir::temp().entryList({QStringLiteral("kakehashi-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
        MainWindow window;
        window.show();
        QVERIFY(openRecord(window));
        QVERIFY(requestStudy(window, m_web.studyInstanceUid));
        const StudyRetrieval *retrieval = window.imagingPanel()->retrieval();
        QVERIFY2(retrieval->outcome().status.ok(), qPrintable(retrieval->outcome().status.errorString));
        QCOMPARE(retrieval->outcome().origin, StudyRetrieval::Origin::Pacs);
        verifyShownSeries(window, m_web);
        QTRY_VERIFY_WITH_TIMEOUT(window.records()->imageCache()->isComplete(m_web.studyInstanceUid), 20000);
        // Scrolling through every slice decodes them all from memory or the encrypted cache.
        DicomImageView *view = window.imagingPanel()->viewer()->imageView();
        for (int i = 0; i < view->sliceCount(); ++i) {
            view->setCurrentIndex(i);
            QTRY_VERIFY_WITH_TIMEOUT(view->isCurrentSliceReady(), 10000);
        }
        const QStringList tempAfter = QDir::temp().entryList({QStringLiteral("kakehashi-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &t : tempAfter)
            QVERIFY2(tempBefore.contains(t), qPrintable(t)); // no new working folder
        const QByteArray name = kPatientName.toLatin1();
        QStringList leaks = plaintextFiles(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation), {}, name);
        const QStringList temps = QDir::temp().entryList({QStringLiteral("kakehashi*")}, QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot);
        for (const QString &t : temps)
            if (!t.startsWith(QLatin1String("kakehashi-fuzz-"))) // the fuzz targets' own scratch, not the viewer's
                leaks += plaintextFiles(QDir::temp().filePath(t), m_work.path(), name);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u' ')));
    }

    // DICOMweb: QIDO-RS lists the instances, the middle slice comes alone first (WADO-RS instance),
    // then the series stream without it; that slice is on screen and stays there as others land.
    void middleSliceFetchedFirstOverDicomWeb()
    {
        ImagingPanel panel;
        panel.resize(800, 600);
        panel.show();
        QStringList events; // in signal order
        panel.setRetrievalFactory([this, &events](const QString &uid) {
            Dicom::DicomWebOptions options;
            options.baseUrl = m_orthanc.dicomWebBase();
            auto retrieval = std::make_unique<StudyRetrieval>(uid, std::make_unique<Dicom::DicomWebSource>(options), nullptr);
            StudyRetrieval *r = retrieval.get();
            connect(r, &StudyRetrieval::instanceArrived, this, [&events](int n) { events << QStringLiteral("instance %1").arg(n); });
            connect(r, &StudyRetrieval::firstInstanceArrived, this, [&events, r] {
                events << QStringLiteral("first (running %1)").arg(r->isRunning());
            });
            connect(r, &StudyRetrieval::finished, this, [&events] { events << QStringLiteral("finished"); });
            return retrieval;
        });
        QSignalSpy finished(&panel, &ImagingPanel::retrievalFinished);
        panel.openStudy(m_web.studyInstanceUid);
        QVERIFY(finished.wait(30000));
        const StudyRetrieval *retrieval = panel.retrieval();
        QVERIFY2(retrieval->outcome().status.ok(), qPrintable(retrieval->outcome().status.errorString));
        const int n = int(m_web.files.size());
        QCOMPARE(retrieval->firstInstanceUid(), m_web.sopInstanceUids.at(n / 2));
        // The middle slice arrived alone, before anything of the series stream and before the end.
        QVERIFY2(events.size() >= 3, qPrintable(events.join(u',')));
        QCOMPARE(events.at(0), QStringLiteral("instance 1"));
        QCOMPARE(events.at(1), QStringLiteral("first (running 1)"));
        QCOMPARE(events.last(), QStringLiteral("finished"));
        QCOMPARE(events.count(QStringLiteral("finished")), 1);
        // The stream brought it again: dropped, every slice once.
        QCOMPARE(retrieval->instances().size(), n);
        QString error;
        QCOMPARE(Dicom::DicomFrameDecoder::readInfoBytes(retrieval->instances().first()->load(&error)).info.sopInstanceUid,
                 m_web.sopInstanceUids.at(n / 2));
        DicomImageView *view = panel.viewer()->imageView();
        QTRY_COMPARE_WITH_TIMEOUT(view->sliceCount(), n, 10000);
        // The slice shown first is still on screen, now at its place in the series.
        QCOMPARE(view->currentIndex(), n / 2);
        QCOMPARE(sopOfSlice(view->series().slices.at(n / 2)), m_web.sopInstanceUids.at(n / 2));
        QTRY_VERIFY_WITH_TIMEOUT(view->isCurrentSliceReady(), 10000);
    }

    // The PACS is gone: the study opened before comes from the encrypted cache, in a new window.
    void reopensFromTheCacheOffline()
    {
        m_orthanc.stop();
        MainWindow window;
        window.show();
        QVERIFY(openRecord(window));
        QVERIFY(requestStudy(window, m_web.studyInstanceUid));
        const StudyRetrieval *retrieval = window.imagingPanel()->retrieval();
        QVERIFY2(retrieval->outcome().status.ok(), qPrintable(retrieval->outcome().status.errorString));
        QCOMPARE(retrieval->outcome().origin, StudyRetrieval::Origin::Cache);
        verifyShownSeries(window, m_web);
        QVERIFY(window.imagingPanel()->progressLabel()->text().contains(QStringLiteral("cache")));

        // Nothing decrypted on disk: not in a temporary folder, not in the app's data.
        const QByteArray name = kPatientName.toLatin1();
        QStringList leaks = plaintextFiles(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation), {}, name);
        const QStringList temps = QDir::temp().entryList({QStringLiteral("kakehashi*")}, QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot);
        for (const QString &t : temps)
            if (!t.startsWith(QLatin1String("kakehashi-fuzz-"))) // the fuzz targets' own scratch, not the viewer's
                leaks += plaintextFiles(QDir::temp().filePath(t), m_work.path(), name);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u' ')));
        window.imagingPanel()->closeStudy();
    }

    // The first instance is on screen while the rest still arrive; the slice shown stays put as
    // earlier slices land before it.
    void firstSliceShownBeforeTheSeriesEnds()
    {
        ImagingPanel panel;
        panel.resize(800, 600);
        panel.show();
        // The middle slice first, then the others.
        const QList<int> order{6, 0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11};
        panel.setRetrievalFactory([this, order](const QString &uid) {
            return std::make_unique<StudyRetrieval>(uid, std::make_unique<TricklingSource>(m_web, order, 150), nullptr);
        });
        QSignalSpy shown(&panel, &ImagingPanel::imagesShown);
        QSignalSpy finished(&panel, &ImagingPanel::retrievalFinished);
        panel.openStudy(m_web.studyInstanceUid);
        QVERIFY(shown.wait(20000));
        QCOMPARE(shown.first().first().toBool(), true);
        QVERIFY(panel.isRetrieving());
        DicomImageView *view = panel.viewer()->imageView();
        QVERIFY(view->sliceCount() < int(m_web.files.size()));
        QVERIFY(view->isCurrentSliceReady());
        QCOMPARE(sopOfSlice(view->series().slices.at(view->currentIndex())), m_web.sopInstanceUids.at(6));
        QVERIFY(panel.progressLabel()->isVisible());
        QVERIFY(finished.wait(30000));
        QCOMPARE(view->sliceCount(), int(m_web.files.size()));
        // Still the slice the user was looking at, now at its place in the series.
        QCOMPARE(view->currentIndex(), 6);
        QCOMPARE(sopOfSlice(view->series().slices.at(6)), m_web.sopInstanceUids.at(6));
    }

    void purgeRemovesCachedImages()
    {
        MainWindow window;
        QVERIFY(window.records()->imageCache()->isComplete(m_web.studyInstanceUid));
        QString error;
        // No service connected: the record cache is absent, the images still go.
        window.records()->purgeCachesNow(&error);
        QVERIFY(!window.records()->imageCache()->isComplete(m_web.studyInstanceUid));
        QCOMPARE(window.records()->imageCache()->storedBytes(), qint64(0));
    }

private:
    QTemporaryDir m_work;
    OrthancFixture m_orthanc;
    DcmqrscpFixture m_qrscp;
    SyntheticSeries m_web;
    SyntheticSeries m_dimse;
    QString m_recordPath;
};

KAKEHASHI_TEST_MAIN(TestPacsWindow)
#include "tst_pacswindow.moc"
