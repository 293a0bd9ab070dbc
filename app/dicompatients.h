#pragma once

#include "record/clinicalrecord.h"
#include "dicom/dicomseries.h"

#include <QCoreApplication>

namespace Kakehashi {

// Patients known only from opened DICOM files (a CD from another hospital, a folder of studies):
// one PatientRecord per person in the files, with the name, ID, birth date and sex the files give
// and one imaging item per study. The record says plainly that no health record was loaded for
// them: it is marked incomplete, never shown as "no diseases, no medications".
class DicomPatients
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::DicomPatients)
public:
    // The patients of |series|, in the order they first appear. Two files are the same person when
    // Patient ID and Patient Name are the same; |takenIds| are ids already in use (FHIR patients):
    // a DICOM patient never takes one of them, nor is it merged with that record (the files carry
    // no proof that they are the same person).
    static QList<PatientRecord> records(const QList<Dicom::DicomSeries> &series, const QStringList &takenIds = {});
    // Adds records() to |set|: the one rule for the window, --summary and every view.
    static void addTo(RecordSet &set, const QList<Dicom::DicomSeries> &series);
    // Identifier system of DICOM Patient ID values (the issuer is not known).
    static QString patientIdSystem() { return QStringLiteral("urn:dicom:patient-id"); }
    // The person name components of a DICOM PN value, for display ("Yamada Tarou").
    static QString nameGroup(const QString &dicomName, int group);
};

} // namespace Kakehashi
