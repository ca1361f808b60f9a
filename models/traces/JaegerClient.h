#pragma once

// Searches one Jaeger query service (its HTTP JSON API, the one Jaeger UI uses; base URL e.g.
// http://jaeger:16686, a path prefix behind a proxy is kept) over wf::net::HttpClient.
// "Errors only" becomes the tag error=true, as Jaeger UI sends it.

#include "net/HttpClient.h"
#include "traces/TraceApiResponses.h"
#include "traces/TraceSearchSource.h"

#include <QUrl>

namespace wf::traces {

class JaegerClient : public TraceSearchSource
{
    Q_OBJECT
public:
    JaegerClient(net::HttpClient* http, QUrl baseUrl, QObject* parent = nullptr);

    void setCredentials(net::HttpCredentials credentials) { m_credentials = std::move(credentials); }
    void setTimeout(std::chrono::milliseconds total) { m_timeout = total; }
    void setVerifyTls(bool verify) { m_verifyTls = verify; } // per-source opt-out, shown as insecure
    void setLimits(const TraceApiLimits& limits) { m_limits = limits; }

    QString displayName() const override;
    void search(const TraceSearchQuery& query, QObject* context,
                std::function<void(const TraceSearchResult&)> done) override;
    void fetchTrace(const telemetry::TraceId& traceId, QObject* context,
                    std::function<void(const TraceFetchResult&)> done) override;
    void services(QObject* context, std::function<void(const NameListResult&)> done) override;
    void operations(const QString& service, QObject* context,
                    std::function<void(const NameListResult&)> done) override;

    // The URL a search goes to (tests, "copy link").
    QUrl searchUrl(const TraceSearchQuery& query) const;

private:
    net::HttpRequest request(const QString& path, const QList<std::pair<QString, QString>>& params) const;

    net::HttpClient* m_http;
    QUrl m_base;
    net::HttpCredentials m_credentials;
    std::chrono::milliseconds m_timeout{30000};
    bool m_verifyTls = true;
    TraceApiLimits m_limits;
};

} // namespace wf::traces
