#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace Kakehashi::Dicom {

// Large multi-frame instances (ultrasound cine, enhanced CT) fetched a frame at a time over
// WADO-RS: the header comes from the instance's metadata (DICOM JSON), each frame from
// …/frames/{n}. Both are kept as Part 10 objects so they go through the encrypted image cache and
// the one decoder like any instance. Blocking, thread-safe, no DCMTK types in the interface.
class DicomFetchedFrames
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Dicom::DicomFetchedFrames)
public:
    // The most frames a header may announce (an enhanced CT has a few thousand).
    static constexpr int MaxFrames = 100000;

    // A header-only Part 10 object (explicit VR little endian, UTF-8) from one instance's DICOM
    // JSON metadata: every attribute with a value, sequences included; bulk data (Pixel Data and
    // anything sent as a BulkDataURI) left out. It is marked so that DicomImageInfo::fetchedByFrame
    // is set when it is read. Empty with *error when the metadata does not describe an image.
    static QByteArray headerFromMetadata(const QJsonObject &dataset, QString *error);

    // Frame |frame| (0-based) as a one-frame Part 10 object: |header| with Number of Frames 1, only
    // that frame's item of the Per-Frame Functional Groups, and |pixels| as Pixel Data in
    // |transferSyntaxUid| (native bytes, or one compressed frame as a single fragment). Empty with
    // *error when the pixels do not fit the header or the syntax is unknown.
    static QByteArray frameObject(const QByteArray &header, int frame, const QByteArray &pixels,
                                  const QString &transferSyntaxUid, QString *error);

    // The transfer syntax of a WADO-RS frame part from its Content-Type: the transfer-syntax
    // parameter, else the media type (application/octet-stream: explicit VR little endian,
    // image/jpeg: baseline, image/jls, image/jp2, …); empty when unknown.
    static QString transferSyntaxOfPart(const QByteArray &contentType);
};

} // namespace Kakehashi::Dicom
