// Writes the committed PDF samples:
//   make_document_samples <dir>          the test samples (tests/data/documents/)
//   make_document_samples --demo <dir>   the demo's PDF attachment (tools/demo/documents/)
#include "documentsamples.h"

#include <QFile>
#include <QGuiApplication>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const bool demo = args.size() == 3 && args.at(1) == u"--demo";
    if (args.size() != 2 && !demo)
        return 64;
    QFile out(args.last() + (demo ? QStringLiteral("/p001-reply-letter.pdf") : QStringLiteral("/referral-letter-ja.pdf")));
    if (!out.open(QIODevice::WriteOnly))
        return 1;
    out.write(demo ? DocumentSamples::demoReplyLetterPdf() : DocumentSamples::referralLetterPdf());
    return 0;
}
