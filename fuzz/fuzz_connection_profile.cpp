// A connection profile file handed to the workstation (the INI form QSettings keeps) → every
// profile in it, loaded as the settings dialog and the sign-in would load it.
#include "fuzzcommon.h"

#include "net/connectionprofile.h"

#include <QDateTime>
#include <QSettings>

using namespace Kakehashi::Net;

KAKEHASHI_FUZZ_INIT

// QSettings keeps the files it parsed in a process-wide cache and parses a path again only when its
// size or its modification time (milliseconds) changed. The scratch file is rewritten for every input:
// one of the same size written within the same millisecond as the previous one was never parsed (three
// inputs in four, in a loop writing same-size files). Every input gets a modification time of its own.
static bool writeInput(const QString &path, const uint8_t *data, size_t size)
{
    static qint64 inputs = 0;
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && f.write(reinterpret_cast<const char *>(data), qint64(size)) == qint64(size) && f.flush()
        && f.setFileTime(QDateTime::fromMSecsSinceEpoch(++inputs, Qt::UTC), QFileDevice::FileModificationTime);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString path = KakehashiFuzz::scratchFile("profiles.ini");
    if (!writeInput(path, data, size))
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
