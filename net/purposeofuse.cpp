#include "purposeofuse.h"

#include <QUrl>

namespace Kakehashi::Net {

QByteArray PurposeOfUse::actReasonCode() const
{
    return reason == Reason::EmergencyTreatment ? QByteArrayLiteral("ETREAT") : QByteArrayLiteral("TREAT");
}

QList<QPair<QByteArray, QByteArray>> purposeHeaders(const PurposeOfUse &purpose, const PurposeHeaderNames &names)
{
    QList<QPair<QByteArray, QByteArray>> headers{{names.purpose, purpose.actReasonCode()}};
    if (purpose.reason == PurposeOfUse::Reason::EmergencyTreatment)
        headers.append({names.emergencyReason, QUrl::toPercentEncoding(purpose.emergencyReason.trimmed())});
    return headers;
}

} // namespace Kakehashi::Net
