#include "clinicaldocument.h"
#include "dicomimageview.h"
#include "dicomviewerwidget.h"
#include "documentsummary.h"
#include "documentview.h"
#include "imagingpanel.h"
#include "localrecordsource.h"
#include "mainwindow.h"
#include "patientview.h"

#include <QApplication>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <unistd.h>

using namespace Kakehashi;

namespace {

QString dataFile()
{
    return QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/documents/record-referral-dicom.json");
}

const QString Referral = QStringLiteral("DocumentReference/ref-dicom");

} // namespace

// A JP-CLINS referral letter whose attachment section (210) carries a DICOM key image: the image
// opens in the image view — pixels and its series label — never as "cannot be shown".
class TestDocumentDicom : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void summaryListsTheKeyImageAsRenderable()
    {
        const RecordSet set = LocalRecordSource::load({dataFile()});
        QVERIFY2(set.errors.isEmpty(), qPrintable(set.errors.join(u'\n')));
        const PatientRecord *record = set.find(u"t-dcm");
        QVERIFY(record);
        const QJsonArray documents = documentSummaryJson(*record);
        QCOMPARE(documents.size(), 1);
        const QJsonArray attachments = documents.at(0).toObject().value(QStringLiteral("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        const QJsonObject key = attachments.at(0).toObject();
        QCOMPARE(key.value(QStringLiteral("format")).toString(), QStringLiteral("dicom"));
        QCOMPARE(key.value(QStringLiteral("renderable")).toBool(), true);
        QCOMPARE(key.value(QStringLiteral("images")).toInt(), 1);
    }

    void keyImageOpensInTheImageView()
    {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openPaths({dataFile()});
        QVERIFY(loaded.wait(30000));
        QVERIFY(window.showPatient(QStringLiteral("t-dcm")));
        window.openDocument(Referral);
        DocumentView *view = window.documentView();
        QVERIFY(QTest::qWaitFor([view] { return view->isSettled(); }, 60000));
        const QStringList titles = view->attachmentTitles();
        QCOMPARE(titles.size(), 1);
        QVERIFY2(titles.first().contains(QStringLiteral("心電図キー画像")), qPrintable(titles.first()));

        QSignalSpy shown(window.imagingPanel(), &ImagingPanel::imagesShown);
        QVERIFY(view->openAttachment(0));
        QVERIFY(QTest::qWaitFor([view] { return view->isSettled(); }, 60000));
        // The document dock says where the image is, not that it cannot be shown.
        QVERIFY2(view->notice().contains(QStringLiteral("image view")), qPrintable(view->notice()));
        QVERIFY(!view->renderedHtml().contains(QStringLiteral("cannot be shown")));

        QVERIFY(!shown.isEmpty() || shown.wait(30000));
        QCOMPARE(shown.first().first().toBool(), true);
        ImagingPanel *panel = window.imagingPanel();
        QVERIFY(panel->isShowingImages());
        QVERIFY2(panel->viewer()->browserText().contains(QStringLiteral("ECG key image (referral)")), qPrintable(panel->viewer()->browserText()));
        DicomImageView *image = panel->viewer()->imageView();
        QVERIFY(QTest::qWaitFor([image] { return image->isCurrentSliceReady(); }, 30000));
        QCOMPARE(image->series().seriesInstanceUid, QStringLiteral("1.2.826.0.1.3680043.9.7433.21.1.2"));
        // Pixels on screen: the ramp draws several greys.
        const QImage drawn = image->grab().toImage();
        QSet<QRgb> greys;
        for (int y = 0; y < drawn.height(); y += 3)
            for (int x = 0; x < drawn.width(); x += 3)
                greys.insert(drawn.pixel(x, y));
        QVERIFY2(greys.size() > 8, qPrintable(QString::number(greys.size())));
    }
};

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (::geteuid() == 0)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestDocumentDicom tc;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_document_dicom.moc"
