#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Kakehashi::Fhir {

struct Coding
{
    QString system;
    QString code;
    QString display;

    bool operator==(const Coding &) const = default;
};

// A FHIR date/dateTime keeps the precision it was written with ("2021", "2021-07", a day, an instant).
struct DateTime
{
    enum class Precision { None, Year, Month, Day, Time };

    QDateTime value; // UTC; partial dates are placed at the start of their period
    Precision precision = Precision::None;
    int offsetSeconds = 0; // the UTC offset it was recorded with (kept for provenance, not for display)

    bool isValid() const { return precision != Precision::None && value.isValid(); }
    // The calendar day: for an instant, the day in the display zone (DisplayZone), never the day at the
    // recorded offset or in the computer's zone; a date-only value is its own day.
    QDate date() const;
    // Shown as written (year, month, day, or an instant in the display zone), in the interface language: DateFormat::value.
    QString displayText() const;
    qint64 msecs() const { return value.toMSecsSinceEpoch(); }

    static DateTime parse(const QString &text);
};

QList<Coding> codings(const QJsonValue &codeableConcept);
// The text a person should read: CodeableConcept.text, else the first coding's display, else a code.
QString codeableText(const QJsonValue &codeableConcept);
QString firstCode(const QJsonValue &codeableConcept, QStringView system);
bool hasCode(const QJsonValue &codeableConcept, QStringView system);

// "Type/id" of a Reference, or its urn/absolute URL as written; empty if it has no reference.
QString referenceOf(const QJsonValue &reference);
// The logical key "Type/id" of a resource.
QString resourceKey(const QJsonObject &resource);

// Text of a HumanName (text, or family + given joined with a space as JP Core does).
QString humanNameText(const QJsonObject &name);
// JP_HumanName representation: "IDE" (kanji), "SYL" (katakana) or "" when not stated.
QString humanNameRepresentation(const QJsonObject &name);

// A Quantity as shown: comparator, value, unit. A value that is not a JSON number (e.g. "6.9" as a
// string, not FHIR but seen) is shown as written, never left out to leave a bare unit.
QString quantityText(const QJsonObject &quantity);
// A FHIR decimal or integer as written: the number, or a string as it stands; empty for anything else.
QString numberAsWritten(const QJsonValue &value);

// Code systems the viewer recognises, with their OID aliases (JP Core accepts both).
namespace System {
inline constexpr QStringView MedisDiseaseExCode = u"http://medis.or.jp/CodeSystem/master-disease-exCode";
inline constexpr QStringView MedisDiseaseKeyNumber = u"http://medis.or.jp/CodeSystem/master-disease-keyNumber";
inline constexpr QStringView Icd10 = u"http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full";
inline constexpr QStringView Hot9 = u"http://medis.or.jp/CodeSystem/master-HOT9";
inline constexpr QStringView Hot7 = u"http://medis.or.jp/CodeSystem/master-HOT7";
inline constexpr QStringView Hot13 = u"http://medis.or.jp/CodeSystem/master-HOT13";
inline constexpr QStringView YjCode = u"http://capstandard.jp/iyaku.info/CodeSystem/YJ-code";
inline constexpr QStringView GeneralOrderCode = u"http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MedicationGeneralOrderCode";
inline constexpr QStringView MedicationNoCoded = u"http://jpfhir.jp/fhir/eCS/CodeSystem/MedicationCodeNocoded_CS";
inline constexpr QStringView Jlac10 = u"http://medis.or.jp/CodeSystem/master-JLAC10-17digits";
inline constexpr QStringView Jlac11Prefix = u"http://jpfhir.jp/fhir/clins/CodeSystem/JLAC11/";
inline constexpr QStringView ClinsLabLocalCode = u"http://jpfhir.jp/fhir/clins/CodeSystem/JP_CLINS_ObsLabResult_LocalCode_CS";
inline constexpr QStringView JamiUsage = u"http://jami.jp/CodeSystem/MedicationUsage";
inline constexpr QStringView EhrShareIndication = u"http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication";
inline constexpr QStringView ObservationValue = u"http://terminology.hl7.org/CodeSystem/v3-ObservationValue";
inline constexpr QStringView InstitutionNo10 = u"http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";
inline constexpr QStringView InstitutionNumberExtension = u"http://jpfhir.jp/fhir/clins/Extension/StructureDefinition/JP_eCS_InstitutionNumber";
inline constexpr QStringView InsuranceMemberId = u"http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID";
inline constexpr QStringView FacilityPatientIdPrefix = u"urn:oid:1.2.392.100495.20.3.51.1";
inline constexpr QStringView NameRepresentation = u"http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";
inline constexpr QStringView DocTypeCodes = u"http://jpfhir.jp/fhir/Common/CodeSystem/doc-typecodes";

// Canonical URL for a system written as an OID alias; the input unchanged otherwise.
QString canonical(const QString &system);
} // namespace System

} // namespace Kakehashi::Fhir
