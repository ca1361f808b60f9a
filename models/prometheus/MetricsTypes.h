#pragma once
// Values shared by every metrics source (Prometheus and API-compatible servers, the local OTLP series
// store): what a panel asks for, what it gets back, and why a request failed.
#include "signalstore/SignalQueries.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <limits>
#include <vector>

namespace wf::prometheus {

using signalstore::SeriesSet;

enum class MetricsErrorKind {
    None,
    Cancelled,
    InvalidRequest, // rejected before sending: empty query, step <= 0, range reversed
    Network,        // refused, DNS, TLS, reset
    Timeout,        // our timeout, or the server's own query timeout
    BadQuery,       // PromQL the server (or the local subset) cannot parse: errorType bad_data / HTTP 400
    Execution,      // the query parsed but failed to run: errorType execution / HTTP 422
    Unavailable,    // HTTP 503 or errorType unavailable: server overloaded or starting
    Unauthorized,   // HTTP 401/403
    NotFound,       // HTTP 404: wrong base URL or an API the server does not offer
    HttpStatus,     // any other HTTP status
    NotPrometheus,  // an HTML page (proxy, login) or something else that is not the API's JSON
    Malformed,      // JSON, but not the shape the API documents
    TooLarge,       // over a response or decode limit
    Unsupported,    // valid PromQL the local store does not evaluate
};

struct MetricsError
{
    MetricsErrorKind kind = MetricsErrorKind::None;
    QString message;   // for the user, translated; the server's own text kept verbatim inside it
    QString errorType; // Prometheus' errorType when it sent one ("bad_data", "execution", ...)
    int httpStatus = 0;
    // Where a PromQL parse error points, 1-based, as Prometheus reports it ("1:31: parse error"); 0 if
    // the server gave no position.
    int line = 0;
    int column = 0;
    bool isError() const { return kind != MetricsErrorKind::None; }
};

enum class ResultType { None, Matrix, Vector, Scalar, String };

// One answer to a range or instant query. A vector comes back as series of one point each, a scalar
// as one series without labels; a string result is in `text` (no series).
struct MetricsResult
{
    MetricsError error;
    ResultType resultType = ResultType::None;
    std::vector<SeriesSet> series;
    QString text;
    QStringList warnings;   // the server's "warnings" plus our own notes (truncation, skipped histograms)
    QStringList infos;      // the server's "infos" (Prometheus 2.45+ annotations)
    bool truncated = false; // more series than the limit: the first ones are kept, a warning says so
    bool ok() const { return !error.isError(); }
};

// Bounds on what one response may make us allocate; over them the result is truncated (series) or
// rejected (samples, label bytes), with a message either way.
struct DecodeLimits
{
    qsizetype maxSeries = 10'000;
    qint64 maxSamples = 20'000'000;      // over all series
    qsizetype maxLabelBytes = 64 * 1024; // per series, names and values together
};

struct RangeQuery
{
    QString expr;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 stepMs = 0;
};

struct InstantQuery
{
    QString expr;
    qint64 timeMs = 0; // 0: the server's now
};

} // namespace wf::prometheus

Q_DECLARE_METATYPE(wf::prometheus::MetricsResult)
