#include "traces/TempoClient.h"

#include "traces/ApiDelivery.h"
#include "traces/ApiUrl.h"
#include "traces/TraceFile.h"

namespace wf::traces {

namespace {

QString logfmtValue(const QString& v)
{
    if (!v.isEmpty() && !v.contains(u' ') && !v.contains(u'"') && !v.contains(u'=') && !v.contains(u'\\'))
        return v;
    QString escaped = v;
    escaped.replace(QStringLiteral("\\"), QStringLiteral("\\\\"))
        .replace(QStringLiteral("\""), QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

} // namespace

TempoClient::TempoClient(net::HttpClient* http, QUrl baseUrl, QObject* parent)
    : TraceSearchSource(parent)
    , m_http(http)
    , m_base(std::move(baseUrl))
{}

QString TempoClient::displayName() const
{
    return tr("Tempo (%1)").arg(m_base.toDisplayString(QUrl::RemoveUserInfo));
}

net::HttpRequest TempoClient::request(const QString& path,
                                      const QList<std::pair<QString, QString>>& params) const
{
    net::HttpRequest req;
    req.url = detail::apiUrl(m_base, path, params);
    req.credentials = m_credentials;
    req.totalTimeout = m_timeout;
    req.verifyTls = m_verifyTls;
    req.maxResponseBytes = m_limits.maxBodyBytes;
    req.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    if (!m_tenant.isEmpty())
        req.headers.append({QByteArrayLiteral("X-Scope-OrgID"), m_tenant});
    return req;
}

QString TempoClient::logfmtTags(const TraceSearchQuery& q)
{
    QStringList parts;
    if (!q.service.isEmpty())
        parts << u"service.name=" + logfmtValue(q.service);
    if (!q.operation.isEmpty())
        parts << u"name=" + logfmtValue(q.operation);
    for (const auto& [k, v] : q.tags)
        parts << k + u'=' + logfmtValue(v);
    if (q.errorsOnly)
        parts << QStringLiteral("status=error");
    return parts.join(u' ');
}

QUrl TempoClient::searchUrl(const TraceSearchQuery& q) const
{
    QList<std::pair<QString, QString>> params;
    const QString tags = logfmtTags(q);
    if (!tags.isEmpty())
        params.append({QStringLiteral("tags"), tags});
    if (q.minDurationNs > 0)
        params.append({QStringLiteral("minDuration"), goDuration(q.minDurationNs)});
    if (q.maxDurationNs > 0)
        params.append({QStringLiteral("maxDuration"), goDuration(q.maxDurationNs)});
    params.append({QStringLiteral("limit"), QString::number(q.limit)});
    // Tempo's search window is in Unix seconds; both or neither.
    if (q.fromNs > 0 && q.toNs > 0) {
        params.append({QStringLiteral("start"), QString::number(q.fromNs / 1'000'000'000)});
        params.append({QStringLiteral("end"), QString::number((q.toNs + 999'999'999) / 1'000'000'000)});
    }
    return request(QStringLiteral("/api/search"), params).url;
}

void TempoClient::search(const TraceSearchQuery& query, QObject* context,
                         std::function<void(const TraceSearchResult&)> done)
{
    net::HttpRequest req = request(QString(), {});
    req.url = searchUrl(query);
    const TraceApiLimits limits = m_limits;
    m_http->send(std::move(req), context,
                 detail::deliverParsed<TraceSearchResult>(
                     context, std::move(done), [limits, query](const QByteArray& body) {
                         TraceSearchResult r = parseTempoSearch(body, limits);
                         if (!r.ok())
                             return r;
                         for (auto& s : r.traces)
                             s.errorCount = query.errorsOnly ? 1 : 0;
                         if (!query.errorsOnly)
                             r.note = tr("Tempo's search results carry no error counts");
                         return r;
                     }));
}

void TempoClient::fetchTrace(const telemetry::TraceId& traceId, QObject* context,
                             std::function<void(const TraceFetchResult&)> done)
{
    const TraceApiLimits limits = m_limits;
    m_http->send(request(QStringLiteral("/api/traces/") + traceId.toHex(), {}), context,
                 detail::deliverParsed<TraceFetchResult>(
                     context, std::move(done), [limits, traceId](const QByteArray& body) {
                         TraceFetchResult out;
                         TraceFileLimits fileLimits;
                         fileLimits.maxBytes = limits.maxBodyBytes;
                         TraceFileResult r = parseTraceDocument(body, fileLimits);
                         if (!r.ok()) {
                             out.error = r.error;
                             return out;
                         }
                         for (LoadedTrace& t : r.traces) {
                             if (t.traceId == traceId) {
                                 out.spans = std::move(t.spans);
                                 return out;
                             }
                         }
                         out.error = tr("Tempo's answer does not hold trace %1").arg(traceId.toHex());
                         return out;
                     }));
}

void TempoClient::tagValues(const QString& tag, QObject* context,
                            std::function<void(const NameListResult&)> done)
{
    const TraceApiLimits limits = m_limits;
    m_http->send(
        request(QStringLiteral("/api/search/tag/") + tag + QStringLiteral("/values"), {}), context,
        detail::deliverParsed<NameListResult>(context, std::move(done), [limits](const QByteArray& body) {
            return parseTempoTagValues(body, limits);
        }));
}

void TempoClient::services(QObject* context, std::function<void(const NameListResult&)> done)
{
    tagValues(QStringLiteral("service.name"), context, std::move(done));
}

void TempoClient::operations(const QString& service, QObject* context,
                             std::function<void(const NameListResult&)> done)
{
    // The v1 tag-values API is not scoped by service: every span name Tempo knows.
    Q_UNUSED(service);
    tagValues(QStringLiteral("name"), context, std::move(done));
}

} // namespace wf::traces
