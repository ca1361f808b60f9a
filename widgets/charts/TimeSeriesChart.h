#pragma once
// The one place Qt Charts is used (it is deprecated upstream from Qt 6.10): replacing it means
// replacing this adapter only.
//
// Series arrive columnar and undecimated; each is reduced with M4 to the plot's pixel width before
// Qt Charts sees a point (again on every resize), while legend statistics and the tooltip read the
// full data. The chart is rendered into a cached frame; the crosshair, hover and the zoom rectangle
// are painted over it, so moving the shared crosshair across a dashboard repaints no series.

#include "charts/ChartLegend.h"
#include "charts/ChartOptions.h"
#include "signalstore/SignalQueries.h"

#include <QHash>
#include <QImage>
#include <QWidget>

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QAbstractSeries;
class QChart;
class QDateTimeAxis;
class QGraphicsScene;
class QLineSeries;
class QScatterSeries;
QT_END_NAMESPACE

namespace wf::analysis {
struct DecimatedSeries;
}

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
    // Points handed to Qt Charts for the data series (after decimation), and the plot area in pixels.
    qsizetype drawnPointCount() const { return m_drawnPoints; }
    QRectF plotArea() const;
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

private:
    friend class ChartCanvas;

    void applyPalette();
    void rebuild();          // data or options changed: statistics, decimation, series
    void decimateAndBuild(); // M4 to the plot's width, then the Qt Charts series
    void rebuildSeries(const std::vector<analysis::DecimatedSeries>& decimated);
    void rebuildAnnotations();
    void updateAxes();
    static double niceStep(double rough); // 1, 2, 2.5 or 5 times a power of ten
    void ensureFrame();                   // renders the chart into m_frame when something changed
    void canvasResized();
    struct DecimationWindow
    {
        qint64 fromNs = 0;
        qint64 toNs = 0;
        int columns = 0;
        friend bool operator==(const DecimationWindow&, const DecimationWindow&) = default;
    };
    DecimationWindow decimationWindow() const;
    QColor colourFor(const QString& name);
    QString formatValue(double value) const;

    // Canvas input, in canvas coordinates.
    void hoverAt(const QPoint& pos, const QPoint& globalPos);
    void leaveCanvas();
    void paintCanvas(QPainter& painter, const QRect& dirty);
    void paintUnderlay(QPainter& painter) const;
    double yForValue(double value) const;

    ChartCanvas* m_canvas;
    ChartLegend* m_legend;
    std::unique_ptr<QGraphicsScene> m_scene;
    QChart* m_chart; // owned by m_scene
    QDateTimeAxis* m_x;
    QAbstractAxis* m_y = nullptr;
    ValueFormat m_format;
    ChartOptions m_options;

    std::vector<signalstore::SeriesSet> m_series;
    std::vector<signalstore::SeriesSet> m_stacked; // what is drawn when stacking
    std::vector<qint64> m_sampleStepNs;            // per series: typical distance between samples
    std::vector<QString> m_names;
    qint64 m_fromNs = 0;
    qint64 m_toNs = 0;
    QHash<QString, int> m_colourIndex; // first appearance order: a service keeps its colour
    QStringList m_drawnNames;
    double m_yMin = 0;
    double m_yMax = 1;
    int m_decimatedColumns = 0;
    DecimationWindow m_window;
    qsizetype m_drawnPoints = 0;
    qsizetype m_droppedForLog = 0;

    QList<ChartAnnotation> m_annotations;
    QList<QAbstractSeries*> m_annotationSeries; // point markers
    QList<QAbstractSeries*> m_transientSeries;  // bars, threshold lines: made anew each time
    QList<QLineSeries*> m_linePool;             // data lines, reused across refreshes
    QList<QScatterSeries*> m_dotPool;           // points style and isolated samples
    int m_visibleAnnotations = 0;

    QImage m_frame;
    bool m_frameDirty = true;
    qint64 m_crosshairMs = -1;
    bool m_applyingPalette = false;
};

} // namespace wf::ui
