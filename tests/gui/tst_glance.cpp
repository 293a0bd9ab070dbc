// Read at a glance (issue 15), offscreen, checking what is drawn: timeline badges never overlap at any
// zoom (demo p900 and p001 labs), lane labels are not cut, undated items have a strip, facility colours
// stay the same across patients, the lab chart's axis and legend are readable and follow the filters,
// "All items" follows the filter and range, dates follow the interface language, role previews,
// 1366×768 without clipped controls, a docked image leaves the record usable, HiDPI screenshots.
#include "viewer/timeline/clinicalpanels.h"
#include "viewer/timeline/clinicaltablemodel.h"
#include "app/commandline.h"
#include "viewer/service/connectionprofiledialog.h"
#include "record/dateformat.h"
#include "record/displayzone.h"
#include "viewer/imaging/imagingpanel.h"
#include "viewer/timeline/labtrendchart.h"
#include "record/localrecordsource.h"
#include "app/mainwindow.h"
#include "viewer/sessionbar.h"
#include "viewer/patientview.h"
#include "viewer/recorditemmodel.h"
#include "record/referenceclock.h"
#include "viewer/timeline/timelinepane.h"
#include "viewer/timeline/timelineview.h"

#include <QAbstractButton>
#include <QAreaSeries>
#include <QChart>
#include <QScatterSeries>
#include <QCategoryAxis>
#include <QComboBox>
#include <QDateEdit>
#include <QDockWidget>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QTranslator>
#include <QTreeView>

using namespace Kakehashi;

namespace {
constexpr qint64 kDay = 86'400'000;

qint64 ms(const char *iso)
{
    return Fhir::DateTime::parse(QString::fromLatin1(iso)).msecs();
}

// The Japanese category names as the shipped glossary has them: the longest labels the lanes must fit.
class JapaneseCategories : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *, const char *source, const char *disambiguation, int) const override
    {
        const QString s = QString::fromUtf8(source);
        const QString d = QString::fromUtf8(disambiguation);
        if (s == u"Allergies and intolerances")
            return QStringLiteral("アレルギー・禁忌");
        if (s == u"Problems")
            return QStringLiteral("病名・既往歴");
        if (s == u"Medications")
            return QStringLiteral("処方・調剤");
        if (s == u"Lab results")
            return QStringLiteral("検査結果");
        if (s == u"Encounters" && d.startsWith(u"visits"))
            return QStringLiteral("受診歴（外来・入院）");
        if (s == u"Documents and reports")
            return QStringLiteral("文書・報告書");
        if (s == u"Imaging studies")
            return QStringLiteral("画像検査");
        return {};
    }
};

ClinicalItem item(ItemCategory category, const QString &key, const QString &title, const char *start, const QString &facility)
{
    ClinicalItem i;
    i.category = category;
    i.key = key;
    i.resourceType = key.section(u'/', 0, 0);
    i.title = title;
    if (start)
        i.start = Fhir::DateTime::parse(QString::fromLatin1(start));
    if (!facility.isEmpty()) {
        i.source.key = facility;
        i.source.name = facility.section(u'/', 1);
        i.source.basis = SourceFacility::Basis::Resource;
    }
    return i;
}

ClinicalItem lab(const QString &key, const char *date, double value, const QString &flag, const QString &facility)
{
    ClinicalItem i = item(ItemCategory::Lab, key, QStringLiteral("HbA1c"), date, facility);
    i.resourceType = QStringLiteral("Observation");
    i.lab.value = value;
    i.lab.text = QString::number(value);
    i.lab.unit = QStringLiteral("%");
    i.lab.low = 4.6;
    i.lab.high = 6.2;
    i.lab.flag = flag;
    i.lab.analyteKey = QStringLiteral("JLAC10:3D045000001906202");
    return i;
}

void checkNoOverlap(const TimelineView &view, const QString &what)
{
    const QVector<TimelineView::DrawnMark> &drawn = view.lastDrawnMarks();
    for (int a = 0; a < drawn.size(); ++a)
        for (int b = a + 1; b < drawn.size(); ++b) {
            if (drawn[a].lane != drawn[b].lane)
                continue;
            // Apart by at least the minimum gap (a hair of tolerance for rounding).
            const QRectF grown = drawn[a].rect.adjusted(-TimelineView::MinMarkGap + 0.01, 0, TimelineView::MinMarkGap - 0.01, 0);
            QVERIFY2(!grown.intersects(drawn[b].rect),
                     qPrintable(QStringLiteral("%1: lane %2, \"%3\" at %4–%5 touches \"%6\" at %7–%8")
                                    .arg(what)
                                    .arg(drawn[a].lane)
                                    .arg(drawn[a].badge ? drawn[a].text : QStringLiteral("mark"))
                                    .arg(drawn[a].rect.left())
                                    .arg(drawn[a].rect.right())
                                    .arg(drawn[b].badge ? drawn[b].text : QStringLiteral("mark"))
                                    .arg(drawn[b].rect.left())
                                    .arg(drawn[b].rect.right())));
        }
}
} // namespace

class TestGlance : public QObject
{
    Q_OBJECT
private:
    RecordSet m_demo;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (QFile::exists(qEnvironmentVariable("KAKEHASHI_DEMO_RCC"))) {
            ReferenceClock::setFixed(LocalRecordSource::demoReferenceTime());
            m_demo = LocalRecordSource::loadDemo();
        }
    }
    void init()
    {
        DateFormat::setStyle(DateFormat::Style::Iso);
        DisplayZone::setZone(DisplayZone::defaultZone());
    }

    void compactCounts_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("text");
        QTest::newRow("7") << 7 << QStringLiteral("7");
        QTest::newRow("999") << 999 << QStringLiteral("999");
        QTest::newRow("1000") << 1000 << QStringLiteral("1k");
        QTest::newRow("1234") << 1234 << QStringLiteral("1.2k");
        QTest::newRow("1999") << 1999 << QStringLiteral("1.9k"); // never rounded up to more than there are
        QTest::newRow("12345") << 12345 << QStringLiteral("12k");
        QTest::newRow("1.25M") << 1'250'000 << QStringLiteral("1.2M");
    }
    void compactCounts()
    {
        QFETCH(int, count);
        QFETCH(QString, text);
        QCOMPARE(TimelineView::compactCount(count), text);
    }

    // The issue's 「2:1:1:2:1…」: on p900 (every lane) and p001 (labs) no two badges or marks may touch,
    // at every zoom level from the whole record down to a month.
    void badgesNeverOverlap_data()
    {
        QTest::addColumn<QString>("patient");
        QTest::addColumn<int>("width");
        for (const char *p : {"p900", "p001"})
            for (int w : {1366 - 260, 1600 - 380})
                QTest::newRow(qPrintable(QStringLiteral("%1 at %2 px").arg(QLatin1String(p)).arg(w))) << QString::fromLatin1(p) << w;
    }
    void badgesNeverOverlap()
    {
        QFETCH(QString, patient);
        QFETCH(int, width);
        const PatientRecord *record = m_demo.find(patient);
        if (!record)
            QSKIP("demo data not built");
        TimelineView view;
        view.resize(width, 420);
        view.setRecord(*record);
        view.grab();
        checkNoOverlap(view, QStringLiteral("fit"));
        int badges = view.lastPaintStats().badges;
        const qint64 now = ReferenceClock::now().toMSecsSinceEpoch();
        for (double years : {40.0, 20.0, 10.0, 5.0, 2.0, 1.0, 0.5, 0.25, 1.0 / 12}) {
            for (double back : {0.0, 0.5}) {
                const qint64 span = qint64(years * 365.25 * kDay);
                const qint64 to = now - qint64(back * span);
                view.setVisibleRange(to - span, to);
                const QImage frame = view.grab().toImage();
                checkNoOverlap(view, QStringLiteral("%1 years").arg(years));
                badges += view.lastPaintStats().badges;
                // What the layout says is a badge is what is on screen: the badge colour at its left edge.
                for (const TimelineView::DrawnMark &m : view.lastDrawnMarks()) {
                    if (!m.badge || m.rect.left() < view.labelWidth() + TimelineView::UndatedWidth + 2 || m.rect.right() > width - 2)
                        continue;
                    const QColor c = frame.pixelColor(int(std::ceil(m.rect.left())) + 1, int(m.rect.center().y()));
                    QCOMPARE(c, TimelineView::badgeColor());
                }
            }
        }
        QVERIFY2(badges > 0, "the record is dense enough to need badges somewhere");
        if (patient == u"p001") {
            // The labs lane specifically, at the fitted zoom.
            view.fitAll();
            view.grab();
            const int labs = view.model().laneIndex(ItemCategory::Lab);
            QVERIFY(labs >= 0);
            checkNoOverlap(view, QStringLiteral("p001 labs"));
        }
    }

    void mergedBadgeCountsEveryItem()
    {
        // 40 labs a day apart: at a decade's zoom they fall into neighbouring bins and become one badge.
        PatientRecord r;
        for (int i = 0; i < 40; ++i)
            r.items << lab(QStringLiteral("Observation/%1").arg(i), "2020-01-01", 6.0, QString(), QStringLiteral("Organization/A"));
        for (int i = 0; i < r.items.size(); ++i)
            r.items[i].start.value = r.items[i].start.value.addDays(i);
        TimelineView view;
        view.resize(1000, 300);
        view.setRecord(r);
        view.setVisibleRange(ms("2015-01-01"), ms("2025-01-01"));
        view.grab();
        const QVector<TimelineView::DrawnMark> drawn = view.lastDrawnMarks();
        int total = 0;
        for (const TimelineView::DrawnMark &m : drawn)
            total += m.count;
        QCOMPARE(total, 40);
        QCOMPARE(drawn.size(), 1);
        QCOMPARE(drawn.first().text, QStringLiteral("40"));
        // Clicking the badge zooms in on it.
        const TimelineView::Hit hit = view.hitTest(drawn.first().rect.center().toPoint());
        QCOMPARE(hit.kind, TimelineView::HitKind::Badge);
        QCOMPARE(hit.count, 40);
    }

    void laneLabelsAreNotClipped()
    {
        const PatientRecord *record = m_demo.find(QStringLiteral("p900"));
        if (!record)
            QSKIP("demo data not built");
        JapaneseCategories ja;
        QCoreApplication::installTranslator(&ja);
        TimelineView view;
        view.resize(1366 - 260, 420);
        view.setRecord(*record);
        view.grab();
        const QStringList drawn = view.lastDrawnLabels();
        QCOMPARE(drawn.size(), view.model().lanes().size());
        bool sawEncounters = false;
        for (int lane = 0; lane < drawn.size(); ++lane) {
            QCOMPARE(drawn[lane], view.laneLabel(lane)); // as written, not elided
            QVERIFY(view.fontMetrics().horizontalAdvance(drawn[lane]) <= view.labelRect(lane).width() - 10);
            sawEncounters = sawEncounters || drawn[lane].startsWith(QStringLiteral("受診歴（外来・入院）"));
        }
        QCoreApplication::removeTranslator(&ja);
        QVERIFY(sawEncounters);
    }

    void undatedItemsHaveAStrip()
    {
        PatientRecord r;
        ClinicalItem dated = item(ItemCategory::Allergy, QStringLiteral("AllergyIntolerance/a1"), QStringLiteral("Penicillin"), "2019-04-01",
                                  QStringLiteral("Organization/A"));
        dated.active = true;
        ClinicalItem undated = item(ItemCategory::Allergy, QStringLiteral("AllergyIntolerance/a2"), QStringLiteral("Mackerel"), nullptr,
                                    QStringLiteral("Organization/A"));
        undated.active = true;
        ClinicalItem visit = item(ItemCategory::Encounter, QStringLiteral("Encounter/e1"), QStringLiteral("Visit"), nullptr, QStringLiteral("Organization/A"));
        r.items << dated << undated << visit;
        TimelineView view;
        view.resize(1000, 300);
        view.setRecord(r);
        const QImage frame = view.grab().toImage();
        const int allergies = view.model().laneIndex(ItemCategory::Allergy);
        const int encounters = view.model().laneIndex(ItemCategory::Encounter);
        QVERIFY(allergies >= 0 && encounters >= 0);
        // Counted in the labels (never "(0)" for a lane whose items are all undated).
        QVERIFY2(view.laneLabel(allergies).endsWith(QStringLiteral("(2)")), qPrintable(view.laneLabel(allergies)));
        QVERIFY2(view.laneLabel(encounters).endsWith(QStringLiteral("(1)")), qPrintable(view.laneLabel(encounters)));
        // Drawn in the strip between the labels and the plot, and found there.
        const QRect strip = view.undatedRect(allergies);
        QVERIFY(!strip.isNull());
        QVERIFY(strip.left() >= view.labelWidth());
        QVERIFY(view.xForMsecs(view.visibleFrom()) >= strip.right()); // the plot starts after the strip
        const QColor centre = frame.pixelColor(strip.center().x() - 5, strip.center().y());
        QVERIFY2(centre != QColor(0xf4, 0xf0, 0xe6) && centre != Qt::white, "no badge drawn in the undated strip");
        const TimelineView::Hit hit = view.hitTest(strip.center());
        QCOMPARE(hit.kind, TimelineView::HitKind::Undated);
        QCOMPARE(hit.count, 1);
        QCOMPARE(view.model().record().items[hit.item].key, QStringLiteral("AllergyIntolerance/a2"));
        QSignalSpy selected(&view, &TimelineView::selectionChanged);
        QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, strip.center());
        QCOMPARE(view.selectedKey(), QStringLiteral("AllergyIntolerance/a2"));
        // Without undated items there is no strip.
        r.items = {dated};
        view.setRecord(r);
        QVERIFY(view.undatedRect(0).isNull());
    }

    void facilityColoursStayTheSameAcrossPatients()
    {
        const QString a = QStringLiteral("Organization/glanceA");
        const QString b = QStringLiteral("Organization/glanceB");
        const QString c = QStringLiteral("Organization/glanceC");
        PatientRecord first;
        first.items << lab(QStringLiteral("Observation/1"), "2023-01-01", 6.0, QString(), b)
                    << lab(QStringLiteral("Observation/2"), "2023-02-01", 6.3, QStringLiteral("H"), c);
        PatientRecord second;
        second.items << lab(QStringLiteral("Observation/3"), "2023-01-01", 6.0, QString(), a)
                     << lab(QStringLiteral("Observation/4"), "2023-02-01", 6.1, QString(), b);
        PatientView pv;
        pv.resize(1366, 768);
        pv.setRecord(first);
        const auto colourOf = [&](const QString &key) {
            for (const FacilityEntry &f : pv.timeline()->model().facilities())
                if (f.key == key)
                    return f.color;
            return QColor();
        };
        const QColor bFirst = colourOf(b);
        const QColor cFirst = colourOf(c);
        QVERIFY(bFirst.isValid() && cFirst.isValid() && bFirst != cFirst);
        pv.setRecord(second);
        QCOMPARE(colourOf(b), bFirst); // sorted first now (A < B), same colour
        QVERIFY(colourOf(a) != bFirst && colourOf(a) != cFirst);
        // The lists and the chart use the same colour.
        pv.panels()->setFollowRange(false);
        ClinicalTableModel *labs = pv.panels()->tableModel(ItemCategory::Lab);
        const int row = labs->rowOfKey(QStringLiteral("Observation/4"));
        QCOMPARE(labs->index(row, labs->columnOf(ClinicalTableModel::Column::Facility)).data(Qt::DecorationRole).value<QColor>(), bFirst);
        QLineSeries *series = pv.panels()->labChart()->seriesFor(QStringLiteral("glanceB"));
        QVERIFY(series);
        QCOMPARE(series->color(), bFirst);
    }

    void labChartIsReadableAndFollowsFilters()
    {
        DateFormat::setStyle(DateFormat::Style::Japanese);
        const QString a = QStringLiteral("Organization/Kakehashi General Hospital of a long name");
        const QString b = QStringLiteral("Organization/Clinic B");
        PatientRecord r;
        r.items << lab(QStringLiteral("Observation/a1"), "2021-01-10", 6.1, QString(), a)
                << lab(QStringLiteral("Observation/a2"), "2023-06-10", 7.2, QStringLiteral("H"), a)
                << lab(QStringLiteral("Observation/b1"), "2022-03-10", 6.5, QStringLiteral("H"), b)
                << lab(QStringLiteral("Observation/b2"), "2024-01-10", 5.9, QString(), b);
        PatientView pv;
        pv.resize(1366 - 260, 700);
        pv.show();
        pv.setRecord(r);
        pv.setView(QStringLiteral("labs"));
        pv.panels()->setFollowRange(false);
        QVERIFY(QTest::qWaitForWindowExposed(&pv));
        QTest::qWait(50);
        LabTrendChart *chart = pv.panels()->labChart();
        const QStringList entries = chart->legendEntries();
        QVERIFY2(entries.contains(QStringLiteral("Kakehashi General Hospital of a long name")), qPrintable(entries.join(u'|')));
        QVERIFY(entries.contains(QStringLiteral("Clinic B")));
        QVERIFY(entries.contains(chart->referenceBand()->name()));
        QVERIFY(entries.contains(chart->abnormalSeries()->name()));
        // The legend wraps instead of cutting: every entry's text is there in full and the label is tall enough.
        for (const QString &e : entries)
            QVERIFY(chart->legend()->text().contains(e.toHtmlEscaped()));
        QVERIFY(chart->legend()->height() >= chart->legend()->heightForWidth(chart->legend()->width()));
        // The time axis: dates in the interface language at a step that fits (at least 64 px a label).
        QCategoryAxis *axis = chart->timeAxis();
        QVERIFY(axis);
        const QStringList labels = axis->categoriesLabels();
        QVERIFY2(labels.size() >= 2, qPrintable(labels.join(u'|')));
        const QRegularExpression jaDate(QStringLiteral("^\\d{4}(/\\d{2}(/\\d{2})?)?$"));
        for (const QString &l : labels)
            QVERIFY2(jaDate.match(l).hasMatch(), qPrintable(l));
        QVERIFY2(labels.size() <= int(chart->chart()->plotArea().width() / 64) + 1,
                 qPrintable(QStringLiteral("%1 labels on %2 px").arg(labels.size()).arg(chart->chart()->plotArea().width())));

        // Facility filter: hide clinic B.
        TimelineFilter f;
        f.hiddenFacilities.insert(b);
        pv.timeline()->setFilter(f);
        QVERIFY(!chart->legendEntries().contains(QStringLiteral("Clinic B")));
        QVERIFY(!chart->seriesFor(QStringLiteral("Clinic B")));
        // Text filter: only clinic B's results match "clinic".
        f = {};
        f.text = QStringLiteral("clinic b");
        pv.timeline()->setFilter(f);
        QVERIFY(chart->seriesFor(QStringLiteral("Clinic B")));
        QVERIFY(!chart->seriesFor(QStringLiteral("Kakehashi General Hospital of a long name")));
        // The timeline's range, while following it: only 2022.
        pv.timeline()->setFilter({});
        pv.panels()->setFollowRange(true);
        pv.panels()->setRange(ms("2022-01-01"), ms("2022-12-31"));
        QLineSeries *onlyB = chart->seriesFor(QStringLiteral("Clinic B"));
        QVERIFY(onlyB);
        QCOMPARE(onlyB->count(), 1);
        QVERIFY(!chart->seriesFor(QStringLiteral("Kakehashi General Hospital of a long name")));
    }

    void allItemsFollowsTextFilterAndRange()
    {
        PatientRecord r;
        ClinicalItem htn = item(ItemCategory::Problem, QStringLiteral("Condition/htn"), QStringLiteral("Hypertension"), "2015-04-01",
                                QStringLiteral("Organization/A"));
        htn.active = true;
        r.items << htn
                << item(ItemCategory::Problem, QStringLiteral("Condition/flu"), QStringLiteral("Influenza"), "2018-02-01", QStringLiteral("Organization/A"))
                << lab(QStringLiteral("Observation/a1"), "2023-01-10", 6.1, QString(), QStringLiteral("Organization/A"));
        PatientView pv;
        pv.resize(1366, 768);
        pv.setRecord(r);
        const auto listed = [&] {
            QStringList keys;
            RecordItemModel *m = pv.itemModel();
            for (int g = 0; g < m->rowCount(); ++g)
                for (int i = 0; i < m->rowCount(m->index(g, 0)); ++i)
                    keys << m->index(i, 0, m->index(g, 0)).data(RecordItemModel::ItemKeyRole).toString();
            keys.sort();
            return keys;
        };
        pv.panels()->setFollowRange(false);
        QCOMPARE(listed().size(), 3);
        TimelineFilter f;
        f.text = QStringLiteral("influenza");
        pv.timeline()->setFilter(f);
        QCOMPARE(listed(), QStringList{QStringLiteral("Condition/flu")});
        pv.timeline()->setFilter({});
        // Following the timeline's range (2022–2024): the active problem stays, the 2018 influenza goes.
        pv.panels()->setFollowRange(true);
        pv.panels()->setRange(ms("2022-01-01"), ms("2024-01-01"));
        QCOMPARE(listed(), (QStringList{QStringLiteral("Condition/htn"), QStringLiteral("Observation/a1")}));
        // The tree's rows are what its tab counts in the panels.
        QCOMPARE(pv.panels()->tableModel(ItemCategory::Problem)->rowCount(), 1);
    }

    void datesFollowTheInterfaceLanguage()
    {
        DateFormat::setStyle(DateFormat::Style::English);
        QCOMPARE(DateFormat::date(QDate(2018, 9, 14)), QStringLiteral("14 Sep 2018"));
        PatientRecord r;
        r.patient.id = QStringLiteral("g1");
        r.patient.key = QStringLiteral("Patient/g1");
        r.patient.kanjiName = QStringLiteral("試験 花子");
        r.patient.birthDate = QDate(1958, 4, 12);
        r.items << lab(QStringLiteral("Observation/a1"), "2026-12-04T05:12:02Z", 6.1, QString(), QStringLiteral("Organization/A"));
        DateFormat::setStyle(DateFormat::Style::Japanese);
        PatientView pv;
        pv.resize(1366, 768);
        pv.setRecord(r);
        QVERIFY2(pv.headerLabel()->text().contains(QStringLiteral("1958/04/12（昭和33年4月12日）")), qPrintable(pv.headerLabel()->text()));
        pv.panels()->setFollowRange(false);
        ClinicalTableModel *labs = pv.panels()->tableModel(ItemCategory::Lab);
        QCOMPARE(labs->index(0, labs->columnOf(ClinicalTableModel::Column::Date)).data().toString(), QStringLiteral("2026/12/04 14:12"));
        QCOMPARE(pv.timelinePane()->fromEdit()->displayFormat(), QStringLiteral("yyyy/MM/dd"));

        DateFormat::setStyle(DateFormat::Style::English);
        PatientView en;
        en.setRecord(r);
        QVERIFY2(en.headerLabel()->text().contains(QStringLiteral("12 Apr 1958")), qPrintable(en.headerLabel()->text()));
        QVERIFY(!en.headerLabel()->text().contains(QStringLiteral("昭和")));
        en.panels()->setFollowRange(false);
        labs = en.panels()->tableModel(ItemCategory::Lab);
        QCOMPARE(labs->index(0, labs->columnOf(ClinicalTableModel::Column::Date)).data().toString(), QStringLiteral("4 Dec 2026 14:12"));
    }

    void toolbarSaysOnlyWhatIsKnown()
    {
        MainWindow w;
        w.setIdentity({QStringLiteral("Not signed in"), QString(), QString(), false});
        QCOMPARE(w.sessionBar()->identityLabel()->text(), QStringLiteral("Not signed in"));
        w.setIdentity({QStringLiteral("山田 一郎"), QStringLiteral("医師"), QString(), false});
        QCOMPARE(w.sessionBar()->identityLabel()->text(), QStringLiteral("山田 一郎 (医師)"));
        w.setIdentity({QStringLiteral("山田 一郎"), QStringLiteral("医師"), QStringLiteral("架け橋病院"), false});
        QCOMPARE(w.sessionBar()->identityLabel()->text(), QStringLiteral("山田 一郎 (医師) — 架け橋病院"));
        // Japan time is not labelled; another display zone is.
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.sessionBar()->timeZoneLabel()->isVisible());
        DisplayZone::setZone(QTimeZone(QByteArrayLiteral("UTC")));
        MainWindow utc;
        utc.show();
        QVERIFY(QTest::qWaitForWindowExposed(&utc));
        QVERIFY(utc.sessionBar()->timeZoneLabel()->isVisible());
        QVERIFY(utc.sessionBar()->timeZoneLabel()->text().contains(QStringLiteral("UTC")));
    }

    void connectionNameIsNotAPersonsName()
    {
        // The profile's name field was labelled "Name" (氏名, a person's name in Japanese).
        ConnectionProfileDialog dialog;
        QStringList labels;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            labels << l->text();
        QVERIFY2(labels.contains(QStringLiteral("Connection name")), qPrintable(labels.join(u'|')));
        QVERIFY(!labels.contains(QStringLiteral("Name")));
    }

    void at1366x768NothingIsClippedAndADockLeavesTheRecordUsable()
    {
        if (m_demo.patients.isEmpty())
            QSKIP("demo data not built");
        MainWindow w;
        w.setIdentity({QStringLiteral("デモ 医師"), QStringLiteral("医師"), QStringLiteral("架け橋デモ病院"), true});
        w.setRolePreview(QStringLiteral("プレビュー：薬剤師に見える画面（カードなし）"));
        w.resize(1366, 768);
        QSignalSpy loaded(&w, &MainWindow::loadFinished);
        w.loadDemo();
        w.show();
        QVERIFY(loaded.wait(120000));
        QVERIFY(w.showPatient(QStringLiteral("p001")));
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(100);
        QCOMPARE(w.size(), QSize(1366, 768));
        // Every visible button, box and toolbar label gets at least the width it asks for.
        const auto checkControls = [&](const QString &when) {
            const auto widgets = w.findChildren<QWidget *>();
            for (QWidget *c : widgets) {
                if (!c->isVisibleTo(&w))
                    continue;
                const auto *label = qobject_cast<QLabel *>(c);
                const bool control = qobject_cast<QAbstractButton *>(c) || qobject_cast<QComboBox *>(c)
                                     || (label && qobject_cast<QToolBar *>(c->parentWidget()))
                                     || (label && !label->wordWrap() && qobject_cast<TimelinePane *>(c->parentWidget()));
                // Buttons without text (a line edit's clear button, tab scrollers) draw only an icon.
                if (!control || c->objectName() == u"qt_toolbar_ext_button"
                    || (qobject_cast<QAbstractButton *>(c) && qobject_cast<QAbstractButton *>(c)->text().isEmpty()))
                    continue;
                QVERIFY2(c->width() >= c->minimumSizeHint().width(),
                         qPrintable(QStringLiteral("%1: %2 \"%3\" is %4 px wide, needs %5")
                                        .arg(when, QString::fromLatin1(c->metaObject()->className()),
                                             c->property("text").toString())
                                        .arg(c->width())
                                        .arg(c->minimumSizeHint().width())));
            }
            // The toolbar fits: no overflow button hiding the identity or the badges.
            for (QToolBar *bar : w.findChildren<QToolBar *>())
                for (QWidget *ext : bar->findChildren<QWidget *>(QStringLiteral("qt_toolbar_ext_button")))
                    QVERIFY2(!ext->isVisible(), qPrintable(when + QStringLiteral(": toolbar overflows")));
        };
        checkControls(QStringLiteral("record"));
        QVERIFY(w.patientView()->timelinePane()->withheldLabel()->isVisibleTo(&w));
        // Every lane and the legend fit in the timeline (lanes get lower rather than fall off).
        TimelineView *timeline = w.patientView()->timeline();
        const int lanes = int(timeline->model().lanes().size());
        QVERIFY(lanes >= 6);
        QVERIFY2(timeline->laneRect(lanes - 1).bottom() + TimelineView::LegendHeight <= timeline->height(),
                 qPrintable(QStringLiteral("%1 lanes of %2 px in %3 px").arg(lanes).arg(timeline->laneHeight()).arg(timeline->height())));
        // "All items" shows its category rows' text (columns fitted after filtering).
        QTreeView *tree = w.patientView()->itemTree();
        QVERIFY(tree->columnWidth(0) >= tree->fontMetrics().horizontalAdvance(tree->model()->index(0, 0).data().toString()));
        // A docked image: the record keeps a usable width and the timeline a usable plot.
        w.showImagingDock();
        QTest::qWait(100);
        QVERIFY2(w.patientView()->width() >= 500, qPrintable(QString::number(w.patientView()->width())));
        QVERIFY(w.imagingDock()->width() >= 320);
        QVERIFY(w.patientView()->timeline()->width() - w.patientView()->timeline()->labelWidth() >= 250);
        // The image toolbar's presets box is wide enough for its text.
        for (QComboBox *box : w.imagingPanel()->findChildren<QComboBox *>())
            if (box->isVisibleTo(&w))
                QVERIFY(box->width() >= box->minimumSizeHint().width());
    }

    // The display zone: --time-zone, else the setting display/timeZone, else Asia/Tokyo; an unknown zone
    // in the setting is reported, never silently used.
    void displayZoneSetting()
    {
        QString error;
        QString help;
        const auto parse = [&](const QStringList &args) {
            return CommandLine::parse(QStringList{QStringLiteral("kakehashi"), QStringLiteral("--demo")} + args, &error, &help);
        };
        QString warning;
        const std::optional<CommandLineOptions> plain = parse({});
        QVERIFY(plain);
        QCOMPARE(CommandLine::effectiveTimeZone(*plain, QString(), &warning), DisplayZone::defaultZone());
        QCOMPARE(CommandLine::effectiveTimeZone(*plain, QStringLiteral("Europe/London"), &warning).id(), QByteArray("Europe/London"));
        QVERIFY(warning.isEmpty());
        QCOMPARE(CommandLine::effectiveTimeZone(*plain, QStringLiteral("Mars/Olympus"), &warning), DisplayZone::defaultZone());
        QVERIFY(warning.contains(QStringLiteral("Mars/Olympus")));
        const std::optional<CommandLineOptions> utc = parse({QStringLiteral("--time-zone"), QStringLiteral("UTC")});
        QVERIFY(utc);
        QCOMPARE(CommandLine::effectiveTimeZone(*utc, QStringLiteral("Europe/London"), &warning).id(), QByteArray("UTC"));
        QVERIFY(!parse({QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus")}));
        QVERIFY(error.contains(QStringLiteral("Mars/Olympus")));
        QVERIFY(!parse({QStringLiteral("--window-size"), QStringLiteral("13x7")}));
        const std::optional<CommandLineOptions> sized = parse({QStringLiteral("--window-size"), QStringLiteral("1366x768")});
        QVERIFY(sized);
        QCOMPARE(sized->windowSize, QSize(1366, 768));
    }

    // The command line: a pharmacist preview without a card, a bad role, HiDPI screenshots.
    void rolePreviewAndHiDpiFromTheCommandLine()
    {
        const QString binary = QStringLiteral(KAKEHASHI_BINARY);
        if (!QFile::exists(binary) || m_demo.patients.isEmpty())
            QSKIP("kakehashi or the demo data not built");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        QTemporaryDir home;
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        const auto run = [&](const QStringList &args, const QProcessEnvironment &e, QByteArray *out = nullptr) {
            QProcess p;
            p.setProcessEnvironment(e);
            p.start(binary, args);
            if (!p.waitForFinished(120000)) {
                p.kill();
                p.waitForFinished();
                return -1;
            }
            if (out)
                *out = p.readAllStandardOutput();
            return p.exitCode();
        };
        // What a pharmacist's preview holds: disease names and medications only.
        QByteArray json;
        QCOMPARE(run({QStringLiteral("--demo"), QStringLiteral("--role"), QStringLiteral("pharmacist"), QStringLiteral("--patient"),
                      QStringLiteral("p001"), QStringLiteral("--summary")},
                     env, &json),
                 0);
        const QJsonObject counts = QJsonDocument::fromJson(json).object().value(QStringLiteral("patients")).toArray().first().toObject()
                                       .value(QStringLiteral("counts")).toObject();
        QVERIFY2(counts.value(QStringLiteral("medications")).toInt() > 0, json.constData());
        for (const QString &hidden : {QStringLiteral("labs"), QStringLiteral("allergies"), QStringLiteral("encounters")})
            QVERIFY2(counts.value(hidden).toInt() == 0, qPrintable(hidden));
        QCOMPARE(run({QStringLiteral("--role"), QStringLiteral("pharmacist"), QStringLiteral("--open"), QStringLiteral("x.json")}, env), 64);
        QCOMPARE(run({QStringLiteral("--demo"), QStringLiteral("--role"), QStringLiteral("janitor")}, env), 64);
        QCOMPARE(run({QStringLiteral("--demo"), QStringLiteral("--time-zone"), QStringLiteral("Mars/Olympus")}, env), 64);

        // The preview screenshot at 1366×768, and the same at QT_SCALE_FACTOR=2 (twice the pixels).
        const QString png = home.filePath(QStringLiteral("pharmacist.png"));
        QCOMPARE(run({QStringLiteral("--demo"), QStringLiteral("--role"), QStringLiteral("pharmacist"), QStringLiteral("--patient"),
                      QStringLiteral("p001"), QStringLiteral("--lang"), QStringLiteral("ja"), QStringLiteral("--window-size"),
                      QStringLiteral("1366x768"), QStringLiteral("--screenshot"), png},
                     env),
                 0);
        QCOMPARE(QImage(png).size(), QSize(1366, 768));
        QProcessEnvironment hidpi = env;
        hidpi.insert(QStringLiteral("QT_SCALE_FACTOR"), QStringLiteral("2"));
        const QString big = home.filePath(QStringLiteral("hidpi.png"));
        QCOMPARE(run({QStringLiteral("--demo"), QStringLiteral("--patient"), QStringLiteral("p001"), QStringLiteral("--window-size"),
                      QStringLiteral("1366x768"), QStringLiteral("--screenshot"), big},
                     hidpi),
                 0);
        QCOMPARE(QImage(big).size(), QSize(2732, 1536));
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    TestGlance test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_glance.moc"
