#pragma once

#include "dicomframe.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector3D>

#include <memory>

namespace Kakehashi::Dicom {

// One frame of an instance fetched frame by frame: a one-frame Part 10 object
// (DicomFetchedFrames::frameObject), or why it cannot be had.
struct DicomLoadedFrame
{
    QByteArray part10;
    QString errorString; // for the user; never patient data
};

// One DICOM instance held in memory rather than in a plaintext file: Part 10 bytes kept as they
// arrived, or decrypted from the encrypted image cache each time they are needed (one slice at a
// time, dropped after decoding). load() is thread-safe and blocking (it may decrypt).
class DicomInstance
{
public:
    virtual ~DicomInstance() = default;
    // The Part 10 bytes; empty with *error set when they cannot be had (tampered cache, ...). For an
    // instance fetched frame by frame: its header only (no pixels).
    virtual QByteArray load(QString *error) const = 0;
    // A large multi-frame instance whose frames are fetched one at a time when shown (WADO-RS
    // frames) rather than the whole object at once.
    virtual bool fetchesFrames() const { return false; }
    // Frame |frame| (0-based), asynchronously (fetched, or decrypted from the image cache). Thread-safe.
    virtual QFuture<DicomLoadedFrame> loadFrame(int frame) const;
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
    QString sopInstanceUid;    // of the instance the slice is a frame of
    bool hasPosition = false;  // Image Position (Patient) of the frame, in its frame of reference
    QVector3D position;
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
    QString institutionName;     // from the first instance; empty when not recorded
    QString frameOfReferenceUid; // from the first instance; empty when not recorded
    int seriesNumber = 0;
    int instanceCount = 0; // files; a multi-frame file gives several slices
    QList<DicomSliceRef> slices; // in display order (instance number, then slice position)
};

struct DicomScanResult
{
    QList<DicomSeries> series;
    QStringList errors;
    // Readable objects without pixels (structured reports, key object selections, presentation
    // states, …): the file or in-memory instance, for Dicom::DicomPresentationReader.
    QList<DicomSliceRef> otherObjects;
};

// Gathers headers into series as instances arrive: each header is read once by the caller (off
// the GUI thread) and kept here; result() groups what is there in display order without reading
// any instance again.
class DicomSeriesBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Dicom::DicomSeriesBuilder)
public:
    // |name| is the file, or "memory:<n>" for an in-memory |instance|.
    void add(const DicomImageInfo &info, const QString &name, DicomInstancePtr instance = {});
    void addError(const QString &name, const QString &error);
    void addError(const QString &error) { m_errors.append(error); }
    int size() const { return int(m_entries.size()); }
    QStringList errors() const { return m_errors; }
    DicomScanResult result() const;

    struct Entry
    {
        DicomImageInfo info;
        QString name;
        DicomInstancePtr instance;
    };

private:
    QList<Entry> m_entries;
    QStringList m_errors;
};

// Groups local files, folders and DICOMDIRs (IHE PDI media) into series. Blocking: run it on a
// worker thread for large folders. Reads headers only. Paths may be Qt resource paths (":/…").
class DicomSeriesScanner
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Dicom::DicomSeriesScanner)
public:
    static DicomScanResult scan(const QStringList &paths);
    // One Part 10 object held in memory (a key image attached to a document), its header read once.
    static DicomScanResult scanMemory(const QByteArray &part10);
    static bool isDicomFile(const QString &path);
    // Files a DICOMDIR references (absolute paths); errors go to *error.
    static QStringList dicomDirFiles(const QString &dicomDir, QString *error);
};

} // namespace Kakehashi::Dicom
