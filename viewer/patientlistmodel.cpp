#include "patientlistmodel.h"
#include "record/dateformat.h"

#include "displaytext.h"
#include "record/referenceclock.h"

namespace Kakehashi {

PatientListModel::PatientListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PatientListModel::setPatients(const QList<PatientInfo> &patients)
{
    beginResetModel();
    m_patients = patients;
    endResetModel();
}

const PatientInfo *PatientListModel::patientAt(int row) const
{
    return row >= 0 && row < m_patients.size() ? &m_patients.at(row) : nullptr;
}

int PatientListModel::rowOf(QStringView patientId) const
{
    for (int i = 0; i < m_patients.size(); ++i)
        if (m_patients.at(i).id == patientId || m_patients.at(i).key == patientId)
            return i;
    return -1;
}

int PatientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_patients.size());
}

int PatientListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PatientListModel::data(const QModelIndex &index, int role) const
{
    const PatientInfo *p = patientAt(index.row());
    if (!p)
        return {};
    if (role == PatientIdRole)
        return p->id;
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case NameColumn:
            return p->displayName();
        case KanaColumn:
            return p->kanaName;
        case GenderColumn:
            return DisplayText::gender(p->gender);
        case AgeColumn:
            return DisplayText::age(p->ageAt(m_today.isValid() ? m_today : ReferenceClock::now().date()));
        case BirthDateColumn:
            return DateFormat::date(p->birthDate);
        case IdColumn:
            return p->id;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn) {
        QStringList lines;
        for (const PatientIdentifier &id : p->identifiers)
            lines << DisplayText::identifierLabel(id.system) + QStringLiteral(": ") + id.value;
        return lines.join(u'\n');
    }
    return {};
}

QVariant PatientListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KanaColumn:
        return tr("Kana", "katakana reading of the name");
    case GenderColumn:
        return tr("Sex");
    case AgeColumn:
        return tr("Age");
    case BirthDateColumn:
        return tr("Date of birth");
    case IdColumn:
        return tr("ID");
    }
    return {};
}

} // namespace Kakehashi
