#pragma once

#include "clinicalrecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

namespace Kakehashi {

// What --open was given, split by kind: FHIR JSON for the record, DICOM for the image view.
// A folder holding both appears in both lists.
struct LocalInputs
{
    QStringList recordPaths;
    QStringList dicomPaths;
};

// Reads FHIR JSON from files and folders (single resources, Bundles of any type, document
// Bundles) into one RecordSet. Blocking: call it on a worker thread for large inputs.
class LocalRecordSource
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::LocalRecordSource)
public:
    static RecordSet load(const QStringList &paths);

    // Sorts paths into FHIR and DICOM inputs by content (the DICM preamble, a data set without
    // preamble, a DICOMDIR: Dicom::dicomFileKind), not by file name nor by JSON failing to parse. Paths that do not exist go to recordPaths, where load() reports them.
    static LocalInputs partition(const QStringList &paths);
    static bool isDicomFile(const QString &path);

    // The bundled demo data: registers the demo resource file and reads every patient in it.
    static bool registerDemoData(QString *errorMessage);
    static QString demoDataRoot(); // ":/demo"
    // patientId empty: every demo patient. Otherwise only the files that make up that person's
    // record by the demo's patients-index.json (see loadPersonFiles), or all of them.
    static RecordSet loadDemo(const QString &patientId = {});
    // Reads ROOT/patients: with a patient id, only the files the index ROOT/patients-index.json
    // (tools/demo/patientindex.py) groups with that patient. Every file is read instead when the index
    // is missing, unreadable, of another format, does not list exactly the files there with their
    // sizes, or names no such patient: the record is then the one all files give, never less.
    // *usedIndex (optional) tells which happened.
    static RecordSet loadPersonFiles(const QString &root, const QString &patientId, bool *usedIndex = nullptr);
    // The moment the demo data reads as of (":/demo/demo-info.json", "today"), for the
    // ReferenceClock; invalid when the demo data is missing or carries no such date.
    static QDateTime demoReferenceTime();

    static constexpr qint64 MaxFileBytes = qint64(512) * 1024 * 1024;
};

} // namespace Kakehashi
