#pragma once

#include "clinicaldocument.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Kakehashi {

// One structured result of a CDA document (an <observation> entry), e.g. a 特定健診 check-up item
// coded in JLAC10.
struct CdaObservation
{
    QString code;
    QString codeSystem;   // OID as written (1.2.392.200119.6.1005 特定健診項目, 1.2.392.200119.4.504 JLAC10)
    QString display;
    QString valueText;    // the value as shown, with its unit
    std::optional<double> number;
    QString unit;
    QString interpretation; // H, L, N ... as written
    QString referenceRange;
    std::optional<double> low;
    std::optional<double> high;
    Fhir::DateTime time;  // the observation's own time, else the document's
    QString section;      // the section it came from
};

// HL7 CDA R2 (MHLW 特定健診 hc08, HS007/HS008-style referrals and discharge summaries) read with
// libxml2, with the parser locked down: no network (XML_PARSE_NONET), no DTD loading, no entity
// substitution, no XInclude, libxml2's default size and depth limits (no XML_PARSE_HUGE) — and a
// document that declares a DTD at all (DOCTYPE, ENTITY: XXE, billion laughs) is refused before
// anything is expanded. The narrative blocks become XHTML for the same sanitizer and locked-down
// view as FHIR narratives.
class CdaReader
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::CdaReader)
public:
    static constexpr qsizetype kMaxBytes = 16 * 1024 * 1024;

    // The document (format Cda) or a readable reason; |observations| gets the structured results.
    static DocumentLoadResult read(const QByteArray &bytes, QList<CdaObservation> *observations = nullptr);

    // "特定健診" (hc08), referral, discharge summary, or empty: what kind of CDA document this is.
    enum class Kind { Other, CheckUp, Referral, DischargeSummary };
    static Kind kindOf(const QString &code, const QString &codeSystem);
};

} // namespace Kakehashi
