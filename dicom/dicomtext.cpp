#include "dicomtext.h"

#include <iconv.h>

namespace Kakehashi::Dicom {

namespace {

enum class CodeSet { Ascii, JisRoman, JisKatakana, Jis0208, Jis0212, Latin1, Utf8 };

bool isSupported(const QString &term)
{
    static const QStringList known = {
        QString(), QStringLiteral("ISO_IR 6"), QStringLiteral("ISO_IR 100"), QStringLiteral("ISO_IR 13"),
        QStringLiteral("ISO_IR 192"), QStringLiteral("ISO 2022 IR 6"), QStringLiteral("ISO 2022 IR 13"),
        QStringLiteral("ISO 2022 IR 87"), QStringLiteral("ISO 2022 IR 159"), QStringLiteral("ISO 2022 IR 100")};
    return known.contains(term.trimmed());
}

// JIS X 0208/0212 go through glibc's EUC-JP converter (the same code points with the high bit set).
QString eucJpToUnicode(const QByteArray &euc)
{
    iconv_t cd = iconv_open("UTF-8", "EUC-JP");
    if (cd == iconv_t(-1))
        return QString(euc.size() / 2, QChar::ReplacementCharacter);
    QByteArray in = euc;
    QByteArray out(in.size() * 2 + 8, Qt::Uninitialized);
    char *inPtr = in.data();
    size_t inLeft = size_t(in.size());
    char *outPtr = out.data();
    size_t outLeft = size_t(out.size());
    QString result;
    while (inLeft > 0) {
        if (iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == size_t(-1)) {
            // Skip an invalid character (two bytes) and keep going.
            result += QString::fromUtf8(out.constData(), outPtr - out.constData());
            result += QChar::ReplacementCharacter;
            outPtr = out.data();
            outLeft = size_t(out.size());
            const size_t skip = std::min<size_t>(2, inLeft);
            inPtr += skip;
            inLeft -= skip;
        }
    }
    result += QString::fromUtf8(out.constData(), outPtr - out.constData());
    iconv_close(cd);
    return result;
}

} // namespace

bool DicomText::canDecode(const QStringList &charsets)
{
    for (const QString &c : charsets) {
        if (!isSupported(c))
            return false;
    }
    return true;
}

QString DicomText::decode(const QByteArray &raw, const QStringList &charsets)
{
    const QString first = charsets.isEmpty() ? QString() : charsets.first().trimmed();
    if (first == u"ISO_IR 192")
        return QString::fromUtf8(raw);
    if (first == u"ISO_IR 100" || first == u"ISO 2022 IR 100")
        return QString::fromLatin1(raw);

    // Initial state: G0 from the first value (JIS X 0201 Roman for IR 13, else ASCII); G1 holds
    // half-width katakana when IR 13 is the first value.
    const bool ir13 = first == u"ISO_IR 13" || first == u"ISO 2022 IR 13";
    const CodeSet initialG0 = ir13 ? CodeSet::JisRoman : CodeSet::Ascii;
    CodeSet g0 = initialG0;
    bool g1Katakana = ir13;

    QString out;
    out.reserve(raw.size());
    QByteArray multi; // pending JIS X 0208/0212 bytes, EUC-JP encoded
    auto flush = [&] {
        if (!multi.isEmpty()) {
            out += eucJpToUnicode(multi);
            multi.clear();
        }
    };
    const int n = int(raw.size());
    for (int i = 0; i < n;) {
        const uchar c = uchar(raw[i]);
        if (c == 0x1b) {
            flush();
            const QByteArray esc = raw.mid(i + 1, 3);
            if (esc.startsWith("(B")) { g0 = CodeSet::Ascii; i += 3; }
            else if (esc.startsWith("(J")) { g0 = CodeSet::JisRoman; i += 3; }
            else if (esc.startsWith(")I")) { g1Katakana = true; i += 3; }
            else if (esc.startsWith("$B") || esc.startsWith("$@")) { g0 = CodeSet::Jis0208; i += 3; }
            else if (esc.startsWith("$(D")) { g0 = CodeSet::Jis0212; i += 4; }
            else if (esc.startsWith("-A")) { i += 3; } // Latin-1 in G1: bytes ≥ 0xA0 handled below
            else { out += QChar::ReplacementCharacter; i += 1; }
            continue;
        }
        // Delimiters return to the initial code sets (PS3.5 6.1.2.5.3).
        if (c == '^' || c == '=' || c == '\\' || c == '\r' || c == '\n' || c == '\t' || c == '\f') {
            if (g0 == CodeSet::Jis0208 || g0 == CodeSet::Jis0212) {
                // Inside a two-byte set these bytes are part of a character.
            } else {
                flush();
                out += QChar(char16_t(c));
                g0 = initialG0;
                ++i;
                continue;
            }
        }
        if (c >= 0x80) {
            flush();
            if (g1Katakana && c >= 0xa1 && c <= 0xdf)
                out += QChar(char16_t(0xff61 + (c - 0xa1)));
            else
                out += QChar(char16_t(c)); // Latin-1 (ISO_IR 100 in G1)
            ++i;
            continue;
        }
        switch (g0) {
        case CodeSet::Jis0208:
            if (i + 1 < n) {
                multi.append(char(c | 0x80)).append(char(uchar(raw[i + 1]) | 0x80));
                i += 2;
            } else {
                ++i;
            }
            break;
        case CodeSet::Jis0212:
            if (i + 1 < n) {
                multi.append(char(0x8f)).append(char(c | 0x80)).append(char(uchar(raw[i + 1]) | 0x80));
                i += 2;
            } else {
                ++i;
            }
            break;
        case CodeSet::JisRoman:
            out += c == 0x5c ? QChar(0x00a5) : c == 0x7e ? QChar(0x203e) : QChar(char16_t(c));
            ++i;
            break;
        default:
            out += QChar(char16_t(c));
            ++i;
            break;
        }
    }
    flush();
    return out;
}

} // namespace Kakehashi::Dicom
