#pragma once

// Shared by the libFuzzer targets: a QCoreApplication (some code paths ask for one) and a private
// scratch file for parsers that read from a path.
#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdlib>
#include <cstdint>

#include <unistd.h>

namespace KakehashiFuzz {

inline void initialize(int *argc, char ***argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's own warnings about bad input would flood the fuzzer's output.
    qputenv("QT_LOGGING_RULES", "*.debug=false;*.info=false;*.warning=false");
    // Never destroyed: libFuzzer leaves through exit(), after Qt's own globals are gone.
    static QCoreApplication *app = nullptr;
    if (!app)
        app = new QCoreApplication(*argc, *argv);
}

// One file per fuzzing process, rewritten for every input.
inline QString scratchFile(const char *suffix)
{
    static const QString dir = [] {
        const QString base = QDir::tempPath() + QStringLiteral("/kakehashi-fuzz-%1").arg(::getpid());
        QDir().mkpath(base);
        // libFuzzer leaves through exit(): remove the scratch folder then, so no fuzzed file outlives
        // the run (other tests scan the temp folder for stray plaintext DICOM).
        std::atexit([] { QDir(QDir::tempPath() + QStringLiteral("/kakehashi-fuzz-%1").arg(::getpid())).removeRecursively(); });
        return base;
    }();
    return dir + u'/' + QString::fromLatin1(suffix);
}

inline bool writeScratch(const QString &path, const uint8_t *data, size_t size)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && f.write(reinterpret_cast<const char *>(data), qint64(size)) == qint64(size);
}

// Splits "<first line>\n<rest>": the options a target reads from its input, and the payload.
inline QByteArray firstLine(const uint8_t *data, size_t size, QByteArray *rest)
{
    const QByteArray all(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype nl = all.indexOf('\n');
    if (nl < 0) {
        *rest = QByteArray();
        return all;
    }
    *rest = all.mid(nl + 1);
    return all.left(nl);
}

} // namespace KakehashiFuzz

#define KAKEHASHI_FUZZ_INIT                                                                                            \
    extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)                                                     \
    {                                                                                                                  \
        KakehashiFuzz::initialize(argc, argv);                                                                         \
        return 0;                                                                                                      \
    }
