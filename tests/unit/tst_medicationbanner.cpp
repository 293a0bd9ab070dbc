// PatientView's duplicate-therapy banner: shown with MedicationSafety's words, hidden otherwise.
#include "../testsupport.h"

#include "record/medicationsafety.h"
#include "viewer/patientview.h"

#include <QLabel>

using namespace Kakehashi;

namespace {
ClinicalItem prescription(const QString &id, const QString &title, const QString &yj, const QString &facility, int fromDays, int toDays)
{
    const QDate today = QDate::currentDate();
    ClinicalItem i;
    i.category = ItemCategory::Medication;
    i.resourceType = QStringLiteral("MedicationRequest");
    i.key = QStringLiteral("MedicationRequest/") + id;
    i.title = title;
    i.codes = {{Fhir::System::YjCode.toString(), yj, title}};
    i.source = {QStringLiteral("Organization/") + facility, facility, SourceFacility::Basis::Resource};
    i.start = Fhir::DateTime::parse(today.addDays(fromDays).toString(Qt::ISODate));
    i.end = Fhir::DateTime::parse(today.addDays(toDays).toString(Qt::ISODate));
    i.status = QStringLiteral("active");
    return i;
}
PatientRecord record(const QList<ClinicalItem> &items)
{
    PatientRecord r;
    r.patient.id = QStringLiteral("t1");
    r.patient.key = QStringLiteral("Patient/t1");
    r.patient.kanjiName = QStringLiteral("試験 患者");
    r.items = items;
    return r;
}
} // namespace

class TestMedicationBanner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void banner_data()
    {
        QTest::addColumn<QList<ClinicalItem>>("items");
        QTest::addColumn<QStringList>("mustContain"); // empty: banner hidden
        QTest::newRow("amlodipine from two facilities")
            << QList<ClinicalItem>{prescription(QStringLiteral("a"), QStringLiteral("アムロジピン錠5mg"), QStringLiteral("2171022F1021"), QStringLiteral("甲医院"), -10, 20),
                                   prescription(QStringLiteral("b"), QStringLiteral("アムロジピンOD錠10mg"), QStringLiteral("2171022F6276"), QStringLiteral("乙病院"), -3, 25)}
            << QStringList{QStringLiteral("アムロジピン錠5mg"), QStringLiteral("アムロジピンOD錠10mg"), QStringLiteral("甲医院"), QStringLiteral("乙病院")};
        QTest::newRow("same facility: refill")
            << QList<ClinicalItem>{prescription(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("2171022F1021"), QStringLiteral("甲医院"), -10, 20),
                                   prescription(QStringLiteral("b"), QStringLiteral("A"), QStringLiteral("2171022F1021"), QStringLiteral("甲医院"), -3, 25)}
            << QStringList{};
        QTest::newRow("one has ended")
            << QList<ClinicalItem>{prescription(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("2171022F1021"), QStringLiteral("甲医院"), -40, -12),
                                   prescription(QStringLiteral("b"), QStringLiteral("A"), QStringLiteral("2171022F1021"), QStringLiteral("乙病院"), -3, 25)}
            << QStringList{};
    }
    void banner()
    {
        QFETCH(QList<ClinicalItem>, items);
        QFETCH(QStringList, mustContain);
        PatientView view;
        view.resize(900, 700);
        view.show();
        const PatientRecord r = record(items);
        view.setRecord(r);
        QLabel *banner = view.medicationSafetyBanner();
        QVERIFY(banner);
        QCOMPARE(banner->isVisible(), !mustContain.isEmpty());
        const QList<DuplicateTherapyWarning> warnings = MedicationSafety::duplicateTherapy(r, QDateTime::currentDateTime());
        QCOMPARE(warnings.isEmpty(), mustContain.isEmpty());
        if (!warnings.isEmpty())
            QCOMPARE(banner->text(), warnings.first().message());
        for (const QString &part : std::as_const(mustContain))
            QVERIFY2(banner->text().contains(part), qPrintable(part));

        view.clear();
        QVERIFY(!banner->isVisible());
        QVERIFY(banner->text().isEmpty());
    }
};

KAKEHASHI_TEST_MAIN(TestMedicationBanner)
#include "tst_medicationbanner.moc"
