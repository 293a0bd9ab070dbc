#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace Kakehashi {

class PatientListModel;

// The list of patients with a filter field; emits the chosen patient's id.
class PatientListView : public QWidget
{
    Q_OBJECT
public:
    explicit PatientListView(PatientListModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QLineEdit *filterField() const { return m_filter; }
    bool selectPatient(const QString &patientId);

Q_SIGNALS:
    void patientActivated(const QString &patientId);

private:
    void emitCurrent();

    PatientListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_table;
};

} // namespace Kakehashi
