#pragma once

#include "net/connectionprofile.h"
#include "net/hpki/hpkicertificate.h"
#include "record/rolepolicy.h"

#include <optional>

namespace Kakehashi::Session {

// What this session may show: the one place the role policy is decided. From the signed-in
// certificate's hcRole (no certificate: the whole record, as for a plain-http test service or local
// files), with the connection's pharmacistSeesAllergies. |preview| (--demo --role pharmacist) is a
// preview without a card and wins over the certificate's absence. Every view shows records through
// RolePolicy::apply() of the result.
RolePolicy rolePolicyFor(const std::optional<Net::HpkiCertificate> &certificate, const Net::ConnectionProfile &profile,
                         std::optional<RolePolicy::Scope> preview = std::nullopt);

} // namespace Kakehashi::Session
