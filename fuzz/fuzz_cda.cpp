// A CDA R2 document from another facility (特定健診 hc08, referral, discharge summary: an attachment or
// a JP-CLINS section 200 entry) → CdaReader (libxml2, locked down), the results the lab list, trend
// and summaries take from it (DocumentResults), and every section's narrative through the sanitiser.
// Checks: a refusal always says why; every number a result carries (value, reference range) is
// finite, and a result has a value or a text; the narratives come out with nothing that runs or
// fetches.
#include "fuzzcommon.h"
#include "safehtml.h"

#include "record/cdadocument.h"
#include "record/clinicaldocument.h"
#include "record/documentresults.h"
#include "record/narrativesanitizer.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

using namespace Kakehashi;

KAKEHASHI_FUZZ_INIT

namespace {

bool finite(const std::optional<double> &d)
{
    return !d || std::isfinite(*d);
}

void checkSections(const QList<DocumentSection> &sections, int depth)
{
    if (depth > 16) // the reader reads sections 16 levels deep at most
        qFatal("cda: sections nested deeper than the reader's bound");
    for (const DocumentSection &s : sections) {
        if (!s.narrative.isEmpty())
            KakehashiFuzz::requireSafeHtml(NarrativeSanitizer::sanitize(s.narrative).html);
        checkSections(s.sections, depth + 1);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<CdaObservation> observations;
    const DocumentLoadResult r = CdaReader::read(bytes, &observations);
    if (!r.isOk()) {
        if (r.message.isEmpty())
            qFatal("cda: refused without a reason");
        return 0;
    }
    checkSections(r.document.sections, 0);
    for (const CdaObservation &o : std::as_const(observations)) {
        if (!finite(o.number) || !finite(o.low) || !finite(o.high))
            qFatal("cda: a result carries a number that is not finite");
        if (o.number && o.valueText.isEmpty())
            qFatal("cda: a number without its text");
    }
    // The same bytes as a DocumentReference's attachment, read as every view reads its results.
    ClinicalItem document;
    document.resourceType = QStringLiteral("DocumentReference");
    document.subtype = QStringLiteral("application/hl7-v3+xml");
    const QJsonObject attachment{{QStringLiteral("contentType"), document.subtype},
                                 {QStringLiteral("data"), QString::fromLatin1(bytes.toBase64())}};
    const QJsonObject reference{{QStringLiteral("resourceType"), QStringLiteral("DocumentReference")},
                                {QStringLiteral("content"), QJsonArray{QJsonObject{{QStringLiteral("attachment"), attachment}}}}};
    const QJsonObject source{{QStringLiteral("entry"), QJsonArray{QJsonObject{{QStringLiteral("resource"), reference}}}}};
    for (const ClinicalItem &item : DocumentResults::read(source, document)) {
        if (!finite(item.lab.value) || !finite(item.lab.low) || !finite(item.lab.high))
            qFatal("cda: a result item carries a number that is not finite");
        if (!item.lab.value && item.lab.text.trimmed().isEmpty())
            qFatal("cda: a result item without a value or a text");
    }
    return 0;
}
