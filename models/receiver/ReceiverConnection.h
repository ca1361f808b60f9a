#pragma once

#include "DecodeJob.h"
#include "HttpRequestParser.h"
#include "OtlpRouter.h"

#include <QObject>

class QTcpSocket;

// One accepted socket of the receiver: feeds its bytes to the parser, applies the head-time policy
// (OtlpRouter), hands complete requests to the server for decoding and writes the answers back.
// Receiver thread only. It never holds more than one request's body: while a request is being
// decoded it stops reading, so a pipelining client is throttled by TCP, not by our memory.
namespace wf::receiver {

class ReceiverServer;

// Sends FIN but keeps reading: see ReceiverConnection::halfClose().
void halfCloseSocket(QTcpSocket* socket);

class ReceiverConnection : public QObject
{
    Q_OBJECT
public:
    ReceiverConnection(QTcpSocket* socket, ReceiverServer* server);
    ~ReceiverConnection() override;

    // The decode of this connection's request finished (the server already freed the in-flight slot).
    void receiverThread_onDecoded(const DecodeJobResult& result);
    // A decode slot is free: dispatch the request waiting in the queue.
    void receiverThread_dispatchQueued();
    // Called by the server's sweep timer: drops slow or idle clients.
    void receiverThread_checkDeadline(qint64 nowMs);
    // Closes at once (eviction, shutdown); finished() follows unless a decode is still running.
    void receiverThread_abort();

    // Between requests of a keep-alive connection that already served one: the cheapest to evict.
    bool isIdleKeepAlive() const;
    qint64 lastActivityMs() const { return m_lastActivityMs; }

Q_SIGNALS:
    void finished(wf::receiver::ReceiverConnection* connection);

private:
    enum class Phase {
        Idle,     // waiting for the first byte of a request
        Head,     // reading the request line and headers
        Body,     // reading the body
        Queued,   // request complete, waiting for a decode slot; not reading
        Decoding, // request handed to the worker pool; not reading
        Draining, // answered and closing: flush, half-close, discard what the client still sends
        Done
    };

    void onReadyRead();
    void onBytesWritten();
    void onDisconnected();
    void processInput();
    bool chargeBuffered();
    void releaseCharge();
    void onHeadersDone();
    void onRequestDone();
    void rejectBeforeBody(const HttpResponse& response, RejectReason reason);
    void rejectOverloaded();
    void respond(const HttpResponse& response, bool keepAlive);
    void beginDrain();
    void halfClose();
    void finish();
    qint64 now() const;

    QTcpSocket* m_socket;
    ReceiverServer* m_server;
    HttpRequestParser m_parser;
    Route m_route;
    DecodeJob m_queuedJob;
    HttpResponse m_deferred; // answer to a refused request whose body is being skipped
    bool m_hasDeferred = false;
    Phase m_phase = Phase::Idle;
    QByteArray m_pending; // read from the socket, not yet parsed (a pipelined request's start)
    qsizetype m_pendingPos = 0;
    qint64 m_charged = 0; // bytes counted against the server's buffer budget
    qint64 m_deadlineMs = 0;
    qint64 m_lastActivityMs = 0;
    bool m_servedOne = false;
    bool m_keepAlive = true;
    bool m_peerGone = false;
    bool m_halfClosed = false;
    bool m_inProcessInput = false;
    bool m_finished = false;
};

} // namespace wf::receiver
