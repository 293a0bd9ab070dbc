// Session::ImagingController without widgets: which back-end fetches a study (one choice, through
// ImageSourceFactory), purpose headers as plain headers, and the series of a retrieval built from
// headers read once per instance on arrival (a 1,000-instance series: no rescans).
#include "../../filesizelimit.h"
#include "../../testsupport.h"

#include "dicom/dicomframedecoder.h"
#include "dicom/dicompresentation.h"
#include "store/imagecache.h"
#include "store/recordcache.h"
#include "session/imaging/imagingcontroller.h"
#include "session/imaging/studyretrieval.h"
#include "memorypacs.h"
#include "syntheticseries.h"

#include <QDirIterator>
#include <QFile>
#include <QPromise>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

using namespace Kakehashi;
using namespace Kakehashi::Session;
using Kakehashi::Fixtures::MemoryPacs;

class TestImagingController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void backEndChoice_data();
    void backEndChoice();
    void emergencyPurposeTravelsAsPlainHeaders();
    void thousandInstancesParsedOnce_data();
    void thousandInstancesParsedOnce();
    void reopenFromTheCacheParsesEachOnce();
    void aBadCachedInstanceHeals_data();
    void aBadCachedInstanceHeals();
    void aFullDiskIsToldOnce();
    void objectsWithoutPixelsComeWithTheStudy();
    void profileLocalFoldersServeTheRecordsStudy();

private:
    // Opens the study through the controller and waits for the end; the parses it took.
    qint64 openAndCount(ImagingController &controller, QSignalSpy *changed);

    QTemporaryDir m_dir;
    Fixtures::SyntheticSeries m_series;
    QList<QByteArray> m_bytes;
};

void TestImagingController::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Fixtures::SyntheticSeriesSpec spec;
    spec.slices = 1000;
    spec.rows = 4;
    spec.columns = 4;
    spec.seed = 7;
    m_series = Fixtures::writeSyntheticCtSeries(m_dir.filePath(QStringLiteral("ct")), spec);
    QVERIFY2(m_series.ok(), qPrintable(m_series.errorString));
    QCOMPARE(m_series.files.size(), 1000);
    // Sent out of order, as a PACS may: the series is still shown in slice order.
    for (qsizetype i = m_series.files.size() - 1; i >= 0; --i) {
        QFile f(m_series.files.at(i));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_bytes.append(f.readAll());
    }
}

void TestImagingController::backEndChoice_data()
{
    QTest::addColumn<QString>("recordType");
    QTest::addColumn<QString>("recordAddress");
    QTest::addColumn<QString>("profileWeb");
    QTest::addColumn<QString>("profileDimseHost");
    QTest::addColumn<bool>("localPaths");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("address");

    const QString rec = QStringLiteral("https://pacs.record.example/dicom-web");
    const QString prof = QStringLiteral("https://pacs.profile.example/dicom-web");
    QTest::newRow("record endpoint first") << "dicom-wado-rs" << rec << prof << "pacs.local" << true << "dicomweb" << rec;
    QTest::newRow("profile DICOMweb") << QString() << QString() << prof << "pacs.local" << true << "dicomweb" << prof;
    QTest::newRow("record file URL is never followed") << "dicom-wado-rs" << "file:///etc" << prof << QString() << false << "dicomweb" << prof;
    QTest::newRow("DIMSE") << QString() << QString() << QString() << "pacs.local" << true << "dimse" << QString();
    QTest::newRow("local files") << QString() << QString() << QString() << QString() << true << "local" << QString();
    QTest::newRow("nothing") << QString() << QString() << QString() << QString() << false << QString() << QString();
}

void TestImagingController::backEndChoice()
{
    QFETCH(QString, recordType);
    QFETCH(QString, recordAddress);
    QFETCH(QString, profileWeb);
    QFETCH(QString, profileDimseHost);
    QFETCH(bool, localPaths);
    QFETCH(QString, kind);
    QFETCH(QString, address);

    ImagingController controller;
    Net::ConnectionProfile profile;
    profile.imagingDicomWebUrl = QUrl(profileWeb);
    profile.imagingDimseHost = profileDimseHost;
    profile.imagingDimsePort = 11112;
    profile.imagingDimseCalledAe = QStringLiteral("PACS");
    controller.setProfile(profile);
    if (localPaths)
        controller.setLocalPaths({m_dir.filePath(QStringLiteral("ct"))});
    const StudyEndpoint record{recordType, QUrl(recordAddress)};
    std::unique_ptr<Dicom::ImageSource> source = controller.makeSource(record);
    if (kind.isEmpty()) {
        QVERIFY(!source);
        std::unique_ptr<StudyRetrieval> retrieval = controller.makeRetrieval(m_series.studyInstanceUid, record);
        QSignalSpy finished(retrieval.get(), &StudyRetrieval::finished);
        retrieval->start();
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QVERIFY(retrieval->outcome().noSource); // said as "no PACS configured", never as "no images"
        return;
    }
    QVERIFY(source);
    QCOMPARE(source->kind(), kind);
    if (!address.isEmpty())
        QCOMPARE(controller.endpointFor(record).address, QUrl(address));
}

void TestImagingController::emergencyPurposeTravelsAsPlainHeaders()
{
    ImagingController controller;
    Net::ConnectionProfile profile;
    profile.imagingDicomWebUrl = QUrl(QStringLiteral("https://pacs.example/dicom-web"));
    controller.setProfile(profile);
    controller.setPurpose({Net::PurposeOfUse::Reason::EmergencyTreatment, QStringLiteral("意識障害")});
    controller.setSessionHeaders({{"X-HPKI-Role", "Doctor"}});
    const Dicom::ImageEndpoint endpoint = controller.endpointFor({});
    const auto headers = endpoint.headers;
    QVERIFY(headers.contains(qMakePair(QByteArray("X-Purpose-Of-Use"), QByteArray("ETREAT"))));
    QVERIFY(headers.contains(qMakePair(QByteArray("X-HPKI-Role"), QByteArray("Doctor"))));
    bool reason = false;
    for (const auto &h : headers)
        reason = reason || (h.first == "X-Emergency-Reason" && !h.second.isEmpty());
    QVERIFY(reason);
    // The next open is routine: its images are fetched as TREAT.
    controller.setPurpose({});
    QVERIFY(controller.endpointFor({}).headers.contains(qMakePair(QByteArray("X-Purpose-Of-Use"), QByteArray("TREAT"))));
}

qint64 TestImagingController::openAndCount(ImagingController &controller, QSignalSpy *changed)
{
    QSignalSpy finished(&controller, &ImagingController::retrievalFinished);
    const qint64 before = Dicom::DicomFrameDecoder::headerParseCount();
    controller.openStudy(m_series.studyInstanceUid);
    if (!finished.wait(120000))
        return -1;
    Q_UNUSED(changed);
    return Dicom::DicomFrameDecoder::headerParseCount() - before;
}

void TestImagingController::thousandInstancesParsedOnce_data()
{
    QTest::addColumn<bool>("fromWorker");
    QTest::newRow("DICOMweb-like, GUI thread") << false;
    QTest::newRow("DIMSE-like, worker thread") << true;
}

void TestImagingController::thousandInstancesParsedOnce()
{
    QFETCH(bool, fromWorker);
    ImagingController controller;
    controller.setRetrievalFactory([this, fromWorker](const QString &uid) {
        return std::make_unique<StudyRetrieval>(uid, std::make_unique<MemoryPacs>(m_series, m_bytes, fromWorker), nullptr);
    });
    QSignalSpy changed(&controller, &ImagingController::seriesChanged);
    const qint64 parses = openAndCount(controller, &changed);
    QCOMPARE(parses, qint64(1000)); // once per instance, not once per instance per update
    const StudyRetrieval *retrieval = controller.retrieval();
    QVERIFY(retrieval);
    QVERIFY2(retrieval->outcome().status.ok(), qPrintable(retrieval->outcome().status.errorString));
    QCOMPARE(retrieval->outcome().instances, 1000);
    QCOMPARE(retrieval->expectedInstances(), 1000);
    QVERIFY(changed.count() >= 1);
    // Complete, in slice order, every slice backed by its in-memory instance.
    const QList<Dicom::DicomSeries> series = controller.series();
    QCOMPARE(series.size(), 1);
    QCOMPARE(series.first().instanceCount, 1000);
    QCOMPARE(series.first().slices.size(), 1000);
    QCOMPARE(series.first().seriesInstanceUid, m_series.seriesInstanceUid);
    for (const Dicom::DicomSliceRef &slice : series.first().slices)
        QVERIFY(slice.isInMemory());
    QString error;
    QCOMPARE(Dicom::DicomFrameDecoder::readInfoBytes(series.first().slices.first().instance->load(&error)).info.sopInstanceUid,
             m_series.sopInstanceUids.first());
    QCOMPARE(Dicom::DicomFrameDecoder::readInfoBytes(series.first().slices.last().instance->load(&error)).info.sopInstanceUid,
             m_series.sopInstanceUids.last());
    // Reading the series again reads nothing again.
    const qint64 before = Dicom::DicomFrameDecoder::headerParseCount();
    QCOMPARE(controller.series().first().slices.size(), 1000);
    QCOMPARE(Dicom::DicomFrameDecoder::headerParseCount(), before);
}

void TestImagingController::reopenFromTheCacheParsesEachOnce()
{
    QTemporaryDir cacheDir;
    QVERIFY(cacheDir.isValid());
    auto cache = std::make_shared<ImageCache>(cacheDir.path(), QByteArray(RecordCache::KeyBytes, '\x21'), QStringLiteral("tester"));
    {
        ImagingController controller;
        controller.setRetrievalFactory([this, cache](const QString &uid) {
            return std::make_unique<StudyRetrieval>(uid, std::make_unique<MemoryPacs>(m_series, m_bytes, false), cache);
        });
        QCOMPARE(openAndCount(controller, nullptr), qint64(1000));
        QCOMPARE(controller.retrieval()->outcome().origin, StudyRetrieval::Origin::Pacs);
    }
    QTRY_VERIFY_WITH_TIMEOUT(cache->isComplete(m_series.studyInstanceUid), 60000);
    ImagingController controller;
    controller.setRetrievalFactory([cache](const QString &uid) { return std::make_unique<StudyRetrieval>(uid, nullptr, cache); });
    QCOMPARE(openAndCount(controller, nullptr), qint64(1000));
    QCOMPARE(controller.retrieval()->outcome().origin, StudyRetrieval::Origin::Cache);
    QCOMPARE(controller.series().size(), 1);
    QCOMPARE(controller.series().first().slices.size(), 1000);
}

// Instances are written to the image cache without a flush each (the marker is flushed): after a
// power loss one may be empty or cut short, and a changed byte is a tampered file. Opening the
// study then fetches it again, and the bad file does not stay: the next open comes from the cache,
// whole, with no PACS at all.
void TestImagingController::aBadCachedInstanceHeals_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("emptied (power loss before the data reached the disk)") << QStringLiteral("empty");
    QTest::newRow("cut short") << QStringLiteral("short");
    QTest::newRow("one byte changed, same size") << QStringLiteral("flipped");
}

void TestImagingController::aBadCachedInstanceHeals()
{
    QFETCH(QString, damage);
    QTemporaryDir cacheDir;
    QVERIFY(cacheDir.isValid());
    auto cache = std::make_shared<ImageCache>(cacheDir.path(), QByteArray(RecordCache::KeyBytes, '\x24'), QStringLiteral("tester"));
    const auto openWith = [this, cache](bool withPacs) {
        auto controller = std::make_unique<ImagingController>();
        controller->setRetrievalFactory([this, cache, withPacs](const QString &uid) {
            return std::make_unique<StudyRetrieval>(uid, withPacs ? std::make_unique<MemoryPacs>(m_series, m_bytes, false) : nullptr, cache);
        });
        return controller;
    };
    {
        auto controller = openWith(true);
        QVERIFY(openAndCount(*controller, nullptr) > 0);
        QCOMPARE(controller->retrieval()->outcome().origin, StudyRetrieval::Origin::Pacs);
    } // the retrieval waits for its stores and the marker
    QVERIFY(cache->isComplete(m_series.studyInstanceUid));

    QStringList instances;
    for (QDirIterator it(cacheDir.path(), {QStringLiteral("*.kki")}, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        const QString path = it.next();
        if (!path.endsWith(u"/complete.kki"))
            instances << path;
    }
    QCOMPARE(instances.size(), 1000);
    std::sort(instances.begin(), instances.end());
    QFile bad(instances.at(500));
    QVERIFY(bad.open(QIODevice::ReadWrite));
    const qint64 size = bad.size();
    if (damage == u"empty") {
        QVERIFY(bad.resize(0));
    } else if (damage == u"short") {
        QVERIFY(bad.resize(size / 2));
    } else {
        QVERIFY(bad.seek(size / 2));
        char c = 0;
        QVERIFY(bad.getChar(&c));
        QVERIFY(bad.seek(size / 2));
        QVERIFY(bad.putChar(char(c ^ 0x5a)));
    }
    bad.close();

    {
        auto controller = openWith(true);
        QVERIFY(openAndCount(*controller, nullptr) > 0);
        QVERIFY2(controller->retrieval()->outcome().status.ok(), qPrintable(controller->retrieval()->outcome().status.errorString));
        QCOMPARE(controller->retrieval()->outcome().origin, StudyRetrieval::Origin::Pacs); // not shown with a hole
        QCOMPARE(controller->retrieval()->outcome().instances, 1000);
    }
    QVERIFY(cache->isComplete(m_series.studyInstanceUid));
    QFile healed(instances.at(500));
    QVERIFY(healed.open(QIODevice::ReadOnly));
    QCOMPARE(healed.size(), size);

    auto offline = openWith(false);
    QVERIFY(openAndCount(*offline, nullptr) > 0);
    QVERIFY2(offline->retrieval()->outcome().status.ok(), qPrintable(offline->retrieval()->outcome().status.errorString));
    QCOMPARE(offline->retrieval()->outcome().origin, StudyRetrieval::Origin::Cache);
    QCOMPARE(offline->series().size(), 1);
    QCOMPARE(offline->series().first().slices.size(), 1000);
}

// The image cache's disk is full while a study arrives: the images still show (the retrieval
// succeeds), the controller says once, with the system's reason, that the study is not kept, and
// the cache never holds it as complete.
void TestImagingController::aFullDiskIsToldOnce()
{
    QTemporaryDir cacheDir;
    QVERIFY(cacheDir.isValid());
    auto cache = std::make_shared<ImageCache>(cacheDir.path(), QByteArray(RecordCache::KeyBytes, '\x22'), QStringLiteral("tester"));
    ImagingController controller;
    controller.setRetrievalFactory([this, cache](const QString &uid) {
        return std::make_unique<StudyRetrieval>(uid, std::make_unique<MemoryPacs>(m_series, m_bytes, false), cache);
    });
    QSignalSpy told(&controller, &ImagingController::cacheStoreFailed);
    {
        KakehashiTest::FileSizeLimit full(64); // smaller than any sealed instance
        if (!full.ok())
            QSKIP("RLIMIT_FSIZE cannot be set here");
        QVERIFY(openAndCount(controller, nullptr) > 0);
        QVERIFY2(controller.retrieval()->outcome().status.ok(), qPrintable(controller.retrieval()->outcome().status.errorString));
        QCOMPARE(controller.retrieval()->outcome().instances, 1000);
        QTRY_COMPARE_WITH_TIMEOUT(told.count(), 1, 60000);
    }
    const QString reason = told.first().first().toString();
    QVERIFY2(reason.contains(u"large", Qt::CaseInsensitive) || reason.contains(u"space", Qt::CaseInsensitive), qPrintable(reason));
    QCOMPARE(controller.retrieval()->cacheError(), reason);
    QTest::qWait(200);
    QCOMPARE(told.count(), 1); // once per study, not once per instance
    controller.closeStudy();
    QVERIFY(!cache->isComplete(m_series.studyInstanceUid));
}

// A study on a PACS often holds more than images: a scanned letter (Encapsulated PDF) came with this
// one. It arrives with the images, is kept in the encrypted cache with them, and is handed on for
// the browser (the images are unaffected).
void TestImagingController::objectsWithoutPixelsComeWithTheStudy()
{
    const QByteArray pdf = "%PDF-1.4\n% a letter\n%%EOF\n";
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    ds->putAndInsertString(DCM_SOPClassUID, UID_EncapsulatedPDFStorage);
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.9.7433.41.1.3");
    ds->putAndInsertString(DCM_StudyInstanceUID, m_series.studyInstanceUid.toLatin1().constData());
    ds->putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.9.7433.41.1.2");
    ds->putAndInsertString(DCM_Modality, "DOC");
    ds->putAndInsertString(DCM_MIMETypeOfEncapsulatedDocument, "application/pdf");
    ds->putAndInsertUint8Array(DCM_EncapsulatedDocument, reinterpret_cast<const Uint8 *>(pdf.constData()), pdf.size());
    const QString path = m_dir.filePath(QStringLiteral("letter.dcm"));
    QVERIFY(file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> bytes{m_bytes.at(0), f.readAll(), m_bytes.at(1), m_bytes.at(2)};

    QTemporaryDir cacheDir;
    QVERIFY(cacheDir.isValid());
    auto cache = std::make_shared<ImageCache>(cacheDir.path(), QByteArray(RecordCache::KeyBytes, '\x23'), QStringLiteral("tester"));
    const auto check = [&](ImagingController &controller) {
        QSignalSpy finished(&controller, &ImagingController::retrievalFinished);
        controller.openStudy(m_series.studyInstanceUid);
        QVERIFY(finished.wait(60000));
        QCOMPARE(controller.series().size(), 1);
        QCOMPARE(controller.series().first().slices.size(), 3);
        const QList<Dicom::DicomSliceRef> others = controller.otherObjects();
        QCOMPARE(others.size(), 1);
        const Dicom::DicomPresentationObjects objects = Dicom::DicomPresentationReader::read(others);
        QCOMPARE(objects.documents.size(), 1);
        QCOMPARE(objects.documents.first().content, pdf);
    };
    {
        ImagingController controller;
        controller.setRetrievalFactory([this, bytes, cache](const QString &uid) {
            return std::make_unique<StudyRetrieval>(uid, std::make_unique<MemoryPacs>(m_series, bytes, false), cache);
        });
        check(controller);
        QCOMPARE(controller.retrieval()->outcome().origin, StudyRetrieval::Origin::Pacs);
    }
    QTRY_VERIFY_WITH_TIMEOUT(cache->isComplete(m_series.studyInstanceUid), 60000);
    ImagingController controller;
    controller.setRetrievalFactory([cache](const QString &uid) { return std::make_unique<StudyRetrieval>(uid, nullptr, cache); });
    check(controller);
    QCOMPARE(controller.retrieval()->outcome().origin, StudyRetrieval::Origin::Cache);
}

// A clinic without a PACS names the folder where another hospital's CD is mounted: a study the
// record names is found there through the local back-end (LocalFileSource), read in place, never
// copied into the image cache; the profile keeps the folders.
void TestImagingController::profileLocalFoldersServeTheRecordsStudy()
{
    QTemporaryDir settingsDir;
    QVERIFY(settingsDir.isValid());
    Net::ConnectionProfile saved;
    saved.name = QStringLiteral("clinic");
    saved.baseUrl = QUrl(QStringLiteral("https://phr.example.jp/fhir"));
    saved.imagingLocalFolders = {m_dir.filePath(QStringLiteral("ct")), QStringLiteral("/media/cdrom/DICOMDIR")};
    {
        QSettings settings(settingsDir.filePath(QStringLiteral("k.ini")), QSettings::IniFormat);
        saved.save(settings);
    }
    QSettings settings(settingsDir.filePath(QStringLiteral("k.ini")), QSettings::IniFormat);
    const Net::ConnectionProfile profile = Net::ConnectionProfile::load(settings, QStringLiteral("clinic"));
    QCOMPARE(profile.imagingLocalFolders, saved.imagingLocalFolders);

    QTemporaryDir cacheDir;
    QVERIFY(cacheDir.isValid());
    auto cache = std::make_shared<ImageCache>(cacheDir.path(), QByteArray(RecordCache::KeyBytes, '\x24'), QStringLiteral("tester"));
    ImagingController controller;
    controller.setProfile(profile);
    controller.setImageCacheProvider([cache] { return cache; });
    QCOMPARE(controller.endpointFor({}).connectionType, QStringLiteral("local"));
    QCOMPARE(controller.endpointFor({}).localPaths, profile.imagingLocalFolders);
    // The record's own DICOMweb endpoint still comes first.
    QCOMPARE(controller.endpointFor({QStringLiteral("dicom-wado-rs"), QUrl(QStringLiteral("https://pacs.example/dicom-web"))}).connectionType,
             QStringLiteral("dicom-wado-rs"));
    controller.setRetrievalFactory([&controller](const QString &uid) { return controller.makeRetrieval(uid, {}); });
    QSignalSpy finished(&controller, &ImagingController::retrievalFinished);
    controller.openStudy(m_series.studyInstanceUid);
    QVERIFY(finished.wait(120000));
    QVERIFY(controller.retrieval());
    QVERIFY(!controller.retrieval()->outcome().noSource);
    QCOMPARE(controller.series().size(), 1);
    QCOMPARE(controller.series().first().slices.size(), m_series.files.size());
    QVERIFY(!cache->isComplete(m_series.studyInstanceUid)); // read in place, not copied
}

KAKEHASHI_TEST_MAIN(TestImagingController)
#include "tst_imagingcontroller.moc"
