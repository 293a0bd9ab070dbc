#include "dicomviewerwidget.h"

#include "dicomframedecoder.h"

#include <QComboBox>
#include <QHash>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <functional>

namespace Kakehashi {

using namespace Dicom;

DicomViewerWidget::DicomViewerWidget(QWidget *parent)
    : QWidget(parent), m_view(new DicomImageView(this)), m_browser(new QTreeWidget(this)), m_presets(new QComboBox(this))
{
    // One row per patient, study and series: rows never overlap, however long the descriptions.
    m_browser->setObjectName(QStringLiteral("studyBrowser"));
    m_browser->setHeaderHidden(true);
    m_browser->setColumnCount(1);
    m_browser->setIconSize(QSize(64, 64));
    m_browser->setWordWrap(true);
    m_browser->setTextElideMode(Qt::ElideRight);
    m_browser->setMinimumWidth(180);
    m_browser->setMaximumWidth(280);
    m_browser->setAccessibleName(tr("Patients, studies and series"));
    // Grows with its longest entry ("ウィンドウのプリセット", a file's own window names): never clipped.
    m_presets->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *bar = new QToolBar(this);
    bar->addWidget(m_presets);
    QAction *invert = bar->addAction(tr("Invert"));
    invert->setCheckable(true);
    connect(invert, &QAction::toggled, m_view, &DicomImageView::setInverted);
    QAction *overlays = bar->addAction(tr("Overlays"));
    overlays->setObjectName(QStringLiteral("overlaysAction"));
    overlays->setCheckable(true);
    overlays->setChecked(true);
    overlays->setToolTip(tr("Show the overlay planes (60xx) the file draws over the image"));
    connect(overlays, &QAction::toggled, m_view, &DicomImageView::setOverlaysShown);
    connect(bar->addAction(tr("Fit")), &QAction::triggered, m_view, &DicomImageView::fitToWindow);
    QAction *measure = bar->addAction(tr("Measure"));
    measure->setCheckable(true);
    connect(measure, &QAction::toggled, m_view, [this](bool on) {
        m_view->setTool(on ? DicomImageView::Tool::Measure : DicomImageView::Tool::WindowLevel);
    });
    QAction *pan = bar->addAction(tr("Pan"));
    pan->setCheckable(true);
    connect(pan, &QAction::toggled, m_view, [this](bool on) {
        m_view->setTool(on ? DicomImageView::Tool::Pan : DicomImageView::Tool::WindowLevel);
    });
    QAction *cine = bar->addAction(tr("Cine"));
    cine->setCheckable(true);
    connect(cine, &QAction::toggled, m_view, &DicomImageView::setCinePlaying);

    connect(m_presets, &QComboBox::activated, this, [this](int i) {
        const QVariant v = m_presets->itemData(i);
        if (v.isValid())
            m_view->setWindow(VoiWindow{v.toPointF().x(), v.toPointF().y(), m_presets->itemText(i)});
    });
    connect(m_view, &DicomImageView::sliceReady, this, [this](int index) {
        if (index == m_view->currentIndex())
            refreshPresets();
    });
    connect(m_browser, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        const QVariant index = item ? item->data(0, Qt::UserRole) : QVariant();
        if (index.isValid())
            showSeries(index.toInt());
    });

    auto *right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->addWidget(bar);
    right->addWidget(m_view, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    layout->addLayout(right, 1);
}

namespace {

QString patientLine(const DicomSeries &s)
{
    QStringList parts;
    const QString name = DicomImageView::personNameForDisplay(s.patientName);
    parts << (name.isEmpty() ? DicomViewerWidget::tr("(no name)") : name);
    parts << (s.patientId.isEmpty() ? DicomViewerWidget::tr("no ID") : DicomViewerWidget::tr("ID %1").arg(s.patientId));
    if (s.patientBirthDate.size() == 8)
        parts << QStringLiteral("%1-%2-%3").arg(s.patientBirthDate.left(4), s.patientBirthDate.mid(4, 2), s.patientBirthDate.mid(6, 2));
    if (!s.patientSex.isEmpty())
        parts << s.patientSex;
    return parts.join(QStringLiteral(" · "));
}

QString studyLine(const DicomSeries &s)
{
    QString date = s.studyDate;
    if (date.size() == 8)
        date = QStringLiteral("%1-%2-%3").arg(date.left(4), date.mid(4, 2), date.mid(6, 2));
    const QString description = s.studyDescription.isEmpty() ? DicomViewerWidget::tr("Study") : s.studyDescription;
    return date.isEmpty() ? description : date + u' ' + description;
}

} // namespace

void DicomViewerWidget::setSeries(const QList<DicomSeries> &series)
{
    m_series = series;
    m_seriesItems.clear();
    m_current = -1;
    {
        const QSignalBlocker blocker(m_browser);
        m_browser->clear();
    }
    QHash<QString, QTreeWidgetItem *> patients;
    QHash<QString, QTreeWidgetItem *> studies;
    for (int i = 0; i < series.size(); ++i) {
        const DicomSeries &s = series.at(i);
        const QString person = s.patientId + u'\x1f' + s.patientName;
        QTreeWidgetItem *&patient = patients[person];
        if (!patient) {
            patient = new QTreeWidgetItem(m_browser, {patientLine(s)});
            patient->setFlags(Qt::ItemIsEnabled);
            patient->setExpanded(true);
        }
        const QString studyKey = person + u'\x1f' + (s.studyInstanceUid.isEmpty() ? s.seriesInstanceUid : s.studyInstanceUid);
        QTreeWidgetItem *&study = studies[studyKey];
        if (!study) {
            study = new QTreeWidgetItem(patient, {studyLine(s)});
            study->setFlags(Qt::ItemIsEnabled);
            study->setExpanded(true);
        }
        const QString label = tr("%1 %2 (%n image(s))", "series thumbnail", int(s.slices.size())).arg(s.modality, s.description).simplified();
        auto *item = new QTreeWidgetItem(study, {label});
        item->setData(0, Qt::UserRole, i);
        item->setToolTip(0, label);
        m_seriesItems.append(item);
        if (s.slices.isEmpty())
            continue;
        // The middle slice, decoded off the GUI thread, becomes the thumbnail.
        const DicomSliceRef ref = s.slices.at(s.slices.size() / 2);
        DicomDecodeOptions options;
        options.firstFrame = ref.frame;
        options.frameCount = 1;
        auto *watcher = new QFutureWatcher<DicomDecodeResult>(this);
        const int size = m_browser->iconSize().width();
        connect(watcher, &QFutureWatcher<DicomDecodeResult>::finished, m_browser, [this, watcher, i, size, series = m_series.at(i).seriesInstanceUid] {
            watcher->deleteLater();
            --m_pendingThumbnails;
            const DicomDecodeResult r = watcher->result();
            // setSeries may have been called again meanwhile: the row must still be this series.
            if (!r.ok || r.frames.isEmpty() || i >= m_seriesItems.size() || m_series.at(i).seriesInstanceUid != series)
                return;
            const QImage img = r.frames.first().render(DicomFrameDecoder::defaultWindow(r.info, r.frames.first()));
            m_seriesItems.at(i)->setIcon(0, QIcon(QPixmap::fromImage(img.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation))));
        });
        ++m_pendingThumbnails;
        watcher->setFuture(DicomFrameDecoder::decodeSliceAsync(ref, options));
    }
    if (!series.isEmpty())
        showSeriesAt(0);
}

QTreeWidgetItem *DicomViewerWidget::seriesItem(int index) const
{
    return index >= 0 && index < m_seriesItems.size() ? m_seriesItems.at(index) : nullptr;
}

void DicomViewerWidget::showSeriesAt(int index)
{
    if (QTreeWidgetItem *item = seriesItem(index))
        m_browser->setCurrentItem(item);
}

QString DicomViewerWidget::browserText() const
{
    QStringList lines;
    std::function<void(QTreeWidgetItem *, int)> walk = [&](QTreeWidgetItem *item, int depth) {
        lines << QString(depth * 2, u' ') + item->text(0);
        for (int i = 0; i < item->childCount(); ++i)
            walk(item->child(i), depth + 1);
    };
    for (int i = 0; i < m_browser->topLevelItemCount(); ++i)
        walk(m_browser->topLevelItem(i), 0);
    return lines.join(u'\n');
}

void DicomViewerWidget::updateSeries(const QList<DicomSeries> &series)
{
    const QString shown = m_current >= 0 && m_current < m_series.size() ? m_series.at(m_current).seriesInstanceUid : QString();
    int newIndex = -1;
    for (int i = 0; i < series.size() && newIndex < 0; ++i)
        if (series.at(i).seriesInstanceUid == shown)
            newIndex = i;
    if (newIndex < 0) {
        setSeries(series);
        return;
    }
    {
        const QSignalBlocker blocker(m_browser);
        setSeries(series);
        m_browser->setCurrentItem(seriesItem(newIndex));
    }
    m_current = newIndex;
    m_view->updateSlices(series.at(newIndex));
}

void DicomViewerWidget::showSeries(int index)
{
    if (index < 0 || index >= m_series.size())
        return;
    m_current = index;
    m_view->setSeries(m_series.at(index));
}

void DicomViewerWidget::refreshPresets()
{
    m_presets->clear();
    m_presets->addItem(tr("Window presets"));
    for (const auto &p : m_view->filePresets())
        m_presets->addItem(p.name, QPointF(p.window.center, p.window.width));
    for (const auto &p : DicomImageView::ctPresets())
        m_presets->addItem(p.name, QPointF(p.window.center, p.window.width));
}

} // namespace Kakehashi
