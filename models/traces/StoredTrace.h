#pragma once

// A trace read back from the local SignalStore (StoredSpan rows, attributes as display strings) as a
// SpanBatch, so the same TraceTree and waterfall show it as a trace from a file or the receiver. Spans
// that share a service and resource attributes share one Resource, as OTLP nests them.

#include "signalstore/SignalQueries.h"
#include "telemetry/Span.h"

#include <vector>

namespace wf::traces {

telemetry::SpanBatch spanBatchFromStored(const std::vector<signalstore::StoredSpan>& spans);

} // namespace wf::traces
