#pragma once
// Pictures of panel snapshots for postmortems: the same chart adapter the dashboards use, drawn
// offscreen in the light palette (postmortems are read on white paper), with the incident's moments.
#include "incident/postmortem/PostmortemData.h"

#include <QSize>

namespace wf::ui {

QList<incident::PostmortemData::Chart> renderSnapshotCharts(const incident::PostmortemData& data,
                                                            QSize size = QSize(1000, 320));

} // namespace wf::ui
