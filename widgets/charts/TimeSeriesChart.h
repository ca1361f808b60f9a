#pragma once
// The time series chart behind every panel. Qt Charts is deprecated upstream from Qt 6.10 and cost
// about 10 ms per series per frame here (1 s for 100 series), so the chart draws itself with QPainter: axes,
// grid, series, thresholds and annotations into a cached frame.
//
// Series arrive columnar and undecimated; each is reduced with M4 to the plot's pixel columns (in
// parallel across cores, into buffers reused from refresh to refresh) and redecimated only when the
// data, the visible time range or the plot's width change. Legend statistics and the tooltip read the
// full data. The crosshair, hover and the zoom rectangle are painted over the cached frame, so moving
// the shared crosshair across a dashboard repaints no series.

#include "analysis/AxisTicks.h"
#include "analysis/M4Decimator.h"
#include "analysis/SeriesStats.h"
#include "charts/ChartLegend.h"
#include "charts/ChartOptions.h"
#include "signalstore/SignalQueries.h"

#include <QFont>
#include <QHash>
#include <QImage>
#include <QPointF>
#include <QWidget>

#include <span>
#include <vector>

namespace wf::ui {

class ChartCanvas;

class TimeSeriesChart : public QWidget
{
    Q_OBJECT
public:
    explicit TimeSeriesChart(QWidget* parent = nullptr);
    ~TimeSeriesChart() override;

    void setValueFormat(const ValueFormat& format);
    const ValueFormat& valueFormat() const { return m_format; }
    void setOptions(const ChartOptions& options);
    const ChartOptions& options() const { return m_options; }

    // Replaces every series; [fromNs, toNs] is the time axis. NaN values are gaps.
    void setSeries(const std::vector<signalstore::SeriesSet>& series, qint64 fromNs, qint64 toNs);
    void setSeries(std::vector<signalstore::SeriesSet>&& series, qint64 fromNs, qint64 toNs);
    // Dashed vertical markers (and shaded regions) across the plot, kept until replaced; hovering one
    // shows its label.
    void setAnnotations(const QList<ChartAnnotation>& annotations);

    int visibleAnnotationCount() const;
    int lineCount() const;         // series with at least one point to draw
    QStringList lineNames() const; // their names, sorted
    QList<LegendRow> legendRows() const { return m_legend->rows(); }
    ChartLegend* legend() const { return m_legend; }
    // Points drawn for the data series (after decimation), and the plot area in pixels.
    qsizetype drawnPointCount() const { return m_drawnPoints; }
    // How often the series were decimated: new data, a new time range or a new plot width only.
    int decimationCount() const { return m_decimations; }
    QRectF plotArea() const;
    // The value axis' tick labels, as drawn (never elided: the plot starts right of the widest).
    QStringList valueAxisLabels() const;
    // Where those labels are drawn on the canvas (they never overlap: ticks thin out in a short plot).
    QList<QRect> valueAxisLabelRects() const;
    // The value axis title as drawn: empty when it did not fit the plot's height (never elided).
    QString shownValueAxisTitle() const { return m_shownAxisTitle; }
    // Samples left out because the log scale cannot show values <= 0 (0 when linear).
    qsizetype droppedForLogScale() const { return m_droppedForLog; }
    qint64 crosshairTimeMs() const { return m_crosshairMs; }
    // What the tooltip says for a moment: the time, each series' value there, annotations nearby.
    QString tooltipTextAt(qint64 timeMs) const;
    // The pixel column of a time on the plot, and back (both on this widget's canvas).
    double xForTime(qint64 timeMs) const;
    qint64 timeForX(double x) const;

    // "checkout" for {service.name: checkout}; "a / b" for several labels.
    static QString seriesName(const signalstore::SeriesSet& set);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    // The shared crosshair: a vertical line at this time; a negative time hides it.
    void setCrosshairTime(qint64 timeMs);

Q_SIGNALS:
    // The user dragged a rectangle over the plot: the dashboard decides whether to zoom.
    void rangeSelected(qint64 fromMs, qint64 toMs);
    // The mouse is over the plot at this time (-1: it left), for the other panels' crosshairs.
    void hovered(qint64 timeMs);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    friend class ChartCanvas;

    // What one series draws from: its decimated points, or every sample with decimation off.
    struct DrawSource
    {
        std::span<const qint64> timesNs;
        std::span<const double> values;
    };
    struct DecimationWindow
    {
        qint64 fromNs = 0;
        qint64 toNs = 0;
        int columns = 0;
        friend bool operator==(const DecimationWindow&, const DecimationWindow&) = default;
    };

    void applyPalette();
    void rebuild();           // data or options changed: statistics, y range, layout, decimation
    void redecimate();        // M4 again after the plot's width changed; statistics stay
    void redecimateIfMoved(); // when the plot's columns no longer match the decimation
    void updateLegend();
    void layoutChildren(); // legend and canvas in the chart; the plot keeps the larger share
    void countDrawn();     // names and points that will be drawn (for lineCount and drawnPointCount)
    void rebuildAnnotations();
    int decimationThreads(qsizetype totalPoints) const;
    const std::vector<signalstore::SeriesSet>& drawnSeries() const;
    DrawSource sourceFor(size_t index) const;
    DecimationWindow decimationWindow() const;
    QColor colourFor(const QString& name);
    QColor colourOf(const QString& name) const;
    QString formatValue(double value) const;

    // Axes (TimeSeriesChartAxes.cpp).
    void updateValueTicks();
    QString valueAxisTitle() const;
    void relayout(const QSize& canvasSize); // the plot rectangle from the labels' widths
    // The canvas is as wide as the chart; before the first layout only the chart has its new size.
    QSize expectedCanvasSize() const;
    void paintGrid(QPainter& painter) const;
    void paintAxisLabels(QPainter& painter) const;

    // Painting (TimeSeriesChartPaint.cpp).
    void ensureFrame(); // renders the frame when something changed
    // A shown chart renders its new frame in an event of its own, right after the data arrived: a
    // dashboard refreshing 12 panels then never paints 12 new frames in one paint event.
    void scheduleFrame();
    void canvasResized();
    void paintUnderlay(QPainter& painter) const;
    void paintSeries(QPainter& painter);
    // Series [from, to) with `points` and `dots` as scratch buffers; const, so two threads can paint
    // disjoint ranges into different images.
    void paintSeriesRange(QPainter& painter, size_t from, size_t to, std::vector<QPointF>& points,
                          std::vector<QPointF>& dots) const;
    void paintLines(QPainter& painter, const QColor& colour, const std::vector<QPointF>& points, size_t count,
                    std::vector<QPointF>& dots) const;
    void paintBars(QPainter& painter, const QColor& colour, const std::vector<QPointF>& points, size_t count,
                   std::vector<QPointF>& dots, double halfWidthPx) const;
    void paintMarkers(QPainter& painter) const; // threshold lines and point annotations
    // Canvas input, in canvas coordinates.
    void hoverAt(const QPoint& pos, const QPoint& globalPos);
    void leaveCanvas();
    void paintCanvas(QPainter& painter, const QRect& dirty);
    double yForValue(double value) const;
    double xForTimeNs(qint64 timeNs) const;

    ChartCanvas* m_canvas;
    ChartLegend* m_legend;
    ValueFormat m_format;
    ChartOptions m_options;
    QFont m_axisFont;

    std::vector<signalstore::SeriesSet> m_series;
    std::vector<signalstore::SeriesSet> m_stacked; // what is drawn when stacking
    std::vector<analysis::SeriesStats> m_stats;    // per series, from every sample
    std::vector<qint64> m_sampleStepNs;            // per series: typical distance between samples
    std::vector<QString> m_names;
    std::vector<analysis::DecimatedSeries> m_decimated; // per series; buffers reused
    qint64 m_fromNs = 0;
    qint64 m_toNs = 0;
    QHash<QString, int> m_colourIndex; // first appearance order: a service keeps its colour
    QStringList m_drawnNames;
    double m_yMin = 0;
    double m_yMax = 1;
    QList<analysis::ValueTick> m_yTicks;
    analysis::TimeTicks m_xTicks;
    int m_yLabelWidth = 0;
    QRect m_plot;
    QRect m_canvasRect;                     // where layoutChildren put the canvas
    QList<analysis::ValueTick> m_yTicksAll; // before thinning to the plot's height
    QString m_shownAxisTitle;               // the value axis title as drawn; empty when it did not fit
    QString m_tickUnit;                     // a short free-text unit on the tick labels instead
    QSize m_layoutSize;
    DecimationWindow m_window;
    qsizetype m_drawnPoints = 0;
    int m_decimations = 0;
    qsizetype m_droppedForLog = 0;

    QList<ChartAnnotation> m_annotations;
    int m_visibleAnnotations = 0;

    std::vector<QPointF> m_points; // one series' points in pixels; reused while painting
    std::vector<QPointF> m_dots;
    std::vector<QPointF> m_layerPoints; // the same for the series painted on a pool thread
    std::vector<QPointF> m_layerDots;
    std::vector<QColor> m_paintColours; // per drawn series, for the painting threads
    QImage m_frame;
    QImage m_layer; // the later series' lines, painted on a pool thread, composited over the frame
    bool m_frameDirty = true;
    bool m_frameScheduled = false;
    qint64 m_crosshairMs = -1;
    bool m_applyingPalette = false;
};

} // namespace wf::ui
