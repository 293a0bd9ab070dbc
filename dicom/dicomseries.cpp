#include "dicomseries.h"

#include "dicomfilekind.h"
#include "dicomframedecoder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcdicdir.h>
#include <dcmtk/dcmdata/dcdirrec.h>
#include <dcmtk/dcmdata/dcuid.h>

#include <algorithm>

namespace Kakehashi::Dicom {

QFuture<DicomLoadedFrame> DicomInstance::loadFrame(int) const
{
    return QtFuture::makeReadyFuture(DicomLoadedFrame{{}, DicomSeriesBuilder::tr("this image is not fetched frame by frame")});
}

namespace {

void collectReferencedFiles(DcmDirectoryRecord *record, const QDir &base, QStringList &out)
{
    if (!record)
        return;
    OFString fileId;
    if (record->findAndGetOFStringArray(DCM_ReferencedFileID, fileId).good() && !fileId.empty()) {
        // File IDs use '\' between components (PS3.10 8.5).
        const QString relative = QString::fromLatin1(fileId.c_str()).trimmed().replace(u'\\', u'/');
        out.append(base.filePath(relative));
    }
    for (unsigned long i = 0; i < record->cardSub(); ++i)
        collectReferencedFiles(record->getSub(i), base, out);
}

bool isImageSopClass(const QString &uid)
{
    if (uid.isEmpty())
        return false;
    const QByteArray latin = uid.toLatin1();
    for (int i = 0; i < numberOfDcmImageSOPClassUIDs; ++i) {
        if (dcmImageSOPClassUIDs[i] && latin == dcmImageSOPClassUIDs[i])
            return true;
    }
    return false;
}

using ScannedInstance = DicomSeriesBuilder::Entry;

// The order to show a multi-frame object's frames in: by Plane Position along the stack when every
// frame has one (enhanced CT/MR frames need not be stored in spatial order), else as stored.
QList<int> frameOrder(const DicomImageInfo &info)
{
    QList<int> order;
    for (int f = 0; f < info.numberOfFrames; ++f)
        order.append(f);
    const QList<DicomFrameGroups> &groups = info.frameGroups;
    if (groups.size() != info.numberOfFrames || info.numberOfFrames < 2)
        return order;
    for (const DicomFrameGroups &g : groups)
        if (!g.hasPosition)
            return order;
    // The stack's direction: from the lowest to the highest position, whichever axis it runs along.
    QVector3D lo = groups.first().position;
    QVector3D hi = lo;
    for (const DicomFrameGroups &g : groups) {
        if (g.position.z() < lo.z() || (g.position.z() == lo.z() && g.position.x() + g.position.y() < lo.x() + lo.y()))
            lo = g.position;
        if (g.position.z() > hi.z() || (g.position.z() == hi.z() && g.position.x() + g.position.y() > hi.x() + hi.y()))
            hi = g.position;
    }
    const QVector3D direction = hi - lo;
    if (direction.lengthSquared() <= 0)
        return order;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return QVector3D::dotProduct(groups.at(a).position - lo, direction) < QVector3D::dotProduct(groups.at(b).position - lo, direction);
    });
    return order;
}

// Groups readable headers into series in display order.
void groupIntoSeries(const QList<ScannedInstance> &scanned, DicomScanResult *result)
{
    QHash<QString, int> index;
    QList<QList<ScannedInstance>> grouped;
    for (const ScannedInstance &r : scanned) {
        const QString &file = r.name;
        if (!r.info.hasPixelData && !r.info.fetchedByFrame && (r.info.rows > 0 || isImageSopClass(r.info.sopClassUid))) {
            // DCMTK accepts a file cut at an element boundary; an image without pixels is one.
            result->errors.append(DicomSeriesScanner::tr("%1: the image has no pixel data (the file may be cut short)").arg(file));
            continue;
        }
        if (r.info.rows <= 0 || r.info.columns <= 0) {
            // Not an image (structured report, key object selection, presentation state, …).
            if (!r.info.sopInstanceUid.isEmpty()) {
                DicomSliceRef object;
                object.path = file;
                object.instance = r.instance;
                object.sopInstanceUid = r.info.sopInstanceUid;
                result->otherObjects.append(object);
            }
            continue;
        }
        const QString key = r.info.seriesInstanceUid.isEmpty() ? file : r.info.seriesInstanceUid;
        auto it = index.find(key);
        if (it == index.end()) {
            it = index.insert(key, int(grouped.size()));
            grouped.append(QList<ScannedInstance>());
            DicomSeries s;
            s.seriesInstanceUid = r.info.seriesInstanceUid;
            s.studyInstanceUid = r.info.studyInstanceUid;
            s.patientName = r.info.patientName;
            s.patientId = r.info.patientId;
            s.patientBirthDate = r.info.patientBirthDate;
            s.patientSex = r.info.patientSex;
            s.studyDate = r.info.studyDate;
            s.studyTime = r.info.studyTime;
            s.studyDescription = r.info.studyDescription;
            s.institutionName = r.info.institutionName;
            s.frameOfReferenceUid = r.info.frameOfReferenceUid;
            s.description = r.info.seriesDescription;
            s.modality = r.info.modality;
            s.seriesNumber = r.info.seriesNumber;
            result->series.append(s);
        }
        grouped[*it].append(r);
    }
    for (qsizetype i = 0; i < grouped.size(); ++i) {
        auto &infos = grouped[i];
        std::stable_sort(infos.begin(), infos.end(), [](const ScannedInstance &a, const ScannedInstance &b) {
            if (a.info.instanceNumber != b.info.instanceNumber)
                return a.info.instanceNumber < b.info.instanceNumber;
            return a.info.sliceLocation < b.info.sliceLocation;
        });
        result->series[i].instanceCount = int(infos.size());
        for (const ScannedInstance &s : std::as_const(infos)) {
            for (const int f : frameOrder(s.info)) {
                DicomSliceRef ref;
                ref.path = s.name;
                ref.frame = f;
                ref.instance = s.instance;
                ref.sopInstanceUid = s.info.sopInstanceUid;
                if (f < s.info.frameGroups.size() && s.info.frameGroups.at(f).hasPosition) {
                    ref.hasPosition = true;
                    ref.position = s.info.frameGroups.at(f).position;
                } else if (s.info.hasImagePosition && s.info.numberOfFrames == 1) {
                    ref.hasPosition = true;
                    ref.position = s.info.imagePosition;
                }
                result->series[i].slices.append(ref);
            }
        }
    }
    std::stable_sort(result->series.begin(), result->series.end(),
                     [](const DicomSeries &a, const DicomSeries &b) { return a.seriesNumber < b.seriesNumber; });
}

} // namespace

void DicomSeriesBuilder::add(const DicomImageInfo &info, const QString &name, DicomInstancePtr instance)
{
    m_entries.append({info, name, std::move(instance)});
}

void DicomSeriesBuilder::addError(const QString &name, const QString &error)
{
    m_errors.append(tr("%1: %2").arg(name, error));
}

DicomScanResult DicomSeriesBuilder::result() const
{
    DicomScanResult result;
    result.errors = m_errors;
    groupIntoSeries(m_entries, &result);
    return result;
}

bool DicomSeriesScanner::isDicomFile(const QString &path)
{
    return isDicomFileContent(path);
}

QStringList DicomSeriesScanner::dicomDirFiles(const QString &dicomDir, QString *error)
{
    QStringList files;
    DcmDicomDir dir(QFile::encodeName(dicomDir).constData());
    if (dir.error().bad()) {
        if (error)
            *error = tr("%1: not a readable DICOMDIR (%2)").arg(dicomDir, QString::fromLatin1(dir.error().text()));
        return files;
    }
    collectReferencedFiles(&dir.getRootRecord(), QFileInfo(dicomDir).absoluteDir(), files);
    return files;
}

DicomScanResult DicomSeriesScanner::scan(const QStringList &paths)
{
    DicomScanResult result;
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            const QString dicomDir = QDir(path).filePath(QStringLiteral("DICOMDIR"));
            if (QFileInfo::exists(dicomDir)) {
                QString error;
                files += dicomDirFiles(dicomDir, &error);
                if (!error.isEmpty())
                    result.errors.append(error);
                continue;
            }
            QDirIterator it(path, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                if (isDicomFile(file))
                    files.append(file);
            }
        } else if (info.fileName().compare(QStringLiteral("DICOMDIR"), Qt::CaseInsensitive) == 0) {
            QString error;
            files += dicomDirFiles(path, &error);
            if (!error.isEmpty())
                result.errors.append(error);
        } else if (info.isFile()) {
            files.append(path);
        } else {
            result.errors.append(tr("%1: no such file or folder").arg(path));
        }
    }
    files.sort();
    files.removeDuplicates();

    DicomSeriesBuilder builder;
    for (const QString &e : std::as_const(result.errors))
        builder.addError(e);
    for (const QString &file : std::as_const(files)) {
        const DicomDecodeResult r = DicomFrameDecoder::readInfo(file);
        if (!r.ok) {
            builder.addError(r.errorString);
            continue;
        }
        builder.add(r.info, file);
    }
    return builder.result();
}

DicomScanResult DicomSeriesScanner::scanMemory(const QByteArray &part10)
{
    DicomSeriesBuilder builder;
    const DicomDecodeResult r = DicomFrameDecoder::readInfoBytes(part10);
    if (r.ok)
        builder.add(r.info, QStringLiteral("memory:0"), std::make_shared<DicomMemoryInstance>(part10));
    else
        builder.addError(r.errorString);
    return builder.result();
}

} // namespace Kakehashi::Dicom
