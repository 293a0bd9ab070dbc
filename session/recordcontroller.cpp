#include "recordcontroller.h"
#include "whenfinished.h"

#include "store/accesshistory.h"
#include "cardsession.h"
#include "store/imagecache.h"
#include "store/recordcache.h"
#include "sessionpolicy.h"

#include <QLoggingCategory>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

Q_LOGGING_CATEGORY(lcRecordController, "kakehashi.session.record", QtInfoMsg)

namespace Kakehashi::Session {

namespace {

QString dataPath(const QString &name)
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u'/' + name;
}

} // namespace

RecordController::RecordController(QObject *parent)
    : QObject(parent)
{
    connect(&m_localWatcher, &QFutureWatcher<RecordSet>::finished, this, &RecordController::onLocalLoaded);
}

RecordController::~RecordController()
{
    m_localWatcher.waitForFinished();
    m_keys.wipe();
}

void RecordController::setUser(const QString &holder, const QString &role)
{
    m_holder = holder;
    m_role = role;
}

void RecordController::setRolePolicy(const RolePolicy &policy)
{
    m_policy = policy;
    // A narrower policy never leaves more visible than it allows: what is held is filtered again.
    m_local = policy.apply(m_local);
    m_serviceRecord = policy.apply(m_serviceRecord);
    Q_EMIT rolePolicyChanged();
    if (m_shown != Shown::Nothing)
        Q_EMIT currentChanged(m_currentPatient);
}

// --- Local records ---

void RecordController::loadLocal(std::function<RecordSet()> job)
{
    m_localWatcher.setFuture(QtConcurrent::run(std::move(job)));
}

void RecordController::onLocalLoaded()
{
    setLocalRecords(m_localWatcher.result());
}

void RecordController::setLocalRecords(const RecordSet &set)
{
    if (m_locked)
        return; // loaded while locked: dropped, not shown
    m_local = m_policy.apply(set);
    Q_EMIT localLoaded();
}

bool RecordController::selectLocal(const QString &patientId)
{
    const PatientRecord *record = m_local.find(patientId);
    if (!record)
        return false;
    if (m_shown != Shown::Local || m_currentPatient != record->patient.id)
        show(Shown::Local, record->patient.id);
    return true;
}

const PatientRecord *RecordController::current() const
{
    switch (m_shown) {
    case Shown::Local:
        return m_local.find(m_currentPatient);
    case Shown::Service:
        return &m_serviceRecord;
    case Shown::Nothing:
        break;
    }
    return nullptr;
}

void RecordController::show(Shown what, const QString &patientId)
{
    const QString previous = m_currentPatient;
    m_shown = what;
    m_currentPatient = what == Shown::Nothing ? QString() : patientId;
    Q_EMIT currentChanged(previous);
}

// --- Cache keys and the image cache ---

void RecordController::setCacheKeys(const CacheKeys &keys)
{
    m_keys.wipe();
    m_keys = keys;
}

void RecordController::wipeCacheKeys()
{
    m_keys.wipe();
    m_keys.fromCard = false;
}

void RecordController::setImagingProfile(const Net::ConnectionProfile &profile)
{
    m_imagingProfile = profile;
    if (m_imageCache) {
        m_imageCache->setBudgetBytes(qint64(profile.imageCacheBudgetMb) * 1024 * 1024);
        m_imageCache->setTtlSeconds(qint64(profile.cacheTtlDays) * 24 * 3600);
    }
}

std::shared_ptr<ImageCache> RecordController::imageCache()
{
    if (m_imageCache)
        return m_imageCache;
    if (!m_keys.isValid())
        m_keys = CacheKeys::forThisSessionOnly();
    const QString user = m_holder.isEmpty() ? QStringLiteral("anonymous") : m_holder;
    auto cache = std::make_shared<ImageCache>(dataPath(QStringLiteral("image-cache")), m_keys.image, user);
    m_imageCache = cache;
    setImagingProfile(m_imagingProfile);
    // TTL and budget housekeeping, off the GUI thread.
    (void)QtConcurrent::run([cache] {
        QString error;
        if (cache->purgeExpired(QDateTime::currentDateTimeUtc(), &error) < 0)
            qCWarning(lcRecordController) << "image cache purge failed";
    });
    return m_imageCache;
}

void RecordController::setCardSession(CardSession *card)
{
    m_card = card;
}

CardSession *RecordController::cardSession() const
{
    return m_card;
}

// --- The sharing service ---

QSslConfiguration RecordController::tlsConfiguration(CardSession *card, const Net::ConnectionProfile &profile, QString *error) const
{
    return card ? card->tlsConfiguration(profile, error) : profile.sslConfiguration(error);
}

bool RecordController::connectService(const Net::ConnectionProfile &profile, CardSession *card, QString *error)
{
    if (!profile.isValid()) {
        *error = tr("\"%1\" is not a usable sharing-service address.").arg(profile.baseUrl.toString());
        return false;
    }
    if (m_client) {
        *error = tr("Already connected to a sharing service.");
        return false;
    }
    if (!card && profile.requiresCardSignIn()) {
        *error = tr("Sign in with your HPKI card to use %1.").arg(profile.baseUrl.toDisplayString(QUrl::RemoveUserInfo));
        return false;
    }
    QString sslError;
    const QSslConfiguration ssl = tlsConfiguration(card, profile, &sslError);
    if (!sslError.isEmpty()) {
        *error = sslError;
        return false;
    }
    m_card = card;
    m_profile = profile;
    m_client = new Net::FhirClient(profile, this);
    m_client->setSslConfiguration(ssl);
    if (card) {
        m_client->setClientRole(card->certificate().roleText().toUtf8());
        // The connection's pharmacistSeesAllergies is known only now.
        setRolePolicy(rolePolicyFor(card->certificate(), profile));
    }
    setImagingProfile(profile);

    if (!m_keys.isValid())
        m_keys = CacheKeys::forThisSessionOnly();
    const QString user = m_holder.isEmpty() ? QStringLiteral("anonymous") : m_holder;
    // Every record opened is logged on this workstation, sealed under the same key as the cache.
    m_accessHistory = std::make_shared<AccessHistory>(dataPath(QStringLiteral("access-history.log")), m_keys.record, user);
    // Opening (and migrating, and trimming) the SQLite cache runs on a worker thread.
    setCacheBusy(true);
    m_cacheOpening = CacheMaintenance::openRecordCache(dataPath(QStringLiteral("record-cache.sqlite")), m_keys.record, user,
                                                       qint64(profile.cacheTtlDays) * 24 * 3600,
                                                       qint64(profile.cacheBudgetMb) * 1024 * 1024);
    // Always after this call returns (a continuation on a future that is already finished runs at
    // once): whoever connects to serviceReady() after connectService() hears it.
    whenFinished(this, m_cacheOpening, [this](const CacheMaintenance::Opened &opened) { onRecordCacheOpened(opened); });
    return true;
}

void RecordController::onRecordCacheOpened(const CacheMaintenance::Opened &opened)
{
    m_recordCache = opened.cache;
    setCacheBusy(false);
    m_loader = new PatientRecordLoader(m_client, m_recordCache, this);
    connect(m_loader, &PatientRecordLoader::cachedRecordReady, this, &RecordController::onCachedRecord);
    connect(m_loader, &PatientRecordLoader::recordReady, this, &RecordController::onRecord);
    // Working without a cache is still working: the note says so.
    Q_EMIT serviceReady(m_recordCache ? QString() : opened.error);
    if (!m_pendingOpen.isEmpty() && !m_locked)
        openServicePatient(std::exchange(m_pendingOpen, QString()), m_pendingPurpose);
}

bool RecordController::isServiceLoading() const
{
    return (m_loader && m_loader->isRunning()) || !m_pendingOpen.isEmpty();
}

bool RecordController::openServicePatient(const QString &patientId, const Net::PurposeOfUse &purpose)
{
    const bool emergency = purpose.reason == Net::PurposeOfUse::Reason::EmergencyTreatment;
    if (!m_client || patientId.isEmpty() || m_locked || !purpose.isValid() || (emergency && !m_profile.allowEmergencyAccess))
        return false;
    if (!m_loader) { // the cache is still opening: this patient is opened as soon as it is
        m_pendingOpen = patientId;
        m_pendingPurpose = purpose;
        Q_EMIT serviceOpenWaiting(patientId);
        return true;
    }
    // Selecting the row that is already loading is not a new request.
    if (!emergency && patientId == m_servicePatient && m_loader->isRunning() && m_openPurpose.reason == purpose.reason)
        return true;
    m_servicePatient = patientId;
    m_serviceStale = true;
    m_openPurpose = purpose; // the images of this open are fetched for the same purpose
    m_emergencyAccessAt = emergency ? QDateTime::currentDateTimeUtc() : QDateTime(); // the real time, not --as-of
    m_accessLoggedFor.clear();
    Q_EMIT serviceOpenStarted(patientId, purpose);
    m_loader->open(patientId, purpose);
    return true;
}

void RecordController::refreshServicePatient()
{
    if (!m_servicePatient.isEmpty())
        openServicePatient(m_servicePatient, m_openPurpose);
}

void RecordController::showServiceRecord(const RecordSet &set)
{
    const PatientRecord *record = set.find(m_servicePatient);
    if (!record) {
        m_serviceRecord = {};
        show(Shown::Nothing, {});
        return;
    }
    m_serviceRecord = m_policy.apply(*record);
    show(Shown::Service, record->patient.id);
    logAccess();
}

void RecordController::onCachedRecord(const RecordSet &set, const QDateTime &cachedAt)
{
    if (m_locked)
        return; // arrived after the lock: never shown
    m_serviceStale = true;
    showServiceRecord(set);
    Q_EMIT serviceCachedRecordShown(m_servicePatient, cachedAt);
}

void RecordController::onRecord(const RecordSet &set, const RecordLoadOutcome &outcome)
{
    if (m_locked)
        return; // arrived after the lock: never shown
    m_outcome = outcome;
    m_serviceStale = outcome.state != RecordLoadOutcome::State::Fresh;
    showServiceRecord(outcome.state == RecordLoadOutcome::State::Failed ? RecordSet() : set);
    Q_EMIT serviceRecordLoaded(m_servicePatient, outcome);
}

void RecordController::logAccess()
{
    // Once per open: the cached record and the fresh one that follows are one access.
    if (!m_accessHistory || m_accessLoggedFor == m_servicePatient)
        return;
    m_accessLoggedFor = m_servicePatient;
    const PatientRecord &shown = m_serviceRecord;
    AccessEntry entry;
    entry.at = QDateTime::currentDateTimeUtc();
    entry.holder = m_holder.isEmpty() ? tr("(no card)") : m_holder;
    entry.role = m_role;
    entry.patientId = m_servicePatient;
    entry.patientName = shown.patient.displayName();
    entry.purpose = QString::fromLatin1(m_openPurpose.actReasonCode());
    if (m_openPurpose.reason == Net::PurposeOfUse::Reason::EmergencyTreatment)
        entry.emergencyReason = m_openPurpose.emergencyReason;
    entry.service = QStringLiteral("%1 (%2)").arg(m_profile.name, m_profile.baseUrl.toDisplayString(QUrl::RemoveUserInfo));
    entry.source = m_serviceStale ? QStringLiteral("cache") : QStringLiteral("service");
    for (int c = 0; c < ItemCategoryCount; ++c) {
        const auto category = ItemCategory(c);
        if (const int n = shown.count(category))
            entry.categories.append(QStringLiteral("%1:%2").arg(CategoryNames::key(category)).arg(n));
    }
    if (shown.withheldCount > 0)
        entry.categories.append(QStringLiteral("withheld:%1").arg(shown.withheldCount));
    // The append syncs the file: off the GUI thread.
    const std::shared_ptr<AccessHistory> history = m_accessHistory;
    (void)QtConcurrent::run([history, entry] {
        QString error;
        if (!history->append(entry, &error))
            qCWarning(lcRecordController) << "the access history could not be written";
    });
}

// --- Cache maintenance ---

void RecordController::setCacheBusy(bool busy)
{
    // Also while the cache opens: nothing to purge yet, and the purge would race the open.
    m_cacheBusy = busy;
    Q_EMIT cacheBusyChanged(busy);
}

void RecordController::purgeCaches()
{
    if (m_cacheBusy)
        return;
    // Secure delete, VACUUM and the image files can take a while: on a worker thread.
    setCacheBusy(true);
    whenFinished(this, CacheMaintenance::purge(m_recordCache, imageCache(), true), [this](const CacheMaintenance::Purged &purged) {
        setCacheBusy(false);
        Q_EMIT this->purged(purged.ok, purged.error);
    });
}

bool RecordController::purgeCachesNow(QString *error)
{
    // Called right after connectService() the cache may still be opening: this call may wait for it.
    std::shared_ptr<RecordCache> records = m_recordCache;
    if (!records && m_cacheOpening.isValid())
        records = m_cacheOpening.result().cache;
    QFuture<CacheMaintenance::Purged> purge = CacheMaintenance::purge(records, imageCache(), true);
    purge.waitForFinished();
    const CacheMaintenance::Purged purged = purge.result();
    if (!purged.ok)
        *error = purged.error;
    return purged.ok;
}

// --- Session life ---

void RecordController::lock()
{
    m_locked = true;
    if (m_loader)
        m_loader->cancel();
    m_pendingOpen.clear(); // asked for while the cache was opening: dropped with the rest
    m_local = {};
    m_serviceRecord = {};
    show(Shown::Nothing, {});
    // The key handle is useless once logged out; the PIN is needed again.
    if (m_client)
        m_client->setSslConfiguration(QSslConfiguration());
}

bool RecordController::unlock(CardSession *card, QString *error)
{
    m_card = card;
    if (m_client) {
        const QSslConfiguration ssl = tlsConfiguration(card, m_profile, error);
        if (!error->isEmpty())
            return false;
        m_client->setSslConfiguration(ssl);
    }
    m_locked = false;
    // Back to where the user was: cache first, then the service.
    refreshServicePatient();
    return true;
}

void RecordController::signOut(bool purge)
{
    lock();
    m_card = nullptr;
    m_servicePatient.clear();
    m_openPurpose = {};
    m_emergencyAccessAt = {};
    wipeCacheKeys();
    const std::shared_ptr<ImageCache> images = std::exchange(m_imageCache, nullptr); // sealed under this session's key
    if (!purge) {
        Q_EMIT signedOut(false, {});
        return;
    }
    // Secure delete, VACUUM and up to gigabytes of images: on a worker thread.
    setCacheBusy(true);
    whenFinished(this, CacheMaintenance::purge(m_recordCache, images, false), [this](const CacheMaintenance::Purged &purged) {
        setCacheBusy(false);
        if (!purged.ok)
            qCWarning(lcRecordController) << "cache purge on logout failed";
        Q_EMIT signedOut(purged.ok, purged.error);
    });
}

} // namespace Kakehashi::Session
