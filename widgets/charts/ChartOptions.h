#pragma once
// Plain option values of the time series chart; no painting types, so panels and the dashboard model
// can build them without touching the adapter's internals.

#include "analysis/Thresholds.h"

#include <QColor>
#include <QString>

namespace wf::ui {

// How values read: stored values are multiplied by `scale` (seconds to milliseconds). With `unitId`
// (a Grafana unit id, see analysis/UnitFormat.h) axis labels, legend and tooltip carry scaled units
// ("1.5 KiB"); without it numbers get `decimals` digits and `unit` is the axis title.
struct ValueFormat
{
    QString unit; // axis title, e.g. "req/s", translated by the caller
    double scale = 1.0;
    int decimals = 1;
    QString unitId;
};

// A moment worth marking on every time axis: an incident declared, a status change, a runbook step.
// With endMs > timeMs it is a region (a deploy window, an outage) shaded from timeMs to endMs.
struct ChartAnnotation
{
    qint64 timeMs = 0;
    QString label;
    qint64 endMs = 0;
    bool isRegion() const { return endMs > timeMs; }
    friend bool operator==(const ChartAnnotation&, const ChartAnnotation&) = default;
};

enum class DrawStyle { Lines, Bars, Points };
enum class ThresholdStyle { Off, Lines, Bands };

struct ChartOptions
{
    DrawStyle style = DrawStyle::Lines;
    bool stacked = false;
    bool logScale = false; // base 10; values <= 0 are left out and a note says how many
    analysis::Thresholds thresholds;
    ThresholdStyle thresholdStyle = ThresholdStyle::Off;
    bool legendStats = true; // min, max, mean, last per series under the plot
    bool antialiasing = true;
    // Off draws every sample: only for comparing against decimation (tests, benchmarks).
    bool decimate = true;
    // Threads that decimate a large chart: 0 one per core, 1 the UI thread only (a benchmark baseline).
    int decimationThreads = 0;
    friend bool operator==(const ChartOptions&, const ChartOptions&) = default;
};

// Grafana's colour names ("green", "semi-dark-red", "#EAB839", "rgba(…)") as colours for this palette.
QColor thresholdColour(const QString& name);

} // namespace wf::ui

namespace wf::ui {

// Tooltips show telemetry (series names, labels) as plain text: QToolTip would otherwise guess rich
// text from a "<b>" in a label value.
QString plainToolTip(const QString& text);

} // namespace wf::ui
