#pragma once

#include "sessionidentity.h"

#include <QToolBar>

class QLabel;

namespace Kakehashi {

// The window's top bar: who is signed in (always visible, even over a locked session), and the
// badges that change how everything below must be read — demo data, a fixed reference time ("as
// of"), a role preview, a display zone other than Japan time, the pharmacy view.
class SessionBar : public QToolBar
{
    Q_OBJECT
public:
    explicit SessionBar(QWidget *parent = nullptr);

    void setIdentity(const SessionIdentity &identity);
    const SessionIdentity &identity() const { return m_identity; }
    // --demo --role: a preview of another user's view (no card); empty hides it.
    void setRolePreview(const QString &text);
    // The ReferenceClock changed: the demo badge and the "as of" badge say so.
    void showReferenceTime();
    // The role policy's label (pharmacy view); empty hides it.
    void setPolicyLabel(const QString &text);

    QLabel *identityLabel() const { return m_who; }
    QLabel *demoBadge() const { return m_demoBadge; }
    QLabel *asOfLabel() const { return m_asOf; }
    QLabel *rolePreviewLabel() const { return m_rolePreview; }
    QLabel *timeZoneLabel() const { return m_timeZone; }
    QLabel *policyLabel() const { return m_policy; }
    bool isDemoBadgeShown() const;
    bool isAsOfShown() const;

private:
    QLabel *badge(const QString &name, const QString &accessibleName, const QString &colours, QAction **action);

    SessionIdentity m_identity;
    QLabel *m_who;
    QLabel *m_demoBadge;
    QLabel *m_asOf;
    QLabel *m_rolePreview;
    QLabel *m_timeZone;
    QLabel *m_policy;
    QAction *m_demoBadgeAction = nullptr;
    QAction *m_asOfAction = nullptr;
    QAction *m_rolePreviewAction = nullptr;
    QAction *m_timeZoneAction = nullptr;
    QAction *m_policyAction = nullptr;
};

} // namespace Kakehashi
