#pragma once

// What a trace search asks and answers, the same for every source (local store, Jaeger, Tempo), so
// one form and one result view serve them all. Summaries reuse signalstore::TraceSummary: a remote
// trace is listed exactly like a local one.

#include "signalstore/SignalQueries.h"
#include "telemetry/Span.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace wf::traces {

using TagFilter = QList<std::pair<QString, QString>>;

struct TraceSearchQuery
{
    QString service;   // empty: any
    QString operation; // empty: any; a span of `service` (any service when that is empty) with this name
    TagFilter tags;    // every tag must match a span or resource attribute exactly (as display text)
    qint64 minDurationNs = 0;
    qint64 maxDurationNs = 0; // 0: no upper bound
    bool errorsOnly = false;
    qint64 fromNs = 0; // trace start; 0: the source's default window
    qint64 toNs = 0;   // 0: now
    int limit = 100;
};

struct TraceSearchResult
{
    std::vector<signalstore::TraceSummary> traces; // newest first
    // Sources that answer a search with whole traces (Jaeger) keep them, so opening one costs nothing;
    // parallel to `traces`, or empty.
    std::vector<telemetry::SpanBatch> spans;
    QString error; // non-empty: the search failed
    QString note;  // e.g. "error counts are not known for Tempo results"
    bool ok() const { return error.isEmpty(); }
};

struct TraceFetchResult
{
    telemetry::SpanBatch spans;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

struct NameListResult
{
    QStringList names; // sorted
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// "http.status_code=500 customer=\"ACME Corp\"": space separated key=value pairs, values optionally in
// double quotes (\" and \\ escape inside). Empty text is an empty filter. On a malformed pair returns
// false and sets *error to a sentence naming it.
bool parseTagFilter(const QString& text, TagFilter* tags, QString* error);
QString formatTagFilter(const TagFilter& tags); // the inverse, for showing a query again

// The summary a trace list shows, computed from the spans (root: the earliest span without a parent in
// the batch, else the earliest span).
signalstore::TraceSummary summarize(const telemetry::SpanBatch& spans);

// Whether a whole trace satisfies the query (service, operation, tags, durations, errors, time).
// Sources whose server cannot filter on something check it here.
bool traceMatches(const telemetry::SpanBatch& spans, const signalstore::TraceSummary& summary,
                  const TraceSearchQuery& query);
// The checks that need only the summary (durations, errors, time, root service).
bool summaryMatches(const signalstore::TraceSummary& summary, const TraceSearchQuery& query);

// "250ms", "1.5s", "40us", "2m", or a bare number of milliseconds; empty text is 0. False on anything
// else (negative, unknown unit, overflow).
bool parseDurationText(const QString& text, qint64* ns);

// A Go duration ("1500us") as Jaeger and Tempo parse it; whole microseconds.
QString goDuration(qint64 ns);

// The message a trace API put in a non-2xx body, one line, prefixed with the status: Jaeger's
// {"errors":[{"code":..,"msg":".."}]}, {"error":".."} / {"message":".."}, or plain text (Tempo).
QString apiErrorText(int status, QByteArrayView body);

} // namespace wf::traces
