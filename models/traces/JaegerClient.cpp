#include "traces/JaegerClient.h"

#include "traces/ApiDelivery.h"
#include "traces/ApiUrl.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wf::traces {

JaegerClient::JaegerClient(net::HttpClient* http, QUrl baseUrl, QObject* parent)
    : TraceSearchSource(parent)
    , m_http(http)
    , m_base(std::move(baseUrl))
{}

QString JaegerClient::displayName() const
{
    return tr("Jaeger (%1)").arg(m_base.toDisplayString(QUrl::RemoveUserInfo));
}

net::HttpRequest JaegerClient::request(const QString& path,
                                       const QList<std::pair<QString, QString>>& params) const
{
    net::HttpRequest req;
    req.url = detail::apiUrl(m_base, path, params);
    req.credentials = m_credentials;
    req.totalTimeout = m_timeout;
    req.verifyTls = m_verifyTls;
    req.maxResponseBytes = m_limits.maxBodyBytes;
    req.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    return req;
}

QUrl JaegerClient::searchUrl(const TraceSearchQuery& q) const
{
    QList<std::pair<QString, QString>> params;
    params.append({QStringLiteral("service"), q.service});
    if (!q.operation.isEmpty())
        params.append({QStringLiteral("operation"), q.operation});
    QJsonObject tags;
    for (const auto& [k, v] : q.tags)
        tags.insert(k, v);
    if (q.errorsOnly)
        tags.insert(QStringLiteral("error"), QStringLiteral("true"));
    if (!tags.isEmpty())
        params.append(
            {QStringLiteral("tags"), QString::fromUtf8(QJsonDocument(tags).toJson(QJsonDocument::Compact))});
    if (q.minDurationNs > 0)
        params.append({QStringLiteral("minDuration"), goDuration(q.minDurationNs)});
    if (q.maxDurationNs > 0)
        params.append({QStringLiteral("maxDuration"), goDuration(q.maxDurationNs)});
    // Jaeger's times are Unix microseconds.
    if (q.fromNs > 0)
        params.append({QStringLiteral("start"), QString::number(q.fromNs / 1000)});
    if (q.toNs > 0)
        params.append({QStringLiteral("end"), QString::number(q.toNs / 1000)});
    params.append({QStringLiteral("limit"), QString::number(q.limit)});
    return request(QStringLiteral("/api/traces"), params).url;
}

void JaegerClient::search(const TraceSearchQuery& query, QObject* context,
                          std::function<void(const TraceSearchResult&)> done)
{
    if (query.service.isEmpty()) {
        // Jaeger refuses a search without a service (HTTP 400); say so before asking.
        TraceSearchResult r;
        r.error = tr("Jaeger needs a service to search in");
        QMetaObject::invokeMethod(
            context, [done, r] { done(r); }, Qt::QueuedConnection);
        return;
    }
    net::HttpRequest req = request(QString(), {});
    req.url = searchUrl(query);
    const TraceApiLimits limits = m_limits;
    m_http->send(
        std::move(req), context,
        detail::deliverParsed<TraceSearchResult>(context, std::move(done), [limits](const QByteArray& body) {
            return parseJaegerTraces(body, limits);
        }));
}

void JaegerClient::fetchTrace(const telemetry::TraceId& traceId, QObject* context,
                              std::function<void(const TraceFetchResult&)> done)
{
    const TraceApiLimits limits = m_limits;
    m_http->send(
        request(QStringLiteral("/api/traces/") + traceId.toHex(), {}), context,
        detail::deliverParsed<TraceFetchResult>(context, std::move(done), [limits](const QByteArray& body) {
            TraceFetchResult out;
            TraceSearchResult r = parseJaegerTraces(body, limits);
            if (!r.ok())
                out.error = r.error;
            else if (r.spans.empty())
                out.error = tr("Jaeger sent no trace");
            else
                out.spans = r.spans.front();
            return out;
        }));
}

void JaegerClient::services(QObject* context, std::function<void(const NameListResult&)> done)
{
    const TraceApiLimits limits = m_limits;
    m_http->send(
        request(QStringLiteral("/api/services"), {}), context,
        detail::deliverParsed<NameListResult>(context, std::move(done), [limits](const QByteArray& body) {
            return parseJaegerNames(body, limits);
        }));
}

void JaegerClient::operations(const QString& service, QObject* context,
                              std::function<void(const NameListResult&)> done)
{
    const TraceApiLimits limits = m_limits;
    // /api/services/{s}/operations is the form every Jaeger version since 1.0 serves.
    const QString path = QStringLiteral("/api/services/") +
                         QString::fromLatin1(QUrl::toPercentEncoding(service)) +
                         QStringLiteral("/operations");
    net::HttpRequest req = request(QString(), {});
    QString prefix = req.url.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    req.url.setPath(prefix + path, QUrl::TolerantMode);
    m_http->send(
        std::move(req), context,
        detail::deliverParsed<NameListResult>(context, std::move(done), [limits](const QByteArray& body) {
            return parseJaegerNames(body, limits);
        }));
}

} // namespace wf::traces
