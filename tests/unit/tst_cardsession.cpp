// The card session controller (session/cardsession.*) over SoftHSM2 tokens from
// tests/fixtures/hpki/make-token.sh: every card call on the session's own thread, results by signal;
// sign-in, the cache keys (the one maker), lock and unlock with the same card only, sign-out, removal;
// the role policy decided in one place. Skips without softhsm2, opensc or the pkcs11 engine.
#include "../testsupport.h"
#include "../eventloopwatchdog.h"

#include "session/cardsession.h"
#include "net/hpki/hpkitrust.h"
#include "session/sessionpolicy.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>

using namespace Kakehashi;
using Session::CardSession;

class TestCardSession : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<CardSession> m_session;
    QList<Session::CardToken> m_tokens;

    std::optional<Net::HpkiCardCertificate> certificateOf(const QString &label) const
    {
        for (const Session::CardToken &t : m_tokens)
            if (t.token.label == label)
                return t.authentication;
        return std::nullopt;
    }

    // Signs in and waits; returns the failure when it failed.
    std::optional<Session::SignInFailure> signIn(const QString &label, const QByteArray &pinText, bool *unlocked = nullptr)
    {
        const std::optional<Net::HpkiCardCertificate> certificate = certificateOf(label);
        if (!certificate) {
            Session::SignInFailure none;
            none.card.code = Net::HpkiCardError::Code::NoSuchToken;
            return none;
        }
        QSignalSpy ok(m_session.get(), &CardSession::signedIn);
        QSignalSpy failed(m_session.get(), &CardSession::signInFailed);
        QByteArray pin = pinText;
        pin.detach();
        m_session->signIn(*certificate, pin);
        if (!pin.isEmpty())
            qWarning("the caller's PIN bytes were not taken");
        QElapsedTimer waited;
        waited.start();
        while (ok.isEmpty() && failed.isEmpty() && waited.elapsed() < 30000)
            QTest::qWait(10);
        if (ok.isEmpty() && failed.isEmpty()) {
            Session::SignInFailure timeout;
            timeout.card.code = Net::HpkiCardError::Code::DeviceError;
            return timeout;
        }
        if (!failed.isEmpty())
            return failed.first().first().value<Session::SignInFailure>();
        if (unlocked)
            *unlocked = ok.first().first().toBool();
        return std::nullopt;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("softhsm2-util")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("pkcs11-tool")).isEmpty()
            || !QFile::exists(QStringLiteral("/usr/lib/softhsm/libsofthsm2.so"))
            || !QFile::exists(QStringLiteral("/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so")))
            QSKIP("softhsm2, opensc or libengine-pkcs11-openssl not installed");
        QVERIFY(m_dir.isValid());
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QStringLiteral(KAKEHASHI_SOURCE_DIR "/tests/fixtures/hpki/make-token.sh"), {m_dir.path(), QStringLiteral("1")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        qputenv("SOFTHSM2_CONF", QFile::encodeName(m_dir.filePath(QStringLiteral("softhsm2.conf"))));
        m_session = std::make_unique<CardSession>();
    }

    void cleanupTestCase() { m_session.reset(); }

    // Nothing the session does runs on the caller's thread: the calls return at once, busy.
    void moduleAndTokensOnTheCardThread()
    {
        QSignalSpy opened(m_session.get(), &CardSession::moduleOpened);
        QSignalSpy busy(m_session.get(), &CardSession::busyChanged);
        QElapsedTimer t;
        t.start();
        m_session->openModule(QStringLiteral("/usr/lib/softhsm/libsofthsm2.so"));
        m_session->readTokens();
        QVERIFY(t.elapsed() < 20);
        QVERIFY(m_session->isBusy());
        QSignalSpy read(m_session.get(), &CardSession::tokensRead);
        QVERIFY(read.wait(20000));
        QCOMPARE(opened.size(), 1);
        QVERIFY(opened.first().first().value<Net::HpkiCardError>().ok());
        QVERIFY(m_session->isModuleOpen());
        QVERIFY(read.first().at(1).value<Net::HpkiCardError>().ok());
        m_tokens = read.first().first().value<QList<Session::CardToken>>();
        QVERIFY(certificateOf(QStringLiteral("hpki-doctor")));
        QVERIFY(certificateOf(QStringLiteral("hpki-pharmacist")));
        // The signing-only card offers no authentication certificate: it cannot be chosen.
        QVERIFY(!certificateOf(QStringLiteral("hpki-signonly")));
        QTRY_VERIFY(!m_session->isBusy());
        QCOMPARE(busy.first().first().toBool(), true);
        QCOMPARE(busy.last().first().toBool(), false);
        QCOMPARE(m_session->step(), CardSession::Step::Idle);
    }

    void wrongPinSaysWhatTheCardSays()
    {
        const std::optional<Session::SignInFailure> failure = signIn(QStringLiteral("hpki-doctor"), "999999");
        QVERIFY(failure);
        QCOMPARE(failure->card.code, Net::HpkiCardError::Code::PinIncorrect);
        QVERIFY(!failure->otherHolder);
        // The token reports no tries count: the message says so rather than invent one.
        QVERIFY(!failure->remainingTries().isEmpty());
        QVERIFY(failure->message().contains(failure->remainingTries()));
        QVERIFY(!m_session->isSignedIn());
        QVERIFY(!m_session->hasSession());
        QVERIFY(m_session->tlsIdentity().key.isNull());
        QVERIFY(!m_session->cacheKeys().isValid());
    }

    void remainingTriesFromTokenFlags_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("expected");
        QTest::newRow("few") << int(Net::HpkiPinState::CountLow) << QStringLiteral("Few PIN attempts remain before the card locks.");
        QTest::newRow("last") << int(Net::HpkiPinState::FinalTry) << QStringLiteral("One PIN attempt remains: a wrong PIN will lock the card.");
        QTest::newRow("locked") << int(Net::HpkiPinState::Locked) << QStringLiteral("No PIN attempts remain: the card is locked.");
        QTest::newRow("unknown") << int(Net::HpkiPinState::Ok) << QStringLiteral("The card does not say how many attempts remain before it locks.");
    }
    void remainingTriesFromTokenFlags()
    {
        QFETCH(int, state);
        QFETCH(QString, expected);
        Session::SignInFailure failure;
        failure.card.code = Net::HpkiCardError::Code::PinIncorrect;
        failure.card.pinState = Net::HpkiPinState(state);
        QCOMPARE(failure.remainingTries(), expected);
    }

    // Login, TLS key and the two on-card signatures of the cache keys, reported step by step.
    void signInMakesIdentityAndCardKeys()
    {
        QSignalSpy steps(m_session.get(), &CardSession::stepChanged);
        bool unlocked = true;
        const std::optional<Session::SignInFailure> failure = signIn(QStringLiteral("hpki-doctor"), "123456", &unlocked);
        QVERIFY2(!failure, failure ? qPrintable(failure->message()) : "");
        QVERIFY(!unlocked);
        QList<CardSession::Step> seen;
        for (const QList<QVariant> &s : steps)
            seen << s.first().value<CardSession::Step>();
        QVERIFY(seen.contains(CardSession::Step::CheckingPin));
        QVERIFY(seen.contains(CardSession::Step::PreparingTlsKey));
        QVERIFY(seen.contains(CardSession::Step::DerivingCacheKeys));
        QVERIFY(m_session->isSignedIn());
        QVERIFY(m_session->hasSession());
        QCOMPARE(m_session->certificate().role(), Net::HpkiRole::Doctor);
        QVERIFY(!m_session->tlsIdentity().key.isNull());
        QCOMPARE(m_session->tlsIdentity().certificate.toDer(), m_session->certificate().der());
        const Session::CacheKeys &keys = m_session->cacheKeys();
        QVERIFY(keys.isValid());
        QVERIFY(keys.fromCard);
        QVERIFY(keys.record != keys.image); // one context each
        QVERIFY(m_session->cacheKeyNote().isEmpty());
        // The card gives the same key again: a restart reads the same cache.
        QCOMPARE(m_session->deriveCacheKeyNow(QByteArray(Session::CacheKeys::RecordCacheContext)), keys.record);
    }

    // Lock drops the TLS identity and logs out but keeps the keys; only the same card unlocks.
    void lockAndUnlockWithTheSameCardOnly()
    {
        const QByteArray recordKey = m_session->cacheKeys().record;
        m_session->lock();
        QVERIFY(!m_session->isSignedIn());
        QVERIFY(m_session->isLocked());
        QVERIFY(m_session->tlsIdentity().key.isNull());
        QCOMPARE(m_session->cacheKeys().record, recordKey);
        QTRY_VERIFY(!m_session->isBusy());

        std::optional<Session::SignInFailure> failure = signIn(QStringLiteral("hpki-pharmacist"), "123456");
        QVERIFY(failure);
        QVERIFY(failure->otherHolder);
        QVERIFY(failure->message().contains(u"someone else"));
        QVERIFY(m_session->isLocked());
        QCOMPARE(m_session->certificate().role(), Net::HpkiRole::Doctor);

        bool unlocked = false;
        QSignalSpy steps(m_session.get(), &CardSession::stepChanged);
        failure = signIn(QStringLiteral("hpki-doctor"), "123456", &unlocked);
        QVERIFY(!failure);
        QVERIFY(unlocked);
        QVERIFY(m_session->isSignedIn());
        QVERIFY(!m_session->tlsIdentity().key.isNull());
        QCOMPARE(m_session->cacheKeys().record, recordKey);
        for (const QList<QVariant> &s : steps) // not derived again on unlock
            QVERIFY(s.first().value<CardSession::Step>() != CardSession::Step::DerivingCacheKeys);
    }

    void signOutWipesTheKeys()
    {
        QSignalSpy out(m_session.get(), &CardSession::signedOut);
        m_session->signOut();
        QVERIFY(!m_session->hasSession());
        QVERIFY(!m_session->isSignedIn());
        QVERIFY(m_session->cacheKeys().record.isEmpty());
        QVERIFY(m_session->cacheKeys().image.isEmpty());
        QVERIFY(out.wait(20000));
        // A new session of another holder starts cleanly.
        QVERIFY(!signIn(QStringLiteral("hpki-pharmacist"), "123456"));
        QCOMPARE(m_session->certificate().role(), Net::HpkiRole::Pharmacist);
        QVERIFY(m_session->cacheKeys().fromCard);
    }

    // The role policy is decided in one place, with the connection's setting.
    void rolePolicyDecidedOnce()
    {
        Net::ConnectionProfile profile;
        const RolePolicy pharmacist = Session::rolePolicyFor(m_session->certificate(), profile);
        QVERIFY(pharmacist.isPharmacyView());
        QVERIFY(!pharmacist.pharmacySeesAllergies());
        profile.pharmacistSeesAllergies = true;
        QVERIFY(Session::rolePolicyFor(m_session->certificate(), profile).pharmacySeesAllergies());
        QVERIFY(!Session::rolePolicyFor(std::nullopt, profile).isPharmacyView());
        QVERIFY(Session::rolePolicyFor(std::nullopt, profile, RolePolicy::Scope::Pharmacy).isPharmacyView());
    }

    // The watchdog of tst_sessionwindow::guiThreadNeverBlocks can fail: an event that blocks (here a
    // sleep, as a card call on the GUI thread would wait for the card) is caught and named.
    void watchdogCatchesABlockingEvent()
    {
        EventLoopWatchdog dog(50);
        dog.phase(QStringLiteral("blocking"));
        QObject target;
        target.setObjectName(QStringLiteral("blocker"));
        QSignalSpy done(&target, &QObject::objectNameChanged);
        QMetaObject::invokeMethod(
            &target,
            [&target] {
                QThread::msleep(120);
                target.setObjectName(QStringLiteral("done"));
            },
            Qt::QueuedConnection);
        QVERIFY(done.wait(5000));
        dog.settle();
        QVERIFY2(dog.slowEvents().size() == 1, qPrintable(dog.slowEvents().join(u"\n") + QStringLiteral(" / pre-empted: ") + dog.preemptedEvents().join(u"\n")));
        QVERIFY2(dog.slowEvents().first().contains(u"blocker"), qPrintable(dog.slowEvents().first()));
        QVERIFY(dog.longestMs() >= 120);
    }

    // Last: deletes the pharmacist's token. The poll runs on the card thread and reports by signal.
    void cardRemovalIsReported()
    {
        QVERIFY(m_session->isSignedIn());
        QSignalSpy removed(m_session.get(), &CardSession::cardRemoved);
        QProcess p;
        p.start(QStringLiteral("softhsm2-util"), {QStringLiteral("--delete-token"), QStringLiteral("--token"), QStringLiteral("hpki-pharmacist")});
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(removed.wait(10000));
        QVERIFY(!m_session->isSignedIn());
        QVERIFY(m_session->tlsIdentity().key.isNull());
    }
};

KAKEHASHI_TEST_MAIN(TestCardSession)
#include "tst_cardsession.moc"
