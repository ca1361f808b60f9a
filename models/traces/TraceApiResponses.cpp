#include "traces/TraceApiResponses.h"

#include "traces/TraceFile.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace wf::traces {

namespace {

QString msg(const char* text)
{
    return QCoreApplication::translate("TraceApiResponses", text);
}

bool readObject(QByteArrayView body, const TraceApiLimits& limits, const char* what, QJsonObject* out,
                QString* error)
{
    if (body.size() > limits.maxBodyBytes) {
        *error = msg(QT_TRANSLATE_NOOP("TraceApiResponses", "The %1 response is larger than %2 MiB"))
                     .arg(QLatin1StringView(what))
                     .arg(limits.maxBodyBytes / (1024 * 1024));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error =
            msg(QT_TRANSLATE_NOOP("TraceApiResponses", "The %1 response is not valid JSON (%2 at byte %3)"))
                .arg(QLatin1StringView(what), parseError.errorString())
                .arg(parseError.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = msg(QT_TRANSLATE_NOOP("TraceApiResponses", "The %1 response is not a JSON object"))
                     .arg(QLatin1StringView(what));
        return false;
    }
    *out = doc.object();
    return true;
}

// Jaeger puts errors into the body of any status, 200 included.
bool jaegerErrors(const QJsonObject& o, QString* error)
{
    const QJsonArray errors = o.value(u"errors").toArray();
    if (errors.isEmpty())
        return false;
    const QJsonObject first = errors.at(0).toObject();
    QString text = first.value(u"msg").toString().left(500);
    if (text.isEmpty())
        text = msg(QT_TRANSLATE_NOOP("TraceApiResponses", "no message"));
    const int code = first.value(u"code").toInt();
    *error = code > 0
                 ? msg(QT_TRANSLATE_NOOP("TraceApiResponses", "Jaeger answered with an error (%1): %2"))
                       .arg(code)
                       .arg(text)
                 : msg(QT_TRANSLATE_NOOP("TraceApiResponses", "Jaeger answered with an error: %1")).arg(text);
    return true;
}

void finishNames(QStringList& names)
{
    names.sort();
    names.removeDuplicates();
}

qint64 parseUnsigned(const QJsonValue& v, bool* ok)
{
    // Tempo writes 64-bit nanoseconds as strings; be lenient with numbers.
    if (v.isString()) {
        const qint64 n = v.toString().toLongLong(ok);
        *ok = *ok && n >= 0;
        return n;
    }
    if (v.isDouble() && v.toDouble() >= 0 && v.toDouble() < 9.2e18) {
        *ok = true;
        return qint64(v.toDouble());
    }
    *ok = false;
    return 0;
}

} // namespace

NameListResult parseJaegerNames(QByteArrayView body, const TraceApiLimits& limits)
{
    NameListResult out;
    QJsonObject o;
    if (!readObject(body, limits, "Jaeger", &o, &out.error) || jaegerErrors(o, &out.error))
        return out;
    const QJsonValue data = o.value(u"data");
    if (data.isNull()) // no services yet
        return out;
    if (!data.isArray()) {
        out.error = msg(QT_TRANSLATE_NOOP("TraceApiResponses", "The Jaeger response has no \"data\" list"));
        return out;
    }
    for (const QJsonValue& v : data.toArray()) {
        if (out.names.size() >= limits.maxNames)
            break;
        // /api/services/{s}/operations: strings; /api/operations: {"name", "spanKind"}.
        const QString name = v.isObject() ? v.toObject().value(u"name").toString() : v.toString();
        if (!v.isString() && !(v.isObject() && v.toObject().value(u"name").isString())) {
            out.error = msg(QT_TRANSLATE_NOOP("TraceApiResponses",
                                              "The Jaeger response lists a name that is not a string"));
            out.names.clear();
            return out;
        }
        out.names << name.left(limits.maxNameChars);
    }
    finishNames(out.names);
    return out;
}

TraceSearchResult parseJaegerTraces(QByteArrayView body, const TraceApiLimits& limits)
{
    TraceSearchResult out;
    if (body.size() > limits.maxBodyBytes) {
        out.error = msg(QT_TRANSLATE_NOOP("TraceApiResponses", "The Jaeger response is larger than %1 MiB"))
                        .arg(limits.maxBodyBytes / (1024 * 1024));
        return out;
    }
    TraceFileLimits fileLimits;
    fileLimits.maxBytes = limits.maxBodyBytes;
    TraceFileResult file = parseJaegerJson(body, fileLimits);
    if (!file.ok()) {
        // An empty search: {"data":null,"errors":null}; parseJaegerJson wants an array.
        QJsonObject o;
        QString ignored;
        if (readObject(body, limits, "Jaeger", &o, &ignored) && o.value(u"data").isNull() &&
            !jaegerErrors(o, &ignored)) {
            return out;
        }
        out.error = file.error;
        return out;
    }
    if (!file.warnings.isEmpty())
        out.note = file.warnings.first();
    std::vector<std::pair<signalstore::TraceSummary, telemetry::SpanBatch>> hits;
    for (LoadedTrace& t : file.traces) {
        if (int(hits.size()) >= limits.maxResults)
            break;
        hits.emplace_back(summarize(t.spans), std::move(t.spans));
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.first.startNs > b.first.startNs; });
    for (auto& [summary, spans] : hits) {
        out.traces.push_back(std::move(summary));
        out.spans.push_back(std::move(spans));
    }
    return out;
}

TraceSearchResult parseTempoSearch(QByteArrayView body, const TraceApiLimits& limits)
{
    TraceSearchResult out;
    QJsonObject o;
    if (!readObject(body, limits, "Tempo search", &o, &out.error))
        return out;
    const QJsonValue traces = o.value(u"traces");
    if (traces.isUndefined() || traces.isNull())
        return out; // Tempo omits the list when nothing matched
    if (!traces.isArray()) {
        out.error =
            msg(QT_TRANSLATE_NOOP("TraceApiResponses", "The Tempo search response has no \"traces\" list"));
        return out;
    }
    int skipped = 0;
    for (const QJsonValue& v : traces.toArray()) {
        if (int(out.traces.size()) >= limits.maxResults)
            break;
        const QJsonObject t = v.toObject();
        const auto id = telemetry::TraceId::fromHex(t.value(u"traceID").toString().rightJustified(32, u'0'));
        bool startOk = false;
        const qint64 start = parseUnsigned(t.value(u"startTimeUnixNano"), &startOk);
        if (!v.isObject() || !id || !id->isValid() || !startOk) {
            ++skipped;
            continue;
        }
        signalstore::TraceSummary s;
        s.traceId = *id;
        s.rootService = t.value(u"rootServiceName").toString().left(limits.maxNameChars);
        s.rootName = t.value(u"rootTraceName").toString().left(limits.maxNameChars);
        s.startNs = start;
        const double ms = t.value(u"durationMs").toDouble(0);
        s.durationNs = ms > 0 && ms < 9.2e12 ? qint64(ms * 1e6) : 0;
        // Matched spans are all Tempo tells; the trace holds at least that many.
        int matched = 0;
        const QJsonArray sets = t.value(u"spanSets").toArray();
        for (const QJsonValue& set : sets)
            matched += set.toObject().value(u"matched").toInt();
        if (sets.isEmpty())
            matched = t.value(u"spanSet").toObject().value(u"matched").toInt();
        s.spanCount = std::max(0, matched);
        if (!s.rootService.isEmpty())
            s.services << s.rootService;
        out.traces.push_back(std::move(s));
    }
    std::stable_sort(out.traces.begin(), out.traces.end(),
                     [](const auto& a, const auto& b) { return a.startNs > b.startNs; });
    if (skipped > 0)
        out.note = QCoreApplication::translate(
            "TraceApiResponses", "%n result(s) without a valid trace id or start time were left out", nullptr,
            skipped);
    return out;
}

NameListResult parseTempoTagValues(QByteArrayView body, const TraceApiLimits& limits)
{
    NameListResult out;
    QJsonObject o;
    if (!readObject(body, limits, "Tempo", &o, &out.error))
        return out;
    const QJsonValue values = o.value(u"tagValues");
    if (values.isUndefined() || values.isNull())
        return out;
    if (!values.isArray()) {
        out.error =
            msg(QT_TRANSLATE_NOOP("TraceApiResponses", "The Tempo response has no \"tagValues\" list"));
        return out;
    }
    for (const QJsonValue& v : values.toArray()) {
        if (out.names.size() >= limits.maxNames)
            break;
        // v1: strings; v2: {"type":"string","value":"..."}.
        const QJsonValue value = v.isObject() ? v.toObject().value(u"value") : v;
        if (value.isString())
            out.names << value.toString().left(limits.maxNameChars);
    }
    finishNames(out.names);
    return out;
}

} // namespace wf::traces
