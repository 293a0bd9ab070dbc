#pragma once

// Small DICOM files for tests, written with DCMTK: a patient, a study, a series, a 16×12 CT.
#include <QByteArray>
#include <QFile>
#include <QString>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <vector>

struct DicomFixture
{
    QByteArray patientName = "Test^Patient";
    QByteArray patientId = "T-1";
    QByteArray birthDate;
    QByteArray sex;
    QByteArray studyUid = "1.2.826.0.1.3680043.9.7433.14.10";
    QByteArray studyDate = "20250301";
    QByteArray studyDescription;
    QByteArray seriesUid = "1.2.826.0.1.3680043.9.7433.14.10.1";
    QByteArray seriesDescription;
    QByteArray modality = "CT";
    int seriesNumber = 1;
    int instanceNumber = 1;
    bool preamble = true; // false: the file starts with the meta group, as in older exports
    int fill = -1;        // >= 0: every pixel has this value (1000 shows white in the file's window)
    int rows = 12;
    int columns = 16;
    bool deflate = false; // deflated explicit VR little endian

    // Writes the file; false on failure.
    bool write(const QString &path) const
    {
        DcmFileFormat file;
        DcmDataset *ds = file.getDataset();
        const QByteArray sop = seriesUid + '.' + QByteArray::number(instanceNumber);
        ds->putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
        ds->putAndInsertString(DCM_SOPClassUID, UID_CTImageStorage);
        ds->putAndInsertString(DCM_SOPInstanceUID, sop.constData());
        ds->putAndInsertString(DCM_PatientName, patientName.constData());
        ds->putAndInsertString(DCM_PatientID, patientId.constData());
        if (!birthDate.isEmpty())
            ds->putAndInsertString(DCM_PatientBirthDate, birthDate.constData());
        if (!sex.isEmpty())
            ds->putAndInsertString(DCM_PatientSex, sex.constData());
        ds->putAndInsertString(DCM_StudyInstanceUID, studyUid.constData());
        ds->putAndInsertString(DCM_StudyDate, studyDate.constData());
        if (!studyDescription.isEmpty())
            ds->putAndInsertString(DCM_StudyDescription, studyDescription.constData());
        ds->putAndInsertString(DCM_SeriesInstanceUID, seriesUid.constData());
        if (!seriesDescription.isEmpty())
            ds->putAndInsertString(DCM_SeriesDescription, seriesDescription.constData());
        ds->putAndInsertString(DCM_Modality, modality.constData());
        ds->putAndInsertString(DCM_SeriesNumber, QByteArray::number(seriesNumber).constData());
        ds->putAndInsertString(DCM_InstanceNumber, QByteArray::number(instanceNumber).constData());
        ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
        ds->putAndInsertUint16(DCM_Rows, Uint16(rows));
        ds->putAndInsertUint16(DCM_Columns, Uint16(columns));
        ds->putAndInsertUint16(DCM_BitsAllocated, 16);
        ds->putAndInsertUint16(DCM_BitsStored, 12);
        ds->putAndInsertUint16(DCM_HighBit, 11);
        ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
        ds->putAndInsertString(DCM_WindowCenter, "500");
        ds->putAndInsertString(DCM_WindowWidth, "1000");
        std::vector<Uint16> words(size_t(rows) * size_t(columns));
        for (size_t i = 0; i < words.size(); ++i)
            words[i] = fill >= 0 ? Uint16(fill) : Uint16((i * 37 + size_t(instanceNumber) * 101) % 1000);
        ds->putAndInsertUint16Array(DCM_PixelData, words.data(), words.size());
        if (file.saveFile(QFile::encodeName(path).constData(), deflate ? EXS_DeflatedLittleEndianExplicit : EXS_LittleEndianExplicit).bad())
            return false;
        if (preamble)
            return true;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        const QByteArray bytes = f.readAll().mid(132);
        f.close();
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
    }
};
