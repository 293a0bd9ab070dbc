#pragma once

// Small synthetic DICOM objects for comparison and presentation-state tests, written with DCMTK:
// images with a position and a frame of reference, and the key object selection, grayscale softcopy
// presentation state and structured report that refer to them.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QPair>
#include <QPointF>
#include <QRect>
#include <QString>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcitem.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <vector>

namespace PresentationFixtures {

struct Patient
{
    QByteArray name = "Yamada^Tarou=山田^太郎=やまだ^たろう";
    QByteArray id = "P-100";
    QByteArray birthDate = "19580412";
    QByteArray sex = "M";
};

struct Image
{
    Patient patient;
    QByteArray studyUid = "1.2.826.0.1.3680043.9.7433.77.1";
    QByteArray studyDate = "20250301";
    QByteArray institution = "Kakehashi General Hospital";
    QByteArray seriesUid = "1.2.826.0.1.3680043.9.7433.77.1.1";
    QByteArray seriesDescription = "Chest";
    QByteArray frameOfReferenceUid = "1.2.826.0.1.3680043.9.7433.77.9";
    QByteArray modality = "CT";
    int seriesNumber = 1;
    int instanceNumber = 1;
    bool hasPosition = true;
    double z = 0;      // Image Position (Patient) z; x = y = 0, axial
    int fill = 0;      // every pixel (stored value, window 0–1000 by default)
    int rows = 32;
    int columns = 32;
    QByteArray windowCenter = "500";
    QByteArray windowWidth = "1000";

    QByteArray sopUid() const { return seriesUid + '.' + QByteArray::number(instanceNumber); }

    bool write(const QString &path) const
    {
        DcmFileFormat file;
        DcmDataset *ds = file.getDataset();
        ds->putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
        ds->putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
        ds->putAndInsertString(DCM_SOPInstanceUID, sopUid().constData());
        ds->putAndInsertString(DCM_PatientName, patient.name.constData());
        ds->putAndInsertString(DCM_PatientID, patient.id.constData());
        if (!patient.birthDate.isEmpty())
            ds->putAndInsertString(DCM_PatientBirthDate, patient.birthDate.constData());
        if (!patient.sex.isEmpty())
            ds->putAndInsertString(DCM_PatientSex, patient.sex.constData());
        ds->putAndInsertString(DCM_StudyInstanceUID, studyUid.constData());
        ds->putAndInsertString(DCM_StudyDate, studyDate.constData());
        if (!institution.isEmpty())
            ds->putAndInsertString(DCM_InstitutionName, institution.constData());
        ds->putAndInsertString(DCM_SeriesInstanceUID, seriesUid.constData());
        ds->putAndInsertString(DCM_SeriesDescription, seriesDescription.constData());
        if (!frameOfReferenceUid.isEmpty())
            ds->putAndInsertString(DCM_FrameOfReferenceUID, frameOfReferenceUid.constData());
        ds->putAndInsertString(DCM_Modality, modality.constData());
        ds->putAndInsertString(DCM_SeriesNumber, QByteArray::number(seriesNumber).constData());
        ds->putAndInsertString(DCM_InstanceNumber, QByteArray::number(instanceNumber).constData());
        if (hasPosition) {
            const QByteArray position = "0\\0\\" + QByteArray::number(z);
            ds->putAndInsertString(DCM_ImagePositionPatient, position.constData());
            ds->putAndInsertString(DCM_ImageOrientationPatient, "1\\0\\0\\0\\1\\0");
            ds->putAndInsertString(DCM_SliceLocation, QByteArray::number(z).constData());
        }
        ds->putAndInsertString(DCM_PixelSpacing, "1\\1");
        ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
        ds->putAndInsertUint16(DCM_Rows, Uint16(rows));
        ds->putAndInsertUint16(DCM_Columns, Uint16(columns));
        ds->putAndInsertUint16(DCM_BitsAllocated, 16);
        ds->putAndInsertUint16(DCM_BitsStored, 12);
        ds->putAndInsertUint16(DCM_HighBit, 11);
        ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
        ds->putAndInsertString(DCM_WindowCenter, windowCenter.constData());
        ds->putAndInsertString(DCM_WindowWidth, windowWidth.constData());
        std::vector<Uint16> words(size_t(rows) * size_t(columns), Uint16(fill));
        ds->putAndInsertUint16Array(DCM_PixelData, words.data(), words.size());
        return file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good();
    }
};

inline void putCode(DcmItem *item, const DcmTagKey &sequence, const char *value, const char *scheme, const char *meaning)
{
    DcmItem *code = nullptr;
    item->findOrCreateSequenceItem(sequence, code, -2);
    code->putAndInsertString(DCM_CodeValue, value);
    code->putAndInsertString(DCM_CodingSchemeDesignator, scheme);
    code->putAndInsertString(DCM_CodeMeaning, meaning);
}

inline void putCommon(DcmDataset *ds, const Patient &patient, const QByteArray &studyUid, const QByteArray &sopClass,
                      const QByteArray &sopUid, const QByteArray &modality, const QByteArray &seriesUid)
{
    ds->putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    ds->putAndInsertString(DCM_SOPClassUID, sopClass.constData());
    ds->putAndInsertString(DCM_SOPInstanceUID, sopUid.constData());
    ds->putAndInsertString(DCM_PatientName, patient.name.constData());
    ds->putAndInsertString(DCM_PatientID, patient.id.constData());
    ds->putAndInsertString(DCM_StudyInstanceUID, studyUid.constData());
    ds->putAndInsertString(DCM_StudyDate, "20250301");
    ds->putAndInsertString(DCM_SeriesInstanceUID, seriesUid.constData());
    ds->putAndInsertString(DCM_Modality, modality.constData());
    ds->putAndInsertString(DCM_SeriesNumber, "99");
    ds->putAndInsertString(DCM_InstanceNumber, "1");
}

// A Key Object Selection ("Of Interest") naming |images| (series UID, SOP UID) of |studyUid|.
inline bool writeKeyObjectSelection(const QString &path, const Patient &patient, const QByteArray &studyUid,
                                    const QList<QPair<QByteArray, QByteArray>> &images, const QByteArray &description = QByteArray())
{
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    putCommon(ds, patient, studyUid, UID_KeyObjectSelectionDocumentStorage, studyUid + ".900.1", "KO", studyUid + ".900");
    ds->putAndInsertString(DCM_ValueType, "CONTAINER");
    ds->putAndInsertString(DCM_ContinuityOfContent, "SEPARATE");
    putCode(ds, DCM_ConceptNameCodeSequence, "113000", "DCM", "Of Interest");
    DcmItem *study = nullptr;
    ds->findOrCreateSequenceItem(DCM_CurrentRequestedProcedureEvidenceSequence, study, -2);
    study->putAndInsertString(DCM_StudyInstanceUID, studyUid.constData());
    for (const auto &[series, sop] : images) {
        DcmItem *seriesItem = nullptr;
        study->findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, seriesItem, -2);
        seriesItem->putAndInsertString(DCM_SeriesInstanceUID, series.constData());
        DcmItem *sopItem = nullptr;
        seriesItem->findOrCreateSequenceItem(DCM_ReferencedSOPSequence, sopItem, -2);
        sopItem->putAndInsertString(DCM_ReferencedSOPClassUID, UID_CTImageStorage);
        sopItem->putAndInsertString(DCM_ReferencedSOPInstanceUID, sop.constData());
    }
    if (!description.isEmpty()) {
        DcmItem *text = nullptr;
        ds->findOrCreateSequenceItem(DCM_ContentSequence, text, -2);
        text->putAndInsertString(DCM_RelationshipType, "CONTAINS");
        text->putAndInsertString(DCM_ValueType, "TEXT");
        putCode(text, DCM_ConceptNameCodeSequence, "113012", "DCM", "Key Object Description");
        text->putAndInsertString(DCM_TextValue, description.constData());
    }
    for (const auto &[series, sop] : images) {
        Q_UNUSED(series);
        DcmItem *item = nullptr;
        ds->findOrCreateSequenceItem(DCM_ContentSequence, item, -2);
        item->putAndInsertString(DCM_RelationshipType, "CONTAINS");
        item->putAndInsertString(DCM_ValueType, "IMAGE");
        DcmItem *ref = nullptr;
        item->findOrCreateSequenceItem(DCM_ReferencedSOPSequence, ref, -2);
        ref->putAndInsertString(DCM_ReferencedSOPClassUID, UID_CTImageStorage);
        ref->putAndInsertString(DCM_ReferencedSOPInstanceUID, sop.constData());
    }
    return file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good();
}

struct PresentationState
{
    Patient patient;
    QByteArray studyUid = "1.2.826.0.1.3680043.9.7433.77.1";
    QByteArray seriesUid = "1.2.826.0.1.3680043.9.7433.77.1.1";
    QByteArray sopUid; // the image it applies to
    QByteArray label = "FINDINGS";
    QByteArray windowCenter = "100";
    QByteArray windowWidth = "200";
    bool rectangularShutter = true; // visible: columns 9–24, rows 9–24 (1-based)
    bool circularShutter = false;   // centre row 16, column 16, radius 8
    QList<QPointF> polyline{{2, 20}, {30, 20}}; // image pixels (column, row)
    QByteArray text = "所見 A";
    int rotation = -1;          // Image Rotation (0070,0042); -1: not written
    QByteArray horizontalFlip;  // Image Horizontal Flip (0070,0041); empty: not written
    QByteArray presentationLutShape = "IDENTITY";
    QByteArray rescaleSlope;     // the state's Modality LUT; empty: not written
    QByteArray rescaleIntercept;
    QList<Uint16> layerCieLab;   // Graphic Layer Recommended Display CIELab Value; empty: not written
    int layerGrey = -1;          // … Grayscale Value; -1: not written
    QRect displayedArea;         // 1-based corner pixels (column, row); null: no Displayed Area Selection
    QByteArray sizeMode = "SCALE TO FIT";
    QByteArray magnification;    // Presentation Pixel Magnification Ratio (MAGNIFY)

    bool write(const QString &path) const
    {
        DcmFileFormat file;
        DcmDataset *ds = file.getDataset();
        putCommon(ds, patient, studyUid, UID_GrayscaleSoftcopyPresentationStateStorage, studyUid + ".800.1", "PR", studyUid + ".800");
        ds->putAndInsertString(DCM_ContentLabel, label.constData());
        if (rotation >= 0)
            ds->putAndInsertUint16(DCM_ImageRotation, Uint16(rotation));
        if (!horizontalFlip.isEmpty())
            ds->putAndInsertString(DCM_ImageHorizontalFlip, horizontalFlip.constData());
        ds->putAndInsertString(DCM_PresentationLUTShape, presentationLutShape.constData());
        if (!rescaleSlope.isEmpty()) {
            ds->putAndInsertString(DCM_RescaleSlope, rescaleSlope.constData());
            ds->putAndInsertString(DCM_RescaleIntercept, rescaleIntercept.constData());
            ds->putAndInsertString(DCM_RescaleType, "HU");
        }
        if (!displayedArea.isNull()) {
            DcmItem *area = nullptr;
            ds->findOrCreateSequenceItem(DCM_DisplayedAreaSelectionSequence, area, -2);
            const QByteArray tl = QByteArray::number(displayedArea.left()) + '\\' + QByteArray::number(displayedArea.top());
            const QByteArray br = QByteArray::number(displayedArea.right()) + '\\' + QByteArray::number(displayedArea.bottom());
            area->putAndInsertString(DCM_DisplayedAreaTopLeftHandCorner, tl.constData());
            area->putAndInsertString(DCM_DisplayedAreaBottomRightHandCorner, br.constData());
            area->putAndInsertString(DCM_PresentationSizeMode, sizeMode.constData());
            if (!magnification.isEmpty())
                area->putAndInsertString(DCM_PresentationPixelMagnificationRatio, magnification.constData());
            else if (sizeMode == "TRUE SIZE")
                area->putAndInsertString(DCM_PresentationPixelSpacing, "1\\1");
        }
        DcmItem *series = nullptr;
        ds->findOrCreateSequenceItem(DCM_ReferencedSeriesSequence, series, -2);
        series->putAndInsertString(DCM_SeriesInstanceUID, seriesUid.constData());
        DcmItem *image = nullptr;
        series->findOrCreateSequenceItem(DCM_ReferencedImageSequence, image, -2);
        image->putAndInsertString(DCM_ReferencedSOPClassUID, UID_CTImageStorage);
        image->putAndInsertString(DCM_ReferencedSOPInstanceUID, sopUid.constData());
        DcmItem *voi = nullptr;
        ds->findOrCreateSequenceItem(DCM_SoftcopyVOILUTSequence, voi, -2);
        voi->putAndInsertString(DCM_WindowCenter, windowCenter.constData());
        voi->putAndInsertString(DCM_WindowWidth, windowWidth.constData());
        QByteArray shapes;
        if (rectangularShutter)
            shapes = "RECTANGULAR";
        if (circularShutter)
            shapes += shapes.isEmpty() ? "CIRCULAR" : "\\CIRCULAR";
        if (!shapes.isEmpty()) {
            ds->putAndInsertString(DCM_ShutterShape, shapes.constData());
            ds->putAndInsertUint16(DCM_ShutterPresentationValue, 0);
        }
        if (rectangularShutter) {
            ds->putAndInsertString(DCM_ShutterLeftVerticalEdge, "9");
            ds->putAndInsertString(DCM_ShutterRightVerticalEdge, "24");
            ds->putAndInsertString(DCM_ShutterUpperHorizontalEdge, "9");
            ds->putAndInsertString(DCM_ShutterLowerHorizontalEdge, "24");
        }
        if (circularShutter) {
            ds->putAndInsertString(DCM_CenterOfCircularShutter, "16\\16");
            ds->putAndInsertString(DCM_RadiusOfCircularShutter, "8");
        }
        DcmItem *layer = nullptr;
        ds->findOrCreateSequenceItem(DCM_GraphicLayerSequence, layer, -2);
        layer->putAndInsertString(DCM_GraphicLayer, "LAYER1");
        layer->putAndInsertString(DCM_GraphicLayerOrder, "1");
        if (layerCieLab.size() == 3)
            layer->putAndInsertUint16Array(DCM_GraphicLayerRecommendedDisplayCIELabValue, layerCieLab.constData(), 3);
        if (layerGrey >= 0)
            layer->putAndInsertUint16(DCM_GraphicLayerRecommendedDisplayGrayscaleValue, Uint16(layerGrey));
        DcmItem *ann = nullptr;
        ds->findOrCreateSequenceItem(DCM_GraphicAnnotationSequence, ann, -2);
        ann->putAndInsertString(DCM_GraphicLayer, "LAYER1");
        if (!polyline.isEmpty()) {
            DcmItem *g = nullptr;
            ann->findOrCreateSequenceItem(DCM_GraphicObjectSequence, g, -2);
            g->putAndInsertString(DCM_GraphicAnnotationUnits, "PIXEL");
            g->putAndInsertUint16(DCM_GraphicDimensions, 2);
            g->putAndInsertUint16(DCM_NumberOfGraphicPoints, Uint16(polyline.size()));
            std::vector<Float32> data;
            for (const QPointF &p : polyline) {
                data.push_back(Float32(p.x()));
                data.push_back(Float32(p.y()));
            }
            g->putAndInsertFloat32Array(DCM_GraphicData, data.data(), static_cast<unsigned long>(data.size()));
            g->putAndInsertString(DCM_GraphicType, "POLYLINE");
            g->putAndInsertString(DCM_GraphicFilled, "N");
        }
        if (!text.isEmpty()) {
            DcmItem *t = nullptr;
            ann->findOrCreateSequenceItem(DCM_TextObjectSequence, t, -2);
            t->putAndInsertString(DCM_UnformattedTextValue, text.constData());
            t->putAndInsertString(DCM_AnchorPointAnnotationUnits, "PIXEL");
            const Float32 anchor[2] = {4, 4};
            t->putAndInsertFloat32Array(DCM_AnchorPoint, anchor, 2);
            t->putAndInsertString(DCM_AnchorPointVisibility, "N");
        }
        return file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good();
    }
};

// A comprehensive SR with Japanese text: a finding, a measurement and a conclusion.
inline bool writeStructuredReport(const QString &path, const Patient &patient, const QByteArray &studyUid)
{
    DcmFileFormat file;
    DcmDataset *ds = file.getDataset();
    putCommon(ds, patient, studyUid, UID_ComprehensiveSRStorage, studyUid + ".700.1", "SR", studyUid + ".700");
    ds->putAndInsertString(DCM_InstitutionName, "Kakehashi General Hospital");
    ds->putAndInsertString(DCM_ValueType, "CONTAINER");
    ds->putAndInsertString(DCM_ContinuityOfContent, "SEPARATE");
    ds->putAndInsertString(DCM_CompletionFlag, "COMPLETE");
    ds->putAndInsertString(DCM_VerificationFlag, "UNVERIFIED");
    putCode(ds, DCM_ConceptNameCodeSequence, "18748-4", "LN", "画像診断報告書");
    DcmItem *findings = nullptr;
    ds->findOrCreateSequenceItem(DCM_ContentSequence, findings, -2);
    findings->putAndInsertString(DCM_RelationshipType, "CONTAINS");
    findings->putAndInsertString(DCM_ValueType, "CONTAINER");
    findings->putAndInsertString(DCM_ContinuityOfContent, "SEPARATE");
    putCode(findings, DCM_ConceptNameCodeSequence, "121070", "DCM", "所見");
    DcmItem *text = nullptr;
    findings->findOrCreateSequenceItem(DCM_ContentSequence, text, -2);
    text->putAndInsertString(DCM_RelationshipType, "CONTAINS");
    text->putAndInsertString(DCM_ValueType, "TEXT");
    putCode(text, DCM_ConceptNameCodeSequence, "121071", "DCM", "所見");
    text->putAndInsertString(DCM_TextValue, "右肺上葉に 12 mm の結節あり。");
    DcmItem *num = nullptr;
    findings->findOrCreateSequenceItem(DCM_ContentSequence, num, -2);
    num->putAndInsertString(DCM_RelationshipType, "CONTAINS");
    num->putAndInsertString(DCM_ValueType, "NUM");
    putCode(num, DCM_ConceptNameCodeSequence, "G-D7FE", "SRT", "直径");
    DcmItem *mv = nullptr;
    num->findOrCreateSequenceItem(DCM_MeasuredValueSequence, mv, -2);
    mv->putAndInsertString(DCM_NumericValue, "12");
    putCode(mv, DCM_MeasurementUnitsCodeSequence, "mm", "UCUM", "millimeter");
    DcmItem *conclusion = nullptr;
    ds->findOrCreateSequenceItem(DCM_ContentSequence, conclusion, -2);
    conclusion->putAndInsertString(DCM_RelationshipType, "CONTAINS");
    conclusion->putAndInsertString(DCM_ValueType, "CODE");
    putCode(conclusion, DCM_ConceptNameCodeSequence, "121077", "DCM", "結論");
    putCode(conclusion, DCM_ConceptCodeSequence, "D0-00000", "SRT", "経過観察");
    return file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit).good();
}

} // namespace PresentationFixtures
