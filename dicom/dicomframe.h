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

// One frame's functional groups of an enhanced multi-frame object (PS3.3 C.7.6.16): the per-frame
// group where it has the macro, else the shared one.
struct DicomFrameGroups
{
    bool hasRescale = false;       // Pixel Value Transformation
    double rescaleSlope = 1;
    double rescaleIntercept = 0;
    QList<VoiWindow> windows;      // Frame VOI LUT
    bool hasPosition = false;      // Plane Position (Patient)
    QVector3D position;
};

// An overlay plane (60xx group, PS3.3 C.9.2) stored in Overlay Data: a bitmap drawn over the image.
struct DicomOverlay
{
    int group = 0x6000;
    QString label;        // Overlay Label, else Overlay Description, as written
    QString type;         // "G" graphics or "R" region of interest
    int originRow = 1;    // 1-based image row and column of the bitmap's top-left pixel
    int originColumn = 1;
    QImage bitmap;        // Format_Mono, 1 = drawn; the overlay's first frame
};

// What a viewer needs to know about one image besides its pixels.
struct DicomImageInfo
{
    QString path;
    QString transferSyntaxUid;
    QString photometricInterpretation; // as written in the file
    QString patientName;               // Unicode, all component groups
    QString patientId;
    QString patientBirthDate;   // DA as written (YYYYMMDD); empty when not recorded
    QString patientSex;         // M, F, O as written; empty when not recorded
    QString studyDate;
    QString studyTime;
    QString studyDescription;
    QString seriesDescription;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopInstanceUid;
    QString sopClassUid;       // from the dataset, else the file meta header
    QString frameOfReferenceUid; // positions are comparable between images sharing it
    QString institutionName;     // the facility that made the image (0008,0080), as written
    QString modality;
    bool hasPixelData = false;
    // A header made from WADO-RS metadata whose pixels are fetched a frame at a time (no Pixel
    // Data of its own; see DicomFetchedFrames).
    bool fetchedByFrame = false;
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
    bool hasRescale = false;     // Rescale Slope and Intercept in the data set (before per-frame groups)
    double rescaleSlope = 1;
    double rescaleIntercept = 0;
    QList<VoiWindow> voiWindows; // from the file, in file order
    QList<DicomFrameGroups> frameGroups; // enhanced multi-frame objects: one per frame; else empty
    QList<DicomOverlay> overlays;        // read when pixels are decoded (not by readInfo)

    // The rescale from stored values to the modality values a frame is shown in.
    void rescaleForFrame(int frame, double *slope, double *intercept) const
    {
        const bool own = !hasRescale && frame >= 0 && frame < frameGroups.size() && frameGroups.at(frame).hasRescale;
        *slope = own ? frameGroups.at(frame).rescaleSlope : rescaleSlope;
        *intercept = own ? frameGroups.at(frame).rescaleIntercept : rescaleIntercept;
    }
    // The windows the file gives for a frame: its Frame VOI LUT, else the image's windows.
    QList<VoiWindow> windowsForFrame(int frame) const
    {
        if (frame >= 0 && frame < frameGroups.size() && !frameGroups.at(frame).windows.isEmpty())
            return frameGroups.at(frame).windows;
        return voiWindows;
    }
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
    // For images that name no window: the 1st to the 99th percentile of the frame's modality
    // values (colour frames: the full range).
    VoiWindow histogramWindow() const;
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
