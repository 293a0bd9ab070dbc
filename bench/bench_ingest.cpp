// Record ingest of the heavy demo patient: RecordAssembler (parse + index + build items + finish)
// in resources/s, against a parse-only QJsonDocument::fromJson loop over the same bytes in the same run.
// Usage: bench_ingest [--rounds N] [FILE]   (default: ${KAKEHASHI_DEMO_DATA_DIR}/patients/p900.json)
#include "recordassembler.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace Kakehashi;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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
    const int resources = int(QJsonDocument::fromJson(bytes).object().value(u"entry").toArray().size());

    // Best of |rounds| each, interleaved so both see the same machine load.
    qint64 bestParse = std::numeric_limits<qint64>::max();
    qint64 bestIngest = std::numeric_limits<qint64>::max();
    int items = 0;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        const QJsonDocument doc = QJsonDocument::fromJson(bytes);
        const int n = int(doc.object().value(u"entry").toArray().size());
        bestParse = std::min(bestParse, t.nsecsElapsed());
        if (n != resources)
            return 2;

        t.restart();
        RecordAssembler assembler;
        assembler.addJson(bytes, path);
        const RecordSet set = assembler.finish();
        bestIngest = std::min(bestIngest, t.nsecsElapsed());
        items = set.patients.isEmpty() ? 0 : int(set.patients.first().items.size());
    }
    const double parseRate = resources / (double(bestParse) / 1e9);
    const double ingestRate = resources / (double(bestIngest) / 1e9);
    std::printf("bench_ingest: %s, %d resources, %d items, %.1f MB, best of %d\n", qPrintable(path.section(u'/', -1)), resources, items,
                bytes.size() / 1048576.0, rounds);
    std::printf("%-28s %10s %14s\n", "", "ms", "resources/s");
    std::printf("%-28s %10.1f %14.0f\n", "parse only (QJsonDocument)", bestParse / 1e6, parseRate);
    std::printf("%-28s %10.1f %14.0f\n", "RecordAssembler ingest", bestIngest / 1e6, ingestRate);
    std::printf("ratio ingest/parse time: %.2f   target >= 20000 resources/s: %s\n", double(bestIngest) / double(bestParse),
                ingestRate >= 20000 ? "met" : "NOT met");
    return 0;
}
