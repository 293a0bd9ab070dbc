// The unified timeline and the clinical panels, offscreen: lanes, filters, selection sync,
// trend chart across facilities, zoom/pan geometry, aggregation and the today line.
#include "viewer/timeline/clinicalpanels.h"
#include "viewer/timeline/labtrendchart.h"
#include "viewer/patientview.h"
#include "viewer/recorditemmodel.h"
#include "record/referenceclock.h"
#include "viewer/timeline/timelinepane.h"
#include "viewer/timeline/timelineview.h"

#include <QAreaSeries>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeView>
#include <QTest>
#include <QWheelEvent>

using namespace Kakehashi;

namespace {
const QString kHospA = QStringLiteral("Organization/hospA");
const QString kHospB = QStringLiteral("Organization/hospB");
const QString kHbA1c = QStringLiteral("JLAC10:3D045000001906202");
constexpr qint64 kDay = 86'400'000;

qint64 ms(const char *iso)
{
    return Fhir::DateTime::parse(QString::fromLatin1(iso)).msecs();
}

ClinicalItem makeItem(ItemCategory category, const QString &key, const QString &title, const char *start, const char *end,
                      const QString &facility)
{
    ClinicalItem item;
    item.category = category;
    item.key = key;
    item.resourceType = key.section(u'/', 0, 0);
    item.title = title;
    item.start = Fhir::DateTime::parse(QString::fromLatin1(start));
    if (end)
        item.end = Fhir::DateTime::parse(QString::fromLatin1(end));
    if (!facility.isEmpty()) {
        item.source.key = facility;
        item.source.name = facility == kHospA ? QStringLiteral("Hospital A") : QStringLiteral("Hospital B");
        item.source.basis = SourceFacility::Basis::Resource;
    }
    return item;
}

ClinicalItem makeLab(const QString &key, const char *date, double value, const QString &flag, const QString &facility)
{
    ClinicalItem item = makeItem(ItemCategory::Lab, key, QStringLiteral("HbA1c"), date, nullptr, facility);
    item.resourceType = QStringLiteral("Observation");
    item.lab.value = value;
    item.lab.text = QString::number(value);
    item.lab.unit = QStringLiteral("%");
    item.lab.low = 4.6;
    item.lab.high = 6.2;
    item.lab.rangeText = QStringLiteral("4.6-6.2");
    item.lab.flag = flag;
    item.lab.analyteKey = kHbA1c;
    return item;
}

// A small known record: two hospitals, every lane, one UNINFORMED item, three withheld.
PatientRecord knownRecord()
{
    PatientRecord r;
    r.patient.id = QStringLiteral("t001");
    r.patient.key = QStringLiteral("Patient/t001");
    r.patient.kanjiName = QStringLiteral("試験 太郎");
    r.withheldCount = 3;
    ClinicalItem htn = makeItem(ItemCategory::Problem, QStringLiteral("Condition/htn"), QStringLiteral("Hypertension"), "2015-04-01", nullptr, kHospA);
    htn.active = true;
    ClinicalItem flu = makeItem(ItemCategory::Problem, QStringLiteral("Condition/flu"), QStringLiteral("Influenza"), "2018-02-01", "2018-02-20", kHospB);
    ClinicalItem cancer = makeItem(ItemCategory::Problem, QStringLiteral("Condition/crc"), QStringLiteral("Colon cancer"), "2022-03-15", nullptr, kHospB);
    cancer.active = true;
    cancer.uninformed = true;
    ClinicalItem rx = makeItem(ItemCategory::Medication, QStringLiteral("MedicationRequest/rx1"), QStringLiteral("Amlodipine 5mg"), "2021-01-10", "2021-07-10", kHospA);
    rx.subtype = QStringLiteral("prescription");
    ClinicalItem disp = makeItem(ItemCategory::Medication, QStringLiteral("MedicationDispense/d1"), QStringLiteral("Metformin 250mg"), "2024-02-01", nullptr, kHospB);
    disp.subtype = QStringLiteral("dispense");
    r.items << htn << flu << cancer << rx << disp;
    r.items << makeLab(QStringLiteral("Observation/a1"), "2023-01-10", 6.1, QString(), kHospA)
            << makeLab(QStringLiteral("Observation/a2"), "2023-06-10", 7.2, QStringLiteral("H"), kHospA)
            << makeLab(QStringLiteral("Observation/b1"), "2023-03-10", 6.5, QStringLiteral("H"), kHospB)
            << makeLab(QStringLiteral("Observation/b2"), "2024-01-10", 5.9, QStringLiteral("N"), kHospB);
    ClinicalItem visit = makeItem(ItemCategory::Encounter, QStringLiteral("Encounter/e1"), QStringLiteral("Outpatient visit"), "2023-01-10", nullptr, kHospA);
    visit.encounterClass = QStringLiteral("AMB");
    ClinicalItem stay = makeItem(ItemCategory::Encounter, QStringLiteral("Encounter/e2"), QStringLiteral("Admission"), "2019-05-01", "2019-05-20", kHospB);
    stay.encounterClass = QStringLiteral("IMP");
    r.items << visit << stay
            << makeItem(ItemCategory::Document, QStringLiteral("DocumentReference/doc1"), QStringLiteral("Referral letter"), "2019-05-20", nullptr, kHospB)
            << makeItem(ItemCategory::Imaging, QStringLiteral("ImagingStudy/ct1"), QStringLiteral("CT study"), "2019-05-02", nullptr, kHospB)
            << makeItem(ItemCategory::Procedure, QStringLiteral("Procedure/p1"), QStringLiteral("Colonoscopy"), "2022-03-01", nullptr, QString());
    return r;
}

const ClinicalItem &itemOf(const PatientRecord &r, const QString &key)
{
    for (const ClinicalItem &i : r.items)
        if (i.key == key)
            return i;
    qFatal("no item");
}

// Centre of an item's mark or bar in the view, after zooming to a month around it.
QPoint focusOn(TimelineView &view, const ClinicalItem &item)
{
    const qint64 s = item.start.msecs();
    view.setVisibleRange(s - 30 * kDay, s + 30 * kDay);
    const int lane = view.model().laneIndex(item.category);
    const QRect r = view.laneRect(lane);
    const double x = view.xForMsecs(s) + (item.isPeriod() ? 3 : 0);
    return QPoint(int(std::lround(x)), r.center().y());
}

void sendWheel(QWidget *w, QPointF pos, QPoint angle)
{
    QWheelEvent e(pos, w->mapToGlobal(pos), QPoint(), angle, Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}
} // namespace

class TimelineTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void laneOfItem_data();
    void laneOfItem();
    void filters_data();
    void filters();
    void searchTextIsBuiltOnFirstSearch();
    void recordIsSharedNotCopied();
    void switchingPatientFillsTheTreeOnce();
    void selectionFromTimelineReachesPanels();
    void selectionFromPanelReachesTimeline();
    void trendChartGroupsAnalyteAcrossFacilities();
    void trendChartIsTheShownPatientsWhenItsTabOpens();
    void wheelZoomKeepsTimeUnderCursor_data();
    void wheelZoomKeepsTimeUnderCursor();
    void dragAndKeysPan();
    void keyboardZoomAndActivate();
    void aggregatesWhenDense();
    void todayLineIsDrawnAtToday();
    void todayLineFollowsTheReferenceClock();
    void trustSignals();
    void viewNamesStillWork();
};

void TimelineTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TimelineTest::laneOfItem_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("category");
    QTest::newRow("active problem (period to today)") << QStringLiteral("Condition/htn") << int(ItemCategory::Problem);
    QTest::newRow("resolved problem") << QStringLiteral("Condition/flu") << int(ItemCategory::Problem);
    QTest::newRow("past prescription") << QStringLiteral("MedicationRequest/rx1") << int(ItemCategory::Medication);
    QTest::newRow("lab A") << QStringLiteral("Observation/a1") << int(ItemCategory::Lab);
    QTest::newRow("lab B") << QStringLiteral("Observation/b2") << int(ItemCategory::Lab);
    QTest::newRow("admission") << QStringLiteral("Encounter/e2") << int(ItemCategory::Encounter);
    QTest::newRow("document") << QStringLiteral("DocumentReference/doc1") << int(ItemCategory::Document);
    QTest::newRow("imaging") << QStringLiteral("ImagingStudy/ct1") << int(ItemCategory::Imaging);
    QTest::newRow("procedure, unknown source") << QStringLiteral("Procedure/p1") << int(ItemCategory::Procedure);
}

void TimelineTest::laneOfItem()
{
    QFETCH(QString, key);
    QFETCH(int, category);
    const PatientRecord record = knownRecord();
    TimelineView view;
    view.setNow(QDateTime::fromMSecsSinceEpoch(ms("2025-06-01")));
    view.resize(1000, 400);
    view.setRecord(record);
    const ClinicalItem &item = itemOf(record, key);
    const QPoint pos = focusOn(view, item);
    const TimelineView::Hit hit = view.hitTest(pos);
    QCOMPARE(hit.kind, TimelineView::HitKind::Item);
    QCOMPARE(view.model().record().items[hit.item].key, key);
    QCOMPARE(int(view.model().lanes()[hit.lane].category), category);
    QVERIFY(view.visibleItemKeys(ItemCategory(category)).contains(key));
    // Nowhere else: no other lane lists it.
    for (int c = 0; c < ItemCategoryCount; ++c)
        if (c != category)
            QVERIFY(!view.visibleItemKeys(ItemCategory(c)).contains(key));
}

void TimelineTest::filters_data()
{
    QTest::addColumn<int>("hiddenCategory"); // -1: none
    QTest::addColumn<QString>("hiddenFacility");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("expectedLabs");
    QTest::addColumn<int>("expectedProblems");

    const QStringList allLabs{QStringLiteral("Observation/a1"), QStringLiteral("Observation/b1"), QStringLiteral("Observation/a2"), QStringLiteral("Observation/b2")};
    QTest::newRow("no filter") << -1 << QString() << QString() << QString() << QString() << allLabs << 3;
    QTest::newRow("hide hospital B") << -1 << kHospB << QString() << QString() << QString()
                                     << QStringList{QStringLiteral("Observation/a1"), QStringLiteral("Observation/a2")} << 1;
    QTest::newRow("hide problems") << int(ItemCategory::Problem) << QString() << QString() << QString() << QString() << allLabs << -1;
    QTest::newRow("text matches title") << -1 << QString() << QStringLiteral("hypertension") << QString() << QString() << QStringList{} << 1;
    QTest::newRow("text matches facility") << -1 << QString() << QStringLiteral("hospital a") << QString() << QString()
                                           << QStringList{QStringLiteral("Observation/a1"), QStringLiteral("Observation/a2")} << 1;
    QTest::newRow("date range 2023-02..2023-12") << -1 << QString() << QString() << QStringLiteral("2023-02-01") << QStringLiteral("2023-12-31")
                                                 << QStringList{QStringLiteral("Observation/b1"), QStringLiteral("Observation/a2")} << 2;
}

void TimelineTest::filters()
{
    QFETCH(int, hiddenCategory);
    QFETCH(QString, hiddenFacility);
    QFETCH(QString, text);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QStringList, expectedLabs);
    QFETCH(int, expectedProblems);

    PatientView pv;
    pv.resize(1400, 900);
    pv.timeline()->setNow(QDateTime::fromMSecsSinceEpoch(ms("2025-06-01")));
    pv.setRecord(knownRecord());
    pv.show();
    TimelineView *view = pv.timeline();
    const int labRowsBefore = pv.panels()->tableModel(ItemCategory::Lab)->rowCount();
    QCOMPARE(labRowsBefore, 4);

    TimelineFilter f;
    if (hiddenCategory >= 0)
        f.hiddenCategories.insert(ItemCategory(hiddenCategory));
    if (!hiddenFacility.isEmpty())
        f.hiddenFacilities.insert(hiddenFacility);
    f.text = text;
    if (!from.isEmpty())
        f.from = Fhir::DateTime::parse(from).msecs();
    if (!to.isEmpty())
        f.to = Fhir::DateTime::parse(to).msecs();
    view->setFilter(f);
    view->fitAll();

    QCOMPARE(view->visibleItemKeys(ItemCategory::Lab), expectedLabs);
    if (expectedProblems < 0) {
        QCOMPARE(view->model().laneIndex(ItemCategory::Problem), -1);
    } else {
        QCOMPARE(view->visibleItemKeys(ItemCategory::Problem).size(), expectedProblems);
    }
    // The panels list what the timeline shows.
    pv.panels()->setFollowRange(false);
    QCOMPARE(pv.panels()->tableModel(ItemCategory::Lab)->rowCount(), expectedLabs.size());
    QCOMPARE(pv.panels()->tableModel(ItemCategory::Problem)->rowCount(), std::max(0, expectedProblems));
}

// The folded search text is built on a record's first search, not when the record is set (it was
// 41% of opening a big record). Search still finds by title, facility and code, after a record
// change finds only the new record's items (no stale text), and a search already typed when a
// record arrives applies to it at once.
// Opening a record must not deep-copy its items (a 100k-item record is ~64 MB of them): every view
// holds the same implicitly shared list. A non-const items[i] in a model once copied them all.
void TimelineTest::recordIsSharedNotCopied()
{
    const PatientRecord record = knownRecord();
    PatientView view;
    view.setRecord(record);
    TimelineView *timeline = view.findChild<TimelineView *>();
    QVERIFY(timeline);
    const TimelineModel &model = timeline->model();
    QCOMPARE(model.record().items.constData(), record.items.constData());
    // Searching and filtering read the same items.
    TimelineFilter f;
    f.text = QStringLiteral("hypertension");
    timeline->setFilter(f);
    QCOMPARE(model.record().items.constData(), record.items.constData());
}

// "All items" lists what the panels list, and the panels ask the timeline's model. Set before the
// timeline had the new patient, the tree was built, expanded and measured against the previous
// patient's listing (item indices of one record applied to another), then built again: twice the
// work on every switch. Now it is filled once, with the new patient's listing.
void TimelineTest::switchingPatientFillsTheTreeOnce()
{
    PatientView pv;
    pv.resize(1400, 900);
    pv.timeline()->setNow(QDateTime::fromMSecsSinceEpoch(ms("2025-06-01")));
    pv.setRecord(knownRecord());
    pv.show();
    TimelineFilter hideB;
    hideB.hiddenFacilities.insert(kHospB);
    pv.timeline()->setFilter(hideB);

    // Another patient: the same kinds of items in reverse order, so an index means another item.
    PatientRecord other = knownRecord();
    other.patient.id = QStringLiteral("t002");
    other.patient.key = QStringLiteral("Patient/t002");
    std::reverse(other.items.begin(), other.items.end());
    for (ClinicalItem &item : other.items)
        item.key += QStringLiteral("-t002");

    auto *tree = pv.findChild<QTreeView *>();
    QVERIFY(tree);
    QSignalSpy resets(tree->model(), &QAbstractItemModel::modelReset);
    pv.setRecord(other);
    QCOMPARE(resets.count(), 1);

    QStringList listed;
    const QAbstractItemModel *m = tree->model();
    for (int g = 0; g < m->rowCount(); ++g) {
        const QModelIndex group = m->index(g, 0);
        QVERIFY(tree->isExpanded(group));
        for (int r = 0; r < m->rowCount(group); ++r)
            listed << m->index(r, 0, group).data(RecordItemModel::ItemKeyRole).toString();
    }
    QStringList expected;
    for (int i = 0; i < other.items.size(); ++i)
        if (pv.panels()->lists(i))
            expected << other.items.at(i).key;
    listed.sort();
    expected.sort();
    QCOMPARE(listed, expected);
    // The previous patient's filter (a hospital hidden) does not hide the new patient's items.
    QCOMPARE(listed.size(), other.items.size());
}

void TimelineTest::searchTextIsBuiltOnFirstSearch()
{
    const qint64 now = ms("2025-06-01");
    const auto matching = [](const TimelineModel &m) {
        QStringList keys;
        for (int i = 0; i < m.record().items.size(); ++i)
            if (m.passes(i))
                keys << m.record().items.at(i).key;
        return keys;
    };
    TimelineModel model;
    model.setRecord(knownRecord(), now);
    QVERIFY(!model.hasSearchText());
    QCOMPARE(matching(model).size(), knownRecord().items.size());

    TimelineFilter f;
    f.text = QStringLiteral("  HYPERtension ");
    model.setFilter(f);
    QVERIFY(model.hasSearchText());
    QCOMPARE(matching(model), QStringList{QStringLiteral("Condition/htn")});
    f.text = QStringLiteral("hospital b");
    model.setFilter(f);
    QCOMPARE(matching(model).size(), 8);

    PatientRecord other = knownRecord();
    other.items[0].title = QStringLiteral("Gout");
    other.items[1].codes << Fhir::Coding{QStringLiteral("http://example.org/icd10"), QStringLiteral("J10"), QStringLiteral("Influenza B")};
    f.text.clear();
    model.setFilter(f);
    model.setRecord(other, now);
    QVERIFY(!model.hasSearchText());
    f.text = QStringLiteral("hypertension");
    model.setFilter(f);
    QCOMPARE(matching(model), QStringList());
    f.text = QStringLiteral("gout");
    model.setFilter(f);
    QCOMPARE(matching(model), QStringList{QStringLiteral("Condition/htn")});
    f.text = QStringLiteral("j10");
    model.setFilter(f);
    QCOMPARE(matching(model), QStringList{QStringLiteral("Condition/flu")});

    // Typed before the record came: applies to it straight away.
    model.setRecord(knownRecord(), now);
    QVERIFY(model.hasSearchText());
    f.text = QStringLiteral("metformin");
    model.setFilter(f);
    QCOMPARE(matching(model), QStringList{QStringLiteral("MedicationDispense/d1")});
    model.setRecord(other, now);
    QCOMPARE(matching(model), QStringList{QStringLiteral("MedicationDispense/d1")});
}

void TimelineTest::selectionFromTimelineReachesPanels()
{
    PatientView pv;
    pv.resize(1400, 900);
    pv.setRecord(knownRecord());
    pv.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pv));
    TimelineView *view = pv.timeline();
    const PatientRecord record = knownRecord();
    const ClinicalItem &item = itemOf(record, QStringLiteral("Observation/b1"));
    const QPoint pos = focusOn(*view, item);
    QSignalSpy spy(view, &TimelineView::selectionChanged);
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, pos);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(view->selectedKey(), item.key);
    QCOMPARE(pv.selectedKey(), item.key);
    QCOMPARE(pv.panels()->selectedKey(), item.key);
    QTableView *labs = pv.panels()->table(ItemCategory::Lab);
    QCOMPARE(pv.panels()->currentWidget()->isAncestorOf(labs) || pv.panels()->currentWidget() == labs, true);
    QCOMPARE(labs->currentIndex().data(ClinicalTableModel::ItemKeyRole).toString(), item.key);
    QCOMPARE(pv.panels()->labChart()->analyte(), kHbA1c);
    QVERIFY(pv.detailPane()->toPlainText().contains(QStringLiteral("Hospital B")));
    QCOMPARE(pv.itemTree()->currentIndex().data(RecordItemModel::ItemKeyRole).toString(), item.key);
}

void TimelineTest::selectionFromPanelReachesTimeline()
{
    PatientView pv;
    pv.resize(1400, 900);
    pv.setRecord(knownRecord());
    pv.show();
    TimelineView *view = pv.timeline();
    // Zoom far away from the 2018 influenza first: selecting it in the panel must bring it into view.
    view->setVisibleRange(ms("2024-01-01"), ms("2024-03-01"));
    pv.panels()->setFollowRange(false);
    ClinicalTableModel *problems = pv.panels()->tableModel(ItemCategory::Problem);
    const int row = problems->rowOfKey(QStringLiteral("Condition/flu"));
    QVERIFY(row >= 0);
    pv.panels()->table(ItemCategory::Problem)->setCurrentIndex(problems->index(row, 0));
    QCOMPARE(view->selectedKey(), QStringLiteral("Condition/flu"));
    QVERIFY(view->visibleFrom() <= ms("2018-02-20") && view->visibleTo() >= ms("2018-02-01"));
    QCOMPARE(pv.selectedKey(), QStringLiteral("Condition/flu"));
    QVERIFY(pv.detailPane()->toPlainText().contains(QStringLiteral("Influenza")));
}

void TimelineTest::trendChartGroupsAnalyteAcrossFacilities()
{
    PatientView pv;
    pv.setRecord(knownRecord());
    LabTrendChart *chart = pv.panels()->labChart();
    QVERIFY(chart->analytes().contains(kHbA1c));
    QVERIFY(chart->setAnalyte(kHbA1c));
    QLineSeries *a = chart->seriesFor(QStringLiteral("Hospital A"));
    QLineSeries *b = chart->seriesFor(QStringLiteral("Hospital B"));
    QVERIFY(a && b);
    const QList<QPointF> expectA{{double(ms("2023-01-10")), 6.1}, {double(ms("2023-06-10")), 7.2}};
    const QList<QPointF> expectB{{double(ms("2023-03-10")), 6.5}, {double(ms("2024-01-10")), 5.9}};
    QCOMPARE(a->points(), expectA);
    QCOMPARE(b->points(), expectB);
    QVERIFY(chart->referenceBand());
    QCOMPARE(chart->referenceBand()->lowerSeries()->at(0).y(), 4.6);
    QCOMPARE(chart->referenceBand()->upperSeries()->at(0).y(), 6.2);
    // H flags from both facilities; N is not abnormal.
    const QList<QPointF> abnormal = chart->abnormalSeries()->points();
    QCOMPARE(abnormal.size(), 2);
    QVERIFY(abnormal.contains(QPointF(double(ms("2023-06-10")), 7.2)));
    QVERIFY(abnormal.contains(QPointF(double(ms("2023-03-10")), 6.5)));
    QVERIFY(!chart->setAnalyte(QStringLiteral("JLAC10:nonexistent")));
}

// The trend chart is rebuilt only while the lab tab is the current one (or when asked for): behind
// another tab it was rebuilt on every record, filter and pan. Opening the tab, or asking for it, must
// show the current patient's results under the current filter, never the previous patient's.
void TimelineTest::trendChartIsTheShownPatientsWhenItsTabOpens()
{
    const QString kGlucose = QStringLiteral("JLAC10:3D010000001926101");
    PatientView pv;
    pv.resize(1400, 900);
    pv.setRecord(knownRecord());
    pv.show();
    QVERIFY(pv.panels()->showCategory(ItemCategory::Lab));
    auto *chart = pv.findChild<LabTrendChart *>(); // past the accessor, which would update it
    QVERIFY(chart);
    QCOMPARE(chart->analytes(), QStringList{kHbA1c});
    pv.panels()->setCurrentIndex(0); // "All items"

    // Another patient, with glucose only, set behind the record tree.
    PatientRecord other;
    other.patient.id = QStringLiteral("t003");
    other.patient.key = QStringLiteral("Patient/t003");
    ClinicalItem glucose = makeLab(QStringLiteral("Observation/g1"), "2024-05-01", 142, QStringLiteral("H"), kHospA);
    glucose.title = QStringLiteral("Glucose");
    glucose.lab.analyteKey = kGlucose;
    other.items << glucose;
    pv.setRecord(other);
    QCOMPARE(chart->analytes(), QStringList{kHbA1c}); // not rebuilt behind another tab

    QVERIFY(pv.panels()->showCategory(ItemCategory::Lab));
    QCOMPARE(chart->analytes(), QStringList{kGlucose});
    QCOMPARE(chart->analyte(), kGlucose);
    QLineSeries *a = chart->seriesFor(QStringLiteral("Hospital A"));
    QVERIFY(a);
    QCOMPARE(a->points(), (QList<QPointF>{{double(ms("2024-05-01")), 142}}));

    // A filter applied behind another tab: the chart follows it when asked for.
    pv.panels()->setCurrentIndex(0);
    pv.setRecord(knownRecord());
    TimelineFilter hideA;
    hideA.hiddenFacilities.insert(kHospA);
    pv.timeline()->setFilter(hideA);
    pv.panels()->refresh();
    LabTrendChart *asked = pv.panels()->labChart();
    QCOMPARE(asked, chart);
    QCOMPARE(asked->analytes(), QStringList{kHbA1c});
    QVERIFY(!asked->seriesFor(QStringLiteral("Hospital A")));
    QVERIFY(asked->seriesFor(QStringLiteral("Hospital B")));
}

void TimelineTest::wheelZoomKeepsTimeUnderCursor_data()
{
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("delta");
    QTest::newRow("zoom in near left") << 200 << 120;
    QTest::newRow("zoom in centre") << 600 << 360;
    QTest::newRow("zoom out right") << 950 << -240;
}

void TimelineTest::wheelZoomKeepsTimeUnderCursor()
{
    QFETCH(int, x);
    QFETCH(int, delta);
    TimelineView view;
    view.resize(1000, 400);
    view.setRecord(knownRecord());
    view.setVisibleRange(ms("2015-01-01"), ms("2025-01-01"));
    const qint64 before = view.msecsAtX(x);
    const double mppBefore = view.msecsPerPixel();
    sendWheel(&view, QPointF(x, 100), QPoint(0, delta));
    QVERIFY(delta > 0 ? view.msecsPerPixel() < mppBefore : view.msecsPerPixel() > mppBefore);
    const qint64 after = view.msecsAtX(x);
    QVERIFY2(std::abs(double(after - before)) <= view.msecsPerPixel(), qPrintable(QStringLiteral("moved %1 ms").arg(after - before)));
    // And the item under the cursor stays under it (within a pixel).
    QVERIFY(std::abs(view.xForMsecs(before) - x) <= 1.0);
}

void TimelineTest::dragAndKeysPan()
{
    TimelineView view;
    view.resize(1000, 400);
    view.setRecord(knownRecord());
    view.setVisibleRange(ms("2020-01-01"), ms("2022-01-01"));
    const double mpp = view.msecsPerPixel();
    const qint64 from = view.visibleFrom();
    QSignalSpy range(&view, &TimelineView::visibleRangeChanged);
    // Drag 100 px right: earlier times come into view.
    QMouseEvent press(QEvent::MouseButtonPress, QPointF(500, 100), view.mapToGlobal(QPointF(500, 100)), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&view, &press);
    QMouseEvent move(QEvent::MouseMove, QPointF(600, 100), view.mapToGlobal(QPointF(600, 100)), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&view, &move);
    QMouseEvent release(QEvent::MouseButtonRelease, QPointF(600, 100), view.mapToGlobal(QPointF(600, 100)), Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(&view, &release);
    QVERIFY(range.count() >= 1);
    QVERIFY(std::abs(double(from - view.visibleFrom()) - 100 * mpp) <= mpp);
    QCOMPARE(view.msecsPerPixel(), mpp);
    QVERIFY(view.selectedKey().isEmpty()); // a drag is not a click

    const qint64 afterDrag = view.visibleFrom();
    QTest::keyClick(&view, Qt::Key_Right);
    QVERIFY(view.visibleFrom() > afterDrag);
    QTest::keyClick(&view, Qt::Key_Left);
    QVERIFY(std::abs(double(view.visibleFrom() - afterDrag)) <= mpp);
    // Horizontal wheel pans too.
    sendWheel(&view, QPointF(500, 100), QPoint(-120, 0));
    QVERIFY(view.visibleFrom() > afterDrag);
    QCOMPARE(view.msecsPerPixel(), mpp);
}

void TimelineTest::keyboardZoomAndActivate()
{
    TimelineView view;
    view.resize(1000, 400);
    view.setRecord(knownRecord());
    const double mpp = view.msecsPerPixel();
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(view.msecsPerPixel() < mpp);
    QTest::keyClick(&view, Qt::Key_Minus);
    QVERIFY(std::abs(view.msecsPerPixel() - mpp) < mpp * 1e-9);
    // Ctrl+Right walks through a lane, Enter opens the selection.
    view.setSelectedKey(QStringLiteral("Observation/a1"));
    QTest::keyClick(&view, Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(view.selectedKey(), QStringLiteral("Observation/b1"));
    QTest::keyClick(&view, Qt::Key_Left, Qt::ControlModifier);
    QCOMPARE(view.selectedKey(), QStringLiteral("Observation/a1"));
    QSignalSpy activated(&view, &TimelineView::itemActivated);
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("Observation/a1"));
    QVERIFY(view.focusPolicy() & Qt::TabFocus);
    QVERIFY(!view.accessibleName().isEmpty());
}

void TimelineTest::aggregatesWhenDense()
{
    // One lab every 6 hours for a year: far too many to draw one by one at a decade's zoom.
    PatientRecord r;
    const qint64 start = ms("2020-01-01");
    const int n = 1460;
    for (int i = 0; i < n; ++i) {
        ClinicalItem item;
        item.category = ItemCategory::Lab;
        item.key = QStringLiteral("Observation/%1").arg(i);
        item.title = QStringLiteral("Glucose");
        item.start.value = QDateTime::fromMSecsSinceEpoch(start + qint64(i) * kDay / 4, Qt::UTC);
        item.start.precision = Fhir::DateTime::Precision::Time;
        r.items << item;
    }
    TimelineView view;
    view.resize(1000, 300);
    view.setRecord(r);
    view.setVisibleRange(ms("2015-01-01"), ms("2025-01-01"));
    QImage frame = view.grab().toImage();
    TimelineView::PaintStats s = view.lastPaintStats();
    QVERIFY2(s.badges > 0, "dense stretch not aggregated");
    QCOMPARE(s.marks + s.aggregatedItems, n);
    QVERIFY(s.badges + s.marks < 200); // bounded by pixel columns, not by items
    // A badge is what a hit-test finds there, with its count.
    const TimelineView::Hit hit = view.hitTest(QPoint(int(view.xForMsecs(ms("2020-06-01"))), view.laneRect(0).center().y()));
    QCOMPARE(hit.kind, TimelineView::HitKind::Badge);
    QVERIFY(hit.count > 1);

    // Zoomed in to a day, every item is its own mark.
    view.setVisibleRange(ms("2020-06-01"), ms("2020-06-02"));
    frame = view.grab().toImage();
    s = view.lastPaintStats();
    QCOMPARE(s.badges, 0);
    const int visible = int(view.visibleItemKeys(ItemCategory::Lab).size());
    QVERIFY(visible >= 4);
    // Bins just outside the edges are painted (and clipped) too.
    QVERIFY2(s.marks >= visible && s.marks <= visible + 2, qPrintable(QStringLiteral("%1 marks, %2 visible").arg(s.marks).arg(visible)));
}

// Without setNow() the view takes "today" from the ReferenceClock when a record is set, also when
// the clock was fixed after the view was built (the window exists before the demo sets its date).
void TimelineTest::todayLineFollowsTheReferenceClock()
{
    TimelineView view;
    view.resize(1000, 400);
    const QDateTime reference = QDateTime::fromMSecsSinceEpoch(ms("2025-03-15"));
    ReferenceClock::setFixed(reference);
    view.setRecord(knownRecord());
    ReferenceClock::clear();
    QCOMPARE(view.now(), reference);
    QCOMPARE(view.model().now(), reference.toMSecsSinceEpoch());
    view.setVisibleRange(ms("2024-06-01"), ms("2025-12-01"));
    const QImage img = view.grab().toImage();
    const int x = int(std::floor(view.xForMsecs(ms("2025-03-15"))));
    const int y = view.laneRect(view.model().laneIndex(ItemCategory::Document)).center().y();
    QCOMPARE(QColor(img.pixel(x, y)), TimelineView::todayColor());
    QVERIFY(QColor(img.pixel(x + 40, y)) != TimelineView::todayColor());

    // The clock now follows the system again; an explicit setNow() wins, an invalid one returns to the clock.
    view.setRecord(knownRecord());
    QVERIFY(qAbs(view.now().secsTo(QDateTime::currentDateTime())) < 60);
    view.setNow(reference);
    view.setRecord(knownRecord());
    QCOMPARE(view.now(), reference);
    view.setNow(QDateTime());
    QVERIFY(qAbs(view.now().secsTo(QDateTime::currentDateTime())) < 60);
}

void TimelineTest::todayLineIsDrawnAtToday()
{
    TimelineView view;
    view.resize(1000, 400);
    view.setNow(QDateTime::fromMSecsSinceEpoch(ms("2025-06-01")));
    view.setRecord(knownRecord());
    view.setVisibleRange(ms("2024-06-01"), ms("2025-12-01"));
    const QImage img = view.grab().toImage();
    const int x = int(std::floor(view.xForMsecs(ms("2025-06-01"))));
    const int y = view.laneRect(view.model().laneIndex(ItemCategory::Document)).center().y();
    QCOMPARE(QColor(img.pixel(x - 1, y)), TimelineView::todayColor());
    QCOMPARE(QColor(img.pixel(x, y)), TimelineView::todayColor());
    QVERIFY(QColor(img.pixel(x + 40, y)) != TimelineView::todayColor());
    QVERIFY(QColor(img.pixel(x - 40, y)) != TimelineView::todayColor());
}

void TimelineTest::trustSignals()
{
    PatientView pv;
    pv.setRecord(knownRecord());
    QVERIFY(pv.timelinePane()->withheldLabel()->text().contains(u'3'));
    pv.panels()->setFollowRange(false);
    ClinicalTableModel *problems = pv.panels()->tableModel(ItemCategory::Problem);
    const int notice = problems->columnOf(ClinicalTableModel::Column::Notice);
    const int facility = problems->columnOf(ClinicalTableModel::Column::Facility);
    const int crc = problems->rowOfKey(QStringLiteral("Condition/crc"));
    const int htn = problems->rowOfKey(QStringLiteral("Condition/htn"));
    QVERIFY(problems->index(crc, notice).data().toString().contains(QStringLiteral("UNINFORMED")));
    QVERIFY(problems->index(htn, notice).data().toString().isEmpty());
    QCOMPARE(problems->index(crc, facility).data().toString(), QStringLiteral("Hospital B"));
    QCOMPARE(problems->index(htn, facility).data().toString(), QStringLiteral("Hospital A"));
    // Medications: the dispensing pharmacy column holds dispenses, the prescribing column requests.
    ClinicalTableModel *meds = pv.panels()->tableModel(ItemCategory::Medication);
    const int d = meds->rowOfKey(QStringLiteral("MedicationDispense/d1"));
    QCOMPARE(meds->index(d, meds->columnOf(ClinicalTableModel::Column::Pharmacy)).data().toString(), QStringLiteral("Hospital B"));
    QVERIFY(meds->index(d, meds->columnOf(ClinicalTableModel::Column::Facility)).data().toString().isEmpty());
    QCOMPARE(d, 0); // current before past
    // The legend names both facilities.
    QCOMPARE(pv.timeline()->model().facilities().size(), 3); // A, B and unknown
}

void TimelineTest::viewNamesStillWork()
{
    PatientView pv;
    pv.setRecord(knownRecord());
    QVERIFY(PatientView::viewNames().contains(QStringLiteral("timeline")));
    for (const QString &name : PatientView::viewNames())
        QVERIFY2(pv.setView(name), qPrintable(name));
    QVERIFY(pv.setView(QStringLiteral("labs")));
    QVERIFY(pv.panels()->currentWidget()->isAncestorOf(pv.panels()->table(ItemCategory::Lab)));
    QVERIFY(!pv.setView(QStringLiteral("nonsense")));
}

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    TimelineTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_timeline.moc"
