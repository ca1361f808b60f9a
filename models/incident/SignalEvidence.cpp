#include "SignalEvidence.h"

#include "telemetry/Span.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <algorithm>

namespace wf::incident {
namespace {

QString utc(qint64 ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject pairs(const QList<std::pair<QString, QString>>& kv)
{
    QJsonObject o;
    for (const auto& [k, v] : kv)
        o.insert(k, v);
    return o;
}

} // namespace

SignalPin logLinePin(const signalstore::LogRow& row)
{
    QJsonObject data{{QStringLiteral("source"), QStringLiteral("log")},
                     {QStringLiteral("time"), utc(row.timeNs)},
                     {QStringLiteral("timeNs"), QString::number(row.timeNs)},
                     {QStringLiteral("service"), row.service},
                     {QStringLiteral("severity"), row.severityText},
                     {QStringLiteral("severityNumber"), row.severityNumber},
                     {QStringLiteral("body"), row.body},
                     {QStringLiteral("attributes"), pairs(row.attributes)}};
    if (row.traceId.isValid())
        data.insert(QStringLiteral("traceId"), row.traceId.toHex());
    if (row.spanId.isValid())
        data.insert(QStringLiteral("spanId"), row.spanId.toHex());
    const QString firstLine = row.body.section(QLatin1Char('\n'), 0, 0).left(80);
    return {QCoreApplication::translate("Evidence", "Log line from %1: %2")
                .arg(row.service.isEmpty() ? QCoreApplication::translate("Evidence", "unknown service")
                                           : row.service,
                     firstLine),
            data};
}

SignalPin tracePin(const signalstore::TraceSummary& summary, std::vector<signalstore::StoredSpan> spans)
{
    const size_t total = spans.size();
    if (spans.size() > size_t(kMaxPinnedSpans)) {
        // Keep the slowest and every failing span: those are what the review asks about.
        std::stable_sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) {
            constexpr int kError = int(telemetry::StatusCode::Error);
            if ((a.statusCode == kError) != (b.statusCode == kError))
                return a.statusCode == kError;
            return a.endNs - a.startNs > b.endNs - b.startNs;
        });
        spans.resize(size_t(kMaxPinnedSpans));
    }
    std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.startNs < b.startNs; });
    QJsonArray rows;
    for (const signalstore::StoredSpan& s : spans) {
        QJsonObject o{{QStringLiteral("spanId"), s.spanId.toHex()},
                      {QStringLiteral("service"), s.service},
                      {QStringLiteral("name"), s.name},
                      {QStringLiteral("kind"), s.kind},
                      {QStringLiteral("status"), s.statusCode},
                      {QStringLiteral("startNs"), QString::number(s.startNs)},
                      {QStringLiteral("durationMs"), double(s.endNs - s.startNs) / 1e6},
                      {QStringLiteral("attributes"), pairs(s.attributes)}};
        if (s.parentSpanId.isValid())
            o.insert(QStringLiteral("parentSpanId"), s.parentSpanId.toHex());
        if (!s.statusMessage.isEmpty())
            o.insert(QStringLiteral("statusMessage"), s.statusMessage);
        rows.append(o);
    }
    QJsonObject data{{QStringLiteral("source"), QStringLiteral("trace")},
                     {QStringLiteral("traceId"), summary.traceId.toHex()},
                     {QStringLiteral("rootService"), summary.rootService},
                     {QStringLiteral("rootName"), summary.rootName},
                     {QStringLiteral("start"), utc(summary.startNs)},
                     {QStringLiteral("durationMs"), double(summary.durationNs) / 1e6},
                     {QStringLiteral("spanCount"), summary.spanCount},
                     {QStringLiteral("errorCount"), summary.errorCount},
                     {QStringLiteral("spansKept"), int(spans.size())},
                     {QStringLiteral("spansTotal"), qint64(total)},
                     {QStringLiteral("spans"), rows}};
    return {QCoreApplication::translate("Evidence", "Trace %1 %2 (%3 ms, %n error(s))", nullptr,
                                        summary.errorCount)
                .arg(summary.rootService, summary.rootName)
                .arg(double(summary.durationNs) / 1e6, 0, 'f', 1),
            data};
}

} // namespace wf::incident
