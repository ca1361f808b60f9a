#pragma once

// Perses dashboards (kind: Dashboard; JSON) to a Watchfloor Dashboard: panels (TimeSeriesChart,
// StatChart, GaugeChart, BarChart, Markdown, Table), Prometheus queries, Grid layouts (with titles and
// collapse as rows), list and text variables, duration and refresh interval. The rest is reported by
// panel, as for Grafana.

#include "ImportReport.h"

#include <QJsonObject>

namespace wf::dashboard {

ImportResult importPerses(const QJsonObject& root);

} // namespace wf::dashboard
