#pragma once

// Bodies of the Jaeger query API and the Grafana Tempo API, parsed into the source-neutral search
// types. Every body is untrusted: sizes bounded, every field type-checked, one clear sentence on error.
//
// Jaeger (query service, /api, the JSON the Jaeger UI itself reads; jaeger-query's structuredResponse):
//   /api/services, /api/services/{s}/operations  {"data":["a","b"],"total":2,"limit":0,"offset":0,
//                                                  "errors":null}
//   /api/operations?service=s                    {"data":[{"name":"GET /","spanKind":"server"}],...}
//   /api/traces?..., /api/traces/{id}            {"data":[<trace>...],...}  (see TraceFile.h); an empty
//                                                  search may answer "data":null or "data":[]
//   errors (any status)                          {"data":null,...,"errors":[{"code":400,"msg":"..."}]}
// Tempo (query-frontend):
//   /api/search  {"traces":[{"traceID":"2f3e..","rootServiceName":"shop","rootTraceName":"GET /",
//                 "startTimeUnixNano":"1684778327699392724","durationMs":557,"spanSet":{...},
//                 "spanSets":[...]}],"metrics":{...}}; durationMs is omitted below 1 ms, rootServiceName
//                 is "<root span not yet received>" while the root is missing
//   /api/search/tag/<tag>/values  {"tagValues":["a","b"]}
//   /api/traces/{id}  OTLP JSON ({"batches":[...]}), see TraceFile.h
//   errors       plain text ("invalid TraceID: ...", "trace not found"), status 400/404/500

#include "traces/TraceSearch.h"

#include <QByteArrayView>

namespace wf::traces {

struct TraceApiLimits
{
    qint64 maxBodyBytes = 256LL * 1024 * 1024;
    int maxNames = 100'000;  // services, operations, tag values
    int maxResults = 10'000; // search hits
    int maxNameChars = 1024; // longer names are cut
};

NameListResult parseJaegerNames(QByteArrayView body, const TraceApiLimits& limits = {});
// Answers of /api/traces (search) and /api/traces/{id}: the traces, newest first, with summaries.
TraceSearchResult parseJaegerTraces(QByteArrayView body, const TraceApiLimits& limits = {});
TraceSearchResult parseTempoSearch(QByteArrayView body, const TraceApiLimits& limits = {});
NameListResult parseTempoTagValues(QByteArrayView body, const TraceApiLimits& limits = {});

} // namespace wf::traces
