// Writes pages into the record cache until it is killed (tst_cachecrash does that with SIGKILL).
// Usage: kakehashi_cachewriter CACHE-PATH KEY-HEX RUN-ID PATIENTS
// After each committed page it stores a snapshot for the patient and prints "page N" on stdout.
#include "cachecrashpage.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

using namespace Kakehashi;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: kakehashi_cachewriter CACHE-PATH KEY-HEX RUN-ID PATIENTS\n");
        return 2;
    }
    RecordCache cache(args.at(1), QByteArray::fromHex(args.at(2).toLatin1()), CacheCrash::User);
    QString error;
    if (!cache.open(&error)) {
        std::fprintf(stderr, "open: %s\n", qPrintable(error));
        return 1;
    }
    const QString run = args.at(3);
    const int patients = qMax(1, args.at(4).toInt());
    std::printf("ready\n");
    std::fflush(stdout);
    for (int n = 0;; ++n) {
        const QString patient = CacheCrash::patientId(n % patients);
        const int k = n / patients;
        if (!cache.storeResources(patient, CacheCrash::page(run, k, QDateTime::currentDateTimeUtc()), &error)) {
            std::fprintf(stderr, "store: %s\n", qPrintable(error));
            return 1;
        }
        // The snapshot is a second transaction: a kill between the two leaves rows without one.
        cache.storeSnapshot(patient, cache.revision(patient), CacheCrash::SnapshotFormat,
                            CacheCrash::snapshotPayload(run, k + 1), &error);
        std::printf("page %d\n", n);
        std::fflush(stdout);
    }
}
