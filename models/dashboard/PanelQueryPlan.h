#pragma once

// What one panel asks its metrics source for at a given time range and size: the PromQL of each
// visible target with the dashboard's variables and the built-ins ($__interval, $__rate_interval,
// $__range) substituted, one `step` sized to the panel's pixel width (never more points than it can
// draw, never finer than the scrape or the panel's min interval), and the legend format that names
// the series each target returns. Pure logic: the dashboard view only runs the plan.

#include "Interpolation.h"
#include "LegendFormat.h"
#include "Panel.h"
#include "TimeRange.h"
#include "Variable.h"
#include "analysis/Thresholds.h"
#include "signalstore/SignalQueries.h"

#include <QList>
#include <QString>

#include <vector>

namespace wf::dashboard {

struct PlannedQuery
{
    QString refId;
    QString expr; // interpolated
    QString legendFormat;
    bool instant = false;
    qint64 stepMs = 0; // a target's own interval can make its step coarser than the panel's
};

struct PanelQueryPlan
{
    // Aligned to the step (start down, end up), as Grafana does, so refreshes hit the same samples.
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 stepMs = 0;
    BuiltinIntervals builtins;
    QList<PlannedQuery> queries; // hidden and empty targets left out
};

// `scrapeIntervalMs` is the data source's scrape interval (Prometheus' default is 15 s).
PanelQueryPlan planPanelQueries(const Panel& panel, const ResolvedRange& range, int widthPx,
                                const QList<Variable>& variables, qint64 scrapeIntervalMs = 15000);

// A result series' labels as a map (for LegendFormat).
LabelSet labelsOf(const signalstore::SeriesSet& series);

// Gives every series its legend name: its labels become the single label "legend" holding the
// formatted name (so charts and stat panels show that name). Tables keep the labels instead.
void applyLegend(std::vector<signalstore::SeriesSet>& series, const QString& legendFormat);

// The panel's thresholds in the form the chart and value panels draw.
analysis::Thresholds toAnalysisThresholds(const Thresholds& thresholds);

} // namespace wf::dashboard
