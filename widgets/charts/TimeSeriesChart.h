#pragma once
// The one place Qt Charts is used (it is deprecated upstream from Qt 6.10): replacing it means
// replacing this adapter only.

#include "signalstore/SignalQueries.h"

#include <QHash>
#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace wf::ui {

// How values read on the y axis: stored values are multiplied by `scale` (seconds to milliseconds).
struct ValueFormat
{
    QString unit; // axis title, e.g. "req/s", translated by the caller
    double scale = 1.0;
    int decimals = 1;
};

// A moment worth marking on every time axis: an incident declared, a status change, a runbook step.
struct ChartAnnotation
{
    qint64 timeMs = 0;
    QString label;
    friend bool operator==(const ChartAnnotation&, const ChartAnnotation&) = default;
};

// Lines over time, one per series with a legend; the time axis in local time; coloured from the
// current palette so it follows the light and dark themes. Holds no point lists of its own between
// updates: each setSeries() replaces every line's points.
class TimeSeriesChart : public QWidget
{
    Q_OBJECT
public:
    explicit TimeSeriesChart(QWidget* parent = nullptr);

    void setValueFormat(const ValueFormat& format);
    void setSeries(const std::vector<signalstore::SeriesSet>& series, qint64 fromNs, qint64 toNs);
    // Dashed vertical markers across the plot, kept until replaced; hovering one shows its label.
    void setAnnotations(const QList<ChartAnnotation>& annotations);
    int visibleAnnotationCount() const;
    int lineCount() const;
    QStringList lineNames() const;

    // "checkout" for {service.name: checkout}; "a / b" for several labels.
    static QString seriesName(const signalstore::SeriesSet& set);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();
    QLineSeries* lineFor(const QString& name);
    void layoutAnnotations();

    QChartView* m_view;
    QChart* m_chart;
    QDateTimeAxis* m_x;
    QValueAxis* m_y;
    ValueFormat m_format;
    QHash<QString, QLineSeries*> m_lines;
    QList<ChartAnnotation> m_annotations;
    QList<QLineSeries*> m_markers; // one per annotation inside the time range
    bool m_applyingPalette = false;
};

} // namespace wf::ui
