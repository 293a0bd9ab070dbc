#include "servicebanners.h"

#include "record/dateformat.h"
#include "record/displayzone.h"
#include "session/sharingservicesource.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Kakehashi {

namespace {

QLabel *banner(QWidget *parent, const QString &name, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAccessibleName(accessibleName);
    label->hide();
    return label;
}

} // namespace

ServiceBanners::ServiceBanners(QWidget *parent)
    : QWidget(parent)
    , m_emergency(banner(this, QStringLiteral("emergencyAccessBanner"), tr("Emergency access")))
    , m_status(banner(this, QStringLiteral("serviceBanner"), tr("Sharing-service status")))
{
    m_emergency->setStyleSheet(
        QStringLiteral("QLabel { background: #b71c1c; color: white; font-weight: bold; border: 1px solid #7f0000; padding: 4px; }"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_emergency);
    layout->addWidget(m_status);
    updateVisibility();
}

void ServiceBanners::updateVisibility()
{
    // No gap in the window's layout while neither banner has anything to say.
    setVisible(!m_emergency->isHidden() || !m_status->isHidden());
}

void ServiceBanners::showStatus(const QString &text, Level level)
{
    static const QString styles[] = {
        QStringLiteral("QLabel { background: #e3f2fd; color: #0d3c61; border: 1px solid #90caf9; padding: 4px; }"),
        QStringLiteral("QLabel { background: #fff4d6; color: #6b4a00; border: 1px solid #e8c870; padding: 4px; }"),
        QStringLiteral("QLabel { background: #fdecea; color: #7f1d1d; border: 1px solid #f5a3a3; padding: 4px; }"),
    };
    m_status->setText(text);
    m_status->setStyleSheet(styles[int(level)]);
    m_status->setVisible(!text.isEmpty());
    updateVisibility();
}

void ServiceBanners::showOutcome(const QString &patientId, const RecordLoadOutcome &outcome, bool emptyRecord, bool emergencyAllowed)
{
    const QString when = DateFormat::dateTime(outcome.cachedAt);
    switch (outcome.state) {
    case RecordLoadOutcome::State::Fresh:
        if (emptyRecord)
            showStatus(SharingServiceSource::emptyRecordWarning(patientId), Level::Warning);
        else
            showStatus({}, Level::Info);
        return;
    case RecordLoadOutcome::State::Offline:
        showStatus(tr("Offline: showing cached data from %1. It is read-only and may be out of date. %2").arg(when, outcome.error.message()),
                   Level::Warning);
        return;
    case RecordLoadOutcome::State::Incomplete:
        showStatus(tr("The record is incomplete: the sharing service failed part-way. Showing what arrived and what "
                      "was cached before. %1")
                       .arg(outcome.error.message()),
                   Level::Warning);
        return;
    case RecordLoadOutcome::State::Failed:
        break;
    }
    QString text;
    if (outcome.notCached)
        text = tr("Patient %1 is not in the local cache, and the sharing service cannot be reached: %2").arg(patientId, outcome.error.message());
    else if (outcome.error.kind == Net::FhirError::Kind::Http403)
        text = tr("No consent: the patient has not agreed to share this record with you. %1").arg(outcome.error.message());
    else
        text = tr("The record could not be loaded: %1").arg(outcome.error.message());
    if (outcome.error.kind == Net::FhirError::Kind::Http403 && emergencyAllowed)
        text += u' ' + tr("In an emergency, use Service › Emergency access.");
    showStatus(text, Level::Error);
}

void ServiceBanners::showPurpose(const Net::PurposeOfUse &purpose, const QDateTime &at)
{
    if (purpose.reason != Net::PurposeOfUse::Reason::EmergencyTreatment) {
        m_emergency->clear();
        m_emergency->hide();
    } else {
        const QString when = DisplayZone::toDisplay(at).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        m_emergency->setText(tr("EMERGENCY ACCESS (break the glass): this record was opened without the patient's "
                                "consent at %1. Reason: %2. The access is recorded in the patient's access history.")
                                 .arg(when, purpose.emergencyReason));
        m_emergency->show();
    }
    updateVisibility();
}

void ServiceBanners::clear()
{
    m_status->hide();
    m_emergency->hide();
    updateVisibility();
}

} // namespace Kakehashi
