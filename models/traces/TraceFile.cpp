#include "traces/TraceFile.h"

#include "otlp/OtlpJson.h"

#include <QCoreApplication>
#include <QHash>

#include <simdjson.h>

namespace wf::traces {

using namespace telemetry;

namespace {

QString msg(const char* text)
{
    return QCoreApplication::translate("TraceFile", text);
}

// The first non-space byte and, when it opens an object, the first key: enough to tell the formats
// apart without parsing a large document twice.
QByteArray firstKey(QByteArrayView body)
{
    qsizetype i = 0;
    const auto skipSpace = [&] {
        while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t'))
            ++i;
    };
    if (body.startsWith("\xEF\xBB\xBF"))
        i = 3;
    skipSpace();
    if (i >= body.size() || body[i] != '{')
        return {};
    ++i;
    skipSpace();
    if (i >= body.size() || body[i] != '"')
        return {};
    const qsizetype start = ++i;
    while (i < body.size() && body[i] != '"' && i - start < 64)
        ++i;
    return body.sliced(start, i - start).toByteArray();
}

// {"batches":[...]} or {"trace":{...}}: the value of the only interesting key, as raw JSON.
std::optional<QByteArray> unwrapTempo(QByteArrayView body, const char* key, bool wrapAsResourceSpans)
{
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    if (parser.parse(body.data(), std::size_t(body.size())).get(doc))
        return std::nullopt;
    simdjson::dom::element inner;
    if (doc[key].get(inner))
        return std::nullopt;
    const std::string json = simdjson::minify(inner);
    QByteArray out;
    if (wrapAsResourceSpans)
        out = QByteArrayLiteral("{\"resourceSpans\":");
    out.append(json.data(), qsizetype(json.size()));
    if (wrapAsResourceSpans)
        out.append('}');
    return out;
}

} // namespace

std::vector<LoadedTrace> splitByTrace(const SpanBatch& batch)
{
    std::vector<LoadedTrace> out;
    if (batch.isEmpty())
        return out;
    const TraceId first = batch.spans().front().traceId;
    bool single = true;
    for (const Span& s : batch.spans())
        if (s.traceId != first) {
            single = false;
            break;
        }
    if (single) {
        out.push_back({first, batch});
        return out;
    }
    QHash<TraceId, int> slot;
    std::vector<std::vector<Span>> groups;
    for (const Span& s : batch.spans()) {
        auto it = slot.constFind(s.traceId);
        if (it == slot.cend()) {
            it = slot.insert(s.traceId, int(groups.size()));
            groups.emplace_back();
            out.push_back({s.traceId, {}});
        }
        groups[std::size_t(*it)].push_back(s);
    }
    for (std::size_t g = 0; g < groups.size(); ++g)
        out[g].spans = SpanBatch(batch.resources(), batch.scopes(), std::move(groups[g]));
    return out;
}

TraceFileResult parseOtlpTraceJson(QByteArrayView body, const TraceFileLimits& limits)
{
    TraceFileResult out;
    out.format = TraceFileResult::Format::Otlp;
    if (body.size() > limits.maxBytes) {
        out.error = msg("The trace document is %1 MB, more than the %2 MB limit")
                        .arg(body.size() / (1024 * 1024))
                        .arg(limits.maxBytes / (1024 * 1024));
        return out;
    }
    otlp::DecodeLimits dl;
    dl.maxItems = limits.maxSpans;
    dl.maxStringBytes = limits.maxStringBytes;
    dl.maxAttributesPerItem = limits.maxTagsPerSpan;
    dl.maxEventsPerSpan = limits.maxLogsPerSpan;
    dl.maxJsonDepth = limits.maxJsonDepth;
    const auto r = otlp::decodeTracesJson(body, dl);
    if (r.malformed) {
        out.error = msg("Not a valid OTLP JSON trace document: %1").arg(r.errorText());
        return out;
    }
    if (r.rejected > 0) {
        out.droppedSpans = r.rejected;
        out.warningCount += r.errorCount;
        out.warnings.append(r.errorText());
    }
    out.warningCount += r.warningCount;
    for (const auto& w : r.warnings)
        out.warnings.append(w.message());
    out.traces = splitByTrace(r.batch);
    if (out.traces.empty() && r.rejected > 0)
        out.error = msg("No usable span in the OTLP document: %1").arg(r.errorText());
    return out;
}

TraceFileResult parseTraceDocument(QByteArrayView body, const TraceFileLimits& limits)
{
    const QByteArray key = firstKey(body);
    if (key == "resourceSpans" || key == "resource_spans")
        return parseOtlpTraceJson(body, limits);
    if (key == "batches" || key == "trace") {
        if (body.size() > limits.maxBytes)
            return parseOtlpTraceJson(body, limits); // reports the size
        if (auto inner = unwrapTempo(body, key.constData(), key == "batches"))
            return parseOtlpTraceJson(*inner, limits);
    }
    // Jaeger's "data" is usually first, but any order is valid JSON: let the Jaeger parser decide.
    TraceFileResult jaeger = parseJaegerJson(body, limits);
    if (!jaeger.ok() && key.isEmpty() && !body.trimmed().startsWith('{'))
        jaeger.error = msg("Not a trace document: expected a JSON object (Jaeger or OTLP JSON)");
    return jaeger;
}

} // namespace wf::traces
