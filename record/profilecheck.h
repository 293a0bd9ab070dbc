#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Kakehashi {

struct ProfileFinding
{
    enum class Severity { Warning, Error };
    Severity severity = Severity::Error;
    QString message; // readable, names the resource; never patient data
};

// Checks a resource against the constraints of the profiles it claims (JP Core, JP-CLINS eCS)
// that change what a clinician would read: a medication without a recognised drug code, a lab
// result without its local and standard codes, dates that cannot be read.
class ProfileCheck
{
    Q_DECLARE_TR_FUNCTIONS(Kakehashi::ProfileCheck)
public:
    static QList<ProfileFinding> check(const QJsonObject &resource);
    // The 一般名処方マスタ codes known to this build (resources/codes/general-order-codes.tsv).
    static bool isKnownGeneralOrderCode(const QString &code);
};

} // namespace Kakehashi
