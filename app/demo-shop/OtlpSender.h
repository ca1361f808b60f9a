#pragma once

#include "net/HttpClient.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QUrl>

#include <deque>

namespace wf::demoshop {

// POSTs OTLP/HTTP JSON bodies to /v1/traces, /v1/logs and /v1/metrics through the project's
// HttpClient. A receiver that is down or slow must not make the shop grow: the queue is bounded by
// count and bytes, the oldest body is dropped first, and drops and failures are reported on stderr
// at most once a minute.
class OtlpSender : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int maxQueued = 48;
        qint64 maxQueuedBytes = 64LL * 1024 * 1024;
        int maxInFlight = 2;
    };

    OtlpSender(const QUrl& endpoint, Limits limits, QObject* parent = nullptr);

    // signalPath: "/v1/traces", "/v1/logs" or "/v1/metrics".
    void enqueue(const QString& signalPath, QByteArray body);

    bool isIdle() const { return m_queue.empty() && m_inFlight == 0; }
    qint64 sent() const { return m_sent; }
    qint64 failed() const { return m_failed; }
    qint64 dropped() const { return m_dropped; }

Q_SIGNALS:
    void idle(); // queue empty and nothing in flight

private:
    struct Item
    {
        QString path;
        QByteArray body;
    };
    void pump();
    void onFinished(const net::HttpResult& result);
    void reportProblems(const QString& lastError);

    QUrl m_endpoint;
    Limits m_limits;
    net::HttpClient m_client;
    std::deque<Item> m_queue;
    qint64 m_queuedBytes = 0;
    int m_inFlight = 0;
    qint64 m_sent = 0;
    qint64 m_failed = 0;
    qint64 m_dropped = 0;
    qint64 m_failedSinceReport = 0;
    qint64 m_droppedSinceReport = 0;
    QElapsedTimer m_sinceReport;
    bool m_reportedOnce = false;
};

} // namespace wf::demoshop
