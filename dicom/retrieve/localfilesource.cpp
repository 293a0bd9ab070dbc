#include "localfilesource.h"

#include "dicom/dicomheader.h"
#include "dicom/dicomseries.h"

#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QtConcurrent>

namespace Kakehashi::Dicom {

struct LocalFileSource::Index
{
    QStringList paths;
    QMutex mutex;
    bool scanned = false;
    DicomScanResult scan;
    QHash<QString, DicomHeader> headers; // by path, first file of each series and each file on demand

    // Blocking; called from worker threads only.
    const DicomScanResult &ensureScanned()
    {
        QMutexLocker lock(&mutex);
        if (!scanned) {
            scan = DicomSeriesScanner::scan(paths);
            // The scanner groups by series; the study comes from each series' first header.
            for (DicomSeries &series : scan.series) {
                if (series.slices.isEmpty())
                    continue;
                const QString first = series.slices.first().path;
                const DicomHeaderResult r = DicomHeaderReader::read(first);
                headers.insert(first, r.header);
                if (series.studyInstanceUid.isEmpty())
                    series.studyInstanceUid = r.header.studyInstanceUid;
            }
            scanned = true;
        }
        return scan;
    }
    DicomHeader header(const QString &path)
    {
        QMutexLocker lock(&mutex);
        auto it = headers.constFind(path);
        if (it != headers.constEnd())
            return *it;
        lock.unlock();
        const DicomHeaderResult r = DicomHeaderReader::read(path);
        lock.relock();
        headers.insert(path, r.header);
        return r.header;
    }
};

namespace {

bool matches(const QString &pattern, const QString &value)
{
    if (pattern.isEmpty())
        return true;
    // DICOM wildcards (* and ?) over the whole value, case-insensitive as PACS usually match.
    const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern),
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(value).hasMatch();
}

ImageSourceStatus cancelled()
{
    return {ImageSourceError::Cancelled, QStringLiteral("cancelled"), 0, -1};
}

} // namespace

LocalFileSource::LocalFileSource(const QStringList &paths)
    : m_index(std::make_shared<Index>())
{
    m_index->paths = paths;
}

LocalFileSource::~LocalFileSource() = default;

QFuture<StudyQueryResult> LocalFileSource::findStudies(const StudyQuery &query, const CancelToken &cancel)
{
    return QtConcurrent::run([index = m_index, query, cancel] {
        StudyQueryResult result;
        const DicomScanResult &scan = index->ensureScanned();
        QHash<QString, qsizetype> byUid;
        for (const DicomSeries &series : scan.series) {
            if (cancel.isCancelled()) {
                result.status = cancelled();
                return result;
            }
            if (series.slices.isEmpty())
                continue;
            const DicomHeader h = index->header(series.slices.first().path);
            if (!matches(query.studyInstanceUid, series.studyInstanceUid) || !matches(query.patientId, h.patientId)
                || !matches(query.patientName, h.patientName) || !matches(query.studyDate, h.studyDate))
                continue;
            auto it = byUid.constFind(series.studyInstanceUid);
            if (it == byUid.constEnd()) {
                StudyRecord s;
                s.studyInstanceUid = series.studyInstanceUid;
                s.patientName = h.patientName;
                s.patientId = h.patientId;
                s.studyDate = h.studyDate;
                s.numberOfSeries = 0;
                s.numberOfInstances = 0;
                it = byUid.insert(series.studyInstanceUid, result.items.size());
                result.items.append(s);
            }
            StudyRecord &s = result.items[*it];
            s.numberOfSeries += 1;
            s.numberOfInstances += int(series.slices.size());
            if (!series.modality.isEmpty() && !s.modalitiesInStudy.contains(series.modality))
                s.modalitiesInStudy << series.modality;
        }
        if (query.limit > 0 && result.items.size() > query.limit)
            result.items.resize(query.limit);
        return result;
    });
}

QFuture<SeriesQueryResult> LocalFileSource::findSeries(const QString &studyInstanceUid, const CancelToken &cancel)
{
    return QtConcurrent::run([index = m_index, studyInstanceUid, cancel] {
        SeriesQueryResult result;
        const DicomScanResult &scan = index->ensureScanned();
        if (cancel.isCancelled()) {
            result.status = cancelled();
            return result;
        }
        for (const DicomSeries &series : scan.series) {
            if (series.studyInstanceUid != studyInstanceUid)
                continue;
            SeriesRecord r;
            r.studyInstanceUid = series.studyInstanceUid;
            r.seriesInstanceUid = series.seriesInstanceUid;
            r.modality = series.modality;
            r.seriesDescription = series.description;
            r.seriesNumber = series.seriesNumber;
            r.numberOfInstances = int(series.slices.size());
            result.items.append(r);
        }
        return result;
    });
}

QFuture<InstanceQueryResult> LocalFileSource::findInstances(const SeriesRef &ref, const CancelToken &cancel)
{
    return QtConcurrent::run([index = m_index, ref, cancel] {
        InstanceQueryResult result;
        const DicomScanResult &scan = index->ensureScanned();
        QSet<QString> seen;
        for (const DicomSeries &series : scan.series) {
            if (series.seriesInstanceUid != ref.seriesInstanceUid)
                continue;
            for (qsizetype i = 0; i < series.slices.size(); ++i) {
                if (cancel.isCancelled()) {
                    result.status = cancelled();
                    return result;
                }
                const QString path = series.slices.at(i).path;
                if (seen.contains(path)) // multi-frame files appear once per frame
                    continue;
                seen.insert(path);
                const DicomHeader h = index->header(path);
                InstanceRecord r;
                r.studyInstanceUid = series.studyInstanceUid;
                r.seriesInstanceUid = series.seriesInstanceUid;
                r.sopInstanceUid = h.sopInstanceUid;
                r.instanceNumber = int(result.items.size() + 1);
                r.rows = h.rows;
                r.columns = h.columns;
                result.items.append(r);
            }
        }
        if (result.items.isEmpty())
            result.status = {ImageSourceError::NotFound, QStringLiteral("no such series in the local files"), 0, -1};
        return result;
    });
}

QFuture<RetrieveResult> LocalFileSource::retrieveInstances(const RetrieveRequest &request, const CancelToken &cancel)
{
    return QtConcurrent::run([index = m_index, request, cancel] {
        RetrieveResult result;
        const DicomScanResult &scan = index->ensureScanned();
        QSet<QString> seen;
        for (const DicomSeries &series : scan.series) {
            if (series.seriesInstanceUid != request.series.seriesInstanceUid)
                continue;
            for (const DicomSliceRef &slice : series.slices) {
                if (cancel.isCancelled()) {
                    result.status = cancelled();
                    return result;
                }
                if (seen.contains(slice.path))
                    continue;
                seen.insert(slice.path);
                RetrievedInstance instance;
                instance.path = slice.path;
                instance.sopInstanceUid = index->header(slice.path).sopInstanceUid;
                if (request.keepBytes) {
                    QFile f(slice.path);
                    if (!f.open(QIODevice::ReadOnly)) {
                        result.status = {ImageSourceError::LocalIo, f.errorString(), 0, -1};
                        return result;
                    }
                    instance.bytes = f.readAll();
                }
                if (request.onInstance)
                    request.onInstance(instance);
                result.items.append(instance);
            }
        }
        if (result.items.isEmpty())
            result.status = {ImageSourceError::NotFound, QStringLiteral("no such series in the local files"), 0, -1};
        return result;
    });
}

} // namespace Kakehashi::Dicom
