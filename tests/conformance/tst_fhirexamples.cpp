#include "../testsupport.h"

#include "record/localrecordsource.h"

#include <QDirIterator>

using namespace Kakehashi;

// Every official JP Core / JP-CLINS example in ../shared loads: valid ones with no error,
// the deliberate ErrorExample files with a clear error naming the resource. Never a crash.
class TestFhirExamples : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void examples_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("deliberateError");
        const QString root = QStringLiteral(KAKEHASHI_SHARED_DIR "/data/fhir-examples");
        QDirIterator it(root, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        if (files.isEmpty())
            QSKIP("../shared/data/fhir-examples is not present");
        for (const QString &f : std::as_const(files))
            QTest::newRow(qPrintable(QDir(root).relativeFilePath(f))) << f << QFileInfo(f).fileName().contains(QLatin1String("ErrorExample"));
    }
    void examples()
    {
        QFETCH(QString, file);
        QFETCH(bool, deliberateError);
        const RecordSet set = LocalRecordSource::load({file});
        if (deliberateError) {
            QVERIFY2(!set.errors.isEmpty(), "a deliberate error example loaded without an error");
            const QString id = QFileInfo(file).completeBaseName().section(u'-', 1);
            QVERIFY2(set.errors.join(u'\n').contains(id), qPrintable(set.errors.join(u'\n')));
        } else {
            QVERIFY2(set.errors.isEmpty(), qPrintable(set.errors.join(u'\n')));
        }
    }
    void allExamplesTogether()
    {
        const QString root = QStringLiteral(KAKEHASHI_SHARED_DIR "/data/fhir-examples");
        if (!QFileInfo::exists(root))
            QSKIP("../shared/data/fhir-examples is not present");
        const RecordSet set = LocalRecordSource::load({root});
        QVERIFY(set.resourceCount > 100);
        QDirIterator it(root, {QStringLiteral("*ErrorExample*.json")}, QDir::Files, QDirIterator::Subdirectories);
        int deliberate = 0;
        for (; it.hasNext(); it.next())
            ++deliberate;
        QCOMPARE(int(set.errors.size()), deliberate); // one error per deliberate error example, none elsewhere
        QVERIFY(!set.patients.isEmpty());
    }
};

KAKEHASHI_TEST_MAIN(TestFhirExamples)
#include "tst_fhirexamples.moc"
