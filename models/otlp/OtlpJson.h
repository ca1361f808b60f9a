#pragma once

// Decoders of OTLP/HTTP JSON request bodies (ExportTraceServiceRequest, ExportLogsServiceRequest,
// ExportMetricsServiceRequest), per the OTLP specification's "JSON Protobuf Encoding":
//  - keys in lowerCamelCase; the original snake_case proto names are accepted too (the proto3 JSON
//    mapping's parsers accept both, as does the OpenTelemetry Collector, though OTLP says senders
//    must not use them);
//  - traceId/spanId as case-insensitive hex (not base64); "" means absent for parentSpanId;
//  - 64-bit integers as JSON strings or numbers; enums as integers (names accepted too);
//  - bytesValue as base64 (standard or URL alphabet); unknown fields ignored; null means absent;
//  - doubles as numbers or the strings "NaN", "Infinity", "-Infinity" (or a quoted number).
// The body may come from anyone on the machine: every field is type-checked, every size bounded by
// DecodeLimits. Thread-safe: each thread decodes with its own parser.

#include "otlp/DecodeResult.h"
#include "telemetry/LogRecord.h"
#include "telemetry/Metric.h"
#include "telemetry/Span.h"

#include <QByteArrayView>

namespace wf::otlp {

DecodeResult<telemetry::SpanBatch> decodeTracesJson(QByteArrayView body, const DecodeLimits& limits = {});
DecodeResult<telemetry::LogBatch> decodeLogsJson(QByteArrayView body, const DecodeLimits& limits = {});
DecodeResult<telemetry::MetricBatch> decodeMetricsJson(QByteArrayView body, const DecodeLimits& limits = {});

} // namespace wf::otlp
