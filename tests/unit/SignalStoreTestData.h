#pragma once
// Builders and blocking query helpers shared by the signal store tests.
#include "signalstore/SignalStore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

#include <optional>

namespace wf::test {

inline telemetry::TraceId traceIdOf(int n)
{
    std::array<std::uint8_t, 16> b{};
    b[0] = 0xab;
    b[14] = std::uint8_t(n >> 8);
    b[15] = std::uint8_t(n);
    return telemetry::TraceId(b);
}

inline telemetry::SpanId spanIdOf(int n)
{
    if (n == 0)
        return {};
    std::array<std::uint8_t, 8> b{};
    b[0] = 0xcd;
    b[6] = std::uint8_t(n >> 8);
    b[7] = std::uint8_t(n);
    return telemetry::SpanId(b);
}

inline telemetry::Attributes attributesOf(std::initializer_list<telemetry::KeyValue> items)
{
    return telemetry::Attributes(telemetry::KeyValueList(items));
}

inline telemetry::Span makeSpan(const telemetry::TraceId& trace, int id, int parent, const QString& name,
                                qint64 startNs, qint64 endNs,
                                telemetry::StatusCode status = telemetry::StatusCode::Unset)
{
    telemetry::Span s;
    s.traceId = trace;
    s.spanId = spanIdOf(id);
    s.parentSpanId = spanIdOf(parent);
    s.name = name;
    s.kind = telemetry::SpanKind::Server;
    s.startNs = startNs;
    s.endNs = endNs;
    s.statusCode = status;
    s.resourceIndex = 0;
    s.scopeIndex = 0;
    return s;
}

inline telemetry::Resource resourceOf(const QString& service)
{
    return telemetry::Resource(attributesOf(
        {{QStringLiteral("service.name"), telemetry::AnyValue::fromString(service)},
         {QStringLiteral("host.name"), telemetry::AnyValue::fromString(QStringLiteral("node-1"))}}));
}

inline std::shared_ptr<const telemetry::SpanBatch> spanBatch(const QString& service,
                                                             std::vector<telemetry::Span> spans)
{
    return std::make_shared<const telemetry::SpanBatch>(std::vector{resourceOf(service)},
                                                        std::vector{telemetry::Scope{}}, std::move(spans));
}

inline telemetry::LogRecord makeLog(qint64 timeNs, int severity, const QString& body)
{
    telemetry::LogRecord r;
    r.timeNs = timeNs;
    r.severityNumber = severity;
    r.severityText = severity >= 17 ? QStringLiteral("ERROR") : QStringLiteral("INFO");
    r.body = telemetry::AnyValue::fromString(body);
    r.bodyText = body;
    r.resourceIndex = 0;
    r.scopeIndex = 0;
    return r;
}

inline std::shared_ptr<const telemetry::LogBatch> logBatch(const QString& service,
                                                           std::vector<telemetry::LogRecord> records)
{
    return std::make_shared<const telemetry::LogBatch>(std::vector{resourceOf(service)},
                                                       std::vector{telemetry::Scope{}}, std::move(records));
}

// Runs one asynchronous store query and waits (spinning this thread's event loop) for its result.
template<typename T, typename Start>
signalstore::QueryResult<T> waitForQuery(Start start)
{
    std::optional<signalstore::QueryResult<T>> out;
    QObject context;
    start(&context, [&out](signalstore::QueryResult<T> r) { out = std::move(r); });
    const QDeadlineTimer deadline(10'000);
    while (!out && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    if (!out)
        return {false, QStringLiteral("query timed out"), {}};
    return *out;
}

inline signalstore::QueryResult<std::vector<signalstore::LogRow>> queryLogs(signalstore::SignalStore& store,
                                                                            const signalstore::LogQuery& q)
{
    return waitForQuery<std::vector<signalstore::LogRow>>(
        [&](QObject* c, auto done) { store.queryLogs(q, c, std::move(done)); });
}

inline signalstore::QueryResult<std::vector<signalstore::TraceSummary>>
queryTraces(signalstore::SignalStore& store, const signalstore::TraceQuery& q)
{
    return waitForQuery<std::vector<signalstore::TraceSummary>>(
        [&](QObject* c, auto done) { store.queryTraces(q, c, std::move(done)); });
}

inline signalstore::QueryResult<std::vector<signalstore::StoredSpan>>
queryTrace(signalstore::SignalStore& store, const telemetry::TraceId& id)
{
    return waitForQuery<std::vector<signalstore::StoredSpan>>(
        [&](QObject* c, auto done) { store.trace(id, c, std::move(done)); });
}

inline QString attributeValue(const QList<std::pair<QString, QString>>& attributes, const QString& key)
{
    for (const auto& [k, v] : attributes)
        if (k == key)
            return v;
    return {};
}

} // namespace wf::test
