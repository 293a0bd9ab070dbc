#include "cardsession.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QThread>

#include <memory>

Q_LOGGING_CATEGORY(lcCardSession, "kakehashi.session.card", QtInfoMsg)

namespace Kakehashi::Session {

using Net::HpkiCard;
using Net::HpkiCardCertificate;
using Net::HpkiCardError;

namespace {

// The PIN travels to the card thread in one buffer that is overwritten when the last holder lets go,
// whether or not the login ran.
std::shared_ptr<QByteArray> pinBuffer(QByteArray &pin)
{
    auto *bytes = new QByteArray(std::move(pin));
    pin.clear();
    return std::shared_ptr<QByteArray>(bytes, [](QByteArray *b) {
        volatile char *p = b->data();
        for (qsizetype i = 0; i < b->size(); ++i)
            p[i] = 0;
        delete b;
    });
}

} // namespace

QString SignInFailure::remainingTries() const
{
    switch (card.pinState) {
    case Net::HpkiPinState::CountLow: return tr("Few PIN attempts remain before the card locks.");
    case Net::HpkiPinState::FinalTry: return tr("One PIN attempt remains: a wrong PIN will lock the card.");
    case Net::HpkiPinState::Locked: return tr("No PIN attempts remain: the card is locked.");
    case Net::HpkiPinState::Ok: break;
    }
    // PKCS#11 reports only "few", "last" and "locked": never claim a number the card did not give.
    if (card.code == HpkiCardError::Code::PinIncorrect)
        return tr("The card does not say how many attempts remain before it locks.");
    return {};
}

QString SignInFailure::message() const
{
    if (otherHolder)
        return tr("That card belongs to someone else. Unlock with the card that started this session, or quit and sign in again.");
    QString text = card.message();
    // HpkiCardError::message() already names "few" and "last"; add what the card leaves unsaid.
    if (card.code == HpkiCardError::Code::PinIncorrect && card.pinState == Net::HpkiPinState::Ok)
        text += u' ' + remainingTries();
    return text;
}

// Lives on the card thread; owns the HpkiCard, which is made and destroyed there (its poll timer
// belongs to that thread).
class CardSession::Worker : public QObject
{
public:
    std::unique_ptr<HpkiCard> card;
};

CardSession::CardSession(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_worker(new Worker)
{
    qRegisterMetaType<CardToken>();
    qRegisterMetaType<SignInFailure>();
    qRegisterMetaType<HpkiCardError>();
    m_thread->setObjectName(QStringLiteral("kakehashi-card"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker = m_worker] {
            worker->card = std::make_unique<HpkiCard>();
            worker->card->setPresencePollInterval(1000);
            // Emitted on the card thread, handled here.
            connect(worker->card.get(), &HpkiCard::tokenRemoved, this, [this] {
                if (!m_signedIn)
                    return;
                m_signedIn = false;
                m_identity = Net::HpkiTlsIdentity();
                qCInfo(lcCardSession) << "the card was removed";
                Q_EMIT cardRemoved();
            });
        },
        Qt::QueuedConnection);
}

CardSession::~CardSession()
{
    m_keys.wipe();
    // The card is logged out and destroyed on its own thread, after whatever is still queued there.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            if (worker->card && worker->card->isLoggedIn())
                worker->card->logout();
            worker->card.reset();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

QString CardSession::stepText(Step step)
{
    switch (step) {
    case Step::Idle: return {};
    case Step::OpeningModule: return tr("Loading the card reader software…");
    case Step::ReadingCard: return tr("Reading the card…");
    case Step::CheckingPin: return tr("Checking the PIN on the card…");
    case Step::PreparingTlsKey: return tr("Preparing the card's key for the secure connection…");
    case Step::DerivingCacheKeys: return tr("The card is signing to unlock the local cache…");
    case Step::LoggingOut: return tr("Logging the card out…");
    }
    return {};
}

void CardSession::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    Q_EMIT stepChanged(step);
}

void CardSession::finishJob()
{
    if (--m_pending == 0) {
        setStep(Step::Idle);
        Q_EMIT busyChanged(false);
    }
}

void CardSession::post(Step step, std::function<std::function<void()>(HpkiCard &card)> job)
{
    if (m_pending++ == 0)
        Q_EMIT busyChanged(true);
    setStep(step);
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker = m_worker, job = std::move(job)] {
            // This object waits for the card thread in its destructor, so it outlives every job.
            std::function<void()> done = worker->card ? job(*worker->card) : std::function<void()>();
            QMetaObject::invokeMethod(
                this,
                [this, done = std::move(done)] {
                    if (done)
                        done();
                    finishJob();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void CardSession::openModule(const QString &modulePath)
{
    post(Step::OpeningModule, [this, modulePath](HpkiCard &card) -> std::function<void()> {
        const HpkiCardError error = card.open(modulePath);
        return [this, error] {
            m_moduleOpen = error.ok();
            Q_EMIT moduleOpened(error);
        };
    });
}

void CardSession::readTokens()
{
    post(Step::ReadingCard, [this](HpkiCard &card) -> std::function<void()> {
        HpkiCardError error;
        QList<CardToken> tokens;
        for (const Net::HpkiToken &t : card.tokens(&error)) {
            CardToken token;
            token.token = t;
            token.authentication = HpkiCard::authenticationCertificate(card.certificates(t.slotId, &token.error));
            tokens.append(token);
        }
        return [this, tokens, error] { Q_EMIT tokensRead(tokens, error); };
    });
}

void CardSession::signIn(const HpkiCardCertificate &certificate, QByteArray &pin)
{
    const std::shared_ptr<QByteArray> secret = pinBuffer(pin);
    const bool starting = !m_certificate.has_value();
    // Unlocking: only the card that started the session; another person's card is not even logged in.
    if (!starting && certificate.certificate.der() != m_certificate->certificate.der()) {
        post(Step::CheckingPin, [this](HpkiCard &) -> std::function<void()> {
            return [this] {
                SignInFailure failure;
                failure.otherHolder = true;
                Q_EMIT signInFailed(failure);
            };
        });
        return;
    }
    post(Step::CheckingPin, [this, certificate, secret, starting](HpkiCard &card) -> std::function<void()> {
        const auto report = [this](Step step) { QMetaObject::invokeMethod(this, [this, step] { setStep(step); }, Qt::QueuedConnection); };
        HpkiCardError error = card.login(certificate.slotId, *secret); // wipes the PIN
        Net::HpkiTlsIdentity identity;
        if (error.ok()) {
            report(Step::PreparingTlsKey);
            error = card.tlsIdentity(certificate, &identity);
        }
        if (!error.ok()) {
            card.logout();
            return [this, error] {
                SignInFailure failure;
                failure.card = error;
                Q_EMIT signInFailed(failure);
            };
        }
        CacheKeys keys;
        QString note;
        if (starting) {
            // The card signs a fixed challenge; the keys exist only in memory and only with card and
            // PIN, so a copied disk reads nothing, and the same card reads its cache again after a restart.
            report(Step::DerivingCacheKeys);
            HpkiCardError keyError = card.deriveCacheKey(certificate, QByteArray(CacheKeys::RecordCacheContext), &keys.record);
            if (keyError.ok())
                keyError = card.deriveCacheKey(certificate, QByteArray(CacheKeys::ImageCacheContext), &keys.image);
            keys.fromCard = keyError.ok() && keys.isValid();
            if (keyError.code == HpkiCardError::Code::TokenRemoved) {
                // Pulled out while it signed the challenge: no session starts without its card.
                keys.wipe();
                card.logout();
                return [this, keyError] {
                    SignInFailure failure;
                    failure.card = keyError;
                    Q_EMIT signInFailed(failure);
                };
            }
            if (!keys.fromCard) {
                // Working with a per-session key is still working: the cache is simply not kept across restarts.
                keys.wipe();
                keys = CacheKeys::forThisSessionOnly();
                note = keyError.message();
                qCInfo(lcCardSession) << "card cannot derive a cache key (" << keyError.detail << "): the caches use a key for this session only";
            }
        }
        return [this, certificate, identity, keys, note, starting]() mutable {
            m_identity = identity;
            m_signedIn = true;
            if (starting) {
                m_certificate = certificate;
                m_keys = std::move(keys);
                m_cacheKeyNote = note;
            }
            keys.wipe();
            qCInfo(lcCardSession) << (starting ? "card session started" : "card session unlocked");
            Q_EMIT signedIn(!starting);
        };
    });
}

QSslConfiguration CardSession::tlsConfiguration(const Net::ConnectionProfile &profile, QString *error) const
{
    QList<QSslCertificate> serverAnchors;
    for (const QString &file : profile.trustAnchorFiles)
        serverAnchors += QSslCertificate::fromPath(file, QSsl::Pem);
    if (serverAnchors.isEmpty()) {
        *error = tr("The connection \"%1\" names no trust anchor for the sharing service; the card is presented "
                    "only to a service verified against the connection's own CAs.").arg(profile.name);
        return {};
    }
    QSslConfiguration ssl = m_identity.configuration(serverAnchors);
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    return ssl;
}

void CardSession::setPresencePollInterval(int milliseconds)
{
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, milliseconds] {
            if (worker->card)
                worker->card->setPresencePollInterval(milliseconds);
        },
        Qt::QueuedConnection);
}

void CardSession::lock()
{
    m_signedIn = false;
    m_identity = Net::HpkiTlsIdentity(); // the key handle is useless once logged out; the PIN is needed again
    post(Step::LoggingOut, [](HpkiCard &card) -> std::function<void()> {
        if (card.isLoggedIn())
            card.logout();
        return {};
    });
}

void CardSession::signOut()
{
    m_signedIn = false;
    m_identity = Net::HpkiTlsIdentity();
    m_certificate.reset();
    m_keys.wipe();
    m_cacheKeyNote.clear();
    post(Step::LoggingOut, [this](HpkiCard &card) -> std::function<void()> {
        if (card.isLoggedIn())
            card.logout();
        return [this] { Q_EMIT signedOut(); };
    });
}

QByteArray CardSession::deriveCacheKeyNow(const QByteArray &context)
{
    if (!m_certificate || !m_signedIn)
        return {};
    QByteArray key;
    const HpkiCardCertificate certificate = *m_certificate;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, certificate, context, &key] {
            if (worker->card && !worker->card->deriveCacheKey(certificate, context, &key).ok())
                key.clear();
        },
        Qt::BlockingQueuedConnection);
    return key;
}

} // namespace Kakehashi::Session
