#pragma once

// Grafana dashboard JSON (schema of Grafana 8-11, and the old "rows" schema before version 16) to a
// Watchfloor Dashboard. Prometheus targets, panel options Watchfloor draws, rows, variables, time
// and refresh are imported; everything else (other data sources, transformations, overrides, links,
// repeats, alerts, plugin panels, ...) is listed in the report against its panel.

#include "ImportReport.h"

#include <QJsonObject>

namespace wf::dashboard {

// Limits against hostile files; past them the rest is reported, not imported.
inline constexpr int kMaxImportedPanels = 500;
inline constexpr int kMaxTargetsPerPanel = 50;
inline constexpr int kMaxImportedVariables = 100;

ImportResult importGrafana(const QJsonObject& root);

} // namespace wf::dashboard
