// A certificate revocation list from a CA's distribution point or the local CRL cache (DER or PEM)
// → the parser, the serial lookup and the signature check against the test CA.
#include "fuzzcommon.h"

#include "net/hpki/revocationcheck.h"

using namespace Kakehashi::Net;

KAKEHASHI_FUZZ_INIT

namespace {
// The MEDIS authentication CA (seed corpus of fuzz_hpki_certificate): a real issuer to verify against.
const QByteArray &issuer()
{
    static const QByteArray der = [] {
        QFile f(QStringLiteral(KAKEHASHI_SOURCE_DIR "/fuzz/corpus/fuzz_hpki_certificate/medis_auth_ca.cer"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    return der;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const CertificateRevocationList crl = CertificateRevocationList::fromData(bytes);
    if (crl.isNull())
        return 0;
    // What was decoded reads back the same.
    const CertificateRevocationList again = CertificateRevocationList::fromData(crl.der());
    if (again.isNull() || again.revokedSerials() != crl.revokedSerials() || again.issuerNameDer() != crl.issuerNameDer())
        std::abort();
    for (const QString &serial : crl.revokedSerials())
        if (!serial.isEmpty() && !crl.lists(serial))
            std::abort();
    (void)crl.lists(QStringLiteral("00"));
    (void)crl.isSignedBy(issuer());
    return 0;
}
