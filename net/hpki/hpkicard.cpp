#include "hpkicard.h"
#include "hpki_p.h"

#include <QFile>
#include <QTimer>
#include <QUrl>

#include <dlfcn.h>

#include <openssl/crypto.h>
#include <openssl/engine.h>
#include <openssl/err.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <p11-kit/pkcs11.h>

namespace Kakehashi::Net {

using namespace HpkiPrivate;

HpkiPinState pinStateFromTokenFlags(quint64 flags)
{
    if (flags & CKF_USER_PIN_LOCKED)
        return HpkiPinState::Locked;
    if (flags & CKF_USER_PIN_FINAL_TRY)
        return HpkiPinState::FinalTry;
    if (flags & CKF_USER_PIN_COUNT_LOW)
        return HpkiPinState::CountLow;
    return HpkiPinState::Ok;
}

namespace {

QString padded(const unsigned char *text, size_t size)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(text), qsizetype(size)).trimmed();
}

QString rvText(CK_RV rv)
{
    return QStringLiteral("CKR 0x%1").arg(qulonglong(rv), 8, 16, QLatin1Char('0'));
}

bool isRemoval(CK_RV rv)
{
    return rv == CKR_TOKEN_NOT_PRESENT || rv == CKR_DEVICE_REMOVED || rv == CKR_SESSION_HANDLE_INVALID
        || rv == CKR_SESSION_CLOSED || rv == CKR_SLOT_ID_INVALID || rv == CKR_TOKEN_NOT_RECOGNIZED;
}

HpkiCardError makeError(HpkiCardError::Code code, const QString &detail = {})
{
    HpkiCardError e;
    e.code = code;
    e.detail = detail;
    return e;
}

} // namespace

struct HpkiCard::Private
{
    void *library = nullptr;
    CK_FUNCTION_LIST_PTR p11 = nullptr;
    bool finalizeOnClose = false;
    QString modulePath;
    CK_SESSION_HANDLE session = CK_INVALID_HANDLE;
    std::optional<CK_SLOT_ID> slot;
    bool removalReported = false;
    QTimer poll;
    ENGINE *engine = nullptr;

    QByteArray attribute(CK_SESSION_HANDLE s, CK_OBJECT_HANDLE o, CK_ATTRIBUTE_TYPE type) const
    {
        CK_ATTRIBUTE a{type, nullptr, 0};
        if (p11->C_GetAttributeValue(s, o, &a, 1) != CKR_OK || a.ulValueLen == CK_UNAVAILABLE_INFORMATION)
            return {};
        QByteArray value(qsizetype(a.ulValueLen), Qt::Uninitialized);
        a.pValue = value.data();
        if (p11->C_GetAttributeValue(s, o, &a, 1) != CKR_OK)
            return {};
        return value;
    }

    // The engine's handle to the on-card private key of |certificate| (on the logged-in token).
    HpkiCardError loadKey(const HpkiCardCertificate &certificate, EVP_PKEY **key)
    {
        CK_TOKEN_INFO info{};
        if (p11->C_GetTokenInfo(*slot, &info) != CKR_OK)
            return makeError(HpkiCardError::Code::TokenRemoved);

        if (!engine) {
            ENGINE *e = ENGINE_by_id("pkcs11");
            if (!e)
                return makeError(HpkiCardError::Code::EngineUnavailable, openSslErrors());
            if (!ENGINE_ctrl_cmd_string(e, "MODULE_PATH", QFile::encodeName(modulePath).constData(), 0)
                || !ENGINE_init(e)) {
                const QString why = openSslErrors();
                ENGINE_free(e);
                return makeError(HpkiCardError::Code::EngineUnavailable, why);
            }
            engine = e;
        }

        // RFC 7512 URI. The engine shares the module instance, so it finds the token already logged in
        // (PKCS#11 login state is per application) and never needs the PIN.
        QByteArray uri = "pkcs11:token=" + QUrl::toPercentEncoding(padded(info.label, sizeof info.label))
            + ";serial=" + QUrl::toPercentEncoding(padded(info.serialNumber, sizeof info.serialNumber)) + ";id=";
        for (char c : certificate.id)
            uri += '%' + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
        uri += ";type=private";
        *key = ENGINE_load_private_key(engine, uri.constData(), nullptr, nullptr);
        if (!*key)
            return makeError(HpkiCardError::Code::KeyUnavailable, openSslErrors());
        ERR_clear_error();
        return {};
    }

    void closeSession()
    {
        if (session != CK_INVALID_HANDLE && p11) {
            p11->C_Logout(session);
            p11->C_CloseSession(session);
        }
        session = CK_INVALID_HANDLE;
        slot.reset();
        poll.stop();
    }
};

QString HpkiCard::defaultModulePath()
{
#if defined(Q_OS_WIN)
    return QStringLiteral("HpkiAuthP11_MPKCS11H.dll");
#else
    return QStringLiteral("/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so");
#endif
}

HpkiCard::HpkiCard(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->poll.setInterval(1000);
    connect(&d->poll, &QTimer::timeout, this, &HpkiCard::checkPresence);
}

HpkiCard::~HpkiCard()
{
    d->closeSession();
    // The engine shares the module instance; keys handed to Qt keep their own engine reference.
    if (d->engine) {
        ENGINE_finish(d->engine);
        ENGINE_free(d->engine);
    }
    if (d->p11 && d->finalizeOnClose && !d->engine)
        d->p11->C_Finalize(nullptr);
    // The library stays mapped: an engine key still in a QSslKey may call into it.
}

HpkiCardError HpkiCard::open(const QString &modulePath)
{
    if (d->p11)
        return {};
    d->library = dlopen(QFile::encodeName(modulePath).constData(), RTLD_NOW | RTLD_LOCAL);
    if (!d->library)
        return makeError(HpkiCardError::Code::ModuleNotLoaded, QString::fromLocal8Bit(dlerror()));
    auto getList = reinterpret_cast<CK_C_GetFunctionList>(dlsym(d->library, "C_GetFunctionList"));
    CK_FUNCTION_LIST_PTR list = nullptr;
    if (!getList || getList(&list) != CKR_OK || !list)
        return makeError(HpkiCardError::Code::ModuleNotLoaded, QStringLiteral("no C_GetFunctionList"));
    CK_C_INITIALIZE_ARGS args{};
    args.flags = CKF_OS_LOCKING_OK;
    const CK_RV rv = list->C_Initialize(&args);
    if (rv != CKR_OK && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED)
        return makeError(HpkiCardError::Code::ModuleNotLoaded, QStringLiteral("C_Initialize ") + rvText(rv));
    d->p11 = list;
    d->finalizeOnClose = rv == CKR_OK;
    d->modulePath = modulePath;
    qCInfo(lcHpki) << "PKCS#11 module loaded:" << modulePath;
    return {};
}

bool HpkiCard::isOpen() const
{
    return d->p11;
}

QString HpkiCard::modulePath() const
{
    return d->modulePath;
}

QList<HpkiToken> HpkiCard::tokens(HpkiCardError *error) const
{
    QList<HpkiToken> out;
    if (!d->p11) {
        if (error)
            *error = makeError(HpkiCardError::Code::ModuleNotLoaded);
        return out;
    }
    CK_ULONG count = 0;
    CK_RV rv = d->p11->C_GetSlotList(CK_TRUE, nullptr, &count);
    std::vector<CK_SLOT_ID> slotIds(count);
    if (rv == CKR_OK && count)
        rv = d->p11->C_GetSlotList(CK_TRUE, slotIds.data(), &count);
    if (rv != CKR_OK) {
        if (error)
            *error = makeError(HpkiCardError::Code::DeviceError, QStringLiteral("C_GetSlotList ") + rvText(rv));
        return out;
    }
    slotIds.resize(count);
    for (CK_SLOT_ID slot : slotIds) {
        CK_TOKEN_INFO info{};
        if (d->p11->C_GetTokenInfo(slot, &info) != CKR_OK || !(info.flags & CKF_TOKEN_INITIALIZED))
            continue;
        CK_SLOT_INFO slotInfo{};
        HpkiToken t;
        if (d->p11->C_GetSlotInfo(slot, &slotInfo) == CKR_OK)
            t.slotDescription = padded(slotInfo.slotDescription, sizeof slotInfo.slotDescription);
        t.slotId = slot;
        t.label = padded(info.label, sizeof info.label);
        t.manufacturer = padded(info.manufacturerID, sizeof info.manufacturerID);
        t.model = padded(info.model, sizeof info.model);
        t.serialNumber = padded(info.serialNumber, sizeof info.serialNumber);
        t.pinState = pinStateFromTokenFlags(info.flags);
        t.loginRequired = info.flags & CKF_LOGIN_REQUIRED;
        out << t;
    }
    if (error)
        *error = {};
    return out;
}

QList<HpkiCardCertificate> HpkiCard::certificates(quint64 slotId, HpkiCardError *error) const
{
    QList<HpkiCardCertificate> out;
    if (error)
        *error = {};
    if (!d->p11) {
        if (error)
            *error = makeError(HpkiCardError::Code::ModuleNotLoaded);
        return out;
    }
    CK_SESSION_HANDLE s = CK_INVALID_HANDLE;
    CK_RV rv = d->p11->C_OpenSession(slotId, CKF_SERIAL_SESSION, nullptr, nullptr, &s);
    if (rv != CKR_OK) {
        if (error)
            *error = makeError(isRemoval(rv) ? HpkiCardError::Code::NoSuchToken : HpkiCardError::Code::DeviceError,
                               QStringLiteral("C_OpenSession ") + rvText(rv));
        return out;
    }
    CK_OBJECT_CLASS cls = CKO_CERTIFICATE;
    CK_ATTRIBUTE tmpl{CKA_CLASS, &cls, sizeof cls};
    if (d->p11->C_FindObjectsInit(s, &tmpl, 1) == CKR_OK) {
        CK_OBJECT_HANDLE objects[32];
        CK_ULONG found = 0;
        std::vector<CK_OBJECT_HANDLE> all;
        while (d->p11->C_FindObjects(s, objects, 32, &found) == CKR_OK && found > 0)
            all.insert(all.end(), objects, objects + found);
        d->p11->C_FindObjectsFinal(s);
        for (CK_OBJECT_HANDLE o : all) {
            HpkiCardCertificate c;
            c.slotId = slotId;
            c.id = d->attribute(s, o, CKA_ID);
            c.label = QString::fromUtf8(d->attribute(s, o, CKA_LABEL));
            c.certificate = HpkiCertificate::fromData(d->attribute(s, o, CKA_VALUE));
            if (!c.certificate.isNull())
                out << c;
        }
    }
    d->p11->C_CloseSession(s);
    return out;
}

std::optional<HpkiCardCertificate> HpkiCard::authenticationCertificate(const QList<HpkiCardCertificate> &certificates)
{
    // Prefer an explicit digitalSignature key usage over a certificate without key usage.
    std::optional<HpkiCardCertificate> fallback;
    for (const HpkiCardCertificate &c : certificates) {
        if (c.certificate.isSigningOnly() || !c.certificate.canAuthenticate())
            continue;
        if (c.certificate.hasDigitalSignature())
            return c;
        if (!fallback)
            fallback = c;
    }
    return fallback;
}

HpkiCardError HpkiCard::login(quint64 slotId, QByteArray &pin)
{
    struct Wipe
    {
        QByteArray &pin;
        ~Wipe()
        {
            if (!pin.isEmpty())
                OPENSSL_cleanse(pin.data(), size_t(pin.size()));
            pin.clear();
        }
    } wipe{pin};

    if (!d->p11)
        return makeError(HpkiCardError::Code::ModuleNotLoaded);
    if (pin.isEmpty())
        return makeError(HpkiCardError::Code::PinInvalid);
    d->closeSession();

    CK_SESSION_HANDLE s = CK_INVALID_HANDLE;
    CK_RV rv = d->p11->C_OpenSession(slotId, CKF_SERIAL_SESSION, nullptr, nullptr, &s);
    if (rv != CKR_OK)
        return makeError(isRemoval(rv) ? HpkiCardError::Code::NoSuchToken : HpkiCardError::Code::DeviceError,
                         QStringLiteral("C_OpenSession ") + rvText(rv));
    rv = d->p11->C_Login(s, CKU_USER, reinterpret_cast<CK_UTF8CHAR_PTR>(pin.data()), CK_ULONG(pin.size()));
    if (rv == CKR_OK || rv == CKR_USER_ALREADY_LOGGED_IN) {
        d->session = s;
        d->slot = slotId;
        d->removalReported = false;
        if (d->poll.interval() > 0)
            d->poll.start();
        qCInfo(lcHpki) << "logged in to slot" << slotId;
        return {};
    }
    d->p11->C_CloseSession(s);

    HpkiCardError e;
    e.detail = QStringLiteral("C_Login ") + rvText(rv);
    CK_TOKEN_INFO info{};
    if (d->p11->C_GetTokenInfo(slotId, &info) == CKR_OK)
        e.pinState = pinStateFromTokenFlags(info.flags);
    switch (rv) {
    case CKR_PIN_INCORRECT:
        e.code = e.pinState == HpkiPinState::Locked ? HpkiCardError::Code::PinLocked : HpkiCardError::Code::PinIncorrect;
        break;
    case CKR_PIN_LOCKED:
        e.code = HpkiCardError::Code::PinLocked;
        e.pinState = HpkiPinState::Locked;
        break;
    case CKR_PIN_LEN_RANGE:
    case CKR_PIN_INVALID:
        e.code = HpkiCardError::Code::PinInvalid;
        break;
    default:
        e.code = isRemoval(rv) ? HpkiCardError::Code::TokenRemoved : HpkiCardError::Code::DeviceError;
    }
    qCInfo(lcHpki) << "login to slot" << slotId << "failed:" << e.detail;
    return e;
}

bool HpkiCard::isLoggedIn() const
{
    return d->session != CK_INVALID_HANDLE;
}

std::optional<quint64> HpkiCard::loggedInSlot() const
{
    if (!d->slot)
        return std::nullopt;
    return quint64(*d->slot);
}

void HpkiCard::logout()
{
    d->closeSession();
}

bool HpkiCard::checkPresence()
{
    if (!d->p11 || d->session == CK_INVALID_HANDLE)
        return !d->removalReported;
    bool present = true;
    CK_SLOT_INFO slotInfo{};
    CK_RV rv = d->p11->C_GetSlotInfo(*d->slot, &slotInfo);
    if (rv != CKR_OK || !(slotInfo.flags & CKF_TOKEN_PRESENT))
        present = false;
    CK_SESSION_INFO sessionInfo{};
    if (present) {
        rv = d->p11->C_GetSessionInfo(d->session, &sessionInfo);
        present = rv == CKR_OK && (sessionInfo.state == CKS_RO_USER_FUNCTIONS || sessionInfo.state == CKS_RW_USER_FUNCTIONS);
    }
    CK_TOKEN_INFO tokenInfo{};
    if (present) {
        rv = d->p11->C_GetTokenInfo(*d->slot, &tokenInfo);
        present = rv == CKR_OK && (tokenInfo.flags & CKF_TOKEN_INITIALIZED);
    }
    if (present)
        return true;
    qCInfo(lcHpki) << "token in slot" << *d->slot << "is gone:" << rvText(rv);
    d->session = CK_INVALID_HANDLE; // the module has dropped it already
    d->slot.reset();
    d->poll.stop();
    if (!d->removalReported) {
        d->removalReported = true;
        emit tokenRemoved();
    }
    return false;
}

void HpkiCard::setPresencePollInterval(int milliseconds)
{
    if (milliseconds <= 0) {
        d->poll.stop();
        d->poll.setInterval(0);
        return;
    }
    d->poll.setInterval(milliseconds);
    if (isLoggedIn())
        d->poll.start();
}

HpkiCardError HpkiCard::checkUsable(const HpkiCardCertificate &certificate)
{
    if (!isLoggedIn())
        return makeError(d->removalReported ? HpkiCardError::Code::TokenRemoved : HpkiCardError::Code::NotLoggedIn);
    if (!checkPresence())
        return makeError(HpkiCardError::Code::TokenRemoved);
    if (certificate.slotId != *d->slot)
        return makeError(HpkiCardError::Code::NoSuchToken, QStringLiteral("certificate is on another token"));
    if (certificate.certificate.isSigningOnly() || !certificate.certificate.canAuthenticate())
        return makeError(HpkiCardError::Code::NoAuthenticationCertificate);
    return {};
}

HpkiCardError HpkiCard::tlsIdentity(const HpkiCardCertificate &certificate, HpkiTlsIdentity *identity)
{
    if (const HpkiCardError e = checkUsable(certificate); !e.ok())
        return e;
    EVP_PKEY *key = nullptr;
    if (const HpkiCardError e = d->loadKey(certificate, &key); !e.ok())
        return e;

    ERR_clear_error();

    identity->key = QSslKey(Qt::HANDLE(key), QSsl::PrivateKey); // Qt owns the EVP_PKEY from here
    identity->certificate = QSslCertificate(certificate.certificate.der(), QSsl::Der);
    if (identity->key.isNull())
        return makeError(HpkiCardError::Code::KeyUnavailable, QStringLiteral("QSslKey rejected the engine key"));
    return {};
}

namespace {

struct PkeyFree { void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); } };
struct PkeyCtxFree { void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); } };
struct KdfFree { void operator()(EVP_KDF *k) const { EVP_KDF_free(k); } };
struct KdfCtxFree { void operator()(EVP_KDF_CTX *c) const { EVP_KDF_CTX_free(c); } };

void cleanse(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

// Each part length-prefixed, so no two (serial, issuer) pairs give the same input.
void appendPart(QByteArray &out, const QByteArray &part)
{
    const quint32 n = quint32(part.size());
    out += char(n >> 24);
    out += char(n >> 16);
    out += char(n >> 8);
    out += char(n);
    out += part;
}

QByteArray sha256(const QByteArray &data)
{
    QByteArray digest(32, Qt::Uninitialized);
    unsigned int size = 0;
    if (!EVP_Digest(data.constData(), size_t(data.size()), reinterpret_cast<unsigned char *>(digest.data()), &size, EVP_sha256(), nullptr)
        || size != 32)
        return {};
    return digest;
}

} // namespace

HpkiCardError HpkiCard::deriveCacheKey(const HpkiCardCertificate &certificate, const QByteArray &context, QByteArray *key)
{
    key->clear();
    if (const HpkiCardError e = checkUsable(certificate); !e.ok())
        return e;
    const X509Ptr x509 = parseCertificate(certificate.certificate.der());
    if (!x509)
        return makeError(HpkiCardError::Code::NoAuthenticationCertificate, QStringLiteral("certificate does not parse"));
    const std::unique_ptr<EVP_PKEY, PkeyFree> publicKey(X509_get_pubkey(x509.get()));
    if (!publicKey || EVP_PKEY_get_base_id(publicKey.get()) != EVP_PKEY_RSA)
        return makeError(HpkiCardError::Code::KeyNotDeterministic, QStringLiteral("authentication key is not RSA"));

    // The per-holder challenge: fixed text, the serial and issuer of the certificate.
    QByteArray challenge = QByteArrayLiteral("Kakehashi cache key v1");
    {
        unsigned char *der = nullptr;
        int n = i2d_ASN1_INTEGER(X509_get_serialNumber(x509.get()), &der);
        if (n <= 0)
            return makeError(HpkiCardError::Code::NoAuthenticationCertificate, QStringLiteral("no serial number"));
        appendPart(challenge, QByteArray(reinterpret_cast<const char *>(der), n));
        OPENSSL_free(der);
        der = nullptr;
        n = i2d_X509_NAME(X509_get_issuer_name(x509.get()), &der);
        if (n <= 0)
            return makeError(HpkiCardError::Code::NoAuthenticationCertificate, QStringLiteral("no issuer"));
        appendPart(challenge, QByteArray(reinterpret_cast<const char *>(der), n));
        OPENSSL_free(der);
    }
    const QByteArray digest = sha256(challenge);

    EVP_PKEY *raw = nullptr;
    if (const HpkiCardError e = d->loadKey(certificate, &raw); !e.ok())
        return e;
    const std::unique_ptr<EVP_PKEY, PkeyFree> cardKey(raw);
    if (EVP_PKEY_get_base_id(cardKey.get()) != EVP_PKEY_RSA)
        return makeError(HpkiCardError::Code::KeyNotDeterministic, QStringLiteral("on-card key is not RSA"));

    // PKCS#1 v1.5 over the SHA-256 DigestInfo: the token signs; only the signature comes back.
    QByteArray signature;
    {
        const std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new(cardKey.get(), nullptr));
        size_t size = 0;
        if (!ctx || EVP_PKEY_sign_init(ctx.get()) <= 0 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) <= 0
            || EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256()) <= 0
            || EVP_PKEY_sign(ctx.get(), nullptr, &size, reinterpret_cast<const unsigned char *>(digest.constData()), size_t(digest.size())) <= 0)
            return makeError(HpkiCardError::Code::KeyUnavailable, openSslErrors());
        signature.resize(qsizetype(size));
        if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &size,
                          reinterpret_cast<const unsigned char *>(digest.constData()), size_t(digest.size())) <= 0) {
            cleanse(signature);
            const QString why = openSslErrors();
            return makeError(checkPresence() ? HpkiCardError::Code::KeyUnavailable : HpkiCardError::Code::TokenRemoved, why);
        }
        signature.resize(qsizetype(size));
    }
    // A valid PKCS#1 v1.5 signature is the only one for this key and digest: checking it against the
    // certificate proves the next session will get the same bytes (and that the card signed at all).
    {
        const std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> verify(EVP_PKEY_CTX_new(publicKey.get(), nullptr));
        if (!verify || EVP_PKEY_verify_init(verify.get()) <= 0 || EVP_PKEY_CTX_set_rsa_padding(verify.get(), RSA_PKCS1_PADDING) <= 0
            || EVP_PKEY_CTX_set_signature_md(verify.get(), EVP_sha256()) <= 0
            || EVP_PKEY_verify(verify.get(), reinterpret_cast<const unsigned char *>(signature.constData()), size_t(signature.size()),
                               reinterpret_cast<const unsigned char *>(digest.constData()), size_t(digest.size())) != 1) {
            cleanse(signature);
            ERR_clear_error();
            return makeError(HpkiCardError::Code::KeyNotDeterministic, QStringLiteral("card signature is not PKCS#1 v1.5 for the certificate's key"));
        }
    }

    QByteArray salt = sha256(certificate.certificate.der());
    QByteArray info = QByteArrayLiteral("kakehashi-cache-v1");
    info += char(0);
    info += context;
    QByteArray out(CacheKeyBytes, Qt::Uninitialized);
    bool derived = false;
    {
        const std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
        const std::unique_ptr<EVP_KDF_CTX, KdfCtxFree> kctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
        char digestName[] = "SHA256";
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digestName, 0),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, signature.data(), size_t(signature.size())),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt.data(), size_t(salt.size())),
            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), size_t(info.size())),
            OSSL_PARAM_construct_end(),
        };
        derived = kctx && EVP_KDF_derive(kctx.get(), reinterpret_cast<unsigned char *>(out.data()), size_t(out.size()), params) > 0;
    }
    cleanse(signature);
    if (!derived) {
        cleanse(out);
        return makeError(HpkiCardError::Code::DeviceError, QStringLiteral("HKDF: ") + openSslErrors());
    }
    *key = std::move(out); // moved, not copied: no second copy of the key to wipe
    qCInfo(lcHpki) << "cache key derived from the card";
    return {};
}

QSslConfiguration HpkiTlsIdentity::configuration(const QList<QSslCertificate> &serverCaCertificates) const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setPrivateKey(key);
    c.setLocalCertificate(certificate);
    c.setCaCertificates(serverCaCertificates); // only the profile's anchors, not the system store
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return c;
}

QString HpkiCardError::message() const
{
    QString hint;
    switch (pinState) {
    case HpkiPinState::CountLow: hint = tr("Few PIN attempts remain before the card locks."); break;
    case HpkiPinState::FinalTry: hint = tr("One PIN attempt remains: a wrong PIN will lock the card."); break;
    case HpkiPinState::Locked: hint = tr("The PIN is locked; ask the card issuer to unlock it."); break;
    case HpkiPinState::Ok: break;
    }
    QString text;
    switch (code) {
    case Code::None: return {};
    case Code::ModuleNotLoaded: text = tr("The card reader software (PKCS#11 module) could not be loaded."); break;
    case Code::NoSuchToken: text = tr("No HPKI card was found."); break;
    case Code::PinIncorrect: text = tr("The PIN is not correct."); break;
    case Code::PinLocked: text = tr("The card's PIN is locked."); break;
    case Code::PinInvalid: text = tr("The PIN has the wrong length or contains characters the card does not accept."); break;
    case Code::TokenRemoved: text = tr("The HPKI card was removed."); break;
    case Code::NotLoggedIn: text = tr("Sign in with your HPKI card first."); break;
    case Code::NoAuthenticationCertificate: text = tr("The card holds no authentication certificate."); break;
    case Code::KeyUnavailable: text = tr("The card's authentication key could not be used."); break;
    case Code::EngineUnavailable: text = tr("The OpenSSL PKCS#11 engine is not installed."); break;
    case Code::KeyNotDeterministic: text = tr("The card's key type cannot protect the record cache across sessions; cached records are kept for this session only."); break;
    case Code::DeviceError: text = tr("The card reported an error."); break;
    }
    return hint.isEmpty() || code == Code::PinLocked ? text : text + u' ' + hint;
}

} // namespace Kakehashi::Net
