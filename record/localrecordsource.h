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
    static RecordSet loadDemo();
    // The moment the demo data reads as of (":/demo/demo-info.json", "today"), for the
    // ReferenceClock; invalid when the demo data is missing or carries no such date.
    static QDateTime demoReferenceTime();

    static constexpr qint64 MaxFileBytes = qint64(512) * 1024 * 1024;
};

} // namespace Kakehashi
