#include "charts/TimeSeriesChart.h"

#include "theme/Theme.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QSet>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

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

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_x(new QDateTimeAxis(m_chart))
    , m_y(new QValueAxis(m_chart))
{
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->setAlignment(Qt::AlignRight);
    QFont small = m_chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_chart->legend()->setFont(small);
    m_x->setLabelsFont(small);
    m_y->setLabelsFont(small);
    m_chart->setAnimationOptions(QChart::NoAnimation); // data moves every two seconds: no flicker
    m_x->setFormat(QStringLiteral("HH:mm:ss"));        // QDateTime from ms since epoch: local time
    m_x->setTickCount(5);
    m_y->setMin(0);
    m_y->setTickCount(5);
    // Qt 6.4: a date-time axis added with its default range never lays out its labels, even after a
    // later setRange(); a real range from the start avoids that.
    const QDateTime now = QDateTime::currentDateTime();
    m_x->setRange(now.addSecs(-60), now);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    m_view->setChart(m_chart); // takes ownership
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setValueFormat({});
    applyPalette();
}

void TimeSeriesChart::setValueFormat(const ValueFormat& format)
{
    m_format = format;
    m_y->setTitleText(format.unit);
    m_y->setLabelFormat(QStringLiteral("%.%1f").arg(std::clamp(format.decimals, 0, 6)));
}

QString TimeSeriesChart::seriesName(const signalstore::SeriesSet& set)
{
    QStringList parts;
    for (const auto& [key, value] : set.labels)
        parts << value;
    return parts.isEmpty() ? tr("all") : parts.join(QStringLiteral(" / "));
}

QLineSeries* TimeSeriesChart::lineFor(const QString& name)
{
    if (QLineSeries* line = m_lines.value(name))
        return line;
    auto* line = new QLineSeries(m_chart);
    line->setName(name);
    const int colour = int(m_lines.size());
    line->setProperty("wfColourIndex", colour);
    QPen pen(lineColour(colour, isDark(palette())));
    pen.setWidthF(1.6);
    line->setPen(pen);
    m_chart->addSeries(line);
    line->attachAxis(m_x);
    line->attachAxis(m_y);
    m_lines.insert(name, line);
    return line;
}

void TimeSeriesChart::setSeries(const std::vector<signalstore::SeriesSet>& series, qint64 fromNs, qint64 toNs)
{
    double maxValue = 0;
    QSet<QString> seen;
    for (const signalstore::SeriesSet& set : series) {
        const QString name = seriesName(set);
        seen.insert(name);
        QList<QPointF> points; // built for this step only; QLineSeries keeps its own copy
        points.reserve(qsizetype(set.timesNs.size()));
        for (size_t i = 0; i < set.timesNs.size() && i < set.values.size(); ++i) {
            const double v = set.values[i] * m_format.scale;
            if (!std::isfinite(v))
                continue; // a gap (no observations in the step) is not a zero
            points.append(QPointF(double(set.timesNs[i] / 1'000'000), v));
            maxValue = std::max(maxValue, v);
        }
        lineFor(name)->replace(points);
    }
    // Series that vanished (a service stopped sending) keep their line but lose their points.
    for (auto it = m_lines.cbegin(); it != m_lines.cend(); ++it) {
        if (!seen.contains(it.key()))
            it.value()->clear();
        for (QLegendMarker* marker : m_chart->legend()->markers(it.value()))
            marker->setVisible(it.value()->count() > 0);
    }
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(fromNs / 1'000'000),
                  QDateTime::fromMSecsSinceEpoch(toNs / 1'000'000));
    m_y->setRange(0, maxValue > 0 ? maxValue * 1.1 : 1.0);
    m_y->applyNiceNumbers();
    layoutAnnotations();
}

void TimeSeriesChart::setAnnotations(const QList<ChartAnnotation>& annotations)
{
    if (annotations == m_annotations)
        return;
    m_annotations = annotations;
    layoutAnnotations();
}

int TimeSeriesChart::visibleAnnotationCount() const
{
    return int(m_markers.size());
}

void TimeSeriesChart::layoutAnnotations()
{
    // Rebuilt on every refresh: a handful of two-point series, far cheaper than the data lines.
    for (QLineSeries* m : std::as_const(m_markers)) {
        m_chart->removeSeries(m);
        delete m;
    }
    m_markers.clear();
    const qint64 from = m_x->min().toMSecsSinceEpoch();
    const qint64 to = m_x->max().toMSecsSinceEpoch();
    // Neutral, so a marker never reads as one of the data lines' colours.
    QColor colour = palette().color(QPalette::Text);
    colour.setAlphaF(0.55f);
    for (const ChartAnnotation& a : std::as_const(m_annotations)) {
        if (a.timeMs < from || a.timeMs > to)
            continue;
        auto* marker = new QLineSeries(m_chart);
        marker->setName(a.label);
        QPen pen(colour);
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(1.4);
        marker->setPen(pen);
        marker->append(double(a.timeMs), m_y->min());
        marker->append(double(a.timeMs), m_y->max());
        m_chart->addSeries(marker);
        marker->attachAxis(m_x);
        marker->attachAxis(m_y);
        for (QLegendMarker* legend : m_chart->legend()->markers(marker))
            legend->setVisible(false);
        const QString label = a.label;
        connect(marker, &QLineSeries::hovered, this, [label](const QPointF&, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), label);
        });
        m_markers << marker;
    }
}

int TimeSeriesChart::lineCount() const
{
    int n = 0;
    for (const QLineSeries* line : m_lines)
        n += line->count() > 0 ? 1 : 0;
    return n;
}

QStringList TimeSeriesChart::lineNames() const
{
    QStringList names;
    for (auto it = m_lines.cbegin(); it != m_lines.cend(); ++it) {
        if (it.value()->count() > 0)
            names << it.key();
    }
    names.sort();
    return names;
}

void TimeSeriesChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange && !m_applyingPalette)
        applyPalette();
    QWidget::changeEvent(event);
}

void TimeSeriesChart::applyPalette()
{
    m_applyingPalette = true;
    const QPalette p = palette();
    const bool dark = isDark(p);
    m_chart->setBackgroundBrush(p.brush(QPalette::Base));
    m_chart->setPlotAreaBackgroundVisible(false);
    m_view->setBackgroundBrush(p.brush(QPalette::Base));
    m_chart->legend()->setLabelColor(p.color(QPalette::Text));
    QColor grid = p.color(QPalette::Text);
    grid.setAlphaF(0.12f);
    for (QAbstractAxis* axis : {static_cast<QAbstractAxis*>(m_x), static_cast<QAbstractAxis*>(m_y)}) {
        axis->setLabelsColor(p.color(QPalette::Text));
        axis->setTitleBrush(p.brush(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    for (QLineSeries* line : std::as_const(m_lines)) {
        QPen pen = line->pen();
        pen.setColor(lineColour(line->property("wfColourIndex").toInt(), dark));
        line->setPen(pen);
    }
    m_applyingPalette = false;
}

} // namespace wf::ui
