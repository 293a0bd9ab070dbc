#pragma once

#include "store/accesshistory.h"

#include <QDialog>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace Kakehashi {

// Service › Access history: the signed-in user's entries of the access history (newest first),
// whether the log is intact, and an export to CSV for the facility's audit. The log is read off the
// GUI thread.
class AccessHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AccessHistoryDialog(std::shared_ptr<AccessHistory> history, QWidget *parent = nullptr);

    // Writes the entries shown to |path| as CSV (0600). False with *error on failure.
    bool exportCsv(const QString &path, QString *error) const;
    const AccessHistory::Reading &reading() const { return m_reading; }

Q_SIGNALS:
    void loaded();

private:
    void show(const AccessHistory::Reading &reading);
    void askExport();

    std::shared_ptr<AccessHistory> m_history;
    AccessHistory::Reading m_reading;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace Kakehashi
