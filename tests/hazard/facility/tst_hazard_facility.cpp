// Hazard: an item's facility shown as a raw reference ("Organization/3e6b973d-…") instead of a
// hospital, or the same hospital counted as two facilities because two servers gave it two ids.
#include "record/clinicalitembuilder.h"
#include "record/localrecordsource.h"
#include "record/recordsummary.h"

#include <QJsonArray>
#include <QTest>

using namespace Kakehashi;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(KAKEHASHI_TEST_DATA_DIR "/hazard/facility/") + QLatin1String(name);
}

} // namespace

class HazardFacility : public QObject
{
    Q_OBJECT
private slots:
    void sameInstitutionCodeFromTwoServersIsOneFacility()
    {
        const RecordSet set = LocalRecordSource::load({fixture("server-a.json"), fixture("server-b.json")});
        const PatientRecord *p = set.find(u"fa-1");
        QVERIFY(p);
        QCOMPARE(p->items.size(), 2);
        for (const ClinicalItem &item : p->items) {
            QCOMPARE(item.source.key, QStringLiteral("institution:1310000001"));
            QCOMPARE(item.source.code, QStringLiteral("1310000001"));
            QCOMPARE(item.source.name, QStringLiteral("架け橋総合病院"));
        }
        const QJsonArray facilities = recordSummaryJson(set).value(u"patients").toArray().first().toObject().value(u"facilities").toArray();
        QCOMPARE(facilities.size(), 1);
        QCOMPARE(facilities.first().toObject().value(u"name").toString(), QStringLiteral("架け橋総合病院"));
        QCOMPARE(facilities.first().toObject().value(u"code").toString(), QStringLiteral("1310000001"));
        QCOMPARE(facilities.first().toObject().value(u"items").toInt(), 2);
    }

    void unresolvedReferenceIsNamedUnknownWithTheReason()
    {
        const RecordSet set = LocalRecordSource::load({fixture("unresolved.json")});
        const PatientRecord *p = set.find(u"fu-1");
        QVERIFY(p);
        QCOMPARE(p->items.size(), 1);
        const SourceFacility &f = p->items.first().source;
        QVERIFY(f.isKnown());
        QCOMPARE(f.name, ClinicalItemBuilder::unresolvedFacilityName());
        QVERIFY(!f.name.contains(u"3e6b973d"));
        QVERIFY2(f.unresolvedReason.contains(u"Organization/3e6b973d-cf8a-4071-aaaa-000000000000"), qPrintable(f.unresolvedReason));
        const QJsonObject facility = recordSummaryJson(set).value(u"patients").toArray().first().toObject().value(u"facilities").toArray().first().toObject();
        QCOMPARE(facility.value(u"name").toString(), ClinicalItemBuilder::unresolvedFacilityName());
        QVERIFY(facility.value(u"code").isNull());
        QVERIFY(!facility.value(u"unresolved").toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(HazardFacility)
#include "tst_hazard_facility.moc"
