#pragma once

// A dashboard panel as Watchfloor understands it: what to query (targets) and how to show it. The
// fields mirror the subset of Grafana's panel model that Watchfloor draws; everything an importer
// cannot map is reported (ImportReport), never kept silently.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wf::dashboard {

// Grafana's grid: 24 columns, rows of 30 px. Panel positions and sizes are in grid units.
inline constexpr int kGridColumns = 24;

struct GridPos
{
    int x = 0;
    int y = 0;
    int w = 12;
    int h = 8;

    friend bool operator==(const GridPos&, const GridPos&) = default;
};

enum class PanelType { TimeSeries, Stat, Gauge, BarGauge, Table, Heatmap, Text, Logs, Unknown };

// The stable names used in Watchfloor's JSON ("timeseries", "stat", ...; Grafana's names).
QString panelTypeName(PanelType type);
// Unknown for anything else (including Grafana's old "graph", which importers map themselves).
PanelType panelTypeFromName(const QString& name);

struct DatasourceRef
{
    QString uid;  // empty: the dashboard's default Prometheus
    QString type; // "prometheus", or what the source file said

    friend bool operator==(const DatasourceRef&, const DatasourceRef&) = default;
};

struct Target
{
    QString refId;
    QString expr;
    QString legendFormat; // "{{label}}" placeholders, see LegendFormat.h
    bool hidden = false;
    bool instant = false;
    QString interval; // per-query minimum step ("30s"), empty for the panel's
    DatasourceRef datasource;

    friend bool operator==(const Target&, const Target&) = default;
};

enum class ThresholdMode { Absolute, Percentage };

struct ThresholdStep
{
    std::optional<double> value; // nullopt: the base step (from minus infinity)
    QString color;               // a CSS-like name ("green") or "#rrggbb", as in the source

    friend bool operator==(const ThresholdStep&, const ThresholdStep&) = default;
};

struct Thresholds
{
    ThresholdMode mode = ThresholdMode::Absolute;
    QList<ThresholdStep> steps; // ascending by value, base step first

    friend bool operator==(const Thresholds&, const Thresholds&) = default;
};

enum class DrawStyle { Lines, Bars, Points };
enum class Stacking { None, Normal, Percent };
enum class LegendCalc { Min, Max, Mean, Last };

QString drawStyleName(DrawStyle style);
std::optional<DrawStyle> drawStyleFromName(const QString& name);
QString stackingName(Stacking stacking);
std::optional<Stacking> stackingFromName(const QString& name);
QString legendCalcName(LegendCalc calc);
// Grafana's names: "min", "max", "mean", "last" and its aliases "lastNotNull", "avg".
std::optional<LegendCalc> legendCalcFromName(const QString& name);

struct Panel
{
    int id = 0;
    PanelType type = PanelType::TimeSeries;
    QString title;
    QString description;
    GridPos gridPos;
    QList<Target> targets;
    DatasourceRef datasource; // panel default for targets without their own

    QString unit; // Grafana unit ids: "bytes", "percent", "s", "reqps", ...
    std::optional<int> decimals;
    std::optional<double> min;
    std::optional<double> max;
    Thresholds thresholds;

    DrawStyle drawStyle = DrawStyle::Lines;
    Stacking stacking = Stacking::None;
    int logBase = 0; // 0: linear axis; 2 or 10: logarithmic
    QList<LegendCalc> legendCalcs;

    QString minInterval;   // lower bound for $__interval, e.g. "30s"
    int maxDataPoints = 0; // 0: from the panel's pixel width

    QString textContent; // Markdown, for Text panels

    friend bool operator==(const Panel&, const Panel&) = default;
};

} // namespace wf::dashboard
