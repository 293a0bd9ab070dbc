#pragma once

#include "net/connectionprofile.h"
#include "net/hpki/hpkicertificate.h"
#include "net/hpki/hpkitrust.h"
#include "net/hpki/revocationcheck.h"

#include <QString>

class QLabel;

namespace Kakehashi {

class MainWindow;

// The sign-in's revocation step: checks the card's authentication certificate against its CA's CRL
// (Net::RevocationCheck, CRLs kept in |store|, by default CrlCache under AppLocalDataLocation) under
// the profile's policy. Returns false with *refusal (translated, names the reason) when the policy
// refuses the sign-in. When it signs in although the check failed (soft policy), |window| shows the
// reason in a warning banner until sign-out. *result, when given, receives the check's outcome.
bool checkCardRevocation(MainWindow *window, const Net::ConnectionProfile &profile, const Net::HpkiTrustAnchors &anchors,
                         const Net::HpkiCertificate &certificate, QString *refusal,
                         Net::CrlStore *store = nullptr, Net::RevocationResult *result = nullptr);

// The banner a soft-failed check left in |window|; null when there is none.
QLabel *certificateWarningBanner(const MainWindow *window);

} // namespace Kakehashi
