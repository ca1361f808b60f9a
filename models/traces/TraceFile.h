#pragma once

// Trace documents from files and trace APIs, into SpanBatches a TraceTree can be built from:
//  - Jaeger JSON: the query API's /api/traces and /api/traces/{id} responses and Jaeger UI's "Download
//    JSON" export, {"data":[{"traceID", "spans":[...], "processes":{...}}]};
//  - OTLP JSON: an ExportTraceServiceRequest ({"resourceSpans":[...]}), which is also what Tempo's
//    /api/traces/{id} answers with Accept: application/json; Tempo's older {"batches":[...]} and the
//    v2 API's {"trace":{...}} wrappers are unwrapped.
// Input is untrusted: sizes are bounded by TraceFileLimits, errors are one clear sentence.

#include "telemetry/Span.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <vector>

namespace wf::traces {

struct TraceFileLimits
{
    qint64 maxBytes = 512LL * 1024 * 1024;
    qint64 maxSpans = 500'000;       // over all traces of the document; more are dropped and counted
    int maxStringBytes = 256 * 1024; // longer strings are cut (display cuts further)
    int maxTagsPerSpan = 256;        // more are dropped and counted in the span's attributes
    int maxLogsPerSpan = 256;        // Jaeger logs (OTLP events)
    int maxJsonDepth = 64;
};

struct LoadedTrace
{
    telemetry::TraceId traceId;
    telemetry::SpanBatch spans;
};

struct TraceFileResult
{
    enum class Format : quint8 { Unknown, Jaeger, Otlp };
    Format format = Format::Unknown;
    std::vector<LoadedTrace> traces; // in document order of first appearance
    QString error;                   // non-empty: nothing usable was read
    QStringList warnings;            // the first few, e.g. Jaeger's own span warnings, bad ids
    qint64 warningCount = 0;
    qint64 droppedSpans = 0;
    bool ok() const { return error.isEmpty(); }
};

TraceFileResult parseJaegerJson(QByteArrayView body, const TraceFileLimits& limits = {});
TraceFileResult parseOtlpTraceJson(QByteArrayView body, const TraceFileLimits& limits = {});
// Looks at the top-level keys and dispatches to one of the above.
TraceFileResult parseTraceDocument(QByteArrayView body, const TraceFileLimits& limits = {});

// Splits a batch holding several traces into one batch per trace id, in order of first appearance.
std::vector<LoadedTrace> splitByTrace(const telemetry::SpanBatch& batch);

} // namespace wf::traces
