// One click from the record: an imaging study's details offer "Compare with prior" when the patient
// has another study; it opens the study beside its most recent earlier one (the opened DICOM), and
// --view compare does the same from the command line.
#include "../testsupport.h"
#include "../unit/dicom/presentationfixtures.h"

#include "viewer/imageview/dicomcomparisonview.h"
#include "viewer/imageview/dicomviewerwidget.h"
#include "viewer/imaging/imagingpanel.h"
#include "app/mainwindow.h"
#include "viewer/patientview.h"

#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Kakehashi;

class TestComparisonWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void compareFromTheRecord();
    void viewCompareScreenshot();

private:
    QTemporaryDir m_dir;
    const QString m_current = QStringLiteral("1.2.826.0.1.3680043.9.7433.79.1");
    const QString m_older = QStringLiteral("1.2.826.0.1.3680043.9.7433.79.2");
    const QString m_oldest = QStringLiteral("1.2.826.0.1.3680043.9.7433.79.3");
};

void TestComparisonWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // One patient, three CT studies: 2025 (current), 2024 and 2022; fills 200, 600 and 900.
    const QList<std::tuple<QString, QByteArray, int>> studies{{m_current, "20250301", 200}, {m_older, "20240210", 600}, {m_oldest, "20220115", 900}};
    int n = 0;
    for (const auto &[uid, date, fill] : studies) {
        for (int i = 0; i < 3; ++i) {
            PresentationFixtures::Image image;
            image.studyUid = uid.toLatin1();
            image.seriesUid = uid.toLatin1() + ".1";
            image.studyDate = date;
            image.instanceNumber = i + 1;
            image.z = 5.0 * i;
            image.fill = fill;
            QVERIFY(image.write(m_dir.filePath(QStringLiteral("f%1.dcm").arg(n++))));
        }
    }
}

void TestComparisonWindow::compareFromTheRecord()
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openPaths({m_dir.path()});
    QVERIFY(loaded.wait(60000));
    QVERIFY(window.showPatient(QStringLiteral("P-100")));
    const PatientRecord *record = window.records()->localRecords().find(QStringLiteral("P-100"));
    QVERIFY(record);
    QString key;
    for (const ClinicalItem &item : record->items)
        if (item.imagingStudyUid() == m_current)
            key = item.key;
    QVERIFY(!key.isEmpty());
    // The study's details (selected in the timeline or the list) offer the comparison.
    QVERIFY(window.patientView()->selectItem(key));
    const QString html = window.patientView()->detailPane()->toHtml();
    QVERIFY2(html.contains(QStringLiteral("kakehashi-imaging-compare:") + m_current), qPrintable(html));
    // The link's click: the study beside its most recent earlier study (2024, not 2022).
    Q_EMIT window.patientView()->detailPane()->anchorClicked(QUrl(QStringLiteral("kakehashi-imaging-compare:") + m_current));
    DicomViewerWidget *viewer = window.imagingPanel()->viewer();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isComparing(), 20000);
    DicomComparisonView *cmp = viewer->comparisonView();
    QCOMPARE(cmp->view(0)->series().studyInstanceUid, m_current);
    QCOMPARE(cmp->view(1)->series().studyInstanceUid, m_older);
    QVERIFY(cmp->paneLabel(1)->text().contains(QStringLiteral("older study (prior)")));
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isSettled(), 20000);
    // Both panes draw their study: grey of 200 and of 600 under the window 0–1000.
    const QImage left = cmp->view(0)->grab().toImage();
    const QImage right = cmp->view(1)->grab().toImage();
    QVERIFY(qAbs(left.pixelColor(left.width() / 2, left.height() / 2).red() - 51) <= 2);
    QVERIFY(qAbs(right.pixelColor(right.width() / 2, right.height() / 2).red() - 153) <= 2);
    // Opening a study the ordinary way shows it alone.
    Q_EMIT window.patientView()->detailPane()->anchorClicked(QUrl(QStringLiteral("kakehashi-imaging:") + m_oldest));
    QTRY_VERIFY_WITH_TIMEOUT(viewer->imageView()->series().studyInstanceUid == m_oldest, 20000);
    QVERIFY(!viewer->isComparing());
}

void TestComparisonWindow::viewCompareScreenshot()
{
    const QString shot = m_dir.filePath(QStringLiteral("cmp.png"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--open"), m_dir.path(),
                                               QStringLiteral("--view"), QStringLiteral("compare"), QStringLiteral("--screenshot"), shot});
    QVERIFY(p.waitForFinished(90000));
    QCOMPARE(p.exitCode(), 0);
    const QImage image(shot);
    QVERIFY(!image.isNull());
    // Two panes of the same series' grey side by side: at least two columns of pixels with 51 and 153.
    int current = 0;
    int prior = 0;
    for (int x = 0; x < image.width(); x += 4) {
        const int grey = image.pixelColor(x, image.height() / 2).red();
        const QColor c = image.pixelColor(x, image.height() / 2);
        if (c.red() != c.green() || c.green() != c.blue())
            continue;
        current += qAbs(grey - 51) <= 2;
        prior += qAbs(grey - 153) <= 2;
    }
    QVERIFY2(current > 10 && prior > 10, qPrintable(QStringLiteral("%1 %2").arg(current).arg(prior)));
}

KAKEHASHI_TEST_MAIN(TestComparisonWindow)
#include "tst_comparisonwindow.moc"
