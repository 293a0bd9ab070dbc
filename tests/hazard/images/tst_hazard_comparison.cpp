// Hazard: comparing with a prior. A series of another patient, or of another date, must never be
// taken for the current study: both panes always say whose images they are (name, ID, birth date),
// from which study date and facility, and which is the older; another person's series is refused
// from the chooser and announced in red when shown anyway; an unconfirmed match is announced too.
#include "../../testsupport.h"
#include "../../unit/dicom/presentationfixtures.h"

#include "viewer/imageview/dicomcomparisonview.h"
#include "viewer/imageview/dicomviewerwidget.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

using namespace Kakehashi;
using namespace Kakehashi::Dicom;

class TestHazardComparison : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void panesAlwaysLabelled();
    void unrecordedDateAndFacilitySaySo();
    void anotherPatientRefusedAndAnnounced();
    void otherHospitalIdAnnounced();

private:
    DicomSeries writeSeries(const QString &name, const PresentationFixtures::Image &templ, int slices);
    QTemporaryDir m_dir;
    DicomSeries m_current;
    DicomSeries m_prior;
    DicomSeries m_otherPatient;
    DicomSeries m_otherHospital;
    DicomSeries m_undated;
};

DicomSeries TestHazardComparison::writeSeries(const QString &name, const PresentationFixtures::Image &templ, int slices)
{
    QDir().mkpath(m_dir.filePath(name));
    for (int i = 0; i < slices; ++i) {
        PresentationFixtures::Image image = templ;
        image.instanceNumber = i + 1;
        image.z = 5.0 * i;
        image.fill = 100 + 50 * i;
        if (!image.write(m_dir.filePath(QStringLiteral("%1/%2.dcm").arg(name).arg(i))))
            return {};
    }
    const DicomScanResult scan = DicomSeriesScanner::scan({m_dir.filePath(name)});
    return scan.series.value(0);
}

void TestHazardComparison::initTestCase()
{
    QVERIFY(m_dir.isValid());
    PresentationFixtures::Image current;
    m_current = writeSeries(QStringLiteral("current"), current, 4);
    PresentationFixtures::Image prior = current;
    prior.studyUid = "1.2.826.0.1.3680043.9.7433.78.2";
    prior.seriesUid = "1.2.826.0.1.3680043.9.7433.78.2.1";
    prior.studyDate = "20240210";
    prior.institution = "Minato Clinic";
    m_prior = writeSeries(QStringLiteral("prior"), prior, 4);
    PresentationFixtures::Image other = current;
    other.patient = {"Suzuki^Hanako=鈴木^花子", "P-200", "19700101", "F"};
    other.studyUid = "1.2.826.0.1.3680043.9.7433.78.3";
    other.seriesUid = "1.2.826.0.1.3680043.9.7433.78.3.1";
    other.studyDate = "20240601";
    m_otherPatient = writeSeries(QStringLiteral("other"), other, 4);
    PresentationFixtures::Image hospital = current;
    hospital.patient.id = "H2-0042";
    hospital.patient.sex = "";
    hospital.studyUid = "1.2.826.0.1.3680043.9.7433.78.4";
    hospital.seriesUid = "1.2.826.0.1.3680043.9.7433.78.4.1";
    hospital.frameOfReferenceUid = "2.25.77";
    hospital.institution = "Other Hospital";
    hospital.studyDate = "20230105";
    m_otherHospital = writeSeries(QStringLiteral("hospital"), hospital, 4);
    PresentationFixtures::Image undated = current;
    undated.studyUid = "1.2.826.0.1.3680043.9.7433.78.5";
    undated.seriesUid = "1.2.826.0.1.3680043.9.7433.78.5.1";
    undated.studyDate = "";
    undated.institution = "";
    m_undated = writeSeries(QStringLiteral("undated"), undated, 4);
    for (const DicomSeries *s : {&m_current, &m_prior, &m_otherPatient, &m_otherHospital, &m_undated})
        QCOMPARE(s->slices.size(), 4);
}

void TestHazardComparison::panesAlwaysLabelled()
{
    DicomComparisonView view;
    view.resize(900, 500);
    view.show();
    view.setSeries(m_current, m_prior);
    const QString left = view.paneLabel(0)->text();
    const QString right = view.paneLabel(1)->text();
    for (const QString &label : {left, right}) {
        QVERIFY2(label.contains(QStringLiteral("山田 太郎")), qPrintable(label));
        QVERIFY(label.contains(QStringLiteral("ID P-100")));
        QVERIFY(label.contains(QStringLiteral("born 1958-04-12")));
    }
    QVERIFY(left.contains(QStringLiteral("study 2025-03-01")));
    QVERIFY(left.contains(QStringLiteral("Kakehashi General Hospital")));
    QVERIFY(left.contains(QStringLiteral("newer study")));
    QVERIFY(right.contains(QStringLiteral("study 2024-02-10")));
    QVERIFY(right.contains(QStringLiteral("Minato Clinic")));
    QVERIFY(right.contains(QStringLiteral("older study (prior)")));
    // Visible above each pane, not only in a tooltip.
    for (int side = 0; side < 2; ++side) {
        QVERIFY(view.paneLabel(side)->isVisible());
        QTRY_VERIFY(view.paneLabel(side)->height() > 20);
        QVERIFY(view.paneLabel(side)->geometry().bottom() <= view.view(side)->geometry().top());
    }
    // Same person, same ID: no warning.
    QCOMPARE(view.patientComparison().match, PatientMatch::Same);
    QVERIFY(!view.patientWarning()->isVisible());
    // Swapped, the roles follow the dates, not the side.
    view.setSeries(m_prior, m_current);
    QVERIFY(view.paneLabel(0)->text().contains(QStringLiteral("older study (prior)")));
    QVERIFY(view.paneLabel(1)->text().contains(QStringLiteral("newer study")));
}

void TestHazardComparison::unrecordedDateAndFacilitySaySo()
{
    DicomComparisonView view;
    view.resize(900, 500);
    view.show();
    view.setSeries(m_current, m_undated);
    const QString right = view.paneLabel(1)->text();
    QVERIFY2(right.contains(QStringLiteral("study date not recorded")), qPrintable(right));
    QVERIFY(right.contains(QStringLiteral("facility not recorded")));
    // Neither pane claims to be the newer or the prior.
    for (int side = 0; side < 2; ++side) {
        QVERIFY(view.paneLabel(side)->text().contains(QStringLiteral("which study is older is unknown")));
        QVERIFY(!view.paneLabel(side)->text().contains(QStringLiteral("newer study")));
        QVERIFY(!view.paneLabel(side)->text().contains(QStringLiteral("(prior)")));
    }
}

void TestHazardComparison::anotherPatientRefusedAndAnnounced()
{
    DicomViewerWidget viewer;
    viewer.resize(1000, 600);
    viewer.show();
    viewer.setSeries({m_current, m_otherPatient, m_prior});
    // Never offered as a prior, and refused when asked for directly.
    QCOMPARE(viewer.comparisonCandidates(0), QList<int>{2});
    QVERIFY(!viewer.compareSeries(0, 1));
    QVERIFY(!viewer.isComparing());

    // Shown anyway (another caller): announced in red above both panes, both names on screen.
    DicomComparisonView view;
    view.resize(900, 500);
    view.show();
    view.setSeries(m_current, m_otherPatient);
    QCOMPARE(view.patientComparison().match, PatientMatch::Different);
    QVERIFY(view.patientWarning()->isVisible());
    const QString warning = view.patientWarning()->text();
    QVERIFY2(warning.startsWith(QStringLiteral("DIFFERENT PATIENTS")), qPrintable(warning));
    QVERIFY(warning.contains(QStringLiteral("name")));
    QVERIFY(warning.contains(QStringLiteral("birth date")));
    QVERIFY(view.patientWarning()->styleSheet().contains(QStringLiteral("#b00020")));
    QVERIFY(view.paneLabel(0)->text().contains(QStringLiteral("山田 太郎")));
    QVERIFY(view.paneLabel(1)->text().contains(QStringLiteral("鈴木 花子")));
    QVERIFY(view.paneLabel(1)->text().contains(QStringLiteral("ID P-200")));
    // Switching back to the same patient's prior clears it.
    view.setSeries(m_current, m_prior);
    QVERIFY(!view.patientWarning()->isVisible());
}

void TestHazardComparison::otherHospitalIdAnnounced()
{
    DicomComparisonView view;
    view.resize(900, 500);
    view.show();
    view.setSeries(m_current, m_otherHospital);
    QCOMPARE(view.patientComparison().match, PatientMatch::Unconfirmed);
    QVERIFY(view.patientWarning()->isVisible());
    const QString warning = view.patientWarning()->text();
    QVERIFY2(warning.startsWith(QStringLiteral("Same patient not confirmed")), qPrintable(warning));
    QVERIFY(warning.contains(QStringLiteral("patient ID")));
    QVERIFY(view.paneLabel(1)->text().contains(QStringLiteral("ID H2-0042")));
    QVERIFY(view.paneLabel(1)->text().contains(QStringLiteral("Other Hospital")));
    // Different frames of reference: matched by index, and the screen says what that means.
    QCOMPARE(view.sliceSync().mode(), SliceSync::Mode::RelativeIndex);
    QVERIFY(view.syncStatus()->text().contains(QStringLiteral("need not be the same anatomy")));
}

KAKEHASHI_TEST_MAIN(TestHazardComparison)
#include "tst_hazard_comparison.moc"
