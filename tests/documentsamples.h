#pragma once

// Small, public, fictional document samples for the document tests (and the committed files
// under tests/data/documents/, written by make_document_samples): PDFs with Japanese text drawn
// by QPdfWriter with the IPA Gothic font, and hand-made hostile PDFs.

#include <QBuffer>
#include <QByteArray>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QStringList>

namespace DocumentSamples {

// One page per string; each line of a page is drawn as a line of text.
inline QByteArray japanesePdf(const QStringList &pages, const QString &title = QStringLiteral("診療情報提供書"))
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Kakehashi test samples"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(144);
    QPainter painter(&writer);
    QFont font(QStringLiteral("IPAGothic"));
    font.setPointSize(12);
    painter.setFont(font);
    for (qsizetype p = 0; p < pages.size(); ++p) {
        if (p > 0)
            writer.newPage();
        int y = 80;
        for (const QString &line : pages.at(p).split(u'\n')) {
            painter.drawText(80, y, line);
            y += 36;
        }
    }
    painter.end();
    return bytes;
}

// The three-page referral letter used by tests and screenshots.
inline QByteArray referralLetterPdf()
{
    return japanesePdf({
        QStringLiteral("診療情報提供書\n\n紹介先: 港南中央病院 循環器内科 御侍史\n紹介元: さくら内科クリニック 桜井 一郎\n\n患者: 文書 試験 様 (1960年3月3日生 男性)\n\n"
                       "傷病名: 高血圧症、2型糖尿病\n紹介目的: 心エコー検査と精査加療のお願い"),
        QStringLiteral("既往歴および家族歴\n\n2015年 高血圧症を指摘、アムロジピン5mg内服中\n2019年 2型糖尿病、HbA1c 7.2%\n父: 心筋梗塞"),
        QStringLiteral("検査結果\n\n2025年3月 HbA1c 7.0%、LDLコレステロール 142 mg/dL\n心電図: 左室肥大の疑い\n\n以上、よろしくお願い申し上げます。"),
    });
}

// The demo's PDF attachment (tools/demo/documents/p001-reply-letter.pdf): the university
// hospital's reply to 山田 太郎's referral, as a letter scanned or printed to PDF would arrive.
inline QByteArray demoReplyLetterPdf()
{
    return japanesePdf({
        QStringLiteral("診療情報提供書（返書）\n\n宛先: さくら内科クリニック 清水 智子 先生 御侍史\n差出: 東都大学病院 循環器内科 小林 誠\n\n"
                       "患者: 山田 太郎 様（1958年4月12日生 男性）\n\n2025年5月20日付でご紹介いただきました上記の患者様について\nご報告申し上げます。\n\n"
                       "診断: 本態性高血圧症（二次性高血圧は否定的）\n心エコー: 軽度の左室肥大、壁運動異常なし"),
        QStringLiteral("今後の方針\n\n当科にてアムロジピン 10 mg を処方いたしました。\n貴院でも同じ薬剤を処方されている場合は重複となりますので、\n"
                       "どちらか一方での処方となるようご調整をお願いいたします。\n\n今後は8週ごとに当科で経過を拝見いたします。\n\n2025年6月24日"),
    }, QStringLiteral("診療情報提供書（返書）"));
}

// A PDF with a standard-security /Encrypt dictionary whose user password is not empty: readers
// must ask for a password.
inline QByteArray encryptedPdf()
{
    QByteArray body = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    const auto obj = [&](const QByteArray &text) {
        offsets << body.size();
        body += QByteArray::number(offsets.size()) + " 0 obj\n" + text + "\nendobj\n";
    };
    obj("<< /Type /Catalog /Pages 2 0 R >>");
    obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
    obj("<< /Filter /Standard /V 1 /R 2 /O <" + QByteArray(64, 'a') + "> /U <" + QByteArray(64, 'b') + "> /P -44 >>");
    const qsizetype xref = body.size();
    body += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        body += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    body += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R /Encrypt 4 0 R /ID [<" + QByteArray(32, '1') + "> <"
            + QByteArray(32, '1') + ">] >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return body;
}

// A valid one-page PDF of about |size| bytes: its page content stream is padded with comments.
inline QByteArray largePdf(qsizetype size)
{
    QByteArray content = "BT /F1 24 Tf 72 720 Td (LARGE-PDF-MARKER) Tj ET\n";
    const QByteArray padLine = "% " + QByteArray(76, 'x') + "\n";
    content.reserve(size);
    while (content.size() < size)
        content += padLine;
    QByteArray body = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    const auto obj = [&](const QByteArray &text) {
        offsets << body.size();
        body += QByteArray::number(offsets.size()) + " 0 obj\n" + text + "\nendobj\n";
    };
    obj("<< /Type /Catalog /Pages 2 0 R >>");
    obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
    obj("<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream");
    obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    const qsizetype xref = body.size();
    body += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        body += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    body += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return body;
}

// A PDF whose page carries a link annotation to a remote URL and an OpenAction with JavaScript:
// neither may do anything.
inline QByteArray activePdf(quint16 port)
{
    const QByteArray base = "http://127.0.0.1:" + QByteArray::number(port);
    QByteArray body = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    const auto obj = [&](const QByteArray &text) {
        offsets << body.size();
        body += QByteArray::number(offsets.size()) + " 0 obj\n" + text + "\nendobj\n";
    };
    const QByteArray content = "BT /F1 24 Tf 72 720 Td (CLICK-HERE) Tj ET";
    obj("<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>");
    obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R] >>");
    obj("<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream");
    obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    obj("<< /S /JavaScript /JS (app.launchURL\\('" + base + "/pdf-js'\\);) >>");
    obj("<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /A << /S /URI /URI (" + base + "/pdf-link) >> >>");
    const qsizetype xref = body.size();
    body += "xref\n0 " + QByteArray::number(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        body += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    body += "trailer\n<< /Size " + QByteArray::number(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return body;
}

} // namespace DocumentSamples
