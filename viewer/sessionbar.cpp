#include "sessionbar.h"

#include "record/dateformat.h"
#include "record/displayzone.h"
#include "record/referenceclock.h"

#include <QLabel>

namespace Kakehashi {

SessionBar::SessionBar(QWidget *parent)
    : QToolBar(tr("Session"), parent)
{
    setObjectName(QStringLiteral("sessionToolBar"));
    setMovable(false);
    addWidget(new QLabel(tr("<b>Kakehashi</b> 架け橋"), this));
    addSeparator();
    m_demoBadge = badge(QStringLiteral("demoBadge"), tr("Demo mode"), QStringLiteral("background: #c62828; color: white;"), &m_demoBadgeAction);
    m_asOf = badge(QStringLiteral("asOfLabel"), tr("Reference date", "the moment the record is read as of"),
                   QStringLiteral("background: #ffe08a; color: #3e2c00;"), &m_asOfAction);
    m_rolePreview = badge(QStringLiteral("rolePreviewLabel"), tr("Role preview"), QStringLiteral("background: #4a148c; color: white;"),
                          &m_rolePreviewAction);
    m_timeZone = badge(QStringLiteral("timeZoneLabel"), tr("Display time zone"), QStringLiteral("background: #e3f2fd; color: #0d3c61;"),
                       &m_timeZoneAction);
    // Times are Japan time unless the display zone was set otherwise; then the bar says so.
    const QString zone = DateFormat::zoneNameIfNotJapan();
    m_timeZone->setText(tr("Times in %1", "the display time zone").arg(zone));
    m_timeZone->setToolTip(tr("Every time is shown in %1, not in Japan time (setting display/timeZone or --time-zone).").arg(zone));
    m_timeZoneAction->setVisible(!zone.isEmpty());
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    addWidget(spacer);
    m_who = new QLabel(this);
    m_who->setAccessibleName(tr("Signed-in user"));
    addWidget(m_who);
    m_policy = badge(QStringLiteral("pharmacyViewLabel"), tr("Pharmacy view"), QStringLiteral("background: #00695c; color: white;"),
                     &m_policyAction);
    showReferenceTime();
}

QLabel *SessionBar::badge(const QString &name, const QString &accessibleName, const QString &colours, QAction **action)
{
    auto *label = new QLabel(this);
    label->setObjectName(name);
    label->setAccessibleName(accessibleName);
    label->setStyleSheet(QStringLiteral("QLabel { %1 font-weight: bold; padding: 3px 8px; border-radius: 3px; }").arg(colours));
    *action = addWidget(label);
    (*action)->setVisible(false);
    return label;
}

void SessionBar::setIdentity(const SessionIdentity &identity)
{
    m_identity = identity;
    // Only what is known: no empty brackets for a session without role or organisation.
    QString who = identity.name;
    if (!identity.role.isEmpty())
        who = tr("%1 (%2)", "user name (role)").arg(who, identity.role);
    if (!identity.organization.isEmpty())
        who = tr("%1 — %2", "user (role) — organisation").arg(who, identity.organization);
    m_who->setText(who);
    m_demoBadgeAction->setVisible(identity.demo);
    showReferenceTime();
}

void SessionBar::setRolePreview(const QString &text)
{
    m_rolePreview->setText(text);
    m_rolePreview->setToolTip(text.isEmpty() ? QString()
                                             : tr("Demo data seen as this user would see it after signing in with an HPKI card. "
                                                  "Nothing here comes from a card."));
    m_rolePreviewAction->setVisible(!text.isEmpty());
}

void SessionBar::setPolicyLabel(const QString &text)
{
    m_policy->setText(text);
    m_policyAction->setVisible(!text.isEmpty());
}

void SessionBar::showReferenceTime()
{
    const QDateTime fixed = ReferenceClock::fixedTime();
    if (fixed.isValid()) {
        const QString day = DateFormat::date(DisplayZone::toDisplay(fixed).date());
        m_demoBadge->setText(tr("DEMO — as of %1").arg(day));
        m_demoBadge->setToolTip(tr("Fictional patients. The demo reads as of %1: what is current is current on that date.").arg(day));
        m_asOf->setText(tr("As of %1", "the record is read as of this date and time").arg(DateFormat::dateTime(fixed)));
        m_asOf->setToolTip(tr("What is current (medications in use, recent encounters, ages, the timeline's today line) "
                              "is reckoned at %1, not at the computer's clock.")
                               .arg(DisplayZone::isoText(fixed)));
    } else {
        m_demoBadge->setText(tr("DEMO — not real patients"));
        m_demoBadge->setToolTip(QString());
    }
    m_asOfAction->setVisible(fixed.isValid() && !m_identity.demo);
}

bool SessionBar::isAsOfShown() const
{
    return m_asOfAction->isVisible() && m_asOf->isVisible();
}

bool SessionBar::isDemoBadgeShown() const
{
    return m_demoBadgeAction->isVisible() && m_demoBadge->isVisible();
}

} // namespace Kakehashi
