#include "../testsupport.h"
#include "../unit/dicom/dicomtestsupport.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>

#include <cmath>

// The kakehashi binary with DICOM input, as scripts and the README use it.
class TestImagingCli : public QObject
{
    Q_OBJECT
private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(KAKEHASHI_BINARY), args);
        Run r;
        if (!p.waitForFinished(180000)) {
            p.kill();
            p.waitForFinished(5000);
            r.err = "timed out";
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2; // -2: crashed
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static bool write(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(pydicomFile(QStringLiteral("test_files/CT_small.dcm"))))
            QSKIP("python3-pydicom's sample files are not installed");
    }

    void summaryListsSeries()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("cd")));
        QVERIFY(QFile::copy(pydicomFile(QStringLiteral("test_files/CT_small.dcm")), dir.filePath(QStringLiteral("cd/ct.dcm"))));
        QVERIFY(QFile::copy(pydicomFile(QStringLiteral("test_files/MR_small.dcm")), dir.filePath(QStringLiteral("cd/mr.dcm"))));
        // ISO 2022 IR 87: the name must come out as Unicode kanji and hiragana.
        const QString japanese = pydicomFile(QStringLiteral("charset_files/chrH31.dcm"));
        QVERIFY(QFile::exists(japanese));
        // A FHIR record in the same call keeps working.
        const QString record = QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/fhir/facility-sources.json");
        const Run r = run({QStringLiteral("--summary"), QStringLiteral("--open"), dir.filePath(QStringLiteral("cd")),
                           QStringLiteral("--open"), record, QStringLiteral("--open"), japanese});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject s = QJsonDocument::fromJson(r.out).object();
        // The FHIR patient, and the three people of the DICOM files beside it (images only: no record).
        const QJsonArray patients = s.value(QStringLiteral("patients")).toArray();
        QCOMPARE(patients.size(), 4);
        int imagesOnly = 0;
        for (const QJsonValue &p : patients)
            imagesOnly += p.toObject().value(QStringLiteral("imagesOnly")).toBool() ? 1 : 0;
        QCOMPARE(imagesOnly, 3);
        QCOMPARE(s.value(QStringLiteral("errors")).toArray().size(), 0);
        const QJsonArray dicom = s.value(QStringLiteral("dicom")).toArray();
        QCOMPARE(dicom.size(), 3);
        QHash<QString, QJsonObject> byModality;
        for (const QJsonValue &v : dicom) {
            const QJsonObject o = v.toObject();
            byModality.insert(o.value(QStringLiteral("modality")).toString(), o);
            QCOMPARE(o.value(QStringLiteral("instances")).toInt(), 1);
            QVERIFY(o.value(QStringLiteral("studyInstanceUid")).toString().startsWith(QStringLiteral("1.")));
            QVERIFY(o.value(QStringLiteral("seriesInstanceUid")).toString().startsWith(QStringLiteral("1.")));
        }
        QCOMPARE(QSet<QString>(byModality.keyBegin(), byModality.keyEnd()),
                 (QSet<QString>{QStringLiteral("CT"), QStringLiteral("MR"), QStringLiteral("OT")}));
        QCOMPARE(byModality.value(QStringLiteral("CT")).value(QStringLiteral("patientName")).toString(), QStringLiteral("CompressedSamples^CT1"));
        QCOMPARE(byModality.value(QStringLiteral("OT")).value(QStringLiteral("patientName")).toString(),
                 QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう"));
    }

    void summaryReportsBadDicom_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("truncated pixel data") << "truncated";
        QTest::newRow("cut inside the header") << "header";
        QTest::newRow("DICM preamble then garbage") << "garbage";
        QTest::newRow("pydicom MR_truncated") << "pydicom";
    }
    void summaryReportsBadDicom()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray good = readAll(pydicomFile(QStringLiteral("test_files/CT_small.dcm")));
        QVERIFY(good.size() > 1000);
        QString bad = dir.filePath(QStringLiteral("bad.dcm"));
        if (kind == u"truncated")
            QVERIFY(write(bad, good.left(good.size() - 1000)));
        else if (kind == u"header")
            QVERIFY(write(bad, good.left(400)));
        else if (kind == u"garbage")
            QVERIFY(write(bad, good.left(132) + QByteArray(4000, '\xff')));
        else
            bad = pydicomFile(QStringLiteral("test_files/MR_truncated.dcm"));
        // A good file beside it still comes through.
        QVERIFY(QFile::copy(pydicomFile(QStringLiteral("test_files/MR_small.dcm")), dir.filePath(QStringLiteral("good.dcm"))));

        const Run r = run({QStringLiteral("--summary"), QStringLiteral("--open"), bad, QStringLiteral("--open"),
                           dir.filePath(QStringLiteral("good.dcm"))});
        QCOMPARE(r.exitCode, 2); // errors, not a crash (-2) and not success
        const QJsonObject s = QJsonDocument::fromJson(r.out).object();
        const QJsonArray errors = s.value(QStringLiteral("errors")).toArray();
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().toString().contains(QFileInfo(bad).fileName()), qPrintable(errors.first().toString()));
        const QJsonArray dicom = s.value(QStringLiteral("dicom")).toArray();
        QCOMPARE(dicom.size(), 1);
        QCOMPARE(dicom.first().toObject().value(QStringLiteral("modality")).toString(), QStringLiteral("MR"));
        QVERIFY(r.err.contains(QFileInfo(bad).fileName().toUtf8()));
    }

    void screenshotShowsTheDemoCt()
    {
        if (!QFile::exists(qEnvironmentVariable("KAKEHASHI_DEMO_RCC")))
            QSKIP("demo data not built");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("images.png"));
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("--patient"), QStringLiteral("p002"), QStringLiteral("--view"),
                           QStringLiteral("images"), QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--screenshot"), png});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QImage shot(png);
        QVERIFY(!shot.isNull());
        // The right part of the window is the image view: a black background with the CT slice
        // in it. The record (white, text) or a message would not give a dark, varied region.
        const QRect area(shot.width() * 7 / 10, shot.height() / 5, shot.width() / 4, shot.height() * 3 / 5);
        double sum = 0;
        double sumSq = 0;
        int mid = 0; // grey levels that text on white or black would not produce in quantity
        const qint64 n = qint64(area.width()) * area.height();
        for (int y = area.top(); y <= area.bottom(); ++y) {
            for (int x = area.left(); x <= area.right(); ++x) {
                const int g = qGray(shot.pixel(x, y));
                sum += g;
                sumSq += double(g) * g;
                mid += g > 40 && g < 215;
            }
        }
        const double mean = sum / double(n);
        const double stddev = std::sqrt(std::max(0.0, sumSq / double(n) - mean * mean));
        QVERIFY2(stddev > 25, qPrintable(QStringLiteral("stddev %1").arg(stddev)));
        QVERIFY2(mean < 160, qPrintable(QStringLiteral("mean %1").arg(mean)));
        QVERIFY2(mid > n / 10, qPrintable(QStringLiteral("mid-grey pixels %1 of %2").arg(mid).arg(n)));
    }

    void screenshotOfAPatientWithoutImagesIsNotAnImage()
    {
        if (!QFile::exists(qEnvironmentVariable("KAKEHASHI_DEMO_RCC")))
            QSKIP("demo data not built");
        // The view option is accepted and the program still exits; this guards the wait above
        // from hanging when there is nothing to decode.
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("none.png"));
        const Run r = run({QStringLiteral("--open"), QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/fhir/facility-sources.json"),
                           QStringLiteral("--view"), QStringLiteral("images"), QStringLiteral("--screenshot"), png});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!QImage(png).isNull());
    }
};

KAKEHASHI_TEST_MAIN(TestImagingCli)
#include "tst_imagingcli.moc"
