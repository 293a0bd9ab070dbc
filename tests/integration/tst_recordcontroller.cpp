// Session::RecordController without a window: the one record on screen, the role policy applied
// once to everything it holds, results that arrive while locked, and the sharing-service open
// (cache first, TREAT or ETREAT, the access history) against the real test service.
#include "../testsupport.h"

#include "SharingServiceFixture.h"
#include "store/accesshistory.h"
#include "store/recordcache.h"
#include "session/recordcontroller.h"
#include "session/sessionpolicy.h"

#include <QSignalSpy>
#include <QThread>
#include <QThreadPool>

using namespace Kakehashi;
using Session::RecordController;

namespace {

int countOf(const PatientRecord *record, ItemCategory category)
{
    return record ? record->count(category) : -1;
}

} // namespace

class TestRecordController : public QObject
{
    Q_OBJECT
private:
    SharingServiceFixture m_server;

    // Two patients, each with an allergy, a lab result and a medication (what a local file gives,
    // without needing the demo data, which the sanitizer build does not make).
    static RecordSet twoPatients()
    {
        RecordSet set;
        for (const QString &id : {QStringLiteral("p001"), QStringLiteral("p002")}) {
            PatientRecord record;
            record.patient.id = id;
            int n = 0;
            const QList<QPair<ItemCategory, QString>> kinds{{ItemCategory::Allergy, QStringLiteral("AllergyIntolerance")},
                                                            {ItemCategory::Lab, QStringLiteral("Observation")},
                                                            {ItemCategory::Medication, QStringLiteral("MedicationDispense")}};
            for (const auto &[category, type] : kinds) {
                ClinicalItem item;
                item.category = category;
                item.resourceType = type;
                item.key = QStringLiteral("%1/item-%2").arg(id).arg(++n);
                item.title = item.key;
                record.items.append(item);
            }
            set.patients.append(record);
        }
        return set;
    }

    static bool loadLocal(RecordController &records)
    {
        QSignalSpy loaded(&records, &RecordController::localLoaded);
        records.loadLocal([] { return twoPatients(); });
        return loaded.wait(30000);
    }

    // A controller connected to the test service, its cache open.
    std::unique_ptr<RecordController> connected(Net::ConnectionProfile profile = {})
    {
        if (!profile.baseUrl.isValid())
            profile = Net::ConnectionProfile::fromUrl(m_server.baseUrl());
        profile.maxRetries = 0;
        profile.timeoutMs = 10000;
        auto records = std::make_unique<RecordController>();
        records->setUser(QStringLiteral("試験 医師"), QStringLiteral("医師"));
        records->setCacheKeys({QByteArray(RecordCache::KeyBytes, 'r'), QByteArray(RecordCache::KeyBytes, 'r'), false});
        QSignalSpy ready(records.get(), &RecordController::serviceReady);
        QString error;
        if (!records->connectService(profile, nullptr, &error)) {
            qWarning() << error;
            return {};
        }
        if (!ready.wait(20000))
            return {};
        return records;
    }

    static bool open(RecordController &records, const QString &id, const Net::PurposeOfUse &purpose)
    {
        QSignalSpy loaded(&records, &RecordController::serviceRecordLoaded);
        if (!records.openServicePatient(id, purpose))
            return false;
        return loaded.wait(30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!SharingServiceFixture::nodeAvailable())
            QSKIP("node/npm not available");
        const QString error = m_server.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // The policy filters what is held, not what one view draws: the record on screen, the local set
    // (which every view and --summary read) and a later selection all agree.
    void aNarrowerPolicyFiltersEverythingHeld()
    {
        RecordController records;
        QVERIFY(loadLocal(records));
        QVERIFY(records.selectLocal(QStringLiteral("p001")));
        QVERIFY(countOf(records.current(), ItemCategory::Allergy) > 0);
        QVERIFY(countOf(records.current(), ItemCategory::Lab) > 0);
        const int medications = countOf(records.current(), ItemCategory::Medication);
        QVERIFY(medications > 0);

        QSignalSpy changed(&records, &RecordController::currentChanged);
        records.setRolePolicy(Session::rolePolicyFor(std::nullopt, {}, RolePolicy::Scope::Pharmacy));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(countOf(records.current(), ItemCategory::Allergy), 0);
        QCOMPARE(countOf(records.current(), ItemCategory::Lab), 0);
        QCOMPARE(countOf(records.current(), ItemCategory::Medication), medications);
        // Not a zero: the screen says the role may not see it.
        QVERIFY(records.current()->notDisclosedForRole.contains(ItemCategory::Allergy));
        for (const PatientRecord &record : records.localRecords().patients) {
            QCOMPARE(record.count(ItemCategory::Allergy), 0);
            QCOMPARE(record.count(ItemCategory::Lab), 0);
        }
        // Another patient selected later comes filtered too.
        QVERIFY(records.selectLocal(QStringLiteral("p002")));
        QCOMPARE(countOf(records.current(), ItemCategory::Allergy), 0);
    }

    // Selecting the patient on screen again is not a change (the view keeps its tab and scroll).
    void selectingTheSamePatientIsNoChange()
    {
        RecordController records;
        QVERIFY(loadLocal(records));
        QSignalSpy changed(&records, &RecordController::currentChanged);
        QVERIFY(records.selectLocal(QStringLiteral("p001")));
        QVERIFY(records.selectLocal(QStringLiteral("p001")));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!records.selectLocal(QStringLiteral("nobody")));
        QCOMPARE(records.currentPatientId(), QStringLiteral("p001"));
    }

    // A load that lands after the lock is dropped: nothing held, nothing announced.
    void aLoadLandingWhileLockedIsDropped()
    {
        RecordController records;
        QSignalSpy loaded(&records, &RecordController::localLoaded);
        records.loadLocal([] {
            QThread::msleep(300);
            return twoPatients();
        });
        records.lock();
        QTRY_VERIFY_WITH_TIMEOUT(!records.isLoadingLocal(), 30000);
        QCoreApplication::processEvents();
        QCOMPARE(loaded.count(), 0);
        QVERIFY(records.localRecords().patients.isEmpty());
        QVERIFY(!records.current());
        QVERIFY(!records.selectLocal(QStringLiteral("p001")));
    }

    // TREAT, then break-the-glass: the record on screen is the service's, each open is in the
    // access history once with its purpose, and the emergency open is refused without a reason or
    // when the profile does not allow it.
    void serviceOpensCarryTheirPurpose()
    {
        Net::ConnectionProfile profile = Net::ConnectionProfile::fromUrl(m_server.baseUrl());
        profile.allowEmergencyAccess = true;
        auto records = connected(profile);
        QVERIFY(records);
        QString error;
        QVERIFY2(records->purgeCachesNow(&error), qPrintable(error));
        // The log is the workstation's: count what this test adds to it.
        const qsizetype logged = records->accessHistory()->read().entries.size();

        QVERIFY(open(*records, QStringLiteral("p001"), Net::PurposeOfUse::treatment()));
        QCOMPARE(records->serviceOutcome().state, RecordLoadOutcome::State::Fresh);
        QVERIFY(records->serviceRecord());
        QCOMPARE(records->current(), records->serviceRecord());
        QCOMPARE(records->currentPatientId(), QStringLiteral("p001"));
        QVERIFY(!records->isServiceRecordStale());
        QVERIFY(!records->emergencyAccessAt().isValid());

        QVERIFY(!records->openServicePatient(QStringLiteral("p001"), Net::PurposeOfUse::emergency(QStringLiteral("  "))));
        QVERIFY(open(*records, QStringLiteral("p001"), Net::PurposeOfUse::emergency(QStringLiteral("意識障害で搬送"))));
        QCOMPARE(records->openPurpose().reason, Net::PurposeOfUse::Reason::EmergencyTreatment);
        QVERIFY(records->emergencyAccessAt().isValid());

        QTRY_COMPARE_WITH_TIMEOUT(records->accessHistory()->read().entries.size(), logged + 2, 10000);
        const QList<AccessEntry> entries = records->accessHistory()->read().entries.mid(logged);
        QCOMPARE(entries.at(0).purpose, QStringLiteral("TREAT"));
        QCOMPARE(entries.at(1).purpose, QStringLiteral("ETREAT"));
        QCOMPARE(entries.at(1).emergencyReason, QStringLiteral("意識障害で搬送"));
        QCOMPARE(entries.at(1).patientId, QStringLiteral("p001"));

        profile.allowEmergencyAccess = false;
        auto strict = connected(profile);
        QVERIFY(strict);
        QVERIFY(!strict->openServicePatient(QStringLiteral("p001"), Net::PurposeOfUse::emergency(QStringLiteral("意識障害で搬送"))));
    }

    // Asked for while the cache is still opening, the open waits and then happens.
    void anOpenAskedBeforeTheCacheIsOpenWaits()
    {
        RecordController records;
        records.setCacheKeys({QByteArray(RecordCache::KeyBytes, 'w'), QByteArray(RecordCache::KeyBytes, 'w'), false});
        QSignalSpy waiting(&records, &RecordController::serviceOpenWaiting);
        QSignalSpy loaded(&records, &RecordController::serviceRecordLoaded);
        QSignalSpy ready(&records, &RecordController::serviceReady);
        QString error;
        QVERIFY2(records.connectService(Net::ConnectionProfile::fromUrl(m_server.baseUrl()), nullptr, &error), qPrintable(error));
        // Never during the call, even when the cache opens at once: the window connects afterwards.
        QCOMPARE(ready.count(), 0);
        QVERIFY(!records.isServiceReady());
        QVERIFY(records.openServicePatient(QStringLiteral("p002"), Net::PurposeOfUse::treatment()));
        QCOMPARE(waiting.count(), 1);
        QVERIFY(records.isServiceLoading());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(records.servicePatientId(), QStringLiteral("p002"));
        QVERIFY(records.serviceRecord());
    }

    // Locking drops the service record; unlocking reopens the same patient for the same purpose.
    void unlockReopensWhatWasOnScreen()
    {
        Net::ConnectionProfile profile = Net::ConnectionProfile::fromUrl(m_server.baseUrl());
        profile.allowEmergencyAccess = true;
        auto records = connected(profile);
        QVERIFY(records);
        QVERIFY(open(*records, QStringLiteral("p002"), Net::PurposeOfUse::emergency(QStringLiteral("心停止"))));
        records->lock();
        QVERIFY(!records->current());
        QVERIFY(!records->serviceRecord());
        QVERIFY(!records->openServicePatient(QStringLiteral("p001"), Net::PurposeOfUse::treatment()));

        QSignalSpy started(records.get(), &RecordController::serviceOpenStarted);
        QSignalSpy loaded(records.get(), &RecordController::serviceRecordLoaded);
        QString error;
        QVERIFY2(records->unlock(nullptr, &error), qPrintable(error));
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("p002"));
        QCOMPARE(started.at(0).at(1).value<Net::PurposeOfUse>().reason, Net::PurposeOfUse::Reason::EmergencyTreatment);
        QVERIFY(loaded.wait(30000));
        QCOMPARE(records->currentPatientId(), QStringLiteral("p002"));
    }

    // Signing out forgets the patient and the keys; with the purge, the cache is empty afterwards.
    void signOutPurgesWhenAsked()
    {
        auto records = connected();
        QVERIFY(records);
        QVERIFY(open(*records, QStringLiteral("p001"), Net::PurposeOfUse::treatment()));
        const std::shared_ptr<RecordCache> cache = records->recordCache();
        QVERIFY(cache);
        QVERIFY(cache->hasPatient(QStringLiteral("p001")));
        QSignalSpy out(records.get(), &RecordController::signedOut);
        records->signOut(true);
        QVERIFY(out.wait(30000));
        QCOMPARE(out.at(0).at(0).toBool(), true);
        QVERIFY(!cache->hasPatient(QStringLiteral("p001")));
        QVERIFY(records->servicePatientId().isEmpty());
        QVERIFY(!records->current());
    }

    // A window closed while its cache opens (or its purge runs): what the worker finishes later
    // lands nowhere. QFuture::then(context, …) in Qt 6.4 posted it to the destroyed controller
    // (a crash in CI's tst_servicewindow); whenFinished() detaches with the controller. Run under
    // ASan in the sanitizer build; each round destroys the controller at another moment.
    void destroyedWhileTheCacheWorks()
    {
        for (int round = 0; round < 40; ++round) {
            auto records = std::make_unique<RecordController>();
            records->setCacheKeys({QByteArray(RecordCache::KeyBytes, 'd'), QByteArray(RecordCache::KeyBytes, 'd'), false});
            QString error;
            QVERIFY2(records->connectService(Net::ConnectionProfile::fromUrl(m_server.baseUrl()), nullptr, &error), qPrintable(error));
            if (round % 2)
                records->purgeCaches(); // waits for nothing: busy while the cache opens, so it may not start
            QTest::qWait(round % 8); // 0–7 ms: before, during or after the worker's cache open
            records.reset();
            QCoreApplication::processEvents();
        }
        QThreadPool::globalInstance()->waitForDone(30000);
        QCoreApplication::processEvents(); // anything posted to a destroyed controller would run (and crash) here
        QTest::qWait(50);
    }

    // A test's controller is gone, but its cache work (the refreshed rows, the snapshot) may still
    // run on the pool: the next test opens the same cache file only after it.
    void cleanup() { QThreadPool::globalInstance()->waitForDone(30000); }

    void cleanupTestCase() { m_server.stop(); }
};

KAKEHASHI_TEST_MAIN(TestRecordController)
#include "tst_recordcontroller.moc"
