#pragma once

#include "ReceiverStats.h"
#include "ReceiverTypes.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;
class QThreadPool;

// Watchfloor's own OTLP/HTTP endpoint (POST /v1/traces, /v1/logs, /v1/metrics; GET /health), so a
// laptop with no telemetry backend still sees what its services send. Sockets live on a thread of
// their own and bodies are decoded on a worker pool; the thread that owns this object (the UI thread)
// only receives finished batches through queued signals.
//
// Safe by default: loopback only; anything else needs allowNonLoopback and a bearer token. Every
// buffer, the connection count, the requests in flight and the bytes held are bounded (see
// ReceiverLimits); over a limit a client gets 413/429/503 (with Retry-After), never our memory.
namespace wf::receiver {

class ReceiverServer;

class OtlpReceiver : public QObject
{
    Q_OBJECT
public:
    explicit OtlpReceiver(QObject* parent = nullptr);
    ~OtlpReceiver() override; // stop()

    // Takes effect at the next start().
    void setConfig(const ReceiverConfig& config) { m_config = config; }
    const ReceiverConfig& config() const { return m_config; }

    // Replaces the decoder (default: defaultDecoder()); applies to requests dispatched afterwards.
    void setDecoder(Decoder decoder);

    // Binds and starts serving. False when the configuration is refused or the address cannot be
    // bound; errorString() says why, in words for the user. Blocks only for the bind itself.
    bool start();
    // Closes the port and every connection and waits for decodes already running (bounded by the
    // body caps). Batches not yet delivered are dropped. Idempotent.
    void stop();
    bool isRunning() const { return m_server != nullptr; }
    // The bound port (the chosen one when config().port is 0); 0 when not running.
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }

    // Thread-safe; cheap enough to call from a UI timer.
    ReceiverStatsSnapshot stats() const { return m_stats->snapshot(); }

    // Empty when the configuration may be started, else the reason, translated.
    static QString validateConfig(const ReceiverConfig& config);

Q_SIGNALS:
    void tracesReceived(std::shared_ptr<const wf::telemetry::SpanBatch> batch);
    void logsReceived(std::shared_ptr<const wf::telemetry::LogBatch> batch);
    void metricsReceived(std::shared_ptr<const wf::telemetry::MetricBatch> batch);

private:
    ReceiverConfig m_config;
    std::shared_ptr<const Decoder> m_decoder;
    std::shared_ptr<ReceiverStats> m_stats = std::make_shared<ReceiverStats>();
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<QThreadPool> m_pool;
    ReceiverServer* m_server = nullptr; // lives on m_thread
    quint16 m_port = 0;
    QString m_error;
};

} // namespace wf::receiver
