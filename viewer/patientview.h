#pragma once

#include "record/clinicalrecord.h"
#include "record/medicationsafety.h"

#include <QDateTime>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTimer;
class QTextBrowser;
class QTreeView;

namespace Kakehashi {

class ClinicalPanels;
class EmergencySummaryView;
class RecordItemModel;
class TimelinePane;
class TimelineView;

// One patient: who they are, the allergy banner, what is missing, the timeline and, below it,
// the clinical panels and the record by category, all kept on the same selection.
class PatientView : public QWidget
{
    Q_OBJECT
public:
    explicit PatientView(QWidget *parent = nullptr);

    void setRecord(const PatientRecord &record);
    const PatientRecord &record() const { return m_record; }
    void clear();
    // "record" (all categories) or a category key such as "labs"; false for an unknown name.
    bool setView(const QString &name);
    static QStringList viewNames();

    RecordItemModel *itemModel() const { return m_model; }
    QTreeView *itemTree() const { return m_tree; }
    QLabel *headerLabel() const { return m_header; }
    QLabel *identifiersLabel() const { return m_identifiers; }
    QLabel *allergyBanner() const { return m_allergies; }
    QLabel *completenessBanner() const { return m_completeness; }
    // Duplicate therapy across facilities (MedicationSafety), hidden when there is none.
    QLabel *medicationSafetyBanner() const { return m_medicationSafety; }
    QTextBrowser *detailPane() const { return m_detail; }
    TimelinePane *timelinePane() const { return m_timeline; }
    TimelineView *timeline() const;
    ClinicalPanels *panels() const { return m_panels; }
    // The emergency one-screen summary, shown instead of everything else by setView("emergency").
    // Built for the current record when first shown or asked for here (not while hidden: for a
    // 100k-item record that was a quarter of opening it), always as of the moment setRecord took.
    EmergencySummaryView *emergencySummary() const;
    bool isEmergencySummaryShown() const { return m_emergencyShown; }
    QPushButton *emergencySummaryButton() const { return m_emergencyButton; }

    // Selects an item everywhere (timeline, panels, record tree) and shows its details.
    bool selectItem(const QString &key);
    QString selectedKey() const { return m_selectedKey; }

Q_SIGNALS:
    // An imaging item was activated (double-click, Enter) or its "Open images" link followed.
    void imagingStudyRequested(const QString &studyInstanceUid);
    // "Compare with prior" in an imaging study's details: the study beside an earlier one.
    void imagingComparisonRequested(const QString &studyInstanceUid);
    // A document item (referral, discharge summary, report) was activated or its "Open document" link followed.
    void documentRequested(const QString &itemKey);
    // Another patient (or none) is shown: views of the previous patient's items must close.
    void recordChanged();

private:
    void fitTree();
    void showDetails(const QModelIndex &index);
    void showDetailsOf(const ClinicalItem *item);
    void syncSelection(const QString &key, QObject *origin);
    void activateItem(const QModelIndex &index);
    bool requestDocument(const QString &key);
    void showEmergencySummary(bool show);
    void buildEmergencySummary() const;

    RecordItemModel *m_model;
    QLabel *m_header;
    QLabel *m_identifiers;
    QLabel *m_allergies;
    QLabel *m_completeness;
    QTreeView *m_tree;
    QTextBrowser *m_detail;
    TimelinePane *m_timeline;
    ClinicalPanels *m_panels;
    QTimer *m_rangeDelay;
    PatientRecord m_record;
    QString m_selectedKey;
    bool m_syncing = false;
    bool m_settingRecord = false; // setRecord fills the tree itself, once
    QLabel *m_medicationSafety = nullptr;
    EmergencySummaryView *m_emergency = nullptr;
    // What setRecord computed for the summary (its moment, the duplicate-therapy result at it),
    // until the summary is built from m_record.
    struct PendingEmergency
    {
        QDateTime now;
        DuplicateTherapyCheck check;
    };
    mutable std::optional<PendingEmergency> m_pendingEmergency;
    QPushButton *m_emergencyButton = nullptr;
    QWidget *m_recordPage = nullptr; // the timeline and panels splitter
    bool m_emergencyShown = false;
};

} // namespace Kakehashi
