#include "record/narrativesanitizer.h"

#include <QTest>

#include "../testsupport.h"

using namespace Kakehashi;

class TestNarrativeSanitizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sanitize_data();
    void sanitize();
    void deepNesting();
    void hugeNarrative();
    void malformedIsPlainText();
};

static QString div(const QString &inner)
{
    return QStringLiteral("<div xmlns=\"http://www.w3.org/1999/xhtml\">") + inner + QStringLiteral("</div>");
}

void TestNarrativeSanitizer::sanitize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("removedElements");
    QTest::addColumn<int>("removedAttributes");

    QTest::newRow("plain paragraph") << div(QStringLiteral("<p>高血圧症</p>")) << QStringLiteral("<div><p>高血圧症</p></div>") << 0 << 0;
    QTest::newRow("table kept") << div(QStringLiteral("<table border=\"1\"><tr><td colspan=\"2\">a</td></tr></table>"))
                                << QStringLiteral("<div><table border=\"1\"><tr><td colspan=\"2\">a</td></tr></table></div>") << 0 << 0;
    QTest::newRow("script dropped with content") << div(QStringLiteral("<p>a</p><script>document.title='x'</script>"))
                                                 << QStringLiteral("<div><p>a</p></div>") << 1 << 0;
    QTest::newRow("event handler") << div(QStringLiteral("<p onclick=\"alert(1)\" class=\"c\">a</p>"))
                                   << QStringLiteral("<div><p class=\"c\">a</p></div>") << 0 << 1;
    QTest::newRow("onerror image with remote src") << div(QStringLiteral("<img src=\"https://x.invalid/a.png\" onerror=\"alert(1)\" alt=\"a\"/>"))
                                                   << QStringLiteral("<div><img alt=\"a\"></div>") << 0 << 2;
    QTest::newRow("data image kept") << div(QStringLiteral("<img src=\"data:image/png;base64,iVBORw0KGgo=\"/>"))
                                     << QStringLiteral("<div><img src=\"data:image/png;base64,iVBORw0KGgo=\"></div>") << 0 << 0;
    QTest::newRow("svg data image refused") << div(QStringLiteral("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\"/>"))
                                            << QStringLiteral("<div><img></div>") << 0 << 1;
    QTest::newRow("javascript link") << div(QStringLiteral("<a href=\"javascript:alert(1)\">x</a>"))
                                     << QStringLiteral("<div><a>x</a></div>") << 0 << 1;
    QTest::newRow("fragment link kept") << div(QStringLiteral("<a href=\"#s1\">x</a>")) << QStringLiteral("<div><a href=\"#s1\">x</a></div>") << 0 << 0;
    // Unicode spaces the checks trim but a browser keeps: written trimmed, as checked (never a relative URL).
    QTest::newRow("fragment link behind U+0085") << div(QStringLiteral("<a href=\"\u0085#s1\">x</a>"))
                                                 << QStringLiteral("<div><a href=\"#s1\">x</a></div>") << 0 << 0;
    QTest::newRow("data image between U+00A0") << div(QStringLiteral("<img src=\"\u00a0data:image/png;base64,iVBORw0KGgo=\u00a0\"/>"))
                                               << QStringLiteral("<div><img src=\"data:image/png;base64,iVBORw0KGgo=\"></div>") << 0 << 0;
    QTest::newRow("external link shown, not linked") << div(QStringLiteral("<a href=\"https://e.invalid/p?q=1\">info</a>"))
                                                     << QStringLiteral("<div><a>info</a> <span class=\"external-link\">(https://e.invalid/p?q=1)</span></div>") << 0 << 1;
    QTest::newRow("iframe object embed form") << div(QStringLiteral("<iframe src=\"https://f.invalid\"></iframe><object data=\"x\">t</object><embed src=\"y\"/><form><input/></form>b"))
                                              << QStringLiteral("<div>b</div>") << 4 << 0;
    QTest::newRow("meta refresh, link, style, base") << div(QStringLiteral("<meta http-equiv=\"refresh\" content=\"0;url=https://r.invalid\"/><link rel=\"stylesheet\" href=\"https://c.invalid/s.css\"/><style>p{}</style><base href=\"https://b.invalid/\"/>c"))
                                                     << QStringLiteral("<div>c</div>") << 4 << 0;
    QTest::newRow("css url refused") << div(QStringLiteral("<p style=\"background:url(http://c.invalid/x.png)\">a</p>"))
                                     << QStringLiteral("<div><p>a</p></div>") << 0 << 1;
    QTest::newRow("css import and position refused") << div(QStringLiteral("<p style=\"@import 'x'\">a</p><p style=\"position:fixed;top:0\">b</p>"))
                                                     << QStringLiteral("<div><p>a</p><p>b</p></div>") << 0 << 2;
    QTest::newRow("plain style kept") << div(QStringLiteral("<span style=\"color: red; font-weight: bold\">a</span>"))
                                      << QStringLiteral("<div><span style=\"color: red; font-weight: bold\">a</span></div>") << 0 << 0;
    QTest::newRow("unknown element unwrapped") << div(QStringLiteral("<marquee>x</marquee>")) << QStringLiteral("<div>x</div>") << 0 << 0;
    QTest::newRow("text escaped") << div(QStringLiteral("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 1 &lt; 2</p>"))
                                  << QStringLiteral("<div><p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 1 &lt; 2</p></div>") << 0 << 0;
    QTest::newRow("attribute value escaped") << div(QStringLiteral("<p title=\"a&quot;&gt;&lt;script&gt;\">x</p>"))
                                             << QStringLiteral("<div><p title=\"a&quot;&gt;&lt;script&gt;\">x</p></div>") << 0 << 0;
    QTest::newRow("nbsp entity") << div(QStringLiteral("<p>a&nbsp;b</p>")) << QStringLiteral("<div><p>a\u00a0b</p></div>") << 0 << 0;
    QTest::newRow("foreign namespace dropped") << div(QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x</script></svg>ok"))
                                               << QStringLiteral("<div>ok</div>") << 1 << 0;
    QTest::newRow("xml:lang becomes lang") << div(QStringLiteral("<p xml:lang=\"ja\">a</p>")) << QStringLiteral("<div><p lang=\"ja\">a</p></div>") << 0 << 0;
    QTest::newRow("void elements") << div(QStringLiteral("a<br/>b<hr/>")) << QStringLiteral("<div>a<br>b<hr></div>") << 0 << 0;
}

void TestNarrativeSanitizer::sanitize()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(int, removedElements);
    QFETCH(int, removedAttributes);
    const NarrativeSanitizer::Result r = NarrativeSanitizer::sanitize(input);
    QCOMPARE(r.html, expected);
    QCOMPARE(r.removedElements, removedElements);
    QCOMPARE(r.removedAttributes, removedAttributes);
    QVERIFY(!r.malformed);
    QVERIFY(!r.truncated);
}

void TestNarrativeSanitizer::deepNesting()
{
    const int depth = 5000;
    QString input;
    for (int i = 0; i < depth; ++i)
        input += QStringLiteral("<div>");
    input += QStringLiteral("DEEP");
    for (int i = 0; i < depth; ++i)
        input += QStringLiteral("</div>");
    const NarrativeSanitizer::Result r = NarrativeSanitizer::sanitize(input);
    QVERIFY(!r.malformed);
    QVERIFY(r.html.contains(QStringLiteral("DEEP")));
    QCOMPARE(r.html.count(QStringLiteral("<div>")), NarrativeSanitizer::kMaxDepth);
    QCOMPARE(r.html.count(QStringLiteral("</div>")), NarrativeSanitizer::kMaxDepth);
    QCOMPARE(r.unwrappedElements, depth - NarrativeSanitizer::kMaxDepth);
}

void TestNarrativeSanitizer::hugeNarrative()
{
    QString input = QStringLiteral("<div>");
    for (int i = 0; i < 200000; ++i)
        input += QStringLiteral("<p>行</p>");
    input += QStringLiteral("</div>");
    const NarrativeSanitizer::Result r = NarrativeSanitizer::sanitize(input);
    QVERIFY(r.truncated);
    QVERIFY(r.html.size() <= NarrativeSanitizer::kMaxInputChars + 64);
    QVERIFY(r.html.endsWith(QStringLiteral("</div>")));
    QCOMPARE(r.html.count(QStringLiteral("<p>")), r.html.count(QStringLiteral("</p>")));
}

void TestNarrativeSanitizer::malformedIsPlainText()
{
    const NarrativeSanitizer::Result r = NarrativeSanitizer::sanitize(
        QStringLiteral("<div><p>unclosed <b>bold<script>alert(1)</script><img src=x onerror=alert(1)></div>"));
    QVERIFY(r.malformed);
    QVERIFY(!r.html.contains(QStringLiteral("<script")));
    QVERIFY(!r.html.contains(QStringLiteral("<img")));
    QVERIFY(!r.html.contains(QStringLiteral("alert")));
    QVERIFY(r.html.contains(QStringLiteral("unclosed")));
    QVERIFY(r.html.startsWith(QStringLiteral("<p class=\"plain\">")));
}

KAKEHASHI_TEST_MAIN(TestNarrativeSanitizer)
#include "tst_narrativesanitizer.moc"
