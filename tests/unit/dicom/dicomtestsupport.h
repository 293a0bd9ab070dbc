#pragma once

#include <QDir>
#include <QString>

// Sample files from Debian's python3-pydicom (test_files/, charset_files/).
inline QString pydicomDataDir()
{
    const QString env = qEnvironmentVariable("KAKEHASHI_PYDICOM_DATA");
    if (!env.isEmpty())
        return env;
    return QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data");
}

inline QString pydicomFile(const QString &relative)
{
    return QDir(pydicomDataDir()).filePath(relative);
}
