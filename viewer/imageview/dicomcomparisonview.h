#pragma once

#include "dicom/dicomcomparison.h"
#include "dicomimageview.h"

#include <QWidget>

class QCheckBox;
class QLabel;

namespace Kakehashi {

// Two series side by side (this study and a prior, perhaps from another hospital), scrolled
// together: by slice position when they share a frame of reference, else by relative index
// (Dicom::SliceSync). Each pane is always labelled with the patient, the study date and the
// facility, so a prior of another patient or date is not taken for the current study; a patient
// mismatch is announced in red above both panes.
class DicomComparisonView : public QWidget
{
    Q_OBJECT
public:
    explicit DicomComparisonView(QWidget *parent = nullptr);

    // |shown|: the series that was on screen (left); |compared|: the one chosen to compare (right).
    void setSeries(const Dicom::DicomSeries &shown, const Dicom::DicomSeries &compared);
    void setPresentationObjects(const Dicom::DicomPresentationObjects &objects);
    void clear();

    DicomImageView *view(int side) const { return side == 0 ? m_views[0] : m_views[1]; }
    // The pane's label: patient (name, ID, birth date), study date and facility, and whether it
    // is the newer or the older study.
    QLabel *paneLabel(int side) const { return side == 0 ? m_labels[0] : m_labels[1]; }
    QLabel *patientWarning() const { return m_warning; }
    QLabel *syncStatus() const { return m_syncStatus; }
    const Dicom::SliceSync &sliceSync() const { return m_sync; }
    const Dicom::PatientComparison &patientComparison() const { return m_patients; }
    bool isSynchronised() const;
    void setSynchronised(bool on);

    // One line for a series in a pane label or a chooser (also used by DicomViewerWidget).
    static QString seriesIdentity(const Dicom::DicomSeries &series);

Q_SIGNALS:
    void closeRequested();

private:
    void follow(int from, int index);
    void updateSyncStatus();

    DicomImageView *m_views[2];
    QLabel *m_labels[2];
    QLabel *m_warning;
    QLabel *m_syncStatus;
    QCheckBox *m_syncBox;
    Dicom::SliceSync m_sync;
    Dicom::PatientComparison m_patients;
    Dicom::DicomSeries m_series[2];
    bool m_following = false;
};

} // namespace Kakehashi
