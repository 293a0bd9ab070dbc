#include "dicomviewerwidget.h"

#include "dicomframedecoder.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QListWidget>
#include <QSignalBlocker>
#include <QToolBar>
#include <QVBoxLayout>

namespace Kakehashi {

using namespace Dicom;

DicomViewerWidget::DicomViewerWidget(QWidget *parent)
    : QWidget(parent), m_view(new DicomImageView(this)), m_thumbnails(new QListWidget(this)), m_presets(new QComboBox(this))
{
    m_thumbnails->setViewMode(QListView::IconMode);
    m_thumbnails->setIconSize(QSize(96, 96));
    m_thumbnails->setFlow(QListView::TopToBottom);
    m_thumbnails->setMaximumWidth(140);
    m_thumbnails->setMovement(QListView::Static);
    // Grows with its longest entry ("ウィンドウのプリセット", a file's own window names): never clipped.
    m_presets->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *bar = new QToolBar(this);
    bar->addWidget(m_presets);
    QAction *invert = bar->addAction(tr("Invert"));
    invert->setCheckable(true);
    connect(invert, &QAction::toggled, m_view, &DicomImageView::setInverted);
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
    connect(m_thumbnails, &QListWidget::currentRowChanged, this, &DicomViewerWidget::showSeries);

    auto *right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->addWidget(bar);
    right->addWidget(m_view, 1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_thumbnails);
    layout->addLayout(right, 1);
}

void DicomViewerWidget::setSeries(const QList<DicomSeries> &series)
{
    m_series = series;
    m_thumbnails->clear();
    for (int i = 0; i < series.size(); ++i) {
        const DicomSeries &s = series.at(i);
        auto *item = new QListWidgetItem(tr("%1 %2 (%n image(s))", "series thumbnail", int(s.slices.size()))
                                             .arg(s.modality, s.description), m_thumbnails);
        if (s.slices.isEmpty())
            continue;
        // The middle slice, decoded off the GUI thread, becomes the thumbnail.
        const DicomSliceRef ref = s.slices.at(s.slices.size() / 2);
        DicomDecodeOptions options;
        options.firstFrame = ref.frame;
        options.frameCount = 1;
        auto *watcher = new QFutureWatcher<DicomDecodeResult>(this);
        connect(watcher, &QFutureWatcher<DicomDecodeResult>::finished, m_thumbnails, [watcher, item] {
            watcher->deleteLater();
            const DicomDecodeResult r = watcher->result();
            if (!r.ok || r.frames.isEmpty())
                return;
            const QImage img = r.frames.first().render(DicomFrameDecoder::defaultWindow(r.info, r.frames.first()));
            item->setIcon(QIcon(QPixmap::fromImage(img.scaled(96, 96, Qt::KeepAspectRatio, Qt::SmoothTransformation))));
        });
        watcher->setFuture(DicomFrameDecoder::decodeSliceAsync(ref, options));
    }
    if (!series.isEmpty())
        m_thumbnails->setCurrentRow(0);
}

void DicomViewerWidget::updateSeries(const QList<DicomSeries> &series)
{
    const int row = m_thumbnails->currentRow();
    const QString shown = row >= 0 && row < m_series.size() ? m_series.at(row).seriesInstanceUid : QString();
    int newRow = -1;
    for (int i = 0; i < series.size() && newRow < 0; ++i)
        if (series.at(i).seriesInstanceUid == shown)
            newRow = i;
    if (newRow < 0) {
        setSeries(series);
        return;
    }
    {
        const QSignalBlocker blocker(m_thumbnails);
        setSeries(series);
        m_thumbnails->setCurrentRow(newRow);
    }
    m_view->updateSlices(series.at(newRow));
}

void DicomViewerWidget::showSeries(int row)
{
    if (row < 0 || row >= m_series.size())
        return;
    m_view->setSeries(m_series.at(row));
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
