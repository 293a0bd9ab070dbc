#pragma once

#include "cachekeys.h"
#include "cachemaintenance.h"
#include "record/clinicalrecord.h"
#include "net/connectionprofile.h"
#include "net/fhirclient.h"
#include "patientrecordloader.h"
#include "record/rolepolicy.h"

#include <QDateTime>
#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace Kakehashi {
class AccessHistory;
class ImageCache;
class RecordCache;
}

namespace Kakehashi::Session {

class CardSession;

// The one record on screen, whatever its source: records loaded from files or the demo, or a
// patient opened from the sharing service (cache first, then the service). GUI-free: the window
// binds it to its views, tests drive it directly.
//
// What it owns so that no window has to: the role policy (applied here, once, to every record
// before anyone sees it), the service connection (FHIR client with the card's TLS identity, the
// record cache opened on a worker thread, the access history), the cache keys of the session and
// the image cache made from them, and the lock state (results that arrive while locked are
// dropped, never shown).
class RecordController : public QObject
{
    Q_OBJECT
public:
    explicit RecordController(QObject *parent = nullptr);
    ~RecordController() override;

    // Who works in this session: names the cache's owner and the access-history entries. |holder|
    // is empty without a card.
    void setUser(const QString &holder, const QString &role);
    // The signed-in HPKI card (null without one): its key is the TLS identity of every request the
    // session makes (service, PACS) and its role goes with them. connectService() and unlock() set it
    // too; signOut() forgets it.
    void setCardSession(CardSession *card);
    CardSession *cardSession() const;

    // What the viewer may show. Every record is filtered here: the local set, the service record,
    // and what is on screen when the policy narrows (currentChanged() follows).
    void setRolePolicy(const RolePolicy &policy);
    const RolePolicy &rolePolicy() const { return m_policy; }

    // --- Records from files, folders or the demo ---
    // Runs |job| on a worker thread; localLoaded() follows (not while locked).
    void loadLocal(std::function<RecordSet()> job);
    bool isLoadingLocal() const { return m_localWatcher.isRunning(); }
    // Holds |set| as the local records, filtered by the role policy as every record is;
    // localLoaded() follows (not while locked). loadLocal() ends here; --summary calls it directly.
    void setLocalRecords(const RecordSet &set);
    const RecordSet &localRecords() const { return m_local; }
    // Puts |patientId| of the local set on screen; false when the set has no such patient.
    bool selectLocal(const QString &patientId);

    // --- The record on screen (one source of truth for every view) ---
    const PatientRecord *current() const;
    QString currentPatientId() const { return m_currentPatient; }

    // --- Cache keys and the image cache ---
    // The keys the caches are sealed under (the card's, or random for this session only). Call
    // before connectService(); without it a random key is made on first use.
    void setCacheKeys(const CacheKeys &keys);
    bool isCacheKeyFromCard() const { return m_keys.fromCard; }
    // Overwrites and forgets the keys (sign-out, a new card session).
    void wipeCacheKeys();
    // The encrypted cache of retrieved instances, made on first use (expired entries removed off
    // the GUI thread).
    std::shared_ptr<ImageCache> imageCache();
    // The PACS settings (budget, TTL); connectService() sets them too.
    void setImagingProfile(const Net::ConnectionProfile &profile);
    const Net::ConnectionProfile &imagingProfile() const { return m_imagingProfile; }

    // --- The sharing service ---
    // Makes the FHIR client (TLS from the profile, the card's key and role when |card| is given)
    // and opens the record cache on a worker thread; serviceReady() follows. False and |error|
    // (translated) when the profile cannot be used. |card| must outlive this object.
    bool connectService(const Net::ConnectionProfile &profile, CardSession *card, QString *error);
    Net::FhirClient *serviceClient() const { return m_client; }
    const Net::ConnectionProfile &serviceProfile() const { return m_profile; }
    bool isServiceConnected() const { return m_client != nullptr; }
    bool isServiceReady() const { return m_loader != nullptr; }
    // Opens |patientId| for |purpose| (TREAT, or ETREAT with the reason the user gave): the cached
    // record at once (stale), then the service's. Asked for while the cache opens, it waits for it.
    // False when not connected, or ETREAT is not allowed by the profile or has no reason.
    bool openServicePatient(const QString &patientId, const Net::PurposeOfUse &purpose);
    // The open on screen again (TREAT or ETREAT as it was), e.g. Refresh or after unlocking.
    void refreshServicePatient();
    bool isServiceLoading() const;
    QString servicePatientId() const { return m_servicePatient; }
    // The service record on screen (role-filtered), if any.
    const PatientRecord *serviceRecord() const { return m_shown == Shown::Service ? &m_serviceRecord : nullptr; }
    bool isServiceRecordStale() const { return m_serviceStale; }
    // How the record on screen came to be; valid after serviceRecordLoaded().
    const RecordLoadOutcome &serviceOutcome() const { return m_outcome; }
    // The purpose of the open on screen: the PACS requests for its studies carry it too.
    const Net::PurposeOfUse &openPurpose() const { return m_openPurpose; }
    // When an emergency open was asked for (the real time, not --as-of); invalid otherwise.
    QDateTime emergencyAccessAt() const { return m_emergencyAccessAt; }
    std::shared_ptr<RecordCache> recordCache() const { return m_recordCache; }
    std::shared_ptr<AccessHistory> accessHistory() const { return m_accessHistory; }

    // --- Cache maintenance ---
    // True while the record cache opens or a purge runs (on worker threads).
    bool isCacheBusy() const { return m_cacheBusy; }
    // Removes every cached record and image on a worker thread; purged() follows.
    void purgeCaches();
    // The same, waiting for it (tests and command-line use; never from the GUI).
    bool purgeCachesNow(QString *error);

    // --- Session life ---
    // Drops every patient record held (local and service), abandons a running open and forgets
    // the TLS identity; results that arrive while locked are dropped.
    void lock();
    bool isLocked() const { return m_locked; }
    // Restores the TLS identity from |card| (or the profile's without one) and reopens the service
    // patient that was on screen. False and |error| when the card's identity is not usable.
    bool unlock(CardSession *card, QString *error);
    // Ends the session's use of the record: like lock(), forgets the service patient and the keys,
    // then purges the caches when |purge| on a worker thread; signedOut() follows either way.
    void signOut(bool purge);

Q_SIGNALS:
    void localLoaded();
    // The record cache is open, or known to be unusable (|note| says why): patients can be opened.
    void serviceReady(const QString &note);
    // A service open started (for the banner): |purpose| says whether it is an emergency.
    void serviceOpenStarted(const QString &patientId, const Kakehashi::Net::PurposeOfUse &purpose);
    // The open waits for the record cache to open.
    void serviceOpenWaiting(const QString &patientId);
    void serviceCachedRecordShown(const QString &patientId, const QDateTime &cachedAt);
    void serviceRecordLoaded(const QString &patientId, const Kakehashi::RecordLoadOutcome &outcome);
    // current() changed: another patient, a fresh version, a narrower policy, or nothing.
    void currentChanged(const QString &previousPatientId);
    void rolePolicyChanged();
    void cacheBusyChanged(bool busy);
    // A purgeCaches() finished.
    void purged(bool ok, const QString &error);
    // |purged|: every cached record and image was removed; |error| says why not when a purge failed.
    void signedOut(bool purged, const QString &error);

private:
    enum class Shown { Nothing, Local, Service };
    void setCacheBusy(bool busy);
    void onRecordCacheOpened(const CacheMaintenance::Opened &opened);
    void onLocalLoaded();
    void onCachedRecord(const RecordSet &set, const QDateTime &cachedAt);
    void onRecord(const RecordSet &set, const RecordLoadOutcome &outcome);
    void showServiceRecord(const RecordSet &set);
    void show(Shown what, const QString &patientId);
    void logAccess();
    QSslConfiguration tlsConfiguration(CardSession *card, const Net::ConnectionProfile &profile, QString *error) const;

    RolePolicy m_policy;
    QPointer<CardSession> m_card;
    QString m_holder;
    QString m_role;
    bool m_locked = false;

    RecordSet m_local;
    QFutureWatcher<RecordSet> m_localWatcher;

    Shown m_shown = Shown::Nothing;
    QString m_currentPatient;

    CacheKeys m_keys;
    Net::ConnectionProfile m_imagingProfile;
    std::shared_ptr<ImageCache> m_imageCache;

    Net::ConnectionProfile m_profile;
    Net::FhirClient *m_client = nullptr;
    PatientRecordLoader *m_loader = nullptr;
    std::shared_ptr<RecordCache> m_recordCache;
    QFuture<CacheMaintenance::Opened> m_cacheOpening;
    std::shared_ptr<AccessHistory> m_accessHistory;
    bool m_cacheBusy = false;

    QString m_servicePatient;
    PatientRecord m_serviceRecord;
    bool m_serviceStale = false;
    RecordLoadOutcome m_outcome;
    Net::PurposeOfUse m_openPurpose;
    QDateTime m_emergencyAccessAt;
    QString m_accessLoggedFor; // the patient whose current open is already in the access history
    // A patient asked for while the cache was still opening, and its purpose.
    QString m_pendingOpen;
    Net::PurposeOfUse m_pendingPurpose;
};

} // namespace Kakehashi::Session
