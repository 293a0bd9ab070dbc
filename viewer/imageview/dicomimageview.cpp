#include "dicomimageview.h"

#include "dicom/dicomframedecoder.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <QtMath>

#include <cmath>

namespace Kakehashi {

using namespace Dicom;

DicomImageView::DicomImageView(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setMinimumSize(128, 128);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(&m_cine, &QTimer::timeout, this, [this] {
        if (sliceCount() > 0)
            setCurrentIndex((m_index + 1) % sliceCount());
    });
}

DicomImageView::~DicomImageView()
{
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        it.value()->disconnect(this);
        // A frame still being fetched needs this (the GUI) thread's event loop: it is not waited for.
        // Its decode holds nothing of this view.
        const DicomSliceRef &ref = m_series.slices.at(it.key());
        if (!(ref.instance && ref.instance->fetchesFrames()))
            it.value()->waitForFinished();
    }
}

void DicomImageView::setSeries(const DicomSeries &series)
{
    ++m_generation;
    for (auto *w : std::as_const(m_pending))
        w->disconnect(this);
    m_pending.clear();
    m_series = series;
    m_frames.clear();
    m_failed.clear();
    m_index = 0;
    m_windowFromUser = false;
    m_windowFromPresentation = false;
    m_hasMeasure = false;
    m_fit = true;
    m_rendered = QImage();
    setCinePlaying(false);
    if (!m_series.slices.isEmpty())
        requestDecode(0);
    emit currentIndexChanged(0);
    update();
}

void DicomImageView::updateSlices(const DicomSeries &series)
{
    if (series.seriesInstanceUid != m_series.seriesInstanceUid || m_series.slices.isEmpty()) {
        setSeries(series);
        return;
    }
    auto refKey = [](const DicomSliceRef &r) -> QString { return QStringLiteral("%1#%2").arg(r.path).arg(r.frame); };
    QHash<QString, int> newIndex;
    for (int i = 0; i < series.slices.size(); ++i)
        newIndex.insert(refKey(series.slices.at(i)), i);
    QHash<int, Decoded> frames;
    for (auto it = m_frames.cbegin(); it != m_frames.cend(); ++it) {
        const int i = newIndex.value(refKey(m_series.slices.at(it.key())), -1);
        if (i >= 0)
            frames.insert(i, it.value());
    }
    const int index = newIndex.value(refKey(m_series.slices.value(m_index)), 0);
    // Decodes in flight carry old indexes: dropped, and asked for again below.
    ++m_generation;
    for (auto *w : std::as_const(m_pending))
        w->disconnect(this);
    m_pending.clear();
    m_series = series;
    m_frames = frames;
    m_failed.clear(); // indexes moved: asked again
    m_index = index;
    requestDecode(m_index);
    requestDecode(m_index + 1);
    requestDecode(m_index - 1);
    emit currentIndexChanged(m_index);
    update();
}

void DicomImageView::setCurrentIndex(int index)
{
    if (sliceCount() == 0)
        return;
    index = std::clamp(index, 0, sliceCount() - 1);
    if (index == m_index && m_frames.contains(index))
        return;
    m_index = index;
    m_failed.remove(index); // chosen again: tried again (the PACS may answer now)
    evict();
    requestDecode(index);
    // Prefetch the neighbours so scrolling does not wait.
    requestDecode(index + 1);
    requestDecode(index - 1);
    applyAutomaticWindow(true);
    rerender();
    emit currentIndexChanged(index);
}

void DicomImageView::requestDecode(int index)
{
    if (index < 0 || index >= sliceCount() || m_frames.contains(index) || m_pending.contains(index))
        return;
    const DicomSliceRef ref = m_series.slices.at(index);
    DicomDecodeOptions options;
    options.firstFrame = ref.frame;
    options.frameCount = 1;
    auto *watcher = new QFutureWatcher<DicomDecodeResult>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcher<DicomDecodeResult>::finished, this, [this, watcher, index, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_pending.remove(index);
        onDecoded(index, watcher->result());
    });
    m_pending.insert(index, watcher);
    watcher->setFuture(DicomFrameDecoder::decodeSliceAsync(ref, options));
}

void DicomImageView::onDecoded(int index, const DicomDecodeResult &result)
{
    if (!result.ok || result.frames.isEmpty()) {
        m_failed.insert(index, result.errorString);
        if (index == m_index)
            update();
        emit decodeFailed(index, result.errorString);
        return;
    }
    m_frames.insert(index, Decoded{result.frames.first(), result.info});
    evict();
    if (index == m_index) {
        applyAutomaticWindow();
        rerender();
    }
    emit sliceReady(index);
}

qint64 DicomImageView::cachedBytes() const
{
    qint64 total = 0;
    for (const Decoded &d : m_frames)
        total += d.frame.byteCount();
    return total;
}

void DicomImageView::evict()
{
    while (cachedBytes() > m_budget && m_frames.size() > 1) {
        int farthest = -1;
        for (auto it = m_frames.cbegin(); it != m_frames.cend(); ++it) {
            if (farthest < 0 || std::abs(it.key() - m_index) > std::abs(farthest - m_index))
                farthest = it.key();
        }
        if (farthest == m_index)
            break;
        m_frames.remove(farthest);
    }
}

void DicomImageView::applyAutomaticWindow(bool presentationOnly)
{
    const Decoded *d = current();
    if (m_windowFromUser || !d)
        return;
    VoiWindow w;
    const PresentationState *state = m_showPresentation ? currentPresentationState() : nullptr;
    const bool fromState = state && state->windowFor(sopInstanceUid(m_index), d->frame.frameIndex, &w);
    // Scrolling keeps the window the stack opened with, unless a presentation state's window comes
    // or goes: a state's window never outlives the slices it was given for.
    if (presentationOnly && !fromState && !m_windowFromPresentation)
        return;
    if (!fromState) {
        w = DicomFrameDecoder::defaultWindow(d->info, d->frame);
    } else if (state->hasRescale) {
        // The state's window is in its own modality values (its rescale of the stored values); the
        // frame holds the image's. The same window, in the image's values:
        double slope = 1, intercept = 0;
        d->info.rescaleForFrame(d->frame.frameIndex, &slope, &intercept);
        const double ratio = slope / state->rescaleSlope;
        w.center = (w.center - state->rescaleIntercept) * ratio + intercept;
        w.width = w.width * std::abs(ratio);
    }
    m_windowFromPresentation = fromState;
    if (w == m_window)
        return;
    m_window = w;
    emit windowChanged(m_window);
}

QString DicomImageView::sopInstanceUid(int index) const
{
    if (index < 0 || index >= sliceCount())
        return {};
    const QString uid = m_series.slices.at(index).sopInstanceUid;
    if (!uid.isEmpty())
        return uid;
    auto it = m_frames.constFind(index);
    return it == m_frames.cend() ? QString() : it->info.sopInstanceUid;
}

void DicomImageView::setPresentationObjects(const DicomPresentationObjects &objects)
{
    m_presentation = objects;
    applyAutomaticWindow();
    rerender();
}

void DicomImageView::setPresentationShown(bool shown)
{
    m_showPresentation = shown;
    applyAutomaticWindow();
    rerender();
}

const PresentationState *DicomImageView::currentPresentationState() const
{
    if (sliceCount() == 0)
        return nullptr;
    const QString sop = sopInstanceUid(m_index);
    const int frame = m_series.slices.at(m_index).frame;
    for (const PresentationState &state : m_presentation.states)
        if (state.appliesTo(sop, frame))
            return &state;
    return nullptr;
}

QStringList DicomImageView::currentKeyImageTitles() const
{
    QStringList out;
    if (sliceCount() == 0)
        return out;
    const QString sop = sopInstanceUid(m_index);
    const int frame = m_series.slices.at(m_index).frame;
    for (const KeyObjectSelection &kos : m_presentation.keyObjects) {
        for (const DicomImageReference &r : kos.images) {
            if (r.covers(sop, frame)) {
                out.append(kos.title.isEmpty() ? tr("Key image") : kos.title);
                break;
            }
        }
    }
    return out;
}

void DicomImageView::paintPresentation(QPainter &p, const QTransform &t) const
{
    const Decoded *d = current();
    const PresentationState *state = currentPresentationState();
    if (!d || !state)
        return;
    const QSizeF size = m_rendered.size();
    // Pixel units follow the image (turned and flipped with it); display units are fractions of the
    // displayed area — the selected part (else the whole image) as it lies on screen, after the
    // spatial transformation.
    const PresentationState::DisplayedArea *area = m_showPresentation ? currentDisplayedArea() : nullptr;
    const QRectF displayed = t.mapRect(area ? area->region : QRectF(QPointF(0, 0), size));
    auto toWidget = [&](const QPointF &pt, bool display) {
        return display ? QPointF(displayed.left() + pt.x() * displayed.width(), displayed.top() + pt.y() * displayed.height()) : t.map(pt);
    };
    const PresentationShutter &sh = state->shutter;
    if (!sh.isEmpty()) {
        QPainterPath visible;
        visible.addRect(QRectF(QPointF(0, 0), size));
        if (sh.rectangular) {
            QPainterPath r;
            r.addRect(sh.rectangle);
            visible = visible.intersected(r);
        }
        if (sh.circular) {
            QPainterPath c;
            c.addEllipse(sh.circleCenter, sh.circleRadius, sh.circleRadius);
            visible = visible.intersected(c);
        }
        if (sh.polygonal) {
            QPainterPath g;
            g.addPolygon(sh.polygon);
            g.closeSubpath();
            visible = visible.intersected(g);
        }
        QPainterPath hidden;
        hidden.addRect(QRectF(QPointF(0, 0), size));
        hidden = hidden.subtracted(visible);
        const int grey = std::clamp(sh.presentationValue / 257, 0, 255);
        p.save();
        p.setTransform(t);
        p.setRenderHint(QPainter::Antialiasing, false);
        p.fillPath(hidden, QColor(grey, grey, grey));
        p.restore();
    }
    const QString sop = sopInstanceUid(m_index);
    const QColor cyan(0, 255, 255); // apart from grey pixels, yellow overlays and measurements
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    for (const PresentationAnnotation *a : state->annotationsFor(sop, d->frame.frameIndex)) {
        // The colour the annotation's graphic layer recommends, else cyan.
        const QColor colour = a->colour.isValid() ? a->colour : cyan;
        for (const PresentationGraphic &g : a->graphics) {
            QPolygonF points;
            for (const QPointF &pt : g.points)
                points.append(toWidget(pt, g.displayUnits));
            p.setPen(QPen(colour, 2));
            p.setBrush(g.filled ? QBrush(colour) : QBrush(Qt::NoBrush));
            switch (g.kind) {
            case PresentationGraphic::Kind::Point:
                for (const QPointF &pt : std::as_const(points))
                    p.drawEllipse(pt, 2.5, 2.5);
                break;
            case PresentationGraphic::Kind::Polyline:
            case PresentationGraphic::Kind::Interpolated:
                if (g.filled && points.size() > 2)
                    p.drawPolygon(points);
                else
                    p.drawPolyline(points);
                break;
            case PresentationGraphic::Kind::Circle:
                if (points.size() >= 2) {
                    const double r = QLineF(points.at(0), points.at(1)).length();
                    p.drawEllipse(points.at(0), r, r);
                }
                break;
            case PresentationGraphic::Kind::Ellipse:
                if (points.size() >= 4) {
                    // Major axis end points, then minor axis end points.
                    const QLineF major(points.at(0), points.at(1));
                    const QLineF minor(points.at(2), points.at(3));
                    p.save();
                    p.translate(major.center());
                    p.rotate(-major.angle());
                    p.drawEllipse(QPointF(0, 0), major.length() / 2, minor.length() / 2);
                    p.restore();
                }
                break;
            }
        }
        p.setPen(colour);
        for (const PresentationText &text : a->texts) {
            if (text.hasBox) {
                const QRectF box = QRectF(toWidget(text.box.topLeft(), text.boxDisplayUnits),
                                          toWidget(text.box.bottomRight(), text.boxDisplayUnits))
                                       .normalized();
                p.drawText(box.adjusted(0, 0, 400, 100), Qt::AlignLeft | Qt::AlignTop, text.text);
            } else {
                p.drawText(toWidget(text.anchor, text.anchorDisplayUnits) + QPointF(4, -4), text.text);
            }
        }
    }
    p.restore();
}

const DicomImageView::Decoded *DicomImageView::current() const
{
    auto it = m_frames.constFind(m_index);
    return it == m_frames.cend() ? nullptr : &it.value();
}

void DicomImageView::rerender()
{
    const Decoded *d = current();
    // A presentation state's INVERSE presentation LUT inverts on top of the user's choice.
    const PresentationState *state = (d && m_showPresentation) ? currentPresentationState() : nullptr;
    m_rendered = d ? d->frame.render(m_window, m_inverted != (state && state->inverse)) : QImage();
    update();
}

void DicomImageView::setWindow(const VoiWindow &window)
{
    if (!window.isValid())
        return;
    m_window = window;
    m_windowFromUser = true;
    rerender();
    emit windowChanged(m_window);
}

QList<DicomImageView::Preset> DicomImageView::ctPresets()
{
    return {
        {tr("Lung", "CT window preset"), {-600, 1500, QString()}},
        {tr("Mediastinum", "CT window preset"), {40, 400, QString()}},
        {tr("Bone", "CT window preset"), {400, 1800, QString()}},
        {tr("Brain", "CT window preset"), {40, 80, QString()}},
    };
}

QList<DicomImageView::Preset> DicomImageView::filePresets() const
{
    QList<Preset> out;
    if (const Decoded *d = current()) {
        for (const VoiWindow &w : d->info.windowsForFrame(d->frame.frameIndex))
            out.append({w.explanation.isEmpty() ? tr("File window %1").arg(out.size() + 1) : w.explanation, w});
    }
    return out;
}

void DicomImageView::setOverlaysShown(bool shown)
{
    m_showOverlays = shown;
    update();
}

int DicomImageView::overlayCount() const
{
    const Decoded *d = current();
    return d ? int(d->info.overlays.size()) : 0;
}

void DicomImageView::setInverted(bool inverted)
{
    m_inverted = inverted;
    rerender();
}

void DicomImageView::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, 0.05, 40.0);
    m_fit = false;
    update();
}

void DicomImageView::fitToWindow()
{
    m_fit = true;
    m_pan = QPointF();
    update();
}

void DicomImageView::setCinePlaying(bool playing)
{
    if (!playing) {
        m_cine.stop();
        return;
    }
    double ms = 0;
    if (const Decoded *d = current())
        ms = d->info.frameTimeMs;
    // The file's frame time (the reader keeps only 0 < ms <= 60000), else 15 frames a second.
    m_cine.start(ms > 0 ? std::max(1, int(ms)) : 1000 / 15);
}

const PresentationState::DisplayedArea *DicomImageView::currentDisplayedArea() const
{
    const Decoded *d = current();
    const PresentationState *state = currentPresentationState();
    return (d && state) ? state->displayedAreaFor(sopInstanceUid(m_index), d->frame.frameIndex) : nullptr;
}

double DicomImageView::zoom() const
{
    QSizeF size = m_rendered.size();
    if (!m_fit || size.isEmpty())
        return m_zoom;
    // A presentation state's displayed area: its magnification, or the area fitted (true size needs
    // the screen's pixel pitch, not known here: fitted too).
    if (const PresentationState::DisplayedArea *area = m_showPresentation ? currentDisplayedArea() : nullptr) {
        if (area->size == PresentationState::DisplayedArea::Size::Magnify)
            return area->magnification;
        size = area->region.size();
    }
    // A presentation state that turns the image a quarter fits it turned.
    if (const PresentationState *state = m_showPresentation ? currentPresentationState() : nullptr; state && state->rotation % 180 == 90)
        size.transpose();
    return std::min(double(width()) / size.width(), double(height()) / size.height());
}

QTransform DicomImageView::imageTransform() const
{
    const QSize size = m_rendered.isNull() ? QSize() : m_rendered.size();
    if (size.isEmpty())
        return {};
    const double zoom = this->zoom();
    QTransform t;
    t.translate(width() / 2.0 + m_pan.x(), height() / 2.0 + m_pan.y());
    t.scale(zoom, zoom);
    // The presentation state's spatial transformation: flip first, then rotate (QTransform applies
    // the operations named last to a point first).
    if (const PresentationState *state = m_showPresentation ? currentPresentationState() : nullptr) {
        t.rotate(state->rotation);
        if (state->horizontalFlip)
            t.scale(-1, 1);
    }
    // The middle of the displayed area (the whole image unless a presentation state selects a part).
    const PresentationState::DisplayedArea *area = m_showPresentation ? currentDisplayedArea() : nullptr;
    const QPointF centre = area ? area->region.center() : QPointF(size.width() / 2.0, size.height() / 2.0);
    t.translate(-centre.x(), -centre.y());
    return t;
}

QPointF DicomImageView::widgetToImage(const QPointF &p) const
{
    return imageTransform().inverted().map(p);
}

double DicomImageView::measuredDistanceMm() const
{
    const Decoded *d = current();
    if (!m_hasMeasure || !d || d->info.pixelSpacing.isEmpty())
        return -1;
    const double dx = (m_measureB.x() - m_measureA.x()) * d->info.pixelSpacing.width();
    const double dy = (m_measureB.y() - m_measureA.y()) * d->info.pixelSpacing.height();
    return std::hypot(dx, dy);
}

QString DicomImageView::personNameForDisplay(const QString &dicomName)
{
    const QStringList groups = dicomName.split(u'=');
    auto group = [&](int n) {
        if (n >= groups.size())
            return QString();
        QStringList parts = groups.at(n).split(u'^');
        parts.removeAll(QString());
        return parts.join(u' ').trimmed();
    };
    const QString alphabetic = group(0);
    const QString ideographic = group(1);
    const QString phonetic = group(2);
    if (ideographic.isEmpty())
        return phonetic.isEmpty() ? alphabetic : alphabetic + QStringLiteral("（") + phonetic + QStringLiteral("）");
    QString shown = ideographic;
    if (!phonetic.isEmpty())
        shown += QStringLiteral("（") + phonetic + QStringLiteral("）");
    if (!alphabetic.isEmpty())
        shown += u' ' + alphabetic;
    return shown;
}

QString DicomImageView::overlayText(Corner corner) const
{
    const Decoded *d = current();
    if (!d)
        return {};
    const DicomImageInfo &i = d->info;
    switch (corner) {
    case Corner::TopLeft:
        return personNameForDisplay(i.patientName) + u'\n' + i.patientId;
    case Corner::TopRight:
        return i.studyDate + u'\n' + i.studyDescription + u'\n'
            + tr("Se: %1 %2", "overlay: series number and description").arg(i.seriesNumber).arg(i.seriesDescription);
    case Corner::BottomLeft: {
        QString s;
        const QStringList keys = currentKeyImageTitles();
        if (!keys.isEmpty())
            s += tr("★ Key image: %1", "overlay: the slice is marked by a key object selection").arg(keys.join(QStringLiteral(", "))) + u'\n';
        if (const PresentationState *state = currentPresentationState())
            s += (m_showPresentation ? tr("Presentation state: %1", "overlay") : tr("Presentation state hidden: %1", "overlay"))
                     .arg(state->label.isEmpty() ? tr("(no label)") : state->label)
                + u'\n';
        s += tr("Im: %1/%2", "overlay: slice index").arg(m_index + 1).arg(sliceCount());
        if (i.hasSliceLocation)
            s += u'\n' + tr("Loc: %1 mm", "overlay: slice location").arg(i.sliceLocation, 0, 'f', 1);
        return s;
    }
    case Corner::BottomRight: {
        QString s = tr("W: %1 L: %2", "overlay: window width and level").arg(m_window.width, 0, 'f', 0).arg(m_window.center, 0, 'f', 0);
        s += u'\n' + tr("Zoom: %1%", "overlay").arg(qRound(zoom() * 100));
        return s;
    }
    }
    return {};
}

void DicomImageView::setIdentityCornersShown(bool shown)
{
    m_identityCorners = shown;
    update();
}

void DicomImageView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::black);
    if (m_rendered.isNull()) {
        p.setPen(Qt::gray);
        const QString failed = m_failed.value(m_index);
        if (!failed.isEmpty())
            p.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
                       tr("This image could not be shown.\n%1").arg(failed));
        else
            p.drawText(rect(), Qt::AlignCenter, sliceCount() ? tr("Loading…") : tr("No images"));
        return;
    }
    const QTransform t = imageTransform();
    p.save();
    p.setTransform(t);
    p.setRenderHint(QPainter::SmoothPixmapTransform, zoom() < 4);
    p.drawImage(QPointF(0, 0), m_rendered);
    if (m_showOverlays) {
        if (const Decoded *d = current())
            for (const DicomOverlay &o : d->info.overlays)
                p.drawImage(QPointF(o.originColumn - 1, o.originRow - 1), o.bitmap);
    }
    p.restore();
    if (m_showPresentation)
        paintPresentation(p, t);

    if (m_hasMeasure) {
        p.setPen(QPen(Qt::yellow, 1.5));
        const QPointF a = t.map(m_measureA);
        const QPointF b = t.map(m_measureB);
        p.drawLine(a, b);
        const double mm = measuredDistanceMm();
        const QString label = mm >= 0 ? tr("%1 mm", "distance").arg(mm, 0, 'f', 1)
                                      : tr("%1 px", "distance without pixel spacing").arg(QLineF(m_measureA, m_measureB).length(), 0, 'f', 1);
        p.drawText(b + QPointF(6, -6), label);
    }
    p.setPen(Qt::white);
    const QRect r = rect().adjusted(6, 4, -6, -4);
    if (m_identityCorners) {
        p.drawText(r, Qt::AlignLeft | Qt::AlignTop, overlayText(Corner::TopLeft));
        p.drawText(r, Qt::AlignRight | Qt::AlignTop, overlayText(Corner::TopRight));
    }
    p.drawText(r, Qt::AlignLeft | Qt::AlignBottom, overlayText(Corner::BottomLeft));
    p.drawText(r, Qt::AlignRight | Qt::AlignBottom, overlayText(Corner::BottomRight));
}

void DicomImageView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    update();
}

void DicomImageView::wheelEvent(QWheelEvent *event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0)
        return;
    if (event->modifiers() & Qt::ControlModifier)
        setZoom(zoom() * std::pow(1.2, steps));
    else
        setCurrentIndex(m_index - steps);
    event->accept();
}

void DicomImageView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Down: case Qt::Key_Right: setCurrentIndex(m_index + 1); break;
    case Qt::Key_Up: case Qt::Key_Left: setCurrentIndex(m_index - 1); break;
    case Qt::Key_PageDown: setCurrentIndex(m_index + 10); break;
    case Qt::Key_PageUp: setCurrentIndex(m_index - 10); break;
    case Qt::Key_Home: setCurrentIndex(0); break;
    case Qt::Key_End: setCurrentIndex(sliceCount() - 1); break;
    case Qt::Key_I: setInverted(!m_inverted); break;
    case Qt::Key_F: fitToWindow(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void DicomImageView::mousePressEvent(QMouseEvent *event)
{
    m_dragButton = event->button();
    m_dragStart = m_lastPos = event->position().toPoint();
    if (m_dragButton == Qt::LeftButton && m_tool == Tool::Measure) {
        m_measureA = m_measureB = widgetToImage(event->position());
        m_hasMeasure = true;
        update();
    }
}

void DicomImageView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QPoint delta = pos - m_lastPos;
    m_lastPos = pos;
    const bool pan = m_dragButton == Qt::MiddleButton || (m_dragButton == Qt::LeftButton && m_tool == Tool::Pan);
    if (pan) {
        if (m_fit) {
            m_zoom = zoom();
            m_fit = false;
        }
        m_pan += delta;
        update();
    } else if (m_dragButton == Qt::LeftButton && m_tool == Tool::Measure) {
        m_measureB = widgetToImage(event->position());
        update();
    } else if (m_dragButton == Qt::LeftButton && m_tool == Tool::WindowLevel) {
        // One screen pixel moves the window by a share of its width: right widens, down raises the level.
        const double step = std::max(1.0, m_window.width / 256.0);
        VoiWindow w = m_window;
        w.width = std::max(1.0, w.width + delta.x() * step);
        w.center += delta.y() * step;
        w.explanation.clear();
        setWindow(w);
    }
}

void DicomImageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragButton == Qt::LeftButton && m_tool == Tool::Measure) {
        m_measureB = widgetToImage(event->position());
        update();
        emit measurementChanged(measuredDistanceMm());
    }
    m_dragButton = Qt::NoButton;
}

} // namespace Kakehashi
