#pragma once

// Searches one Grafana Tempo (query-frontend HTTP API; base URL e.g. http://tempo:3200) over
// wf::net::HttpClient. The form's fields become Tempo's logfmt `tags` (service.name, name, the user's
// tags, status=error for "errors only"); traces are fetched as OTLP JSON.
// Tempo's search results carry no error counts: a trace found with "errors only" is counted as having
// at least one failed span, others as unknown (0), and the result says so in its note.

#include "net/HttpClient.h"
#include "traces/TraceApiResponses.h"
#include "traces/TraceSearchSource.h"

#include <QUrl>

namespace wf::traces {

class TempoClient : public TraceSearchSource
{
    Q_OBJECT
public:
    TempoClient(net::HttpClient* http, QUrl baseUrl, QObject* parent = nullptr);

    void setCredentials(net::HttpCredentials credentials) { m_credentials = std::move(credentials); }
    void setTenant(const QByteArray& orgId) { m_tenant = orgId; } // X-Scope-OrgID, multi-tenant Tempo
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

    QUrl searchUrl(const TraceSearchQuery& query) const;
    static QString logfmtTags(const TraceSearchQuery& query);

private:
    net::HttpRequest request(const QString& path, const QList<std::pair<QString, QString>>& params) const;
    void tagValues(const QString& tag, QObject* context, std::function<void(const NameListResult&)> done);

    net::HttpClient* m_http;
    QUrl m_base;
    net::HttpCredentials m_credentials;
    QByteArray m_tenant;
    std::chrono::milliseconds m_timeout{30000};
    bool m_verifyTls = true;
    TraceApiLimits m_limits;
};

} // namespace wf::traces
