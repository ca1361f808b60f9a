// Fuzz target: trace files by content (OTLP JSON, Tempo's "batches"/"trace" wrappers, Jaeger), through
// parsing and tree building.

#include "fuzz_trace_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    wf::traces::TraceFileLimits limits;
    limits.maxSpans = 2000;
    limits.maxStringBytes = 4096;
    const QByteArrayView body(reinterpret_cast<const char*>(data), qsizetype(size));
    wf::fuzz::checkTraceResult(wf::traces::parseTraceDocument(body, limits), limits);
    return 0;
}
