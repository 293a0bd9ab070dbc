// Frames/s of the decode-to-QImage pipeline (DicomFrameDecoder + VOI render) against a plain
// DCMTK DicomImage loop (load, decode, 8-bit output) on the same files, in the same run.
// Usage: bench_decode [--seconds N] FILE|FOLDER...  (default: python3-pydicom's sample images)
#include "dicomframedecoder.h"
#include "dicomseries.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmimage/diregist.h>
#include <dcmtk/dcmimgle/dcmimage.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>

using namespace Kakehashi::Dicom;

namespace {

qint64 runOurs(const QStringList &files)
{
    qint64 frames = 0;
    for (const QString &f : files) {
        const DicomDecodeResult r = DicomFrameDecoder::decodeFile(f);
        if (!r.ok)
            continue;
        for (const DicomFrame &frame : r.frames) {
            const QImage img = frame.render(DicomFrameDecoder::defaultWindow(r.info, frame));
            frames += img.isNull() ? 0 : 1;
        }
    }
    return frames;
}

qint64 runDcmtk(const QStringList &files)
{
    qint64 frames = 0;
    for (const QString &f : files) {
        DicomImage image(QFile::encodeName(f).constData());
        if (image.getStatus() != EIS_Normal)
            continue;
        if (image.isMonochrome() && !image.setWindow(0))
            image.setMinMaxWindow();
        for (unsigned long i = 0; i < image.getFrameCount(); ++i)
            frames += image.getOutputData(8, i) ? 1 : 0;
    }
    return frames;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    double seconds = 3;
    if (args.size() >= 2 && args.first() == u"--seconds") {
        seconds = args.at(1).toDouble();
        args = args.mid(2);
    }
    if (args.isEmpty()) {
        const QString d = QStringLiteral("/usr/lib/python3/dist-packages/pydicom/data/test_files/");
        for (const char *n : {"CT_small.dcm", "MR_small.dcm", "MR_small_RLE.dcm", "JPGExtended.dcm", "MR_small_jpeg_ls_lossless.dcm",
                              "SC_rgb_jpeg_dcmtk.dcm", "SC_rgb_rle_2frame.dcm", "rtdose.dcm"})
            args << d + QString::fromLatin1(n);
    }
    QStringList files;
    for (const QString &a : std::as_const(args)) {
        QDirIterator it(a, QDir::Files, QDirIterator::Subdirectories);
        if (QFileInfo(a).isFile())
            files << a;
        while (it.hasNext()) {
            const QString f = it.next();
            if (DicomSeriesScanner::isDicomFile(f))
                files << f;
        }
    }
    DJDecoderRegistration::registerCodecs();
    DcmRLEDecoderRegistration::registerCodecs();
    DJLSDecoderRegistration::registerCodecs();
    QTextStream out(stdout);
    if (files.isEmpty()) {
        out << "no DICOM files\n";
        return 1;
    }
    runOurs(files); // warm up (codec registration, page cache)
    runDcmtk(files);
    // Alternate the two loops so both see the same machine load.
    qint64 oursFrames = 0, dcmtkFrames = 0, oursNs = 0, dcmtkNs = 0;
    QElapsedTimer total;
    total.start();
    while (total.elapsed() < qint64(seconds * 1000)) {
        QElapsedTimer t;
        t.start();
        oursFrames += runOurs(files);
        oursNs += t.nsecsElapsed();
        t.restart();
        dcmtkFrames += runDcmtk(files);
        dcmtkNs += t.nsecsElapsed();
    }
    const double oursFps = oursFrames / (oursNs / 1e9);
    const double dcmtkFps = dcmtkFrames / (dcmtkNs / 1e9);
    out << "files: " << files.size() << "\n";
    out << "kakehashi decode->QImage: " << QString::number(oursFps, 'f', 1) << " frames/s\n";
    out << "DCMTK DicomImage loop:    " << QString::number(dcmtkFps, 'f', 1) << " frames/s\n";
    out << "ratio (ours/DCMTK):       " << QString::number(oursFps / dcmtkFps, 'f', 3)
        << "  overhead " << QString::number((dcmtkFps / oursFps - 1) * 100, 'f', 1) << "%\n";
    return 0;
}
