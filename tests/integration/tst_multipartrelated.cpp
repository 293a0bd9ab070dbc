// The WADO-RS multipart/related parser: boundaries, line ends, padding, bodies that contain
// the boundary text, and every possible split of the stream into reads.
#include "dicom/retrieve/multipartrelated.h"

#include "../testsupport.h"

using Kakehashi::Dicom::MultipartRelatedParser;

class TestMultipartRelated : public QObject
{
    Q_OBJECT

private slots:
    void boundaryFromContentType_data();
    void boundaryFromContentType();
    void parse_data();
    void parse();
    void everySplitGivesTheSameParts();
    void truncatedBodyIsAnError();
};

void TestMultipartRelated::boundaryFromContentType_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("boundary");
    QTest::newRow("plain") << QByteArray("multipart/related; type=\"application/dicom\"; boundary=abc123") << QByteArray("abc123");
    QTest::newRow("quoted") << QByteArray("multipart/related;boundary=\"a b:c\";type=\"application/dicom\"") << QByteArray("a b:c");
    QTest::newRow("upper-case name") << QByteArray("multipart/related; BOUNDARY=xyz") << QByteArray("xyz");
    QTest::newRow("none") << QByteArray("application/dicom") << QByteArray();
}

void TestMultipartRelated::boundaryFromContentType()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, boundary);
    QCOMPARE(MultipartRelatedParser::boundaryFromContentType(contentType), boundary);
}

void TestMultipartRelated::parse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QList<QByteArray>>("parts");
    QTest::addColumn<QByteArray>("firstType");
    const QByteArray bin("\x00\x01\r\n--BOUNDARYx\r\n\xff", 17); // contains the boundary text mid-line
    QTest::newRow("crlf two parts")
        << QByteArray("--B\r\nContent-Type: application/dicom\r\n\r\nfirst\r\n--B\r\nContent-Type: application/dicom\r\n\r\nsecond\r\n--B--\r\n")
        << QList<QByteArray>{"first", "second"} << QByteArray("application/dicom");
    QTest::newRow("bare lf") << QByteArray("--B\nContent-Type: application/dicom\n\nfirst\n--B\n\nsecond\n--B--")
                             << QList<QByteArray>{"first", "second"} << QByteArray("application/dicom");
    QTest::newRow("preamble, padding, epilogue")
        << QByteArray("ignored preamble\r\n--B  \r\nContent-Type: application/dicom\r\n\r\nx\r\n--B--\r\nepilogue --B\r\n")
        << QList<QByteArray>{"x"} << QByteArray("application/dicom");
    QTest::newRow("empty body") << QByteArray("--B\r\nContent-Type: application/dicom\r\n\r\n\r\n--B--")
                                << QList<QByteArray>{QByteArray()} << QByteArray("application/dicom");
    // Found by fuzz_multipart: the blank line after the headers is also the delimiter's line break.
    // The part is empty; it must not swallow the rest of the stream.
    QTest::newRow("empty body, delimiter right after the blank line")
        << QByteArray("--B\r\nContent-Type: application/dicom\r\n\r\n--B\r\nContent-Type: application/dicom\r\n\r\nsecond\r\n--B--")
        << QList<QByteArray>{QByteArray(), "second"} << QByteArray("application/dicom");
    QTest::newRow("empty body, bare lf") << QByteArray("--B\nContent-Type: application/dicom\n\n--B\n\nsecond\n--B--")
                                         << QList<QByteArray>{QByteArray(), "second"} << QByteArray("application/dicom");
    QTest::newRow("binary with boundary text inside")
        << (QByteArray("--BOUNDARY\r\ncontent-type: application/dicom\r\n\r\n") + bin + QByteArray("\r\n--BOUNDARY--"))
        << QList<QByteArray>{bin} << QByteArray("application/dicom");
}

void TestMultipartRelated::parse()
{
    QFETCH(QByteArray, body);
    QFETCH(QList<QByteArray>, parts);
    QFETCH(QByteArray, firstType);
    const QByteArray boundary = body.contains("--BOUNDARY") ? QByteArray("BOUNDARY") : QByteArray("B");
    MultipartRelatedParser parser(boundary);
    QVERIFY(parser.feed(body));
    QVERIFY2(parser.finish(), qPrintable(parser.errorString()));
    const QList<MultipartRelatedParser::Part> got = parser.takeParts();
    QCOMPARE(got.size(), parts.size());
    for (qsizetype i = 0; i < got.size(); ++i)
        QCOMPARE(got.at(i).body, parts.at(i));
    QCOMPARE(got.first().header("content-type"), firstType);
}

void TestMultipartRelated::everySplitGivesTheSameParts()
{
    QByteArray payload;
    for (int i = 0; i < 300; ++i)
        payload.append(char(i % 256));
    const QByteArray body = "--kk\r\nContent-Type: application/dicom\r\n\r\n" + payload + "\r\n--kk\r\nContent-Type: application/dicom\r\n\r\n"
                            + payload.left(7) + "\r\n--kk--\r\n";
    for (qsizetype a = 0; a <= body.size(); ++a) {
        MultipartRelatedParser parser("kk");
        QList<MultipartRelatedParser::Part> parts;
        QVERIFY(parser.feed(body.left(a)));
        parts += parser.takeParts();
        // A part comes out only once its closing delimiter has arrived.
        QVERIFY(parts.size() <= 2);
        QVERIFY(parser.feed(body.mid(a)));
        parts += parser.takeParts();
        QVERIFY2(parser.finish(), qPrintable(QStringLiteral("split at %1: %2").arg(a).arg(parser.errorString())));
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0).body, payload);
        QCOMPARE(parts.at(1).body, payload.left(7));
    }
}

void TestMultipartRelated::truncatedBodyIsAnError()
{
    MultipartRelatedParser parser("B");
    QVERIFY(parser.feed("--B\r\nContent-Type: application/dicom\r\n\r\nhalf a file"));
    QVERIFY(parser.takeParts().isEmpty());
    QVERIFY(!parser.finish());
    QVERIFY(!parser.errorString().isEmpty());

    MultipartRelatedParser noHeaderColon("B");
    QVERIFY(!noHeaderColon.feed("--B\r\nnot a header\r\n\r\nx\r\n--B--"));
    QVERIFY(noHeaderColon.hasError());
}

KAKEHASHI_TEST_MAIN(TestMultipartRelated)
#include "tst_multipartrelated.moc"
