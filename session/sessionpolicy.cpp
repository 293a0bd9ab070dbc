#include "sessionpolicy.h"

namespace Kakehashi::Session {

RolePolicy rolePolicyFor(const std::optional<Net::HpkiCertificate> &certificate, const Net::ConnectionProfile &profile,
                         std::optional<RolePolicy::Scope> preview)
{
    RolePolicy policy;
    if (certificate)
        policy = RolePolicy::forHcRole(certificate->roleText());
    else if (preview)
        policy = RolePolicy(*preview);
    policy.setPharmacySeesAllergies(profile.pharmacistSeesAllergies);
    return policy;
}

} // namespace Kakehashi::Session
