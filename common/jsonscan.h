#pragma once

#include <QByteArrayView>

#include <optional>

namespace Kakehashi::JsonScan {

// A forward reader over JSON text, for finding where a value lies without building a document (the
// record cache keeps resources as sent, store/bundlespans.h; the FHIR client finds a page's next link
// before parsing it). It checks what it relies on, so text it was not meant for makes its calls return
// false, never a read out of bounds; it does not check everything a parser does (numbers, literals,
// escapes), so whatever it finds in text no parser has accepted must still be parsed.
class Scanner
{
public:
    Scanner(const char *begin, const char *end)
        : m_begin(begin), m_p(begin), m_end(end)
    {
    }

    bool atEnd() const { return m_p >= m_end; }
    qsizetype offset() const { return m_p - m_begin; }
    char peek() const { return m_p < m_end ? *m_p : '\0'; }

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool take(char c)
    {
        skipSpace();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    // A string at the cursor: its raw content (between the quotes), and whether it has escapes.
    bool string(QByteArrayView *content, bool *escaped)
    {
        skipSpace();
        if (m_p >= m_end || *m_p != '"')
            return false;
        const char *start = ++m_p;
        bool hasEscape = false;
        if (!skipStringBody(&hasEscape))
            return false;
        if (content)
            *content = QByteArrayView(start, m_p - 1 - start);
        if (escaped)
            *escaped = hasEscape;
        return true;
    }

    // Any value: a string, an object or array (brackets counted, strings stepped over) or a
    // literal/number (up to the next delimiter). The cursor ends just after it.
    bool skipValue()
    {
        skipSpace();
        if (m_p >= m_end)
            return false;
        const char c = *m_p;
        if (c == '"') {
            ++m_p;
            return skipStringBody(nullptr);
        }
        if (c == '{' || c == '[') {
            qsizetype depth = 0;
            while (m_p < m_end) {
                const char x = *m_p++;
                if (x == '"') {
                    if (!skipStringBody(nullptr))
                        return false;
                } else if (x == '{' || x == '[') {
                    ++depth;
                } else if (x == '}' || x == ']') {
                    if (--depth == 0)
                        return true;
                }
            }
            return false;
        }
        const char *start = m_p;
        while (m_p < m_end && *m_p != ',' && *m_p != '}' && *m_p != ']' && *m_p != ' ' && *m_p != '\n' && *m_p != '\r'
               && *m_p != '\t')
            ++m_p;
        return m_p > start;
    }

    const char *position() const { return m_p; }

private:
    // After an opening quote: to just past the closing one.
    bool skipStringBody(bool *escaped)
    {
        while (m_p < m_end) {
            const char x = *m_p++;
            if (x == '"')
                return true;
            if (x == '\\') {
                if (escaped)
                    *escaped = true;
                ++m_p; // the escaped character; \uXXXX's digits need no care
            }
        }
        return false;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
};

// One object's members, calling |onMember(key, scanner)| with the cursor at each value; the callback
// consumes the value. False on malformed text or when the callback says so.
template<typename OnMember>
bool readObject(Scanner &s, OnMember onMember)
{
    if (!s.take('{'))
        return false;
    if (s.take('}'))
        return true;
    for (;;) {
        QByteArrayView key;
        bool escaped = false;
        if (!s.string(&key, &escaped) || !s.take(':'))
            return false;
        // A key written with escapes could spell any name: what the parser made of it is not known here.
        if (escaped || !onMember(key))
            return false;
        if (s.take(','))
            continue;
        return s.take('}');
    }
}

// The value of the top-level member |key| of the object |json|: its bytes, a null view when the
// object has no such member, std::nullopt when the scan cannot say what a parser would make of it
// (not an object by the scanner's reading, a key written with escapes, |key| twice, bytes after the
// object). A UTF-8 byte order mark at the start is skipped.
inline std::optional<QByteArrayView> topLevelMemberValue(QByteArrayView json, QByteArrayView key)
{
    const char *begin = json.data();
    const char *end = begin + json.size();
    if (json.startsWith("\xEF\xBB\xBF"))
        begin += 3;
    Scanner s(begin, end);
    QByteArrayView value;
    bool seen = false;
    const bool ok = readObject(s, [&](QByteArrayView member) {
        if (member != key)
            return s.skipValue();
        if (seen)
            return false;
        seen = true;
        s.skipSpace();
        const char *start = s.position();
        if (!s.skipValue())
            return false;
        value = QByteArrayView(start, s.position() - start);
        return true;
    });
    s.skipSpace();
    if (!ok || !s.atEnd())
        return std::nullopt;
    return value;
}

} // namespace Kakehashi::JsonScan
