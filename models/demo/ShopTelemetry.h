#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <variant>

// Value types the demo shop simulation produces and OtlpJsonWriter encodes. They mirror the OTLP data
// model closely (resource -> scope -> span/log/metric) but stay plain structs, so tests can inspect
// what the simulation did without parsing JSON.
namespace wf::demo {

using AttributeValue = std::variant<QString, qint64, double, bool>;

struct Attribute
{
    QString key;
    AttributeValue value;
};
using Attributes = QList<Attribute>;

// First attribute with that key, or nullptr.
const AttributeValue* findAttribute(const Attributes& attributes, QStringView key);
QString stringAttribute(const Attributes& attributes, QStringView key); // empty if absent or not a string
qint64 intAttribute(const Attributes& attributes, QStringView key, qint64 fallback = 0);

struct TraceId
{
    quint64 high = 0;
    quint64 low = 0;
    bool isValid() const { return high != 0 || low != 0; }
    QByteArray toHex() const; // 32 lower-case hex digits
    friend bool operator==(const TraceId&, const TraceId&) = default;
};

struct SpanId
{
    quint64 value = 0;
    bool isValid() const { return value != 0; }
    QByteArray toHex() const; // 16 lower-case hex digits
    friend bool operator==(const SpanId&, const SpanId&) = default;
};

// Values as in the OTLP protos (SpanKind, Status.StatusCode).
enum class SpanKind { Unspecified = 0, Internal = 1, Server = 2, Client = 3, Producer = 4, Consumer = 5 };
enum class StatusCode { Unset = 0, Ok = 1, Error = 2 };

// W3C "sampled" plus OTLP's SPAN_FLAGS_CONTEXT_HAS_IS_REMOTE_MASK (0x100) and IS_REMOTE (0x200): the
// JS SDK sets 257 for local or absent parents and 769 when the parent came in over the wire.
constexpr quint32 kFlagsLocalParent = 0x101;
constexpr quint32 kFlagsRemoteParent = 0x301;

struct SpanEvent
{
    QString name;
    qint64 timeUnixNano = 0;
    Attributes attributes;
};

struct SpanLink
{
    TraceId traceId;
    SpanId spanId;
    Attributes attributes;
    quint32 flags = kFlagsRemoteParent;
};

// Index into TelemetryBatch::resources / ::scopes.
struct SignalOrigin
{
    int resource = 0;
    int scope = 0;
};

struct SimSpan
{
    SignalOrigin origin;
    TraceId traceId;
    SpanId spanId;
    SpanId parentSpanId; // invalid for a root span
    QString name;
    SpanKind kind = SpanKind::Internal;
    qint64 startTimeUnixNano = 0;
    qint64 endTimeUnixNano = 0;
    Attributes attributes;
    QList<SpanEvent> events;
    QList<SpanLink> links;
    StatusCode status = StatusCode::Unset;
    QString statusMessage; // only encoded when non-empty, as the JS SDK does
    quint32 flags = kFlagsLocalParent;
};

// OTLP SeverityNumber values for the levels the shop logs at.
enum class Severity { Info = 9, Warn = 13, Error = 17 };

struct SimLogRecord
{
    SignalOrigin origin;
    qint64 timeUnixNano = 0;
    qint64 observedTimeUnixNano = 0;
    Severity severity = Severity::Info;
    QString body; // may contain line breaks (stack traces)
    Attributes attributes;
    TraceId traceId; // invalid when the log is not inside a span
    SpanId spanId;
};

enum class MetricType { Gauge, Sum, Histogram };

struct HistogramValue
{
    QList<double> explicitBounds;
    QList<quint64> bucketCounts; // explicitBounds.size() + 1 entries
    quint64 count = 0;
    double sum = 0;
    double min = 0;
    double max = 0;
};

struct MetricPoint
{
    Attributes attributes;
    qint64 startTimeUnixNano = 0;
    qint64 timeUnixNano = 0;
    std::variant<qint64, double, HistogramValue> value;
};

// One collection of one instrument. Several SimMetric with the same origin and name (several
// collections in one batch) are merged into one OTLP metric with more data points by the writer.
struct SimMetric
{
    SignalOrigin origin;
    QString name;
    QString description;
    QString unit;
    MetricType type = MetricType::Gauge;
    bool isMonotonic = false; // Sum only
    bool cumulative = true;   // Sum and Histogram: AGGREGATION_TEMPORALITY_CUMULATIVE (2)
    QList<MetricPoint> points;
};

struct ResourceInfo
{
    QString service;
    QString region;
    Attributes attributes; // service.name, service.version, cloud.region, ...
};

struct ScopeInfo
{
    QString name;
    QString version;
};

// Everything emitted since the last ShopSimulation::takeBatch(). Resources and scopes are the full
// tables (small, implicitly shared); signals refer to them by index.
struct TelemetryBatch
{
    QList<ResourceInfo> resources;
    QList<ScopeInfo> scopes;
    QList<SimSpan> spans;
    QList<SimLogRecord> logs;
    QList<SimMetric> metrics;
    bool isEmpty() const { return spans.isEmpty() && logs.isEmpty() && metrics.isEmpty(); }
};

} // namespace wf::demo
