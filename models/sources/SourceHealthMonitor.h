#pragma once

#include "items/SourceHealthModel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace wf::net {
class HttpClient;
struct HttpRequest;
struct HttpResult;
} // namespace wf::net

namespace wf {

// Probes every source in a SourceHealthModel on a timer and writes the outcome back into the model,
// which the status bar and the Sources dock show. Probes never retry (a health indicator must show
// what a single request sees now) and a source with a probe still in flight is not probed again, so a
// hung source cannot pile up requests.
class SourceHealthMonitor : public QObject
{
    Q_OBJECT
public:
    SourceHealthMonitor(net::HttpClient* http, SourceHealthModel* model, QObject* parent = nullptr);

    void setInterval(std::chrono::milliseconds interval);
    void setProbeTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Answers slower than this count as degraded, not up.
    void setSlowThreshold(std::chrono::milliseconds slow) { m_slow = slow; }
    // Adds a source's credentials to its probe (a source behind authentication answers 401 without).
    using Authorize = std::function<void(const QString& sourceName, net::HttpRequest& request)>;
    void setAuthorize(Authorize authorize) { m_authorize = std::move(authorize); }
    void start();
    void stop();
    void checkNow();

    int probesInFlight() const { return int(m_inFlight.size()); }

    // The cheapest endpoint each kind of source answers when it is able to serve queries. An empty
    // URL means the kind is not probed over HTTP.
    static QUrl probeUrl(const QString& kind, const QUrl& base);
    static HealthState classify(const net::HttpResult& result, std::chrono::milliseconds slow,
                                QString* message);

Q_SIGNALS:
    void probed(const QString& name, wf::HealthState state);

private:
    void probe(const SourceHealth& source);

    net::HttpClient* m_http;
    QPointer<SourceHealthModel> m_model;
    QTimer m_timer;
    std::chrono::milliseconds m_timeout{5000};
    std::chrono::milliseconds m_slow{2000};
    QHash<QString, QUrl> m_inFlight; // source name -> URL being probed
    Authorize m_authorize;
};

} // namespace wf
