// Dicom::DicomFetchedFrames: the header made from WADO-RS metadata and the one-frame objects made
// from fetched frames, with hostile or wrong input refused by name (never a crash or a hang).
#include "../../testsupport.h"

#include "dicom/dicomfetchedframes.h"
#include "dicom/dicomframedecoder.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Kakehashi::Dicom;

namespace {
QJsonObject attr(const char *vr, const QJsonArray &values)
{
    return QJsonObject{{QStringLiteral("vr"), QLatin1String(vr)}, {QStringLiteral("Value"), values}};
}

// An enhanced-CT-like instance: 3 frames of 4 × 2, 16 bits, each frame its own rescale and window.
QJsonObject metadata(int frames = 3)
{
    QJsonObject o;
    o.insert(QStringLiteral("00080016"), attr("UI", {QStringLiteral("1.2.840.10008.5.1.4.1.1.2.1")}));
    o.insert(QStringLiteral("00080018"), attr("UI", {QStringLiteral("1.2.3.4.5.6")}));
    o.insert(QStringLiteral("0020000D"), attr("UI", {QStringLiteral("1.2.3.4")}));
    o.insert(QStringLiteral("0020000E"), attr("UI", {QStringLiteral("1.2.3.4.5")}));
    o.insert(QStringLiteral("00100010"), attr("PN", {QJsonObject{{QStringLiteral("Alphabetic"), QStringLiteral("Yamada^Tarou")},
                                                                  {QStringLiteral("Ideographic"), QStringLiteral("山田^太郎")}}}));
    o.insert(QStringLiteral("00280002"), attr("US", {1}));
    o.insert(QStringLiteral("00280004"), attr("CS", {QStringLiteral("MONOCHROME2")}));
    o.insert(QStringLiteral("00280008"), attr("IS", {frames}));
    o.insert(QStringLiteral("00280010"), attr("US", {2}));
    o.insert(QStringLiteral("00280011"), attr("US", {4}));
    o.insert(QStringLiteral("00280100"), attr("US", {16}));
    o.insert(QStringLiteral("00280101"), attr("US", {16}));
    o.insert(QStringLiteral("00280102"), attr("US", {15}));
    o.insert(QStringLiteral("00280103"), attr("US", {1}));
    o.insert(QStringLiteral("7FE00010"), QJsonObject{{QStringLiteral("vr"), QStringLiteral("OW")},
                                                    {QStringLiteral("BulkDataURI"), QStringLiteral("http://pacs/bulk")}});
    QJsonArray perFrame;
    for (int f = 0; f < frames; ++f) {
        QJsonObject transform{{QStringLiteral("00281052"), attr("DS", {-1000.0 + f})},
                              {QStringLiteral("00281053"), attr("DS", {1.0})},
                              {QStringLiteral("00281054"), attr("LO", {QStringLiteral("HU")})}};
        QJsonObject voi{{QStringLiteral("00281050"), attr("DS", {40.0 + f})}, {QStringLiteral("00281051"), attr("DS", {400.0})}};
        QJsonObject position{{QStringLiteral("00200032"), attr("DS", {0.0, 0.0, 2.5 * f})}};
        perFrame.append(QJsonObject{{QStringLiteral("00289145"), attr("SQ", {transform})},
                                    {QStringLiteral("00289132"), attr("SQ", {voi})},
                                    {QStringLiteral("00209113"), attr("SQ", {position})}});
    }
    o.insert(QStringLiteral("52009230"), attr("SQ", perFrame));
    return o;
}

QByteArray framePixels(int frame)
{
    QByteArray bytes;
    for (int i = 0; i < 8; ++i) {
        const qint16 v = qint16(frame * 100 + i);
        bytes.append(char(v & 0xff)).append(char((v >> 8) & 0xff));
    }
    return bytes;
}
} // namespace

class TestDicomFetchedFrames : public QObject
{
    Q_OBJECT
private slots:
    void headerIsMarkedAndKeepsTheAttributes();
    void frameObjectDecodesAsThatFrame_data();
    void frameObjectDecodesAsThatFrame();
    void badInputIsRefused_data();
    void badInputIsRefused();
    void jpegTemMarkerIsRefusedNotLoopedOn_data();
    void jpegTemMarkerIsRefusedNotLoopedOn();
    void transferSyntaxOfPart_data();
    void transferSyntaxOfPart();
};

void TestDicomFetchedFrames::headerIsMarkedAndKeepsTheAttributes()
{
    QString error;
    const QByteArray header = DicomFetchedFrames::headerFromMetadata(metadata(), &error);
    QVERIFY2(!header.isEmpty(), qPrintable(error));
    const DicomDecodeResult r = DicomFrameDecoder::readInfoBytes(header);
    QVERIFY2(r.ok, qPrintable(r.errorString));
    QVERIFY(r.info.fetchedByFrame);
    QVERIFY(!r.info.hasPixelData); // the bulk data URI was not followed
    QCOMPARE(r.info.numberOfFrames, 3);
    QCOMPARE(r.info.rows, 2);
    QCOMPARE(r.info.columns, 4);
    QCOMPARE(r.info.sopInstanceUid, QStringLiteral("1.2.3.4.5.6"));
    QCOMPARE(r.info.patientName, QStringLiteral("Yamada^Tarou=山田^太郎"));
    QCOMPARE(r.info.frameGroups.size(), 3);
    QCOMPARE(r.info.frameGroups.at(2).position.z(), 5.0f);
    // An ordinary file is never taken for one.
    const DicomDecodeResult plain = DicomFrameDecoder::readInfoBytes(DicomFetchedFrames::frameObject(header, 0, framePixels(0),
                                                                                                      QStringLiteral("1.2.840.10008.1.2.1"), &error));
    QVERIFY2(plain.ok, qPrintable(plain.errorString));
    QVERIFY(!plain.info.fetchedByFrame);
    QVERIFY(plain.info.hasPixelData);
}

void TestDicomFetchedFrames::frameObjectDecodesAsThatFrame_data()
{
    QTest::addColumn<int>("frame");
    QTest::newRow("first") << 0;
    QTest::newRow("middle") << 1;
    QTest::newRow("last") << 2;
}

void TestDicomFetchedFrames::frameObjectDecodesAsThatFrame()
{
    QFETCH(int, frame);
    QString error;
    const QByteArray header = DicomFetchedFrames::headerFromMetadata(metadata(), &error);
    const QByteArray object = DicomFetchedFrames::frameObject(header, frame, framePixels(frame), QStringLiteral("1.2.840.10008.1.2.1"), &error);
    QVERIFY2(!object.isEmpty(), qPrintable(error));
    const DicomDecodeResult r = DicomFrameDecoder::decodeBytes(object, {});
    QVERIFY2(r.ok, qPrintable(r.errorString));
    QCOMPARE(r.frames.size(), 1);
    // That frame's own rescale (intercept -1000 + frame) and window (40 + frame).
    for (int i = 0; i < 8; ++i)
        QCOMPARE(r.frames.first().modalityValue(i % 4, i / 4), double(frame * 100 + i - 1000 + frame));
    QCOMPARE(r.info.windowsForFrame(0).value(0).center, 40.0 + frame);
}

void TestDicomFetchedFrames::badInputIsRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("frame");
    QTest::addColumn<QByteArray>("pixels");
    QTest::addColumn<QString>("transferSyntax");
    QTest::addColumn<QString>("expectedError");
    const QByteArray good = QJsonDocument(metadata()).toJson();
    const QString native = QStringLiteral("1.2.840.10008.1.2.1");
    QJsonObject noRows = metadata();
    noRows.remove(QStringLiteral("00280010"));
    QJsonObject deep{{QStringLiteral("00080016"), attr("UI", {QStringLiteral("1.2")})}};
    for (int i = 0; i < 40; ++i)
        deep = QJsonObject{{QStringLiteral("00400275"), attr("SQ", {deep})}};
    QJsonObject wrongTypes = metadata();
    wrongTypes.insert(QStringLiteral("00280008"), attr("IS", {QJsonObject{}}));
    wrongTypes.insert(QStringLiteral("00100010"), attr("PN", {42}));
    wrongTypes.insert(QStringLiteral("zzzz"), attr("CS", {QStringLiteral("x")}));
    wrongTypes.insert(QStringLiteral("00081140"), attr("SQ", {QStringLiteral("not an item")}));
    QTest::newRow("no rows") << QJsonDocument(noRows).toJson() << 0 << framePixels(0) << native
                             << QStringLiteral("the image's metadata has no rows, columns or SOP Instance UID");
    QTest::newRow("nested 40 deep") << QJsonDocument(deep).toJson() << 0 << framePixels(0) << native
                                    << QStringLiteral("the image's metadata is malformed");
    QTest::newRow("wrong types") << QJsonDocument(wrongTypes).toJson() << 0 << framePixels(0) << native
                                 << QStringLiteral("the image's metadata is malformed");
    QJsonObject billions = metadata();
    billions.insert(QStringLiteral("00280008"), attr("IS", {2000000000}));
    QTest::newRow("two billion frames") << QJsonDocument(billions).toJson() << 0 << framePixels(0) << native
                                        << QStringLiteral("the image's metadata gives 2000000000 frames (at most 100000 are accepted)");
    QTest::newRow("frame beyond the last") << good << 3 << framePixels(0) << native
                                           << QStringLiteral("frame 4 does not exist (the image has 3)");
    QTest::newRow("short frame") << good << 1 << framePixels(1).left(5) << native
                                 << QStringLiteral("frame 2 holds 5 bytes; the image needs 16");
    QTest::newRow("empty frame") << good << 0 << QByteArray() << native << QStringLiteral("frame 1 arrived empty");
    QTest::newRow("unknown syntax") << good << 0 << framePixels(0) << QStringLiteral("1.2.3.999")
                                    << QStringLiteral("the frame came in an unknown transfer syntax (1.2.3.999)");
}

void TestDicomFetchedFrames::badInputIsRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(int, frame);
    QFETCH(QByteArray, pixels);
    QFETCH(QString, transferSyntax);
    QFETCH(QString, expectedError);
    QString error;
    const QByteArray header = DicomFetchedFrames::headerFromMetadata(QJsonDocument::fromJson(json).object(), &error);
    if (header.isEmpty()) {
        QCOMPARE(error, expectedError);
        return;
    }
    const QByteArray object = DicomFetchedFrames::frameObject(header, frame, pixels, transferSyntax, &error);
    QVERIFY(object.isEmpty());
    QCOMPARE(error, expectedError);
}

// DCMTK 3.6.7 walks a JPEG fragment's markers for its bit depth and never steps over TEM (FF01): the
// decoder refuses such a fragment instead of hanging (found by fuzz_dicom_metadata).
void TestDicomFetchedFrames::jpegTemMarkerIsRefusedNotLoopedOn_data()
{
    QTest::addColumn<QByteArray>("fragment");
    QTest::newRow("after SOI") << QByteArray::fromHex("ffd8ff01ffc0000b08000200040101001100");
    QTest::newRow("after a reserved marker and a fill byte") << QByteArray::fromHex("ff73ffff0100313034332200000102030405");
}

void TestDicomFetchedFrames::jpegTemMarkerIsRefusedNotLoopedOn()
{
    QFETCH(QByteArray, fragment);
    QString error;
    const QByteArray header = DicomFetchedFrames::headerFromMetadata(metadata(), &error);
    const QByteArray object = DicomFetchedFrames::frameObject(header, 0, fragment, QStringLiteral("1.2.840.10008.1.2.4.70"), &error);
    QVERIFY2(!object.isEmpty(), qPrintable(error));
    QElapsedTimer timer;
    timer.start();
    const DicomDecodeResult r = DicomFrameDecoder::decodeBytes(object, {});
    QVERIFY(!r.ok);
    QVERIFY2(r.errorString.contains(QStringLiteral("TEM marker")), qPrintable(r.errorString));
    QVERIFY(timer.elapsed() < 5000);
}

void TestDicomFetchedFrames::transferSyntaxOfPart_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("expected");
    QTest::newRow("orthanc native") << QByteArray("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1")
                                    << QStringLiteral("1.2.840.10008.1.2.1");
    QTest::newRow("orthanc jpeg lossless") << QByteArray("image/jpeg; transfer-syntax=1.2.840.10008.1.2.4.70")
                                           << QStringLiteral("1.2.840.10008.1.2.4.70");
    QTest::newRow("quoted") << QByteArray("image/jls; transfer-syntax=\"1.2.840.10008.1.2.4.80\"") << QStringLiteral("1.2.840.10008.1.2.4.80");
    QTest::newRow("octet-stream default") << QByteArray("application/octet-stream") << QStringLiteral("1.2.840.10008.1.2.1");
    QTest::newRow("jpeg default") << QByteArray("image/jpeg") << QStringLiteral("1.2.840.10008.1.2.4.50");
    QTest::newRow("wildcard is not a syntax") << QByteArray("image/jp2; transfer-syntax=*") << QStringLiteral("1.2.840.10008.1.2.4.90");
    QTest::newRow("video") << QByteArray("video/mp4") << QString();
}

void TestDicomFetchedFrames::transferSyntaxOfPart()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QString, expected);
    QCOMPARE(DicomFetchedFrames::transferSyntaxOfPart(contentType), expected);
}

KAKEHASHI_TEST_MAIN(TestDicomFetchedFrames)
#include "tst_dicomfetchedframes.moc"
