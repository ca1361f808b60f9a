#include "ReceiverServer.h"

#include "HttpResponse.h"
#include "ReceiverConnection.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThreadPool>

#include <algorithm>

namespace wf::receiver {

ReceiverServer::ReceiverServer(const ReceiverConfig& config, std::shared_ptr<ReceiverStats> stats,
                               QThreadPool* pool, std::shared_ptr<const Decoder> decoder)
    : m_config(config)
    , m_stats(std::move(stats))
    , m_pool(pool)
    , m_decoder(std::move(decoder))
    , m_sweep(this)
{
    m_clock.start();
    // Deadlines are checked by one sweep rather than a timer per connection; a quarter of the shortest
    // timeout keeps the overshoot small without waking the thread needlessly.
    const auto& l = m_config.limits;
    const qint64 shortest = std::min(
        {l.headerTimeout.count(), l.bodyTimeout.count(), l.idleTimeout.count(), l.lingerTimeout.count()});
    m_sweep.setInterval(int(std::clamp<qint64>(shortest / 4, 10, 500)));
    connect(&m_sweep, &QTimer::timeout, this, &ReceiverServer::onSweep);
}

ReceiverServer::~ReceiverServer()
{
    // Connections (and refused sockets) call back into this object while they die, so they go now,
    // while its members exist, rather than in ~QObject after them.
    m_sweep.stop();
    const QObjectList kids = children();
    for (QObject* child : kids) {
        if (child != &m_sweep && child != m_listener)
            delete child;
    }
}

bool ReceiverServer::receiverThread_listen(QString* error, quint16* port)
{
    m_listener = new QTcpServer(this);
    // Connections beyond the cap are accepted only to be told 503; the kernel backlog holds the rest.
    m_listener->setMaxPendingConnections(std::max(8, m_config.limits.maxConnections));
    m_listener->setListenBacklogSize(std::max(50, 2 * m_config.limits.maxConnections));
    if (!m_listener->listen(m_config.address, m_config.port)) {
        *error = QCoreApplication::translate("OtlpReceiver", "Cannot listen on %1 port %2: %3")
                     .arg(m_config.address.toString())
                     .arg(m_config.port)
                     .arg(m_listener->errorString());
        delete m_listener;
        m_listener = nullptr;
        return false;
    }
    connect(m_listener, &QTcpServer::newConnection, this, &ReceiverServer::onNewConnection);
    m_sweep.start();
    *port = m_listener->serverPort();
    return true;
}

void ReceiverServer::receiverThread_shutdown()
{
    m_shuttingDown = true;
    m_sweep.stop();
    m_waiting.clear();
    if (m_listener)
        m_listener->close();
    const auto connections = m_connections;
    for (ReceiverConnection* c : connections)
        c->receiverThread_abort();
}

void ReceiverServer::setDecoder(std::shared_ptr<const Decoder> decoder)
{
    QMutexLocker lock(&m_decoderMutex);
    m_decoder = std::move(decoder);
}

bool ReceiverServer::reserveBuffer(qint64 bytes)
{
    if (m_buffered + bytes > m_config.limits.maxBufferedBytes)
        return false;
    m_buffered += bytes;
    m_stats->setBufferedBytes(m_buffered);
    return true;
}

void ReceiverServer::releaseBuffer(qint64 bytes)
{
    m_buffered = std::max<qint64>(0, m_buffered - bytes);
    m_stats->setBufferedBytes(m_buffered);
}

bool ReceiverServer::tryDispatch(ReceiverConnection* connection, DecodeJob& job, bool fromQueue)
{
    if (m_shuttingDown || m_inFlight >= m_config.limits.maxInFlight || (!fromQueue && !m_waiting.isEmpty()))
        return false;
    {
        QMutexLocker lock(&m_decoderMutex);
        job.decoder = m_decoder;
    }
    job.inflate = m_config.limits.inflate;
    ++m_inFlight;
    publishLoad();
    // The connection outlives its job (it waits for the result even if the peer left), and the owner
    // waits for the pool before deleting this server, so both raw pointers stay valid.
    m_pool->start([this, connection, job = std::move(job)]() {
        DecodeJobResult result = runDecodeJob(job);
        QMetaObject::invokeMethod(
            this, [this, connection, result = std::move(result)]() { onJobDone(connection, result); },
            Qt::QueuedConnection);
    });
    return true;
}

void ReceiverServer::onJobDone(ReceiverConnection* connection, const DecodeJobResult& result)
{
    --m_inFlight;
    publishLoad();
    if (m_connections.contains(connection))
        connection->receiverThread_onDecoded(result);
    pumpQueue();
}

void ReceiverServer::enqueue(ReceiverConnection* connection)
{
    m_waiting.append(connection);
    publishLoad();
}

void ReceiverServer::dequeue(ReceiverConnection* connection)
{
    if (m_waiting.removeOne(connection))
        publishLoad();
}

void ReceiverServer::pumpQueue()
{
    while (!m_shuttingDown && m_inFlight < m_config.limits.maxInFlight && !m_waiting.isEmpty()) {
        ReceiverConnection* next = m_waiting.takeFirst();
        next->receiverThread_dispatchQueued();
    }
    publishLoad();
}

void ReceiverServer::publishLoad()
{
    m_stats->setInFlight(m_inFlight, int(m_waiting.size()));
}

void ReceiverServer::deliver(const DecodeOutcome& outcome)
{
    if (m_shuttingDown)
        return;
    if (const auto* spans = std::get_if<std::shared_ptr<const telemetry::SpanBatch>>(&outcome.batch);
        spans && *spans)
        Q_EMIT tracesReceived(*spans);
    else if (const auto* logs = std::get_if<std::shared_ptr<const telemetry::LogBatch>>(&outcome.batch);
             logs && *logs)
        Q_EMIT logsReceived(*logs);
    else if (const auto* m = std::get_if<std::shared_ptr<const telemetry::MetricBatch>>(&outcome.batch);
             m && *m)
        Q_EMIT metricsReceived(*m);
}

void ReceiverServer::onNewConnection()
{
    while (QTcpSocket* socket = m_listener->nextPendingConnection()) {
        if (m_shuttingDown) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        if (m_connections.size() >= m_config.limits.maxConnections) {
            // Make room by closing the keep-alive connection idle the longest: its client reconnects
            // when it next exports. Only when every slot is busy is the newcomer refused.
            ReceiverConnection* victim = nullptr;
            for (ReceiverConnection* c : std::as_const(m_connections)) {
                if (c->isIdleKeepAlive() && (!victim || c->lastActivityMs() < victim->lastActivityMs()))
                    victim = c;
            }
            if (!victim) {
                refuseConnection(socket);
                continue;
            }
            victim->receiverThread_abort();
        }
        auto* connection = new ReceiverConnection(socket, this);
        m_connections.insert(connection);
        m_stats->connectionOpened();
        connect(connection, &ReceiverConnection::finished, this, &ReceiverServer::onConnectionFinished);
    }
}

void ReceiverServer::refuseConnection(QTcpSocket* socket)
{
    m_stats->addRejected(RejectReason::Overloaded);
    // Refusals are themselves bounded (each lingers at most lingerTimeout): under a connection flood,
    // newcomers beyond that are just reset.
    if (m_refusing >= 4 * m_config.limits.maxConnections) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    ++m_refusing;
    socket->setParent(this);
    connect(socket, &QObject::destroyed, this, [this] { --m_refusing; });
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    // Answer, then close the way connections do (half-close and drain), so the client reads the 503
    // instead of a reset; the linger timeout bounds how long that may take.
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->skip(socket->bytesAvailable()); });
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
        if (socket->bytesToWrite() == 0)
            halfCloseSocket(socket);
    });
    QTimer::singleShot(m_config.limits.lingerTimeout, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->write(serializeResponse(withRetryAfter(plainError(503, "too many connections")), false));
}

void ReceiverServer::onConnectionFinished(ReceiverConnection* connection)
{
    if (m_connections.remove(connection)) {
        m_stats->connectionClosed();
        connection->deleteLater();
    }
}

void ReceiverServer::onSweep()
{
    const qint64 now = nowMs();
    const auto connections = m_connections;
    for (ReceiverConnection* c : connections) {
        if (m_connections.contains(c))
            c->receiverThread_checkDeadline(now);
    }
}

} // namespace wf::receiver
