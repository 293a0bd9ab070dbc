#include "../documentsamples.h"
#include "record/clinicaldocument.h"
#include "viewer/imageview/dicomimageview.h"
#include "viewer/imageview/dicomviewerwidget.h"
#include "viewer/document/documentsummary.h"
#include "viewer/document/documentview.h"
#include "viewer/document/pdfdocumentpane.h"
#include "viewer/imaging/imagingpanel.h"
#include "record/localrecordsource.h"
#include "app/mainwindow.h"
#include "viewer/document/documentdock.h"
#include "viewer/patientview.h"

#include <QApplication>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <QTemporaryDir>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <unistd.h>

using namespace Kakehashi;

namespace {

QString dataFile()
{
    return QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/documents/record-referral-dicom.json");
}

const QString Referral = QStringLiteral("DocumentReference/ref-dicom");

// A DICOM Encapsulated PDF (PS3.3 A.45.1) as a PACS or a CD from another hospital carries a scanned
// letter: odd-length content, padded, with the real length in (0042,0015).
bool writeEncapsulatedPdf(const QString &path, const QByteArray &pdf, const char *sopClass = UID_EncapsulatedPDFStorage)
{
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    ds->putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    ds->putAndInsertString(DCM_SOPClassUID, sopClass);
    ds->putAndInsertString(DCM_SOPInstanceUID, "1.2.826.0.1.3680043.9.7433.31.1.3");
    ds->putAndInsertString(DCM_StudyInstanceUID, "1.2.826.0.1.3680043.9.7433.31.1.1");
    ds->putAndInsertString(DCM_SeriesInstanceUID, "1.2.826.0.1.3680043.9.7433.31.1.2");
    ds->putAndInsertString(DCM_Modality, "DOC");
    ds->putAndInsertString(DCM_PatientName, "文書^試験");
    ds->putAndInsertString(DCM_PatientID, "ENC-001");
    ds->putAndInsertString(DCM_StudyDate, "20250320");
    ds->putAndInsertString(DCM_InstitutionName, "港南中央病院");
    ds->putAndInsertString(DCM_DocumentTitle, "診療情報提供書（スキャン）");
    ds->putAndInsertString(DCM_MIMETypeOfEncapsulatedDocument, "application/pdf");
    QByteArray padded = pdf;
    if (padded.size() % 2)
        padded.append('\0');
    ds->putAndInsertUint8Array(DCM_EncapsulatedDocument, reinterpret_cast<const Uint8 *>(padded.constData()), padded.size());
    ds->putAndInsertUint32(DCM_EncapsulatedDocumentLength, Uint32(pdf.size()));
    return file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good();
}

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

    // An Encapsulated PDF among the DICOM opened is a row of its study; selecting it shows the PDF
    // in the document view, from memory, with the letter's own pages.
    void encapsulatedPdfOpensInTheDocumentView()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray pdf = DocumentSamples::referralLetterPdf();
        if (pdf.size() % 2 == 0)
            pdf.append('\n'); // odd: the file pads it, the length element says where it ends
        QVERIFY(writeEncapsulatedPdf(dir.filePath(QStringLiteral("letter.dcm")), pdf));

        MainWindow window;
        window.resize(1366, 768);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openPaths({dir.path()});
        QVERIFY(loaded.wait(30000));
        DicomViewerWidget *viewer = window.imagingPanel()->viewer();
        QVERIFY(QTest::qWaitFor([viewer] { return viewer->presentationObjects().documents.size() == 1; }, 30000));
        const Dicom::EncapsulatedDocument &doc = viewer->presentationObjects().documents.first();
        QCOMPARE(doc.content, pdf); // the padding byte is not part of it
        QCOMPARE(doc.mimeType, QStringLiteral("application/pdf"));
        QVERIFY2(viewer->browserText().contains(QStringLiteral("診療情報提供書（スキャン）")), qPrintable(viewer->browserText()));

        viewer->openDocumentAt(0);
        DocumentView *view = window.documentView();
        QVERIFY(window.documentDock()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(view->pdfPane() && view->pdfPane()->pageCount() == 3, 30000);
        QVERIFY2(view->pdfPane()->pageText(0).contains(QStringLiteral("港南中央病院")), qPrintable(view->pdfPane()->pageText(0)));
        QVERIFY2(view->caption().contains(QStringLiteral("港南中央病院")), qPrintable(view->caption()));
    }

    // Encapsulated CDA whose bytes are a PDF: recognised by its bytes, never shown as what it claims.
    void encapsulatedDocumentIsRecognisedByItsBytes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(writeEncapsulatedPdf(dir.filePath(QStringLiteral("cda.dcm")), QByteArray("<not a CDA and not a PDF>"), UID_EncapsulatedCDAStorage));
        Dicom::DicomSliceRef ref;
        ref.path = dir.filePath(QStringLiteral("cda.dcm"));
        const Dicom::DicomPresentationObjects objects = Dicom::DicomPresentationReader::read({ref});
        QCOMPARE(objects.documents.size(), 1);
        MainWindow window;
        window.show();
        window.showEncapsulatedDocument(objects.documents.first());
        DocumentView *view = window.documentView();
        QVERIFY(QTest::qWaitFor([view] { return view->isSettled(); }, 30000));
        QVERIFY(!view->pdfPane() || view->pdfPane()->pageCount() == 0 || !view->pdfPane()->isVisible());
        QVERIFY2(!view->renderedHtml().contains(QStringLiteral("<not a CDA")), qPrintable(view->renderedHtml()));
        // It says so, naming the document.
        QVERIFY2(view->renderedHtml().contains(QStringLiteral("診療情報提供書（スキャン）")), qPrintable(view->renderedHtml()));
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
