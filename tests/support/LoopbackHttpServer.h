#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <atomic>
#include <memory>
#include <utility>

class QThread;

namespace wf::test {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// What the server does for one path. Built with the named constructors; fields may be adjusted after.
struct HttpRoute
{
    enum class Kind {
        Respond, // status, headers, body (optionally gzip-encoded), then close
        Hang,    // read the request, never answer, keep the connection open
        Drip,    // send headers, then one body byte every 200 ms, forever
        Endless, // send headers without length, then stream body until the client goes away
        Drop,    // read the request, close without a byte of response
    };
    Kind kind = Kind::Respond;
    int status = 200;
    HeaderList headers;
    QByteArray body;
    bool gzip = false;
    // The first failFirst hits are answered with failStatus (and Retry-After if set) instead; a
    // failStatus of 0 closes the connection without answering.
    int failFirst = 0;
    int failStatus = 503;
    QByteArray failRetryAfter;

    static HttpRoute ok(QByteArray body, HeaderList headers = {});
    static HttpRoute withStatus(int status, QByteArray body = {}, HeaderList headers = {});
    static HttpRoute redirect(const QByteArray& location, int status = 302);
    static HttpRoute hang() { return withKind(Kind::Hang); }
    static HttpRoute drip() { return withKind(Kind::Drip); }
    static HttpRoute endless() { return withKind(Kind::Endless); }
    static HttpRoute drop() { return withKind(Kind::Drop); }

private:
    static HttpRoute withKind(Kind kind);
};

struct RecordedRequest
{
    QByteArray method;
    QByteArray path;  // without query
    QByteArray query; // after '?', exactly as sent (still percent-encoded)
    HeaderList headers;
    QByteArray body;
    qint64 receivedAtMs = 0;                      // on the server's monotonic clock, from its start
    QByteArray header(QByteArrayView name) const; // case-insensitive, empty if absent
    bool hasHeader(QByteArrayView name) const;
};

// A real HTTP/1.1 server on 127.0.0.1 (free port) running its own event loop on its own thread, so a
// test can measure its own event-loop latency while the server misbehaves. Every response closes the
// connection, so connections == requests answered. Unknown paths get 404.
class LoopbackHttpServer
{
public:
    LoopbackHttpServer();
    ~LoopbackHttpServer();
    LoopbackHttpServer(const LoopbackHttpServer&) = delete;
    LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

    quint16 port() const { return m_port; }
    // http://<host>:<port><path>; host defaults to 127.0.0.1 ("localhost" is another origin, same server).
    QUrl url(const QString& path, const QString& host = QStringLiteral("127.0.0.1")) const;

    void setRoute(const QByteArray& path, HttpRoute route); // thread-safe; replaces the hit counter
    QList<RecordedRequest> requests() const;
    QList<RecordedRequest> requestsFor(const QByteArray& path) const;
    int connectionCount() const;
    int openConnections() const;
    qint64 endlessBytesSent() const; // body bytes the Endless route has written so far

    // A port on 127.0.0.1 that was free a moment ago and has nothing listening: connecting is refused.
    static quint16 closedPort();

    struct Shared; // state shared with the server thread

private:
    class Core;
    std::shared_ptr<Shared> m_shared;
    QThread* m_thread = nullptr;
    Core* m_core = nullptr;
    quint16 m_port = 0;
};

// `openssl s_server -www` with a fresh self-signed certificate for CN=127.0.0.1, on a free loopback
// port. Answers GET / with 200 and a status page. isRunning() is false if openssl is missing.
class SelfSignedTlsServer
{
public:
    SelfSignedTlsServer();
    ~SelfSignedTlsServer();
    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }
    QUrl url() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    bool m_running = false;
    QString m_error;
};

} // namespace wf::test
