// Hazards of issue 9 as drawn on screen (offscreen): the allergy banner and the emergency summary
// for withheld, role-hidden and unrecorded allergies (item 1), the one withheld count and the REDACTED
// mark (item 6), a child's adult eGFR (item 8), infections and dialysis (item 9).
#include "../../testsupport.h"
#include "hazardfixtures.h"

#include "record/clinicalitembuilder.h"
#include "viewer/timeline/clinicalpanels.h"
#include "viewer/emergency/emergencysummaryview.h"
#include "viewer/patientview.h"
#include "viewer/recorditemmodel.h"
#include "record/referenceclock.h"
#include "record/rolepolicy.h"
#include "viewer/timeline/timelinepane.h"

#include <QLabel>
#include <QRegularExpression>

using namespace Kakehashi;
using namespace HazardFixtures;

class HazardClinicalViews : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<PatientView> show(const PatientRecord &record, bool emergency = false)
    {
        auto view = std::make_unique<PatientView>();
        view->emergencySummary()->setAsOf(asOf());
        view->setRecord(record);
        if (emergency)
            view->setView(QStringLiteral("emergency"));
        view->resize(1400, 900);
        view->show();
        return view;
    }

private Q_SLOTS:
    void initTestCase() { ReferenceClock::setFixed(asOf()); }

    void item1_bannerNeverSaysNoneForWhatItCouldNotSee_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<bool>("pharmacy");
        QTest::addColumn<QString>("expected");
        QTest::newRow("withheld") << QStringLiteral("allergies-withheld.json") << false << QStringLiteral("2 allergy item(s) were withheld");
        QTest::newRow("$everything") << QStringLiteral("allergies-everything-withheld.json") << false
                                     << QStringLiteral("of unstated kind were withheld");
        QTest::newRow("pharmacist") << QStringLiteral("allergies-recorded.json") << true << QStringLiteral("not disclosed to this role");
        QTest::newRow("not recorded") << QStringLiteral("allergies-not-recorded.json") << false
                                      << QStringLiteral("this does not mean there are none");
        QTest::newRow("none known") << QStringLiteral("allergies-none-known.json") << false << QStringLiteral("none known (stated by 試験病院");
    }
    void item1_bannerNeverSaysNoneForWhatItCouldNotSee()
    {
        QFETCH(QString, fixture);
        QFETCH(bool, pharmacy);
        QFETCH(QString, expected);
        PatientRecord record = HazardFixtures::record(fixture);
        if (pharmacy)
            record = RolePolicy(RolePolicy::Scope::Pharmacy).apply(record);
        auto view = show(record);
        const QString banner = view->allergyBanner()->text();
        QVERIFY(view->allergyBanner()->isVisible());
        QVERIFY2(banner.contains(expected), qPrintable(banner));
        QVERIFY2(!banner.contains(u"none recorded"), qPrintable(banner));
        if (pharmacy) {
            QVERIFY2(!banner.contains(u"さば") && !banner.contains(u"not recorded"), qPrintable(banner));
            // The allergy tab of the record panels never reads "(0)" for what the role could not see.
            ClinicalPanels *panels = view->panels();
            bool allergyTabSeen = false;
            for (int i = 0; i < panels->count(); ++i) {
                const QString tab = panels->tabText(i);
                if (!tab.startsWith(CategoryNames::displayName(ItemCategory::Allergy)))
                    continue;
                allergyTabSeen = true;
                QVERIFY2(tab.contains(u"not disclosed to this role") && !tab.contains(u"(0)"), qPrintable(tab));
            }
            QVERIFY(allergyTabSeen);
        }

        view->setView(QStringLiteral("emergency"));
        const QString emergency = view->emergencySummary()->allergyLabel()->accessibleDescription();
        QVERIFY2(emergency.contains(expected), qPrintable(emergency));
        QVERIFY2(!emergency.contains(u"none recorded"), qPrintable(emergency));
    }

    void item6_oneCountAndAMarkForRedactedValues()
    {
        const PatientRecord record = HazardFixtures::record(QStringLiteral("withheld-redacted.json"));
        auto view = show(record);
        const QString three = QStringLiteral("3 item(s) withheld by the patient's disclosure settings");
        QVERIFY2(view->completenessBanner()->isVisible() && view->completenessBanner()->text().contains(three),
                 qPrintable(view->completenessBanner()->text()));
        QVERIFY2(view->timelinePane()->withheldLabel()->text().contains(three), qPrintable(view->timelinePane()->withheldLabel()->text()));
        // The redacted lab in the record list: the withheld mark in its detail, not an empty value.
        const RecordItemModel *model = view->itemModel();
        bool found = false;
        for (int c = 0; c < model->rowCount(); ++c) {
            const QModelIndex group = model->index(c, 0);
            for (int r = 0; r < model->rowCount(group); ++r) {
                const ClinicalItem *item = model->itemAt(model->index(r, 0, group));
                if (!item || !item->redacted)
                    continue;
                found = true;
                const QString detail = model->index(r, RecordItemModel::DetailColumn, group).data().toString();
                QVERIFY2(detail.contains(ClinicalItemBuilder::redactedMark()), qPrintable(detail));
            }
        }
        QVERIFY(found);
        view->setView(QStringLiteral("emergency"));
        const QString status = view->emergencySummary()->statusLabel()->accessibleDescription();
        QVERIFY2(status.contains(u"3 item(s)"), qPrintable(status));
        const QString infections = view->emergencySummary()->infectionLabel()->accessibleDescription();
        QVERIFY2(infections.contains(ClinicalItemBuilder::redactedMark()), qPrintable(infections));
    }

    void item8_childEgfrIsNotAKeyValue()
    {
        auto view = show(HazardFixtures::record(QStringLiteral("child-egfr.json")), true);
        const QString labs = view->emergencySummary()->labLabel()->accessibleDescription();
        QVERIFY2(!labs.contains(u"237"), qPrintable(labs));
        QVERIFY2(labs.contains(u"eGFR not shown"), qPrintable(labs));
        QVERIFY2(labs.contains(u"0.3"), qPrintable(labs));
    }

    void item9_infectionsAndDialysisOnTheEmergencySummary()
    {
        auto view = show(HazardFixtures::record(QStringLiteral("infection-dialysis.json")), true);
        QLabel *label = view->emergencySummary()->infectionLabel();
        QVERIFY(label->isVisibleTo(view.get()));
        const QString text = label->accessibleDescription();
        for (const char *expected : {"HBs antigen — 陽性", "Syphilis (TP antibody) — 陰性", "HCV — 陰性", "Dialysis: 1 session(s) in the last 90 days"})
            QVERIFY2(text.contains(QString::fromUtf8(expected)), qPrintable(text));
        auto none = show(HazardFixtures::record(QStringLiteral("allergies-not-recorded.json")), true);
        const QString empty = none->emergencySummary()->infectionLabel()->accessibleDescription();
        QVERIFY2(empty.contains(u"Dialysis: not in the shared record for the last 90 day(s) (this does not mean there was none)"),
                 qPrintable(empty));
    }

    // A record that shares almost nothing: every section of the emergency summary says what is
    // not in the shared record and that this is not an absence. No line may read as a bare "none"
    // ("Infection tests: none" reads as "no infection"; "Last check-up: none" as "never checked").
    void item10_emergencySummaryNeverSaysABareNone()
    {
        auto view = show(HazardFixtures::record(QStringLiteral("allergies-not-recorded.json")), true);
        EmergencySummaryView *summary = view->emergencySummary();
        const QList<QLabel *> sections{summary->allergyLabel(), summary->medicationLabel(), summary->problemLabel(),
                                       summary->encounterLabel(), summary->procedureLabel(), summary->labLabel(),
                                       summary->infectionLabel()};
        const QRegularExpression none(QStringLiteral("\\bnone\\b"), QRegularExpression::CaseInsensitiveOption);
        int absences = 0;
        for (QLabel *label : sections) {
            for (const QString &line : label->accessibleDescription().split(u'\n')) {
                if (!line.contains(none))
                    continue;
                ++absences;
                QVERIFY2(line.contains(u"does not mean"), qPrintable(line));
            }
        }
        QVERIFY2(absences >= 6, "the fixture no longer exercises the empty sections");
        const QString labs = summary->labLabel()->accessibleDescription();
        QVERIFY2(labs.contains(u"Last check-up: not in the shared record"), qPrintable(labs));
        const QString infections = summary->infectionLabel()->accessibleDescription();
        QVERIFY2(infections.contains(u"nor that results were negative"), qPrintable(infections));
    }
};

KAKEHASHI_TEST_MAIN(HazardClinicalViews)
#include "tst_hazard_clinicalviews.moc"
