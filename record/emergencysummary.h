#pragma once

#include "clinicalrecord.h"
#include "clinicalstatus.h"
#include "medicationsafety.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

#include <optional>

class QSettings;

namespace Kakehashi {

// How far back each section of the emergency summary looks. The defaults are the periods of the
// national 救急時医療情報閲覧 summary (from 2024-12-09); sites may change them in QSettings
// under "emergency/".
struct EmergencyLookBack
{
    int encounterDays = 90;        // 受診歴 3 months
    int dispenseDays = 45;         // 電子処方箋 調剤 45 days
    int resolvedProblemDays = 90;  // 診療情報 3 months: problems resolved within it are still listed
    int procedureMonths = 60;      // 手術 5 years
    int labStaleDays = 90;         // 診療情報 3 months: older key labs are shown, marked as old
    int dialysisDays = 90;         // 透析 3 months

    static EmergencyLookBack fromSettings(const QSettings &settings);
    void save(QSettings &settings) const;
};

// One line of the summary. Every line names where it came from and when.
struct EmergencyLine
{
    QString itemKey;        // the item the line shows (the latest when several were merged)
    QStringList itemKeys;   // every item merged into the line
    QString title;
    QString detail;
    QList<Fhir::Coding> codes; // of the item that names the line
    Fhir::DateTime date;    // the date the line is about (onset, performed, dispensed, visited, resolved)
    Fhir::DateTime endDate; // periods only (admissions, a running prescription)
    Fhir::DateTime firstDate; // merged lines: the earliest of them
    QString facility;       // source facility name; empty when the record does not say
    QStringList facilities; // merged lines: every facility, the line's own first
    int count = 1;          // merged lines: how many items
    bool uninformed = false; // JP-CLINS UNINFORMED: not yet told to the patient
    bool redacted = false;
    bool active = false;    // problems: active (else resolved recently); medications: running at as-of

    // Allergies
    bool drugAllergy = false;
    bool highCriticality = false;
    // Medications
    QString ingredientKey;
    bool duplicateTherapy = false;
    bool ingredientUnchecked = false; // no code master knew its ingredient: not checked for duplicates
    bool periodUnknown = false;       // started recently, its end cannot be known (not called current)
    bool dispensedRecently = false;
    // Encounters
    QString encounterClass;
    bool admission = false;
    bool emergencyVisit = false;
    // Key labs
    QString keyLab;         // one of EmergencySummary::keyLabs()
    QString valueText;
    QString unit;
    QString flag;
    bool stale = false;     // older than labStaleDays
    // Infections
    QString infectionGroup; // InfectionLabs::groupOf
    // Results read from inside a document (DocumentResults): the document, named
    QString sourceDocument;
};

struct EmergencySummary
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::EmergencySummary)
public:
    QDateTime asOf;
    EmergencyLookBack lookBack;
    PatientInfo patient;

    // What the record can say about allergies and drug contraindications (ClinicalStatus): the lines
    // below are its items; an empty list reads as the status says, never as "none".
    ClinicalStatus::Result allergyStatus;
    ClinicalStatus::Result contraindicationStatus;
    QList<EmergencyLine> allergies;   // active; drug first, then high criticality, newest first
    QList<EmergencyLine> medications; // running at as-of or dispensed recently, one line per ingredient
    QStringList duplicateTherapyWarnings;
    QList<DuplicateTherapyWarning> duplicateTherapy;   // MedicationSafety::check at as-of
    QList<UncheckedMedication> uncheckedMedications;   // current prescriptions whose ingredient is unknown
    QList<EmergencyLine> problems;    // active, then resolved within the look-back
    QList<EmergencyLine> encounters;  // admissions first, then emergency visits, then outpatient (per facility)
    QList<EmergencyLine> procedures;  // within the look-back, newest first; repeats merged
    QList<EmergencyLine> labs;        // latest value of each key lab, in keyLabs() order
    QStringList labNotes;             // why a key lab is not shown (an adult eGFR for a child)
    QList<EmergencyLine> infections;  // 感染症: latest result of each InfectionLabs group, in groups() order
    std::optional<EmergencyLine> dialysis; // 透析 within dialysisDays: the latest session, count = sessions
    std::optional<EmergencyLine> lastCheckup; // 健診: date only

    // Carried from the record: the summary is never more complete than what it was built from.
    int withheldCount = 0;
    int undeliveredCount = 0;
    QList<ItemCategory> notDisclosedForRole;
    bool incomplete = false;
    QStringList incompleteReasons;
    bool imagesOnly = false; // no health record at all (PatientRecord::imagesOnly): every section is unknown
    int uninformedCount = 0; // lines marked UNINFORMED

    bool isEmpty() const;
    // Lines of drug contraindications (薬剤禁忌): the drug allergies among |allergies|.
    QList<EmergencyLine> contraindications() const;

    // |checkAtAsOf|: MedicationSafety::check(record, asOf) when the caller has it already (the record
    // view runs the one rule for its banner), so it is not run twice for one record and moment.
    static EmergencySummary build(const PatientRecord &record, const QDateTime &asOf,
                                  const EmergencyLookBack &lookBack = {}, const DuplicateTherapyCheck *checkAtAsOf = nullptr);

    // Key labs in display order: "egfr", "creatinine", "potassium", "hemoglobin", "platelets",
    // "glucose", "hba1c".
    static QStringList keyLabs();
    // The key lab a JLAC10 17-digit code measures (by its 5-character analyte code), else empty.
    static QString keyLabForJlac10(QStringView jlac10);
    // The check-up report document type (JP eCheckupReport 53576-5).
    static bool isCheckupReport(const ClinicalItem &item);
};

} // namespace Kakehashi
