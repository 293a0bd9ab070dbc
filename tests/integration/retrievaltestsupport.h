#pragma once

#include "dicom/dicomframedecoder.h"
#include "dicom/retrieve/dimsesource.h"
#include "dicom/retrieve/imagesource.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QHash>
#include <QSet>
#include <QTest>

// Runs the event loop until the future is finished or the time is up.
template <typename T>
bool waitFor(const QFuture<T> &future, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!future.isFinished() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return future.isFinished();
}

// Decodes both files and compares the modality values of every pixel of the first frame.
inline bool samePixels(const QString &retrieved, const QString &original, QString *why)
{
    using namespace Kakehashi::Dicom;
    const DicomDecodeResult a = DicomFrameDecoder::decodeFile(retrieved);
    const DicomDecodeResult b = DicomFrameDecoder::decodeFile(original);
    if (!a.ok || !b.ok || a.frames.isEmpty() || b.frames.isEmpty()) {
        *why = QStringLiteral("decode failed: %1 / %2").arg(a.errorString, b.errorString);
        return false;
    }
    const DicomFrame &fa = a.frames.first();
    const DicomFrame &fb = b.frames.first();
    if (fa.pixels.size() != fb.pixels.size()) {
        *why = QStringLiteral("size differs");
        return false;
    }
    for (int y = 0; y < fa.pixels.height(); ++y) {
        for (int x = 0; x < fa.pixels.width(); ++x) {
            if (fa.modalityValue(x, y) != fb.modalityValue(x, y)) {
                *why = QStringLiteral("pixel (%1,%2) differs").arg(x).arg(y);
                return false;
            }
        }
    }
    return true;
}

// SOP Instance UID → original path, for comparing retrieved files.
inline QHash<QString, QString> originalsBySop(const QStringList &sops, const QStringList &files)
{
    QHash<QString, QString> map;
    for (qsizetype i = 0; i < sops.size(); ++i)
        map.insert(sops.at(i), files.at(i));
    return map;
}

inline QString sopOf(const QString &path)
{
    return Kakehashi::Dicom::DicomFrameDecoder::readInfo(path).info.sopInstanceUid;
}

// Every retrieved instance is one of the originals (by SOP Instance UID), none is missing, and each
// decodes to the same modality values as its original.
inline bool sameSeries(const QList<Kakehashi::Dicom::RetrievedInstance> &retrieved, const QStringList &sops,
                       const QStringList &files, QString *why)
{
    if (retrieved.size() != files.size()) {
        *why = QStringLiteral("%1 instances retrieved, %2 expected").arg(retrieved.size()).arg(files.size());
        return false;
    }
    const QHash<QString, QString> originals = originalsBySop(sops, files);
    QSet<QString> seen;
    for (const Kakehashi::Dicom::RetrievedInstance &i : retrieved) {
        const QString sop = sopOf(i.path);
        if (!originals.contains(sop) || seen.contains(sop)) {
            *why = QStringLiteral("unexpected or repeated instance %1").arg(sop);
            return false;
        }
        seen.insert(sop);
        if (!samePixels(i.path, originals.value(sop), why))
            return false;
    }
    return true;
}

// A DIMSE profile for a PACS fixture on loopback.
inline Kakehashi::Dicom::DimseProfile loopbackDimseProfile(const QString &calledAeTitle, int port,
                                                           Kakehashi::Dicom::DimseProfile::Retrieve retrieve,
                                                           int moveDestinationPort)
{
    Kakehashi::Dicom::DimseProfile p;
    p.calledAeTitle = calledAeTitle;
    p.host = QStringLiteral("127.0.0.1");
    p.port = port;
    p.timeoutSeconds = 20;
    p.retrieve = retrieve;
    p.moveDestinationPort = moveDestinationPort;
    return p;
}
