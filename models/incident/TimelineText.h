#pragma once
// One translated line per timeline event, for the timeline view, its search, and exports.
#include "incident/TimelineEvent.h"

namespace wf::incident {

QString describeEvent(const TimelineEvent& event);

} // namespace wf::incident
