#include "logs/LokiClient.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace wf::logs {

LokiClient::LokiClient(net::HttpClient* http, QUrl baseUrl, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_base(std::move(baseUrl))
{}

net::HttpRequest LokiClient::request(const QString& path,
                                     const QList<std::pair<QString, QString>>& params) const
{
    net::HttpRequest req;
    QUrl url = m_base;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    // Built by hand: QUrlQuery leaves '+' alone, which Loki (Go's net/url) would read as a space, and
    // LogQL regexes are full of '+'.
    QByteArray query;
    for (const auto& [k, v] : params)
        query += (query.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query));
    req.url = url;
    req.credentials = m_credentials;
    req.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    if (!m_tenant.isEmpty())
        req.headers.append({QByteArrayLiteral("X-Scope-OrgID"), m_tenant});
    return req;
}

QUrl LokiClient::queryRangeUrl(const LokiQueryRange& query) const
{
    QList<std::pair<QString, QString>> params{
        {QStringLiteral("query"), query.logql},
        {QStringLiteral("start"), QString::number(query.startNs)},
        {QStringLiteral("end"), QString::number(query.endNs)},
        {QStringLiteral("limit"), QString::number(query.limit)},
        {QStringLiteral("direction"),
         query.forward ? QStringLiteral("forward") : QStringLiteral("backward")}};
    if (query.stepMs > 0)
        params.append({QStringLiteral("step"), QString::number(double(query.stepMs) / 1000.0)});
    return request(QStringLiteral("/loki/api/v1/query_range"), params).url;
}

template<typename Result, typename Parse>
net::HttpRequestHandle LokiClient::send(net::HttpRequest req, QObject* context,
                                        std::function<void(const Result&)> onDone, Parse parse)
{
    return m_http->send(
        std::move(req), context,
        [context = QPointer<QObject>(context), onDone, parse](const net::HttpResult& r) {
            if (!r.ok()) {
                Result failed;
                failed.error =
                    r.error == net::HttpError::HttpStatus ? lokiErrorText(r.status, r.body) : r.errorMessage;
                onDone(failed);
                return;
            }
            QThreadPool::globalInstance()->start([context, onDone, parse, body = r.body] {
                Result parsed = parse(body);
                if (!context)
                    return;
                QMetaObject::invokeMethod(context.data(), [context, onDone, parsed = std::move(parsed)] {
                    if (context)
                        onDone(parsed);
                });
            });
        });
}

net::HttpRequestHandle LokiClient::queryRange(const LokiQueryRange& query, QObject* context,
                                              std::function<void(const LokiQueryResult&)> onDone)
{
    net::HttpRequest req = request(QString(), {});
    req.url = queryRangeUrl(query);
    const LokiLimits limits = m_limits;
    return send<LokiQueryResult>(
        std::move(req), context, std::move(onDone),
        [limits](const QByteArray& body) { return parseLokiQueryResponse(body, limits); });
}

net::HttpRequestHandle LokiClient::labels(qint64 startNs, qint64 endNs, QObject* context,
                                          std::function<void(const LokiStringList&)> onDone)
{
    auto req =
        request(QStringLiteral("/loki/api/v1/labels"), {{QStringLiteral("start"), QString::number(startNs)},
                                                        {QStringLiteral("end"), QString::number(endNs)}});
    return send<LokiStringList>(std::move(req), context, std::move(onDone),
                                [](const QByteArray& body) { return parseLokiStringList(body); });
}

net::HttpRequestHandle LokiClient::labelValues(const QString& label, qint64 startNs, qint64 endNs,
                                               QObject* context,
                                               std::function<void(const LokiStringList&)> onDone)
{
    const QString path = QStringLiteral("/loki/api/v1/label/") % label % QStringLiteral("/values");
    auto req = request(path, {{QStringLiteral("start"), QString::number(startNs)},
                              {QStringLiteral("end"), QString::number(endNs)}});
    return send<LokiStringList>(std::move(req), context, std::move(onDone),
                                [](const QByteArray& body) { return parseLokiStringList(body); });
}

} // namespace wf::logs
