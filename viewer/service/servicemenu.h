#pragma once

#include <QMenu>

namespace Kakehashi {

namespace Session {
class RecordController;
}

// The Service menu of a session connected to the sharing service: connection settings, refresh,
// emergency access (break the glass, with the reason the user gives), the access history of this
// workstation and the purge of cached records. Everything it does is asked of the RecordController;
// the menu only asks the user first.
class ServiceMenu : public QMenu
{
    Q_OBJECT
public:
    ServiceMenu(Session::RecordController *records, QWidget *parent);

    QAction *emergencyAccessAction() const { return m_emergency; }
    QAction *purgeCacheAction() const { return m_purge; }

Q_SIGNALS:
    // A line for the status bar ("Removing the cached records…").
    void statusMessage(const QString &text);

private:
    void askEmergencyAccess();
    void askPurgeCache();
    void showAccessHistory();
    void editConnection();

    Session::RecordController *m_records;
    QAction *m_emergency;
    QAction *m_purge;
};

} // namespace Kakehashi
