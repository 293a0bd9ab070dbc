#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Kakehashi::Dicom {

// Incremental parser for multipart/related bodies (RFC 2046/2387) as WADO-RS sends them.
// Feed it bytes as they arrive; complete parts come out as soon as their closing delimiter is
// seen, so the first image can be shown before the series has finished downloading.
// Tolerates CRLF or bare LF line ends, a preamble, transport padding after delimiters, a
// missing leading CRLF before the first delimiter and an epilogue.
class MultipartRelatedParser
{
public:
    struct Part
    {
        QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values trimmed
        QByteArray body;
        QByteArray header(const QByteArray &lowerName) const;
    };

    // The boundary parameter of a Content-Type value (quoted or not); empty if none.
    static QByteArray boundaryFromContentType(const QByteArray &contentType);

    explicit MultipartRelatedParser(const QByteArray &boundary);

    // Appends data; returns false once the stream is malformed (see errorString()).
    bool feed(const QByteArray &data);
    // Complete parts parsed so far, removed from the parser.
    QList<Part> takeParts();
    // True once the closing delimiter was seen.
    bool isFinished() const { return m_state == State::Epilogue; }
    bool hasError() const { return m_state == State::Error; }
    QString errorString() const { return m_error; }
    // Call at end of stream: false if the body was truncated (no closing delimiter).
    bool finish();

private:
    enum class State { Preamble, Headers, Body, Epilogue, Error };
    bool parse();
    bool fail(const QString &why);

    QByteArray m_delimiter; // "\n--" + boundary (the CR, if any, is trimmed off the body)
    QByteArray m_buffer;
    qsizetype m_pos = 0; // start of the unconsumed data in m_buffer
    qsizetype m_scanFrom = 0;
    State m_state = State::Preamble;
    Part m_current;
    QList<Part> m_parts;
    QString m_error;
};

} // namespace Kakehashi::Dicom
