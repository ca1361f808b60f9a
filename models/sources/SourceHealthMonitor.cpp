#include "SourceHealthMonitor.h"

#include "net/HttpClient.h"

#include <QDateTime>

namespace wf {

SourceHealthMonitor::SourceHealthMonitor(net::HttpClient* http, SourceHealthModel* model, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_model(model)
{
    m_timer.setInterval(std::chrono::seconds(15));
    connect(&m_timer, &QTimer::timeout, this, &SourceHealthMonitor::checkNow);
    // A newly added source should not wait a full interval to show its health.
    connect(model, &QAbstractItemModel::modelReset, this, &SourceHealthMonitor::checkNow);
}

void SourceHealthMonitor::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void SourceHealthMonitor::start()
{
    m_timer.start();
    checkNow();
}

void SourceHealthMonitor::stop()
{
    m_timer.stop();
}

void SourceHealthMonitor::checkNow()
{
    if (!m_model)
        return;
    const QList<SourceHealth> sources = m_model->sources();
    for (const SourceHealth& s : sources) {
        if (!m_inFlight.contains(s.name))
            probe(s);
    }
}

QUrl SourceHealthMonitor::probeUrl(const QString& kind, const QUrl& base)
{
    QString path;
    if (kind == QLatin1String("prometheus"))
        path = QStringLiteral("api/v1/status/buildinfo"); // served by Prometheus-compatible servers too
    else if (kind == QLatin1String("alertmanager"))
        path = QStringLiteral("-/healthy");
    else if (kind == QLatin1String("loki") || kind == QLatin1String("tempo"))
        path = QStringLiteral("ready");
    else if (kind == QLatin1String("jaeger"))
        path = QStringLiteral("api/services");
    else
        return {};
    QUrl url = base;
    QString basePath = url.path();
    if (!basePath.endsWith(QLatin1Char('/')))
        basePath += QLatin1Char('/');
    url.setPath(basePath + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

HealthState SourceHealthMonitor::classify(const net::HttpResult& result, std::chrono::milliseconds slow,
                                          QString* message)
{
    if (result.ok()) {
        if (result.elapsedMs > slow.count()) {
            *message =
                tr("Slow: answered in %1 ms (more than %2 ms).").arg(result.elapsedMs).arg(slow.count());
            return HealthState::Degraded;
        }
        message->clear();
        return HealthState::Up;
    }
    *message = result.errorMessage;
    return HealthState::Down;
}

void SourceHealthMonitor::probe(const SourceHealth& source)
{
    const QUrl url = probeUrl(source.kind, source.url);
    if (url.isEmpty()) {
        if (m_model)
            m_model->updateHealth(source.name, HealthState::Unknown, tr("This kind of source is not probed."),
                                  -1, QDateTime::currentDateTimeUtc());
        return;
    }
    net::HttpRequest request;
    request.url = url;
    request.connectTimeout = std::min(m_timeout, std::chrono::milliseconds(3000));
    request.totalTimeout = m_timeout;
    request.maxRetries = 0;
    request.maxResponseBytes = 1024 * 1024;
    request.verifyTls = !source.insecureTls;
    if (m_authorize)
        m_authorize(source.name, request);
    m_inFlight.insert(source.name, url);
    const QString name = source.name;
    const std::chrono::milliseconds slow = m_slow;
    m_http->send(std::move(request), this, [this, name, url, slow](const net::HttpResult& r) {
        // The source may have been removed or re-pointed while the probe ran: only the probe of the
        // current target may update it.
        if (m_inFlight.value(name) == url)
            m_inFlight.remove(name);
        if (!m_model)
            return;
        bool stillSame = false;
        for (const SourceHealth& s : m_model->sources())
            stillSame = stillSame || (s.name == name && probeUrl(s.kind, s.url) == url);
        if (!stillSame || r.error == net::HttpError::Cancelled)
            return;
        QString message;
        const HealthState state = classify(r, slow, &message);
        m_model->updateHealth(name, state, message, r.ok() ? r.elapsedMs : -1,
                              QDateTime::currentDateTimeUtc());
        Q_EMIT probed(name, state);
    });
}

} // namespace wf
