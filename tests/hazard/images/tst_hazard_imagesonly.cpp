// Hazard: a patient known only from DICOM files (a CD from another hospital) must never read as a
// patient with no allergies, no medications and no problems. Nothing of a health record is known.
#include "../../testsupport.h"

#include "app/dicompatients.h"
#include "viewer/emergency/emergencysummaryview.h"
#include "viewer/patientview.h"
#include "record/recordsummary.h"

#include <QJsonArray>
#include <QLabel>

using namespace Kakehashi;

namespace {

Dicom::DicomSeries ctSeries()
{
    Dicom::DicomSeries s;
    s.seriesInstanceUid = QStringLiteral("1.2.3.4.1");
    s.studyInstanceUid = QStringLiteral("1.2.3.4");
    s.modality = QStringLiteral("CT");
    s.patientName = QStringLiteral("Yamada^Tarou=山田^太郎=やまだ^たろう");
    s.patientId = QStringLiteral("A-1");
    s.patientBirthDate = QStringLiteral("19600102");
    s.patientSex = QStringLiteral("M");
    s.studyDate = QStringLiteral("20250301");
    s.instanceCount = 1;
    return s;
}

} // namespace

class TestHazardImagesOnly : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordSaysNothingIsKnown()
    {
        const QList<PatientRecord> records = DicomPatients::records({ctSeries()});
        QCOMPARE(records.size(), 1);
        const PatientRecord &r = records.first();
        QVERIFY(r.imagesOnly);
        QVERIFY(r.incomplete);
        QVERIFY(!r.incompleteReasons.isEmpty());
        QCOMPARE(r.count(ItemCategory::Allergy), 0);
        QCOMPARE(r.count(ItemCategory::Imaging), 1);

        // --summary: the flag travels, so a script cannot read zero counts as "none".
        RecordSet set;
        set.patients = records;
        const QJsonObject p = recordSummaryJson(set).value(QStringLiteral("patients")).toArray().first().toObject();
        QCOMPARE(p.value(QStringLiteral("imagesOnly")).toBool(), true);
        QCOMPARE(p.value(QStringLiteral("incomplete")).toBool(), true);

        // The record view: allergies unknown, not "none recorded".
        PatientView view;
        view.setRecord(r);
        QVERIFY2(!view.allergyBanner()->text().contains(QStringLiteral("none recorded")), qPrintable(view.allergyBanner()->text()));
        QVERIFY(view.allergyBanner()->text().contains(QStringLiteral("unknown")));
        QVERIFY(!view.completenessBanner()->isHidden());

        // The emergency summary: every section unknown; no "None running", no "No active problem".
        EmergencySummaryView emergency;
        emergency.setRecord(r);
        for (QLabel *section : {emergency.allergyLabel(), emergency.medicationLabel(), emergency.problemLabel(),
                                emergency.encounterLabel(), emergency.procedureLabel(), emergency.labLabel()}) {
            const QString text = section->accessibleDescription();
            QVERIFY2(text.startsWith(QStringLiteral("Unknown")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("none"), Qt::CaseInsensitive) && !text.contains(QStringLiteral("No ")), qPrintable(text));
        }
        QVERIFY(emergency.statusLabel()->accessibleDescription().contains(QStringLiteral("incomplete")));
    }

    // A DICOM Patient ID equal to a loaded record's id is not taken as the same person: the files
    // carry no proof of it (another hospital's numbering). Both stay, apart.
    void sameIdIsNotMerged()
    {
        const QList<PatientRecord> records = DicomPatients::records({ctSeries()}, {QStringLiteral("A-1")});
        QCOMPARE(records.size(), 1);
        QVERIFY(records.first().patient.id != QStringLiteral("A-1"));
        QVERIFY(records.first().imagesOnly);
    }
};

KAKEHASHI_TEST_MAIN(TestHazardImagesOnly)
#include "tst_hazard_imagesonly.moc"
