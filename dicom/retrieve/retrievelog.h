#pragma once

#include <QLoggingCategory>

// Never log patient data: UIDs, counts, hosts and statuses only.
Q_DECLARE_LOGGING_CATEGORY(lcDicomRetrieve)
