// Warm-cache open of the heavy demo patient: RecordCache load + decrypt + assemble +
// PatientView::setRecord + first paint (grab), in ms, against a raw SQLite SELECT of the same rows
// in the same run. Usage: bench_warm_open [--rounds N] [FILE]
#include "patientview.h"
#include "recordassembler.h"
#include "recordcache.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Kakehashi;

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int rounds = 5;
    if (args.size() >= 2 && args.first() == u"--rounds") {
        rounds = qMax(1, args.at(1).toInt());
        args = args.mid(2);
    }
    const QString path = args.isEmpty() ? QStringLiteral(KAKEHASHI_DEMO_DATA_DIR "/patients/p900.json") : args.first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s (build the demo_data target)\n", qPrintable(path));
        return 1;
    }
    const QByteArray bytes = file.readAll();

    QTemporaryDir dir;
    const QString dbPath = dir.filePath(QStringLiteral("cache.sqlite"));
    const QByteArray key(RecordCache::KeyBytes, 'b');
    RecordCache cache(dbPath, key, QStringLiteral("bench"));
    QString error;
    if (!cache.open(&error) || !cache.storeJson(QStringLiteral("p900"), bytes, QDateTime::currentDateTimeUtc(), &error)) {
        std::fprintf(stderr, "cache: %s\n", qPrintable(error));
        return 1;
    }
    const QString patientId = QStringLiteral("p900");

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
    db.setDatabaseName(dbPath);
    db.open();

    PatientView view;
    view.resize(1200, 900);
    view.show();

    qint64 bestRaw = std::numeric_limits<qint64>::max();
    qint64 bestOpen = std::numeric_limits<qint64>::max();
    qint64 bestLoad = 0, bestAssemble = 0, bestShow = 0;
    int rows = 0;
    int items = 0;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        // Baseline: the same rows, read but not decrypted.
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT resource_tag, fetched_at, sealed FROM resources"));
        qint64 bytesRead = 0;
        int n = 0;
        while (q.next()) {
            bytesRead += q.value(2).toByteArray().size() + q.value(0).toByteArray().size();
            ++n;
        }
        bestRaw = std::min(bestRaw, t.nsecsElapsed());
        rows = n;

        view.clear();
        QCoreApplication::processEvents();
        t.restart();
        int bad = 0;
        const QList<CachedResource> loaded = cache.load(patientId, &bad, &error);
        const qint64 afterLoad = t.nsecsElapsed();
        RecordAssembler assembler;
        const QString origin = QStringLiteral("cache");
        for (const CachedResource &c : loaded)
            assembler.addResource(c.resource, origin);
        const RecordSet set = assembler.finish();
        const qint64 afterAssemble = t.nsecsElapsed();
        const PatientRecord *record = set.find(patientId);
        if (!record)
            return 2;
        view.setRecord(*record);
        const QPixmap painted = view.grab();
        const qint64 total = t.nsecsElapsed();
        if (painted.isNull() || bytesRead == 0)
            return 3;
        items = int(record->items.size());
        if (total < bestOpen) {
            bestOpen = total;
            bestLoad = afterLoad;
            bestAssemble = afterAssemble - afterLoad;
            bestShow = total - afterAssemble;
        }
    }
    std::printf("bench_warm_open: %s, %d cached rows, %d items, best of %d\n", qPrintable(path.section(u'/', -1)), rows, items, rounds);
    std::printf("%-44s %10s\n", "", "ms");
    std::printf("%-44s %10.1f\n", "raw SQLite SELECT of the same rows", bestRaw / 1e6);
    std::printf("%-44s %10.1f\n", "warm open (load+decrypt+assemble+view+paint)", bestOpen / 1e6);
    std::printf("%-44s %10.1f\n", "  of which cache load + decrypt", bestLoad / 1e6);
    std::printf("%-44s %10.1f\n", "  of which assemble", bestAssemble / 1e6);
    std::printf("%-44s %10.1f\n", "  of which setRecord + first paint", bestShow / 1e6);
    std::printf("ratio warm open/raw read: %.1f   target <= 150 ms: %s\n", double(bestOpen) / double(bestRaw),
                bestOpen / 1e6 <= 150 ? "met" : "NOT met");
    return 0;
}
