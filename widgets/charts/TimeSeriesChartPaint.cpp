#include "analysis/ParallelFor.h"
#include "charts/ChartCanvas.h"
#include "charts/TimeSeriesChart.h"

#include <QPainter>
#include <QThread>

#include <algorithm>
#include <cmath>

// Painting the chart's frame: underlay (threshold bands, annotated regions), grid, series, threshold
// lines and point annotations, axis labels; then, per paint event, the crosshair and the zoom
// rectangle over the cached frame.

namespace wf::ui {

namespace {

// Points far outside the plot are clipped anyway; the rasteriser's fixed-point coordinates are not.
constexpr double kFarOutside = 1e6;
// Below this many points a frame's lines are painted on the UI thread alone: the layer costs more.
constexpr qsizetype kParallelPaintPoints = 100'000;

} // namespace

void TimeSeriesChart::canvasResized()
{
    m_frameDirty = true;
}

void TimeSeriesChart::scheduleFrame()
{
    if (m_frameScheduled || !m_canvas->isVisible())
        return;
    m_frameScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_frameScheduled = false;
            if (m_canvas->isVisible())
                ensureFrame();
        },
        Qt::QueuedConnection);
}

void TimeSeriesChart::ensureFrame()
{
    const QSize size = m_canvas->size();
    if (size.isEmpty())
        return;
    if (size != m_layoutSize) {
        relayout(size);
        redecimateIfMoved(); // the plot's width decides the decimation
    }
    const qreal dpr = m_canvas->devicePixelRatioF();
    if (!m_frameDirty && m_frame.size() == size * dpr && m_frame.devicePixelRatio() == dpr)
        return;
    if (m_frame.size() != size * dpr)
        m_frame = QImage(size * dpr, QImage::Format_ARGB32_Premultiplied);
    m_frame.setDevicePixelRatio(dpr);
    m_frame.fill(palette().color(QPalette::Base));
    QPainter p(&m_frame);
    paintUnderlay(p);
    paintGrid(p);
    p.save();
    p.setClipRect(m_plot.adjusted(0, -1, 1, 1)); // a line at the top or bottom value stays whole
    p.setRenderHint(QPainter::Antialiasing, m_options.antialiasing);
    paintSeries(p);
    paintMarkers(p);
    p.restore();
    p.setRenderHint(QPainter::TextAntialiasing, true);
    paintAxisLabels(p);
    m_frameDirty = false;
}

void TimeSeriesChart::paintUnderlay(QPainter& p) const
{
    // Threshold bands and annotated regions sit under the grid and the series.
    const QRectF plot = plotArea();
    p.save();
    p.setClipRect(plot);
    const analysis::Thresholds& th = m_options.thresholds;
    if (!th.isEmpty() && m_options.thresholdStyle == ThresholdStyle::Bands) {
        for (int i = 0; i < th.steps.size(); ++i) {
            const double start = i == 0 ? m_yMin : th.stepStart(i, m_yMin, m_yMax);
            const double end = i + 1 < th.steps.size() ? th.stepStart(i + 1, m_yMin, m_yMax) : m_yMax;
            const double lo = std::clamp(start, m_yMin, m_yMax);
            const double hi = std::clamp(end, m_yMin, m_yMax);
            if (!(hi > lo))
                continue;
            QColor fill = thresholdColour(th.steps[i].colour);
            fill.setAlphaF(0.14f);
            p.fillRect(QRectF(QPointF(plot.left(), yForValue(hi)), QPointF(plot.right(), yForValue(lo))),
                       fill);
        }
    }
    QColor shade = palette().color(QPalette::Highlight);
    shade.setAlphaF(0.12f);
    for (const ChartAnnotation& a : m_annotations) {
        if (!a.isRegion())
            continue;
        const double x0 = std::max(xForTime(a.timeMs), plot.left());
        const double x1 = std::min(xForTime(a.endMs), plot.right());
        if (x1 > x0)
            p.fillRect(QRectF(QPointF(x0, plot.top()), QPointF(x1, plot.bottom())), shade);
    }
    p.restore();
}

void TimeSeriesChart::paintSeries(QPainter& p)
{
    const size_t n = std::min(m_names.size(), drawnSeries().size());
    // Looked up here, on the UI thread: the palette and the colour table are the widget's.
    m_paintColours.resize(n);
    for (size_t i = 0; i < n; ++i)
        m_paintColours[i] = colourOf(m_names[i]);
    // A dense line chart (100 series of a few thousand M4 points) spends most of its frame in the
    // rasteriser's per-segment work. Lines of the later series go to a transparent layer on a pool
    // thread and are composited on top afterwards: the same pixels as one painter drawing them in
    // order, since every later series lies over every earlier one either way.
    const bool split = m_options.style == DrawStyle::Lines && n >= 2 && m_options.decimationThreads != 1 &&
                       m_drawnPoints >= kParallelPaintPoints &&
                       (m_options.decimationThreads > 1 || QThread::idealThreadCount() > 1);
    if (!split) {
        paintSeriesRange(p, 0, n, m_points, m_dots);
        return;
    }
    // Split where half of the points are drawn.
    qsizetype half = 0;
    for (size_t i = 0; i < n; ++i)
        half += qsizetype(sourceFor(i).values.size());
    half /= 2;
    size_t mid = 0;
    for (qsizetype sum = 0; mid + 1 < n && sum < half; ++mid)
        sum += qsizetype(sourceFor(mid).values.size());
    mid = std::max<size_t>(mid, 1);
    const qreal dpr = m_frame.devicePixelRatio();
    if (m_layer.size() != m_frame.size())
        m_layer = QImage(m_frame.size(), QImage::Format_ARGB32_Premultiplied);
    m_layer.setDevicePixelRatio(dpr);
    const QRect clip = m_plot.adjusted(0, -1, 1, 1);
    analysis::parallelFor(2, 2, [&](qsizetype part) {
        if (part == 0) {
            paintSeriesRange(p, 0, mid, m_points, m_dots);
            return;
        }
        m_layer.fill(Qt::transparent);
        QPainter layer(&m_layer);
        layer.setClipRect(clip);
        layer.setRenderHint(QPainter::Antialiasing, m_options.antialiasing);
        paintSeriesRange(layer, mid, n, m_layerPoints, m_layerDots);
    });
    p.save();
    p.setClipRect(clip);
    p.drawImage(QPointF(0, 0), m_layer);
    p.restore();
}

void TimeSeriesChart::paintSeriesRange(QPainter& p, size_t from, size_t to, std::vector<QPointF>& points,
                                       std::vector<QPointF>& dots) const
{
    const bool aa = m_options.antialiasing;
    const bool log = m_options.logScale;
    const double scale = m_format.scale;
    const size_t n = to;
    const double left = m_plot.left();
    const double pxPerNs = double(m_plot.width()) / double(m_toNs - m_fromNs);
    const double bottom = m_plot.top() + m_plot.height();
    const double logMin = std::log10(m_yMin);
    const double pxPerUnit =
        log ? m_plot.height() / (std::log10(m_yMax) - logMin) : m_plot.height() / (m_yMax - m_yMin);
    // Aliased, a point goes to the centre of the pixel column it falls in, so a line through a
    // column's samples and one through its M4 points light the same pixels: the rasteriser lights a
    // row where a segment crosses the row's centre, and the column's extreme samples decide that.
    // (Snapping y as well would turn runs of samples in one row into zero-length segments, which
    // light their pixel: the raw line would ink rows its M4 points do not.)
    const auto snap = [aa](double v) { return aa ? v : std::floor(v) + 0.5; };
    // Stacked bars: the top of the stack first, so each lower series paints over the ones above it.
    const bool reverse = m_options.stacked && m_options.style == DrawStyle::Bars;
    for (size_t o = from; o < n; ++o) {
        const size_t i = reverse ? n - 1 - (o - from) : o;
        const DrawSource src = sourceFor(i);
        // Pixels, with a NaN x where the line breaks (a gap, or a value a log axis cannot show).
        points.resize(src.values.size());
        size_t count = 0;
        bool any = false;
        for (size_t k = 0; k < src.values.size(); ++k) {
            const double v = src.values[k] * scale;
            if (!std::isfinite(v) || (log && v <= 0)) {
                if (count > 0 && !std::isnan(points[count - 1].x()))
                    points[count++] = QPointF(qQNaN(), 0);
                continue;
            }
            const double x =
                std::clamp(left + double(src.timesNs[k] - m_fromNs) * pxPerNs, -kFarOutside, kFarOutside);
            const double y = bottom - ((log ? std::log10(v) - logMin : v - m_yMin) * pxPerUnit);
            points[count++] = QPointF(snap(x), std::clamp(y, -kFarOutside, kFarOutside));
            any = true;
        }
        if (!any)
            continue;
        const QColor& colour = m_paintColours[i];
        if (m_options.style == DrawStyle::Points) {
            QPen pen(colour, 5, Qt::SolidLine, Qt::RoundCap);
            p.setPen(pen);
            dots.clear();
            for (size_t k = 0; k < count; ++k)
                if (!std::isnan(points[k].x()))
                    dots.push_back(points[k]);
            p.drawPoints(dots.data(), int(dots.size()));
        } else if (m_options.style == DrawStyle::Bars) {
            paintBars(p, colour, points, count, dots,
                      std::max(double(m_sampleStepNs[i]) * 0.4 * pxPerNs, 0.5));
        } else {
            paintLines(p, colour, points, count, dots);
        }
    }
}

void TimeSeriesChart::paintLines(QPainter& p, const QColor& colour, const std::vector<QPointF>& points,
                                 size_t count, std::vector<QPointF>& dots) const
{
    const bool aa = m_options.antialiasing;
    p.setPen(QPen(colour, aa ? 1.6 : 1.0));
    dots.clear(); // a sample between two gaps: a dot, or a line would not show it
    size_t start = 0;
    for (size_t k = 0; k <= count; ++k) {
        if (k < count && !std::isnan(points[k].x()))
            continue;
        const size_t length = k - start;
        if (length == 1)
            dots.push_back(points[start]);
        else if (length > 1)
            p.drawPolyline(points.data() + start, int(length));
        start = k + 1;
    }
    if (!dots.empty()) {
        p.setPen(QPen(colour, aa ? 4 : 3, Qt::SolidLine, Qt::RoundCap));
        p.drawPoints(dots.data(), int(dots.size()));
    }
}

void TimeSeriesChart::paintBars(QPainter& p, const QColor& colour, const std::vector<QPointF>& points,
                                size_t count, std::vector<QPointF>& dots, double half) const
{
    // Each sample a bar of the series' sample step (at least a pixel), narrowed where the neighbours
    // are closer, so bars never overlap; one polygon per unbroken run.
    const double base = yForValue(m_options.logScale ? m_yMin : 0.0);
    QColor fill = colour;
    fill.setAlphaF(0.75f);
    p.setPen(QPen(colour, 1));
    p.setBrush(fill);
    size_t start = 0;
    for (size_t k = 0; k <= count; ++k) {
        if (k < count && !std::isnan(points[k].x()))
            continue;
        dots.clear();
        for (size_t j = start; j < k; ++j) {
            const QPointF& pt = points[j];
            const double l = j > start ? std::min(half, (pt.x() - points[j - 1].x()) / 2) : half;
            const double r = j + 1 < k ? std::min(half, (points[j + 1].x() - pt.x()) / 2) : half;
            dots.insert(dots.end(), {QPointF(pt.x() - l, base), QPointF(pt.x() - l, pt.y()),
                                     QPointF(pt.x() + r, pt.y()), QPointF(pt.x() + r, base)});
        }
        if (!dots.empty())
            p.drawPolygon(dots.data(), int(dots.size()));
        start = k + 1;
    }
    p.setBrush(Qt::NoBrush);
}

void TimeSeriesChart::paintMarkers(QPainter& p) const
{
    const double left = m_plot.left();
    const double right = m_plot.left() + m_plot.width();
    const analysis::Thresholds& th = m_options.thresholds;
    if (!th.isEmpty() && m_options.thresholdStyle == ThresholdStyle::Lines) {
        for (int i = 1; i < th.steps.size(); ++i) {
            const double v = th.stepStart(i, m_yMin, m_yMax);
            if (!(v >= m_yMin && v <= m_yMax))
                continue;
            QPen pen(thresholdColour(th.steps[i].colour));
            pen.setStyle(Qt::DashLine);
            pen.setWidthF(1.2);
            p.setPen(pen);
            const double y = yForValue(v);
            p.drawLine(QPointF(left, y), QPointF(right, y));
        }
    }
    // Neutral, so a marker never reads as one of the data lines' colours.
    QColor colour = palette().color(QPalette::Text);
    colour.setAlphaF(0.55f);
    QPen pen(colour);
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(1.4);
    p.setPen(pen);
    const double top = m_plot.top();
    const double bottom = m_plot.top() + m_plot.height();
    for (const ChartAnnotation& a : m_annotations) {
        if (a.isRegion())
            continue; // shaded in paintUnderlay
        const double x = xForTime(a.timeMs);
        if (x >= left && x <= right)
            p.drawLine(QPointF(x, top), QPointF(x, bottom));
    }
}

void TimeSeriesChart::paintCanvas(QPainter& p, const QRect& dirty)
{
    ensureFrame();
    if (m_frame.isNull()) {
        p.fillRect(dirty, palette().color(QPalette::Base));
        return;
    }
    p.drawImage(dirty, m_frame,
                QRectF(QPointF(dirty.topLeft()) * m_frame.devicePixelRatio(),
                       QSizeF(dirty.size()) * m_frame.devicePixelRatio()));
    const QRectF plot = plotArea();
    QColor ink = palette().color(QPalette::Text);
    if (m_crosshairMs >= 0) {
        const double x = std::floor(xForTime(m_crosshairMs)) + 0.5;
        if (x >= plot.left() && x <= plot.right()) {
            ink.setAlphaF(0.5f);
            p.setPen(QPen(ink, 1));
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
    }
    if (m_canvas->dragging()) {
        QColor band = palette().color(QPalette::Highlight);
        band.setAlphaF(0.2f);
        p.fillRect(m_canvas->dragRect(), band);
    }
    if (m_droppedForLog > 0) {
        ink.setAlphaF(0.7f);
        p.setPen(ink);
        p.drawText(plot.adjusted(6, 4, -6, -4), Qt::AlignLeft | Qt::AlignTop,
                   tr("%n value(s) ≤ 0 not shown on the log scale", nullptr, int(m_droppedForLog)));
    }
}

} // namespace wf::ui
