#pragma once

#include "clinicalrecord.h"

#include <QJsonObject>

namespace Kakehashi {

// The machine-readable account of a load printed by --summary.
QJsonObject recordSummaryJson(const RecordSet &set);

} // namespace Kakehashi
