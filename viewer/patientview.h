#pragma once

#include "clinicalrecord.h"

#include <QWidget>

class QLabel;
class QTextBrowser;
class QTreeView;

namespace Kakehashi {

class RecordItemModel;

// One patient: who they are, the allergy banner, what is missing, and the record by category.
class PatientView : public QWidget
{
    Q_OBJECT
public:
    explicit PatientView(QWidget *parent = nullptr);

    void setRecord(const PatientRecord &record);
    void clear();
    // "record" (all categories) or a category key such as "labs"; false for an unknown name.
    bool setView(const QString &name);
    static QStringList viewNames();

    RecordItemModel *itemModel() const { return m_model; }
    QTreeView *itemTree() const { return m_tree; }
    QLabel *headerLabel() const { return m_header; }
    QLabel *allergyBanner() const { return m_allergies; }
    QLabel *completenessBanner() const { return m_completeness; }
    QTextBrowser *detailPane() const { return m_detail; }

    // The Study Instance UID of an imaging item (its urn:dicom:uid identifier), else empty.
    static QString imagingStudyUid(const ClinicalItem &item);

Q_SIGNALS:
    // An imaging item was activated (double-click, Enter) or its "Open images" link followed.
    void imagingStudyRequested(const QString &studyInstanceUid);

private:
    void showDetails(const QModelIndex &index);
    void activateItem(const QModelIndex &index);

    RecordItemModel *m_model;
    QLabel *m_header;
    QLabel *m_identifiers;
    QLabel *m_allergies;
    QLabel *m_completeness;
    QTreeView *m_tree;
    QTextBrowser *m_detail;
    PatientRecord m_record;
};

} // namespace Kakehashi
