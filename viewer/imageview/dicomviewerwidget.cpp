#include "dicomviewerwidget.h"

#include "dicomcomparisonview.h"
#include "dicom/dicomframedecoder.h"

#include <QLabel>
#include <QtConcurrent/QtConcurrentRun>
#include <QMenu>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QToolButton>

#include <QComboBox>
#include <QHash>
#include <QSet>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <functional>
#include <utility>

namespace Kakehashi {

using namespace Dicom;

DicomViewerWidget::DicomViewerWidget(QWidget *parent)
    : QWidget(parent), m_view(new DicomImageView(this)), m_browser(new QTreeWidget(this)), m_presets(new QComboBox(this)),
      m_centre(new QStackedWidget(this)), m_comparison(new DicomComparisonView(this)), m_report(new QPlainTextEdit(this)),
      m_keyNotice(new QLabel(this))
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
    m_presentationAction = bar->addAction(tr("Presentation"));
    m_presentationAction->setObjectName(QStringLiteral("presentationAction"));
    m_presentationAction->setCheckable(true);
    m_presentationAction->setChecked(true);
    m_presentationAction->setEnabled(false);
    m_presentationAction->setToolTip(tr("Apply the presentation states (GSPS) of the opened files: their window, annotations and shutters"));
    connect(m_presentationAction, &QAction::toggled, this, [this](bool on) {
        m_view->setPresentationShown(on);
        m_comparison->view(0)->setPresentationShown(on);
        m_comparison->view(1)->setPresentationShown(on);
    });
    m_compareAction = bar->addAction(tr("Compare with prior"));
    m_compareAction->setObjectName(QStringLiteral("compareAction"));
    m_compareAction->setToolTip(tr("Show another series of this patient beside this one, scrolled together"));
    auto *compareMenu = new QMenu(this);
    connect(compareMenu, &QMenu::aboutToShow, this, [this, compareMenu] {
        compareMenu->clear();
        fillCompareMenu(compareMenu, m_current);
    });
    m_compareAction->setMenu(compareMenu);
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(m_compareAction)))
        button->setPopupMode(QToolButton::InstantPopup);

    m_report->setObjectName(QStringLiteral("structuredReport"));
    m_report->setReadOnly(true);
    m_report->setAccessibleName(tr("Structured report"));
    m_keyNotice->setObjectName(QStringLiteral("keyImageNotice"));
    m_keyNotice->setWordWrap(true);
    m_keyNotice->setTextFormat(Qt::PlainText);
    m_keyNotice->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; padding: 3px; }"));
    m_keyNotice->hide();
    m_centre->addWidget(m_view);
    m_centre->addWidget(m_comparison);
    m_centre->addWidget(m_report);
    connect(m_comparison, &DicomComparisonView::closeRequested, this, &DicomViewerWidget::closeComparison);
    m_browser->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_browser, &QTreeWidget::customContextMenuRequested, this, &DicomViewerWidget::onBrowserContextMenu);

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
        const QVariant report = item ? item->data(0, Qt::UserRole + 1) : QVariant();
        const QVariant document = item ? item->data(0, Qt::UserRole + 2) : QVariant();
        if (index.isValid())
            showSeries(index.toInt());
        else if (report.isValid())
            showReportAt(report.toInt());
        else if (document.isValid())
            openDocumentAt(document.toInt());
    });

    auto *right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->addWidget(bar);
    right->addWidget(m_keyNotice);
    right->addWidget(m_centre, 1);
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
    m_thumbnails.clear();
    m_current = -1;
    // A new set of series ends a comparison; more slices of the same (updateSeries, browser
    // signals blocked) do not: the panes keep their own copies.
    if (isComparing() && !m_browser->signalsBlocked())
        closeComparison();
    rebuildBrowser();
    for (int i = 0; i < series.size(); ++i) {
        const DicomSeries &s = series.at(i);
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
            if (!r.ok || r.frames.isEmpty() || i >= m_series.size() || m_series.at(i).seriesInstanceUid != series)
                return;
            const QImage img = r.frames.first().render(DicomFrameDecoder::defaultWindow(r.info, r.frames.first()));
            const QIcon icon(QPixmap::fromImage(img.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
            m_thumbnails.insert(i, icon);
            if (i < m_seriesItems.size())
                m_seriesItems.at(i)->setIcon(0, icon);
        });
        ++m_pendingThumbnails;
        watcher->setFuture(DicomFrameDecoder::decodeSliceAsync(ref, options));
    }
    if (!series.isEmpty())
        showSeriesAt(0);
    if (std::exchange(m_compareOnOpen, false)) {
        const QList<int> candidates = comparisonCandidates(0);
        if (!candidates.isEmpty())
            compareSeries(0, candidates.first());
    }
}

void DicomViewerWidget::loadPresentationObjects(const QList<DicomSliceRef> &objects)
{
    if (m_presentationWatcher)
        m_presentationWatcher->disconnect(this);
    if (objects.isEmpty()) {
        m_presentationWatcher = nullptr;
        setPresentationObjects({});
        return;
    }
    auto *watcher = new QFutureWatcher<DicomPresentationObjects>(this);
    m_presentationWatcher = watcher;
    connect(watcher, &QFutureWatcher<DicomPresentationObjects>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (m_presentationWatcher != watcher)
            return;
        m_presentationWatcher = nullptr;
        setPresentationObjects(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([objects] { return DicomPresentationReader::read(objects); }));
}

bool DicomViewerWidget::isSettled() const
{
    if (m_pendingThumbnails > 0 || m_presentationWatcher)
        return false;
    if (isComparing())
        return m_comparison->view(0)->isCurrentSliceReady() && m_comparison->view(1)->isCurrentSliceReady();
    return true;
}

void DicomViewerWidget::rebuildBrowser()
{
    const QSignalBlocker blocker(m_browser);
    m_browser->clear();
    m_seriesItems.clear();
    QHash<QString, QTreeWidgetItem *> patients;
    QHash<QString, QTreeWidgetItem *> studies;
    QHash<QString, QTreeWidgetItem *> studiesByUid;
    // Key images per series, and what each selection names that is not open.
    QHash<int, int> keyImages;
    QStringList notices;
    QList<QPair<QString, QString>> studyNotices; // study UID, text
    for (const KeyObjectSelection &kos : std::as_const(m_objects.keyObjects)) {
        const KeyImageResolution r = resolveKeyImages(kos, m_series);
        for (const KeyImageResolution::Found &f : r.found)
            ++keyImages[f.series];
        if (r.missing.isEmpty())
            continue;
        const QString title = kos.title.isEmpty() ? tr("Key images") : kos.title;
        const QString text = r.found.isEmpty()
            ? tr("Key images “%1”: none of its %n referenced image(s) is among the opened images.", nullptr, int(kos.images.size())).arg(title)
            : tr("Key images “%1”: %2 of %n referenced image(s) are not among the opened images.", nullptr, int(kos.images.size()))
                  .arg(title)
                  .arg(r.missing.size());
        notices << text;
        studyNotices.append({kos.studyInstanceUid, text});
    }
    auto addPatientAndStudy = [&](const QString &patientName, const QString &patientId, const DicomSeries &s) {
        const QString person = patientId + u'\x1f' + patientName;
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
            if (!s.studyInstanceUid.isEmpty())
                studiesByUid.insert(s.studyInstanceUid, study);
        }
        return study;
    };
    for (int i = 0; i < m_series.size(); ++i) {
        const DicomSeries &s = m_series.at(i);
        QTreeWidgetItem *study = addPatientAndStudy(s.patientName, s.patientId, s);
        QString label = tr("%1 %2 (%n image(s))", "series thumbnail", int(s.slices.size())).arg(s.modality, s.description).simplified();
        if (const int keys = keyImages.value(i))
            label += u'\n' + tr("★ %n key image(s)", "series row: images marked by a key object selection", keys);
        auto *item = new QTreeWidgetItem(study, {label});
        item->setData(0, Qt::UserRole, i);
        item->setToolTip(0, label);
        if (m_thumbnails.contains(i))
            item->setIcon(0, m_thumbnails.value(i));
        m_seriesItems.append(item);
    }
    // A row under its study, which is added when no series of it is open (a report or document alone).
    const auto addObjectRow = [&](const auto &object, const QString &label, int role, int index) {
        QTreeWidgetItem *study = studiesByUid.value(object.studyInstanceUid);
        if (!study) {
            DicomSeries s;
            s.patientName = object.patientName;
            s.patientId = object.patientId;
            s.studyInstanceUid = object.studyInstanceUid;
            s.studyDate = object.studyDate;
            study = addPatientAndStudy(object.patientName, object.patientId, s);
        }
        auto *item = new QTreeWidgetItem(study, {label});
        item->setData(0, role, index);
        item->setToolTip(0, label);
    };
    for (int r = 0; r < m_objects.reports.size(); ++r) {
        const StructuredReport &report = m_objects.reports.at(r);
        addObjectRow(report, tr("Report: %1", "browser row of a structured report").arg(report.title.isEmpty() ? tr("(untitled)") : report.title),
                     Qt::UserRole + 1, r);
    }
    for (int d = 0; d < m_objects.documents.size(); ++d) {
        const EncapsulatedDocument &document = m_objects.documents.at(d);
        const QString kind = document.mimeType.contains(u"pdf", Qt::CaseInsensitive) ? QStringLiteral("PDF") : QStringLiteral("CDA");
        QString label = tr("Document (%1): %2", "browser row of an encapsulated PDF or CDA")
                            .arg(kind, document.title.isEmpty() ? tr("(untitled)") : document.title);
        if (!document.problem.isEmpty())
            label += u'\n' + tr("⚠ cannot be shown: %1").arg(document.problem);
        addObjectRow(document, label, Qt::UserRole + 2, d);
    }
    for (const auto &[studyUid, text] : std::as_const(studyNotices)) {
        QTreeWidgetItem *parent = studiesByUid.value(studyUid);
        auto *item = parent ? new QTreeWidgetItem(parent, {u'⚠' + QStringLiteral(" ") + text})
                            : new QTreeWidgetItem(m_browser, {u'⚠' + QStringLiteral(" ") + text});
        item->setFlags(Qt::ItemIsEnabled);
        item->setToolTip(0, text);
        item->setForeground(0, QColor(0xb0, 0x40, 0x00));
    }
    m_keyNotice->setText(notices.join(u'\n'));
    m_keyNotice->setVisible(!notices.isEmpty());
    if (QTreeWidgetItem *item = seriesItem(m_current))
        m_browser->setCurrentItem(item);
}

void DicomViewerWidget::setPresentationObjects(const DicomPresentationObjects &objects)
{
    m_objects = objects;
    m_view->setPresentationObjects(objects);
    m_comparison->setPresentationObjects(objects);
    m_presentationAction->setEnabled(!objects.states.isEmpty());
    rebuildBrowser();
}

void DicomViewerWidget::showReportAt(int index)
{
    if (index < 0 || index >= m_objects.reports.size())
        return;
    const StructuredReport &r = m_objects.reports.at(index);
    QStringList head;
    head << (r.title.isEmpty() ? tr("Structured report") : r.title);
    const QString name = DicomImageView::personNameForDisplay(r.patientName);
    head << tr("Patient: %1 (%2)").arg(name.isEmpty() ? tr("no name") : name, r.patientId.isEmpty() ? tr("no patient ID") : r.patientId);
    head << tr("Study date: %1").arg(r.studyDate.isEmpty() ? tr("not recorded") : r.studyDate);
    head << tr("Facility: %1").arg(r.institutionName.isEmpty() ? tr("not recorded") : r.institutionName);
    if (r.completion == u"PARTIAL")
        head << tr("Completion: PARTIAL — this report is not complete.");
    if (r.verification == u"UNVERIFIED")
        head << tr("Verification: UNVERIFIED — not signed off.");
    else if (r.verification == u"VERIFIED")
        head << tr("Verification: VERIFIED");
    m_report->setPlainText(head.join(u'\n') + QStringLiteral("\n\n") + (r.text.isEmpty() ? tr("(the report has no content)") : r.text));
    if (isComparing())
        closeComparison();
    m_centre->setCurrentWidget(m_report);
    for (int i = 0; i < m_browser->topLevelItemCount(); ++i) {
        std::function<bool(QTreeWidgetItem *)> select = [&](QTreeWidgetItem *item) {
            if (item->data(0, Qt::UserRole + 1).isValid() && item->data(0, Qt::UserRole + 1).toInt() == index) {
                const QSignalBlocker blocker(m_browser);
                m_browser->setCurrentItem(item);
                return true;
            }
            for (int c = 0; c < item->childCount(); ++c)
                if (select(item->child(c)))
                    return true;
            return false;
        };
        if (select(m_browser->topLevelItem(i)))
            break;
    }
}

void DicomViewerWidget::openDocumentAt(int index)
{
    if (index < 0 || index >= m_objects.documents.size())
        return;
    Q_EMIT encapsulatedDocumentRequested(m_objects.documents.at(index));
}

bool DicomViewerWidget::isShowingReport() const
{
    return m_centre->currentWidget() == m_report;
}

QList<int> DicomViewerWidget::comparisonCandidates(int index) const
{
    QList<int> out;
    const QList<DicomSeries> pool = comparisonSeries();
    if (index < 0 || index >= m_series.size())
        return out;
    const DicomSeries &here = m_series.at(index);
    for (int i = 0; i < pool.size(); ++i) {
        if (i == index || pool.at(i).slices.isEmpty() || pool.at(i).seriesInstanceUid == here.seriesInstanceUid)
            continue;
        if (comparePatients(here, pool.at(i)).match == PatientMatch::Different)
            continue; // another person's images are never offered as a prior
        out.append(i);
    }
    // Other studies before the same study's other series; the same modality first; older first.
    std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
        const DicomSeries &sa = pool.at(a);
        const DicomSeries &sb = pool.at(b);
        const bool otherStudyA = sa.studyInstanceUid != here.studyInstanceUid;
        const bool otherStudyB = sb.studyInstanceUid != here.studyInstanceUid;
        if (otherStudyA != otherStudyB)
            return otherStudyA;
        const bool modalityA = sa.modality == here.modality;
        const bool modalityB = sb.modality == here.modality;
        if (modalityA != modalityB)
            return modalityA;
        // A prior is older than the study on screen: those first, the most recent of them first.
        const bool olderA = !sa.studyDate.isEmpty() && sa.studyDate < here.studyDate;
        const bool olderB = !sb.studyDate.isEmpty() && sb.studyDate < here.studyDate;
        if (olderA != olderB)
            return olderA;
        return sa.studyDate > sb.studyDate;
    });
    return out;
}

void DicomViewerWidget::fillCompareMenu(QMenu *menu, int index)
{
    const QList<int> candidates = comparisonCandidates(index);
    const QList<DicomSeries> pool = comparisonSeries();
    if (candidates.isEmpty()) {
        QAction *none = menu->addAction(tr("No other series of this patient is open to compare with"));
        none->setEnabled(false);
        return;
    }
    for (const int other : candidates) {
        QString text = DicomComparisonView::seriesIdentity(pool.at(other));
        text.replace(u'\n', QStringLiteral(" — "));
        QAction *a = menu->addAction(text);
        a->setData(other);
        connect(a, &QAction::triggered, this, [this, index, other] { compareSeries(index, other); });
    }
}

bool DicomViewerWidget::compareSeries(int index, int other)
{
    const QList<DicomSeries> pool = comparisonSeries();
    if (index < 0 || other < 0 || index >= m_series.size() || other >= pool.size() || index == other)
        return false;
    if (comparePatients(m_series.at(index), pool.at(other)).match == PatientMatch::Different)
        return false;
    if (m_current != index)
        showSeriesAt(index);
    m_comparison->setSeries(m_series.at(index), pool.at(other));
    m_centre->setCurrentWidget(m_comparison);
    return true;
}

QList<DicomSeries> DicomViewerWidget::comparisonSeries() const
{
    QList<DicomSeries> out = m_series;
    QSet<QString> shown;
    for (const DicomSeries &s : m_series)
        shown.insert(s.seriesInstanceUid);
    for (const DicomSeries &s : m_comparisonPool)
        if (s.seriesInstanceUid.isEmpty() || !shown.contains(s.seriesInstanceUid))
            out.append(s);
    return out;
}

void DicomViewerWidget::closeComparison()
{
    m_comparison->clear();
    m_centre->setCurrentWidget(m_view);
}

bool DicomViewerWidget::isComparing() const
{
    return m_centre->currentWidget() == m_comparison;
}

void DicomViewerWidget::onBrowserContextMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_browser->itemAt(pos);
    const QVariant index = item ? item->data(0, Qt::UserRole) : QVariant();
    if (!index.isValid())
        return;
    QMenu menu(this);
    QMenu *compare = menu.addMenu(tr("Compare with…"));
    fillCompareMenu(compare, index.toInt());
    menu.exec(m_browser->viewport()->mapToGlobal(pos));
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
    if (isComparing())
        closeComparison();
    m_centre->setCurrentWidget(m_view);
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
