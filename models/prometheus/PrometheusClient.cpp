#include "PrometheusClient.h"

#include "PromApiDecoder.h"
#include "PromErrors.h"
#include "PromResponseDecoder.h"
#include "ScrapeInterval.h"
#include "net/HttpClient.h"
#include "signalstore/ResultDelivery.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace wf::prometheus {

namespace {

QString seconds(qint64 ms)
{
    // Prometheus takes RFC 3339 or float Unix seconds; milliseconds are its resolution.
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

template<typename R>
R failed(MetricsError error)
{
    R r;
    r.error = std::move(error);
    return r;
}

MetricsError cancelledError()
{
    MetricsError e;
    e.kind = MetricsErrorKind::Cancelled;
    e.message = QCoreApplication::translate("PrometheusClient", "The request was cancelled.");
    return e;
}

MetricsError invalid(const QString& message)
{
    MetricsError e;
    e.kind = MetricsErrorKind::InvalidRequest;
    e.message = message;
    return e;
}

// Runs `done` with the result, or with Cancelled when the call was cancelled meanwhile.
template<typename R>
std::function<void(R)> honouringCancel(MetricsCall call, std::function<void(R)> done)
{
    return [call, done = std::move(done)](R r) {
        if (call.isCancelled() && r.error.kind != MetricsErrorKind::Cancelled)
            r = failed<R>(cancelledError());
        done(std::move(r));
    };
}

} // namespace

PrometheusClient::PrometheusClient(net::HttpClient* http, PrometheusConfig config, PrometheusAuth auth,
                                   QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_config(std::move(config))
    , m_auth(std::move(auth))
{}

void PrometheusClient::setCredentials(PrometheusAuth auth, net::HttpHeaders headers)
{
    m_auth = std::move(auth);
    m_sourceHeaders = std::move(headers);
}

QUrl PrometheusClient::endpointUrl(const QString& path) const
{
    QUrl url = m_config.baseUrl;
    QString base = url.path();
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    url.setPath(base + QStringLiteral("api/v1/") + path);
    url.setQuery(QString());
    url.setFragment(QString());
    url.setUserInfo(QString());
    return url;
}

net::HttpRequest PrometheusClient::makeRequest(const QString& path, const Params& params, Method method) const
{
    net::HttpRequest r;
    r.url = endpointUrl(path);
    // Encoded by hand: everything but unreserved characters, so a '+' in PromQL stays a plus (form
    // decoding would read it as a space) and '&', '=', '#' never split the parameters.
    QByteArray encoded;
    for (const auto& [k, v] : params) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    if (method == Method::PostForm) {
        r.method = "POST";
        r.body = encoded;
        r.headers.append(
            std::pair<QByteArray, QByteArray>("Content-Type", "application/x-www-form-urlencoded"));
    } else if (!encoded.isEmpty()) {
        r.url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);
    }
    r.headers.append(std::pair<QByteArray, QByteArray>("Accept", "application/json"));
    r.headers.append(m_config.headers);
    r.headers.append(m_sourceHeaders);
    r.credentials.user = m_auth.user;
    r.credentials.password = m_auth.password;
    r.credentials.bearerToken = m_auth.bearerToken;
    r.connectTimeout = m_config.connectTimeout;
    r.totalTimeout = m_config.timeout;
    r.maxResponseBytes = m_config.maxResponseBytes;
    r.verifyTls = m_config.verifyTls;
    return r;
}

template<typename R>
MetricsCall PrometheusClient::call(const QString& path, Params params, Method method, QObject* context,
                                   Callback<R> done, std::function<R(const QByteArray&, int)> decode)
{
    if (!context || !done)
        return {};
    MetricsCall handle = MetricsCall::create();
    if (!m_http) { // the process-wide client is gone: only during shutdown
        signalstore::ResultDelivery<R>(context, honouringCancel(handle, std::move(done)))
            .deliver(failed<R>(
                invalid(QCoreApplication::translate("PrometheusClient", "The network is shut down."))));
        return handle;
    }
    if (!m_config.baseUrl.isValid() || m_config.baseUrl.isRelative()) {
        signalstore::ResultDelivery<R>(context, honouringCancel(handle, std::move(done)))
            .deliver(failed<R>(invalid(
                QCoreApplication::translate("PrometheusClient", "The data source has no valid URL: \"%1\".")
                    .arg(m_config.baseUrl.toString(QUrl::RemoveUserInfo)))));
        return handle;
    }
    if (method == Method::PostForm && m_postRefused.load())
        method = Method::Get;
    send<R>(handle, path, std::move(params), method, context, honouringCancel(handle, std::move(done)),
            std::move(decode));
    return handle;
}

template<typename R>
void PrometheusClient::send(MetricsCall handle, const QString& path, Params params, Method method,
                            QObject* context, Callback<R> done,
                            std::function<R(const QByteArray&, int)> decode)
{
    QPointer<PrometheusClient> self(this);
    net::HttpRequest request = makeRequest(path, params, method);
    const net::HttpRequestHandle http = m_http->send(
        std::move(request), context,
        [self, handle, path, params, method, context, done, decode](const net::HttpResult& result) {
            // On context's thread: only cheap routing here, decoding goes to the pool.
            if (handle.isCancelled())
                return done(failed<R>(cancelledError()));
            if (method == Method::PostForm && result.status == 405 && self) {
                self->m_postRefused.store(true);
                self->send<R>(handle, path, params, Method::Get, context, done, decode);
                return;
            }
            if (const MetricsError transport = errorFromTransport(result); transport.isError())
                return done(failed<R>(transport));
            signalstore::ResultDelivery<R> delivery(context, done);
            QThreadPool::globalInstance()->start(
                [delivery, decode, body = result.body, status = result.status] {
                    delivery.deliver(decode(body, status));
                });
        });
    handle.setHttp(http);
}

MetricsCall PrometheusClient::queryRange(const RangeQuery& q, QObject* context, Callback<MetricsResult> done)
{
    if (context && done && (q.expr.trimmed().isEmpty() || q.stepMs <= 0 || q.endMs < q.startMs)) {
        MetricsCall handle = MetricsCall::create();
        const QString why =
            q.expr.trimmed().isEmpty()
                ? QCoreApplication::translate("PrometheusClient", "The query is empty.")
                : (q.stepMs <= 0
                       ? QCoreApplication::translate("PrometheusClient", "The step must be longer than zero.")
                       : QCoreApplication::translate("PrometheusClient",
                                                     "The time range ends before it starts."));
        signalstore::ResultDelivery<MetricsResult>(context, std::move(done))
            .deliver(failed<MetricsResult>(invalid(why)));
        return handle;
    }
    const DecodeLimits limits = m_config.limits;
    return call<MetricsResult>(
        QStringLiteral("query_range"),
        {{QStringLiteral("query"), q.expr},
         {QStringLiteral("start"), seconds(q.startMs)},
         {QStringLiteral("end"), seconds(q.endMs)},
         {QStringLiteral("step"), seconds(q.stepMs)},
         {QStringLiteral("timeout"), QString::number(m_config.timeout.count()) + QStringLiteral("ms")}},
        Method::PostForm, context, std::move(done),
        [limits](const QByteArray& body, int status) { return decodeQueryResponse(body, status, limits); });
}

MetricsCall PrometheusClient::query(const InstantQuery& q, QObject* context, Callback<MetricsResult> done)
{
    if (context && done && q.expr.trimmed().isEmpty()) {
        MetricsCall handle = MetricsCall::create();
        signalstore::ResultDelivery<MetricsResult>(context, std::move(done))
            .deliver(failed<MetricsResult>(
                invalid(QCoreApplication::translate("PrometheusClient", "The query is empty."))));
        return handle;
    }
    Params params{
        {QStringLiteral("query"), q.expr},
        {QStringLiteral("timeout"), QString::number(m_config.timeout.count()) + QStringLiteral("ms")}};
    if (q.timeMs != 0)
        params.append({QStringLiteral("time"), seconds(q.timeMs)});
    const DecodeLimits limits = m_config.limits;
    return call<MetricsResult>(
        QStringLiteral("query"), std::move(params), Method::PostForm, context, std::move(done),
        [limits](const QByteArray& body, int status) { return decodeQueryResponse(body, status, limits); });
}

namespace {
QList<std::pair<QString, QString>> selectionParams(const SeriesSelection& s)
{
    QList<std::pair<QString, QString>> params;
    for (const QString& m : s.match)
        params.append({QStringLiteral("match[]"), m});
    if (s.startMs != 0)
        params.append({QStringLiteral("start"), seconds(s.startMs)});
    if (s.endMs != 0)
        params.append({QStringLiteral("end"), seconds(s.endMs)});
    return params;
}
} // namespace

MetricsCall PrometheusClient::labels(const SeriesSelection& s, QObject* context,
                                     Callback<PromApiResult<QStringList>> done)
{
    const qsizetype max = m_config.maxListItems;
    return call<PromApiResult<QStringList>>(
        QStringLiteral("labels"), selectionParams(s), Method::PostForm, context, std::move(done),
        [max](const QByteArray& body, int status) { return decodeStringList(body, status, max); });
}

MetricsCall PrometheusClient::labelValues(const QString& label, const SeriesSelection& s, QObject* context,
                                          Callback<PromApiResult<QStringList>> done)
{
    const qsizetype max = m_config.maxListItems;
    // The label name is a path segment: percent-encode it so a name from user input cannot walk the path.
    const QString segment = QString::fromLatin1(QUrl::toPercentEncoding(label));
    return call<PromApiResult<QStringList>>(
        QStringLiteral("label/") + segment + QStringLiteral("/values"), selectionParams(s), Method::Get,
        context, std::move(done),
        [max](const QByteArray& body, int status) { return decodeStringList(body, status, max); });
}

MetricsCall PrometheusClient::series(const SeriesSelection& s, QObject* context,
                                     Callback<PromApiResult<QList<LabelSet>>> done)
{
    const qsizetype max = m_config.maxListItems;
    return call<PromApiResult<QList<LabelSet>>>(
        QStringLiteral("series"), selectionParams(s), Method::PostForm, context, std::move(done),
        [max](const QByteArray& body, int status) { return decodeSeriesList(body, status, max); });
}

MetricsCall PrometheusClient::metadata(const QString& metric, int limit, QObject* context,
                                       Callback<PromApiResult<QList<MetricMetadata>>> done)
{
    Params params;
    if (!metric.isEmpty())
        params.append({QStringLiteral("metric"), metric});
    if (limit > 0)
        params.append({QStringLiteral("limit"), QString::number(limit)});
    const qsizetype max = m_config.maxListItems;
    return call<PromApiResult<QList<MetricMetadata>>>(
        QStringLiteral("metadata"), std::move(params), Method::Get, context, std::move(done),
        [max](const QByteArray& body, int status) { return decodeMetadata(body, status, max); });
}

MetricsCall PrometheusClient::rules(QObject* context, Callback<PromApiResult<QList<PromRule>>> done)
{
    const qsizetype max = m_config.maxListItems;
    return call<PromApiResult<QList<PromRule>>>(
        QStringLiteral("rules"), {}, Method::Get, context, std::move(done),
        [max](const QByteArray& body, int status) { return decodeRules(body, status, max); });
}

MetricsCall PrometheusClient::alerts(QObject* context, Callback<PromApiResult<QList<PromAlert>>> done)
{
    const qsizetype max = m_config.maxListItems;
    return call<PromApiResult<QList<PromAlert>>>(
        QStringLiteral("alerts"), {}, Method::Get, context, std::move(done),
        [max](const QByteArray& body, int status) { return decodeAlerts(body, status, max); });
}

MetricsCall PrometheusClient::targets(QObject* context, Callback<PromApiResult<QList<PromTarget>>> done)
{
    const qsizetype max = m_config.maxListItems;
    return call<PromApiResult<QList<PromTarget>>>(
        QStringLiteral("targets"), {{QStringLiteral("state"), QStringLiteral("active")}}, Method::Get,
        context, std::move(done),
        [max](const QByteArray& body, int status) { return decodeTargets(body, status, max); });
}

MetricsCall PrometheusClient::buildInfo(QObject* context, Callback<PromApiResult<PromBuildInfo>> done)
{
    return call<PromApiResult<PromBuildInfo>>(
        QStringLiteral("status/buildinfo"), {}, Method::Get, context, std::move(done),
        [](const QByteArray& body, int status) { return decodeBuildInfo(body, status); });
}

MetricsCall PrometheusClient::scrapeInterval(QObject* context, Callback<PromApiResult<qint64>> done)
{
    using Result = PromApiResult<qint64>;
    QPointer<PrometheusClient> self(this);
    QPointer<QObject> guard(context);
    return call<Result>(
        QStringLiteral("status/config"), {}, Method::Get, context,
        [self, guard, done](Result fromConfig) {
            const MetricsErrorKind kind = fromConfig.error.kind;
            // Only a server without the endpoint (or with an unreadable config) falls back; a refused
            // login or a network failure would fail the same way for /targets.
            if (fromConfig.ok() || !self || !guard ||
                (kind != MetricsErrorKind::NotFound && kind != MetricsErrorKind::Malformed &&
                 kind != MetricsErrorKind::NotPrometheus && kind != MetricsErrorKind::HttpStatus))
                return done(std::move(fromConfig));
            self->targets(guard, [done, fromConfig](PromApiResult<QList<PromTarget>> t) {
                Result r;
                r.warnings = t.warnings;
                if (!t.ok()) {
                    r.error = fromConfig.error;
                } else if (const auto ms = shortestTargetIntervalMs(t.value)) {
                    r.value = *ms;
                } else {
                    r.error = malformedError(QCoreApplication::translate(
                        "PrometheusClient", "no target reports a scrape interval"));
                }
                done(std::move(r));
            });
        },
        [](const QByteArray& body, int status) {
            const PromApiResult<QString> yaml = decodeConfigYaml(body, status);
            Result r;
            r.error = yaml.error;
            r.warnings = yaml.warnings;
            if (!yaml.ok())
                return r;
            if (const auto ms = globalScrapeIntervalMs(yaml.value))
                r.value = *ms;
            else
                r.error = malformedError(QCoreApplication::translate(
                    "PrometheusClient", "the configuration has no readable global.scrape_interval"));
            return r;
        });
}

} // namespace wf::prometheus
