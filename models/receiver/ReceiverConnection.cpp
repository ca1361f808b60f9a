#include "ReceiverConnection.h"

#include "ReceiverServer.h"

#include <QTcpSocket>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace wf::receiver {

namespace {

// Bytes taken from the socket per parse step, and the socket's own read buffer: what one connection
// can hold beyond its request body.
constexpr qint64 kReadChunk = 64 * 1024;
// A client that pipelines requests but never reads the answers stops being read from beyond this.
constexpr qint64 kMaxUnsentBytes = 256 * 1024;
// The body of a request refused from its head is read and dropped up to this size, to keep the
// connection; beyond it the connection is closed instead.
constexpr qint64 kMaxDiscardBytes = 1024 * 1024;

HttpResponse timeoutResponse()
{
    return plainError(408, "request not received in time");
}

} // namespace

ReceiverConnection::ReceiverConnection(QTcpSocket* socket, ReceiverServer* server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
    , m_parser(server->config().limits.http)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadChunk);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &ReceiverConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ReceiverConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &ReceiverConnection::onDisconnected);
    m_lastActivityMs = now();
    // The first request must arrive whole within the header timeout, counted from the accept: a
    // client that connects and sends nothing holds a slot as surely as one that trickles bytes.
    m_deadlineMs = m_lastActivityMs + m_server->config().limits.headerTimeout.count();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &ReceiverConnection::onReadyRead, Qt::QueuedConnection);
}

ReceiverConnection::~ReceiverConnection()
{
    releaseCharge();
}

qint64 ReceiverConnection::now() const
{
    return m_server->nowMs();
}

bool ReceiverConnection::isIdleKeepAlive() const
{
    return m_phase == Phase::Idle && m_servedOne && m_pendingPos >= m_pending.size() &&
           m_parser.atRequestStart();
}

void ReceiverConnection::onReadyRead()
{
    if (m_phase == Phase::Draining) {
        // Read and forget, so closing later does not reset the connection over unread data.
        const qint64 n = m_socket->bytesAvailable();
        m_server->stats().addWireBytes(m_socket->skip(n));
        return;
    }
    processInput();
}

void ReceiverConnection::onBytesWritten()
{
    if (m_phase == Phase::Draining) {
        if (m_socket->bytesToWrite() == 0)
            halfClose();
        return;
    }
    if (m_socket->bytesToWrite() <= kMaxUnsentBytes / 2)
        processInput();
}

void ReceiverConnection::onDisconnected()
{
    m_peerGone = true;
    if (m_phase != Phase::Decoding)
        finish();
}

void ReceiverConnection::processInput()
{
    // Responses written from inside the loop may re-enter through bytesWritten; one loop is enough.
    if (m_inProcessInput)
        return;
    m_inProcessInput = true;
    // Right after the head the parser needs one more feed, even of nothing, to finish a request
    // without a body.
    bool afterHead = false;
    while (m_phase == Phase::Idle || m_phase == Phase::Head || m_phase == Phase::Body) {
        if (m_socket->bytesToWrite() > kMaxUnsentBytes)
            break;
        if (m_pendingPos >= m_pending.size()) {
            m_pending = m_socket->read(kReadChunk);
            m_pendingPos = 0;
            if (!m_pending.isEmpty())
                m_server->stats().addWireBytes(m_pending.size());
            else if (!afterHead)
                break;
        }
        afterHead = false;
        m_lastActivityMs = now();
        if (m_phase == Phase::Idle) {
            m_phase = Phase::Head;
            if (m_servedOne)
                m_deadlineMs = m_lastActivityMs + m_server->config().limits.headerTimeout.count();
        }
        qsizetype used = 0;
        const auto progress = m_parser.feed(QByteArrayView(m_pending).sliced(m_pendingPos), &used);
        m_pendingPos += used;
        if (m_pendingPos >= m_pending.size()) {
            m_pending.clear();
            m_pendingPos = 0;
        }
        if (progress == HttpRequestParser::Progress::Failed && m_hasDeferred) {
            // The body being skipped was itself bad: the refusal already decided stands.
            m_hasDeferred = false;
            respond(std::exchange(m_deferred, {}), false);
            break;
        }
        if (progress == HttpRequestParser::Progress::Failed) {
            const int status = m_parser.errorStatus();
            const RejectReason reason = (status == 413 || status == 414 || status == 431)
                                            ? RejectReason::TooLarge
                                            : RejectReason::Malformed;
            m_server->stats().addRejected(reason);
            HttpResponse r = plainError(status, m_parser.errorReason());
            r.close = true;
            respond(r, false);
            break;
        }
        if (!chargeBuffered())
            break;
        if (m_hasDeferred && m_parser.bodyBytesSeen() > kMaxDiscardBytes) {
            m_hasDeferred = false;
            respond(std::exchange(m_deferred, {}), false);
            break;
        }
        if (progress == HttpRequestParser::Progress::HeadersDone) {
            onHeadersDone();
            afterHead = true;
        } else if (progress == HttpRequestParser::Progress::Done)
            onRequestDone();
    }
    m_inProcessInput = false;
}

bool ReceiverConnection::chargeBuffered()
{
    const qint64 want = m_parser.bufferedBytes();
    if (want <= m_charged)
        return true;
    if (m_server->reserveBuffer(want - m_charged)) {
        m_charged = want;
        return true;
    }
    // Every connection together may not hold more than maxBufferedBytes: this one has to try later.
    m_server->stats().addRejected(RejectReason::Overloaded);
    HttpResponse r = withRetryAfter(plainError(503, "receiver is busy; retry later"));
    r.close = true;
    respond(r, false);
    return false;
}

void ReceiverConnection::releaseCharge()
{
    if (m_charged > 0)
        m_server->releaseBuffer(m_charged);
    m_charged = 0;
}

void ReceiverConnection::onHeadersDone()
{
    const HttpRequest& head = m_parser.head();
    m_route = routeRequest(head, m_server->config().bearerToken);
    if (m_route.kind == Route::Kind::Reject) {
        rejectBeforeBody(m_route.response, m_route.reason);
        return;
    }
    if (m_route.kind == Route::Kind::Otlp && head.expectContinue)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_phase = Phase::Body;
    m_deadlineMs = now() + m_server->config().limits.bodyTimeout.count();
}

void ReceiverConnection::rejectBeforeBody(const HttpResponse& response, RejectReason reason)
{
    m_server->stats().addRejected(reason);
    const HttpRequest& head = m_parser.head();
    const bool bodyFollows = head.framing == BodyFraming::Chunked ||
                             (head.framing == BodyFraming::ContentLength && head.contentLength > 0);
    // An exporter with a wrong path or media type keeps its connection if its body is small enough to
    // skip. Not so for a client that waits to be asked for its body (100-continue), nor for an
    // unauthenticated one: it gets no bandwidth of ours.
    if (bodyFollows && head.keepAlive && !head.expectContinue && reason != RejectReason::Unauthorized &&
        reason != RejectReason::Overloaded &&
        (head.framing == BodyFraming::Chunked || head.contentLength <= kMaxDiscardBytes)) {
        m_deferred = response;
        m_hasDeferred = true;
        m_parser.discardBody();
        m_phase = Phase::Body;
        m_deadlineMs = now() + m_server->config().limits.bodyTimeout.count();
        return;
    }
    const bool keepAlive = head.keepAlive && !bodyFollows;
    m_parser.reset(); // nothing of this request is read any further
    releaseCharge();
    respond(response, keepAlive);
}

void ReceiverConnection::onRequestDone()
{
    HttpRequest request = m_parser.takeRequest();
    m_keepAlive = request.keepAlive;
    if (m_hasDeferred) {
        m_hasDeferred = false;
        releaseCharge();
        respond(std::exchange(m_deferred, {}), m_keepAlive);
        return;
    }
    if (m_route.kind == Route::Kind::Health) {
        HttpResponse r;
        r.contentType = QByteArrayLiteral("application/json");
        r.body = QByteArrayLiteral("{\"status\":\"ok\"}");
        releaseCharge();
        respond(r, m_keepAlive);
        return;
    }
    DecodeJob job;
    job.signal = m_route.signal;
    job.contentType = m_route.contentType;
    job.encoding = m_route.encoding;
    job.body = std::move(request.body);
    // The body's bytes stay charged to this connection until the decode is done.
    if (m_server->tryDispatch(this, job)) {
        m_phase = Phase::Decoding;
        return;
    }
    const qint64 wait = m_server->config().limits.queueTimeout.count();
    if (wait <= 0) {
        rejectOverloaded();
        return;
    }
    // Backpressure: the request waits (its body within the buffer budget) and this connection reads
    // nothing more until a slot frees or the wait ends in 429.
    m_queuedJob = std::move(job);
    m_phase = Phase::Queued;
    m_deadlineMs = now() + wait;
    m_server->enqueue(this);
}

void ReceiverConnection::rejectOverloaded()
{
    m_server->stats().addRejected(RejectReason::Overloaded);
    m_queuedJob = DecodeJob{};
    releaseCharge();
    respond(
        withRetryAfter(otlpError(429, m_route.contentType, QStringLiteral("too many requests in flight"))),
        m_keepAlive);
}

void ReceiverConnection::receiverThread_dispatchQueued()
{
    if (m_phase != Phase::Queued)
        return;
    if (m_server->tryDispatch(this, m_queuedJob, true)) {
        m_queuedJob = DecodeJob{};
        m_phase = Phase::Decoding;
    } else {
        rejectOverloaded(); // shutting down
    }
}

void ReceiverConnection::receiverThread_onDecoded(const DecodeJobResult& result)
{
    releaseCharge();
    ReceiverStats& stats = m_server->stats();
    stats.addDecodedBytes(result.decodedBytes);
    if (result.accepted) {
        stats.addAccepted(m_route.signal, result.outcome.acceptedItems, result.outcome.rejectedItems,
                          result.outcome.itemsPerService);
        m_server->deliver(result.outcome);
    } else {
        stats.addRejected(result.reason);
    }
    if (m_peerGone) {
        m_phase = Phase::Done;
        finish();
        return;
    }
    respond(result.response, m_keepAlive);
    processInput(); // a pipelined request may already be waiting
}

void ReceiverConnection::respond(const HttpResponse& response, bool keepAlive)
{
    const bool keep = keepAlive && !response.close;
    m_socket->write(serializeResponse(response, keep));
    m_lastActivityMs = now();
    m_servedOne = true;
    if (!keep) {
        beginDrain();
        return;
    }
    m_phase = Phase::Idle;
    m_route = Route{};
    m_deadlineMs = m_lastActivityMs + m_server->config().limits.idleTimeout.count();
}

void ReceiverConnection::beginDrain()
{
    m_phase = Phase::Draining;
    m_hasDeferred = false;
    m_pending.clear();
    m_pendingPos = 0;
    m_parser.reset();
    releaseCharge();
    m_deadlineMs = now() + m_server->config().limits.lingerTimeout.count();
    if (m_socket->bytesToWrite() == 0)
        halfClose();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &ReceiverConnection::onReadyRead, Qt::QueuedConnection);
}

void halfCloseSocket(QTcpSocket* socket)
{
    if (socket->state() != QAbstractSocket::ConnectedState || socket->socketDescriptor() < 0)
        return;
#ifdef Q_OS_WIN
    ::shutdown(SOCKET(socket->socketDescriptor()), SD_SEND);
#else
    ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
#endif
}

void ReceiverConnection::halfClose()
{
    if (m_halfClosed)
        return;
    m_halfClosed = true;
    // Closing outright while the client is still sending (an early 413, say) makes the kernel reset
    // the connection, and the client may lose our answer. So: send FIN, keep reading and discarding
    // until the client closes or the linger timeout ends it.
    halfCloseSocket(m_socket);
}

void ReceiverConnection::receiverThread_checkDeadline(qint64 nowMs)
{
    if (m_phase == Phase::Decoding || m_phase == Phase::Done || nowMs < m_deadlineMs)
        return;
    switch (m_phase) {
    case Phase::Idle:
        if (!m_servedOne) {
            // Connected and never sent a byte within the header timeout.
            m_server->stats().addRejected(RejectReason::Timeout);
        }
        receiverThread_abort();
        break;
    case Phase::Head:
    case Phase::Body: {
        m_server->stats().addRejected(RejectReason::Timeout);
        HttpResponse r = timeoutResponse();
        r.close = true;
        respond(r, false);
        break;
    }
    case Phase::Queued:
        m_server->dequeue(this);
        rejectOverloaded();
        processInput();
        break;
    case Phase::Draining:
        receiverThread_abort();
        break;
    case Phase::Decoding:
    case Phase::Done:
        break;
    }
}

void ReceiverConnection::receiverThread_abort()
{
    if (m_finished)
        return;
    m_peerGone = true;
    m_socket->abort();
    if (m_phase != Phase::Decoding)
        finish();
}

void ReceiverConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_phase == Phase::Queued)
        m_server->dequeue(this);
    m_queuedJob = DecodeJob{};
    m_phase = Phase::Done;
    m_pending.clear();
    m_parser.reset();
    releaseCharge();
    disconnect(m_socket, nullptr, this, nullptr);
    Q_EMIT finished(this);
}

} // namespace wf::receiver
