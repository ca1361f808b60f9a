#pragma once
// The demo shop simulation's spans as graph input, without the OTLP round trip: lets the demo and the
// tests build the service graph in-process from ShopSimulation batches.
#include "GraphSpan.h"
#include "demo/ShopTelemetry.h"

namespace wf::graph {

GraphSpanBatch fromDemoBatch(const demo::TelemetryBatch& batch);

} // namespace wf::graph
