#pragma once

#include "clinicalrecord.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Kakehashi {

// What the shared record can truthfully say about a safety category — allergies, drug
// contraindications (薬剤禁忌: AllergyIntolerance with category "medication") — as of a moment.
// The one rule every view reads: the allergy banner, the emergency summary, the pharmacy view and
// --summary. Absence is never "none": only an explicit statement (an AllergyIntolerance coded
// "no known allergy") reads as none known.
class ClinicalStatus
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::ClinicalStatus)
public:
    enum class Kind { Allergies, Contraindications };
    enum class State {
        Recorded,            // at least one current item
        NoneKnown,           // an explicit "no known allergy" statement, nothing recorded, nothing withheld
        NotRecorded,         // nothing in the shared record and nothing withheld
        Withheld,            // withheld items exist that may be of this kind
        NotDisclosedForRole, // the signed-in role may not see this kind (or the service does not send it)
        Unknown,             // no health record was loaded for this person at all (e.g. DICOM files only)
    };

    struct Result
    {
        State state = State::NotRecorded;
        QList<ClinicalItem> items;          // current items of the kind, drug first, high criticality first
        QList<ClinicalItem> noneKnown;      // current explicit "no known …" statements
        int withheld = 0;                   // withheld items that may be of this kind
        bool withheldUnattributed = false;  // some of them come from a count that names no type ($everything)
    };

    static Result evaluate(const PatientRecord &record, Kind kind, const QDateTime &asOf);

    // Stable key for --summary: "recorded", "none-known", "not-recorded", "withheld", "not-disclosed-for-role", "unknown".
    static QString stateKey(State state);
    // Translated sentence for a state other than Recorded ("Allergies: not disclosed to this role …").
    static QString stateText(Kind kind, const Result &result);
    // The banner line: the items when recorded (plus a note when more may be withheld), else stateText().
    static QString bannerText(Kind kind, const Result &result);

    // An AllergyIntolerance that states the absence of allergies (SNOMED CT 716186003 No known allergy,
    // 409137002 No known drug allergy, 429625007 food, 428607008 environmental; IPS absent-unknown
    // "no-known-allergies"/"no-known-medication-allergies").
    static bool isNoKnownStatement(const ClinicalItem &item, Kind kind);
    // 薬剤禁忌: a drug allergy or intolerance (JP-CLINS: AllergyIntolerance.category = medication).
    static bool isContraindication(const ClinicalItem &item);
    // Current at |asOf|: active and recorded/started by then.
    static bool isCurrent(const ClinicalItem &item, qint64 asOfMsecs);
};

// 感染症: the JP-CLINS InfectionLabo item set (指定感染症検査) — syphilis STS and TP antibody, HBs
// antigen, HCV antibody/antigen/RNA, HIV — recognised by the InfectionLabo code systems or by the
// JLAC10 analyte code of a generic JLAC10 coding.
class InfectionLabs
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::InfectionLabs)
public:
    // "syphilis-sts", "syphilis-tp", "hbs-antigen", "hcv", "hiv"; "other" for an InfectionLabo code of
    // another analyte; empty when the item is not an infection test.
    static QString groupOf(const ClinicalItem &item);
    static QStringList groups(); // display order
    static QString groupName(const QString &group);
};

// 透析: dialysis procedures (SNOMED CT, or the text 透析 / 人工腎臓 / 腹膜灌流 / dialysis).
bool isDialysisProcedure(const ClinicalItem &item);

// Children: an eGFR coded as the adult creatinine equation (JLAC10 analyte 8A065, the Japanese Society
// of Nephrology equation for ages 18 and over) is not valid for a patient under 18 at the result's date.
bool isAdultEgfrForChild(const PatientInfo &patient, const ClinicalItem &item);

} // namespace Kakehashi
