#include "imagesource.h"

#include "dicomwebsource.h"
#include "dimsesource.h"
#include "localfilesource.h"
#include "retrievelog.h"

Q_LOGGING_CATEGORY(lcDicomRetrieve, "kakehashi.dicom.retrieve", QtInfoMsg)

namespace Kakehashi::Dicom {

QString joinPersonNameGroups(const QString &alphabetic, const QString &ideographic, const QString &phonetic)
{
    QString joined = alphabetic;
    if (!ideographic.isEmpty() || !phonetic.isEmpty())
        joined += u'=' + ideographic;
    if (!phonetic.isEmpty())
        joined += u'=' + phonetic;
    return joined;
}

namespace {
template <typename R>
QFuture<R> unsupported()
{
    R result;
    result.status = {ImageSourceError::Unsupported, QStringLiteral("this back-end does not fetch frames"), 0, -1};
    return QtFuture::makeReadyFuture(std::move(result));
}
} // namespace

QFuture<MetadataResult> ImageSource::retrieveInstanceMetadata(const SeriesRef &, const QString &, const CancelToken &)
{
    return unsupported<MetadataResult>();
}

QFuture<FrameResult> ImageSource::retrieveFrame(const FrameRequest &, const CancelToken &)
{
    return unsupported<FrameResult>();
}

ImageSourceCreation ImageSourceFactory::create(const ImageEndpoint &endpoint)
{
    ImageSourceCreation c;
    const QString type = endpoint.connectionType.trimmed().toLower();
    if (type == u"dicom-wado-rs" || type == u"dicom-qido-rs" || type == u"dicom-wado-uri" || type == u"dicom-stow-rs") {
        if (!endpoint.address.isValid() || !endpoint.address.scheme().startsWith(u"http")) {
            c.errorString = tr("The DICOMweb address is not an http(s) URL.");
            return c;
        }
        DicomWebOptions options;
        options.baseUrl = endpoint.address;
        options.transferTimeoutMs = endpoint.timeoutSeconds * 1000;
        options.sslConfiguration = endpoint.sslConfiguration;
        options.extraHeaders = endpoint.headers;
        c.source = std::make_unique<DicomWebSource>(options);
    } else if (type == u"dicom-dimse" || type == u"dimse" || (type.isEmpty() && !endpoint.calledAeTitle.isEmpty())) {
        if (endpoint.calledAeTitle.isEmpty() || endpoint.host.isEmpty() || endpoint.port == 0) {
            c.errorString = tr("The DIMSE profile needs an AE title, a host and a port.");
            return c;
        }
        DimseProfile p;
        p.callingAeTitle = endpoint.callingAeTitle;
        p.calledAeTitle = endpoint.calledAeTitle;
        p.host = endpoint.host;
        p.port = endpoint.port;
        p.timeoutSeconds = endpoint.timeoutSeconds;
        if (endpoint.useMove || endpoint.moveDestinationPort != 0) {
            p.retrieve = DimseProfile::Retrieve::CMove;
            p.moveDestinationPort = endpoint.moveDestinationPort;
        }
        c.source = std::make_unique<DimseSource>(p);
    } else if (type == u"local" || (type.isEmpty() && (!endpoint.localPaths.isEmpty() || endpoint.address.isLocalFile()))) {
        QStringList paths = endpoint.localPaths;
        if (paths.isEmpty() && endpoint.address.isLocalFile())
            paths << endpoint.address.toLocalFile();
        if (paths.isEmpty()) {
            c.errorString = tr("No local files or folders were given.");
            return c;
        }
        c.source = std::make_unique<LocalFileSource>(paths);
    } else {
        c.errorString = tr("Unsupported image endpoint type: %1").arg(endpoint.connectionType);
    }
    return c;
}

} // namespace Kakehashi::Dicom
