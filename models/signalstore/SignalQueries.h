#pragma once
// Query and result types of the local signal store (what Watchfloor's own OTLP receiver keeps). Plain
// values, so results travel through queued signals and into item models without touching SQLite.
#include "telemetry/Ids.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <limits>
#include <utility>
#include <vector>

namespace wf::signalstore {

// A result or a message for the user; `ok` false means `error` says what went wrong.
template<typename T>
struct QueryResult
{
    bool ok = false;
    QString error;
    T value{};
};

constexpr qint64 kNoLimitNs = std::numeric_limits<qint64>::max();

// ---- logs -----------------------------------------------------------------------------------------

struct LogQuery
{
    // What the user typed: words (all must occur, prefix match on the last one), "quoted phrases".
    // Turned into a safe FTS5 expression by the store; never passed through raw. Empty: every record.
    QString text;
    qint64 fromNs = 0;          // effective time, inclusive
    qint64 toNs = kNoLimitNs;   // exclusive
    QStringList services;       // empty: all
    int minSeverityNumber = 0;  // OTLP SeverityNumber; 0: all
    telemetry::TraceId traceId; // invalid: any
    int limit = 500;            // newest first
};

struct LogRow
{
    qint64 id = 0; // store row id, increasing in arrival order
    qint64 timeNs = 0;
    int severityNumber = 0;
    QString severityText;
    QString service;
    QString body;
    telemetry::TraceId traceId;
    telemetry::SpanId spanId;
    QList<std::pair<QString, QString>> attributes; // record attributes, values as display strings
};

// ---- traces ---------------------------------------------------------------------------------------

struct TraceQuery
{
    qint64 fromNs = 0; // trace start, inclusive
    qint64 toNs = kNoLimitNs;
    QString service; // empty: any; else a trace with at least one span of that service
    bool errorsOnly = false;
    qint64 minDurationNs = 0;
    int limit = 200; // newest first
};

struct TraceSummary
{
    telemetry::TraceId traceId;
    QString rootService; // of the earliest root span; the earliest span's when no root arrived (yet)
    QString rootName;
    qint64 startNs = 0;
    qint64 durationNs = 0; // earliest start to latest end over the spans stored so far
    int spanCount = 0;
    int errorCount = 0;   // spans with status Error
    QStringList services; // sorted, unique
};

struct StoredSpan
{
    telemetry::TraceId traceId;
    telemetry::SpanId spanId;
    telemetry::SpanId parentSpanId;
    QString service;
    QString name;
    int kind = 0;       // telemetry::SpanKind
    int statusCode = 0; // telemetry::StatusCode
    QString statusMessage;
    qint64 startNs = 0;
    qint64 endNs = 0;
    QList<std::pair<QString, QString>> attributes;         // span attributes, display strings
    QList<std::pair<QString, QString>> resourceAttributes; // of the span's resource
};

// ---- metrics --------------------------------------------------------------------------------------

// A PromQL-style label matcher other than equality; regexes are anchored at both ends, as in PromQL.
struct LabelMatcher
{
    enum class Op { NotEqual, Regex, NotRegex };
    QString key;
    Op op = Op::NotEqual;
    QString value;
};

struct SeriesQuery
{
    enum class Function {
        Raw,      // gauges: the points as received; sums: the cumulative value (deltas accumulated)
        Rate,     // monotonic sums: per-second increase per step (counter resets handled)
        Quantile, // histograms: the `quantile` of the observations within each step
        Mean,     // histograms: sum / count of the observations within each step
    };
    QString metric;
    Function function = Function::Raw;
    double quantile = 0.95;
    // Series are summed (Rate, Raw of sums) or merged (histograms) across everything but these keys;
    // resource attributes (service.name, ...) and point attributes are both keys.
    QStringList groupBy{QStringLiteral("service.name")};
    QList<std::pair<QString, QString>> match; // equality matchers on the same keys
    QList<LabelMatcher> matchers;             // !=, =~ and !~ on the same keys
    qint64 fromNs = 0;
    qint64 toNs = kNoLimitNs;
    qint64 stepNs = 10'000'000'000; // output resolution
};

// One output series: columnar, timestamps ascending.
struct SeriesSet
{
    QList<std::pair<QString, QString>> labels; // the groupBy keys and their values
    std::vector<qint64> timesNs;
    std::vector<double> values;
};

struct MetricInfo
{
    QString name;
    QString unit;
    QString description;
    int type = 0; // telemetry::MetricType
    qint64 seriesCount = 0;
};

} // namespace wf::signalstore
