#pragma once

#include "clinicalrecord.h"

#include <QDateTime>
#include <QJsonObject>

namespace Kakehashi {

struct EmergencySummary;

// The machine-readable account of a load printed by --summary. Each patient carries a "clinical"
// object: what the emergency summary shows as of |asOf| (invalid: ReferenceClock::now()).
QJsonObject recordSummaryJson(const RecordSet &set, const QDateTime &asOf = {});

// The "clinical" object of one patient, serialised from the emergency summary (one source of truth
// for what the emergency screen shows).
QJsonObject clinicalSummaryJson(const EmergencySummary &summary);

} // namespace Kakehashi
