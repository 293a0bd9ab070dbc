#pragma once

#include "record/emergencysummary.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;

namespace Kakehashi {

// The emergency one-screen summary (救急サマリー): allergies in red at the top, then current
// medications, problems, recent visits, surgery and key labs in a grid — what emergency staff
// read in seconds. Look-back windows come from EmergencyLookBack (QSettings "emergency/").
class EmergencySummaryView : public QWidget
{
    Q_OBJECT
public:
    explicit EmergencySummaryView(QWidget *parent = nullptr);

    void setRecord(const PatientRecord &record);
    // The same, from a view that has run the duplicate-therapy rule for |record| at |now| already:
    // without an as-of time of its own the summary is as of |now|, with that result.
    void setRecord(const PatientRecord &record, const QDateTime &now, const DuplicateTherapyCheck &checkAtNow);
    void clear();
    // The time the summary is "as of"; invalid means ReferenceClock::now(), taken when a record is set.
    void setAsOf(const QDateTime &asOf);
    QDateTime asOf() const { return m_asOf; }
    void setLookBack(const EmergencyLookBack &lookBack);

    const EmergencySummary &summary() const { return m_summary; }

    QLabel *headerLabel() const { return m_header; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *allergyLabel() const { return m_allergies; }
    QLabel *medicationLabel() const { return m_medications; }
    QLabel *problemLabel() const { return m_problems; }
    QLabel *encounterLabel() const { return m_encounters; }
    QLabel *procedureLabel() const { return m_procedures; }
    QLabel *labLabel() const { return m_labs; }
    QLabel *infectionLabel() const { return m_infections; }
    QPushButton *fullRecordButton() const { return m_fullRecord; }
    QScrollArea *scrollArea() const { return m_scroll; }

Q_SIGNALS:
    void fullRecordRequested();

private:
    void rebuild(const QDateTime &now = {}, const DuplicateTherapyCheck *checkAtNow = nullptr);
    QString dateText(const Fhir::DateTime &date) const;
    QString sourceText(const EmergencyLine &line) const;
    QString marks(const EmergencyLine &line) const;
    void setSection(QLabel *label, const QString &html, const QStringList &plainLines);

    QScrollArea *m_scroll;
    QLabel *m_header;
    QLabel *m_status;
    QLabel *m_allergies;
    QLabel *m_medications;
    QLabel *m_problems;
    QLabel *m_encounters;
    QLabel *m_procedures;
    QLabel *m_labs;
    QLabel *m_infections = nullptr;
    QPushButton *m_fullRecord;
    PatientRecord m_record;
    bool m_hasRecord = false;
    QDateTime m_asOf;
    EmergencyLookBack m_lookBack;
    bool m_lookBackSet = false;
    EmergencySummary m_summary;
};

} // namespace Kakehashi
