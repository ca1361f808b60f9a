#pragma once

#include "ShopTelemetry.h"

#include <QByteArray>

#include <span>

namespace wf::demo {

// Encodes demo telemetry as OTLP/HTTP JSON request bodies the way the OpenTelemetry JS exporters
// (otlp-transformer's JSON serializer) write them, so the receiver sees what real SDKs send:
//   - compact JSON, keys in the SDK's order, trace and span ids as lower-case hex (not base64),
//   - *UnixNano fields as decimal strings, but intValue / asInt / count / bucketCounts as numbers,
//   - signals grouped resource -> scope in order of first appearance,
//   - span flags 257 / 769 (has-is-remote bit), status.message only when set,
//   - log traceId/spanId/flags only when the record has a span context.
// Output is a pure function of the input: same batch, same bytes.
class OtlpJsonWriter
{
public:
    // ExportTraceServiceRequest {"resourceSpans":[...]}
    static QByteArray traces(const TelemetryBatch& batch);
    static QByteArray traces(const TelemetryBatch& batch, std::span<const SimSpan> spans);
    // ExportLogsServiceRequest {"resourceLogs":[...]}
    static QByteArray logs(const TelemetryBatch& batch);
    static QByteArray logs(const TelemetryBatch& batch, std::span<const SimLogRecord> records);
    // ExportMetricsServiceRequest {"resourceMetrics":[...]}; metrics of the same origin and name are
    // merged into one metric whose data points keep their order.
    static QByteArray metrics(const TelemetryBatch& batch);

    // JSON.stringify's number format: integers without a fraction, shortest round-trip digits,
    // exponent form only below 1e-6 or from 1e21. NaN and infinities (not valid JSON) become 0.
    static QByteArray formatNumber(double value);
};

} // namespace wf::demo
