#pragma once

#include <QByteArray>
#include <QString>

namespace Kakehashi::Dicom {

// What a local file is, decided by its first bytes only (never by its name or by another
// reader failing). The one rule for --open, folder scans and the record loader.
enum class DicomFileKind {
    NotDicom,
    Part10,       // 128-byte preamble and "DICM"
    NoPreamble,   // no preamble: the file starts with a plausible group 0002 or 0008 element
};

// |head| is the file's first bytes (at least 132 where the file has them).
DicomFileKind dicomFileKind(const QByteArray &head);
// Reads the first bytes of |path|; NotDicom when it cannot be read.
DicomFileKind dicomFileKindOf(const QString &path);
inline bool isDicomFileContent(const QString &path) { return dicomFileKindOf(path) != DicomFileKind::NotDicom; }

} // namespace Kakehashi::Dicom
