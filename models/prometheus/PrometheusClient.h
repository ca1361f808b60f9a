#pragma once
// The Prometheus HTTP API (/api/v1) over the shared HttpClient; also speaks to API-compatible servers
// (VictoriaMetrics, Thanos, Mimir, Cortex): their extra fields are ignored. Queries are POSTed form
// encoded (long PromQL does not fit a URL) and fall back to GET for good when a server answers 405.
// Every answer is decoded on the global thread pool, never on the caller's thread.
#include "MetricsCall.h"
#include "MetricsTypes.h"
#include "PromApiTypes.h"
#include "net/HttpTypes.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>

namespace wf::net {
class HttpClient;
}

namespace wf::prometheus {

// Credentials for one data source, handed in by whoever read them from the OS keychain. Held in memory
// for the requests only: never written to settings, logs or error messages.
struct PrometheusAuth
{
    QString user; // with password: HTTP basic auth
    QString password;
    QByteArray bearerToken; // Authorization: Bearer
};

struct PrometheusConfig
{
    QUrl baseUrl;             // the server root, may carry a path prefix: https://host/prometheus/
    net::HttpHeaders headers; // custom headers, e.g. X-Scope-OrgID for Mimir
    std::chrono::milliseconds timeout{30000}; // whole request; also sent as the query's `timeout`
    std::chrono::milliseconds connectTimeout{5000};
    qint64 maxResponseBytes = 256LL * 1024 * 1024;
    DecodeLimits limits;
    qsizetype maxListItems = 50'000; // labels, values, series, metadata, rules, alerts, targets
    bool verifyTls = true;
};

// Which series the metadata endpoints look at: match[] selectors and an optional time range.
struct SeriesSelection
{
    QStringList match;
    qint64 startMs = 0; // 0: server default
    qint64 endMs = 0;
};

class PrometheusClient : public QObject
{
    Q_OBJECT
public:
    template<typename R>
    using Callback = std::function<void(R)>;

    // `http` must outlive the calls made through this client (it is the process-wide client).
    PrometheusClient(net::HttpClient* http, PrometheusConfig config, PrometheusAuth auth = {},
                     QObject* parent = nullptr);

    const PrometheusConfig& config() const { return m_config; }

    // New credentials and per-source headers (from the keychain) for the calls made from now on; the
    // headers go after config().headers. On the thread that makes the calls.
    void setCredentials(PrometheusAuth auth, net::HttpHeaders headers);

    // Each call: `done` runs exactly once on context's thread (Cancelled after cancel()), never after
    // context was destroyed. A null context or callback sends nothing and returns an invalid call.
    MetricsCall queryRange(const RangeQuery& q, QObject* context, Callback<MetricsResult> done);
    MetricsCall query(const InstantQuery& q, QObject* context, Callback<MetricsResult> done);
    MetricsCall labels(const SeriesSelection& s, QObject* context, Callback<PromApiResult<QStringList>> done);
    MetricsCall labelValues(const QString& label, const SeriesSelection& s, QObject* context,
                            Callback<PromApiResult<QStringList>> done);
    MetricsCall series(const SeriesSelection& s, QObject* context,
                       Callback<PromApiResult<QList<LabelSet>>> done);
    // metric empty: all metrics; limit 0: no limit.
    MetricsCall metadata(const QString& metric, int limit, QObject* context,
                         Callback<PromApiResult<QList<MetricMetadata>>> done);
    MetricsCall rules(QObject* context, Callback<PromApiResult<QList<PromRule>>> done);
    MetricsCall alerts(QObject* context, Callback<PromApiResult<QList<PromAlert>>> done);
    MetricsCall targets(QObject* context, Callback<PromApiResult<QList<PromTarget>>> done);
    MetricsCall buildInfo(QObject* context, Callback<PromApiResult<PromBuildInfo>> done);
    // The scrape interval in ms, for step sizing: global.scrape_interval of status/config, or, when the
    // server has no such endpoint (Thanos, VictoriaMetrics, Mimir), the shortest target scrapeInterval.
    // Cancelling the returned call stops the first request only; the fallback still reports once.
    MetricsCall scrapeInterval(QObject* context, Callback<PromApiResult<qint64>> done);

    // The URL a call goes to (for tests and the "open in Prometheus" action); no credentials in it.
    QUrl endpointUrl(const QString& path) const;

private:
    using Params = QList<std::pair<QString, QString>>;
    enum class Method { Get, PostForm };

    template<typename R>
    MetricsCall call(const QString& path, Params params, Method method, QObject* context, Callback<R> done,
                     std::function<R(const QByteArray&, int)> decode);
    template<typename R>
    void send(MetricsCall call, const QString& path, Params params, Method method, QObject* context,
              Callback<R> done, std::function<R(const QByteArray&, int)> decode);
    net::HttpRequest makeRequest(const QString& path, const Params& params, Method method) const;

    QPointer<net::HttpClient> m_http;
    PrometheusConfig m_config;
    PrometheusAuth m_auth;
    net::HttpHeaders m_sourceHeaders;
    std::atomic<bool> m_postRefused{false};
};

} // namespace wf::prometheus
