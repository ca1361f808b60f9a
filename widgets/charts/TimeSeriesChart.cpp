#include "charts/TimeSeriesChart.h"

#include "analysis/ParallelFor.h"
#include "analysis/UnitFormat.h"
#include "charts/ChartCanvas.h"
#include "theme/Theme.h"

#include <QDateTime>
#include <QEvent>
#include <QResizeEvent>
#include <QToolTip>

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

constexpr int kMaxTooltipSeries = 20;
// Below this many samples a chart decimates on the UI thread: handing work to the pool costs more.
constexpr qsizetype kParallelDecimationPoints = 200'000;

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget* parent)
    : QWidget(parent)
    , m_canvas(new ChartCanvas(this))
    , m_legend(new ChartLegend(this))
{
    m_axisFont = font();
    m_axisFont.setPointSizeF(m_axisFont.pointSizeF() * 0.85);
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    m_toNs = nowMs * 1'000'000;
    m_fromNs = m_toNs - 60'000'000'000LL;
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setBackgroundRole(QPalette::Base); // around a legend beside the plot: one surface
    setAutoFillBackground(true);
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
    // Whole milliseconds, as the crosshair and the zoom work in them.
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

QColor TimeSeriesChart::colourOf(const QString& name) const
{
    return lineColour(m_colourIndex.value(name, 0), isDark(palette()));
}

QString TimeSeriesChart::formatValue(double value) const
{
    if (m_format.unitId.isEmpty())
        return std::isfinite(value) ? QString::number(value, 'f', std::clamp(m_format.decimals, 0, 6))
                                    : analysis::formatValueText(value, u"none");
    return analysis::formatValueText(value, m_format.unitId);
}

const std::vector<signalstore::SeriesSet>& TimeSeriesChart::drawnSeries() const
{
    return m_options.stacked ? m_stacked : m_series;
}

TimeSeriesChart::DrawSource TimeSeriesChart::sourceFor(size_t index) const
{
    if (m_options.decimate) {
        if (index >= m_decimated.size())
            return {};
        return {m_decimated[index].timesNs, m_decimated[index].values};
    }
    const signalstore::SeriesSet& s = drawnSeries()[index];
    const size_t n = std::min(s.timesNs.size(), s.values.size());
    return {std::span<const qint64>(s.timesNs.data(), n), std::span<const double>(s.values.data(), n)};
}

int TimeSeriesChart::decimationThreads(qsizetype totalPoints) const
{
    return totalPoints >= kParallelDecimationPoints ? m_options.decimationThreads : 1;
}

void TimeSeriesChart::rebuild()
{
    m_stacked = m_options.stacked ? analysis::stackSeries(m_series) : std::vector<signalstore::SeriesSet>{};
    const std::vector<signalstore::SeriesSet>& drawn = drawnSeries();
    const size_t n = m_series.size();
    qsizetype total = 0;
    for (const signalstore::SeriesSet& s : drawn)
        total += qsizetype(s.timesNs.size());

    // One pass per series, spread over the cores: statistics from every sample, the y range (of the
    // stacked values when stacking), and M4 to the plot's current width, which a refresh rarely
    // changes (relayout below redecimates when it does).
    m_stats.resize(n);
    m_decimated.resize(m_options.decimate ? n : 0);
    std::vector<analysis::SeriesStats> range(n);
    std::vector<double> lowestPositive(n, std::numeric_limits<double>::infinity());
    if (m_plot.isEmpty() || m_layoutSize != expectedCanvasSize())
        relayout(expectedCanvasSize()); // the previous labels' layout: usually also the new one
    m_window = decimationWindow();
    const analysis::M4Decimator m4(m_window.fromNs, m_window.toNs, m_window.columns);
    const bool log = m_options.logScale;
    m_decimations += m_options.decimate ? 1 : 0;
    analysis::parallelFor(qsizetype(n), decimationThreads(total), [&](qsizetype k) {
        const size_t i = size_t(k);
        // Unstacked, the drawn series is the data: M4 gathers its statistics in the same pass.
        const bool fused = m_options.decimate && !m_options.stacked;
        if (fused)
            m4.decimateInto(drawn[i].timesNs, drawn[i].values, m_decimated[i], &m_stats[i]);
        else
            m_stats[i] = analysis::seriesStats(m_series[i]);
        range[i] = m_options.stacked ? analysis::seriesStats(drawn[i]) : m_stats[i];
        if (log && range[i].count > 0) {
            if (range[i].min > 0) {
                lowestPositive[i] = range[i].min;
            } else {
                for (double v : drawn[i].values) {
                    if (std::isfinite(v) && v > 0)
                        lowestPositive[i] = std::min(lowestPositive[i], v);
                }
            }
        }
        if (m_options.decimate && !fused)
            m4.decimateInto(drawn[i].timesNs, drawn[i].values, m_decimated[i]);
    });

    const double scale = m_format.scale;
    m_names.clear();
    m_sampleStepNs.clear();
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    double lowest = lo;
    m_droppedForLog = 0;
    for (size_t i = 0; i < n; ++i) {
        const signalstore::SeriesSet& set = m_series[i];
        m_names.push_back(seriesName(set));
        colourFor(m_names.back());
        const size_t count = std::min(set.timesNs.size(), set.values.size());
        m_sampleStepNs.push_back(
            count >= 2 ? std::max<qint64>(1, (set.timesNs[count - 1] - set.timesNs[0]) / qint64(count - 1))
                       : (m_toNs - m_fromNs));
        if (range[i].count == 0)
            continue;
        lo = std::min({lo, range[i].min * scale, range[i].max * scale});
        hi = std::max({hi, range[i].min * scale, range[i].max * scale});
        if (log) {
            m_droppedForLog += range[i].nonPositive;
            lowest = std::min(lowest, lowestPositive[i] * scale);
        }
    }
    if (log) {
        if (!std::isfinite(lowest) || !(hi > 0)) {
            m_yMin = 1;
            m_yMax = 10;
        } else {
            m_yMin = std::pow(10.0, std::floor(std::log10(lowest)));
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
        const double step = analysis::niceStep((hi - lo) / 4);
        m_yMin = std::floor(lo / step) * step;
        m_yMax = std::ceil(hi / step) * step;
        if (m_yMax <= hi && hi > 0)
            m_yMax = std::max(m_yMax, hi); // at least the data
    }
    updateLegend();
    layoutChildren(); // the legend's rows decide the canvas' size
    updateValueTicks();
    relayout(expectedCanvasSize());
    redecimateIfMoved(); // the new labels moved the plot's edges
    countDrawn();
    rebuildAnnotations();
    m_frameDirty = true;
    scheduleFrame();
    m_canvas->update();
}

void TimeSeriesChart::redecimate()
{
    m_window = decimationWindow();
    if (!m_options.decimate)
        return;
    const std::vector<signalstore::SeriesSet>& drawn = drawnSeries();
    qsizetype total = 0;
    for (const signalstore::SeriesSet& s : drawn)
        total += qsizetype(s.timesNs.size());
    m_decimated.resize(drawn.size());
    ++m_decimations;
    const analysis::M4Decimator m4(m_window.fromNs, m_window.toNs, m_window.columns);
    analysis::parallelFor(qsizetype(drawn.size()), decimationThreads(total), [&](qsizetype i) {
        m4.decimateInto(drawn[size_t(i)].timesNs, drawn[size_t(i)].values, m_decimated[size_t(i)]);
    });
    countDrawn();
    m_frameDirty = true;
}

void TimeSeriesChart::redecimateIfMoved()
{
    if (m_options.decimate && decimationWindow() != m_window)
        redecimate();
}

void TimeSeriesChart::updateLegend()
{
    const double scale = m_format.scale;
    QList<LegendRow> rows;
    for (size_t i = 0; i < m_stats.size() && i < m_names.size(); ++i) {
        const analysis::SeriesStats& s = m_stats[i];
        if (s.count > 0)
            rows.append({m_names[i], colourOf(m_names[i]), formatValue(s.min * scale),
                         formatValue(s.max * scale), formatValue(s.mean * scale),
                         formatValue(s.last * scale)});
    }
    m_legend->setRows(rows, m_options.legendStats);
}

void TimeSeriesChart::layoutChildren()
{
    // The legend takes what it needs of its share; the canvas (the plot) gets the rest.
    const QRect legend = m_legend->placeIn(size());
    QRect canvas = rect();
    if (m_legend->placement() == LegendPlacement::Bottom)
        canvas.setBottom(legend.top() - 1);
    else if (m_legend->placement() == LegendPlacement::Right)
        canvas.setRight(legend.left() - 1);
    m_legend->setVisible(m_legend->placement() != LegendPlacement::Hidden);
    if (m_legend->placement() != LegendPlacement::Hidden)
        m_legend->setGeometry(legend);
    m_canvasRect = canvas;
    m_canvas->setGeometry(canvas);
}

void TimeSeriesChart::resizeEvent(QResizeEvent* event)
{
    layoutChildren();
    QWidget::resizeEvent(event);
}

QSize TimeSeriesChart::sizeHint() const
{
    return {480, 260};
}

QSize TimeSeriesChart::minimumSizeHint() const
{
    return {160, 80};
}

void TimeSeriesChart::countDrawn()
{
    // What paintSeries will draw: samples a log axis can show, in series with at least one of them.
    m_drawnNames.clear();
    m_drawnPoints = 0;
    const bool log = m_options.logScale;
    const double scale = m_format.scale;
    for (size_t i = 0; i < m_names.size() && i < drawnSeries().size(); ++i) {
        const DrawSource src = sourceFor(i);
        qsizetype points = 0;
        for (double value : src.values) {
            const double v = value * scale;
            points += std::isfinite(v) && !(log && v <= 0) ? 1 : 0;
        }
        if (points == 0)
            continue;
        m_drawnNames << m_names[i];
        m_drawnPoints += points;
    }
}

TimeSeriesChart::DecimationWindow TimeSeriesChart::decimationWindow() const
{
    // One M4 column per device pixel column, with column edges where the rasteriser's pixel edges
    // are: aliased drawing lights pixel floor(x) for a point at x, so pixel p covers [p, p + 1).
    // Columns straddling two pixels would halve every column's vertical extent.
    const qreal dpr = devicePixelRatioF();
    const QRectF plot = plotArea();
    const long double left = plot.left() * dpr;
    const long double width = std::max<qreal>(1, plot.width()) * dpr;
    const long double edge = std::floor(left);
    const int columns = std::max(1, int(std::ceil(left + width - edge)));
    const long double span = (long double)(m_toNs - m_fromNs);
    DecimationWindow w;
    w.columns = columns;
    w.fromNs = m_fromNs + qint64(std::llround((edge - left) / width * span));
    w.toNs = m_fromNs + qint64(std::llround((edge + columns - left) / width * span));
    return w;
}

void TimeSeriesChart::rebuildAnnotations()
{
    m_visibleAnnotations = 0;
    const qint64 from = m_fromNs / 1'000'000;
    const qint64 to = m_toNs / 1'000'000;
    for (const ChartAnnotation& a : std::as_const(m_annotations)) {
        const qint64 end = a.isRegion() ? a.endMs : a.timeMs;
        if (end >= from && a.timeMs <= to)
            ++m_visibleAnnotations;
    }
}

QRectF TimeSeriesChart::plotArea() const
{
    return QRectF(m_plot);
}

double TimeSeriesChart::xForTime(qint64 timeMs) const
{
    const double from = double(m_fromNs) / 1e6;
    const double to = double(m_toNs) / 1e6;
    return m_plot.left() + (double(timeMs) - from) / (to - from) * m_plot.width();
}

double TimeSeriesChart::xForTimeNs(qint64 timeNs) const
{
    return m_plot.left() + double(timeNs - m_fromNs) / double(m_toNs - m_fromNs) * m_plot.width();
}

qint64 TimeSeriesChart::timeForX(double x) const
{
    const QRectF plot = plotArea();
    const double from = double(m_fromNs) / 1e6;
    const double to = double(m_toNs) / 1e6;
    const double f = plot.width() > 0 ? (x - plot.left()) / plot.width() : 0;
    return qint64(std::llround(from + std::clamp(f, 0.0, 1.0) * (to - from)));
}

double TimeSeriesChart::yForValue(double value) const
{
    double f = 0;
    if (m_options.logScale)
        f = (std::log10(value) - std::log10(m_yMin)) / (std::log10(m_yMax) - std::log10(m_yMin));
    else
        f = (value - m_yMin) / (m_yMax - m_yMin);
    return m_plot.top() + m_plot.height() - f * m_plot.height();
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

void TimeSeriesChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange && !m_applyingPalette) {
        applyPalette();
        updateLegend(); // legend swatches follow the theme; the data needs no new pass
    } else if (event->type() == QEvent::FontChange) {
        m_axisFont = font();
        m_axisFont.setPointSizeF(m_axisFont.pointSizeF() * 0.85);
        layoutChildren();
        relayout(expectedCanvasSize());
        redecimateIfMoved();
    }
    QWidget::changeEvent(event);
}

void TimeSeriesChart::applyPalette()
{
    m_applyingPalette = true;
    m_legend->setPalette(palette());
    m_frameDirty = true;
    m_canvas->update();
    m_applyingPalette = false;
}

} // namespace wf::ui
