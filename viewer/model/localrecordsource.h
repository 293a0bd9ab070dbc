#pragma once

#include "clinicalrecord.h"

#include <QCoreApplication>
#include <QStringList>

namespace Kakehashi {

// Reads FHIR JSON from files and folders (single resources, Bundles of any type, document
// Bundles) into one RecordSet. Blocking: call it on a worker thread for large inputs.
class LocalRecordSource
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::LocalRecordSource)
public:
    static RecordSet load(const QStringList &paths);

    // The bundled demo data: registers the demo resource file and reads every patient in it.
    static bool registerDemoData(QString *errorMessage);
    static QString demoDataRoot(); // ":/demo"
    static RecordSet loadDemo();

    static constexpr qint64 MaxFileBytes = qint64(512) * 1024 * 1024;
};

} // namespace Kakehashi
