// A WADO-RS multipart/related body → the incremental parser. Input: "<Content-Type>\n<body>"; the
// body is fed in reads whose sizes come from the body's own bytes, so every split is tried. The
// parts must not depend on how the stream was split.
#include "fuzzcommon.h"

#include "dicom/retrieve/multipartrelated.h"

using namespace Kakehashi::Dicom;

KAKEHASHI_FUZZ_INIT

namespace {

struct Outcome
{
    QList<MultipartRelatedParser::Part> parts;
    bool ok = false;
};

Outcome parse(const QByteArray &boundary, const QByteArray &body, qsizetype step)
{
    Outcome out;
    MultipartRelatedParser parser(boundary);
    bool ok = true;
    for (qsizetype pos = 0; ok && pos < body.size(); pos += step) {
        ok = parser.feed(body.mid(pos, step));
        out.parts += parser.takeParts();
    }
    out.ok = ok && parser.finish();
    out.parts += parser.takeParts();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray body;
    const QByteArray contentType = KakehashiFuzz::firstLine(data, size, &body);
    QByteArray boundary = MultipartRelatedParser::boundaryFromContentType(contentType);
    if (boundary.isEmpty())
        boundary = "b";
    const qsizetype step = body.isEmpty() ? 1 : 1 + qsizetype(quint8(body.at(0)) % 61);
    const Outcome whole = parse(boundary, body, qMax<qsizetype>(1, body.size()));
    const Outcome split = parse(boundary, body, step);
    if (whole.ok != split.ok)
        qFatal("multipart: the outcome depends on how the stream was split");
    if (whole.ok) {
        if (whole.parts.size() != split.parts.size())
            qFatal("multipart: %d parts in one read, %d in reads of %d", int(whole.parts.size()), int(split.parts.size()), int(step));
        for (qsizetype i = 0; i < whole.parts.size(); ++i) {
            const auto &a = whole.parts.at(i);
            const auto &b = split.parts.at(i);
            if (a.body != b.body || a.headers != b.headers) {
                qFatal("multipart: part %d differs with reads of %d: body %s / %s, %d / %d headers", int(i), int(step),
                       a.body.toPercentEncoding().constData(), b.body.toPercentEncoding().constData(), int(a.headers.size()),
                       int(b.headers.size()));
            }
        }
    }
    return 0;
}
