#pragma once

#include <QImage>
#include <QList>
#include <QMetaType>
#include <QPointF>
#include <QSizeF>
#include <QString>
#include <QVector3D>

namespace Kakehashi::Dicom {

// A VOI window in modality units (e.g. Hounsfield units for CT).
struct VoiWindow
{
    double center = 0;
    double width = 0;
    QString explanation; // from the file, or the preset's name
    bool isValid() const { return width >= 1; }
    friend bool operator==(const VoiWindow &, const VoiWindow &) = default;
};

// What a viewer needs to know about one image besides its pixels.
struct DicomImageInfo
{
    QString path;
    QString transferSyntaxUid;
    QString photometricInterpretation; // as written in the file
    QString patientName;               // Unicode, all component groups
    QString patientId;
    QString studyDate;
    QString studyDescription;
    QString seriesDescription;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopInstanceUid;
    QString sopClassUid;       // from the dataset, else the file meta header
    QString modality;
    bool hasPixelData = false;
    int seriesNumber = 0;
    int instanceNumber = 0;
    int rows = 0;
    int columns = 0;
    int numberOfFrames = 1;
    double frameTimeMs = 0;     // cine: (0018,1063) or derived from (0018,0040)
    QSizeF pixelSpacing;        // mm, column spacing (x) × row spacing (y); empty if unknown
    bool hasSliceLocation = false;
    double sliceLocation = 0;
    bool hasImagePosition = false;
    QVector3D imagePosition;
    QList<VoiWindow> voiWindows; // from the file, in file order
};

// One decoded frame. Monochrome frames keep every modality value: the 16-bit image holds
// indexes, value = valueOffset + valueScale * index, so windowing needs no re-decode.
// Colour frames are RGB888 and carry no modality values.
struct DicomFrame
{
    QImage pixels;             // Format_Grayscale16 (monochrome) or Format_RGB888 (colour)
    double valueOffset = 0;
    double valueScale = 1;
    double minValue = 0;       // modality value range of this frame
    double maxValue = 0;
    bool inverted = false;     // MONOCHROME1: low values are displayed white
    int frameIndex = 0;

    bool isNull() const { return pixels.isNull(); }
    bool isMonochrome() const { return pixels.format() == QImage::Format_Grayscale16; }
    qint64 byteCount() const { return pixels.sizeInBytes(); }
    // The modality value at a pixel (monochrome only).
    double modalityValue(int x, int y) const;
    // A window spanning the frame's value range.
    VoiWindow fullRangeWindow() const;
    // Display image after windowing: Grayscale8 for monochrome, RGB888 for colour. invert is
    // applied on top of the photometric interpretation.
    QImage render(const VoiWindow &window, bool invert = false) const;
};

struct DicomDecodeResult
{
    bool ok = false;
    QString errorString;
    DicomImageInfo info;
    QList<DicomFrame> frames;
};

} // namespace Kakehashi::Dicom

Q_DECLARE_METATYPE(Kakehashi::Dicom::DicomFrame)
Q_DECLARE_METATYPE(Kakehashi::Dicom::DicomDecodeResult)
