#include "dimsesource.h"

#include "dicom/dicomtext.h"
#include "retrievelog.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QPromise>
#include <QSet>
#include <QTemporaryDir>
#include <QtConcurrent>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmnet/dstorscp.h>
#include <dcmtk/dcmnet/scu.h>
#include <dcmtk/oflog/oflog.h>

#include <atomic>
#include <mutex>
#include <thread>

namespace Kakehashi::Dicom {

namespace {

const OFConditionConst kCancelled{OFM_dcmnet, 0x7F01, OF_error, "Cancelled by the user"};

OFList<OFString> queryTransferSyntaxes()
{
    OFList<OFString> ts;
    ts.push_back(UID_LittleEndianExplicitTransferSyntax);
    ts.push_back(UID_BigEndianExplicitTransferSyntax);
    ts.push_back(UID_LittleEndianImplicitTransferSyntax);
    return ts;
}

// What we accept as a storage SCP: everything our decoder reads.
OFList<OFString> storageTransferSyntaxes()
{
    OFList<OFString> ts = queryTransferSyntaxes();
    for (const char *uid : {UID_JPEGProcess1TransferSyntax, UID_JPEGProcess2_4TransferSyntax,
                            UID_JPEGProcess14SV1TransferSyntax, UID_JPEGProcess14TransferSyntax,
                            UID_JPEGLSLosslessTransferSyntax, UID_JPEGLSLossyTransferSyntax,
                            UID_JPEG2000LosslessOnlyTransferSyntax, UID_JPEG2000TransferSyntax,
                            UID_RLELosslessTransferSyntax, UID_DeflatedExplicitVRLittleEndianTransferSyntax})
        ts.push_back(uid);
    return ts;
}

QString cleanAe(const QString &ae)
{
    return ae.trimmed().left(16);
}

ImageSourceStatus statusFrom(const OFCondition &cond, const char *what)
{
    ImageSourceStatus s;
    if (cond.good())
        return s;
    s.errorString = QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(cond.text()));
    if (cond == kCancelled)
        s.error = ImageSourceError::Cancelled;
    else if (cond == DUL_READTIMEOUT || cond == DIMSE_NODATAAVAILABLE
             || QString::fromLatin1(cond.text()).contains(QLatin1String("time"), Qt::CaseInsensitive))
        s.error = ImageSourceError::Timeout;
    else
        s.error = ImageSourceError::Network;
    return s;
}

// DcmSCU with cancel checks in the response and store callbacks.
class Scu : public DcmSCU
{
public:
    Scu(const DimseProfile &profile, const CancelToken &cancel)
        : m_cancel(cancel)
    {
        setAETitle(cleanAe(profile.callingAeTitle).toStdString().c_str());
        setPeerAETitle(cleanAe(profile.calledAeTitle).toStdString().c_str());
        setPeerHostName(profile.host.toStdString().c_str());
        setPeerPort(profile.port);
        const int t = qMax(1, profile.timeoutSeconds);
        setConnectionTimeout(t);
        setACSETimeout(Uint32(t));
        setDIMSEBlockingMode(DIMSE_NONBLOCKING);
        setDIMSETimeout(Uint32(t));
        setVerbosePCMode(OFFalse);
    }

    std::function<void(const QString &)> onStored;

    OFCondition handleFINDResponse(const T_ASC_PresentationContextID presID, QRResponse *response, OFBool &waitForNextResponse) override
    {
        if (m_cancel.isCancelled())
            return kCancelled;
        return DcmSCU::handleFINDResponse(presID, response, waitForNextResponse);
    }
    OFCondition handleCGETResponse(const T_ASC_PresentationContextID presID, RetrieveResponse *response, OFBool &continueCGETSession) override
    {
        if (m_cancel.isCancelled())
            return kCancelled;
        return DcmSCU::handleCGETResponse(presID, response, continueCGETSession);
    }
    OFCondition handleMOVEResponse(const T_ASC_PresentationContextID presID, RetrieveResponse *response, OFBool &waitForNextResponse) override
    {
        if (m_cancel.isCancelled())
            return kCancelled;
        return DcmSCU::handleMOVEResponse(presID, response, waitForNextResponse);
    }
    // C-GET sub-operations (DCMSCU_STORAGE_DISK): the base class writes the file.
    OFCondition handleSTORERequest(const T_ASC_PresentationContextID presID, DcmDataset *incomingObject,
                                   OFBool &continueCGETSession, Uint16 &cStoreReturnStatus) override
    {
        if (m_cancel.isCancelled()) {
            delete incomingObject;
            continueCGETSession = OFFalse;
            cStoreReturnStatus = STATUS_STORE_Refused_OutOfResources;
            return kCancelled;
        }
        const OFString filename = incomingObject ? createStorageFilename(incomingObject) : OFString();
        const OFCondition cond = DcmSCU::handleSTORERequest(presID, incomingObject, continueCGETSession, cStoreReturnStatus);
        if (cond.good() && !filename.empty() && onStored)
            onStored(QString::fromLocal8Bit(filename.c_str()));
        return cond;
    }

private:
    CancelToken m_cancel;
};

// Storage SCP receiving C-MOVE sub-operations; stops when told to.
class MoveDestination : public DcmStorageSCP
{
public:
    std::atomic_bool stop = false;
    std::function<void(const QString &)> onStored;

protected:
    OFBool stopAfterConnectionTimeout() override { return stop.load(); }
    OFBool stopAfterCurrentAssociation() override { return stop.load(); }
    void notifyInstanceStored(const OFString &filename, const OFString &, const OFString &, DcmDataset *) const override
    {
        if (onStored)
            onStored(QString::fromLocal8Bit(filename.c_str()));
    }
};

struct Association
{
    Scu scu;
    ImageSourceStatus status;
    T_ASC_PresentationContextID presId = 0;

    Association(const DimseProfile &profile, const CancelToken &cancel)
        : scu(profile, cancel)
    {
    }
    ~Association()
    {
        if (scu.isConnected()) {
            if (status.ok())
                scu.releaseAssociation();
            else
                scu.abortAssociation();
        }
    }
    bool open(const char *what)
    {
        OFCondition cond = scu.initNetwork();
        if (cond.good())
            cond = scu.negotiateAssociation();
        status = statusFrom(cond, what);
        return status.ok();
    }
    bool findContext(const char *abstractSyntax)
    {
        presId = scu.findPresentationContextID(abstractSyntax, "");
        if (presId == 0)
            status = {ImageSourceError::Network, QStringLiteral("the peer accepts no presentation context for %1").arg(QLatin1String(abstractSyntax)), 0, -1};
        return presId != 0;
    }
};

QStringList charsetsOf(DcmDataset *ds)
{
    OFString value;
    ds->findAndGetOFStringArray(DCM_SpecificCharacterSet, value);
    QStringList sets = QString::fromLatin1(value.c_str()).split(u'\\');
    for (QString &s : sets)
        s = s.trimmed();
    return sets;
}

QString text(DcmDataset *ds, const DcmTagKey &key, const QStringList &charsets)
{
    OFString value;
    if (ds->findAndGetOFStringArray(key, value).bad())
        return {};
    return DicomText::decode(QByteArray(value.c_str(), qsizetype(value.length())), charsets).trimmed();
}

int number(DcmDataset *ds, const DcmTagKey &key, int fallback)
{
    OFString value;
    if (ds->findAndGetOFString(key, value).bad())
        return fallback;
    bool ok = false;
    const int i = QString::fromLatin1(value.c_str()).trimmed().toInt(&ok);
    return ok ? i : fallback;
}

void putText(DcmDataset &ds, const DcmTagKey &key, const QString &value)
{
    ds.putAndInsertString(key, value.toUtf8().constData());
}

// Runs one C-FIND and maps each answer. Query keys are UTF-8 (ISO_IR 192).
template <typename T>
ImageSourceResult<T> cFind(const DimseProfile &profile, const CancelToken &cancel, DcmDataset &keys,
                           const std::function<bool(DcmDataset *, const QStringList &, T *)> &map)
{
    ImageSourceResult<T> result;
    if (cancel.isCancelled()) {
        result.status = statusFrom(kCancelled, "C-FIND");
        return result;
    }
    keys.putAndInsertString(DCM_SpecificCharacterSet, "ISO_IR 192");
    Association a(profile, cancel);
    a.scu.addPresentationContext(UID_FINDStudyRootQueryRetrieveInformationModel, queryTransferSyntaxes());
    if (!a.open("C-FIND association") || !a.findContext(UID_FINDStudyRootQueryRetrieveInformationModel)) {
        result.status = a.status;
        return result;
    }
    OFList<QRResponse *> responses;
    const OFCondition cond = a.scu.sendFINDRequest(a.presId, &keys, &responses);
    a.status = statusFrom(cond, "C-FIND");
    for (QRResponse *r : responses) {
        if (a.status.ok() && r->m_dataset && (r->m_status == STATUS_Pending || r->m_status == STATUS_FIND_Pending_WarningUnsupportedOptionalKeys)) {
            T item;
            if (map(r->m_dataset, charsetsOf(r->m_dataset), &item))
                result.items.append(std::move(item));
        } else if (a.status.ok() && DICOM_FAILURE_STATUS(r->m_status)) {
            a.status = {ImageSourceError::Server, QStringLiteral("C-FIND failed with status 0x%1").arg(r->m_status, 4, 16, QLatin1Char('0')), 0, r->m_status};
        }
        delete r;
    }
    result.status = a.status;
    if (!result.ok())
        result.items.clear();
    return result;
}

InstanceQueryResult findImages(const DimseProfile &profile, const SeriesRef &series, const CancelToken &cancel)
{
    DcmDataset keys;
    keys.putAndInsertString(DCM_QueryRetrieveLevel, "IMAGE");
    keys.putAndInsertString(DCM_StudyInstanceUID, series.studyInstanceUid.toLatin1().constData());
    keys.putAndInsertString(DCM_SeriesInstanceUID, series.seriesInstanceUid.toLatin1().constData());
    for (const DcmTagKey &k : {DCM_SOPInstanceUID, DCM_SOPClassUID, DCM_InstanceNumber, DCM_Rows, DCM_Columns})
        keys.insertEmptyElement(k);
    return cFind<InstanceRecord>(profile, cancel, keys, [&series](DcmDataset *ds, const QStringList &cs, InstanceRecord *i) {
        i->studyInstanceUid = series.studyInstanceUid;
        i->seriesInstanceUid = series.seriesInstanceUid;
        i->sopInstanceUid = text(ds, DCM_SOPInstanceUID, cs);
        i->sopClassUid = text(ds, DCM_SOPClassUID, cs);
        i->instanceNumber = number(ds, DCM_InstanceNumber, 0);
        i->rows = number(ds, DCM_Rows, 0);
        i->columns = number(ds, DCM_Columns, 0);
        return !i->sopInstanceUid.isEmpty();
    });
}

QStringList dicomFilesIn(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

RetrieveResult retrieve(const DimseProfile &profile, const RetrieveRequest &request, const CancelToken &cancel)
{
    RetrieveResult result;
    // Image-level C-FIND first: the SOP classes to negotiate for C-GET, and an empty series
    // is NotFound rather than a silent empty success.
    const InstanceQueryResult images = findImages(profile, request.series, cancel);
    if (!images.ok()) {
        result.status = images.status;
        return result;
    }
    if (images.items.isEmpty()) {
        result.status = {ImageSourceError::NotFound, QStringLiteral("the series has no instances at the peer"), 0, -1};
        return result;
    }

    QString dir = request.targetDir;
    if (dir.isEmpty()) {
        QTemporaryDir tmp(QDir::temp().filePath(QStringLiteral("kakehashi-dimse-XXXXXX")));
        tmp.setAutoRemove(false); // the caller owns the files
        dir = tmp.path();
    }
    if (dir.isEmpty() || !QDir().mkpath(dir)) {
        result.status = {ImageSourceError::LocalIo, QStringLiteral("cannot create the target directory"), 0, -1};
        return result;
    }
    const QStringList before = dicomFilesIn(dir);
    auto notify = [&request](const QString &path) {
        if (request.onInstance)
            request.onInstance(RetrievedInstance{{}, path, {}});
    };

    DcmDataset keys;
    keys.putAndInsertString(DCM_QueryRetrieveLevel, "SERIES");
    keys.putAndInsertString(DCM_StudyInstanceUID, request.series.studyInstanceUid.toLatin1().constData());
    keys.putAndInsertString(DCM_SeriesInstanceUID, request.series.seriesInstanceUid.toLatin1().constData());

    Association a(profile, cancel);
    OFCondition cond;
    if (profile.retrieve == DimseProfile::Retrieve::CGet) {
        a.scu.addPresentationContext(UID_GETStudyRootQueryRetrieveInformationModel, queryTransferSyntaxes());
        QSet<QString> classes;
        bool unknownClass = false;
        for (const InstanceRecord &i : images.items) {
            if (i.sopClassUid.isEmpty())
                unknownClass = true; // e.g. dcmqrscp does not return SOP Class UID
            else
                classes.insert(i.sopClassUid);
        }
        if (unknownClass) {
            // Propose the common storage classes; a C-GET association holds at most 128 contexts.
            for (int i = 0; i < numberOfDcmLongSCUStorageSOPClassUIDs && classes.size() < 120; ++i)
                classes.insert(QLatin1String(dcmLongSCUStorageSOPClassUIDs[i]));
        }
        for (const QString &sopClass : std::as_const(classes))
            a.scu.addPresentationContext(sopClass.toLatin1().constData(), storageTransferSyntaxes(), ASC_SC_ROLE_SCP);
        a.scu.setStorageMode(DCMSCU_STORAGE_DISK);
        a.scu.setStorageDir(QFile::encodeName(dir).constData());
        a.scu.onStored = notify;
        if (!a.open("C-GET association") || !a.findContext(UID_GETStudyRootQueryRetrieveInformationModel)) {
            result.status = a.status;
            return result;
        }
        OFList<RetrieveResponse *> responses;
        cond = a.scu.sendCGETRequest(a.presId, &keys, &responses);
        a.status = statusFrom(cond, "C-GET");
        for (RetrieveResponse *r : responses) {
            if (a.status.ok() && DICOM_FAILURE_STATUS(r->m_status))
                a.status = {ImageSourceError::Server, QStringLiteral("C-GET failed with status 0x%1").arg(r->m_status, 4, 16, QLatin1Char('0')), 0, r->m_status};
            delete r;
        }
    } else {
        MoveDestination scp;
        scp.setAETitle(cleanAe(profile.moveDestinationAeTitle.isEmpty() ? profile.callingAeTitle : profile.moveDestinationAeTitle).toStdString().c_str());
        scp.setPort(profile.moveDestinationPort);
        scp.setConnectionBlockingMode(DUL_NOBLOCK);
        scp.setConnectionTimeout(1);
        scp.setDIMSEBlockingMode(DIMSE_NONBLOCKING);
        scp.setDIMSETimeout(Uint32(qMax(1, profile.timeoutSeconds)));
        scp.setACSETimeout(Uint32(qMax(1, profile.timeoutSeconds)));
        scp.setOutputDirectory(QFile::encodeName(dir).constData());
        scp.setDirectoryGenerationMode(DcmStorageSCP::DGM_NoSubdirectory);
        scp.setFilenameGenerationMode(DcmStorageSCP::FGM_SOPInstanceUID);
        scp.setFilenameExtension(".dcm");
        scp.onStored = notify;
        const OFList<OFString> ts = storageTransferSyntaxes();
        for (int i = 0; i < numberOfDcmAllStorageSOPClassUIDs; ++i)
            scp.addPresentationContext(dcmAllStorageSOPClassUIDs[i], ts);
        const OFCondition listen = scp.openListenPort();
        if (listen.bad()) {
            result.status = {ImageSourceError::LocalIo, QStringLiteral("cannot listen for C-MOVE: %1").arg(QString::fromLocal8Bit(listen.text())), 0, -1};
            return result;
        }
        std::thread listener([&scp] { scp.acceptAssociations(); });
        a.scu.addPresentationContext(UID_MOVEStudyRootQueryRetrieveInformationModel, queryTransferSyntaxes());
        if (a.open("C-MOVE association") && a.findContext(UID_MOVEStudyRootQueryRetrieveInformationModel)) {
            OFList<RetrieveResponse *> responses;
            cond = a.scu.sendMOVERequest(a.presId, cleanAe(profile.moveDestinationAeTitle.isEmpty() ? profile.callingAeTitle : profile.moveDestinationAeTitle).toStdString().c_str(),
                                         &keys, &responses);
            a.status = statusFrom(cond, "C-MOVE");
            for (RetrieveResponse *r : responses) {
                if (a.status.ok() && DICOM_FAILURE_STATUS(r->m_status))
                    a.status = {ImageSourceError::Server, QStringLiteral("C-MOVE failed with status 0x%1").arg(r->m_status, 4, 16, QLatin1Char('0')), 0, r->m_status};
                delete r;
            }
        }
        scp.stop = true;
        listener.join();
    }
    // DcmSCU does not always pass our callbacks' condition up; the token decides.
    if (cancel.isCancelled())
        a.status = statusFrom(kCancelled, "retrieve");
    result.status = a.status;
    const QStringList after = dicomFilesIn(dir);
    for (const QString &f : after) {
        if (!before.contains(f))
            result.items.append(RetrievedInstance{{}, f, {}});
    }
    if (result.ok() && result.items.size() < images.items.size())
        result.status = {ImageSourceError::Server, QStringLiteral("retrieved %1 of %2 instances").arg(result.items.size()).arg(images.items.size()), 0, -1};
    if (request.keepBytes) {
        for (RetrievedInstance &i : result.items) {
            QFile f(i.path);
            if (f.open(QIODevice::ReadOnly))
                i.bytes = f.readAll();
        }
    }
    qCInfo(lcDicomRetrieve) << "DIMSE retrieve:" << result.items.size() << "of" << images.items.size() << "instances, status"
                            << int(result.status.error);
    return result;
}

} // namespace

DimseSource::DimseSource(const DimseProfile &profile)
    : m_profile(profile)
{
    // DCMTK logs every DIMSE message at INFO to stderr; keep only its warnings and errors.
    static std::once_flag quietDcmtk;
    std::call_once(quietDcmtk, [] { OFLog::configure(OFLogger::WARN_LOG_LEVEL); });
    m_pool.setMaxThreadCount(2);
}

DimseSource::~DimseSource()
{
    m_pool.waitForDone();
}

QFuture<EchoResult> DimseSource::echo(const CancelToken &cancel)
{
    return QtConcurrent::run(&m_pool, [profile = m_profile, cancel] {
        EchoResult result;
        Association a(profile, cancel);
        a.scu.addPresentationContext(UID_VerificationSOPClass, queryTransferSyntaxes());
        if (a.open("C-ECHO association") && a.findContext(UID_VerificationSOPClass))
            a.status = statusFrom(a.scu.sendECHORequest(a.presId), "C-ECHO");
        result.status = a.status;
        return result;
    });
}

QFuture<StudyQueryResult> DimseSource::findStudies(const StudyQuery &query, const CancelToken &cancel)
{
    return QtConcurrent::run(&m_pool, [profile = m_profile, query, cancel] {
        DcmDataset keys;
        keys.putAndInsertString(DCM_QueryRetrieveLevel, "STUDY");
        putText(keys, DCM_PatientName, query.patientName);
        putText(keys, DCM_PatientID, query.patientId);
        putText(keys, DCM_StudyInstanceUID, query.studyInstanceUid);
        putText(keys, DCM_AccessionNumber, query.accessionNumber);
        putText(keys, DCM_StudyDate, query.studyDate);
        for (const DcmTagKey &k : {DCM_StudyDescription, DCM_ModalitiesInStudy, DCM_NumberOfStudyRelatedSeries,
                                   DCM_NumberOfStudyRelatedInstances})
            keys.insertEmptyElement(k);
        StudyQueryResult r = cFind<StudyRecord>(profile, cancel, keys, [](DcmDataset *ds, const QStringList &cs, StudyRecord *s) {
            s->studyInstanceUid = text(ds, DCM_StudyInstanceUID, cs);
            s->patientName = text(ds, DCM_PatientName, cs);
            s->patientId = text(ds, DCM_PatientID, cs);
            s->studyDate = text(ds, DCM_StudyDate, cs);
            s->studyDescription = text(ds, DCM_StudyDescription, cs);
            s->accessionNumber = text(ds, DCM_AccessionNumber, cs);
            s->modalitiesInStudy = text(ds, DCM_ModalitiesInStudy, cs).split(u'\\', Qt::SkipEmptyParts);
            s->numberOfSeries = number(ds, DCM_NumberOfStudyRelatedSeries, -1);
            s->numberOfInstances = number(ds, DCM_NumberOfStudyRelatedInstances, -1);
            return !s->studyInstanceUid.isEmpty();
        });
        if (query.limit > 0 && r.items.size() > query.limit)
            r.items.resize(query.limit);
        return r;
    });
}

QFuture<SeriesQueryResult> DimseSource::findSeries(const QString &studyInstanceUid, const CancelToken &cancel)
{
    return QtConcurrent::run(&m_pool, [profile = m_profile, studyInstanceUid, cancel] {
        DcmDataset keys;
        keys.putAndInsertString(DCM_QueryRetrieveLevel, "SERIES");
        keys.putAndInsertString(DCM_StudyInstanceUID, studyInstanceUid.toLatin1().constData());
        for (const DcmTagKey &k : {DCM_SeriesInstanceUID, DCM_Modality, DCM_SeriesDescription, DCM_SeriesNumber,
                                   DCM_NumberOfSeriesRelatedInstances})
            keys.insertEmptyElement(k);
        return cFind<SeriesRecord>(profile, cancel, keys, [studyInstanceUid](DcmDataset *ds, const QStringList &cs, SeriesRecord *s) {
            s->studyInstanceUid = studyInstanceUid;
            s->seriesInstanceUid = text(ds, DCM_SeriesInstanceUID, cs);
            s->modality = text(ds, DCM_Modality, cs);
            s->seriesDescription = text(ds, DCM_SeriesDescription, cs);
            s->seriesNumber = number(ds, DCM_SeriesNumber, 0);
            s->numberOfInstances = number(ds, DCM_NumberOfSeriesRelatedInstances, -1);
            return !s->seriesInstanceUid.isEmpty();
        });
    });
}

QFuture<InstanceQueryResult> DimseSource::findInstances(const SeriesRef &series, const CancelToken &cancel)
{
    return QtConcurrent::run(&m_pool, [profile = m_profile, series, cancel] { return findImages(profile, series, cancel); });
}

QFuture<RetrieveResult> DimseSource::retrieveInstances(const RetrieveRequest &request, const CancelToken &cancel)
{
    return QtConcurrent::run(&m_pool, [profile = m_profile, request, cancel] { return retrieve(profile, request, cancel); });
}

} // namespace Kakehashi::Dicom
