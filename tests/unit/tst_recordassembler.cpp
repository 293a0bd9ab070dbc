#include "../testsupport.h"

#include "record/localrecordsource.h"
#include "record/recordassembler.h"
#include "record/recordsummary.h"

#include <QJsonArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Kakehashi;

namespace {
QString fhirData(const char *name)
{
    return QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/fhir/") + QLatin1String(name);
}
QString badData(const char *name)
{
    return QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/bad/") + QLatin1String(name);
}
const ClinicalItem *itemByKey(const PatientRecord &r, const QString &key)
{
    for (const ClinicalItem &i : r.items)
        if (i.key == key)
            return &i;
    return nullptr;
}
} // namespace

class TestRecordAssembler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void patientNames();
    void sourceFacility_data();
    void sourceFacility();
    void categories_data();
    void categories();
    void labValue();
    void medicationPeriod();
    void consentFlags();
    void linkedPatientsAreOnePerson();
    void malformedInput_data();
    void malformedInput();
    void partlyUsableInputIsReported();
    void nestedBundlesAreBounded();
    void partialDates_data();
    void partialDates();
    void summaryJson();
    void parallelEqualsSequential_data();
    void parallelEqualsSequential();
    void missingReferences();
};

void TestRecordAssembler::patientNames()
{
    const RecordSet set = LocalRecordSource::load({fhirData("facility-sources.json")});
    QVERIFY2(set.errors.isEmpty(), qPrintable(set.errors.join(u'\n')));
    QCOMPARE(set.patients.size(), 1);
    const PatientInfo &p = set.patients.first().patient;
    QCOMPARE(p.id, QStringLiteral("t1"));
    QCOMPARE(p.kanjiName, QStringLiteral("試験 太郎"));
    QCOMPARE(p.kanaName, QStringLiteral("シケン タロウ"));
    QCOMPARE(p.gender, QStringLiteral("male"));
    QCOMPARE(p.birthDate, QDate(1960, 4, 1));
    QCOMPARE(p.ageAt(QDate(2026, 3, 31)), 65);
    QCOMPARE(p.ageAt(QDate(2026, 4, 1)), 66);
    QCOMPARE(p.identifiers.size(), 1);
}

void TestRecordAssembler::sourceFacility_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("facility");
    QTest::addColumn<int>("basis");
    // The contract's order: own Organization first (even when meta.source says otherwise).
    QTest::newRow("own recorder") << "Condition/own-recorder" << "甲病院" << int(SourceFacility::Basis::Resource);
    QTest::newRow("requester via PractitionerRole") << "MedicationRequest/via-role" << "乙クリニック" << int(SourceFacility::Basis::Resource);
    QTest::newRow("JP-CLINS institution number") << "Observation/institution-number" << "丁医院" << int(SourceFacility::Basis::InstitutionNumber);
    QTest::newRow("meta.source") << "Procedure/meta-source" << "丙薬局" << int(SourceFacility::Basis::MetaSource);
    QTest::newRow("Provenance") << "Encounter/provenance" << "乙クリニック" << int(SourceFacility::Basis::Provenance);
    QTest::newRow("unknown is not guessed") << "Immunization/unknown" << "" << int(SourceFacility::Basis::Unknown);
}

void TestRecordAssembler::sourceFacility()
{
    QFETCH(QString, key);
    QFETCH(QString, facility);
    QFETCH(int, basis);
    const RecordSet set = LocalRecordSource::load({fhirData("facility-sources.json")});
    QCOMPARE(set.patients.size(), 1);
    const ClinicalItem *item = itemByKey(set.patients.first(), key);
    QVERIFY(item);
    QCOMPARE(int(item->source.basis), basis);
    if (facility.isEmpty())
        QVERIFY(item->source.name.isEmpty());
    else
        QVERIFY2(item->source.name.contains(facility), qPrintable(item->source.name));
}

void TestRecordAssembler::categories_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("category");
    QTest::addColumn<QString>("title");
    QTest::newRow("condition") << "Condition/own-recorder" << int(ItemCategory::Problem) << "高血圧症";
    QTest::newRow("prescription") << "MedicationRequest/via-role" << int(ItemCategory::Medication) << "アムロジピン錠５ｍｇ";
    QTest::newRow("lab") << "Observation/institution-number" << int(ItemCategory::Lab) << "カリウム";
    QTest::newRow("procedure") << "Procedure/meta-source" << int(ItemCategory::Procedure) << "虫垂切除術";
    QTest::newRow("encounter") << "Encounter/provenance" << int(ItemCategory::Encounter) << "";
    QTest::newRow("immunization") << "Immunization/unknown" << int(ItemCategory::Immunization) << "インフルエンザHAワクチン";
}

void TestRecordAssembler::categories()
{
    QFETCH(QString, key);
    QFETCH(int, category);
    QFETCH(QString, title);
    const RecordSet set = LocalRecordSource::load({fhirData("facility-sources.json")});
    const ClinicalItem *item = itemByKey(set.patients.first(), key);
    QVERIFY(item);
    QCOMPARE(int(item->category), category);
    if (!title.isEmpty())
        QCOMPARE(item->title, title);
    QVERIFY(!item->title.isEmpty());
}

void TestRecordAssembler::labValue()
{
    const RecordSet set = LocalRecordSource::load({fhirData("facility-sources.json")});
    const ClinicalItem *k = itemByKey(set.patients.first(), QStringLiteral("Observation/institution-number"));
    QVERIFY(k);
    QCOMPARE(k->lab.analyteKey, QStringLiteral("JLAC10:3H015000002326101"));
    QVERIFY(k->lab.value.has_value());
    QCOMPARE(*k->lab.value, 5.9);
    QCOMPARE(k->lab.unit, QStringLiteral("mmol/L"));
    QCOMPARE(*k->lab.low, 3.5);
    QCOMPARE(*k->lab.high, 5.0);
    QCOMPARE(k->lab.flag, QStringLiteral("H")); // derived from the range when no interpretation is given
    QCOMPARE(k->start.precision, Fhir::DateTime::Precision::Time);
    QCOMPARE(k->start.value, QDateTime(QDate(2024, 2, 1), QTime(0, 30), Qt::UTC));
}

void TestRecordAssembler::medicationPeriod()
{
    const RecordSet set = LocalRecordSource::load({fhirData("facility-sources.json")});
    const ClinicalItem *m = itemByKey(set.patients.first(), QStringLiteral("MedicationRequest/via-role"));
    QVERIFY(m);
    QVERIFY(m->isPeriod());
    QCOMPARE(m->start.date(), QDate(2024, 1, 10));
    QCOMPARE(m->end.date(), QDate(2024, 2, 6)); // 28 days: 10 January is day 1, 6 February day 28
    QVERIFY(!m->active); // never set for medications: current-ness is MedicationPeriod's, at view time
    QVERIFY(m->detail.contains(QStringLiteral("1日1回朝食後")));
    QVERIFY(std::any_of(m->codes.cbegin(), m->codes.cend(), [](const Fhir::Coding &c) { return c.code == u"2171022F6276"; }));
}

void TestRecordAssembler::consentFlags()
{
    const RecordSet set = LocalRecordSource::load({fhirData("consent-flags.json")});
    QCOMPARE(set.patients.size(), 1);
    const PatientRecord &r = set.patients.first();
    QVERIFY(itemByKey(r, QStringLiteral("Condition/told")));
    const ClinicalItem *notTold = itemByKey(r, QStringLiteral("Condition/not-told"));
    QVERIFY(notTold);
    QVERIFY(notTold->uninformed);
    QVERIFY(!itemByKey(r, QStringLiteral("Condition/not-shared"))); // UNDELIVERED never appears
    QCOMPARE(r.undeliveredCount, 1);
    const ClinicalItem *redacted = itemByKey(r, QStringLiteral("Observation/redacted"));
    QVERIFY(redacted && redacted->redacted);
    QCOMPARE(r.withheldCount, 3 + 1); // outcome entry says 3, plus one REDACTED resource
    QVERIFY(r.incomplete);
    QVERIFY(!r.incompleteReasons.isEmpty());
}

void TestRecordAssembler::linkedPatientsAreOnePerson()
{
    const RecordSet set = LocalRecordSource::load({fhirData("linked-patients.json")});
    QCOMPARE(set.patients.size(), 2);
    const PatientRecord *jiro = set.find(u"hosp-a-123");
    QVERIFY(jiro);
    QCOMPARE(set.find(u"clinic-b-9"), jiro);
    QCOMPARE(jiro->patient.kanjiName, QStringLiteral("連携 次郎"));
    QCOMPARE(jiro->patient.kanaName, QStringLiteral("レンケイ ジロウ"));
    QCOMPARE(jiro->patient.identifiers.size(), 2);
    QCOMPARE(jiro->patient.sourceNames, (QStringList{QStringLiteral("甲病院"), QStringLiteral("乙クリニック")}));
    QCOMPARE(jiro->items.size(), 2);
    const PatientRecord *other = set.find(u"other");
    QVERIFY(other && other != jiro);
    QCOMPARE(other->items.size(), 1);
}

void TestRecordAssembler::malformedInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated") << badData("truncated.json") << "not valid JSON";
    QTest::newRow("array") << badData("array.json") << "not an object";
    QTest::newRow("not FHIR") << badData("not-fhir.json") << "no resourceType";
    QTest::newRow("binary garbage") << badData("binary.json") << "not valid JSON";
    QTest::newRow("missing") << badData("does-not-exist.json") << "no such file";
}

void TestRecordAssembler::malformedInput()
{
    QFETCH(QString, file);
    QFETCH(QString, expected);
    const RecordSet set = LocalRecordSource::load({file});
    QCOMPARE(set.errors.size(), 1);
    QVERIFY2(set.errors.first().contains(expected), qPrintable(set.errors.first()));
    QVERIFY(set.patients.isEmpty());
}

void TestRecordAssembler::partlyUsableInputIsReported()
{
    const RecordSet set = LocalRecordSource::load({badData("partly-usable.json")});
    QCOMPARE(set.patients.size(), 1);
    const QString errors = set.errors.join(u'\n');
    QVERIFY2(errors.contains(QStringLiteral("no resourceType")), qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("Condition/bad-date")), qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("Observation/no-code")), qPrintable(errors));
    QVERIFY2(set.warnings.join(u'\n').contains(QStringLiteral("has no resource")), qPrintable(set.warnings.join(u'\n')));
    QVERIFY(itemByKey(set.patients.first(), QStringLiteral("Condition/ok")));
}

void TestRecordAssembler::nestedBundlesAreBounded()
{
    QJsonObject inner{{QStringLiteral("resourceType"), QStringLiteral("Patient")}, {QStringLiteral("id"), QStringLiteral("deep")}};
    for (int i = 0; i < 40; ++i) {
        inner = QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                            {QStringLiteral("type"), QStringLiteral("collection")},
                            {QStringLiteral("entry"), QJsonArray{QJsonObject{{QStringLiteral("resource"), inner}}}}};
    }
    RecordAssembler a;
    a.addJson(QJsonDocument(inner).toJson(), QStringLiteral("nested"));
    const RecordSet set = a.finish();
    QVERIFY(set.patients.isEmpty());
    QVERIFY(set.errors.join(u'\n').contains(QStringLiteral("nested deeper")));
}

void TestRecordAssembler::partialDates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("precision");
    QTest::addColumn<QString>("shown");
    QTest::newRow("year") << "2019" << int(Fhir::DateTime::Precision::Year) << "2019";
    QTest::newRow("month") << "2019-07" << int(Fhir::DateTime::Precision::Month) << "2019-07";
    QTest::newRow("day") << "2019-07-05" << int(Fhir::DateTime::Precision::Day) << "2019-07-05";
    QTest::newRow("instant, shown as recorded") << "2019-07-05T10:20:30+09:00" << int(Fhir::DateTime::Precision::Time) << "2019-07-05 10:20";
    // Instants are shown in the display zone (Asia/Tokyo): 01:20 UTC is 10:20 in Japan.
    QTest::newRow("instant in UTC") << "2019-07-05T01:20:30Z" << int(Fhir::DateTime::Precision::Time) << "2019-07-05 10:20";
    QTest::newRow("garbage") << "yesterday" << int(Fhir::DateTime::Precision::None) << "";
    QTest::newRow("bad month") << "2019-13" << int(Fhir::DateTime::Precision::None) << "";
}

void TestRecordAssembler::partialDates()
{
    QFETCH(QString, text);
    QFETCH(int, precision);
    QFETCH(QString, shown);
    const Fhir::DateTime dt = Fhir::DateTime::parse(text);
    QCOMPARE(int(dt.precision), precision);
    if (!shown.isEmpty())
        QCOMPARE(dt.displayText(), shown);
}

void TestRecordAssembler::summaryJson()
{
    const RecordSet set = LocalRecordSource::load({fhirData("consent-flags.json"), badData("truncated.json")});
    const QJsonObject s = recordSummaryJson(set);
    QCOMPARE(s.value(QStringLiteral("patients")).toArray().size(), 1);
    const QJsonObject p = s.value(QStringLiteral("patients")).toArray().first().toObject();
    QCOMPARE(p.value(QStringLiteral("id")).toString(), QStringLiteral("t2"));
    QCOMPARE(p.value(QStringLiteral("withheld")).toInt(), 4);
    QCOMPARE(p.value(QStringLiteral("undelivered")).toInt(), 1);
    QCOMPARE(p.value(QStringLiteral("uninformed")).toInt(), 1);
    QCOMPARE(p.value(QStringLiteral("counts")).toObject().value(QStringLiteral("problems")).toInt(), 2);
    QCOMPARE(s.value(QStringLiteral("errors")).toArray().size(), 1);
}


void TestRecordAssembler::parallelEqualsSequential_data()
{
    QTest::addColumn<QString>("path");
    QString error;
    if (!LocalRecordSource::registerDemoData(&error))
        QSKIP("demo data not built (target demo_data)");
    const QDir dir(LocalRecordSource::demoDataRoot() + QStringLiteral("/patients"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.contains(QStringLiteral("p900.json")));
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
    // Several files in one load: cross-file references, several people.
    QTest::newRow("all demo patients") << dir.path();
}

// The thread-pool build in finish() must give exactly what a sequential pass gives.
void TestRecordAssembler::parallelEqualsSequential()
{
    QFETCH(QString, path);
    QStringList files{path};
    if (QFileInfo(path).isDir()) {
        files.clear();
        const QDir dir(path);
        for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            files << dir.filePath(f);
    }
    RecordAssembler sequential;
    sequential.setParallel(false);
    RecordAssembler parallel;
    for (const QString &f : std::as_const(files)) {
        QFile file(f);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(sequential.addJson(bytes, f));
        QVERIFY(parallel.addJson(bytes, f));
    }
    const RecordSet a = sequential.finish();
    const RecordSet b = parallel.finish();
    QCOMPARE(b.resourceCount, a.resourceCount);
    QCOMPARE(b.errors, a.errors);
    QCOMPARE(b.warnings, a.warnings);
    QCOMPARE(b.patients.size(), a.patients.size());
    QVERIFY(!a.patients.isEmpty());
    int items = 0;
    for (qsizetype r = 0; r < a.patients.size(); ++r) {
        const PatientRecord &x = a.patients[r];
        const PatientRecord &y = b.patients[r];
        QCOMPARE(y.patient.key, x.patient.key);
        QCOMPARE(y.patient.linkedKeys, x.patient.linkedKeys);
        QCOMPARE(y.withheldCount, x.withheldCount);
        QCOMPARE(y.undeliveredCount, x.undeliveredCount);
        QCOMPARE(y.incompleteReasons, x.incompleteReasons);
        QCOMPARE(y.items.size(), x.items.size());
        for (qsizetype i = 0; i < x.items.size(); ++i) {
            const ClinicalItem &p = x.items[i];
            const ClinicalItem &q = y.items[i];
            QCOMPARE(q.key, p.key);
            QCOMPARE(q.category, p.category);
            QCOMPARE(q.title, p.title);
            QCOMPARE(q.detail, p.detail);
            QCOMPARE(q.status, p.status);
            QCOMPARE(q.start.msecs(), p.start.msecs());
            QCOMPARE(q.end.msecs(), p.end.msecs());
            QCOMPARE(q.codes, p.codes);
            QCOMPARE(q.source.key, p.source.key);
            QCOMPARE(q.source.name, p.source.name);
            QCOMPARE(q.source.basis, p.source.basis);
            QCOMPARE(q.uninformed, p.uninformed);
            QCOMPARE(q.redacted, p.redacted);
            QCOMPARE(q.lab.text, p.lab.text);
            QCOMPARE(q.lab.analyteKey, p.lab.analyteKey);
        }
        items += int(x.items.size());
    }
    QVERIFY(items > 0);
    if (path.endsWith(QLatin1String("p900.json")))
        QVERIFY2(a.resourceCount >= 10000, "the heavy demo patient goes through the parallel path");
}

// The references a loader fetches after the record arrived: the same whether they are collected as
// each resource is added (the sharing-service loader) or by walking everything at the end, and a
// resource that arrives again counts with its latest copy only (else the loader would fetch, or
// name as unresolved, what the record no longer refers to).
void TestRecordAssembler::missingReferences()
{
    const QStringList types{QStringLiteral("Organization"), QStringLiteral("PractitionerRole"), QStringLiteral("Practitioner"),
                            QStringLiteral("Medication"),   QStringLiteral("Location"),         QStringLiteral("Encounter")};
    const QStringList expected{QStringLiteral("Medication/med1"), QStringLiteral("https://other.example/fhir/Organization/o9"),
                               QStringLiteral("Location/loc1"), QStringLiteral("Practitioner/pr-new")};
    for (const bool asAdded : {false, true}) {
        RecordAssembler assembler;
        assembler.setCollectReferencesAsAdded(asAdded);
        for (const char *page : {"missing-references-page1.json", "missing-references-page2.json"}) {
            QFile file(fhirData(page));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(assembler.addJson(file.readAll(), QString::fromLatin1(page)));
        }
        QStringList missing = assembler.missingReferences(types);
        QStringList sortedExpected = expected;
        missing.sort();
        sortedExpected.sort();
        QVERIFY2(!missing.contains(QStringLiteral("Practitioner/pr-old")), asAdded ? "collected as added" : "walked at the end");
        QCOMPARE(missing, sortedExpected);
        // Only the types asked for.
        QCOMPARE(assembler.missingReferences({QStringLiteral("Medication")}), QStringList{QStringLiteral("Medication/med1")});
    }
}

KAKEHASHI_TEST_MAIN(TestRecordAssembler)
#include "tst_recordassembler.moc"
