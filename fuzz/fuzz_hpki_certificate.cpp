// A certificate read from an HPKI card (DER or PEM) → the parser that finds the holder, the
// issuer and the hcRole; and the subjectDirectoryAttributes extension value on its own.
#include "fuzzcommon.h"

#include "net/hpki/hpkicertificate.h"

using namespace Kakehashi::Net;

KAKEHASHI_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const HpkiCertificate cert = HpkiCertificate::fromData(bytes);
    if (!cert.isNull()) {
        (void)cert.subjectDisplayName();
        if (cert.hasRole() != !cert.roleText().isEmpty() && cert.role() != HpkiRole::None)
            (void)HpkiCertificate::roleName(cert.role());
    }
    const QString role = HpkiCertificate::hcRoleFromSubjectDirectoryAttributes(bytes);
    (void)HpkiCertificate::roleFromText(role);
    return 0;
}
