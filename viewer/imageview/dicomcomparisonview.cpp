#include "dicomcomparisonview.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kakehashi {

using namespace Dicom;

namespace {

QString isoDate(const QString &da)
{
    if (da.size() == 8)
        return QStringLiteral("%1-%2-%3").arg(da.left(4), da.mid(4, 2), da.mid(6, 2));
    return da;
}

QString sideName(int side)
{
    return side == 0 ? DicomComparisonView::tr("Left", "comparison pane") : DicomComparisonView::tr("Right", "comparison pane");
}

} // namespace

DicomComparisonView::DicomComparisonView(QWidget *parent)
    : QWidget(parent), m_warning(new QLabel(this)), m_syncStatus(new QLabel(this)), m_syncBox(new QCheckBox(tr("Scroll together"), this))
{
    m_warning->setObjectName(QStringLiteral("comparisonPatientWarning"));
    m_warning->setWordWrap(true);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setAccessibleName(tr("Patient check"));
    m_warning->hide();
    m_syncStatus->setObjectName(QStringLiteral("comparisonSyncStatus"));
    m_syncStatus->setWordWrap(true);
    m_syncStatus->setTextFormat(Qt::PlainText);
    m_syncBox->setChecked(true);
    connect(m_syncBox, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            follow(0, m_views[0]->currentIndex());
        updateSyncStatus();
    });
    auto *close = new QPushButton(tr("Close comparison"), this);
    close->setObjectName(QStringLiteral("closeComparison"));
    connect(close, &QPushButton::clicked, this, &DicomComparisonView::closeRequested);

    auto *panes = new QGridLayout;
    panes->setContentsMargins(0, 0, 0, 0);
    for (int side = 0; side < 2; ++side) {
        m_labels[side] = new QLabel(this);
        m_labels[side]->setObjectName(side == 0 ? QStringLiteral("comparisonLabelLeft") : QStringLiteral("comparisonLabelRight"));
        m_labels[side]->setWordWrap(true);
        m_labels[side]->setTextFormat(Qt::PlainText);
        m_labels[side]->setAccessibleName(tr("%1 pane: patient, study date and facility").arg(sideName(side)));
        m_labels[side]->setStyleSheet(QStringLiteral("QLabel { background: #20303a; color: white; padding: 3px; }"));
        m_views[side] = new DicomImageView(this);
        // Whose images and which study: the label above says it, wrapped to the pane's width.
        m_views[side]->setIdentityCornersShown(false);
        m_views[side]->setAccessibleName(tr("%1 pane images").arg(sideName(side)));
        panes->addWidget(m_labels[side], 0, side);
        panes->addWidget(m_views[side], 1, side);
        panes->setColumnStretch(side, 1);
        connect(m_views[side], &DicomImageView::currentIndexChanged, this, [this, side](int index) { follow(side, index); });
    }
    panes->setRowStretch(1, 1);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_syncBox);
    bar->addStretch(1);
    bar->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_warning);
    layout->addLayout(bar);
    m_syncStatus->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_syncStatus);
    layout->addLayout(panes, 1);
}

QString DicomComparisonView::seriesIdentity(const DicomSeries &s)
{
    QStringList patient;
    const QString name = DicomImageView::personNameForDisplay(s.patientName);
    patient << (name.isEmpty() ? tr("(no name)") : name);
    patient << (s.patientId.isEmpty() ? tr("no patient ID") : tr("ID %1").arg(s.patientId));
    if (!s.patientBirthDate.isEmpty())
        patient << tr("born %1").arg(isoDate(s.patientBirthDate));
    const QString study = s.studyDate.isEmpty() ? tr("study date not recorded") : tr("study %1").arg(isoDate(s.studyDate));
    const QString facility = s.institutionName.isEmpty() ? tr("facility not recorded") : s.institutionName;
    const QString series = QStringLiteral("%1 %2").arg(s.modality, s.description).simplified();
    return patient.join(QStringLiteral(" · ")) + u'\n' + study + QStringLiteral(" · ") + facility
        + (series.isEmpty() ? QString() : QStringLiteral(" · ") + series);
}

void DicomComparisonView::setSeries(const DicomSeries &shown, const DicomSeries &compared)
{
    m_series[0] = shown;
    m_series[1] = compared;
    m_sync = SliceSync(shown, compared);
    m_patients = comparePatients(shown, compared);
    // Which study is the newer: a prior must never pass for the current one.
    const QString a = shown.studyDate;
    const QString b = compared.studyDate;
    for (int side = 0; side < 2; ++side) {
        const QString mine = side == 0 ? a : b;
        const QString other = side == 0 ? b : a;
        QString role;
        if (mine.isEmpty() || other.isEmpty())
            role = tr("which study is older is unknown (study date not recorded)");
        else if (mine == other)
            role = tr("same study date as the other pane");
        else
            role = mine > other ? tr("newer study") : tr("older study (prior)");
        m_labels[side]->setText(sideName(side) + QStringLiteral(": ") + role + u'\n' + seriesIdentity(m_series[side]));
    }

    QStringList differences;
    for (const QString &d : m_patients.differences) {
        if (d == u"name")
            differences << tr("name");
        else if (d == u"birth date")
            differences << tr("birth date");
        else if (d == u"sex")
            differences << tr("sex");
        else if (d == u"patient ID")
            differences << tr("patient ID");
    }
    switch (m_patients.match) {
    case PatientMatch::Same:
        m_warning->hide();
        m_warning->clear();
        break;
    case PatientMatch::Unconfirmed:
        m_warning->setText(differences.isEmpty()
                               ? tr("Same patient not confirmed: too little is recorded in the files to tell. Check both labels before comparing.")
                               : tr("Same patient not confirmed: the %1 differs (another hospital's numbering?); nothing else recorded disagrees. Check both labels before comparing.")
                                     .arg(differences.join(QStringLiteral(", "))));
        m_warning->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; font-weight: bold; padding: 4px; }"));
        m_warning->show();
        break;
    case PatientMatch::Different:
        m_warning->setText(tr("DIFFERENT PATIENTS: the two series are not of the same person (%1 differ). This is not a prior of this patient.")
                               .arg(differences.join(QStringLiteral(", "))));
        m_warning->setStyleSheet(QStringLiteral("QLabel { background: #b00020; color: white; font-weight: bold; padding: 4px; }"));
        m_warning->show();
        break;
    }

    m_following = true;
    m_views[0]->setSeries(shown);
    m_views[1]->setSeries(compared);
    m_following = false;
    // Open where the two agree: the middle of the shown series and its match.
    const int middle = int(shown.slices.size()) / 2;
    m_views[0]->setCurrentIndex(middle);
    follow(0, m_views[0]->currentIndex());
    updateSyncStatus();
}

void DicomComparisonView::setPresentationObjects(const DicomPresentationObjects &objects)
{
    for (DicomImageView *v : m_views)
        v->setPresentationObjects(objects);
}

void DicomComparisonView::clear()
{
    setSeries({}, {});
}

bool DicomComparisonView::isSynchronised() const
{
    return m_syncBox->isChecked();
}

void DicomComparisonView::setSynchronised(bool on)
{
    m_syncBox->setChecked(on);
}

void DicomComparisonView::follow(int from, int index)
{
    if (m_following || !isSynchronised())
        return;
    const SliceSync::Match match = m_sync.match(from == 0 ? SliceSync::Side::First : SliceSync::Side::Second, index);
    if (match.index < 0)
        return;
    m_following = true;
    m_views[1 - from]->setCurrentIndex(match.index);
    m_following = false;
    updateSyncStatus();
}

void DicomComparisonView::updateSyncStatus()
{
    if (!isSynchronised()) {
        m_syncStatus->setText(tr("Each pane scrolls on its own."));
        return;
    }
    switch (m_sync.mode()) {
    case SliceSync::Mode::None:
        m_syncStatus->setText(tr("Nothing to compare: a pane has no images."));
        return;
    case SliceSync::Mode::RelativeIndex:
        m_syncStatus->setText(tr("Scrolling together by relative slice number: the series do not share a frame of reference, "
                                 "so the same number need not be the same anatomy."));
        return;
    case SliceSync::Mode::Position: {
        const SliceSync::Match m = m_sync.match(SliceSync::Side::First, m_views[0]->currentIndex());
        QString text = tr("Scrolling together by slice position (same frame of reference).");
        if (m.beyondRange)
            text += u' ' + tr("The right pane has no slice at this position: its nearest is %1 mm away.").arg(m.offsetMm, 0, 'f', 1);
        m_syncStatus->setText(text);
        return;
    }
    }
}

} // namespace Kakehashi
