#pragma once
// One translated line per timeline event, for the timeline view, its search, and exports.
#include "incident/TimelineEvent.h"

namespace wf::incident {

QString describeEvent(const TimelineEvent& event);

// Whether an event marks a moment worth drawing on the charts' time axis (declared, status and
// severity changes, alerts, runbook steps finished, annotations), rather than a note or a role change.
bool isChartMoment(EventKind kind);

} // namespace wf::incident
