// The emergency one-screen summary on the demo patients: what the widgets show, that it fits on
// one 1600×1000 screen, switching views, and the `--view emergency --screenshot` command line.
#include "../testsupport.h"

#include "viewer/emergency/emergencysummaryview.h"
#include "record/localrecordsource.h"
#include "viewer/patientview.h"
#include "viewer/timeline/timelinepane.h"

#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QTemporaryDir>

using namespace Kakehashi;

class TestEmergencyView : public QObject
{
    Q_OBJECT
private:
    RecordSet m_demo;
    // The demo data's fixed "today" (tools/demo/generate.py), so the windows select the same items
    // whatever day the test runs.
    const QDateTime m_demoToday{QDate(2026, 10, 31), QTime(23, 0), Qt::UTC};

    static QString allText(const EmergencySummaryView *v)
    {
        QStringList parts;
        for (const QLabel *l : v->findChildren<QLabel *>())
            if (l->isVisibleTo(const_cast<EmergencySummaryView *>(v)))
                parts << l->text();
        return parts.join(u'\n');
    }

    PatientView *showPatient(const QString &id)
    {
        const PatientRecord *record = m_demo.find(id);
        if (!record)
            return nullptr;
        auto *view = new PatientView;
        view->emergencySummary()->setAsOf(m_demoToday);
        view->setRecord(*record);
        if (!view->setView(QStringLiteral("emergency"))) {
            delete view;
            return nullptr;
        }
        view->resize(1600, 1000);
        view->show();
        return view;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(qEnvironmentVariable("KAKEHASHI_DEMO_RCC")))
            QSKIP("demo data not built");
        m_demo = LocalRecordSource::loadDemo();
        QVERIFY(m_demo.find(u"p002"));
    }

    void viewNameIsListed()
    {
        QVERIFY(PatientView::viewNames().contains(QStringLiteral("emergency")));
    }

    void p002AdmissionSurgeryAndAllergy()
    {
        std::unique_ptr<PatientView> view(showPatient(QStringLiteral("p002")));
        QVERIFY(view);
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        EmergencySummaryView *e = view->emergencySummary();
        QVERIFY(e->isVisible());
        QVERIFY(!view->timelinePane()->isVisible());
        QVERIFY(!view->allergyBanner()->isVisible()); // the summary's own block replaces it

        const QString allergies = e->allergyLabel()->text();
        QVERIFY2(allergies.contains(QStringLiteral("ポビドンヨード")), qPrintable(allergies));
        QVERIFY(allergies.contains(QStringLiteral("HIGH RISK")));
        QVERIFY(allergies.contains(QStringLiteral("港南中央病院"))); // where it was recorded
        QVERIFY(e->allergyLabel()->accessibleDescription().contains(QStringLiteral("ポビドンヨード")));
        QVERIFY(!e->allergyLabel()->accessibleName().isEmpty());

        const QString encounters = e->encounterLabel()->text();
        QVERIFY2(encounters.contains(QStringLiteral("Admission")), qPrintable(encounters));
        QVERIFY(encounters.contains(QStringLiteral("2026-08-03")));
        QVERIFY(encounters.contains(QStringLiteral("2026-08-17")));
        // Admissions come first.
        QVERIFY(encounters.indexOf(QStringLiteral("Admission")) < encounters.indexOf(QStringLiteral("Outpatient")));

        const QString procedures = e->procedureLabel()->text();
        QVERIFY2(procedures.contains(QStringLiteral("幽門側胃切除術")), qPrintable(procedures));
        QVERIFY(procedures.contains(QStringLiteral("全身麻酔")));
        QVERIFY(procedures.contains(QStringLiteral("輸血")));
        QVERIFY(procedures.contains(QStringLiteral("2026-08-04")));

        QVERIFY(e->problemLabel()->text().contains(QStringLiteral("胃癌")));
        const QString labs = e->labLabel()->text();
        QVERIFY2(labs.contains(QStringLiteral("Hb")), qPrintable(labs));
        QVERIFY(labs.contains(QStringLiteral("2026-10-06"))); // the latest Hb, at the follow-up visit

        // One screen: nothing to scroll at 1600×1000.
        QCOMPARE(e->scrollArea()->verticalScrollBar()->maximum(), 0);

        // And back to the full record.
        QTest::mouseClick(e->fullRecordButton(), Qt::LeftButton);
        QVERIFY(!e->isVisible());
        QVERIFY(view->timelinePane()->isVisible());
        QVERIFY(view->allergyBanner()->isVisible());
        QVERIFY(!view->isEmergencySummaryShown());
        // The header button opens it again.
        QVERIFY(view->emergencySummaryButton()->isVisible());
        QTest::mouseClick(view->emergencySummaryButton(), Qt::LeftButton);
        QVERIFY(e->isVisible());
        QVERIFY(!view->timelinePane()->isVisible());
        QVERIFY(!view->emergencySummaryButton()->isVisible());
    }

    // The summary is built when it is shown or asked for, not while the record view is shown (a
    // quarter of opening a 100k-item record). After a patient switch behind the record view it must
    // never show the previous patient: the button opens the new patient's summary.
    void aSwitchedPatientsSummaryIsTheirs()
    {
        std::unique_ptr<PatientView> view(showPatient(QStringLiteral("p002")));
        QVERIFY(view);
        auto *widget = view->findChild<EmergencySummaryView *>();
        QVERIFY(widget);
        QCOMPARE(widget->summary().patient.id, QStringLiteral("p002"));
        QTest::mouseClick(widget->fullRecordButton(), Qt::LeftButton);
        QVERIFY(!widget->isVisible());

        view->setRecord(*m_demo.find(u"p003"));
        // Not built behind the record view (read past the accessor, which would build it).
        QCOMPARE(widget->summary().patient.id, QStringLiteral("p002"));

        QTest::mouseClick(view->emergencySummaryButton(), Qt::LeftButton);
        QVERIFY(widget->isVisible());
        QCOMPARE(widget->summary().patient.id, QStringLiteral("p003"));
        QVERIFY(widget->allergyLabel()->text().contains(QStringLiteral("キウイ")));
        QVERIFY(!allText(widget).contains(QStringLiteral("ポビドンヨード")));

        // Asked for while hidden, it is the current patient's too.
        QTest::mouseClick(widget->fullRecordButton(), Qt::LeftButton);
        view->setRecord(*m_demo.find(u"p002"));
        QCOMPARE(view->emergencySummary()->summary().patient.id, QStringLiteral("p002"));
        QVERIFY(view->emergencySummary()->allergyLabel()->text().contains(QStringLiteral("ポビドンヨード")));
    }

    void p003HidesUndelivered()
    {
        std::unique_ptr<PatientView> view(showPatient(QStringLiteral("p003")));
        QVERIFY(view);
        EmergencySummaryView *e = view->emergencySummary();
        const QString text = allText(e);
        QVERIFY(!text.contains(QStringLiteral("大腸炎"))); // UNDELIVERED: never shown
        QVERIFY(e->statusLabel()->isVisible());
        QVERIFY2(e->statusLabel()->text().contains(QStringLiteral("UNDELIVERED")), qPrintable(e->statusLabel()->text()));
        QVERIFY(e->allergyLabel()->text().contains(QStringLiteral("キウイ")));
        QVERIFY(e->problemLabel()->text().contains(QStringLiteral("喘息")));
        QCOMPARE(e->scrollArea()->verticalScrollBar()->maximum(), 0);
    }

    void p006ShowsUninformedMark()
    {
        std::unique_ptr<PatientView> view(showPatient(QStringLiteral("p006")));
        QVERIFY(view);
        EmergencySummaryView *e = view->emergencySummary();
        const QString problems = e->problemLabel()->text();
        QVERIFY2(problems.contains(QStringLiteral("噴門癌")), qPrintable(problems));
        // The mark sits on the cancer's row, not only somewhere in the section.
        const qsizetype row = problems.indexOf(QStringLiteral("噴門癌"));
        const qsizetype rowEnd = problems.indexOf(QStringLiteral("</tr>"), row);
        QVERIFY(problems.mid(row, rowEnd - row).contains(QStringLiteral("UNINFORMED")));
        QVERIFY(e->problemLabel()->accessibleDescription().contains(QStringLiteral("UNINFORMED")));
        QVERIFY(e->statusLabel()->isVisible());
        QVERIFY(e->statusLabel()->text().contains(QStringLiteral("UNINFORMED")));
        QCOMPARE(e->summary().uninformedCount, 1);
        QCOMPARE(e->scrollArea()->verticalScrollBar()->maximum(), 0);
    }

    void allDemoPatientsFitOnOneScreen_data()
    {
        QTest::addColumn<QString>("patient");
        for (const char *id : {"p001", "p002", "p003", "p004", "p005", "p006", "p900"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }
    void allDemoPatientsFitOnOneScreen()
    {
        QFETCH(QString, patient);
        std::unique_ptr<PatientView> view(showPatient(patient));
        QVERIFY(view);
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        QCOMPARE(view->emergencySummary()->scrollArea()->verticalScrollBar()->maximum(), 0);
        QVERIFY(!view->emergencySummary()->summary().isEmpty());
    }

    void commandLineScreenshot()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath(QStringLiteral("emergency.png"));
        QProcess p;
        p.start(QStringLiteral(KAKEHASHI_BINARY), {QStringLiteral("--demo"), QStringLiteral("--patient"), QStringLiteral("p002"),
                                                   QStringLiteral("--view"), QStringLiteral("emergency"), QStringLiteral("--lang"),
                                                   QStringLiteral("en"), QStringLiteral("--screenshot"), png});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QSet<QRgb> colours;
        int allergyRed = 0;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3) {
                const QRgb c = image.pixel(x, y);
                colours.insert(c);
                allergyRed += c == qRgb(0xfd, 0xe8, 0xe8) ? 1 : 0;
            }
        QVERIFY2(colours.size() > 20, "blank screenshot");
        QVERIFY2(allergyRed > 200, "no allergy block on the screenshot");
    }
};

KAKEHASHI_TEST_MAIN(TestEmergencyView)
#include "tst_emergencyview.moc"
