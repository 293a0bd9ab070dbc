// make_demo_dicom — writes the synthetic DICOM studies listed in imaging-manifest.json
//
//   make_demo_dicom DIR [MANIFEST]
//
// Reads MANIFEST (default DIR/imaging-manifest.json, written by generate.py) and
// writes DICOM Part-10 files to DIR/dicom/<StudyUID>/<SeriesUID>/<SOPUID>.dcm.
// Output is deterministic: the pixel data comes from analytic phantoms and a fixed
// pseudo-random noise sequence, and no tag depends on the current time.
//
// Series kinds:
//   ct-phantom  256x256, 16-bit signed, HU via RescaleSlope/Intercept, an abdomen-like
//               phantom of ellipses (air / fat / soft tissue / organs / bone) that changes
//               with the slice position
//   xray-chest  512x512, MONOCHROME2, 12 bits stored (CR)
//   xray-wrist  512x512, MONOCHROME2, 12 bits stored (DX, FOR PRESENTATION) with a fracture line
//
// All people in the manifest are fictional.

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace {

struct Rng {  // tiny deterministic LCG (numerical recipes constants)
    std::uint32_t s;
    explicit Rng(std::uint32_t seed) : s(seed ? seed : 1u) {}
    double uniform() {
        s = s * 1664525u + 1013904223u;
        return (s >> 8) / double(1u << 24);
    }
    double noise(double amplitude) { return (uniform() - 0.5) * 2.0 * amplitude; }
};

std::uint32_t seedFrom(const QString &s) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (const char c : s.toUtf8()) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return h;
}

// Inside test for an axis-aligned ellipse (coordinates in millimetres).
bool inEllipse(double x, double y, double cx, double cy, double rx, double ry) {
    const double dx = (x - cx) / rx, dy = (y - cy) / ry;
    return dx * dx + dy * dy <= 1.0;
}

// Hounsfield value of the abdomen phantom at (x, y) mm for slice position z mm (-80..+80).
double phantomHU(double x, double y, double z) {
    const double t = (z + 80.0) / 160.0;  // 0 = pelvis side, 1 = upper abdomen
    const double bodyRx = 150.0 + 15.0 * std::sin(t * 3.1416), bodyRy = 105.0 + 10.0 * t;
    if (!inEllipse(x, y, 0, 5, bodyRx, bodyRy))
        return -1000.0;  // air around the patient
    double hu = -100.0;  // subcutaneous fat
    if (inEllipse(x, y, 0, 5, bodyRx - 14, bodyRy - 14))
        hu = 40.0;  // soft tissue
    // vertebral body: cortical rim and cancellous core, posterior midline
    if (inEllipse(x, y, 0, 62, 22, 20))
        hu = inEllipse(x, y, 0, 62, 17, 15) ? 250.0 : 700.0;
    // spinal canal
    if (inEllipse(x, y, 0, 88, 8, 7))
        hu = 15.0;
    // psoas muscles
    if (inEllipse(x, y, -38, 62, 16, 14) || inEllipse(x, y, 38, 62, 16, 14))
        hu = 50.0;
    // aorta
    if (inEllipse(x, y, -12, 35, 11, 11))
        hu = 45.0;
    // liver (image left = patient right), upper slices only
    if (t > 0.45 && inEllipse(x, y, -70, -5, 70 * (t - 0.2), 60 * (t - 0.2)))
        hu = 60.0;
    // stomach with an air-fluid level, upper slices
    if (t > 0.6 && inEllipse(x, y, 55, -25, 38, 30)) {
        hu = (y < -32) ? -1000.0 : 20.0;
        if (inEllipse(x, y, 80, -20, 7, 6))
            hu = 90.0;  // small enhancing wall lesion (the "tumour")
    }
    // kidneys, middle slices
    if (t > 0.25 && t < 0.75) {
        const double r = 1.0 - std::abs(t - 0.5) * 3.0;
        if (r > 0 && (inEllipse(x, y, -68, 55, 24 * r + 6, 32 * r + 6) || inEllipse(x, y, 68, 55, 24 * r + 6, 32 * r + 6)))
            hu = 30.0;
    }
    // bowel gas bubbles, lower slices
    if (t < 0.5) {
        for (int k = 0; k < 4; ++k) {
            const double cx = -60 + 40 * k + 10 * std::sin(z / 15.0 + k);
            const double cy = -40 + 12 * std::cos(z / 20.0 + k);
            if (inEllipse(x, y, cx, cy, 9, 7))
                hu = -1000.0;
        }
    }
    // iliac wings, lowest slices
    if (t < 0.2 && (inEllipse(x, y, -95, 45, 30, 12) || inEllipse(x, y, 95, 45, 30, 12)))
        hu = 600.0;
    return hu;
}

// 12-bit radiograph intensity (MONOCHROME2: bright = attenuating)
double chestValue(double u, double v) {  // u, v in [-1, 1]
    if (!inEllipse(u, v, 0, 0.05, 0.92, 0.98))
        return 150.0;  // direct exposure
    double val = 2300.0;  // soft tissue
    const bool lungR = inEllipse(u, v, -0.38, -0.05, 0.3, 0.62);
    const bool lungL = inEllipse(u, v, 0.38, -0.05, 0.3, 0.62);
    if (lungR || lungL)
        val = 900.0;
    if (inEllipse(u, v, 0.1, 0.2, 0.26, 0.3))
        val = 2600.0;  // heart shadow
    if (std::abs(u) < 0.07)
        val = 3300.0;  // spine
    for (int k = 0; k < 9; ++k) {  // ribs as thin arcs
        const double yy = -0.6 + k * 0.14 + 0.12 * u * u;
        if (std::abs(v - yy) < 0.018 && std::abs(u) > 0.08 && std::abs(u) < 0.7)
            val = std::max(val, 3000.0);
    }
    if (inEllipse(u, v, -0.45, -0.75, 0.35, 0.05) || inEllipse(u, v, 0.45, -0.75, 0.35, 0.05))
        val = 3100.0;  // clavicles
    return val;
}

double wristValue(double u, double v) {
    if (!inEllipse(u, v, 0, 0.1, 0.55, 1.2))
        return 150.0;
    double val = 1800.0;  // soft tissue of forearm / hand
    const bool radius = std::abs(u + 0.2 - 0.06 * v) < 0.13 && v > -0.3;
    const bool ulna = std::abs(u - 0.22) < 0.08 && v > -0.2;
    if (radius || ulna)
        val = 3500.0;
    if (radius && std::abs(u + 0.2 - 0.06 * v) < 0.08)
        val = 2800.0;  // medullary cavity
    // distal radius fracture line, slightly oblique
    if (radius && std::abs(v - (-0.05 + 0.25 * (u + 0.2))) < 0.012)
        val = 1700.0;
    for (int k = 0; k < 5; ++k) {  // carpal bones
        if (inEllipse(u, v, -0.28 + 0.14 * k, -0.45, 0.06, 0.08))
            val = 3200.0;
    }
    return val;
}

bool put(DcmDataset &ds, const DcmTagKey &tag, const QString &value) {
    const OFCondition c = ds.putAndInsertString(tag, value.toUtf8().constData());
    if (c.bad())
        std::fprintf(stderr, "cannot set %s: %s\n", DcmTag(tag).getTagName(), c.text());
    return c.good();
}

QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }

bool writeInstance(const QString &outDir, const QJsonObject &study, const QJsonObject &series,
                   const QJsonObject &inst, int instanceCount) {
    const QString kind = str(series, "kind");
    const QString modality = str(series, "modality");
    const int number = inst.value(QLatin1String("instanceNumber")).toInt();
    const QString studyUid = str(study, "studyInstanceUID");
    const QString seriesUid = str(series, "seriesInstanceUID");
    const QString sopUid = str(inst, "sopInstanceUID");

    DcmFileFormat file;
    DcmDataset &ds = *file.getDataset();
    put(ds, DCM_SpecificCharacterSet, QStringLiteral("ISO_IR 192"));
    put(ds, DCM_SOPClassUID, str(inst, "sopClassUID"));
    put(ds, DCM_SOPInstanceUID, sopUid);
    put(ds, DCM_StudyInstanceUID, studyUid);
    put(ds, DCM_SeriesInstanceUID, seriesUid);
    put(ds, DCM_FrameOfReferenceUID, seriesUid + QStringLiteral(".1"));
    put(ds, DCM_PatientName, str(study, "patientName"));
    put(ds, DCM_PatientID, str(study, "dicomPatientId"));
    put(ds, DCM_IssuerOfPatientID, str(study, "institutionName"));
    put(ds, DCM_PatientBirthDate, str(study, "birthDate"));
    put(ds, DCM_PatientSex, str(study, "sex"));
    put(ds, DCM_StudyDate, str(study, "studyDate"));
    put(ds, DCM_StudyTime, str(study, "studyTime"));
    put(ds, DCM_SeriesDate, str(study, "studyDate"));
    put(ds, DCM_SeriesTime, str(study, "studyTime"));
    put(ds, DCM_ContentDate, str(study, "studyDate"));
    put(ds, DCM_ContentTime, str(study, "studyTime"));
    put(ds, DCM_AccessionNumber, str(study, "accessionNumber"));
    put(ds, DCM_StudyID, str(study, "imagingStudyId").right(16));
    put(ds, DCM_StudyDescription, str(study, "studyDescription"));
    put(ds, DCM_SeriesDescription, str(series, "description"));
    put(ds, DCM_InstitutionName, str(study, "institutionName"));
    put(ds, DCM_ReferringPhysicianName, str(study, "referringPhysician"));
    put(ds, DCM_Manufacturer, QStringLiteral("Kakehashi demo phantom"));
    put(ds, DCM_Modality, modality);
    put(ds, DCM_SeriesNumber, QString::number(series.value(QLatin1String("seriesNumber")).toInt()));
    put(ds, DCM_InstanceNumber, QString::number(number));
    put(ds, DCM_PatientOrientation, QString());
    put(ds, DCM_SamplesPerPixel, QStringLiteral("1"));
    put(ds, DCM_PhotometricInterpretation, QStringLiteral("MONOCHROME2"));
    put(ds, DCM_BurnedInAnnotation, QStringLiteral("NO"));

    Rng rng(seedFrom(sopUid));
    if (kind == QLatin1String("ct-phantom")) {
        const int n = 256;
        const double spacing = 400.0 / n;  // 400 mm field of view
        const double thickness = 5.0;
        const double z = (number - 1 - (instanceCount - 1) / 2.0) * thickness;
        std::vector<Sint16> px(n * n);
        for (int r = 0; r < n; ++r) {
            for (int c = 0; c < n; ++c) {
                const double x = -200.0 + (c + 0.5) * spacing, y = -200.0 + (r + 0.5) * spacing;
                double hu = phantomHU(x, y, z);
                if (hu > -900)
                    hu += rng.noise(12.0);
                px[r * n + c] = static_cast<Sint16>(std::lround(std::clamp(hu, -1024.0, 3071.0) + 1024.0));
            }
        }
        put(ds, DCM_ImageType, QStringLiteral("ORIGINAL\\PRIMARY\\AXIAL"));
        put(ds, DCM_BodyPartExamined, QStringLiteral("ABDOMEN"));
        put(ds, DCM_PatientPosition, QStringLiteral("FFS"));
        put(ds, DCM_KVP, QStringLiteral("120"));
        put(ds, DCM_SliceThickness, QString::number(thickness));
        put(ds, DCM_SpacingBetweenSlices, QString::number(thickness));
        put(ds, DCM_PixelSpacing, QStringLiteral("%1\\%1").arg(spacing));
        put(ds, DCM_ImageOrientationPatient, QStringLiteral("1\\0\\0\\0\\1\\0"));
        put(ds, DCM_ImagePositionPatient, QStringLiteral("-200\\-200\\%1").arg(z));
        put(ds, DCM_SliceLocation, QString::number(z));
        put(ds, DCM_Rows, QString::number(n));
        put(ds, DCM_Columns, QString::number(n));
        put(ds, DCM_BitsAllocated, QStringLiteral("16"));
        put(ds, DCM_BitsStored, QStringLiteral("16"));
        put(ds, DCM_HighBit, QStringLiteral("15"));
        put(ds, DCM_PixelRepresentation, QStringLiteral("1"));
        put(ds, DCM_RescaleIntercept, QStringLiteral("-1024"));
        put(ds, DCM_RescaleSlope, QStringLiteral("1"));
        put(ds, DCM_RescaleType, QStringLiteral("HU"));
        put(ds, DCM_WindowCenter, QStringLiteral("40\\-600"));
        put(ds, DCM_WindowWidth, QStringLiteral("400\\1500"));
        put(ds, DCM_WindowCenterWidthExplanation, QStringLiteral("ABDOMEN\\LUNG"));
        if (ds.putAndInsertUint16Array(DCM_PixelData, reinterpret_cast<const Uint16 *>(px.data()), n * n).bad())
            return false;
    } else {
        const int n = 512;
        const bool chest = kind == QLatin1String("xray-chest");
        std::vector<Uint16> px(n * n);
        for (int r = 0; r < n; ++r) {
            for (int c = 0; c < n; ++c) {
                const double u = (c + 0.5) / n * 2.0 - 1.0, v = (r + 0.5) / n * 2.0 - 1.0;
                const double val = (chest ? chestValue(u, v) : wristValue(u, v)) + rng.noise(40.0);
                px[r * n + c] = static_cast<Uint16>(std::lround(std::clamp(val, 0.0, 4095.0)));
            }
        }
        const QString spacing = chest ? QStringLiteral("0.8\\0.8") : QStringLiteral("0.25\\0.25");
        put(ds, DCM_ImageType, QStringLiteral("ORIGINAL\\PRIMARY"));
        put(ds, DCM_BodyPartExamined, chest ? QStringLiteral("CHEST") : QStringLiteral("HAND"));
        put(ds, DCM_ViewPosition, chest ? QStringLiteral("PA") : QStringLiteral("AP"));
        put(ds, DCM_PatientOrientation, chest ? QStringLiteral("L\\F") : QStringLiteral("L\\H"));
        put(ds, DCM_ImagerPixelSpacing, spacing);
        put(ds, DCM_PixelSpacing, spacing);
        if (modality == QLatin1String("DX")) {
            put(ds, DCM_PresentationIntentType, QStringLiteral("FOR PRESENTATION"));
            put(ds, DCM_PresentationLUTShape, QStringLiteral("IDENTITY"));
            put(ds, DCM_Laterality, QStringLiteral("R"));
            put(ds, DCM_ImageLaterality, QStringLiteral("R"));
        }
        put(ds, DCM_KVP, chest ? QStringLiteral("120") : QStringLiteral("55"));
        put(ds, DCM_Rows, QString::number(n));
        put(ds, DCM_Columns, QString::number(n));
        put(ds, DCM_BitsAllocated, QStringLiteral("16"));
        put(ds, DCM_BitsStored, QStringLiteral("12"));
        put(ds, DCM_HighBit, QStringLiteral("11"));
        put(ds, DCM_PixelRepresentation, QStringLiteral("0"));
        put(ds, DCM_RescaleIntercept, QStringLiteral("0"));
        put(ds, DCM_RescaleSlope, QStringLiteral("1"));
        put(ds, DCM_WindowCenter, QStringLiteral("2048"));
        put(ds, DCM_WindowWidth, QStringLiteral("4096"));
        if (ds.putAndInsertUint16Array(DCM_PixelData, px.data(), n * n).bad())
            return false;
    }

    const QString dir = QDir(outDir).filePath(QStringLiteral("dicom/%1/%2").arg(studyUid, seriesUid));
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(dir));
        return false;
    }
    const QString path = QDir(dir).filePath(sopUid + QStringLiteral(".dcm"));
    const OFCondition c = file.saveFile(QFile::encodeName(path).constData(), EXS_LittleEndianExplicit);
    if (c.bad()) {
        std::fprintf(stderr, "cannot write %s: %s\n", qPrintable(path), c.text());
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2 || args.size() > 3) {
        std::fprintf(stderr, "usage: make_demo_dicom DIR [MANIFEST]\n");
        return 2;
    }
    const QString outDir = args.at(1);
    const QString manifestPath = args.size() == 3 ? args.at(2) : QDir(outDir).filePath(QStringLiteral("imaging-manifest.json"));
    QFile f(manifestPath);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(manifestPath));
        return 1;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(manifestPath), qPrintable(err.errorString()));
        return 1;
    }
    int written = 0;
    for (const QJsonValue &sv : doc.object().value(QLatin1String("studies")).toArray()) {
        const QJsonObject study = sv.toObject();
        for (const QJsonValue &sev : study.value(QLatin1String("series")).toArray()) {
            const QJsonObject series = sev.toObject();
            const QJsonArray instances = series.value(QLatin1String("instances")).toArray();
            for (const QJsonValue &iv : instances) {
                if (!writeInstance(outDir, study, series, iv.toObject(), int(instances.size())))
                    return 1;
                ++written;
            }
        }
    }
    std::printf("make_demo_dicom: wrote %d DICOM files under %s/dicom\n", written, qPrintable(outDir));
    return 0;
}
