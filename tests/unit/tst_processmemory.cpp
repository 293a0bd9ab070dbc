// ProcessMemory::useHugePages(): the program is re-executed once with glibc's huge-page setting, keeps
// its pid, arguments and the rest of GLIBC_TUNABLES, honours the opt-outs, and its heap is then really
// backed by huge pages. The child is this test program itself (--child), calling what main() calls.
// The launcher bin/kakehashi (app/launcher.cpp) starts the program beside it with that setting made, so
// it does not re-execute itself: tested with this test program as that "kakehashi-viewer".
#include "app/processmemory.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

using namespace Kakehashi;

namespace {

// AnonHugePages of this process, in kB (0 when unknown).
long anonHugePagesKb()
{
    QFile f(QStringLiteral("/proc/self/smaps_rollup"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("AnonHugePages:"))
            return line.mid(14).trimmed().split(' ').value(0).toLong();
    return 0;
}

int child(char **argv)
{
    // Set before useHugePages(): an image that finds it set was re-executed by it.
    const bool reExecuted = std::getenv("KAKEHASHI_TEST_CHILD_STARTED") != nullptr;
    setenv("KAKEHASHI_TEST_CHILD_STARTED", "1", 1);
    ProcessMemory::useHugePages(argv);
    ProcessMemory::tuneAllocator();
    // A fresh buffer of the size a decrypted snapshot or a frame has, from the heap (below the mmap threshold).
    const size_t size = 48u << 20;
    char *buffer = static_cast<char *>(std::malloc(size));
    if (!buffer)
        return 1;
    std::memset(buffer, 1, size);
    const char *tunables = std::getenv("GLIBC_TUNABLES");
    std::printf("PID=%ld\nTUNABLES=%s\nHUGE=%ld\nREEXECUTED=%d\nARGS=", long(getpid()), tunables ? tunables : "", anonHugePagesKb(),
                int(reExecuted));
    for (int i = 2; argv[i]; ++i)
        std::printf("%s|", argv[i]);
    std::printf("\n");
    std::free(buffer);
    return 0;
}

struct ChildReport
{
    qint64 startedPid = 0;
    qint64 pid = 0;
    QString tunables;
    long hugeKb = 0;
    bool reExecuted = false;
    QString args;
};

ChildReport runChild(const QProcessEnvironment &env, const QStringList &extra = {}, const QString &program = {})
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program.isEmpty() ? QCoreApplication::applicationFilePath() : program, QStringList{QStringLiteral("--child")} + extra);
    ChildReport r;
    if (!p.waitForStarted(10000))
        return r;
    r.startedPid = p.processId();
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return r;
    for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const QString value = line.section(QLatin1Char('='), 1);
        if (line.startsWith(u"PID="))
            r.pid = value.toLongLong();
        else if (line.startsWith(u"TUNABLES="))
            r.tunables = value;
        else if (line.startsWith(u"HUGE="))
            r.hugeKb = value.toLong();
        else if (line.startsWith(u"REEXECUTED="))
            r.reExecuted = value == u"1";
        else if (line.startsWith(u"ARGS="))
            r.args = value;
    }
    return r;
}

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GLIBC_TUNABLES"));
    env.remove(QStringLiteral("KAKEHASHI_NO_HUGE_PAGES"));
    return env;
}

// A copy of bin/kakehashi in dir, alone (empty on failure).
QString copyLauncher(const QTemporaryDir &dir)
{
    const QString launcher = dir.filePath(QStringLiteral("kakehashi"));
    if (!dir.isValid() || !QFile::copy(QStringLiteral(KAKEHASHI_LAUNCHER), launcher)
        || !QFile::setPermissions(launcher, QFile::permissions(launcher) | QFile::ExeOwner))
        return {};
    return launcher;
}

} // namespace

class TestProcessMemory : public QObject
{
    Q_OBJECT

private slots:
    void reExecutesOnceWithHugePages()
    {
        const ChildReport r = runChild(cleanEnvironment(), {QStringLiteral("a b"), QStringLiteral("患者"), QString()});
        QVERIFY(r.pid != 0);
        QCOMPARE(r.pid, r.startedPid); // the same process, re-executed
        QCOMPARE(r.args, QStringLiteral("a b|患者||"));
        if (!ProcessMemory::hugePagesOnRequest()) {
            QCOMPARE(r.tunables, QString());
            QSKIP("no huge pages on request here (kernel mode, glibc or a sanitizer): nothing to re-execute for");
        }
        QCOMPARE(r.tunables, QStringLiteral("glibc.malloc.hugetlb=1"));
        QVERIFY(r.reExecuted);
        // The point of it: the heap's fresh megabytes are backed by huge pages.
        QVERIFY2(r.hugeKb >= 2048, qPrintable(QStringLiteral("AnonHugePages %1 kB").arg(r.hugeKb)));
    }

    // bin/kakehashi starts "kakehashi-viewer" beside it (here: this test program) in its place, with
    // the setting made: same pid and arguments, huge pages, and no second start of the program.
    void launcherStartsTheViewerWithTheSetting()
    {
        QTemporaryDir dir;
        const QString launcher = copyLauncher(dir);
        QVERIFY(!launcher.isEmpty());
        QVERIFY(QFile::link(QCoreApplication::applicationFilePath(), dir.filePath(QStringLiteral("kakehashi-viewer"))));
        const ChildReport r = runChild(cleanEnvironment(), {QStringLiteral("a b"), QStringLiteral("患者")}, launcher);
        QVERIFY(r.pid != 0);
        QCOMPARE(r.pid, r.startedPid);
        QCOMPARE(r.args, QStringLiteral("a b|患者|"));
        QVERIFY2(!r.reExecuted, "the program re-executed itself: the launcher did not make the setting");
        if (!ProcessMemory::hugePagesOnRequest()) {
            QCOMPARE(r.tunables, QString());
            QSKIP("no huge pages on request here (kernel mode, glibc or a sanitizer)");
        }
        QCOMPARE(r.tunables, QStringLiteral("glibc.malloc.hugetlb=1"));
        QVERIFY2(r.hugeKb >= 2048, qPrintable(QStringLiteral("AnonHugePages %1 kB").arg(r.hugeKb)));
    }

    void launcherWithoutTheViewerSaysSo()
    {
        QTemporaryDir dir;
        const QString launcher = copyLauncher(dir);
        QVERIFY(!launcher.isEmpty());
        QProcess p;
        p.start(launcher, {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 127);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(u"cannot start") && err.contains(u"kakehashi-viewer"), qPrintable(err));
    }

    void keepsTheUsersOtherTunables()
    {
        QProcessEnvironment env = cleanEnvironment();
        env.insert(QStringLiteral("GLIBC_TUNABLES"), QStringLiteral("glibc.malloc.check=0"));
        const ChildReport r = runChild(env);
        QVERIFY(r.pid != 0);
        QCOMPARE(r.tunables, ProcessMemory::hugePagesOnRequest() ? QStringLiteral("glibc.malloc.check=0:glibc.malloc.hugetlb=1")
                                                                 : QStringLiteral("glibc.malloc.check=0"));
    }

    void optOuts_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("tunables");
        QTest::newRow("KAKEHASHI_NO_HUGE_PAGES") << QStringLiteral("KAKEHASHI_NO_HUGE_PAGES") << QStringLiteral("1") << QString();
        QTest::newRow("user's own hugetlb=0") << QStringLiteral("GLIBC_TUNABLES") << QStringLiteral("glibc.malloc.hugetlb=0")
                                              << QStringLiteral("glibc.malloc.hugetlb=0");
    }

    void optOuts()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, tunables);
        QProcessEnvironment env = cleanEnvironment();
        env.insert(name, value);
        const ChildReport r = runChild(env);
        QVERIFY(r.pid != 0);
        QCOMPARE(r.tunables, tunables);
        QCOMPARE(r.hugeKb, 0L); // the kernel's madvise mode gives none unasked
    }
};

int main(int argc, char **argv)
{
    if (argc >= 2 && std::strcmp(argv[1], "--child") == 0)
        return child(argv);
    QCoreApplication app(argc, argv);
    TestProcessMemory test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_processmemory.moc"
