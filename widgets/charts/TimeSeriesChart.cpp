#include "charts/TimeSeriesChart.h"

#include "analysis/M4Decimator.h"
#include "analysis/SeriesStats.h"
#include "analysis/UnitFormat.h"
#include "charts/ChartCanvas.h"
#include "theme/Theme.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QKeyEvent>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QPainter>
#include <QScatterSeries>
#include <QSet>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace wf::ui {

namespace {

// Distinguishable on both themes' backgrounds; assigned in order of first appearance so a service
// keeps its colour while the demo runs.
QColor lineColour(int index, bool dark)
{
    static const QColor light[] = {QColor(0x1f77b4), QColor(0xd62728), QColor(0x2ca02c), QColor(0x9467bd),
                                   QColor(0xff7f0e), QColor(0x17becf), QColor(0x7f7f7f), QColor(0xe377c2)};
    static const QColor darkSet[] = {QColor(0x6cb4ff), QColor(0xff6b6b), QColor(0x6fdc6f), QColor(0xc39bff),
                                     QColor(0xffb347), QColor(0x4fe3f0), QColor(0xe8e8e8), QColor(0xff9ad5)};
    const int n = int(std::size(light));
    return dark ? darkSet[index % n] : light[index % n];
}

constexpr int kMaxSegmentsPerSeries = 256; // more gaps than this are joined: a pixel cannot show them
constexpr int kMaxTooltipSeries = 20;
constexpr qsizetype kParallelDecimationPoints = 200'000;

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget* parent)
    : QWidget(parent)
    , m_canvas(new ChartCanvas(this))
    , m_legend(new ChartLegend(this))
    , m_scene(std::make_unique<QGraphicsScene>())
    , m_chart(new QChart)
    , m_x(new QDateTimeAxis(m_chart))
{
    m_scene->addItem(m_chart); // the scene owns the chart; no view: we render frames ourselves
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 10, 10, 4)); // room for the top label and the last time
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->hide(); // ChartLegend below the plot shows names and statistics
    m_chart->setAnimationOptions(QChart::NoAnimation); // data moves every few seconds: no flicker
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_x->setLabelsFont(small);
    m_x->setFormat(QStringLiteral("HH:mm:ss")); // QDateTime from ms since epoch: local time
    m_x->setTickCount(5);
    // Qt 6.4: a date-time axis added with its default range never lays out its labels, even after a
    // later setRange(); a real range from the start avoids that.
    const QDateTime now = QDateTime::currentDateTime();
    m_x->setRange(now.addSecs(-60), now);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_toNs = now.toMSecsSinceEpoch() * 1'000'000;
    m_fromNs = m_toNs - 60'000'000'000LL;
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_legend);
    m_legend->hide();
    setValueFormat({});
    applyPalette();
}

TimeSeriesChart::~TimeSeriesChart() = default;

void TimeSeriesChart::setValueFormat(const ValueFormat& format)
{
    m_format = format;
    rebuild();
}

void TimeSeriesChart::setOptions(const ChartOptions& options)
{
    if (options == m_options)
        return;
    m_options = options;
    m_options.thresholds = options.thresholds.normalised();
    rebuild();
}

QString TimeSeriesChart::seriesName(const signalstore::SeriesSet& set)
{
    QStringList parts;
    for (const auto& [key, value] : set.labels)
        parts << value;
    return parts.isEmpty() ? tr("all") : parts.join(QStringLiteral(" / "));
}

void TimeSeriesChart::setSeries(const std::vector<signalstore::SeriesSet>& series, qint64 fromNs, qint64 toNs)
{
    setSeries(std::vector<signalstore::SeriesSet>(series), fromNs, toNs);
}

void TimeSeriesChart::setSeries(std::vector<signalstore::SeriesSet>&& series, qint64 fromNs, qint64 toNs)
{
    m_series = std::move(series);
    // Whole milliseconds, as the date-time axis has them, so decimation columns and Qt Charts map
    // times to the same pixels.
    const auto floorMs = [](qint64 ns) { return ns / 1'000'000 - (ns % 1'000'000 < 0 ? 1 : 0); };
    m_fromNs = floorMs(fromNs) * 1'000'000;
    m_toNs = std::max(floorMs(toNs) + (toNs % 1'000'000 != 0 ? 1 : 0), floorMs(fromNs) + 1) * 1'000'000;
    rebuild();
}

void TimeSeriesChart::setAnnotations(const QList<ChartAnnotation>& annotations)
{
    if (annotations == m_annotations)
        return;
    m_annotations = annotations;
    rebuildAnnotations();
    m_frameDirty = true;
    m_canvas->update();
}

int TimeSeriesChart::visibleAnnotationCount() const
{
    return m_visibleAnnotations;
}

int TimeSeriesChart::lineCount() const
{
    return int(m_drawnNames.size());
}

QStringList TimeSeriesChart::lineNames() const
{
    QStringList names = m_drawnNames;
    names.sort();
    return names;
}

QColor TimeSeriesChart::colourFor(const QString& name)
{
    auto it = m_colourIndex.find(name);
    if (it == m_colourIndex.end())
        it = m_colourIndex.insert(name, int(m_colourIndex.size()));
    return lineColour(it.value(), isDark(palette()));
}

QString TimeSeriesChart::formatValue(double value) const
{
    if (m_format.unitId.isEmpty())
        return std::isfinite(value) ? QString::number(value, 'f', std::clamp(m_format.decimals, 0, 6))
                                    : analysis::formatValueText(value, u"none");
    return analysis::formatValueText(value, m_format.unitId);
}

void TimeSeriesChart::rebuild()
{
    const double scale = m_format.scale;
    m_names.clear();
    m_sampleStepNs.clear();
    QList<LegendRow> rows;
    m_stacked = m_options.stacked ? analysis::stackSeries(m_series) : std::vector<signalstore::SeriesSet>{};
    const std::vector<signalstore::SeriesSet>& drawn = m_options.stacked ? m_stacked : m_series;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    double lowestPositive = lo;
    m_droppedForLog = 0;
    for (size_t i = 0; i < m_series.size(); ++i) {
        const signalstore::SeriesSet& set = m_series[i];
        const QString name = seriesName(set);
        m_names.push_back(name);
        const size_t n = std::min(set.timesNs.size(), set.values.size());
        m_sampleStepNs.push_back(
            n >= 2 ? std::max<qint64>(1, (set.timesNs[n - 1] - set.timesNs[0]) / qint64(n - 1))
                   : (m_toNs - m_fromNs));
        // Legend statistics from every sample, never from the decimated points.
        const analysis::SeriesStats stats = analysis::seriesStats(set);
        if (stats.count > 0) {
            rows.append({name, colourFor(name), formatValue(stats.min * scale),
                         formatValue(stats.max * scale), formatValue(stats.mean * scale),
                         formatValue(stats.last * scale)});
        }
        const analysis::SeriesStats range = m_options.stacked ? analysis::seriesStats(drawn[i]) : stats;
        if (range.count > 0) {
            lo = std::min({lo, range.min * scale, range.max * scale});
            hi = std::max({hi, range.min * scale, range.max * scale});
            if (m_options.logScale) {
                m_droppedForLog += range.nonPositive;
                // The smallest positive value needs its own pass only when there are non-positive ones.
                if (range.min > 0) {
                    lowestPositive = std::min(lowestPositive, range.min * scale);
                } else {
                    for (double v : drawn[i].values) {
                        if (std::isfinite(v) && v > 0)
                            lowestPositive = std::min(lowestPositive, v * scale);
                    }
                }
            }
        }
    }
    if (m_options.logScale) {
        if (!std::isfinite(lowestPositive) || !(hi > 0)) {
            m_yMin = 1;
            m_yMax = 10;
        } else {
            m_yMin = std::pow(10.0, std::floor(std::log10(lowestPositive)));
            m_yMax = std::pow(10.0, std::ceil(std::log10(hi)));
            if (m_yMax <= m_yMin)
                m_yMax = m_yMin * 10;
        }
    } else {
        if (!std::isfinite(lo)) {
            lo = 0;
            hi = 1;
        }
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
        if (hi <= lo)
            hi = lo + 1;
        const double step = niceStep((hi - lo) / 4);
        m_yMin = std::floor(lo / step) * step;
        m_yMax = std::ceil(hi / step) * step;
        if (m_yMax <= hi && hi > 0)
            m_yMax = std::max(m_yMax, hi); // at least the data
    }
    m_legend->setRows(rows, m_options.legendStats);
    // A new axis range makes Qt Charts re-lay every series' points (and their hover outline); the
    // old points are about to be replaced, so drop them first and pay for the new ones only.
    for (QLineSeries* s : std::as_const(m_linePool))
        s->clear();
    for (QScatterSeries* s : std::as_const(m_dotPool))
        s->clear();
    updateAxes();
    decimateAndBuild();
}

TimeSeriesChart::DecimationWindow TimeSeriesChart::decimationWindow() const
{
    // One M4 column per device pixel column, with column edges where the rasteriser's pixel edges
    // are: aliased drawing (measured on Qt 6.4's raster engine) lights pixel floor(x) for a point at
    // x, so pixel p covers [p, p + 1). Columns straddling two pixels would halve every column's
    // vertical extent.
    const qreal dpr = devicePixelRatioF();
    QRectF plot = m_chart->plotArea();
    if (plot.width() <= 1)
        plot = QRectF(60, 0, std::max(1, m_canvas->width() - 70), 1); // before the first layout
    const long double left = plot.left() * dpr;
    const long double width = plot.width() * dpr;
    const long double edge = std::floor(left);
    const int columns = std::max(1, int(std::ceil(left + width - edge)));
    const long double span = (long double)(m_toNs - m_fromNs);
    DecimationWindow w;
    w.columns = columns;
    w.fromNs = m_fromNs + qint64(std::llround((edge - left) / width * span));
    w.toNs = m_fromNs + qint64(std::llround((edge + columns - left) / width * span));
    return w;
}

void TimeSeriesChart::decimateAndBuild()
{
    // The plot's width decides the columns: lay the chart out first (axis labels take their room),
    // so the first frame does not decimate twice.
    if (const QSize size = m_canvas->size(); !size.isEmpty()) {
        if (m_chart->size().toSize() != size)
            m_chart->resize(size);
        m_chart->layout()->activate();
    }
    const std::vector<signalstore::SeriesSet>& drawn = m_options.stacked ? m_stacked : m_series;
    qsizetype total = 0;
    for (const signalstore::SeriesSet& s : drawn)
        total += qsizetype(s.timesNs.size());
    m_window = decimationWindow();
    m_decimatedColumns = m_window.columns;
    if (!m_options.decimate) {
        std::vector<analysis::DecimatedSeries> all;
        for (const signalstore::SeriesSet& s : drawn)
            all.push_back({s.timesNs, s.values});
        rebuildSeries(all);
        return;
    }
    const analysis::M4Decimator m4(m_window.fromNs, m_window.toNs, m_window.columns);
    rebuildSeries(m4.decimateMany(drawn, total >= kParallelDecimationPoints ? 0 : 1));
}

void TimeSeriesChart::rebuildSeries(const std::vector<analysis::DecimatedSeries>& decimated)
{
    // Data lines and dots are reused from refresh to refresh (adding a series to Qt Charts costs far
    // more than replacing its points); bars and threshold lines are few and made anew.
    for (QAbstractSeries* s : std::as_const(m_transientSeries)) {
        m_chart->removeSeries(s);
        delete s;
    }
    m_transientSeries.clear();
    m_drawnNames.clear();
    m_drawnPoints = 0;
    const double scale = m_format.scale;
    const bool log = m_options.logScale;
    const double base = log ? m_yMin : 0.0;
    const double fromMs = double(m_fromNs) / 1e6;
    const double toMs = double(m_toNs) / 1e6;
    const auto add = [&](QAbstractSeries* s) {
        m_chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        m_transientSeries << s;
    };
    // New series join the chart empty and get their points once all are attached: a series added
    // with points makes Qt Charts recompute what is already there.
    std::vector<std::pair<QXYSeries*, QList<QPointF>>> pending;
    qsizetype linesUsed = 0;
    qsizetype dotsUsed = 0;
    const auto pooled = [&](auto& pool, qsizetype& used, QList<QPointF>&& points) {
        using Series = std::remove_pointer_t<typename std::remove_reference_t<decltype(pool)>::value_type>;
        if (used < pool.size()) {
            pool[used]->replace(points);
            return pool[used++];
        }
        auto* s = new Series;
        m_chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        pool << s;
        ++used;
        pending.emplace_back(s, std::move(points));
        return s;
    };
    const analysis::Thresholds& th = m_options.thresholds;

    const bool aa = m_options.antialiasing;
    const size_t n = std::min(decimated.size(), m_names.size());
    // Stacked bars: the top of the stack first, so each lower series paints over the ones above it.
    std::vector<size_t> order(n);
    for (size_t i = 0; i < n; ++i)
        order[i] = (m_options.stacked && m_options.style == DrawStyle::Bars) ? n - 1 - i : i;
    for (size_t i : order) {
        const analysis::DecimatedSeries& d = decimated[i];
        const QString& name = m_names[i];
        const QColor colour = colourFor(name);
        // Points in ms and display units; NaN (a gap, or a value a log axis cannot show) splits.
        QList<QList<QPointF>> segments(1);
        for (size_t k = 0; k < d.timesNs.size(); ++k) {
            const double v = d.values[k] * scale;
            if (!std::isfinite(v) || (log && v <= 0)) {
                if (!segments.back().isEmpty() && segments.size() < kMaxSegmentsPerSeries)
                    segments.append(QList<QPointF>());
                continue;
            }
            segments.back().append(QPointF(double(d.timesNs[k]) / 1e6, v));
        }
        if (segments.back().isEmpty())
            segments.removeLast();
        if (segments.isEmpty())
            continue;
        m_drawnNames << name;
        if (m_options.style == DrawStyle::Points) {
            QList<QPointF> all;
            for (const QList<QPointF>& seg : std::as_const(segments))
                all += seg;
            m_drawnPoints += all.size();
            QScatterSeries* scatter = pooled(m_dotPool, dotsUsed, std::move(all));

            scatter->setMarkerSize(5);
            scatter->setColor(colour);
            scatter->setBorderColor(colour);
            continue;
        }
        if (m_options.style == DrawStyle::Bars) {
            // Each sample a bar of the series' sample step (at least a pixel), narrowed where the
            // decimated neighbours are closer, so the outline never runs backwards in time.
            const double msPerPixel = (toMs - fromMs) / std::max(1, m_decimatedColumns);
            const double half = std::max(double(m_sampleStepNs[i]) / 1e6 * 0.4, msPerPixel * 0.5);
            for (const QList<QPointF>& seg : std::as_const(segments)) {
                auto* upper = new QLineSeries;
                QList<QPointF> outline;
                outline.reserve(seg.size() * 4);
                for (qsizetype k = 0; k < seg.size(); ++k) {
                    double left = half, right = half;
                    if (k > 0)
                        left = std::min(left, (seg[k].x() - seg[k - 1].x()) / 2);
                    if (k + 1 < seg.size())
                        right = std::min(right, (seg[k + 1].x() - seg[k].x()) / 2);
                    outline << QPointF(seg[k].x() - left, base) << QPointF(seg[k].x() - left, seg[k].y())
                            << QPointF(seg[k].x() + right, seg[k].y()) << QPointF(seg[k].x() + right, base);
                }
                m_drawnPoints += seg.size();
                upper->replace(outline);
                auto* area = new QAreaSeries(upper);
                upper->setParent(area);
                auto* lower = new QLineSeries(area);
                lower->append({QPointF(outline.front().x(), base), QPointF(outline.back().x(), base)});
                area->setLowerSeries(lower);
                QColor fill = colour;
                fill.setAlphaF(0.75f);
                area->setBrush(fill);
                area->setPen(QPen(colour, 1));
                add(area);
            }
            continue;
        }
        QList<QPointF> isolated; // a sample between two gaps: a dot, or a line would not show it
        for (const QList<QPointF>& seg : std::as_const(segments)) {
            if (seg.size() == 1) {
                isolated << seg.front();
                continue;
            }
            m_drawnPoints += seg.size();
            QLineSeries* line = pooled(m_linePool, linesUsed, QList<QPointF>(seg));
            QPen pen(colour);
            pen.setWidthF(aa ? 1.6 : 1.0);
            line->setPen(pen);
        }
        if (!isolated.isEmpty()) {
            m_drawnPoints += isolated.size();
            QScatterSeries* dots = pooled(m_dotPool, dotsUsed, std::move(isolated));
            dots->setMarkerSize(aa ? 4 : 3);
            dots->setColor(colour);
            dots->setBorderColor(colour);
        }
    }

    if (!th.isEmpty() && m_options.thresholdStyle == ThresholdStyle::Lines) {
        for (int i = 1; i < th.steps.size(); ++i) {
            const double y = th.stepStart(i, m_yMin, m_yMax);
            if (!(y >= m_yMin && y <= m_yMax))
                continue;
            auto* line = new QLineSeries;
            QPen pen(thresholdColour(th.steps[i].colour));
            pen.setStyle(Qt::DashLine);
            pen.setWidthF(1.2);
            line->setPen(pen);
            line->append({QPointF(fromMs, y), QPointF(toMs, y)});
            add(line);
        }
    }
    const auto trim = [&](auto& pool, qsizetype used) {
        while (pool.size() > used) {
            m_chart->removeSeries(pool.back());
            delete pool.takeLast();
        }
    };
    trim(m_linePool, linesUsed);
    trim(m_dotPool, dotsUsed);
    for (auto& [series, points] : pending)
        series->replace(points);
    rebuildAnnotations();
    m_frameDirty = true;
    m_canvas->update();
}

void TimeSeriesChart::rebuildAnnotations()
{
    for (QAbstractSeries* s : std::as_const(m_annotationSeries)) {
        m_chart->removeSeries(s);
        delete s;
    }
    m_annotationSeries.clear();
    m_visibleAnnotations = 0;
    const double from = double(m_fromNs) / 1e6;
    const double to = double(m_toNs) / 1e6;
    // Neutral, so a marker never reads as one of the data lines' colours.
    QColor colour = palette().color(QPalette::Text);
    colour.setAlphaF(0.55f);
    for (const ChartAnnotation& a : std::as_const(m_annotations)) {
        const double start = double(a.timeMs);
        const double end = a.isRegion() ? double(a.endMs) : start;
        if (end < from || start > to)
            continue;
        ++m_visibleAnnotations;
        if (a.isRegion())
            continue; // painted under the series in ensureFrame()
        auto* marker = new QLineSeries;
        QPen pen(colour);
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(1.4);
        marker->setPen(pen);
        marker->append(start, m_yMin);
        marker->append(start, m_yMax);
        m_chart->addSeries(marker);
        marker->attachAxis(m_x);
        marker->attachAxis(m_y);
        m_annotationSeries << marker;
    }
}

QRectF TimeSeriesChart::plotArea() const
{
    return m_chart->plotArea();
}

double TimeSeriesChart::xForTime(qint64 timeMs) const
{
    const QRectF plot = plotArea();
    const double from = double(m_fromNs) / 1e6;
    const double to = double(m_toNs) / 1e6;
    return plot.left() + (double(timeMs) - from) / (to - from) * plot.width();
}

qint64 TimeSeriesChart::timeForX(double x) const
{
    const QRectF plot = plotArea();
    const double from = double(m_fromNs) / 1e6;
    const double to = double(m_toNs) / 1e6;
    const double f = plot.width() > 0 ? (x - plot.left()) / plot.width() : 0;
    return qint64(std::llround(from + std::clamp(f, 0.0, 1.0) * (to - from)));
}

QString TimeSeriesChart::tooltipTextAt(qint64 timeMs) const
{
    QStringList lines;
    lines << QDateTime::fromMSecsSinceEpoch(timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const qint64 t = timeMs * 1'000'000;
    const double nsPerPixel = double(m_toNs - m_fromNs) / std::max(1.0, plotArea().width());
    int shown = 0;
    for (size_t i = 0; i < m_series.size() && i < m_names.size(); ++i) {
        const qint64 maxAge = std::max<qint64>(m_sampleStepNs[i] * 3 / 2, qint64(nsPerPixel * 2));
        const double v = analysis::valueAt(m_series[i], t, maxAge);
        if (std::isnan(v))
            continue;
        if (++shown > kMaxTooltipSeries)
            continue;
        lines << m_names[i] + QStringLiteral(": ") + formatValue(v * m_format.scale);
    }
    if (shown > kMaxTooltipSeries)
        lines << tr("+ %n more", nullptr, shown - kMaxTooltipSeries);
    const double x = xForTime(timeMs);
    for (const ChartAnnotation& a : m_annotations) {
        const bool near =
            a.isRegion() ? (timeMs >= a.timeMs && timeMs <= a.endMs) : std::abs(xForTime(a.timeMs) - x) <= 4;
        if (near)
            lines << QStringLiteral("▸ ") + a.label;
    }
    return lines.join(u'\n');
}

void TimeSeriesChart::setCrosshairTime(qint64 timeMs)
{
    if (timeMs == m_crosshairMs)
        return;
    const int h = m_canvas->height();
    if (m_crosshairMs >= 0)
        m_canvas->update(QRect(int(std::floor(xForTime(m_crosshairMs))) - 2, 0, 5, h));
    m_crosshairMs = timeMs;
    if (m_crosshairMs >= 0)
        m_canvas->update(QRect(int(std::floor(xForTime(m_crosshairMs))) - 2, 0, 5, h));
}

void TimeSeriesChart::hoverAt(const QPoint& pos, const QPoint& globalPos)
{
    if (!plotArea().contains(pos)) {
        leaveCanvas();
        return;
    }
    const qint64 t = timeForX(pos.x());
    setCrosshairTime(t);
    Q_EMIT hovered(t);
    QToolTip::showText(globalPos, plainToolTip(tooltipTextAt(t)), m_canvas);
}

void TimeSeriesChart::leaveCanvas()
{
    if (m_crosshairMs < 0)
        return;
    setCrosshairTime(-1);
    Q_EMIT hovered(-1);
    QToolTip::hideText();
}

void TimeSeriesChart::canvasResized()
{
    m_frameDirty = true;
}

void TimeSeriesChart::ensureFrame()
{
    const QSize size = m_canvas->size();
    if (size.isEmpty())
        return;
    const qreal dpr = m_canvas->devicePixelRatioF();
    const bool sizeChanged = m_chart->size().toSize() != size;
    if (!m_frameDirty && !sizeChanged && m_frame.devicePixelRatio() == dpr)
        return;
    if (sizeChanged)
        m_chart->resize(size);
    m_chart->layout()->activate();
    // The plot's width decides the decimation: a resize re-decimates from the full data.
    if (m_options.decimate && decimationWindow() != m_window) {
        decimateAndBuild();
        m_chart->layout()->activate();
    }
    if (m_frame.size() != size * dpr)
        m_frame = QImage(size * dpr, QImage::Format_ARGB32_Premultiplied);
    m_frame.setDevicePixelRatio(dpr);
    m_frame.fill(palette().color(QPalette::Base));
    QPainter p(&m_frame);
    paintUnderlay(p);
    p.setRenderHint(QPainter::Antialiasing, m_options.antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    m_scene->render(&p, QRectF(QPointF(0, 0), QSizeF(size)), QRectF(QPointF(0, 0), QSizeF(size)));
    m_frameDirty = false;
}

double TimeSeriesChart::yForValue(double value) const
{
    const QRectF plot = plotArea();
    double f = 0;
    if (m_options.logScale)
        f = (std::log10(value) - std::log10(m_yMin)) / (std::log10(m_yMax) - std::log10(m_yMin));
    else
        f = (value - m_yMin) / (m_yMax - m_yMin);
    return plot.bottom() - f * plot.height();
}

void TimeSeriesChart::paintUnderlay(QPainter& p) const
{
    // Threshold bands and annotated regions sit under the series; painting them here keeps them out
    // of Qt Charts' series order (which follows the order of addition).
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

void TimeSeriesChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange && !m_applyingPalette) {
        applyPalette();
        rebuild(); // series and legend colours come from the palette
    }
    QWidget::changeEvent(event);
}

void TimeSeriesChart::applyPalette()
{
    m_applyingPalette = true;
    const QPalette p = palette();
    m_chart->setBackgroundVisible(false); // the frame is filled with Base, bands painted on it
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundVisible(false);
    QColor grid = p.color(QPalette::Text);
    grid.setAlphaF(0.12f);
    for (QAbstractAxis* axis : m_chart->axes()) {
        axis->setLabelsColor(p.color(QPalette::Text));
        axis->setTitleBrush(p.brush(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    m_legend->setPalette(p);
    m_frameDirty = true;
    m_canvas->update();
    m_applyingPalette = false;
}

} // namespace wf::ui
