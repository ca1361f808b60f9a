#include "PromApiDecoder.h"

#include "PromErrors.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace wf::prometheus {

namespace {

// The envelope: on success `data`, else the error filled in. False when the caller should stop.
template<typename T>
bool openEnvelope(const QByteArray& body, int httpStatus, PromApiResult<T>& out, QJsonValue& data)
{
    if (looksLikeMarkup(body) || body.trimmed().isEmpty()) {
        out.error = notPrometheusError(body, httpStatus);
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        out.error = httpStatus >= 400
                        ? errorFromStatus(httpStatus, body)
                        : malformedError(QCoreApplication::translate("PromApiDecoder", "invalid JSON (%1)")
                                             .arg(parseError.errorString()));
        return false;
    }
    const QJsonObject top = doc.object();
    if (!doc.isObject() || !top.value(QLatin1String("status")).isString()) {
        out.error = notPrometheusError(body, httpStatus);
        if (out.error.kind == MetricsErrorKind::NotPrometheus)
            out.error.message = QCoreApplication::translate(
                "PromApiDecoder", "The server's answer is JSON but not the Prometheus API (no \"status\").");
        return false;
    }
    for (const auto& [key, list] : {std::pair{QLatin1String("warnings"), &out.warnings},
                                    std::pair{QLatin1String("infos"), &out.infos}}) {
        const QJsonArray items = top.value(key).toArray();
        for (const QJsonValue& v : items)
            if (v.isString() && list->size() < 100)
                list->append(v.toString());
    }
    const QString status = top.value(QLatin1String("status")).toString();
    if (status == QLatin1String("error")) {
        out.error = errorFromEnvelope(top.value(QLatin1String("errorType")).toString(),
                                      top.value(QLatin1String("error")).toString(), httpStatus);
        return false;
    }
    if (status != QLatin1String("success")) {
        out.error = malformedError(
            QCoreApplication::translate("PromApiDecoder", "\"status\" is neither \"success\" nor \"error\""));
        return false;
    }
    if (httpStatus >= 400) {
        out.error = errorFromStatus(httpStatus, body);
        return false;
    }
    data = top.value(QLatin1String("data"));
    return true;
}

template<typename T>
bool fail(PromApiResult<T>& out, const char* what)
{
    out.error =
        malformedError(QCoreApplication::translate("PromApiDecoder", "\"%1\" is missing or of the wrong type")
                           .arg(QLatin1String(what)));
    out.value = T{};
    return false;
}

bool readLabelSet(const QJsonValue& v, LabelSet& out)
{
    if (!v.isObject())
        return false;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString())
            return false;
        out.append({it.key(), it.value().toString()});
    }
    return true;
}

// An optional string field: absent is empty, another type is an error.
bool optString(const QJsonObject& o, const char* key, QString& out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString())
        return false;
    out = v.toString();
    return true;
}

bool optNumber(const QJsonObject& o, const char* key, double& out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isDouble())
        return false;
    out = v.toDouble();
    return true;
}

bool optLabels(const QJsonObject& o, const char* key, LabelSet& out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isUndefined() || v.isNull() || readLabelSet(v, out);
}

template<typename T>
void noteTruncated(PromApiResult<T>& out, qsizetype kept, qsizetype total)
{
    if (total > kept)
        out.warnings.append(
            QCoreApplication::translate("PromApiDecoder", "Only the first %1 of %2 entries are shown.")
                .arg(kept)
                .arg(total));
}

} // namespace

PromApiResult<QStringList> decodeStringList(const QByteArray& body, int httpStatus, qsizetype maxItems)
{
    PromApiResult<QStringList> out;
    QJsonValue data;
    if (!openEnvelope(body, httpStatus, out, data))
        return out;
    if (data.isNull()) // Prometheus answers null for "no labels" in some versions
        return out;
    if (!data.isArray())
        return fail(out, "data"), out;
    const QJsonArray items = data.toArray();
    for (const QJsonValue& v : items) {
        if (!v.isString())
            return fail(out, "data"), out;
        if (out.value.size() < maxItems)
            out.value.append(v.toString());
    }
    noteTruncated(out, out.value.size(), items.size());
    return out;
}

PromApiResult<QList<LabelSet>> decodeSeriesList(const QByteArray& body, int httpStatus, qsizetype maxItems)
{
    PromApiResult<QList<LabelSet>> out;
    QJsonValue data;
    if (!openEnvelope(body, httpStatus, out, data))
        return out;
    if (data.isNull())
        return out;
    if (!data.isArray())
        return fail(out, "data"), out;
    const QJsonArray items = data.toArray();
    for (const QJsonValue& v : items) {
        LabelSet set;
        if (!readLabelSet(v, set))
            return fail(out, "data"), out;
        if (out.value.size() < maxItems)
            out.value.append(std::move(set));
    }
    noteTruncated(out, out.value.size(), items.size());
    return out;
}

PromApiResult<QList<MetricMetadata>> decodeMetadata(const QByteArray& body, int httpStatus,
                                                    qsizetype maxItems)
{
    PromApiResult<QList<MetricMetadata>> out;
    QJsonValue data;
    if (!openEnvelope(body, httpStatus, out, data))
        return out;
    if (!data.isObject())
        return fail(out, "data"), out;
    const QJsonObject metrics = data.toObject();
    for (auto it = metrics.begin(); it != metrics.end(); ++it) { // QJsonObject iterates sorted by key
        const QJsonArray entries = it.value().toArray();
        if (!it.value().isArray() || entries.isEmpty() || !entries.first().isObject())
            return fail(out, "data"), out;
        const QJsonObject e = entries.first().toObject();
        MetricMetadata m;
        m.metric = it.key();
        if (!optString(e, "type", m.type) || !optString(e, "help", m.help) || !optString(e, "unit", m.unit))
            return fail(out, "type"), out;
        if (out.value.size() < maxItems)
            out.value.append(std::move(m));
    }
    noteTruncated(out, out.value.size(), metrics.size());
    return out;
}

PromApiResult<QList<PromRule>> decodeRules(const QByteArray& body, int httpStatus, qsizetype maxItems)
{
    PromApiResult<QList<PromRule>> out;
    QJsonValue data;
    if (!openEnvelope(body, httpStatus, out, data))
        return out;
    const QJsonValue groups = data.toObject().value(QLatin1String("groups"));
    if (!groups.isArray())
        return fail(out, "groups"), out;
    qsizetype total = 0;
    for (const QJsonValue& g : groups.toArray()) {
        const QJsonObject group = g.toObject();
        const QJsonValue rules = group.value(QLatin1String("rules"));
        if (!g.isObject() || !rules.isArray())
            return fail(out, "rules"), out;
        for (const QJsonValue& rv : rules.toArray()) {
            const QJsonObject r = rv.toObject();
            PromRule rule;
            if (!rv.isObject() || !optString(group, "name", rule.group) ||
                !optString(group, "file", rule.file) || !optString(r, "name", rule.name) ||
                !optString(r, "type", rule.type) || !optString(r, "query", rule.query) ||
                !optString(r, "health", rule.health) || !optString(r, "lastError", rule.lastError) ||
                !optString(r, "state", rule.state) || !optNumber(r, "duration", rule.durationS) ||
                !optLabels(r, "labels", rule.labels) || !optLabels(r, "annotations", rule.annotations))
                return fail(out, "rules"), out;
            ++total;
            if (out.value.size() < maxItems)
                out.value.append(std::move(rule));
        }
    }
    noteTruncated(out, out.value.size(), total);
    return out;
}

PromApiResult<QList<PromAlert>> decodeAlerts(const QByteArray& body, int httpStatus, qsizetype maxItems)
{
    PromApiResult<QList<PromAlert>> out;
    QJsonValue data;
    if (!openEnvelope(body, httpStatus, out, data))
        return out;
    const QJsonValue alerts = data.toObject().value(QLatin1String("alerts"));
    if (!alerts.isArray())
        return fail(out, "alerts"), out;
    const QJsonArray items = alerts.toArray();
    for (const QJsonValue& av : items) {
        const QJsonObject a = av.toObject();
        PromAlert alert;
        if (!av.isObject() || !optLabels(a, "labels", alert.labels) ||
            !optLabels(a, "annotations", alert.annotations) || !optString(a, "state", alert.state) ||
            !optString(a, "activeAt", alert.activeAt) || !optString(a, "value", alert.value))
            return fail(out, "alerts"), out;
        if (out.value.size() < maxItems)
            out.value.append(std::move(alert));
    }
    noteTruncated(out, out.value.size(), items.size());
    return out;
}

PromApiResult<QList<PromTarget>> decodeTargets(const QByteArray& body, int httpStatus, qsizetype maxItems)
{
    PromApiResult<QList<PromTarget>> out;
    QJsonValue data;
    if (!openEnvelope(body, httpStatus, out, data))
        return out;
    const QJsonValue active = data.toObject().value(QLatin1String("activeTargets"));
    if (!active.isArray())
        return fail(out, "activeTargets"), out;
    const QJsonArray items = active.toArray();
    for (const QJsonValue& tv : items) {
        const QJsonObject t = tv.toObject();
        PromTarget target;
        if (!tv.isObject() || !optString(t, "scrapePool", target.scrapePool) ||
            !optString(t, "scrapeUrl", target.scrapeUrl) || !optString(t, "health", target.health) ||
            !optString(t, "lastError", target.lastError) || !optString(t, "lastScrape", target.lastScrape) ||
            !optNumber(t, "lastScrapeDuration", target.lastScrapeDurationS) ||
            !optString(t, "scrapeInterval", target.scrapeInterval) || !optLabels(t, "labels", target.labels))
            return fail(out, "activeTargets"), out;
        if (out.value.size() < maxItems)
            out.value.append(std::move(target));
    }
    noteTruncated(out, out.value.size(), items.size());
    return out;
}

PromApiResult<PromBuildInfo> decodeBuildInfo(const QByteArray& body, int httpStatus)
{
    PromApiResult<PromBuildInfo> out;
    QJsonValue data;
    if (!openEnvelope(body, httpStatus, out, data))
        return out;
    const QJsonObject o = data.toObject();
    PromBuildInfo& b = out.value;
    if (!data.isObject() || !optString(o, "version", b.version) || !optString(o, "revision", b.revision) ||
        !optString(o, "branch", b.branch) || !optString(o, "buildUser", b.buildUser) ||
        !optString(o, "buildDate", b.buildDate) || !optString(o, "goVersion", b.goVersion))
        return fail(out, "data"), out;
    if (b.version.isEmpty())
        return fail(out, "version"), out;
    return out;
}

PromApiResult<QString> decodeConfigYaml(const QByteArray& body, int httpStatus)
{
    PromApiResult<QString> out;
    QJsonValue data;
    if (!openEnvelope(body, httpStatus, out, data))
        return out;
    const QJsonObject o = data.toObject();
    if (!data.isObject() || !o.value(QLatin1String("yaml")).isString())
        return fail(out, "yaml"), out;
    out.value = o.value(QLatin1String("yaml")).toString();
    return out;
}

} // namespace wf::prometheus
