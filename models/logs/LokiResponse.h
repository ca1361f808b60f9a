#pragma once

// Grafana Loki HTTP API responses (https://grafana.com/docs/loki/latest/reference/loki-http-api/):
//  - /loki/api/v1/query_range and /query: {"status":"success","data":{"resultType":"streams"|"matrix"|
//    "vector","result":[...],"stats":{...}}}. Stream values are [ "<unix ns as string>", "<line>" ] with
//    an optional third element: structured metadata, either flat {"k":"v"} or, when the request sent
//    X-Loki-Response-Encoding-Flags: categorize-labels, {"structuredMetadata":{...},"parsed":{...}}.
//    Matrix values are [<unix seconds as number>, "<value as string>"]; vector has one "value".
//  - /loki/api/v1/labels and /label/<name>/values: {"status":"success","data":["a","b"]}.
//  - errors: Loki answers 4xx/5xx with a plain-text body ("parse error at line 1, col 8: syntax error:
//    unexpected IDENTIFIER"); some proxies and versions send {"status":"error","error":"..."}.
// Bodies are untrusted: sizes bounded, every value type-checked, one clear error sentence.

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace wf::logs {

using LabelList = std::vector<std::pair<QString, QString>>; // sorted by name

struct LokiLimits
{
    qint64 maxEntries = 1'000'000;  // log lines (or samples) over all streams; more are dropped
    int maxLineBytes = 1024 * 1024; // longer lines are cut and marked
    int maxJsonDepth = 32;
};

struct LokiEntry
{
    qint64 timeNs = 0;
    QString line;
    LabelList metadata; // structured metadata and parsed labels; empty when Loki sent none
    bool truncated = false;
};

struct LokiStream
{
    LabelList labels;
    std::vector<LokiEntry> entries;
};

struct LokiSample
{
    qint64 timeMs = 0;
    double value = 0;
};

struct LokiSeries
{
    LabelList labels;
    std::vector<LokiSample> samples;
};

struct LokiQueryResult
{
    enum class Type : quint8 { None, Streams, Matrix, Vector };
    Type type = Type::None;
    std::vector<LokiStream> streams;
    std::vector<LokiSeries> series; // matrix and vector results
    qint64 entryCount = 0;          // lines or samples kept
    qint64 droppedEntries = 0;      // over LokiLimits::maxEntries
    qint64 truncatedLines = 0;
    QString error; // non-empty: the query failed (nothing usable)
    bool ok() const { return error.isEmpty(); }
};

struct LokiStringList
{
    QStringList values;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

LokiQueryResult parseLokiQueryResponse(QByteArrayView body, const LokiLimits& limits = {});
LokiStringList parseLokiStringList(QByteArrayView body); // labels and label values share the shape
// The error Loki put in a non-2xx body (plain text or JSON), cut to one readable line; prefixed with
// the status ("HTTP 400: parse error ...").
QString lokiErrorText(int status, QByteArrayView body);
// A line cut to maxBytes (on a UTF-8 boundary) with " … [line truncated, N bytes]" appended.
QString truncateLine(QByteArrayView utf8, int maxBytes, bool* truncated = nullptr);

} // namespace wf::logs
