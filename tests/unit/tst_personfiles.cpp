// tst_personfiles: `--demo --patient ID` reads only the files of that person's record
// (LocalRecordSource::loadPersonFiles with patients-index.json from tools/demo/patientindex.py).
//
// Hazard: reading fewer files must never show a person's record as complete when it is not. So:
// every demo patient read alone gives exactly the record (as --summary prints it) that reading every
// demo file gives; files joined by a shared identifier, a Patient.link or a reference one file leaves to
// another are read together (index written by the real patientindex.py); and an index that does not
// match the files, or does not know the patient, means every file is read.

#include "record/localrecordsource.h"
#include "record/recordsummary.h"
#include "record/referenceclock.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <QtTest>

using namespace Kakehashi;
using namespace Qt::StringLiterals;

namespace {

// What --summary prints for one patient of a set; empty when the set does not hold that patient.
QByteArray summaryOf(const RecordSet &set, const QString &patientId, const QDateTime &asOf)
{
    const PatientRecord *one = set.find(patientId);
    if (!one)
        return {};
    RecordSet single;
    single.patients = {*one};
    single.warnings = set.warnings;
    single.errors = set.errors;
    return QJsonDocument(recordSummaryJson(single, asOf)).toJson(QJsonDocument::Compact);
}

QJsonObject patient(const QString &id, const QJsonArray &identifiers = {}, const QJsonArray &links = {})
{
    QJsonObject p{{u"resourceType"_s, u"Patient"_s}, {u"id"_s, id}, {u"gender"_s, u"female"_s}, {u"birthDate"_s, u"1950-01-01"_s},
                  {u"name"_s, QJsonArray{QJsonObject{{u"family"_s, u"Test"_s}, {u"given"_s, QJsonArray{id}}}}}};
    if (!identifiers.isEmpty())
        p.insert(u"identifier"_s, identifiers);
    if (!links.isEmpty())
        p.insert(u"link"_s, links);
    return p;
}

QJsonObject condition(const QString &id, const QString &subject, const QString &text, const QString &organization = {})
{
    QJsonObject c{{u"resourceType"_s, u"Condition"_s}, {u"id"_s, id}, {u"subject"_s, QJsonObject{{u"reference"_s, subject}}},
                  {u"code"_s, QJsonObject{{u"text"_s, text}}}, {u"recordedDate"_s, u"2026-01-05"_s}};
    if (!organization.isEmpty())
        c.insert(u"recorder"_s, QJsonObject{{u"reference"_s, organization}});
    return c;
}

// Only the patient's part of it (no set-wide messages).
QJsonObject patientSummaryOf(const RecordSet &set, const QString &patientId, const QDateTime &asOf)
{
    const QJsonArray patients = QJsonDocument::fromJson(summaryOf(set, patientId, asOf)).object().value(u"patients"_s).toArray();
    return patients.isEmpty() ? QJsonObject() : patients.first().toObject();
}

void writeBundle(const QString &path, const QJsonArray &resources)
{
    QJsonArray entries;
    for (const QJsonValue &r : resources)
        entries.append(QJsonObject{{u"resource"_s, r}});
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(QJsonObject{{u"resourceType"_s, u"Bundle"_s}, {u"type"_s, u"collection"_s}, {u"entry"_s, entries}}).toJson());
}

} // namespace

class TestPersonFiles : public QObject
{
    Q_OBJECT

    QDateTime m_asOf;
    RecordSet m_allDemo;
    QTemporaryDir m_dir;

    // Runs the real tools/demo/patientindex.py on root.
    bool writeIndex(const QString &root)
    {
        QProcess p;
        p.start(QStringLiteral(KAKEHASHI_PYTHON3), {QStringLiteral(KAKEHASHI_SOURCE_DIR "/tools/demo/patientindex.py"), root});
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            qWarning() << p.readAllStandardError();
            return false;
        }
        return true;
    }

    // A folder of small records: a+b (same identifier), c (Patient.link to a), e (its condition's
    // recorder is an Organization only d's file defines), f alone.
    QString linkedFolder(const QString &name)
    {
        const QString root = m_dir.filePath(name);
        QDir().mkpath(root + u"/patients"_s);
        const QJsonObject shared{{u"system"_s, u"urn:oid:1.2.392.100495.20.3.51.11310000001"_s}, {u"value"_s, u"0042"_s}};
        writeBundle(root + u"/patients/a.json"_s, {patient(u"a"_s, {shared}), condition(u"ca"_s, u"Patient/a"_s, u"Asthma"_s)});
        writeBundle(root + u"/patients/b.json"_s, {patient(u"b"_s, {shared}), condition(u"cb"_s, u"Patient/b"_s, u"Gout"_s)});
        writeBundle(root + u"/patients/c.json"_s,
                    {patient(u"c"_s, {}, {QJsonObject{{u"other"_s, QJsonObject{{u"reference"_s, u"Patient/a"_s}}}, {u"type"_s, u"seealso"_s}}}),
                     condition(u"cc"_s, u"Patient/c"_s, u"Anaemia"_s)});
        writeBundle(root + u"/patients/d.json"_s,
                    {patient(u"d"_s), QJsonObject{{u"resourceType"_s, u"Organization"_s}, {u"id"_s, u"org1"_s}, {u"name"_s, u"Hikari Clinic"_s}}});
        writeBundle(root + u"/patients/e.json"_s, {patient(u"e"_s), condition(u"ce"_s, u"Patient/e"_s, u"Migraine"_s, u"Organization/org1"_s)});
        writeBundle(root + u"/patients/f.json"_s, {patient(u"f"_s), condition(u"cf"_s, u"Patient/f"_s, u"Eczema"_s)});
        return root;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        if (!LocalRecordSource::registerDemoData(&error))
            QSKIP(qPrintable(error));
        m_asOf = LocalRecordSource::demoReferenceTime();
        QVERIFY(m_asOf.isValid());
        ReferenceClock::setFixed(m_asOf);
        m_allDemo = LocalRecordSource::loadDemo();
        QVERIFY(m_allDemo.patients.size() >= 7);
    }

    void demoPatientAloneIsTheWholeRecord_data()
    {
        QTest::addColumn<QString>("id");
        for (const PatientRecord &r : std::as_const(m_allDemo.patients))
            QTest::newRow(qPrintable(r.patient.id)) << r.patient.id;
    }
    void demoPatientAloneIsTheWholeRecord()
    {
        QFETCH(QString, id);
        bool usedIndex = false;
        const RecordSet alone = LocalRecordSource::loadPersonFiles(LocalRecordSource::demoDataRoot(), id, &usedIndex);
        QVERIFY2(usedIndex, "the demo's patients-index.json was not used");
        QVERIFY(alone.patients.size() < m_allDemo.patients.size());
        QVERIFY(alone.resourceCount < m_allDemo.resourceCount);
        const QByteArray expected = summaryOf(m_allDemo, id, m_asOf);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(summaryOf(alone, id, m_asOf), expected); // with the set's warnings and errors
    }

    void linkedFilesAreReadTogether_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QStringList>("persons"); // Patient ids the set read for id must hold
        QTest::addColumn<int>("patientCount");
        QTest::newRow("shared identifier and Patient.link: a, b, c") << u"a"_s << QStringList{u"a"_s, u"b"_s, u"c"_s} << 1;
        QTest::newRow("the same group from b") << u"b"_s << QStringList{u"a"_s, u"b"_s, u"c"_s} << 1;
        QTest::newRow("reference into another file: d and e") << u"e"_s << QStringList{u"d"_s, u"e"_s} << 2;
        QTest::newRow("alone: f") << u"f"_s << QStringList{u"f"_s} << 1;
    }
    void linkedFilesAreReadTogether()
    {
        QFETCH(QString, id);
        QFETCH(QStringList, persons);
        QFETCH(int, patientCount);
        const QString root = linkedFolder(QStringLiteral("linked"));
        if (!QFileInfo::exists(root + u"/patients-index.json"_s))
            QVERIFY(writeIndex(root));
        const RecordSet all = LocalRecordSource::load({root + u"/patients"_s});
        bool usedIndex = false;
        const RecordSet alone = LocalRecordSource::loadPersonFiles(root, id, &usedIndex);
        QVERIFY(usedIndex);
        QCOMPARE(alone.patients.size(), patientCount);
        for (const QString &p : persons)
            QVERIFY2(alone.find(p), qPrintable(p));
        QCOMPARE(patientSummaryOf(alone, id, m_asOf), patientSummaryOf(all, id, m_asOf));
        // Messages: what the group gives is what all files give about these persons; messages about
        // other persons (a and b merged, when reading f) are not repeated.
        for (const QString &w : alone.warnings + alone.errors)
            QVERIFY2(all.warnings.contains(w) || all.errors.contains(w), qPrintable(w));
        for (const QString &w : all.warnings + all.errors) {
            const bool aboutThem = std::any_of(persons.cbegin(), persons.cend(), [&](const QString &p) {
                return w.contains(u"Patient/" + p + u' ');
            });
            QCOMPARE(alone.warnings.contains(w) || alone.errors.contains(w), aboutThem);
        }
        // e's condition names its facility only because d's file was read with it.
        if (id == u"e")
            QVERIFY(summaryOf(alone, id, m_asOf).contains("Hikari Clinic"));
        QVERIFY(!patientSummaryOf(alone, id, m_asOf).isEmpty());
    }

    // Anything the index cannot vouch for: every file is read, as without an index.
    void untrustedIndexReadsEverything_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("no index") << "remove";
        QTest::newRow("a file grew after indexing") << "grow";
        QTest::newRow("a file the index does not list") << "extra";
        QTest::newRow("a listed file is gone") << "missing";
        QTest::newRow("malformed index") << "malformed";
        QTest::newRow("another format") << "format";
        QTest::newRow("patient not in the index") << "unknown";
    }
    void untrustedIndexReadsEverything()
    {
        QFETCH(QString, change);
        const QString root = linkedFolder(QStringLiteral("untrusted-") + change);
        QVERIFY(writeIndex(root));
        QString id = QStringLiteral("f");
        const QString index = root + u"/patients-index.json"_s;
        if (change == u"remove") {
            QVERIFY(QFile::remove(index));
        } else if (change == u"grow") {
            QFile f(root + u"/patients/b.json"_s);
            QVERIFY(f.open(QIODevice::Append));
            f.write("\n");
        } else if (change == u"extra") {
            writeBundle(root + u"/patients/g.json"_s, {patient(u"g"_s), condition(u"cg"_s, u"Patient/f"_s, u"Hidden from the index"_s)});
        } else if (change == u"missing") {
            QVERIFY(QFile::remove(root + u"/patients/a.json"_s));
        } else if (change == u"malformed") {
            QFile f(index);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write("{\"format\": 1, \"files\": ");
        } else if (change == u"format") {
            QFile f(index);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
            f.close();
            o.insert(u"format"_s, 2);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QJsonDocument(o).toJson());
        } else if (change == u"unknown") {
            id = QStringLiteral("zz");
        }
        const RecordSet all = LocalRecordSource::load({root + u"/patients"_s});
        bool usedIndex = true;
        const RecordSet read = LocalRecordSource::loadPersonFiles(root, id, &usedIndex);
        QVERIFY(!usedIndex);
        QCOMPARE(read.patients.size(), all.patients.size());
        QCOMPARE(read.resourceCount, all.resourceCount);
        if (change == u"extra") // the unlisted file's condition about f is in f's record
            QCOMPARE(read.find(id)->items.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestPersonFiles)
#include "tst_personfiles.moc"
