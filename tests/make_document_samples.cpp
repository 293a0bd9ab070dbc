// Writes the committed PDF samples under tests/data/documents/ (and the demo's PDF attachment):
//   make_document_samples <dir>
#include "documentsamples.h"

#include <QFile>
#include <QGuiApplication>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2)
        return 64;
    QFile out(args.at(1) + QStringLiteral("/referral-letter-ja.pdf"));
    if (!out.open(QIODevice::WriteOnly))
        return 1;
    out.write(DocumentSamples::referralLetterPdf());
    return 0;
}
