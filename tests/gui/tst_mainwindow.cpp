#include "../testsupport.h"

#include "viewer/timeline/clinicalpanels.h"
#include "viewer/timeline/clinicaltablemodel.h"
#include "viewer/displaytext.h"
#include "record/displayzone.h"
#include "viewer/emergency/emergencysummaryview.h"
#include "record/localrecordsource.h"
#include "app/mainwindow.h"
#include "viewer/sessionbar.h"
#include "record/medicationperiod.h"
#include "viewer/patientlistview.h"
#include "viewer/patientview.h"
#include "viewer/recorditemmodel.h"
#include "record/referenceclock.h"
#include "viewer/timeline/timelineview.h"

#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QSignalSpy>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeView>

using namespace Kakehashi;

namespace {
QImage renderText(const QString &text, const QFont &font)
{
    QImage img(400, 60, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setFont(font);
    p.setPen(Qt::black);
    p.drawText(img.rect(), Qt::AlignCenter, text);
    return img;
}
} // namespace

// Opens the demo offscreen as a clinician would and checks what the window shows.
class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<MainWindow> m_window;

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(qEnvironmentVariable("KAKEHASHI_DEMO_RCC")))
            QSKIP("demo data not built");
        m_window = std::make_unique<MainWindow>();
        m_window->setIdentity({QStringLiteral("デモ 医師"), QStringLiteral("医師"), QStringLiteral("架け橋デモ病院"), true});
        QSignalSpy loaded(m_window.get(), &MainWindow::loadFinished);
        m_window->loadDemo();
        m_window->show();
        QVERIFY(loaded.wait(120000));
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void demoIsLabelled()
    {
        QVERIFY(m_window->sessionBar()->isDemoBadgeShown());
        QVERIFY(m_window->sessionBar()->demoBadge()->text().contains(QStringLiteral("DEMO")));
        QVERIFY(m_window->sessionBar()->identityLabel()->text().contains(QStringLiteral("デモ 医師")));
        QVERIFY(m_window->windowTitle().contains(QStringLiteral("DEMO")));
    }

    void patientListShowsEveryDemoPatient()
    {
        QTableView *table = m_window->patientList()->table();
        const RecordSet &set = m_window->records()->localRecords();
        QVERIFY(set.patients.size() >= 7);
        QCOMPARE(table->model()->rowCount(), int(set.patients.size()));
        QStringList shown;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            shown << table->model()->index(r, 0).data().toString();
        for (const PatientRecord &p : set.patients)
            QVERIFY2(shown.contains(p.patient.kanjiName), qPrintable(p.patient.kanjiName));
    }

    void filterNarrowsTheList()
    {
        const RecordSet &set = m_window->records()->localRecords();
        const QString kana = set.find(u"p001")->patient.kanaName;
        m_window->patientList()->filterField()->insert(kana.left(3)); // as an input method commits it
        QTableView *table = m_window->patientList()->table();
        QVERIFY(table->model()->rowCount() >= 1);
        QVERIFY(table->model()->rowCount() < int(set.patients.size()));
        m_window->patientList()->filterField()->clear();
        QCOMPARE(table->model()->rowCount(), int(set.patients.size()));
    }

    void clickingAPatientShowsTheRecord()
    {
        QTableView *table = m_window->patientList()->table();
        int row = -1;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            if (table->model()->index(r, 5).data().toString() == u"p001")
                row = r;
        QVERIFY(row >= 0);
        const QRect cell = table->visualRect(table->model()->index(row, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());

        const PatientRecord *record = m_window->records()->localRecords().find(u"p001");
        QVERIFY(record);
        PatientView *view = m_window->patientView();
        QTRY_VERIFY(view->headerLabel()->text().contains(record->patient.kanjiName));
        QVERIFY(view->headerLabel()->text().contains(record->patient.kanaName));

        // Every category with items appears with its count, and holds exactly those items.
        RecordItemModel *model = view->itemModel();
        int categoriesWithItems = 0;
        for (int c = 0; c < ItemCategoryCount; ++c) {
            const int expected = record->count(ItemCategory(c));
            const QModelIndex ci = model->categoryIndex(ItemCategory(c));
            if (expected == 0) {
                QVERIFY(!ci.isValid());
                continue;
            }
            ++categoriesWithItems;
            QVERIFY(ci.isValid());
            QCOMPARE(model->rowCount(ci), expected);
            QVERIFY(ci.data().toString().contains(QString::number(expected)));
        }
        QVERIFY(categoriesWithItems >= 4);
        QVERIFY(view->itemTree()->isExpanded(model->index(0, 0)));
    }

    void allergyBannerNamesActiveAllergies()
    {
        const PatientRecord *record = m_window->records()->localRecords().find(u"p001");
        const QString banner = m_window->patientView()->allergyBanner()->text();
        QVERIFY(m_window->patientView()->allergyBanner()->isVisible());
        for (const ClinicalItem &i : record->items)
            if (i.category == ItemCategory::Allergy && i.active)
                QVERIFY2(banner.contains(i.title), qPrintable(banner));
    }

    void selectingAnItemShowsItsDetailsAndSource()
    {
        RecordItemModel *model = m_window->patientView()->itemModel();
        const QModelIndex problems = model->categoryIndex(ItemCategory::Problem);
        QVERIFY(problems.isValid());
        const QModelIndex first = model->index(0, RecordItemModel::ItemColumn, problems);
        const ClinicalItem *item = model->itemAt(first);
        QVERIFY(item);
        m_window->patientView()->itemTree()->setCurrentIndex(first);
        const QString details = m_window->patientView()->detailPane()->toPlainText();
        QVERIFY(details.contains(item->title));
        QVERIFY(item->source.isKnown());
        QVERIFY(details.contains(item->source.name));
        QCOMPARE(model->index(0, RecordItemModel::SourceColumn, problems).data().toString(), item->source.name);
    }

    void viewFilterShowsOneCategory()
    {
        QVERIFY(m_window->setView(QStringLiteral("labs")));
        RecordItemModel *model = m_window->patientView()->itemModel();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 0).data(RecordItemModel::CategoryRole).toInt(), int(ItemCategory::Lab));
        QVERIFY(!m_window->setView(QStringLiteral("nonsense")));
        QVERIFY(m_window->setView(QStringLiteral("record")));
        QVERIFY(model->rowCount() >= 4);
    }

    void japaneseGlyphsRender()
    {
        // The header font draws kanji as glyphs, not as the empty boxes of a missing font.
        const QFont font = m_window->patientView()->headerLabel()->font();
        const QImage kanji = renderText(QStringLiteral("山田太郎"), font);
        const QImage tofu = renderText(QString(QChar(0xE000)) + QChar(0xE001) + QChar(0xE002) + QChar(0xE003), font);
        QVERIFY(kanji != tofu);
        QVERIFY(!QFontDatabase::families(QFontDatabase::Japanese).isEmpty());
        int dark = 0;
        for (int y = 0; y < kanji.height(); ++y)
            for (int x = 0; x < kanji.width(); ++x)
                dark += qGray(kanji.pixel(x, y)) < 128;
        QVERIFY(dark > 100);
    }

    // The demo reads as of its own date (demo-info.json), whatever day the test runs.
    void demoReadsAsOfItsOwnDate()
    {
        const QDateTime demoToday = LocalRecordSource::demoReferenceTime();
        QCOMPARE(demoToday, QDateTime(QDate(2026, 10, 31), QTime(12, 0), Qt::OffsetFromUTC, 9 * 3600));
        QCOMPARE(ReferenceClock::fixedTime(), demoToday);
        QVERIFY2(m_window->sessionBar()->demoBadge()->text().contains(QStringLiteral("2026-10-31")), qPrintable(m_window->sessionBar()->demoBadge()->text()));
        QVERIFY(!m_window->sessionBar()->isAsOfShown()); // the demo badge says it
    }

    void demoMedicationsAreCurrentAsOfTheDemoDate()
    {
        QVERIFY(m_window->showPatient(QStringLiteral("p001")));
        const PatientRecord *record = m_window->records()->localRecords().find(u"p001");
        QVERIFY(record);
        const QDateTime asOf = ReferenceClock::now();
        // Current means "still supplied on the demo's date": every dated item agrees with the clock.
        int current = 0;
        for (const ClinicalItem &i : record->items) {
            if (i.category != ItemCategory::Medication || i.resourceType != u"MedicationDispense")
                continue;
            QVERIFY(i.end.isValid());
            const bool isCurrent = MedicationPeriod::isCurrentAt(i, asOf.toMSecsSinceEpoch());
            const QDate today = DisplayZone::toDisplay(asOf).date();
            QCOMPARE(isCurrent, i.start.date() <= today && i.end.date() >= today);
            current += isCurrent;
        }
        QVERIFY(current > 0);

        // The medication panel lists amlodipine as current, current items first.
        ClinicalTableModel *meds = m_window->patientView()->panels()->tableModel(ItemCategory::Medication);
        QVERIFY(meds);
        const int name = meds->columnOf(ClinicalTableModel::Column::Name);
        const int status = meds->columnOf(ClinicalTableModel::Column::Status);
        QVERIFY(name >= 0 && status >= 0 && meds->rowCount() > 0);
        const QString currentText = meds->index(0, status).data().toString();
        bool amlodipineCurrent = false;
        for (int r = 0; r < meds->rowCount(); ++r)
            if (meds->index(r, name).data().toString().contains(QStringLiteral("アムロジピン"))
                && meds->index(r, status).data().toString() == currentText)
                amlodipineCurrent = true;
        QVERIFY(amlodipineCurrent);
        QVERIFY(meds->index(meds->rowCount() - 1, status).data().toString() != currentText); // and past ones too

        // The age in the header is the age on the demo's date.
        const QString age = DisplayText::age(record->patient.ageAt(QDate(2026, 10, 31)));
        QVERIFY2(m_window->patientView()->headerLabel()->text().contains(age), qPrintable(age));
    }

    void timelineTodayLineIsAtTheDemoDate()
    {
        QVERIFY(m_window->setView(QStringLiteral("record")));
        QVERIFY(m_window->showPatient(QStringLiteral("p001")));
        TimelineView *timeline = m_window->patientView()->timeline();
        QVERIFY(timeline->width() > 300);
        QCOMPARE(timeline->now(), ReferenceClock::now());
        const qint64 today = ReferenceClock::now().toMSecsSinceEpoch();
        timeline->setVisibleRange(today - 200LL * 86'400'000, today + 100LL * 86'400'000);
        const QImage img = timeline->grab().toImage();
        const int x = int(std::floor(timeline->xForMsecs(today)));
        const int y = timeline->laneRect(0).center().y();
        QCOMPARE(QColor(img.pixel(x, y)), TimelineView::todayColor());
    }

    // Admitted 2026-08-03..17: within the summary's 90 days of the demo's date.
    void emergencySummaryOfP002ListsTheAdmission()
    {
        QVERIFY(m_window->showPatient(QStringLiteral("p002")));
        QVERIFY(m_window->setView(QStringLiteral("emergency")));
        EmergencySummaryView *e = m_window->patientView()->emergencySummary();
        QTRY_VERIFY(e->isVisible());
        QCOMPARE(e->summary().asOf, ReferenceClock::now());
        bool admission = false;
        for (const EmergencyLine &l : e->summary().encounters)
            if (l.admission && l.date.date() == QDate(2026, 8, 3))
                admission = true;
        QVERIFY(admission);
        QVERIFY(m_window->setView(QStringLiteral("record")));
    }

    // --as-of outside the demo: the window says which moment it reads the records as of.
    void referenceTimeIsShownOutsideTheDemo()
    {
        MainWindow window;
        window.setIdentity({QStringLiteral("医師"), QString(), QString(), false});
        QVERIFY(!window.sessionBar()->isDemoBadgeShown());
        const QDateTime asOf = *ReferenceClock::parse(u"2025-04-01T09:30+09:00");
        window.setReferenceTime(asOf);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(ReferenceClock::now(), asOf);
        QVERIFY(window.sessionBar()->isAsOfShown());
        QVERIFY2(window.sessionBar()->asOfLabel()->text().contains(QStringLiteral("2025-04-01 09:30")), qPrintable(window.sessionBar()->asOfLabel()->text()));
        // An explicit time wins over the demo's own date.
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.loadDemo();
        QVERIFY(loaded.wait(120000));
        QCOMPARE(ReferenceClock::now(), asOf);
        window.setReferenceTime(QDateTime());
        QVERIFY(!ReferenceClock::isFixed());
        QVERIFY(!window.sessionBar()->isAsOfShown());
    }

    void cleanupTestCase() { m_window.reset(); }
};

KAKEHASHI_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
