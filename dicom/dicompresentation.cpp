#include "dicompresentation.h"

#include "dcmtkitems.h"
#include "dcmtkmemorystream.h"
#include "dicomtext.h"

#include <QFile>
#include <QHash>

#include <algorithm>
#include <cmath>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcsequen.h>
#include <dcmtk/dcmdata/dcuid.h>

namespace Kakehashi::Dicom {

namespace {

constexpr auto kSrClassPrefix = "1.2.840.10008.5.1.4.1.1.88.";

// String values of one data set decoded in its Specific Character Set (nested items share it).
class Strings
{
public:
    explicit Strings(DcmItem *ds)
    {
        OFString value;
        if (ds->findAndGetOFStringArray(DCM_SpecificCharacterSet, value).good())
            m_charsets = QString::fromLatin1(value.c_str()).split(u'\\');
        m_own = DicomText::canDecode(m_charsets);
    }
    QString text(DcmItem *item, const DcmTagKey &tag) const
    {
        OFString value;
        if (!item || item->findAndGetOFStringArray(tag, value).bad())
            return {};
        const QByteArray raw(value.c_str(), qsizetype(value.length()));
        return (m_own ? DicomText::decode(raw, m_charsets) : QString::fromLatin1(raw)).trimmed();
    }

private:
    QStringList m_charsets;
    bool m_own = false;
};

QString ascii(DcmItem *item, const DcmTagKey &tag, unsigned long index = 0)
{
    OFString value;
    if (!item || item->findAndGetOFString(tag, value, index).bad())
        return {};
    return QString::fromLatin1(value.c_str()).trimmed();
}

QList<DcmItem *> items(DcmItem *parent, const DcmTagKey &sequence)
{
    QList<DcmItem *> out;
    DcmSequenceOfItems *seq = nullptr;
    if (!parent || parent->findAndGetSequence(sequence, seq).bad() || !seq)
        return out;
    for (unsigned long i = 0; i < seq->card(); ++i)
        out.append(seq->getItem(i));
    return out;
}

QList<int> frameNumbers(DcmItem *item)
{
    QList<int> out;
    for (unsigned long i = 0;; ++i) {
        Sint32 n = 0;
        if (item->findAndGetSint32(DCM_ReferencedFrameNumber, n, i).bad())
            break;
        out.append(int(n));
    }
    return out;
}

QList<double> floats(DcmItem *item, const DcmTagKey &tag)
{
    QList<double> out;
    if (!item)
        return out;
    // Graphic data and anchors are FL (DCMTK reads FL only as Float32, DS and FD as Float64). A value
    // that is not a number (NaN, an infinity) leaves no coordinate list at all: dropping one value
    // would pair the rest wrongly.
    for (unsigned long i = 0;; ++i) {
        double d = 0;
        switch (Detail::findDecimal(item, tag, d, i)) {
        case Detail::Decimal::Number:
            out.append(d);
            break;
        case Detail::Decimal::NotANumber:
            return {};
        case Detail::Decimal::Absent:
            return out;
        }
    }
}

// Referenced Image Sequence items under |parent| (SOP instance and frames).
QList<DicomImageReference> referencedImages(DcmItem *parent, const QString &study, const QString &series)
{
    QList<DicomImageReference> out;
    for (DcmItem *ref : items(parent, DCM_ReferencedImageSequence)) {
        DicomImageReference r{study, series, ascii(ref, DCM_ReferencedSOPInstanceUID), frameNumbers(ref)};
        if (!r.sopInstanceUid.isEmpty())
            out.append(r);
    }
    return out;
}

// A DICOM CIELab triplet (PS3.3 C.10.7.1.1: L* 0–100, a* and b* −128–127, each scaled to 0–65535)
// as sRGB, through XYZ with the D65 white point.
QColor colourFromDicomLab(Uint16 l16, Uint16 a16, Uint16 b16)
{
    const double L = l16 * 100.0 / 65535.0;
    const double a = a16 * 255.0 / 65535.0 - 128.0;
    const double b = b16 * 255.0 / 65535.0 - 128.0;
    const double fy = (L + 16.0) / 116.0;
    const double fx = fy + a / 500.0;
    const double fz = fy - b / 200.0;
    const auto finv = [](double t) { return t > 6.0 / 29.0 ? t * t * t : 3.0 * (6.0 / 29.0) * (6.0 / 29.0) * (t - 4.0 / 29.0); };
    const double X = 0.95047 * finv(fx), Y = 1.0 * finv(fy), Z = 1.08883 * finv(fz);
    const double lin[3] = {3.2406 * X - 1.5372 * Y - 0.4986 * Z, -0.9689 * X + 1.8758 * Y + 0.0415 * Z,
                           0.0557 * X - 0.2040 * Y + 1.0570 * Z};
    int rgb[3];
    for (int i = 0; i < 3; ++i) {
        const double c = std::clamp(lin[i], 0.0, 1.0);
        const double g = c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
        rgb[i] = int(std::lround(std::clamp(g, 0.0, 1.0) * 255.0));
    }
    return QColor(rgb[0], rgb[1], rgb[2]);
}

PresentationState readPresentationState(DcmDataset *ds, const Strings &s)
{
    PresentationState ps;
    ps.sopInstanceUid = ascii(ds, DCM_SOPInstanceUID);
    ps.label = s.text(ds, DCM_ContentLabel);
    ps.description = s.text(ds, DCM_ContentDescription);
    ps.horizontalFlip = ascii(ds, DCM_ImageHorizontalFlip) == u"Y";
    Uint16 rotation = 0;
    if (ds->findAndGetUint16(DCM_ImageRotation, rotation).good() && (rotation == 90 || rotation == 180 || rotation == 270))
        ps.rotation = rotation;
    const QString study = ascii(ds, DCM_StudyInstanceUID);
    for (DcmItem *series : items(ds, DCM_ReferencedSeriesSequence))
        ps.images += referencedImages(series, study, ascii(series, DCM_SeriesInstanceUID));
    ps.inverse = ascii(ds, DCM_PresentationLUTShape) == u"INVERSE";
    Float64 slope = 1, intercept = 0;
    if (ds->findAndGetFloat64(DCM_RescaleSlope, slope).good() && ds->findAndGetFloat64(DCM_RescaleIntercept, intercept).good()
        && std::isfinite(slope) && std::isfinite(intercept) && slope != 0) {
        ps.hasRescale = true;
        ps.rescaleSlope = slope;
        ps.rescaleIntercept = intercept;
    }
    for (DcmItem *area : items(ds, DCM_DisplayedAreaSelectionSequence)) {
        Sint32 left = 0, top = 0, right = 0, bottom = 0;
        if (area->findAndGetSint32(DCM_DisplayedAreaTopLeftHandCorner, left, 0).bad()
            || area->findAndGetSint32(DCM_DisplayedAreaTopLeftHandCorner, top, 1).bad()
            || area->findAndGetSint32(DCM_DisplayedAreaBottomRightHandCorner, right, 0).bad()
            || area->findAndGetSint32(DCM_DisplayedAreaBottomRightHandCorner, bottom, 1).bad())
            continue;
        PresentationState::DisplayedArea a;
        a.images = referencedImages(area, study, QString());
        // column\row, 1-based, both corner pixels shown; the corners may lie outside the image.
        a.region = QRectF(QPointF(std::min(left, right) - 1, std::min(top, bottom) - 1), QPointF(std::max(left, right), std::max(top, bottom)));
        const QString mode = ascii(area, DCM_PresentationSizeMode);
        Float32 ratio = 0; // FL
        if (mode == u"MAGNIFY" && area->findAndGetFloat32(DCM_PresentationPixelMagnificationRatio, ratio).good() && ratio > 0
            && std::isfinite(ratio)) {
            a.size = PresentationState::DisplayedArea::Size::Magnify;
            a.magnification = ratio;
        } else if (mode == u"TRUE SIZE") {
            a.size = PresentationState::DisplayedArea::Size::TrueSize;
        }
        if (a.region.width() > 0 && a.region.height() > 0 && a.region.width() < 1e6 && a.region.height() < 1e6)
            ps.displayedAreas.append(a);
    }
    // Graphic layers: the colour each recommends for its annotations.
    QHash<QString, QColor> layerColours;
    for (DcmItem *layer : items(ds, DCM_GraphicLayerSequence)) {
        Uint16 lab[3] = {0, 0, 0};
        Uint16 grey = 0;
        QColor colour;
        if (layer->findAndGetUint16(DCM_GraphicLayerRecommendedDisplayCIELabValue, lab[0], 0).good()
            && layer->findAndGetUint16(DCM_GraphicLayerRecommendedDisplayCIELabValue, lab[1], 1).good()
            && layer->findAndGetUint16(DCM_GraphicLayerRecommendedDisplayCIELabValue, lab[2], 2).good())
            colour = colourFromDicomLab(lab[0], lab[1], lab[2]);
        else if (layer->findAndGetUint16(DCM_GraphicLayerRecommendedDisplayGrayscaleValue, grey).good())
            colour = QColor(grey / 257, grey / 257, grey / 257);
        if (colour.isValid())
            layerColours.insert(ascii(layer, DCM_GraphicLayer), colour);
    }
    for (DcmItem *voi : items(ds, DCM_SoftcopyVOILUTSequence)) {
        double center = 0, width = 0;
        if (Detail::findDecimal(voi, DCM_WindowCenter, center) != Detail::Decimal::Number
            || Detail::findDecimal(voi, DCM_WindowWidth, width) != Detail::Decimal::Number)
            continue;
        PresentationState::Window w;
        w.window = VoiWindow{center, width, ps.label.isEmpty() ? DicomPresentationReader::tr("Presentation state") : ps.label};
        w.images = referencedImages(voi, study, QString());
        if (w.window.isValid())
            ps.windows.append(w);
    }
    for (DcmItem *ann : items(ds, DCM_GraphicAnnotationSequence)) {
        PresentationAnnotation a;
        a.images = referencedImages(ann, study, QString());
        a.colour = layerColours.value(ascii(ann, DCM_GraphicLayer));
        for (DcmItem *t : items(ann, DCM_TextObjectSequence)) {
            PresentationText text;
            text.text = s.text(t, DCM_UnformattedTextValue);
            const QList<double> tl = floats(t, DCM_BoundingBoxTopLeftHandCorner);
            const QList<double> br = floats(t, DCM_BoundingBoxBottomRightHandCorner);
            if (tl.size() == 2 && br.size() == 2) {
                text.hasBox = true;
                text.boxDisplayUnits = ascii(t, DCM_BoundingBoxAnnotationUnits) == u"DISPLAY";
                text.box = QRectF(QPointF(tl.at(0), tl.at(1)), QPointF(br.at(0), br.at(1))).normalized();
            }
            const QList<double> anchor = floats(t, DCM_AnchorPoint);
            if (anchor.size() == 2) {
                text.hasAnchor = true;
                text.anchorDisplayUnits = ascii(t, DCM_AnchorPointAnnotationUnits) == u"DISPLAY";
                text.anchor = QPointF(anchor.at(0), anchor.at(1));
            }
            if (!text.text.isEmpty() && (text.hasBox || text.hasAnchor))
                a.texts.append(text);
        }
        for (DcmItem *g : items(ann, DCM_GraphicObjectSequence)) {
            PresentationGraphic graphic;
            graphic.displayUnits = ascii(g, DCM_GraphicAnnotationUnits) == u"DISPLAY";
            graphic.filled = ascii(g, DCM_GraphicFilled) == u"Y";
            const QString type = ascii(g, DCM_GraphicType);
            if (type == u"POINT")
                graphic.kind = PresentationGraphic::Kind::Point;
            else if (type == u"POLYLINE")
                graphic.kind = PresentationGraphic::Kind::Polyline;
            else if (type == u"INTERPOLATED")
                graphic.kind = PresentationGraphic::Kind::Interpolated;
            else if (type == u"CIRCLE")
                graphic.kind = PresentationGraphic::Kind::Circle;
            else if (type == u"ELLIPSE")
                graphic.kind = PresentationGraphic::Kind::Ellipse;
            else
                continue;
            const QList<double> data = floats(g, DCM_GraphicData);
            for (qsizetype i = 0; i + 1 < data.size(); i += 2)
                graphic.points.append(QPointF(data.at(i), data.at(i + 1)));
            if (!graphic.points.isEmpty())
                a.graphics.append(graphic);
        }
        if (!a.texts.isEmpty() || !a.graphics.isEmpty())
            ps.annotations.append(a);
    }
    const QString shapes = ascii(ds, DCM_ShutterShape, 0) + u'\\' + ascii(ds, DCM_ShutterShape, 1) + u'\\' + ascii(ds, DCM_ShutterShape, 2);
    PresentationShutter &sh = ps.shutter;
    if (shapes.contains(u"RECTANGULAR")) {
        Sint32 left = 0, right = 0, upper = 0, lower = 0;
        if (ds->findAndGetSint32(DCM_ShutterLeftVerticalEdge, left).good() && ds->findAndGetSint32(DCM_ShutterRightVerticalEdge, right).good()
            && ds->findAndGetSint32(DCM_ShutterUpperHorizontalEdge, upper).good()
            && ds->findAndGetSint32(DCM_ShutterLowerHorizontalEdge, lower).good() && right >= left && lower >= upper) {
            sh.rectangular = true;
            // Edges are 1-based and inclusive: columns left..right are visible.
            sh.rectangle = QRectF(QPointF(left - 1, upper - 1), QPointF(right, lower));
        }
    }
    if (shapes.contains(u"CIRCULAR")) {
        Sint32 row = 0, column = 0, radius = 0;
        if (ds->findAndGetSint32(DCM_CenterOfCircularShutter, row, 0).good() && ds->findAndGetSint32(DCM_CenterOfCircularShutter, column, 1).good()
            && ds->findAndGetSint32(DCM_RadiusOfCircularShutter, radius).good() && radius > 0) {
            sh.circular = true;
            sh.circleCenter = QPointF(column - 0.5, row - 0.5);
            sh.circleRadius = radius;
        }
    }
    if (shapes.contains(u"POLYGONAL")) {
        QList<double> v;
        for (unsigned long i = 0;; ++i) {
            Sint32 n = 0;
            if (ds->findAndGetSint32(DCM_VerticesOfThePolygonalShutter, n, i).bad())
                break;
            v.append(n);
        }
        for (qsizetype i = 0; i + 1 < v.size(); i += 2)
            sh.polygon.append(QPointF(v.at(i + 1) - 0.5, v.at(i) - 0.5)); // row\column pairs
        sh.polygonal = sh.polygon.size() >= 3;
    }
    Uint16 pvalue = 0;
    if (ds->findAndGetUint16(DCM_ShutterPresentationValue, pvalue).good())
        sh.presentationValue = pvalue;
    return ps;
}

QString codeMeaning(DcmItem *parent, const DcmTagKey &sequence, const Strings &s)
{
    return s.text(Detail::firstSequenceItem(parent, sequence), DCM_CodeMeaning);
}

QString dicomDate(const QString &da)
{
    if (da.size() == 8)
        return QStringLiteral("%1-%2-%3").arg(da.left(4), da.mid(4, 2), da.mid(6, 2));
    return da;
}

QString personName(const QString &pn)
{
    // The ideographic group when there is one (the name as written in Japan), else the alphabetic.
    const QStringList groups = pn.split(u'=');
    QString shown = groups.size() > 1 && !groups.at(1).isEmpty() ? groups.at(1) : groups.value(0);
    shown.replace(u'^', u' ');
    return shown.simplified();
}

// One content item's value as text.
QString contentValue(DcmItem *item, const QString &type, const Strings &s)
{
    if (type == u"TEXT")
        return s.text(item, DCM_TextValue);
    if (type == u"CODE")
        return codeMeaning(item, DCM_ConceptCodeSequence, s);
    if (type == u"NUM") {
        DcmItem *mv = Detail::firstSequenceItem(item, DCM_MeasuredValueSequence);
        if (!mv)
            return DicomPresentationReader::tr("(no value)");
        const QString number = ascii(mv, DCM_NumericValue);
        DcmItem *unit = Detail::firstSequenceItem(mv, DCM_MeasurementUnitsCodeSequence);
        QString u = ascii(unit, DCM_CodeValue);
        if (u == u"1")
            u.clear();
        return u.isEmpty() ? number : number + u' ' + u;
    }
    if (type == u"DATE")
        return dicomDate(ascii(item, DCM_Date));
    if (type == u"TIME")
        return ascii(item, DCM_Time);
    if (type == u"DATETIME")
        return ascii(item, DCM_DateTime);
    if (type == u"PNAME")
        return personName(s.text(item, DCM_PersonName));
    if (type == u"UIDREF")
        return ascii(item, DCM_UID);
    if (type == u"IMAGE" || type == u"COMPOSITE" || type == u"WAVEFORM") {
        DcmItem *ref = Detail::firstSequenceItem(item, DCM_ReferencedSOPSequence);
        return DicomPresentationReader::tr("image %1", "structured report: a referenced object").arg(ascii(ref, DCM_ReferencedSOPInstanceUID));
    }
    if (type == u"SCOORD" || type == u"SCOORD3D")
        return DicomPresentationReader::tr("%1 region", "structured report: a spatial coordinate").arg(ascii(item, DCM_GraphicType).toLower());
    return {};
}

void contentLines(DcmItem *parent, int depth, const Strings &s, QStringList &lines, int budget)
{
    if (depth > 32)
        return; // a cycle-free tree this deep is not a report a person reads
    for (DcmItem *item : items(parent, DCM_ContentSequence)) {
        if (lines.size() >= budget)
            return;
        const QString type = ascii(item, DCM_ValueType);
        const QString conceptName = codeMeaning(item, DCM_ConceptNameCodeSequence, s);
        const QString value = contentValue(item, type, s);
        QString line = QString(depth * 2, u' ');
        if (type == u"CONTAINER")
            line += conceptName.isEmpty() ? DicomPresentationReader::tr("(section)") : conceptName;
        else if (conceptName.isEmpty())
            line += value;
        else
            line += value.isEmpty() ? conceptName : conceptName + QStringLiteral(": ") + value;
        // Multi-line text values keep their lines, indented under the item.
        line.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        line.replace(u'\n', u'\n' + QString(depth * 2 + 2, u' '));
        lines.append(line);
        contentLines(item, depth + 1, s, lines, budget);
    }
}

KeyObjectSelection readKeyObjects(DcmDataset *ds, const Strings &s)
{
    KeyObjectSelection kos;
    kos.sopInstanceUid = ascii(ds, DCM_SOPInstanceUID);
    kos.studyInstanceUid = ascii(ds, DCM_StudyInstanceUID);
    kos.title = codeMeaning(ds, DCM_ConceptNameCodeSequence, s);
    // Study and series of every instance the selection lists as evidence.
    QHash<QString, QPair<QString, QString>> where;
    for (DcmItem *study : items(ds, DCM_CurrentRequestedProcedureEvidenceSequence)) {
        const QString studyUid = ascii(study, DCM_StudyInstanceUID);
        for (DcmItem *series : items(study, DCM_ReferencedSeriesSequence)) {
            const QString seriesUid = ascii(series, DCM_SeriesInstanceUID);
            for (DcmItem *sop : items(series, DCM_ReferencedSOPSequence))
                where.insert(ascii(sop, DCM_ReferencedSOPInstanceUID), {studyUid, seriesUid});
        }
    }
    for (DcmItem *item : items(ds, DCM_ContentSequence)) {
        const QString type = ascii(item, DCM_ValueType);
        if (type == u"TEXT" && ascii(Detail::firstSequenceItem(item, DCM_ConceptNameCodeSequence), DCM_CodeValue) == u"113012")
            kos.description = s.text(item, DCM_TextValue);
        if (type == u"PNAME")
            kos.observer = personName(s.text(item, DCM_PersonName));
        if (type != u"IMAGE" && type != u"COMPOSITE")
            continue;
        DcmItem *ref = Detail::firstSequenceItem(item, DCM_ReferencedSOPSequence);
        DicomImageReference r;
        r.sopInstanceUid = ascii(ref, DCM_ReferencedSOPInstanceUID);
        if (r.sopInstanceUid.isEmpty())
            continue;
        r.frames = frameNumbers(ref);
        const auto w = where.value(r.sopInstanceUid);
        r.studyInstanceUid = w.first;
        r.seriesInstanceUid = w.second;
        kos.images.append(r);
    }
    return kos;
}

StructuredReport readReport(DcmDataset *ds, const Strings &s)
{
    StructuredReport sr;
    sr.sopInstanceUid = ascii(ds, DCM_SOPInstanceUID);
    sr.studyInstanceUid = ascii(ds, DCM_StudyInstanceUID);
    sr.seriesInstanceUid = ascii(ds, DCM_SeriesInstanceUID);
    sr.patientName = s.text(ds, DCM_PatientName);
    sr.patientId = s.text(ds, DCM_PatientID);
    sr.studyDate = ascii(ds, DCM_StudyDate);
    sr.contentDate = ascii(ds, DCM_ContentDate);
    sr.institutionName = s.text(ds, DCM_InstitutionName);
    sr.title = codeMeaning(ds, DCM_ConceptNameCodeSequence, s);
    sr.completion = ascii(ds, DCM_CompletionFlag);
    sr.verification = ascii(ds, DCM_VerificationFlag);
    QStringList lines;
    constexpr int budget = 5000;
    contentLines(ds, 0, s, lines, budget);
    if (lines.size() >= budget)
        lines.append(DicomPresentationReader::tr("… the report continues beyond %n line(s); not all of it is shown.", nullptr, budget));
    sr.text = lines.join(u'\n');
    return sr;
}

// Encapsulated documents larger than this are not read (a referral PDF is well under a megabyte; a
// scanned one a few): the document view has the same limit for attachments.
constexpr qint64 kMaxEncapsulatedBytes = 64 * 1024 * 1024;

EncapsulatedDocument readEncapsulated(DcmDataset *ds, const Strings &s)
{
    EncapsulatedDocument doc;
    doc.sopInstanceUid = ascii(ds, DCM_SOPInstanceUID);
    doc.studyInstanceUid = ascii(ds, DCM_StudyInstanceUID);
    doc.patientName = s.text(ds, DCM_PatientName);
    doc.patientId = s.text(ds, DCM_PatientID);
    doc.studyDate = ascii(ds, DCM_StudyDate);
    doc.institutionName = s.text(ds, DCM_InstitutionName);
    doc.title = s.text(ds, DCM_DocumentTitle);
    doc.mimeType = ascii(ds, DCM_MIMETypeOfEncapsulatedDocument);
    DcmElement *element = nullptr;
    if (ds->findAndGetElement(DCM_EncapsulatedDocument, element).bad() || !element) {
        doc.problem = DicomPresentationReader::tr("the object holds no encapsulated document");
        return doc;
    }
    const Uint32 length = element->getLength();
    if (qint64(length) > kMaxEncapsulatedBytes) {
        doc.problem = DicomPresentationReader::tr("the encapsulated document is %1 MiB, more than the viewer opens (%2 MiB)")
                          .arg(qint64(length) / (1024 * 1024))
                          .arg(kMaxEncapsulatedBytes / (1024 * 1024));
        return doc;
    }
    Uint8 *bytes = nullptr;
    if (element->getUint8Array(bytes).bad() || (!bytes && length > 0)) {
        doc.problem = DicomPresentationReader::tr("the encapsulated document cannot be read");
        return doc;
    }
    qint64 size = length;
    // The value is padded to an even length; the Encapsulated Document Length gives the real one.
    Uint32 declared = 0;
    if (ds->findAndGetUint32(DCM_EncapsulatedDocumentLength, declared).good() && qint64(declared) <= size)
        size = declared;
    doc.content = QByteArray(reinterpret_cast<const char *>(bytes), size);
    if (doc.content.isEmpty())
        doc.problem = DicomPresentationReader::tr("the encapsulated document is empty");
    return doc;
}

void readInto(DcmFileFormat &file, DicomPresentationObjects &out)
{
    DcmDataset *ds = file.getDataset();
    const Strings strings(ds);
    QString sopClass = ascii(ds, DCM_SOPClassUID);
    if (sopClass.isEmpty() && file.getMetaInfo())
        sopClass = ascii(file.getMetaInfo(), DCM_MediaStorageSOPClassUID);
    if (sopClass == QLatin1String(UID_GrayscaleSoftcopyPresentationStateStorage))
        out.states.append(readPresentationState(ds, strings));
    else if (sopClass == QLatin1String(UID_KeyObjectSelectionDocumentStorage))
        out.keyObjects.append(readKeyObjects(ds, strings));
    else if (sopClass.startsWith(QLatin1String(kSrClassPrefix)))
        out.reports.append(readReport(ds, strings));
    else if (sopClass == QLatin1String(UID_EncapsulatedPDFStorage) || sopClass == QLatin1String(UID_EncapsulatedCDAStorage))
        out.documents.append(readEncapsulated(ds, strings));
    else
        ++out.otherObjects;
}


} // namespace

bool PresentationState::appliesTo(const QString &sop, int frame) const
{
    for (const DicomImageReference &r : images)
        if (r.covers(sop, frame))
            return true;
    return false;
}

bool PresentationState::windowFor(const QString &sop, int frame, VoiWindow *out) const
{
    if (!appliesTo(sop, frame))
        return false;
    for (const Window &w : windows) {
        bool covered = w.images.isEmpty();
        for (const DicomImageReference &r : w.images)
            covered = covered || r.covers(sop, frame);
        if (covered) {
            *out = w.window;
            return true;
        }
    }
    return false;
}

const PresentationState::DisplayedArea *PresentationState::displayedAreaFor(const QString &sop, int frame) const
{
    if (!appliesTo(sop, frame))
        return nullptr;
    for (const DisplayedArea &a : displayedAreas) {
        bool covered = a.images.isEmpty();
        for (const DicomImageReference &r : a.images)
            covered = covered || r.covers(sop, frame);
        if (covered)
            return &a;
    }
    return nullptr;
}

QList<const PresentationAnnotation *> PresentationState::annotationsFor(const QString &sop, int frame) const
{
    QList<const PresentationAnnotation *> out;
    if (!appliesTo(sop, frame))
        return out;
    for (const PresentationAnnotation &a : annotations) {
        bool covered = a.images.isEmpty();
        for (const DicomImageReference &r : a.images)
            covered = covered || r.covers(sop, frame);
        if (covered)
            out.append(&a);
    }
    return out;
}

DicomPresentationObjects DicomPresentationReader::readBytes(const QByteArray &part10, const QString &name)
{
    DicomPresentationObjects out;
    DcmFileFormat file;
    const OFCondition status = Detail::readPart10(file, part10);
    if (status.bad()) {
        out.errors.append(tr("%1: not a readable DICOM object (%2)").arg(name, QString::fromLatin1(status.text())));
        return out;
    }
    readInto(file, out);
    return out;
}

DicomPresentationObjects DicomPresentationReader::read(const QList<DicomSliceRef> &objects)
{
    DicomPresentationObjects out;
    for (const DicomSliceRef &ref : objects) {
        QByteArray bytes;
        if (ref.instance) {
            QString error;
            bytes = ref.instance->load(&error);
            if (bytes.isEmpty()) {
                out.errors.append(tr("%1: %2").arg(ref.path, error));
                continue;
            }
        } else {
            QFile f(ref.path);
            if (!f.open(QIODevice::ReadOnly)) {
                out.errors.append(tr("%1: cannot be read").arg(ref.path));
                continue;
            }
            bytes = f.readAll();
        }
        const DicomPresentationObjects one = readBytes(bytes, ref.path);
        out.states += one.states;
        out.keyObjects += one.keyObjects;
        out.reports += one.reports;
        out.documents += one.documents;
        out.errors += one.errors;
        out.otherObjects += one.otherObjects;
    }
    return out;
}

KeyImageResolution resolveKeyImages(const KeyObjectSelection &selection, const QList<DicomSeries> &series)
{
    KeyImageResolution out;
    for (const DicomImageReference &ref : selection.images) {
        bool any = false;
        for (int s = 0; s < series.size(); ++s) {
            const DicomSeries &ds = series.at(s);
            if (!ref.seriesInstanceUid.isEmpty() && ds.seriesInstanceUid != ref.seriesInstanceUid)
                continue;
            for (int i = 0; i < ds.slices.size(); ++i) {
                if (ref.covers(ds.slices.at(i).sopInstanceUid, ds.slices.at(i).frame)) {
                    out.found.append({s, i});
                    any = true;
                }
            }
        }
        if (!any)
            out.missing.append(ref);
    }
    return out;
}

} // namespace Kakehashi::Dicom
