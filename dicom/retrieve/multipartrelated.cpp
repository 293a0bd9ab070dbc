#include "multipartrelated.h"

namespace Kakehashi::Dicom {

QByteArray MultipartRelatedParser::Part::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

QByteArray MultipartRelatedParser::boundaryFromContentType(const QByteArray &contentType)
{
    const QList<QByteArray> params = contentType.split(';');
    for (qsizetype i = 1; i < params.size(); ++i) {
        const QByteArray p = params.at(i).trimmed();
        const qsizetype eq = p.indexOf('=');
        if (eq < 0 || p.left(eq).trimmed().toLower() != "boundary")
            continue;
        QByteArray value = p.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
            value = value.mid(1, value.size() - 2);
        return value;
    }
    return {};
}

MultipartRelatedParser::MultipartRelatedParser(const QByteArray &boundary)
    : m_delimiter("\n--" + boundary)
{
    // A delimiter at the very start of the body has no line break before it.
    m_buffer = "\n";
    if (boundary.isEmpty())
        fail(QStringLiteral("multipart body without boundary"));
}

bool MultipartRelatedParser::fail(const QString &why)
{
    m_state = State::Error;
    m_error = why;
    return false;
}

bool MultipartRelatedParser::feed(const QByteArray &data)
{
    if (m_state == State::Error)
        return false;
    if (m_state == State::Epilogue)
        return true; // epilogue is ignored
    // Drop what was consumed once per read, not once per part: parts are large.
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_scanFrom = qMax<qsizetype>(0, m_scanFrom - m_pos);
        m_pos = 0;
    }
    m_buffer.append(data);
    return parse();
}

QList<MultipartRelatedParser::Part> MultipartRelatedParser::takeParts()
{
    return std::exchange(m_parts, {});
}

bool MultipartRelatedParser::finish()
{
    if (m_state == State::Error)
        return false;
    if (m_state != State::Epilogue)
        return fail(QStringLiteral("multipart body truncated"));
    return true;
}

// m_buffer[m_pos] is always the line break that precedes the next possible delimiter (in the
// preamble and body states) or the start of a header line (in the header state).
bool MultipartRelatedParser::parse()
{
    for (;;) {
        switch (m_state) {
        case State::Preamble:
        case State::Body: {
            const qsizetype at = m_buffer.indexOf(m_delimiter, qMax(m_scanFrom, m_pos));
            if (at < 0) {
                // Keep enough for a delimiter split across reads.
                m_scanFrom = qMax(m_pos, m_buffer.size() - m_delimiter.size());
                return true;
            }
            // After the delimiter: "--" closes, otherwise padding then a line end.
            const qsizetype after = at + m_delimiter.size();
            if (m_buffer.size() < after + 2)
                return true;
            const bool closing = m_buffer.at(after) == '-' && m_buffer.at(after + 1) == '-';
            qsizetype lineEnd = -1;
            if (!closing) {
                lineEnd = m_buffer.indexOf('\n', after);
                if (lineEnd < 0)
                    return true;
                bool onlyPadding = true;
                for (qsizetype i = after; i < lineEnd && onlyPadding; ++i) {
                    const char c = m_buffer.at(i);
                    onlyPadding = c == ' ' || c == '\t' || c == '\r';
                }
                if (!onlyPadding) {
                    // The boundary text occurred inside a longer line: not a delimiter.
                    m_scanFrom = at + 1;
                    break;
                }
            }
            if (m_state == State::Body) {
                const qsizetype bodyStart = m_pos + 1;
                qsizetype bodyEnd = at;
                if (bodyEnd > bodyStart && m_buffer.at(bodyEnd - 1) == '\r')
                    --bodyEnd;
                // An empty body: its delimiter's line break is the blank line's own, so the delimiter
                // starts before the body would (mid() with a negative length would take the rest).
                m_current.body = bodyEnd > bodyStart ? m_buffer.mid(bodyStart, bodyEnd - bodyStart) : QByteArray();
                m_parts.append(std::exchange(m_current, {}));
            }
            if (closing) {
                m_buffer.clear();
                m_pos = 0;
                m_scanFrom = 0;
                m_state = State::Epilogue;
                return true;
            }
            m_pos = lineEnd + 1;
            m_scanFrom = m_pos;
            m_state = State::Headers;
            break;
        }
        case State::Headers: {
            const qsizetype nl = m_buffer.indexOf('\n', m_pos);
            if (nl < 0) {
                if (m_buffer.size() - m_pos > 64 * 1024)
                    return fail(QStringLiteral("multipart part headers too long"));
                return true;
            }
            QByteArray line = m_buffer.mid(m_pos, nl - m_pos);
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.isEmpty()) {
                // The body starts after this line break, which also serves as the line break
                // of a delimiter that follows an empty body.
                m_pos = nl;
                m_scanFrom = m_pos;
                m_state = State::Body;
                break;
            }
            m_pos = nl + 1;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return fail(QStringLiteral("malformed multipart part header"));
            m_current.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
            break;
        }
        case State::Epilogue:
            return true;
        case State::Error:
            return false;
        }
    }
}

} // namespace Kakehashi::Dicom
