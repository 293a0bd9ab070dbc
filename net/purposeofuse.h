#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Kakehashi::Net {

// Why the record is being read. Every request to the sharing service states it.
struct PurposeOfUse
{
    enum class Reason { Treatment, EmergencyTreatment };

    Reason reason = Reason::Treatment;
    QString emergencyReason; // what the user typed for break-the-glass access

    // Routine care: patient searches, ordinary opens.
    static PurposeOfUse treatment() { return {}; }
    // Break-the-glass access, with the reason the user gave.
    static PurposeOfUse emergency(const QString &reason) { return {Reason::EmergencyTreatment, reason.trimmed()}; }

    // HL7 v3 ActReason code: TREAT or ETREAT.
    QByteArray actReasonCode() const;
    bool isValid() const { return reason == Reason::Treatment || !emergencyReason.trimmed().isEmpty(); }
};

// Header names are part of the connection profile; these are the contract's defaults.
struct PurposeHeaderNames
{
    QByteArray purpose = "X-Purpose-Of-Use";
    QByteArray emergencyReason = "X-Emergency-Reason";
};

// The raw headers to set on a request. The emergency reason is percent-encoded UTF-8 so
// Japanese text survives HTTP header rules.
QList<QPair<QByteArray, QByteArray>> purposeHeaders(const PurposeOfUse &purpose, const PurposeHeaderNames &names = {});

} // namespace Kakehashi::Net
