#pragma once

#include "dicomframe.h"
#include "dicomseries.h"

#include <QCoreApplication>
#include <QColor>
#include <QPolygonF>
#include <QRectF>

namespace Kakehashi::Dicom {

// An image a key object selection or presentation state refers to. frames: 1-based frame numbers,
// empty for every frame.
struct DicomImageReference
{
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString sopInstanceUid;
    QList<int> frames;
    bool covers(const QString &sop, int zeroBasedFrame) const
    {
        return sop == sopInstanceUid && (frames.isEmpty() || frames.contains(zeroBasedFrame + 1));
    }
};

// A graphic of a presentation state (PS3.3 C.10.5): points in image pixels (0\0 the top-left corner
// of the first pixel) or, in display units, as fractions (0–1) of the displayed image.
struct PresentationGraphic
{
    enum class Kind { Point, Polyline, Interpolated, Circle, Ellipse };
    Kind kind = Kind::Polyline;
    bool displayUnits = false;
    bool filled = false;
    QList<QPointF> points; // (column, row)
};

struct PresentationText
{
    QString text;
    bool hasBox = false;
    bool boxDisplayUnits = false;
    QRectF box;            // top-left to bottom-right corner
    bool hasAnchor = false;
    bool anchorDisplayUnits = false;
    QPointF anchor;
};

// The annotations of one Graphic Annotation item, for the images it names (all when none).
struct PresentationAnnotation
{
    QList<DicomImageReference> images;
    // Its graphic layer's recommended display colour (CIELab, else grayscale); invalid: none given.
    QColor colour;
    QList<PresentationText> texts;
    QList<PresentationGraphic> graphics;
};

// Display shutters (PS3.3 C.7.6.11): what lies outside them is not meant to be seen.
struct PresentationShutter
{
    bool rectangular = false;
    QRectF rectangle;          // image pixels: the visible columns and rows (edges inclusive)
    bool circular = false;
    QPointF circleCenter;      // image pixels
    double circleRadius = 0;
    bool polygonal = false;
    QPolygonF polygon;         // image pixels
    int presentationValue = 0; // 0 black … 65535 white (P-value)
    bool isEmpty() const { return !rectangular && !circular && !polygonal; }
};

// A Grayscale Softcopy Presentation State: its window, annotations and shutters for the images it
// refers to.
struct PresentationState
{
    QString sopInstanceUid;
    QString label;       // Content Label
    QString description; // Content Description
    QList<DicomImageReference> images; // every image it applies to
    struct Window
    {
        VoiWindow window;
        QList<DicomImageReference> images; // empty: all of the state's images
    };
    QList<Window> windows;
    QList<PresentationAnnotation> annotations;
    PresentationShutter shutter;
    // Spatial transformation (PS3.3 C.10.6): flip horizontally first, then rotate clockwise by
    // 0, 90, 180 or 270 degrees; anything else as written is taken as 0 (not applied).
    bool horizontalFlip = false;
    int rotation = 0;
    // Presentation LUT Shape (2050,0020) INVERSE: the grayscale is shown inverted (IDENTITY: as is).
    bool inverse = false;
    // Its own Modality LUT (rescale slope and intercept, PS3.3 C.11.1): its window is in these values,
    // not the image's.
    bool hasRescale = false;
    double rescaleSlope = 1;
    double rescaleIntercept = 0;
    // Displayed Area Selection (0070,005A): the part of the image to show, in image pixels (the
    // corners' pixels included) before the spatial transformation.
    struct DisplayedArea
    {
        QList<DicomImageReference> images; // empty: all of the state's images
        QRectF region;
        enum class Size { ScaleToFit, TrueSize, Magnify } size = Size::ScaleToFit;
        double magnification = 1; // Magnify: display pixels per image pixel
    };
    QList<DisplayedArea> displayedAreas;

    bool appliesTo(const QString &sop, int frame) const;
    // The window for an image, if the state gives one.
    bool windowFor(const QString &sop, int frame, VoiWindow *out) const;
    QList<const PresentationAnnotation *> annotationsFor(const QString &sop, int frame) const;
    // The displayed area for an image; null when the state selects none for it.
    const DisplayedArea *displayedAreaFor(const QString &sop, int frame) const;
};

// A Key Object Selection document: the images someone marked ("For Teaching", "Of Interest", …).
struct KeyObjectSelection
{
    QString sopInstanceUid;
    QString studyInstanceUid;
    QString title;       // the document title's code meaning
    QString description; // the Key Object Description text, when given
    QString observer;
    QList<DicomImageReference> images;
};

// A structured report as text: its title and the content tree, one item a line, indented by level.
struct StructuredReport
{
    QString sopInstanceUid;
    QString studyInstanceUid;
    QString seriesInstanceUid;
    QString patientName;
    QString patientId;
    QString studyDate;
    QString contentDate;
    QString institutionName;
    QString title;
    QString completion;   // Completion Flag (PARTIAL, COMPLETE), as written
    QString verification; // Verification Flag (UNVERIFIED, VERIFIED), as written
    QString text;         // the content tree
};

// An encapsulated document (PS3.3 A.45: Encapsulated PDF, Encapsulated CDA): the bytes as stored,
// to be shown by the document view, never written to disk.
struct EncapsulatedDocument
{
    QString sopInstanceUid;
    QString studyInstanceUid;
    QString patientName;
    QString patientId;
    QString studyDate;
    QString institutionName;
    QString title;    // Document Title (0042,0010); may be empty
    QString mimeType; // MIME Type of Encapsulated Document (0042,0012), as written
    QByteArray content; // without the padding byte when the Encapsulated Document Length says so
    QString problem;    // why there is no content (translated); empty when there is
};

struct DicomPresentationObjects
{
    QList<PresentationState> states;
    QList<KeyObjectSelection> keyObjects;
    QList<StructuredReport> reports;
    QList<EncapsulatedDocument> documents;
    QStringList errors;   // objects that could not be read, each with the reason
    int otherObjects = 0; // readable objects of other kinds (not shown)
    bool isEmpty() const { return states.isEmpty() && keyObjects.isEmpty() && reports.isEmpty() && documents.isEmpty(); }
};

// Reads key object selections, grayscale softcopy presentation states, structured reports and
// encapsulated documents (PDF, CDA)
// (DCMTK dcmdata; blocking, thread-safe). Text is decoded in the file's character set (Japanese
// included). Never throws.
class DicomPresentationReader
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::Dicom::DicomPresentationReader)
public:
    static DicomPresentationObjects read(const QList<DicomSliceRef> &objects);
    static DicomPresentationObjects readBytes(const QByteArray &part10, const QString &name);
};

// Which key images of a selection are on hand: found (series UID, slice index) and missing.
struct KeyImageResolution
{
    struct Found { int series = -1; int slice = -1; };
    QList<Found> found;
    QList<DicomImageReference> missing; // referenced, but not among the series given
};
KeyImageResolution resolveKeyImages(const KeyObjectSelection &selection, const QList<DicomSeries> &series);

} // namespace Kakehashi::Dicom
