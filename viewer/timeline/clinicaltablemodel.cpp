#include "clinicaltablemodel.h"

#include "record/documentresults.h"

#include "viewer/displaytext.h"
#include "record/medicationperiod.h"

#include <QBrush>
#include <QHash>
#include <QColor>

#include <algorithm>
#include <vector>
#include <limits>

namespace Kakehashi {

namespace {
using C = ClinicalTableModel::Column;

QList<C> columnsFor(ItemCategory category)
{
    switch (category) {
    case ItemCategory::Problem:
        return {C::Name, C::Status, C::Date, C::End, C::Codes, C::Facility, C::Notice};
    case ItemCategory::Medication:
        return {C::Name, C::Detail, C::Status, C::Date, C::End, C::Kind, C::Facility, C::Pharmacy, C::Notice};
    case ItemCategory::Lab:
    case ItemCategory::Vital:
        return {C::Date, C::Name, C::Value, C::Unit, C::Range, C::Flag, C::Analyte, C::Facility, C::Notice};
    case ItemCategory::Encounter:
        return {C::Date, C::End, C::Kind, C::Name, C::Detail, C::Facility, C::Notice};
    case ItemCategory::Document:
        return {C::Date, C::Name, C::Kind, C::Detail, C::Facility, C::Notice};
    case ItemCategory::Imaging:
        return {C::Date, C::Name, C::Kind, C::Detail, C::Facility, C::Notice};
    case ItemCategory::Allergy:
        return {C::Name, C::Detail, C::Status, C::Date, C::Facility, C::Notice};
    default:
        return {C::Date, C::Name, C::Detail, C::Status, C::Facility, C::Notice};
    }
}

bool isDispense(const ClinicalItem &item)
{
    return item.resourceType == u"MedicationDispense";
}
} // namespace

ClinicalTableModel::ClinicalTableModel(ItemCategory category, QObject *parent)
    : QAbstractTableModel(parent)
    , m_category(category)
    , m_columns(columnsFor(category))
    , m_from(std::numeric_limits<qint64>::min())
    , m_to(std::numeric_limits<qint64>::max())
{
}

void ClinicalTableModel::setSource(const TimelineModel *source)
{
    m_source = source;
    refresh();
}

void ClinicalTableModel::setRange(qint64 from, qint64 to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    refresh();
}

void ClinicalTableModel::show(const TimelineModel *source, qint64 from, qint64 to)
{
    m_source = source;
    m_from = from;
    m_to = to;
    refresh();
}

void ClinicalTableModel::refresh()
{
    QList<int> rows;
    if (m_source) {
        const auto &items = m_source->record().items;
        // Sort keys taken once per row: whether it is current (decided at the reference time) and its
        // start as an integer, not per comparison (a 100k-item record sorts tens of thousands of rows).
        struct Row
        {
            int index;
            bool current;
            qint64 start;
        };
        const bool currentFirst = m_category == ItemCategory::Medication || m_category == ItemCategory::Problem
                                  || m_category == ItemCategory::Allergy;
        std::vector<Row> keyed;
        for (int i = 0; i < items.size(); ++i) {
            const ClinicalItem &item = items[i];
            // Current problems, medications and allergies stay listed whatever the range (one rule with
            // the timeline and 「すべての項目」: TimelineModel::listedIn).
            if (item.category != m_category || !m_source->listedIn(i, m_from, m_to))
                continue;
            keyed.push_back({i, currentFirst && m_source->isCurrent(item), item.start.msecs()});
        }
        std::stable_sort(keyed.begin(), keyed.end(), [](const Row &a, const Row &b) {
            if (a.current != b.current)
                return a.current;
            return a.start > b.start; // newest first
        });
        rows.reserve(qsizetype(keyed.size()));
        for (const Row &r : keyed)
            rows.append(r.index);
    }
    if (rows == m_rows)
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int ClinicalTableModel::rowOfKey(const QString &key) const
{
    if (!m_source)
        return -1;
    const int index = m_source->itemIndexOfKey(key);
    return index < 0 ? -1 : int(m_rows.indexOf(index));
}

QString ClinicalTableModel::keyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_source->record().items[m_rows[row]].key : QString();
}

int ClinicalTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClinicalTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString ClinicalTableModel::text(const ClinicalItem &item, int itemIndex, Column column) const
{
    const QString facility = m_source->facilities()[m_source->facilityOfItem(itemIndex)].name;
    switch (column) {
    case C::Date:
        return item.start.displayText();
    case C::End:
        return item.end.isValid() ? item.end.displayText() : QString();
    case C::Name:
        return item.title;
    case C::Detail:
        return item.detail;
    case C::Value:
        return item.lab.text;
    case C::Unit:
        return item.lab.unit;
    case C::Range:
        return item.lab.rangeText;
    case C::Flag:
        return item.lab.flag;
    case C::Analyte:
        return item.lab.analyteKey;
    case C::Status:
        if (m_category == ItemCategory::Medication)
            return MedicationPeriod::stateText(item, MedicationPeriod::stateAt(item, m_source->now()));
        if (m_category == ItemCategory::Problem)
            return item.active ? tr("Active", "problem") : tr("Resolved", "problem");
        return DisplayText::status(item);
    case C::Kind:
        if (m_category == ItemCategory::Medication)
            return isDispense(item) ? tr("Dispensed") : item.subtype == u"prescription" ? tr("Prescribed") : item.subtype;
        if (m_category == ItemCategory::Encounter)
            return item.encounterClass;
        if (m_category == ItemCategory::Document)
            return DisplayText::documentKind(item);
        return item.subtype;
    case C::Codes: {
        QStringList codes;
        for (const Fhir::Coding &c : item.codes)
            codes << (c.display.isEmpty() || c.display == item.title ? c.code : c.code + u' ' + c.display);
        return codes.join(QStringLiteral(", "));
    }
    case C::Facility:
        // For medications this column is the prescribing facility; dispensing goes to Pharmacy.
        if (m_category == ItemCategory::Medication && isDispense(item))
            return {};
        return facility;
    case C::Pharmacy:
        return isDispense(item) ? facility : QString();
    case C::Notice: {
        QStringList notes;
        if (item.uninformed)
            notes << tr("UNINFORMED", "not yet told to the patient");
        if (item.redacted)
            notes << tr("Partly withheld");
        // A result read from inside a document (a check-up CDA or report) names it.
        if (DocumentResults::isFromDocument(item))
            notes << DocumentResults::mark(item);
        return notes.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant ClinicalTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_source || index.row() >= m_rows.size() || index.column() >= m_columns.size())
        return {};
    const int itemIndex = m_rows[index.row()];
    const ClinicalItem &item = m_source->record().items[itemIndex];
    const Column column = m_columns[index.column()];
    switch (role) {
    case Qt::DisplayRole:
        return text(item, itemIndex, column);
    case Qt::ToolTipRole:
        if (column == C::Notice && item.uninformed)
            return tr("Not yet told to the patient (UNINFORMED): do not disclose on patient-facing output.");
        return text(item, itemIndex, column);
    case Qt::ForegroundRole:
        if (column == C::Notice && item.uninformed)
            return QBrush(QColor(0x9a, 0x4d, 0x00));
        if (column == C::Flag && !item.lab.flag.isEmpty() && item.lab.flag != u"N")
            return QBrush(QColor(0xb0, 0x00, 0x20));
        if (column == C::Value && !item.lab.flag.isEmpty() && item.lab.flag != u"N")
            return QBrush(QColor(0xb0, 0x00, 0x20));
        return {};
    case Qt::DecorationRole:
        if (column == C::Facility || column == C::Pharmacy) {
            if (text(item, itemIndex, column).isEmpty())
                return {};
            return m_source->facilities()[m_source->facilityOfItem(itemIndex)].color;
        }
        return {};
    case ItemKeyRole:
        return item.key;
    case ItemIndexRole:
        return itemIndex;
    case UninformedRole:
        return item.uninformed;
    }
    return {};
}

QVariant ClinicalTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_columns.size())
        return {};
    switch (m_columns[section]) {
    case C::Date:
        if (m_category == ItemCategory::Problem)
            return tr("Onset");
        if (m_category == ItemCategory::Medication)
            return tr("From", "start of a period");
        return tr("Date");
    case C::End:
        if (m_category == ItemCategory::Problem)
            return tr("Resolved on");
        return tr("Until", "end of a period");
    case C::Name:
        switch (m_category) {
        case ItemCategory::Problem:
            return tr("Diagnosis");
        case ItemCategory::Medication:
            return tr("Medicine");
        case ItemCategory::Lab:
        case ItemCategory::Vital:
            return tr("Test");
        default:
            return tr("Item");
        }
    case C::Detail:
        return m_category == ItemCategory::Medication ? tr("Dose and usage") : tr("Details");
    case C::Value:
        return tr("Result");
    case C::Unit:
        return tr("Unit");
    case C::Range:
        return tr("Reference range");
    case C::Flag:
        return tr("Flag", "abnormal flag of a lab result");
    case C::Analyte:
        return tr("JLAC code");
    case C::Status:
        return tr("Status");
    case C::Kind:
        if (m_category == ItemCategory::Encounter)
            return tr("Class", "encounter class: outpatient, inpatient …");
        if (m_category == ItemCategory::Imaging)
            return tr("Modality");
        return tr("Type");
    case C::Codes:
        return tr("Codes (MEDIS, ICD-10)");
    case C::Facility:
        return m_category == ItemCategory::Medication ? tr("Prescribing facility") : tr("Source", "facility an item came from");
    case C::Pharmacy:
        return tr("Dispensing pharmacy");
    case C::Notice:
        return tr("Notice");
    }
    return {};
}

} // namespace Kakehashi
