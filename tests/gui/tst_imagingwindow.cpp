#include "../filesizelimit.h"
#include "../testsupport.h"
#include "../unit/dicom/dicomtestsupport.h"

#include "viewer/imageview/dicomimageview.h"
#include "viewer/imageview/dicomviewerwidget.h"
#include "store/imagecache.h"
#include "viewer/imaging/imagingpanel.h"
#include "session/imaging/imagingstudylocator.h"
#include "record/localrecordsource.h"
#include "app/mainwindow.h"
#include "memorypacs.h"
#include "viewer/patientview.h"
#include "store/recordcache.h"
#include "viewer/recorditemmodel.h"
#include "session/imaging/imagingcontroller.h"
#include "session/imaging/studyretrieval.h"
#include "syntheticseries.h"

#include <QDirIterator>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeView>

using namespace Kakehashi;

namespace {

// What DCMTK's own dcmdump says a DICOMDIR holds: an account independent of our scanner.
int countDirectoryRecords(const QString &dicomDir, const QString &type)
{
    QProcess p;
    p.start(QStringLiteral("dcmdump"), {dicomDir});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return -1;
    return int(QString::fromLatin1(p.readAllStandardOutput()).count(QStringLiteral("(0004,1430) CS [%1").arg(type)));
}

int totalInstances(const QList<Dicom::DicomSeries> &series)
{
    int n = 0;
    for (const auto &s : series)
        n += s.instanceCount;
    return n;
}

} // namespace

// The application's image wiring, offscreen: DICOM opened with --open (folder, DICOMDIR, mixed
// with FHIR), and imaging studies opened from a patient's record.
class TestImagingWindow : public QObject
{
    Q_OBJECT
private:
    // Opens paths as `kakehashi --open` does and waits until the first image is on screen.
    static bool openAndWait(MainWindow &window, const QStringList &paths)
    {
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QSignalSpy shown(window.imagingPanel(), &ImagingPanel::imagesShown);
        window.openPaths(paths);
        if (!loaded.wait(60000))
            return false;
        return !shown.isEmpty() || shown.wait(30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(pydicomFile(QStringLiteral("test_files/CT_small.dcm"))))
            QSKIP("python3-pydicom's sample files are not installed");
    }

    void opensDicomInputs_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("folder of files") << "folder";
        QTest::newRow("DICOMDIR made by dcmmkdir") << "dcmmkdir";
        QTest::newRow("pydicom DICOMDIR") << "pydicom-dicomdir";
        QTest::newRow("folder holding pydicom DICOMDIR") << "pydicom-folder";
    }
    void opensDicomInputs()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString open;
        QSet<QString> expectedModalities;
        int expectedSeries = 0;
        int expectedInstances = 0;
        if (kind == u"folder" || kind == u"dcmmkdir") {
            // File IDs as a CD holds them: upper case, no extension, 8 characters at most.
            QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("DICOM")));
            QVERIFY(QFile::copy(pydicomFile(QStringLiteral("test_files/CT_small.dcm")), dir.filePath(QStringLiteral("DICOM/CT1"))));
            QVERIFY(QFile::copy(pydicomFile(QStringLiteral("test_files/MR_small.dcm")), dir.filePath(QStringLiteral("DICOM/MR1"))));
            // Not DICOM: a scan of the folder must pass over it.
            QFile notes(dir.filePath(QStringLiteral("DICOM/README.TXT")));
            QVERIFY(notes.open(QIODevice::WriteOnly));
            notes.write("patient CD\n");
            notes.close();
            expectedModalities = {QStringLiteral("CT"), QStringLiteral("MR")};
            expectedSeries = 2;
            expectedInstances = 2;
            open = dir.path();
            if (kind == u"dcmmkdir") {
                if (QStandardPaths::findExecutable(QStringLiteral("dcmmkdir")).isEmpty())
                    QSKIP("dcmmkdir (dcmtk) is not installed");
                QProcess mk;
                mk.setWorkingDirectory(dir.path());
                mk.start(QStringLiteral("dcmmkdir"), {QStringLiteral("--invent"), QStringLiteral("+r"), QStringLiteral("DICOM")});
                QVERIFY(mk.waitForFinished(30000));
                QCOMPARE(mk.exitCode(), 0);
                open = dir.filePath(QStringLiteral("DICOMDIR"));
                QVERIFY(QFile::exists(open));
                QCOMPARE(countDirectoryRecords(open, QStringLiteral("IMAGE")), 2);
                // Files the DICOMDIR does not reference are not shown, even when they sit beside it.
                QVERIFY(QFile::copy(pydicomFile(QStringLiteral("test_files/MR_small.dcm")), dir.filePath(QStringLiteral("EXTRA"))));
            }
        } else {
            if (QStandardPaths::findExecutable(QStringLiteral("dcmdump")).isEmpty())
                QSKIP("dcmdump (dcmtk) is not installed");
            const QString dicomDir = pydicomFile(QStringLiteral("test_files/dicomdirtests/DICOMDIR"));
            expectedSeries = countDirectoryRecords(dicomDir, QStringLiteral("SERIES"));
            expectedInstances = countDirectoryRecords(dicomDir, QStringLiteral("IMAGE"));
            QVERIFY(expectedSeries > 1);
            open = kind == u"pydicom-dicomdir" ? dicomDir : QFileInfo(dicomDir).absolutePath();
        }

        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, {open}));
        QVERIFY2(window.records()->localRecords().errors.isEmpty(), qPrintable(window.records()->localRecords().errors.join(u'\n')));
        QVERIFY(window.imagingDock()->isVisible());
        ImagingPanel *panel = window.imagingPanel();
        QVERIFY(panel->isShowingImages());
        const QList<Dicom::DicomSeries> &series = panel->openedSeries();
        QCOMPARE(int(series.size()), expectedSeries);
        QCOMPARE(totalInstances(series), expectedInstances);
        QCOMPARE(panel->viewer()->seriesCount(), expectedSeries);
        if (!expectedModalities.isEmpty()) {
            QSet<QString> modalities;
            for (const auto &s : series)
                modalities.insert(s.modality);
            QCOMPARE(modalities, expectedModalities);
        }
        DicomImageView *view = panel->viewer()->imageView();
        QVERIFY(view->isCurrentSliceReady());
        QVERIFY(!view->overlayText(DicomImageView::Corner::TopLeft).isEmpty());
        QCOMPARE(view->overlayText(DicomImageView::Corner::TopLeft).section(u'\n', 0, 0), DicomImageView::personNameForDisplay(series.first().patientName));
        // DICOM is not mistaken for a record: no "not FHIR" complaints, and its patients are listed as
        // images only (no health record), never with an empty record passed off as complete.
        QVERIFY(!window.records()->localRecords().patients.isEmpty());
        for (const PatientRecord &r : window.records()->localRecords().patients) {
            QVERIFY(r.imagesOnly);
            QVERIFY(r.incomplete);
        }
    }

    void recordAndImagesInOneOpen()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString record = QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/data/fhir/facility-sources.json");
        QVERIFY(QFile::copy(record, dir.filePath(QStringLiteral("record.json"))));
        QVERIFY(QFile::copy(pydicomFile(QStringLiteral("test_files/CT_small.dcm")), dir.filePath(QStringLiteral("ct.dcm"))));

        const LocalInputs inputs = LocalRecordSource::partition({dir.path()});
        QCOMPARE(inputs.recordPaths, QStringList{dir.path()});
        QCOMPARE(inputs.dicomPaths, QStringList{dir.path()});

        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, {dir.path()}));
        // The FHIR patient, and the CT's patient beside it: the files prove no link between them.
        QCOMPARE(window.records()->localRecords().patients.size(), 2);
        QVERIFY(!window.records()->localRecords().patients.first().imagesOnly);
        QVERIFY(window.records()->localRecords().patients.last().imagesOnly);
        QVERIFY2(window.records()->localRecords().errors.isEmpty(), qPrintable(window.records()->localRecords().errors.join(u'\n')));
        QVERIFY2(window.records()->localRecords().warnings.isEmpty(), qPrintable(window.records()->localRecords().warnings.join(u'\n')));
        QCOMPARE(window.imagingPanel()->openedSeries().size(), 1);
        QCOMPARE(window.imagingPanel()->openedSeries().first().modality, QStringLiteral("CT"));
    }

    void corruptDicomIsAnErrorNotACrash()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile src(pydicomFile(QStringLiteral("test_files/CT_small.dcm")));
        QVERIFY(src.open(QIODevice::ReadOnly));
        const QByteArray bytes = src.readAll();
        QFile cut(dir.filePath(QStringLiteral("cut.dcm")));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(bytes.left(bytes.size() * 3 / 5));
        cut.close();

        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openPaths({cut.fileName()});
        QVERIFY(loaded.wait(30000));
        QCOMPARE(window.records()->localRecords().errors.size(), 1);
        QVERIFY(window.records()->localRecords().errors.first().contains(QStringLiteral("cut.dcm")));
        QVERIFY(window.imagingPanel()->openedSeries().isEmpty());
        QVERIFY(!window.problemBanner()->text().isEmpty());
    }

    void demoStudyOpensFromTheRecord()
    {
        if (!QFile::exists(qEnvironmentVariable("KAKEHASHI_DEMO_RCC")))
            QSKIP("demo data not built");
        MainWindow window;
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.loadDemo();
        QVERIFY(loaded.wait(120000));
        QVERIFY(window.showPatient(QStringLiteral("p002")));
        const PatientRecord *record = window.records()->localRecords().find(u"p002");
        QVERIFY(record);

        // The first CT study in the record, reached through the tree as a doctor would.
        PatientView *view = window.patientView();
        RecordItemModel *model = view->itemModel();
        const QModelIndex imaging = model->categoryIndex(ItemCategory::Imaging);
        QVERIFY(imaging.isValid());
        QModelIndex ct;
        for (int r = 0; r < model->rowCount(imaging) && !ct.isValid(); ++r) {
            const QModelIndex i = model->index(r, RecordItemModel::ItemColumn, imaging);
            if (model->itemAt(i)->subtype == u"CT")
                ct = i;
        }
        QVERIFY(ct.isValid());
        const QString studyUid = model->itemAt(ct)->imagingStudyUid();
        QVERIFY(ImagingStudyLocator::isValidUid(studyUid));

        // Slices the demo resource holds for the study: counted from the resource listing.
        int expectedSlices = 0;
        QDirIterator it(ImagingStudyLocator::demoStudyPath(studyUid), {QStringLiteral("*.dcm")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++expectedSlices;
        }
        QVERIFY(expectedSlices > 1);

        QSignalSpy requested(view, &PatientView::imagingStudyRequested);
        QSignalSpy shown(window.imagingPanel(), &ImagingPanel::imagesShown);
        view->itemTree()->setFocus();
        view->itemTree()->setCurrentIndex(ct);
        QTest::keyClick(view->itemTree(), Qt::Key_Return);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), studyUid);
        QVERIFY(shown.wait(60000));
        QCOMPARE(shown.first().first().toBool(), true);

        QVERIFY(window.imagingDock()->isVisible());
        DicomImageView *image = window.imagingPanel()->viewer()->imageView();
        QCOMPARE(image->sliceCount(), expectedSlices);
        QCOMPARE(image->series().modality, QStringLiteral("CT"));
        QCOMPARE(image->series().studyInstanceUid, studyUid);
        // The overlay names the record's patient as the record does (DICOM writes 佐藤^花子).
        const QString kanji = record->patient.kanjiName;
        QVERIFY(!kanji.isEmpty());
        const QString overlay = image->overlayText(DicomImageView::Corner::TopLeft);
        QVERIFY2(overlay.startsWith(kanji), qPrintable(overlay));
        QVERIFY(image->overlayText(DicomImageView::Corner::BottomLeft).contains(QStringLiteral("1/%1").arg(expectedSlices)));

        // Scrolling reaches the last slice and decodes it from the resource.
        image->setCurrentIndex(expectedSlices - 1);
        QTRY_VERIFY_WITH_TIMEOUT(image->isCurrentSliceReady(), 30000);

        // The detail pane offers the same through a link.
        QVERIFY(view->detailPane()->toHtml().contains(QStringLiteral("kakehashi-imaging:") + studyUid));
        QUrl link;
        link.setScheme(QStringLiteral("kakehashi-imaging"));
        link.setPath(studyUid);
        Q_EMIT view->detailPane()->anchorClicked(link);
        QCOMPARE(requested.size(), 2);
    }

    void studyWithoutLocalImagesSaysSo()
    {
        MainWindow window;
        window.show();
        QSignalSpy shown(window.imagingPanel(), &ImagingPanel::imagesShown);
        window.openImagingStudy(QStringLiteral("1.2.392.200036.9999.1.2.3"));
        QVERIFY(shown.wait(30000));
        QCOMPARE(shown.first().first().toBool(), false);
        QVERIFY(!window.imagingPanel()->isShowingImages());
        QVERIFY(window.imagingPanel()->message().contains(QStringLiteral("not available offline")));

        // A UID that is not a UID never becomes a resource path.
        QVERIFY(!ImagingStudyLocator::isValidUid(QStringLiteral("../patients")));
        QVERIFY(!ImagingStudyLocator::isValidUid(QString()));
        QCOMPARE(ImagingStudyLocator().locate(QStringLiteral("../patients")).origin, ImagingStudyLocator::Origin::NotAvailable);
    }

    // The image cache's disk is full while a study arrives from the PACS: the images are shown,
    // and the panel says they are not kept for offline use, and why (not a silent "Unknown error"
    // in a log, and not an offline copy the user would count on).
    void panelSaysImagesAreNotKeptOffline()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Fixtures::SyntheticSeriesSpec spec;
        spec.slices = 3;
        spec.rows = 16;
        spec.columns = 16;
        const Fixtures::SyntheticSeries series = Fixtures::writeSyntheticCtSeries(dir.filePath(QStringLiteral("ct")), spec);
        QVERIFY2(series.ok(), qPrintable(series.errorString));
        QList<QByteArray> bytes;
        for (const QString &file : series.files) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            bytes.append(f.readAll());
        }
        auto cache = std::make_shared<ImageCache>(dir.filePath(QStringLiteral("cache")), QByteArray(RecordCache::KeyBytes, 'c'),
                                                  QStringLiteral("tester"));
        Session::ImagingController controller;
        controller.setRetrievalFactory([series, bytes, cache](const QString &uid) {
            return std::make_unique<Session::StudyRetrieval>(uid, std::make_unique<Fixtures::MemoryPacs>(series, bytes, false), cache);
        });
        ImagingPanel panel(&controller);
        panel.resize(640, 480);
        panel.show();
        QSignalSpy finished(&panel, &ImagingPanel::retrievalFinished);
        {
            KakehashiTest::FileSizeLimit full(64);
            if (!full.ok())
                QSKIP("RLIMIT_FSIZE cannot be set here");
            panel.openStudy(series.studyInstanceUid);
            QVERIFY(finished.wait(60000));
            QTRY_VERIFY_WITH_TIMEOUT(panel.cacheNoteLabel()->isVisible(), 30000);
        }
        QVERIFY(panel.isShowingImages());
        QVERIFY2(panel.progressLabel()->text().contains(u"3"), qPrintable(panel.progressLabel()->text()));
        const QString note = panel.cacheNoteLabel()->text();
        QVERIFY2(note.contains(u"not kept for offline use"), qPrintable(note));
        QVERIFY2(note.contains(u"large", Qt::CaseInsensitive) || note.contains(u"space", Qt::CaseInsensitive), qPrintable(note));
        QVERIFY(!cache->isComplete(series.studyInstanceUid));
        panel.closeStudy();
        QVERIFY(!panel.cacheNoteLabel()->isVisible());
    }
};

KAKEHASHI_TEST_MAIN(TestImagingWindow)
#include "tst_imagingwindow.moc"
