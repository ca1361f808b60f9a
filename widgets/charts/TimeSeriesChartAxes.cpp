#include "analysis/UnitFormat.h"
#include "charts/ChartCanvas.h"
#include "charts/TimeSeriesChart.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

// The chart's axes: tick labels measured before the plot is placed, so the plot starts right of the
// widest value label and no label is ever elided (as Qt Charts' category axis did in narrow panels).

namespace wf::ui {

namespace {

constexpr int kLabelGap = 6; // between a value label and the plot
constexpr int kTimeLabelSpacing = 24;
constexpr double kValueLabelSpacing = 1.5; // line heights between value labels, at least
constexpr int kMaxTickUnitLength = 8;      // a longer unit is left out rather than widen every label

QColor gridColour(const QPalette& palette)
{
    QColor grid = palette.color(QPalette::Text);
    grid.setAlphaF(0.12f);
    return grid;
}

} // namespace

void TimeSeriesChart::updateValueTicks()
{
    m_yTicksAll = m_options.logScale
                      ? analysis::logTicks(m_yMin, m_yMax, m_format.unitId)
                      : analysis::linearTicks(m_yMin, m_yMax, m_format.unitId, m_format.decimals);
    m_yTicks = m_yTicksAll;
}

QList<QRect> TimeSeriesChart::valueAxisLabelRects() const
{
    const QFontMetrics fm(m_axisFont);
    const int h = fm.height();
    const int labelRight = m_plot.left() - kLabelGap;
    QList<QRect> rects;
    for (const analysis::ValueTick& t : m_yTicks) {
        const int y = int(std::floor(yForValue(t.value)));
        rects << QRect(labelRight - m_yLabelWidth, y - h / 2, m_yLabelWidth, h);
    }
    return rects;
}

QStringList TimeSeriesChart::valueAxisLabels() const
{
    QStringList labels;
    for (const analysis::ValueTick& t : m_yTicks)
        labels << t.label;
    return labels;
}

QString TimeSeriesChart::valueAxisTitle() const
{
    // With a unit id every label carries the unit; a free-text unit is the axis title.
    return m_format.unitId.isEmpty() ? m_format.unit : QString();
}

QSize TimeSeriesChart::expectedCanvasSize() const
{
    return m_canvasRect.size();
}

void TimeSeriesChart::relayout(const QSize& canvasSize)
{
    const QFontMetrics fm(m_axisFont);
    const int top = fm.height() / 2 + 4; // the top value label
    const int bottom = fm.height() + 8;
    m_layoutSize = canvasSize;
    const int plotHeight = std::max(1, m_layoutSize.height() - top - bottom);

    // The title runs along the plot's height; when it does not fit it is not elided but left out,
    // and a short unit goes onto the tick labels instead ("0.50 errors/s").
    const QString title = valueAxisTitle();
    const bool titleFits = !title.isEmpty() && fm.horizontalAdvance(title) <= plotHeight;
    m_shownAxisTitle = titleFits ? title : QString();
    m_tickUnit = !title.isEmpty() && !titleFits && title.size() <= kMaxTickUnitLength ? title : QString();

    // As many value ticks as the height holds without labels touching: every k-th, keeping zero.
    m_yTicks.clear();
    const double minSpacing = kValueLabelSpacing * fm.height();
    const qsizetype n = m_yTicksAll.size();
    if (n > 0) {
        const auto fraction = [&](double v) {
            return m_options.logScale
                       ? (std::log10(v) - std::log10(m_yMin)) / (std::log10(m_yMax) - std::log10(m_yMin))
                       : (v - m_yMin) / (m_yMax - m_yMin);
        };
        double gap = std::numeric_limits<double>::infinity(); // the closest two ticks, in pixels
        for (qsizetype i = 1; i < n; ++i)
            gap =
                std::min(gap, std::abs(fraction(m_yTicksAll[i].value) - fraction(m_yTicksAll[i - 1].value)) *
                                  plotHeight);
        const qsizetype every =
            std::isfinite(gap) && gap > 0 ? qsizetype(std::ceil(minSpacing / gap - 1e-9)) : 1;
        qsizetype anchor = 0;
        for (qsizetype i = 0; i < n; ++i)
            if (m_yTicksAll[i].value == 0)
                anchor = i;
        for (qsizetype i = anchor % std::max<qsizetype>(1, every); i < n;
             i += std::max<qsizetype>(1, every)) {
            analysis::ValueTick tick = m_yTicksAll[i];
            if (!m_tickUnit.isEmpty())
                tick.label += u' ' + m_tickUnit;
            m_yTicks << tick;
        }
    }

    m_yLabelWidth = 0;
    for (const analysis::ValueTick& t : std::as_const(m_yTicks))
        m_yLabelWidth = std::max(m_yLabelWidth, fm.horizontalAdvance(t.label));
    const int titleRoom = m_shownAxisTitle.isEmpty() ? 0 : fm.height() + 2;
    const int left = 4 + titleRoom + m_yLabelWidth + kLabelGap;
    const int right = fm.horizontalAdvance(QStringLiteral("00:00:00")) / 2 + 4; // the last time label
    m_plot = QRect(left, top, std::max(1, m_layoutSize.width() - left - right), plotHeight);

    const qint64 fromMs = m_fromNs / 1'000'000;
    const qint64 toMs = m_toNs / 1'000'000;
    const int offset = QDateTime::fromMSecsSinceEpoch(fromMs).offsetFromUtc();
    const auto ticksFor = [&](const QString& sample) {
        return analysis::timeTicks(
            fromMs, toMs, m_plot.width() / (fm.horizontalAdvance(sample) + kTimeLabelSpacing), offset);
    };
    m_xTicks = ticksFor(QStringLiteral("00:00:00"));
    if (m_xTicks.format.size() > 8) // dates too: fewer, wider labels
        m_xTicks = ticksFor(QStringLiteral("00-00 00:00"));

    m_frameDirty = true;
}

void TimeSeriesChart::paintGrid(QPainter& p) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(gridColour(palette()), 0));
    const double left = m_plot.left();
    const double right = m_plot.left() + m_plot.width();
    const double top = m_plot.top();
    const double bottom = m_plot.top() + m_plot.height();
    for (const analysis::ValueTick& t : m_yTicks) {
        const double y = std::floor(yForValue(t.value));
        p.drawLine(QPointF(left, y), QPointF(right, y));
    }
    for (qint64 t : m_xTicks.timesMs) {
        const double x = std::floor(xForTime(t));
        p.drawLine(QPointF(x, top), QPointF(x, bottom));
    }
    p.drawLine(QPointF(left, top), QPointF(left, bottom));
    p.drawLine(QPointF(left, bottom), QPointF(right, bottom));
    p.restore();
}

void TimeSeriesChart::paintAxisLabels(QPainter& p) const
{
    p.save();
    p.setFont(m_axisFont);
    p.setPen(palette().color(QPalette::Text));
    const QFontMetrics fm(m_axisFont);
    const int h = fm.height();
    const int labelRight = m_plot.left() - kLabelGap;
    for (const analysis::ValueTick& t : m_yTicks) {
        const int y = int(std::floor(yForValue(t.value)));
        p.drawText(QRect(labelRight - m_yLabelWidth, y - h / 2, m_yLabelWidth, h),
                   Qt::AlignRight | Qt::AlignVCenter, t.label);
    }
    if (!m_shownAxisTitle.isEmpty()) {
        p.save();
        p.translate(4 + h / 2.0, m_plot.center().y());
        p.rotate(-90);
        p.drawText(QRectF(-m_plot.height() / 2.0, -h / 2.0, m_plot.height(), h), Qt::AlignCenter,
                   m_shownAxisTitle);
        p.restore();
    }
    const int labelTop = m_plot.top() + m_plot.height() + 4;
    const int canvasWidth = m_canvas->width();
    for (qint64 t : m_xTicks.timesMs) {
        const QString text = QDateTime::fromMSecsSinceEpoch(t).toString(m_xTicks.format);
        const int w = fm.horizontalAdvance(text);
        const int x = std::clamp(int(std::floor(xForTime(t))) - w / 2, 0, std::max(0, canvasWidth - w));
        p.drawText(QRect(x, labelTop, w, h), Qt::AlignCenter, text);
    }
    p.restore();
}

} // namespace wf::ui
