// Folders and media with several patients (issue 14): DICOM-only patients in the patient list,
// a patient → study → series browser whose rows never overlap, DICOMDIR media the same, and
// files without a preamble opened by content.
#include "../testsupport.h"
#include "../unit/dicom/dicomfixtures.h"

#include "viewer/imageview/dicomviewerwidget.h"
#include "viewer/displaytext.h"
#include "viewer/imaging/imagingpanel.h"
#include "app/mainwindow.h"
#include "viewer/patientlistmodel.h"
#include "viewer/patientlistview.h"
#include "viewer/patientview.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace Kakehashi;

namespace {

// Two patients, three studies, four series; patient B's files have no preamble.
bool writeTwoPatients(const QString &dir)
{
    QDir(dir).mkpath(QStringLiteral("A"));
    QDir(dir).mkpath(QStringLiteral("B"));
    DicomFixture a;
    a.patientName = "Yamada^Tarou=山田^太郎=やまだ^たろう";
    a.patientId = "A-1";
    a.birthDate = "19600102";
    a.sex = "M";
    a.studyUid = "1.2.826.0.1.3680043.9.7433.14.20";
    a.studyDate = "20250301";
    a.studyDescription = "CT chest";
    a.seriesUid = "1.2.826.0.1.3680043.9.7433.14.20.1";
    a.seriesDescription = "Axial 5mm";
    bool ok = a.write(dir + QStringLiteral("/A/CT1")) && (a.instanceNumber = 2, a.write(dir + QStringLiteral("/A/CT2")));
    a.seriesUid = "1.2.826.0.1.3680043.9.7433.14.20.2";
    a.seriesNumber = 2;
    a.seriesDescription = "Coronal";
    a.instanceNumber = 1;
    ok = ok && a.write(dir + QStringLiteral("/A/CT3"));
    a.studyUid = "1.2.826.0.1.3680043.9.7433.14.21";
    a.studyDate = "20240115";
    a.studyDescription = "MR head";
    a.seriesUid = "1.2.826.0.1.3680043.9.7433.14.21.1";
    a.modality = "MR";
    a.seriesNumber = 1;
    a.seriesDescription = "T2";
    ok = ok && a.write(dir + QStringLiteral("/A/MR1"));
    DicomFixture b;
    b.patientName = "Suzuki^Hanako=鈴木^花子=すずき^はなこ";
    b.patientId = "B-2";
    b.birthDate = "19851231";
    b.sex = "F";
    b.studyUid = "1.2.826.0.1.3680043.9.7433.14.30";
    b.studyDate = "20250210";
    b.studyDescription = "CT abdomen";
    b.seriesUid = "1.2.826.0.1.3680043.9.7433.14.30.1";
    b.seriesDescription = "Portal venous phase with a rather long series description";
    b.preamble = false;
    return ok && b.write(dir + QStringLiteral("/B/IM000001"));
}

// Without a translator loaded the plural form reads "image(s)".
const char *ExpectedBrowser =
    "山田 太郎（やまだ たろう） Yamada Tarou · ID A-1 · 1960-01-02 · M\n"
    "  2025-03-01 CT chest\n"
    "    CT Axial 5mm (2 image(s))\n"
    "    CT Coronal (1 image(s))\n"
    "  2024-01-15 MR head\n"
    "    MR T2 (1 image(s))\n"
    "鈴木 花子（すずき はなこ） Suzuki Hanako · ID B-2 · 1985-12-31 · F\n"
    "  2025-02-10 CT abdomen\n"
    "    CT Portal venous phase with a rather long series description (1 image(s))";

} // namespace

class TestDicomFolders : public QObject
{
    Q_OBJECT
private:
    static bool openAndWait(MainWindow &window, const QStringList &paths)
    {
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        QSignalSpy shown(window.imagingPanel(), &ImagingPanel::imagesShown);
        window.openPaths(paths);
        if (!loaded.wait(60000))
            return false;
        return !shown.isEmpty() || shown.wait(30000);
    }

    static void checkPatientsAndBrowser(MainWindow &window)
    {
        QVERIFY2(window.records()->localRecords().errors.isEmpty(), qPrintable(window.records()->localRecords().errors.join(u'\n')));
        // The patient list: one row per person in the files, as the files name them.
        const QAbstractItemModel *model = window.patientList()->table()->model();
        QCOMPARE(model->rowCount(), 2);
        auto cell = [model](int row, int column) { return model->index(row, column).data().toString(); };
        QCOMPARE(cell(0, PatientListModel::NameColumn), QStringLiteral("山田 太郎"));
        QCOMPARE(cell(0, PatientListModel::KanaColumn), QStringLiteral("やまだ たろう"));
        QCOMPARE(cell(0, PatientListModel::IdColumn), QStringLiteral("A-1"));
        QCOMPARE(cell(0, PatientListModel::BirthDateColumn), QStringLiteral("1960-01-02"));
        QCOMPARE(cell(0, PatientListModel::GenderColumn), DisplayText::gender(QStringLiteral("male")));
        QCOMPARE(cell(1, PatientListModel::NameColumn), QStringLiteral("鈴木 花子"));
        QCOMPARE(cell(1, PatientListModel::IdColumn), QStringLiteral("B-2"));
        QCOMPARE(cell(1, PatientListModel::BirthDateColumn), QStringLiteral("1985-12-31"));
        QCOMPARE(cell(1, PatientListModel::GenderColumn), DisplayText::gender(QStringLiteral("female")));
        // No health record was loaded for them: every record says so, with one imaging item per study.
        const PatientRecord *a = window.records()->localRecords().find(QStringLiteral("A-1"));
        QVERIFY(a);
        QVERIFY(a->imagesOnly);
        QVERIFY(a->incomplete);
        QCOMPARE(a->count(ItemCategory::Imaging), 2);
        QCOMPARE(a->items.size(), 2);

        // The browser: patient → study → series.
        DicomViewerWidget *viewer = window.imagingPanel()->viewer();
        QCOMPARE(viewer->browserText(), QString::fromUtf8(ExpectedBrowser));
        QCOMPARE(viewer->seriesCount(), 4);
        // Every series gets its thumbnail, and no two rows overlap on screen.
        for (int i = 0; i < viewer->seriesCount(); ++i)
            QTRY_VERIFY_WITH_TIMEOUT(!viewer->seriesItem(i)->icon(0).isNull(), 20000);
        QTreeWidget *browser = viewer->browser();
        QList<QRect> rows;
        std::function<void(QTreeWidgetItem *)> collect = [&](QTreeWidgetItem *item) {
            rows << browser->visualItemRect(item);
            for (int c = 0; c < item->childCount(); ++c)
                collect(item->child(c));
        };
        for (int i = 0; i < browser->topLevelItemCount(); ++i)
            collect(browser->topLevelItem(i));
        QCOMPARE(rows.size(), 9);
        for (int i = 0; i < rows.size(); ++i) {
            QVERIFY(rows.at(i).height() > 0);
            for (int j = i + 1; j < rows.size(); ++j)
                QVERIFY2(!rows.at(i).intersects(rows.at(j)), qPrintable(QStringLiteral("rows %1 and %2 overlap").arg(i).arg(j)));
        }
        // A series row opens that series: the second patient's.
        viewer->browser()->setCurrentItem(browser->topLevelItem(1)->child(0)->child(0));
        QTRY_VERIFY(viewer->imageView()->isCurrentSliceReady());
        QCOMPARE(viewer->imageView()->series().patientId, QStringLiteral("B-2"));
    }

private Q_SLOTS:
    void folderOfSeveralPatients()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeTwoPatients(dir.path()));
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(openAndWait(window, {dir.path()}));
        checkPatientsAndBrowser(window);
    }

    void dicomDirOfSeveralPatients()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("dcmmkdir")).isEmpty())
            QSKIP("dcmmkdir (dcmtk) is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeTwoPatients(dir.path()));
        // dcmmkdir wants Part 10 files with a preamble: give B's file one through dcmconv.
        QProcess conv;
        conv.start(QStringLiteral("dcmconv"), {dir.filePath(QStringLiteral("B/IM000001")), dir.filePath(QStringLiteral("B/IM000002"))});
        QVERIFY(conv.waitForFinished(30000));
        QCOMPARE(conv.exitCode(), 0);
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("B/IM000001"))));
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("B/IM000002")), dir.filePath(QStringLiteral("B/IM000001"))));
        QProcess mk;
        mk.setWorkingDirectory(dir.path());
        mk.start(QStringLiteral("dcmmkdir"), {QStringLiteral("--invent"), QStringLiteral("+r"), QStringLiteral("-Pgp"), QStringLiteral("A"), QStringLiteral("B")});
        QVERIFY(mk.waitForFinished(30000));
        QVERIFY2(mk.exitCode() == 0, mk.readAllStandardError().constData());
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(openAndWait(window, {dir.filePath(QStringLiteral("DICOMDIR"))}));
        checkPatientsAndBrowser(window);
    }

    // --summary lists the DICOM-only patients like any other, flagged images only.
    void summaryListsThePatients()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeTwoPatients(dir.path()));
        QProcess p;
        p.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--summary"), QStringLiteral("--open"), dir.path()});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject summary = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        const QJsonArray patients = summary.value(QStringLiteral("patients")).toArray();
        QCOMPARE(patients.size(), 2);
        const QJsonObject a = patients.at(0).toObject();
        QCOMPARE(a.value(QStringLiteral("id")).toString(), QStringLiteral("A-1"));
        QCOMPARE(a.value(QStringLiteral("name")).toString(), QStringLiteral("山田 太郎"));
        QCOMPARE(a.value(QStringLiteral("kana")).toString(), QStringLiteral("やまだ たろう"));
        QCOMPARE(a.value(QStringLiteral("birthDate")).toString(), QStringLiteral("1960-01-02"));
        QCOMPARE(a.value(QStringLiteral("gender")).toString(), QStringLiteral("male"));
        QCOMPARE(a.value(QStringLiteral("imagesOnly")).toBool(), true);
        QCOMPARE(a.value(QStringLiteral("counts")).toObject().value(QStringLiteral("imaging")).toInt(), 2);
        const QJsonObject b = patients.at(1).toObject();
        QCOMPARE(b.value(QStringLiteral("id")).toString(), QStringLiteral("B-2"));
        QCOMPARE(b.value(QStringLiteral("gender")).toString(), QStringLiteral("female"));
        QCOMPARE(summary.value(QStringLiteral("dicom")).toArray().size(), 4);
    }

    // `--open X.dcm --screenshot` without --view images: the picture shows the image, not "Loading…".
    void screenshotWaitsForTheImage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        DicomFixture f;
        f.fill = 1000; // white in the file's window (C 500, W 1000); the view's background is black
        // Large and deflated: decoding takes longer than the layouts need to settle.
        f.rows = 2048;
        f.columns = 2048;
        f.deflate = true;
        const QString file = dir.filePath(QStringLiteral("white.dcm"));
        QVERIFY(f.write(file));
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        QProcess p;
        p.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--open"), file, QStringLiteral("--screenshot"), png});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QImage shot(png);
        QVERIFY(!shot.isNull());
        // The image pane is the right part of the window: a large white area there is the image.
        int white = 0;
        int total = 0;
        for (int y = 0; y < shot.height(); y += 2)
            for (int x = shot.width() * 2 / 3; x < shot.width(); x += 2) {
                ++total;
                if (qGray(shot.pixel(x, y)) >= 250)
                    ++white;
            }
        QVERIFY2(white > total / 5, qPrintable(QStringLiteral("%1 of %2 sampled pixels white").arg(white).arg(total)));
    }

    void folderOfFilesWithoutPreamble()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        DicomFixture f;
        f.preamble = false;
        QVERIFY(f.write(dir.filePath(QStringLiteral("IM1"))));
        f.instanceNumber = 2;
        QVERIFY(f.write(dir.filePath(QStringLiteral("IM2"))));
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, {dir.path()}));
        // Opened as images, not rejected as "not valid JSON" nor as "no FHIR JSON files".
        QVERIFY2(window.records()->localRecords().errors.isEmpty(), qPrintable(window.records()->localRecords().errors.join(u'\n')));
        QVERIFY2(window.records()->localRecords().warnings.isEmpty(), qPrintable(window.records()->localRecords().warnings.join(u'\n')));
        QVERIFY(window.imagingPanel()->isShowingImages());
        QCOMPARE(window.imagingPanel()->openedSeries().size(), 1);
        QCOMPARE(window.imagingPanel()->openedSeries().first().slices.size(), 2);
        QVERIFY(window.imagingPanel()->viewer()->imageView()->isCurrentSliceReady());
    }
};

KAKEHASHI_TEST_MAIN(TestDicomFolders)
#include "tst_dicomfolders.moc"
