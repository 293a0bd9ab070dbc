// Hazard: one person's records split over two patients (the clinician sees half the allergies,
// conditions or medications), or two people's records merged into one without a word.
#include "record/clinicalitembuilder.h"
#include "record/localrecordsource.h"
#include "record/recordsummary.h"

#include <QJsonArray>
#include <QTest>

using namespace Kakehashi;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/hazard/identity/") + QLatin1String(name);
}

QStringList titles(const PatientRecord &record)
{
    QStringList out;
    for (const ClinicalItem &item : record.items)
        out << item.title;
    out.sort();
    return out;
}

} // namespace

class HazardIdentity : public QObject
{
    Q_OBJECT
private slots:
    // "jppatientExample01" and "Patient/jppatientExample01" are the same patient: a bare id in a
    // subject is a Patient id, not a second, unknown person.
    void bareAndTypedReferencesAreOnePatient()
    {
        const RecordSet set = LocalRecordSource::load({fixture("bare-and-typed-reference.json")});
        QCOMPARE(set.patients.size(), 1);
        const PatientRecord &p = set.patients.first();
        QVERIFY(!p.patient.placeholder);
        QCOMPARE(p.patient.id, QStringLiteral("jppatientExample01"));
        QCOMPARE(titles(p), (QStringList{QStringLiteral("2型糖尿病"), QStringLiteral("高血圧症")}));
        for (const QString &w : set.warnings)
            QVERIFY2(!w.contains(u"placeholder"), qPrintable(w));
    }

    // The same identifier (system + value) in bundles from two servers, with different resource ids:
    // one person, with a visible note in the header data and in the warnings.
    void sameIdentifierInTwoBundlesIsOnePersonWithANote()
    {
        const RecordSet set = LocalRecordSource::load({fixture("same-identifier-server-a.json"), fixture("same-identifier-server-b.json")});
        QCOMPARE(set.patients.size(), 1);
        const PatientRecord &p = set.patients.first();
        QCOMPARE(titles(p), (QStringList{QStringLiteral("ペニシリン系抗菌薬アレルギーの既往"), QStringLiteral("気管支喘息")}));
        QVERIFY(set.find(u"srvA-77") == set.find(u"srvB-12"));
        QCOMPARE(p.patient.identityNotes.size(), 1);
        const QString note = p.patient.identityNotes.first();
        QVERIFY2(note.contains(u"Patient/srvA-77") && note.contains(u"Patient/srvB-12") && note.contains(u"insurance member ID"), qPrintable(note));
        QVERIFY(!note.contains(u"06139999")); // the kind of identifier, never its value, in the words
        QVERIFY(set.warnings.contains(note));
        const QJsonObject summary = recordSummaryJson(set);
        const QJsonObject patient = summary.value(u"patients").toArray().first().toObject();
        QCOMPARE(patient.value(u"identityNotes").toArray().first().toString(), note);
        QCOMPARE(patient.value(u"linked").toArray().size(), 1);
    }

    // The same identifier but another birth date: a data error or two people. Never merged silently.
    void sameIdentifierWithAnotherBirthDateIsNotMerged()
    {
        const RecordSet set = LocalRecordSource::load({fixture("same-identifier-server-a.json"), fixture("same-identifier-other-birthdate.json")});
        QCOMPARE(set.patients.size(), 2);
        QVERIFY(set.find(u"srvA-77") != set.find(u"srvC-5"));
        QCOMPARE(titles(*set.find(u"srvA-77")), QStringList{QStringLiteral("気管支喘息")});
        QCOMPARE(titles(*set.find(u"srvC-5")), QStringList{QStringLiteral("妊娠")});
        bool warned = false;
        for (const QString &w : set.warnings)
            warned = warned || (w.contains(u"Patient/srvA-77") && w.contains(u"Patient/srvC-5") && w.contains(u"two people"));
        QVERIFY2(warned, qPrintable(set.warnings.join(u'\n')));
        QVERIFY(set.find(u"srvA-77")->patient.identityNotes.isEmpty());
    }

    // Patient.link in any reference form (typed, bare, cyclic) joins the records into one person.
    void linkedRecordsInEveryFormAreOnePerson()
    {
        const RecordSet set = LocalRecordSource::load({QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/service-linked/patients/linked.json")});
        const PatientRecord *a = set.find(u"lk-a");
        QVERIFY(a);
        QCOMPARE(set.find(u"lk-b"), a);
        QCOMPARE(set.find(u"lk-c"), a); // linked from lk-b by a bare id
        QStringList linked = a->patient.linkedKeys;
        linked.sort();
        QCOMPARE(linked, (QStringList{QStringLiteral("Patient/lk-b"), QStringLiteral("Patient/lk-c")}));
        QVERIFY(titles(*a).contains(QStringLiteral("心房細動")));
        QVERIFY(titles(*a).contains(QStringLiteral("慢性腎臓病")));
    }
};

QTEST_GUILESS_MAIN(HazardIdentity)
#include "tst_hazard_identity.moc"
