#pragma once

#include "DecodeJob.h"
#include "ReceiverStats.h"
#include "ReceiverTypes.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class QTcpServer;
class QTcpSocket;
class QThreadPool;

// The receiver's socket side, living on the receiver thread (OtlpReceiver owns the thread and this
// object; nothing else should use it). It owns the listening socket and the connections, and holds
// the shared budgets: connection count, requests in flight, bytes buffered.
namespace wf::receiver {

class ReceiverConnection;

class ReceiverServer : public QObject
{
    Q_OBJECT
public:
    ReceiverServer(const ReceiverConfig& config, std::shared_ptr<ReceiverStats> stats, QThreadPool* pool,
                   std::shared_ptr<const Decoder> decoder);
    ~ReceiverServer() override;

    bool receiverThread_listen(QString* error, quint16* port);
    // Stops listening and drops every connection. Decodes still running finish into the void.
    void receiverThread_shutdown();
    // Any thread; applies to requests dispatched afterwards.
    void setDecoder(std::shared_ptr<const Decoder> decoder);

    // For ReceiverConnection, receiver thread only.
    const ReceiverConfig& config() const { return m_config; }
    ReceiverStats& stats() { return *m_stats; }
    qint64 nowMs() const { return m_clock.elapsed(); }
    bool reserveBuffer(qint64 bytes);
    void releaseBuffer(qint64 bytes);
    // Starts decoding on the pool; false when the in-flight cap is reached or others wait before it
    // (unless it comes from the head of the queue).
    bool tryDispatch(ReceiverConnection* connection, DecodeJob& job, bool fromQueue = false);
    // A connection whose request could not be dispatched waits here, in order, until a slot frees.
    void enqueue(ReceiverConnection* connection);
    void dequeue(ReceiverConnection* connection);
    void deliver(const DecodeOutcome& outcome);

Q_SIGNALS:
    void tracesReceived(std::shared_ptr<const wf::telemetry::SpanBatch> batch);
    void logsReceived(std::shared_ptr<const wf::telemetry::LogBatch> batch);
    void metricsReceived(std::shared_ptr<const wf::telemetry::MetricBatch> batch);

private:
    void onNewConnection();
    void onConnectionFinished(ReceiverConnection* connection);
    void onSweep();
    void onJobDone(ReceiverConnection* connection, const DecodeJobResult& result);
    void refuseConnection(QTcpSocket* socket);
    void pumpQueue();
    void publishLoad();

    ReceiverConfig m_config;
    std::shared_ptr<ReceiverStats> m_stats;
    QThreadPool* m_pool;
    mutable QMutex m_decoderMutex;
    std::shared_ptr<const Decoder> m_decoder;
    QTcpServer* m_listener = nullptr;
    QTimer m_sweep;
    QElapsedTimer m_clock;
    QSet<ReceiverConnection*> m_connections;
    QList<ReceiverConnection*> m_waiting;
    int m_refusing = 0; // sockets being told 503 and closed
    int m_inFlight = 0;
    qint64 m_buffered = 0;
    bool m_shuttingDown = false;
};

} // namespace wf::receiver
