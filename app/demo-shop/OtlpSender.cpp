#include "OtlpSender.h"

#include <cstdio>

using namespace Qt::StringLiterals;

namespace wf::demoshop {

namespace {
constexpr qint64 kReportIntervalMs = 60'000;
}

OtlpSender::OtlpSender(const QUrl& endpoint, Limits limits, QObject* parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_limits(limits)
{
    m_sinceReport.start();
}

void OtlpSender::enqueue(const QString& signalPath, QByteArray body)
{
    m_queuedBytes += body.size();
    m_queue.push_back(Item{signalPath, std::move(body)});
    bool droppedAny = false;
    while (!m_queue.empty() && (static_cast<int>(m_queue.size()) > m_limits.maxQueued ||
                                m_queuedBytes > m_limits.maxQueuedBytes)) {
        // Oldest first: for a live dashboard the newest telemetry is worth most.
        m_queuedBytes -= m_queue.front().body.size();
        m_queue.pop_front();
        ++m_dropped;
        ++m_droppedSinceReport;
        droppedAny = true;
    }
    if (droppedAny)
        reportProblems(u"send queue full"_s);
    pump();
}

void OtlpSender::pump()
{
    while (m_inFlight < m_limits.maxInFlight && !m_queue.empty()) {
        Item item = std::move(m_queue.front());
        m_queue.pop_front();
        m_queuedBytes -= item.body.size();

        net::HttpRequest request;
        request.method = "POST";
        QUrl url = m_endpoint;
        QString base = url.path();
        while (base.endsWith(u'/'))
            base.chop(1);
        url.setPath(base + item.path);
        request.url = url;
        request.headers = {{"Content-Type", "application/json"},
                           {"User-Agent", "watchfloor-demo-shop/" WATCHFLOOR_VERSION}};
        request.body = std::move(item.body);
        request.connectTimeout = std::chrono::milliseconds(2000);
        request.totalTimeout = std::chrono::milliseconds(10000);
        request.maxResponseBytes = 1024 * 1024;
        request.maxRetries = 0; // the next batch is the retry
        ++m_inFlight;
        m_client.send(std::move(request), this, [this](const net::HttpResult& r) { onFinished(r); });
    }
}

void OtlpSender::onFinished(const net::HttpResult& result)
{
    --m_inFlight;
    if (result.ok() && result.status >= 200 && result.status < 300) {
        ++m_sent;
    } else {
        ++m_failed;
        ++m_failedSinceReport;
        reportProblems(result.errorMessage.isEmpty() ? u"HTTP %1"_s.arg(result.status) : result.errorMessage);
    }
    pump();
    if (isIdle())
        Q_EMIT idle();
}

void OtlpSender::reportProblems(const QString& lastError)
{
    if (m_reportedOnce && m_sinceReport.elapsed() < kReportIntervalMs)
        return;
    // A developer tool's diagnostics: plain text on stderr, not translated.
    std::fprintf(
        stderr, "watchfloor-demo-shop: sending to %s: %s (%lld failed, %lld dropped since the last report)\n",
        qPrintable(m_endpoint.toDisplayString()), qPrintable(lastError),
        static_cast<long long>(m_failedSinceReport), static_cast<long long>(m_droppedSinceReport));
    std::fflush(stderr);
    m_reportedOnce = true;
    m_failedSinceReport = 0;
    m_droppedSinceReport = 0;
    m_sinceReport.restart();
}

} // namespace wf::demoshop
