#include "revocationcheck.h"
#include "hpki_p.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <climits>
#include <ctime>
#include <memory>
#include <optional>

namespace Kakehashi::Net {

using namespace HpkiPrivate;

namespace {

struct CrlFree { void operator()(X509_CRL *c) const { X509_CRL_free(c); } };
using CrlPtr = std::unique_ptr<X509_CRL, CrlFree>;

CrlPtr parseCrl(const QByteArray &data)
{
    if (data.isEmpty() || data.size() > INT_MAX)
        return {};
    const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
    CrlPtr crl(d2i_X509_CRL(nullptr, &p, long(data.size())));
    if (!crl) {
        BIO *bio = BIO_new_mem_buf(data.constData(), int(data.size()));
        crl.reset(PEM_read_bio_X509_CRL(bio, nullptr, nullptr, nullptr));
        BIO_free(bio);
    }
    ERR_clear_error();
    return crl;
}

QDateTime asn1Time(const ASN1_TIME *t)
{
    if (!t)
        return {};
    std::tm tm {};
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    const QDate date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    const QTime time(tm.tm_hour, tm.tm_min, tm.tm_sec);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

// Upper-case hex without leading zeros ("0F00" and "F00" are one serial; BN_bn2hex writes whole bytes).
QString normalizedSerial(QString hex)
{
    hex = hex.trimmed().toUpper();
    const bool negative = hex.startsWith(u'-');
    if (negative)
        hex.remove(0, 1);
    while (hex.size() > 1 && hex.startsWith(u'0'))
        hex.remove(0, 1);
    return negative && !hex.isEmpty() ? u'-' + hex : hex;
}

QString serialHex(const ASN1_INTEGER *serial)
{
    QString out;
    if (BIGNUM *bn = ASN1_INTEGER_to_BN(serial, nullptr)) {
        if (char *hex = BN_bn2hex(bn)) {
            out = normalizedSerial(QString::fromLatin1(hex));
            OPENSSL_free(hex);
        }
        BN_free(bn);
    }
    return out;
}

QByteArray nameDer(const X509_NAME *name)
{
    const unsigned char *der = nullptr;
    size_t len = 0;
    if (!name || X509_NAME_get0_der(const_cast<X509_NAME *>(name), &der, &len) != 1)
        return {};
    return QByteArray(reinterpret_cast<const char *>(der), qsizetype(len));
}

QString oneLine(const X509_NAME *name)
{
    BIO *bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    QString out = QString::fromUtf8(data, len);
    BIO_free(bio);
    return out;
}

// A trust anchor that issued |leaf|: same name and its key verifies the certificate's signature.
X509Ptr issuerOf(X509 *leaf, const HpkiTrustAnchors &anchors)
{
    for (const QByteArray &der : anchors.certificates()) {
        X509Ptr ca = parseCertificate(der);
        if (!ca || X509_NAME_cmp(X509_get_subject_name(ca.get()), X509_get_issuer_name(leaf)) != 0)
            continue;
        EVP_PKEY *key = X509_get0_pubkey(ca.get());
        const bool signs = key && X509_verify(leaf, key) == 1;
        ERR_clear_error();
        if (signs)
            return ca;
    }
    return {};
}

struct Fetched
{
    QByteArray body;
    QString error; // empty on success
};

Fetched fetch(const QUrl &url, int timeoutSeconds, qint64 maxBytes)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(timeoutSeconds * 1000);
    request.setRawHeader("Accept", "application/pkix-crl, */*");
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QTimer deadline; // transferTimeout restarts with every byte; this bounds the whole transfer
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    bool tooLarge = false;
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [&](qint64 received, qint64) {
        if (received > maxBytes) {
            tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(timeoutSeconds * 1000);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    Fetched out;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (timedOut)
        out.error = QStringLiteral("no answer within %1 s").arg(timeoutSeconds);
    else if (tooLarge)
        out.error = QStringLiteral("answer larger than %1 bytes").arg(maxBytes);
    else if (reply->error() != QNetworkReply::NoError)
        out.error = reply->errorString();
    else if (status != 200)
        out.error = QStringLiteral("HTTP %1").arg(status);
    else
        out.body = reply->readAll();
    reply->deleteLater();
    return out;
}

// What one CRL says about the certificate; Status::Good/Revoked only when it is believed and current.
struct Verdict
{
    RevocationResult::Status status = RevocationResult::Status::CrlUnavailable;
    CrlPtr crl;
    QString detail;
};

Verdict judge(const QByteArray &data, X509 *leaf, X509 *issuer, const QDateTime &now, int graceHours)
{
    Verdict v;
    v.crl = parseCrl(data);
    if (!v.crl) {
        v.status = RevocationResult::Status::CrlUnavailable;
        v.detail = QStringLiteral("not a CRL");
        return v;
    }
    X509_CRL *crl = v.crl.get();
    if (X509_NAME_cmp(X509_CRL_get_issuer(crl), X509_get_issuer_name(leaf)) != 0) {
        v.status = RevocationResult::Status::BadSignature;
        v.detail = QStringLiteral("CRL issued by %1, not the certificate's issuer").arg(oneLine(X509_CRL_get_issuer(crl)));
        return v;
    }
    EVP_PKEY *key = X509_get0_pubkey(issuer);
    const int verified = key ? X509_CRL_verify(crl, key) : 0;
    if (verified != 1) {
        v.status = RevocationResult::Status::BadSignature;
        v.detail = QStringLiteral("CRL signature does not verify: %1").arg(openSslErrors());
        return v;
    }
    // A delta CRL alone says nothing about what the base CRL revoked.
    if (X509_CRL_get_ext_by_NID(crl, NID_delta_crl, -1) >= 0) {
        v.status = RevocationResult::Status::CrlUnavailable;
        v.detail = QStringLiteral("a delta CRL without its base");
        return v;
    }
    // A partitioned CRL (only CA certificates, only some reasons, an indirect CRL) may leave out the
    // card even when it is revoked: it cannot clear the card.
    if (auto *idp = static_cast<ISSUING_DIST_POINT *>(X509_CRL_get_ext_d2i(crl, NID_issuing_distribution_point, nullptr, nullptr))) {
        const bool partial = idp->onlyCA > 0 || idp->onlyattr > 0 || idp->indirectCRL > 0 || idp->onlysomereasons;
        ISSUING_DIST_POINT_free(idp);
        if (partial) {
            v.status = RevocationResult::Status::CrlUnavailable;
            v.detail = QStringLiteral("a partitioned CRL (issuingDistributionPoint) that may not cover the certificate");
            return v;
        }
    }
    ERR_clear_error();
    const QDateTime thisUpdate = asn1Time(X509_CRL_get0_lastUpdate(crl));
    const QDateTime nextUpdate = asn1Time(X509_CRL_get0_nextUpdate(crl));
    if (!thisUpdate.isValid() || thisUpdate > now.addSecs(5 * 60)) {
        v.status = RevocationResult::Status::CrlUnavailable;
        v.detail = QStringLiteral("CRL thisUpdate is not valid or in the future");
        return v;
    }
    // No nextUpdate: the CRL never says when it goes stale; treat it as stale after the grace.
    const QDateTime staleAt = (nextUpdate.isValid() ? nextUpdate : thisUpdate).addSecs(qint64(graceHours) * 3600);
    if (now > staleAt) {
        v.status = RevocationResult::Status::CrlExpired;
        v.detail = QStringLiteral("CRL nextUpdate %1 plus %2 h grace has passed").arg(nextUpdate.toString(Qt::ISODate)).arg(graceHours);
        return v;
    }
    X509_REVOKED *entry = nullptr;
    if (X509_CRL_get0_by_cert(crl, &entry, leaf) == 1 && entry) {
        v.status = RevocationResult::Status::Revoked;
        return v;
    }
    ERR_clear_error();
    v.status = RevocationResult::Status::Good;
    return v;
}

bool decided(const Verdict &v)
{
    return v.status == RevocationResult::Status::Good || v.status == RevocationResult::Status::Revoked;
}

void describe(RevocationResult *result, const Verdict &v, X509 *leaf)
{
    result->status = v.status;
    if (!v.crl)
        return;
    result->crlThisUpdate = asn1Time(X509_CRL_get0_lastUpdate(v.crl.get()));
    result->crlNextUpdate = asn1Time(X509_CRL_get0_nextUpdate(v.crl.get()));
    X509_REVOKED *entry = nullptr;
    if (v.status == RevocationResult::Status::Revoked && X509_CRL_get0_by_cert(v.crl.get(), &entry, leaf) == 1 && entry)
        result->revokedAt = asn1Time(X509_REVOKED_get0_revocationDate(entry));
    ERR_clear_error();
}

} // namespace

// --- CertificateRevocationList -------------------------------------------------------------------------

CertificateRevocationList CertificateRevocationList::fromData(const QByteArray &data)
{
    CertificateRevocationList out;
    const CrlPtr crl = parseCrl(data);
    if (!crl)
        return out;
    unsigned char *der = nullptr;
    const int len = i2d_X509_CRL(crl.get(), &der);
    if (len <= 0) {
        ERR_clear_error();
        return out;
    }
    out.m_der = QByteArray(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    // OpenSSL's parser takes some malformed encodings that its own encoder then writes in a form it
    // cannot read back (fuzz_crl): such a list could be neither cached nor verified, so it is refused
    // as unreadable here rather than accepted now and lost later.
    if (!parseCrl(out.m_der))
        return CertificateRevocationList();
    out.m_issuerDer = nameDer(X509_CRL_get_issuer(crl.get()));
    out.m_issuerDisplay = oneLine(X509_CRL_get_issuer(crl.get()));
    out.m_thisUpdate = asn1Time(X509_CRL_get0_lastUpdate(crl.get()));
    out.m_nextUpdate = asn1Time(X509_CRL_get0_nextUpdate(crl.get()));
    if (const STACK_OF(X509_REVOKED) *revoked = X509_CRL_get_REVOKED(crl.get())) {
        for (int i = 0; i < sk_X509_REVOKED_num(revoked); ++i)
            out.m_revoked << serialHex(X509_REVOKED_get0_serialNumber(sk_X509_REVOKED_value(revoked, i)));
    }
    ERR_clear_error();
    return out;
}

bool CertificateRevocationList::lists(const QString &serialHex) const
{
    const QString wanted = normalizedSerial(serialHex);
    return !wanted.isEmpty() && m_revoked.contains(wanted);
}

bool CertificateRevocationList::isSignedBy(const QByteArray &issuerCertificateDer) const
{
    const CrlPtr crl = parseCrl(m_der);
    const X509Ptr issuer = parseCertificate(issuerCertificateDer);
    if (!crl || !issuer)
        return false;
    EVP_PKEY *key = X509_get0_pubkey(issuer.get());
    const bool ok = key && X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), X509_get_subject_name(issuer.get())) == 0
        && X509_CRL_verify(crl.get(), key) == 1;
    ERR_clear_error();
    return ok;
}

// --- policy ------------------------------------------------------------------------------------------------

RevocationPolicy revocationPolicyFromString(const QString &text, bool *ok)
{
    const QString t = text.trimmed().toLower();
    if (ok)
        *ok = t == u"hard" || t == u"soft";
    return t == u"soft" ? RevocationPolicy::Soft : RevocationPolicy::Hard;
}

QString revocationPolicyToString(RevocationPolicy policy)
{
    return policy == RevocationPolicy::Soft ? QStringLiteral("soft") : QStringLiteral("hard");
}

QString RevocationResult::message() const
{
    const auto day = [](const QDateTime &t) { return t.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")); };
    switch (status) {
    case Status::NotChecked:
        return tr("The card's certificate has not been checked for revocation.");
    case Status::Good:
        return fromCache ? tr("The card's certificate is not revoked (certificate revocation list of %1, kept on this "
                              "workstation; the certification authority could not be reached).").arg(day(crlThisUpdate))
                         : tr("The card's certificate is not revoked (certificate revocation list of %1).").arg(day(crlThisUpdate));
    case Status::Revoked:
        return revokedAt.isValid()
            ? tr("The card's certificate has been revoked by its certification authority (since %1).").arg(day(revokedAt))
            : tr("The card's certificate has been revoked by its certification authority.");
    case Status::CrlUnavailable:
        return tr("The certificate revocation list (CRL) of the card's certification authority could not be obtained, "
                  "so it is not known whether the card's certificate has been revoked.");
    case Status::CrlExpired:
        return tr("The certificate revocation list (CRL) at hand expired on %1 and no newer one could be obtained, "
                  "so it is not known whether the card's certificate has been revoked.").arg(day(crlNextUpdate));
    case Status::BadSignature:
        return tr("The certificate revocation list (CRL) obtained is not signed by the card's certification authority; "
                  "it cannot be trusted to say whether the card's certificate has been revoked.");
    }
    return {};
}

// --- RevocationCheck -----------------------------------------------------------------------------------------

RevocationCheck::RevocationCheck(HpkiTrustAnchors anchors, CrlStore *store, Options options)
    : m_anchors(std::move(anchors)), m_store(store), m_options(std::move(options))
{
}

RevocationCheck::RevocationCheck(HpkiTrustAnchors anchors, CrlStore *store)
    : RevocationCheck(std::move(anchors), store, Options())
{
}

QList<QUrl> RevocationCheck::distributionPoints(const HpkiCertificate &certificate)
{
    QList<QUrl> out;
    const X509Ptr x = parseCertificate(certificate.der());
    if (!x)
        return out;
    auto *points = static_cast<CRL_DIST_POINTS *>(X509_get_ext_d2i(x.get(), NID_crl_distribution_points, nullptr, nullptr));
    for (int i = 0; points && i < sk_DIST_POINT_num(points); ++i) {
        const DIST_POINT *point = sk_DIST_POINT_value(points, i);
        // Only full names; a point for some reasons only (DIST_POINT.reasons) is still a CRL we read.
        if (!point->distpoint || point->distpoint->type != 0)
            continue;
        const GENERAL_NAMES *names = point->distpoint->name.fullname;
        for (int n = 0; n < sk_GENERAL_NAME_num(names); ++n) {
            const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, n);
            if (name->type != GEN_URI)
                continue;
            const ASN1_IA5STRING *uri = name->d.uniformResourceIdentifier;
            const QUrl url(QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(uri)), ASN1_STRING_length(uri)),
                           QUrl::StrictMode);
            // ldap:// points (common beside http in HPKI certificates) are not read.
            if (url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty() && !out.contains(url))
                out << url;
        }
    }
    CRL_DIST_POINTS_free(points);
    ERR_clear_error();
    return out;
}

RevocationResult RevocationCheck::check(const HpkiCertificate &certificate) const
{
    RevocationResult result;
    const QDateTime now = m_options.now.isValid() ? m_options.now.toUTC() : QDateTime::currentDateTimeUtc();
    const X509Ptr leaf = parseCertificate(certificate.der());
    if (!leaf) {
        result.status = RevocationResult::Status::CrlUnavailable;
        result.detail = QStringLiteral("the certificate cannot be read");
        return result;
    }
    const X509Ptr issuer = issuerOf(leaf.get(), m_anchors);
    if (!issuer) {
        result.status = RevocationResult::Status::CrlUnavailable;
        result.detail = QStringLiteral("the issuing CA is not among the trust anchors");
        return result;
    }
    const QList<QUrl> points = distributionPoints(certificate);
    if (points.isEmpty()) {
        result.status = RevocationResult::Status::CrlUnavailable;
        result.detail = QStringLiteral("the certificate names no http CRL distribution point");
        return result;
    }

    QStringList details;
    std::optional<Verdict> worst; // the most telling failure, reported when nothing decides
    const auto remember = [&](Verdict v, const QUrl &url, bool fromCache) {
        // A bad signature says more than an expired CRL, which says more than no CRL at all.
        const auto rank = [](RevocationResult::Status s) {
            return s == RevocationResult::Status::BadSignature ? 3 : s == RevocationResult::Status::CrlExpired ? 2 : 1;
        };
        if (!worst || rank(v.status) > rank(worst->status)) {
            worst = std::move(v);
            result.distributionPoint = url;
            result.fromCache = fromCache;
        }
    };

    for (const QUrl &url : points) {
        const int timeout = std::clamp(m_options.timeoutSeconds, 1, 120);
        const Fetched fetched = fetch(url, timeout, m_options.maxCrlBytes);
        const QByteArray storedBytes = m_store ? m_store->load(url) : QByteArray();
        std::optional<Verdict> stored;
        if (!storedBytes.isEmpty())
            stored = judge(storedBytes, leaf.get(), issuer.get(), now, m_options.graceHours);

        if (fetched.error.isEmpty()) {
            Verdict online = judge(fetched.body, leaf.get(), issuer.get(), now, m_options.graceHours);
            if (decided(online)) {
                // Never replace a newer stored CRL with an older one (a replay could hide a revocation).
                const bool storedNewer = stored && decided(*stored)
                    && asn1Time(X509_CRL_get0_lastUpdate(stored->crl.get())) > asn1Time(X509_CRL_get0_lastUpdate(online.crl.get()));
                if (storedNewer) {
                    result.fromCache = true;
                    result.distributionPoint = url;
                    describe(&result, *stored, leaf.get());
                    result.detail = QStringLiteral("the CRL served is older than the one kept");
                    return result;
                }
                if (m_store) {
                    QString error;
                    if (!m_store->store(url, fetched.body, &error))
                        details << QStringLiteral("CRL not kept: %1").arg(error);
                }
                result.distributionPoint = url;
                describe(&result, online, leaf.get());
                result.detail = details.join(QStringLiteral("; "));
                return result;
            }
            details << QStringLiteral("%1: %2").arg(url.toDisplayString(), online.detail);
            remember(std::move(online), url, false);
        } else {
            details << QStringLiteral("%1: %2").arg(url.toDisplayString(), fetched.error);
        }
        // The distribution point gave nothing usable: the CRL kept from an earlier sign-in decides
        // while it is current.
        if (stored && decided(*stored)) {
            result.fromCache = true;
            result.distributionPoint = url;
            describe(&result, *stored, leaf.get());
            result.detail = details.join(QStringLiteral("; "));
            return result;
        }
        if (stored) {
            details << QStringLiteral("kept CRL: %1").arg(stored->detail);
            remember(std::move(*stored), url, true);
        }
    }
    if (worst) {
        describe(&result, *worst, leaf.get());
    } else {
        result.status = RevocationResult::Status::CrlUnavailable;
        result.distributionPoint = points.last();
    }
    result.detail = details.join(QStringLiteral("; "));
    return result;
}

} // namespace Kakehashi::Net
