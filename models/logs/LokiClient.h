#pragma once

// Queries one Grafana Loki over wf::net::HttpClient: query_range (LogQL passed through unchanged),
// labels and label values. Responses are parsed on the global thread pool, never on the caller's
// thread, and delivered on the context object's thread only while that object exists.

#include "logs/LokiResponse.h"
#include "net/HttpClient.h"
#include "net/HttpTypes.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace wf::logs {

struct LokiQueryRange
{
    QString logql; // sent as is; Loki reports syntax errors (HTTP 400), shown as its text
    qint64 startNs = 0;
    qint64 endNs = 0;
    int limit = 1000;
    bool forward = false; // Loki's default is backward: newest first
    qint64 stepMs = 0;    // metric queries only; 0 lets Loki choose
};

class LokiClient : public QObject
{
    Q_OBJECT
public:
    // baseUrl: e.g. http://loki:3100 (a path prefix behind a proxy is kept).
    LokiClient(net::HttpClient* http, QUrl baseUrl, QObject* parent = nullptr);

    void setCredentials(net::HttpCredentials credentials) { m_credentials = std::move(credentials); }
    void setTenant(const QByteArray& orgId) { m_tenant = orgId; } // X-Scope-OrgID for multi-tenant Loki
    void setLimits(const LokiLimits& limits) { m_limits = limits; }

    net::HttpRequestHandle queryRange(const LokiQueryRange& query, QObject* context,
                                      std::function<void(const LokiQueryResult&)> onDone);
    net::HttpRequestHandle labels(qint64 startNs, qint64 endNs, QObject* context,
                                  std::function<void(const LokiStringList&)> onDone);
    net::HttpRequestHandle labelValues(const QString& label, qint64 startNs, qint64 endNs, QObject* context,
                                       std::function<void(const LokiStringList&)> onDone);

    // The URL a request goes to (for tests and for "copy as curl"-style display).
    QUrl queryRangeUrl(const LokiQueryRange& query) const;

private:
    net::HttpRequest request(const QString& path, const QList<std::pair<QString, QString>>& params) const;
    template<typename Result, typename Parse>
    net::HttpRequestHandle send(net::HttpRequest req, QObject* context,
                                std::function<void(const Result&)> onDone, Parse parse);

    net::HttpClient* m_http;
    QUrl m_base;
    net::HttpCredentials m_credentials;
    QByteArray m_tenant;
    LokiLimits m_limits;
};

} // namespace wf::logs
