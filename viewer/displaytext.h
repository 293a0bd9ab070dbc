#pragma once

#include "record/clinicalrecord.h"

#include <QCoreApplication>

namespace Kakehashi {

// Translated words for values the record holds as codes.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::DisplayText)
public:
    static QString gender(const QString &fhirGender);
    static QString age(int years);
    static QString status(const ClinicalItem &item);
    static QString source(const SourceFacility &source);
    static QString identifierLabel(const QString &system);
    // What kind of document an item is: report, FHIR document, PDF, CDA …
    static QString documentKind(const ClinicalItem &item);
};

} // namespace Kakehashi
