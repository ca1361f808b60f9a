// Fuzz target: Jaeger JSON trace documents, through parsing and tree building.

#include "fuzz_trace_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    wf::traces::TraceFileLimits limits;
    limits.maxSpans = 2000;
    limits.maxStringBytes = 4096;
    const QByteArrayView body(reinterpret_cast<const char*>(data), qsizetype(size));
    wf::fuzz::checkTraceResult(wf::traces::parseJaegerJson(body, limits), limits);
    return 0;
}
