#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Kakehashi::Dicom {

// One DICOM instance held in memory rather than in a plaintext file: Part 10 bytes kept as they
// arrived, or decrypted from the encrypted image cache each time they are needed (one slice at a
// time, dropped after decoding). load() is thread-safe and blocking (it may decrypt).
class DicomInstance
{
public:
    virtual ~DicomInstance() = default;
    // The Part 10 bytes; empty with *error set when they cannot be had (tampered cache, ...).
    virtual QByteArray load(QString *error) const = 0;
};
using DicomInstancePtr = std::shared_ptr<const DicomInstance>;

// Bytes that stay in memory (implicitly shared: no copy).
class DicomMemoryInstance : public DicomInstance
{
public:
    explicit DicomMemoryInstance(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    QByteArray load(QString *) const override { return m_bytes; }

private:
    QByteArray m_bytes;
};

// One displayable slice: a frame of a file, or of an in-memory instance (then |path| is only a
// name, "memory:<n>", never a file).
struct DicomSliceRef
{
    QString path;
    int frame = 0;
    DicomInstancePtr instance; // set: decode from memory, |path| is not read
    bool isInMemory() const { return instance != nullptr; }
};

struct DicomSeries
{
    QString seriesInstanceUid;
    QString studyInstanceUid;
    QString description;
    QString modality;
    QString patientName; // Unicode, all component groups (from the first instance)
    QString patientId;
    QString patientBirthDate; // DA as written
    QString patientSex;       // M, F, O as written
    QString studyDate;
    QString studyTime;
    QString studyDescription;
    int seriesNumber = 0;
    int instanceCount = 0; // files; a multi-frame file gives several slices
    QList<DicomSliceRef> slices; // in display order (instance number, then slice position)
};

struct DicomScanResult
{
    QList<DicomSeries> series;
    QStringList errors;
};

// Groups local files, folders and DICOMDIRs (IHE PDI media) into series. Blocking: run it on a
// worker thread for large folders. Reads headers only. Paths may be Qt resource paths (":/…").
class DicomSeriesScanner
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Dicom::DicomSeriesScanner)
public:
    static DicomScanResult scan(const QStringList &paths);
    // The same for in-memory instances: each is loaded once to read its header, then dropped
    // (an encrypted instance is decrypted again when its slice is decoded). Slices name them
    // "memory:<index in |instances|>".
    static DicomScanResult scanInstances(const QList<DicomInstancePtr> &instances);
    static bool isDicomFile(const QString &path);
    // Files a DICOMDIR references (absolute paths); errors go to *error.
    static QStringList dicomDirFiles(const QString &dicomDir, QString *error);
};

} // namespace Kakehashi::Dicom
