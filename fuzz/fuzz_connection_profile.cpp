// A connection profile file handed to the workstation (the INI form QSettings keeps) → every
// profile in it, loaded as the settings dialog and the sign-in would load it.
#include "fuzzcommon.h"

#include "net/connectionprofile.h"

#include <QSettings>

using namespace Kakehashi::Net;

KAKEHASHI_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path = KakehashiFuzz::scratchFile("profiles.ini");
    if (!KakehashiFuzz::writeScratch(path, data, size))
        return 0;
    QSettings settings(path, QSettings::IniFormat);
    const QStringList names = ConnectionProfile::savedNames(settings);
    for (const QString &name : names.mid(0, 16)) {
        const ConnectionProfile profile = ConnectionProfile::load(settings, name);
        (void)profile.isValid();
        (void)profile.requiresCardSignIn();
        if (profile.timeoutMs < 0 || profile.pageSize < 0 || profile.maxRetries < 0)
            qFatal("connection profile: a negative limit was accepted");
    }
    return 0;
}
