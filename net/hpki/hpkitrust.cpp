#include "hpkitrust.h"
#include "hpki_p.h"

#include <QDirIterator>
#include <QFile>

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

// Q_INIT_RESOURCE must not be used inside a namespace.
static void initHpkiResources()
{
    Q_INIT_RESOURCE(hpki);
}

namespace Kakehashi::Net {

using namespace HpkiPrivate;

HpkiTrustAnchors HpkiTrustAnchors::defaults()
{
    initHpkiResources();
    HpkiTrustAnchors anchors;
    QDirIterator it(QStringLiteral(":/hpki"), {QStringLiteral("*.cer"), QStringLiteral("*.pem"), QStringLiteral("*.der")},
                    QDir::Files);
    QStringList files;
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &f : std::as_const(files))
        anchors.addFile(f);
    return anchors;
}

bool HpkiTrustAnchors::addCertificate(const QByteArray &derOrPem)
{
    const X509Ptr x = parseCertificate(derOrPem);
    if (!x)
        return false;
    m_der << toDer(x.get());
    return true;
}

bool HpkiTrustAnchors::addFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && addCertificate(f.readAll());
}

namespace {

struct VerifyState
{
    QList<HpkiProblem> problems;
    QString detail;
};

int collectErrors(int ok, X509_STORE_CTX *ctx)
{
    if (ok)
        return 1;
    auto *state = static_cast<VerifyState *>(X509_STORE_CTX_get_app_data(ctx));
    const int err = X509_STORE_CTX_get_error(ctx);
    HpkiProblem p = HpkiProblem::InvalidChain;
    switch (err) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
        p = HpkiProblem::Expired;
        break;
    case X509_V_ERR_CERT_NOT_YET_VALID:
        p = HpkiProblem::NotYetValid;
        break;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_UNTRUSTED:
        p = HpkiProblem::ForeignIssuer;
        break;
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE:
        p = HpkiProblem::BadSignature;
        break;
    default:
        break;
    }
    // An expired CA in the chain is reported as the chain being expired: same user message.
    if (!state->problems.contains(p))
        state->problems << p;
    if (state->detail.isEmpty())
        state->detail = QString::fromUtf8(X509_verify_cert_error_string(err));
    // Keep going so that every reason is reported, not only the first.
    return 1;
}

} // namespace

HpkiCheck checkForAuthentication(const HpkiCertificate &certificate, const HpkiTrustAnchors &anchors,
                                 const QList<QByteArray> &intermediates, const QDateTime &at)
{
    HpkiCheck check;
    const X509Ptr leaf = parseCertificate(certificate.der());
    if (!leaf) {
        check.problems << HpkiProblem::Unreadable;
        return check;
    }

    X509_STORE *store = X509_STORE_new();
    for (const QByteArray &der : anchors.certificates())
        if (const X509Ptr ca = parseCertificate(der))
            X509_STORE_add_cert(store, ca.get()); // takes its own reference
    STACK_OF(X509) *untrusted = sk_X509_new_null();
    for (const QByteArray &der : intermediates)
        if (X509Ptr ca = parseCertificate(der))
            sk_X509_push(untrusted, ca.release());

    VerifyState state;
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    X509_STORE_CTX_init(ctx, store, leaf.get(), untrusted);
    X509_STORE_CTX_set_app_data(ctx, &state);
    X509_STORE_CTX_set_verify_cb(ctx, collectErrors);
    X509_STORE_CTX_set_time(ctx, 0, time_t(at.toSecsSinceEpoch()));
    const int rc = X509_verify_cert(ctx);
    if (rc <= 0 && state.problems.isEmpty()) {
        state.problems << HpkiProblem::InvalidChain;
        state.detail = QString::fromUtf8(X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx)));
    }
    X509_STORE_CTX_free(ctx);
    sk_X509_pop_free(untrusted, X509_free);
    X509_STORE_free(store);
    ERR_clear_error();

    check.problems = state.problems;
    check.verifierDetail = state.detail;
    if (certificate.isSigningOnly())
        check.problems << HpkiProblem::SigningOnly;
    else if (!certificate.canAuthenticate())
        check.problems << HpkiProblem::NoDigitalSignature;
    check.roleMissing = !certificate.hasRole();
    return check;
}

QString HpkiCheck::describe(HpkiProblem problem)
{
    switch (problem) {
    case HpkiProblem::Unreadable: return tr("The card's certificate could not be read.");
    case HpkiProblem::Expired: return tr("The certificate has expired.");
    case HpkiProblem::NotYetValid: return tr("The certificate is not valid yet.");
    case HpkiProblem::ForeignIssuer: return tr("The certificate was not issued by a trusted HPKI certification authority.");
    case HpkiProblem::BadSignature: return tr("The certificate's signature is not valid.");
    case HpkiProblem::InvalidChain: return tr("The certificate chain could not be verified.");
    case HpkiProblem::SigningOnly: return tr("This is the card's signing certificate; it cannot be used to sign in.");
    case HpkiProblem::NoDigitalSignature: return tr("The certificate is not allowed for authentication.");
    }
    return {};
}

QStringList HpkiCheck::messages() const
{
    QStringList out;
    for (HpkiProblem p : problems)
        out << describe(p);
    if (roleMissing)
        out << tr("The certificate names no health-care role; you can sign in without role-specific access.");
    return out;
}

} // namespace Kakehashi::Net
