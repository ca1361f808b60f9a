#pragma once

// Plain-text descriptions of spans for the details pane, tooltips and copy. Attribute values from
// telemetry can be megabytes (SQL, payloads, stack traces): they are cut for display with a marker
// saying how much was left out; the span keeps the full value.

#include "telemetry/AnyValue.h"
#include "traces/TraceTree.h"

#include <QString>

namespace wf::traces {

constexpr int kMaxDisplayValueChars = 2000;

// value.displayString(), cut to maxChars with " … [N more characters]" appended when longer.
QString displayValue(const telemetry::AnyValue& value, int maxChars = kMaxDisplayValueChars);
QString truncateForDisplay(const QString& text, int maxChars = kMaxDisplayValueChars);

// "1.23 s", "45.6 ms", "789 µs", "12 ns".
QString formatDuration(qint64 ns);

// Service, operation, times, status, attributes, resource, events and links of one node, as plain text.
QString spanDetailsText(const TraceTree& tree, int node, int maxValueChars = kMaxDisplayValueChars);

} // namespace wf::traces
