#pragma once

#include "session/patientrecordloader.h"
#include "net/purposeofuse.h"

#include <QDateTime>
#include <QWidget>

class QLabel;

namespace Kakehashi {

// The two banners above a record from the sharing service. The emergency banner (red) stays for as
// long as a record opened without consent is on screen, with the reason and the time. The status
// banner says where the record on screen came from when that is not simply "the service, complete":
// loading, the cache while refreshing, offline, incomplete, no consent, an empty record, a failure.
class ServiceBanners : public QWidget
{
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };

    explicit ServiceBanners(QWidget *parent = nullptr);

    QLabel *statusBanner() const { return m_status; }
    QLabel *emergencyBanner() const { return m_emergency; }

    // |text| empty hides the status banner.
    void showStatus(const QString &text, Level level);
    // The status after an open of |patientId| finished. |emptyRecord|: the Patient came with nothing
    // (never presented as a complete, empty record); |emergencyAllowed|: a refusal points to
    // break-the-glass.
    void showOutcome(const QString &patientId, const RecordLoadOutcome &outcome, bool emptyRecord, bool emergencyAllowed);
    // The emergency banner for an open for |purpose| at |at| (hidden unless ETREAT).
    void showPurpose(const Net::PurposeOfUse &purpose, const QDateTime &at);
    void clear();

private:
    void updateVisibility();

    QLabel *m_emergency;
    QLabel *m_status;
};

} // namespace Kakehashi
