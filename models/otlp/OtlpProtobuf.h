#pragma once

// Decoders of OTLP/HTTP binary protobuf request bodies (application/x-protobuf, the OpenTelemetry SDKs'
// default): ExportTraceServiceRequest, ExportLogsServiceRequest, ExportMetricsServiceRequest, read with
// a small hand-written wire-format reader (no protobuf library). Same results, limits and error
// semantics as the JSON decoders (OtlpJson.h); error paths use the JSON field names. An empty body is
// a valid, empty request. maxJsonDepth does not apply: the only recursion is into nested AnyValues,
// bounded by maxAnyValueDepth; unknown fields are skipped by length, without descending. Thread-safe.

#include "otlp/DecodeResult.h"
#include "telemetry/LogRecord.h"
#include "telemetry/Metric.h"
#include "telemetry/Span.h"

#include <QByteArrayView>

namespace wf::otlp {

DecodeResult<telemetry::SpanBatch> decodeTracesProtobuf(QByteArrayView body, const DecodeLimits& limits = {});
DecodeResult<telemetry::LogBatch> decodeLogsProtobuf(QByteArrayView body, const DecodeLimits& limits = {});
DecodeResult<telemetry::MetricBatch> decodeMetricsProtobuf(QByteArrayView body,
                                                           const DecodeLimits& limits = {});

} // namespace wf::otlp
