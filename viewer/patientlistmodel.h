#pragma once

#include "record/clinicalrecord.h"

#include <QAbstractTableModel>
#include <QDate>

namespace Kakehashi {

// The patients a search or a load found, one row each.
class PatientListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, KanaColumn, GenderColumn, AgeColumn, BirthDateColumn, IdColumn, ColumnCount };
    enum Role { PatientIdRole = Qt::UserRole + 1 };

    explicit PatientListModel(QObject *parent = nullptr);

    void setPatients(const QList<PatientInfo> &patients);
    const PatientInfo *patientAt(int row) const;
    int rowOf(QStringView patientId) const;
    // Ages are computed at this day; by default the reference clock's (ReferenceClock::now()).
    void setReferenceDate(const QDate &day) { m_today = day; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PatientInfo> m_patients;
    QDate m_today; // invalid: ReferenceClock::now()
};

} // namespace Kakehashi
