#include "LoopbackHttpServer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <zlib.h>

namespace wf::test {

namespace {

QByteArray gzipEncode(const QByteArray& data)
{
    z_stream z{};
    // 15 window bits + 16: gzip wrapper instead of zlib's.
    if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.truncate(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

QByteArray findHeader(const HeaderList& headers, QByteArrayView name)
{
    for (const auto& h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 307:
        return "Temporary Redirect";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

QByteArray responseHead(int status, const HeaderList& headers)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto& [name, value] : headers)
        head += name + ": " + value + "\r\n";
    head += "Connection: close\r\n\r\n";
    return head;
}

} // namespace

HttpRoute HttpRoute::ok(QByteArray body, HeaderList headers)
{
    return withStatus(200, std::move(body), std::move(headers));
}

HttpRoute HttpRoute::withStatus(int code, QByteArray body, HeaderList headers)
{
    HttpRoute r;
    r.status = code;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

HttpRoute HttpRoute::redirect(const QByteArray& location, int code)
{
    return withStatus(code, "redirecting", {{"Location", location}});
}

HttpRoute HttpRoute::withKind(Kind kind)
{
    HttpRoute r;
    r.kind = kind;
    return r;
}

QByteArray RecordedRequest::header(QByteArrayView name) const
{
    return findHeader(headers, name);
}

bool RecordedRequest::hasHeader(QByteArrayView name) const
{
    for (const auto& h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

struct LoopbackHttpServer::Shared
{
    mutable QMutex mutex;
    QHash<QByteArray, HttpRoute> routes;
    QHash<QByteArray, int> hits;
    QList<RecordedRequest> requests;
    std::atomic<int> connections{0};
    std::atomic<int> open{0};
    std::atomic<qint64> endlessBytes{0};
    QElapsedTimer clock;
};

// Lives on the server thread; every slot runs there.
class LoopbackHttpServer::Core : public QObject
{
public:
    explicit Core(std::shared_ptr<Shared> shared)
        : m_shared(std::move(shared))
    {}

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        m_server->setMaxPendingConnections(1000);
        m_server->setListenBacklogSize(1024); // 100 simultaneous connects must not hit SYN retransmits
        connect(m_server, &QTcpServer::newConnection, this, &Core::onNewConnection);
        if (!m_server->listen(QHostAddress::LocalHost, 0))
            return 0;
        return m_server->serverPort();
    }

    void shutdown()
    {
        m_server->close();
        const auto sockets = findChildren<QTcpSocket*>(Qt::FindDirectChildrenOnly);
        for (QTcpSocket* s : sockets)
            s->abort();
        qDeleteAll(sockets);
    }

private:
    void onNewConnection()
    {
        while (QTcpSocket* socket = m_server->nextPendingConnection()) {
            socket->setParent(this);
            ++m_shared->connections;
            ++m_shared->open;
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                buffer->append(socket->readAll());
                if (!socket->property("handled").toBool())
                    tryHandle(socket, *buffer);
            });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                --m_shared->open;
                socket->deleteLater();
            });
        }
    }

    void tryHandle(QTcpSocket* socket, const QByteArray& buffer)
    {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        RecordedRequest req;
        const QList<QByteArray> lines = buffer.first(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        req.method = requestLine.value(0);
        req.path = requestLine.value(1).split('?').value(0);
        if (const qsizetype q = requestLine.value(1).indexOf('?'); q >= 0)
            req.query = requestLine.value(1).sliced(q + 1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                req.headers.append(std::pair(line.first(colon).trimmed(), line.sliced(colon + 1).trimmed()));
        }
        const qsizetype length = req.header("Content-Length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return; // body not complete yet
        req.body = buffer.sliced(end + 4, length);
        socket->setProperty("handled", true);

        HttpRoute route = HttpRoute::withStatus(404, "no route");
        bool failing = false;
        {
            QMutexLocker lock(&m_shared->mutex);
            req.receivedAtMs = m_shared->clock.elapsed();
            m_shared->requests.append(req);
            if (auto it = m_shared->routes.constFind(req.path); it != m_shared->routes.cend()) {
                route = *it;
                failing = m_shared->hits[req.path]++ < route.failFirst;
            }
        }
        if (failing && route.failStatus == 0) {
            socket->abort(); // "connection reset": no response at all
            return;
        }
        if (failing) {
            HeaderList h{{"Content-Length", "4"}};
            if (!route.failRetryAfter.isEmpty())
                h.append(std::pair<QByteArray, QByteArray>("Retry-After", route.failRetryAfter));
            socket->write(responseHead(route.failStatus, h) + "busy");
            socket->disconnectFromHost();
            return;
        }
        respond(socket, route);
    }

    void respond(QTcpSocket* socket, const HttpRoute& route)
    {
        switch (route.kind) {
        case HttpRoute::Kind::Respond: {
            HeaderList headers = route.headers;
            QByteArray body = route.body;
            if (route.gzip) {
                body = gzipEncode(body);
                headers.append(std::pair<QByteArray, QByteArray>("Content-Encoding", "gzip"));
            }
            headers.append(
                std::pair<QByteArray, QByteArray>("Content-Length", QByteArray::number(body.size())));
            socket->write(responseHead(route.status, headers) + body);
            socket->disconnectFromHost();
            break;
        }
        case HttpRoute::Kind::Hang:
            break;
        case HttpRoute::Kind::Drop:
            socket->abort();
            break;
        case HttpRoute::Kind::Drip: {
            socket->write(responseHead(200, {{"Content-Type", "text/plain"}}));
            auto* timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [socket] { socket->write("x", 1); });
            timer->start(200);
            break;
        }
        case HttpRoute::Kind::Endless: {
            socket->write(responseHead(200, {{"Content-Type", "application/octet-stream"}}));
            const auto pump = [this, socket] {
                static const QByteArray chunk(64 * 1024, 'z');
                while (socket->state() == QAbstractSocket::ConnectedState &&
                       socket->bytesToWrite() < 4 * chunk.size()) {
                    socket->write(chunk);
                    m_shared->endlessBytes += chunk.size();
                }
            };
            connect(socket, &QTcpSocket::bytesWritten, socket, pump);
            pump();
            break;
        }
        }
    }

    std::shared_ptr<Shared> m_shared;
    QTcpServer* m_server = nullptr;
};

LoopbackHttpServer::LoopbackHttpServer()
    : m_shared(std::make_shared<Shared>())
{
    m_shared->clock.start();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("loopback-http"));
    m_core = new Core(m_shared);
    m_core->moveToThread(m_thread);
    m_thread->start();
    QMetaObject::invokeMethod(
        m_core, [this] { m_port = m_core->listen(); }, Qt::BlockingQueuedConnection);
}

LoopbackHttpServer::~LoopbackHttpServer()
{
    QMetaObject::invokeMethod(
        m_core, [this] { m_core->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_core;
    delete m_thread;
}

QUrl LoopbackHttpServer::url(const QString& path, const QString& host) const
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(host);
    u.setPort(m_port);
    const qsizetype q = path.indexOf(u'?');
    u.setPath(q < 0 ? path : path.first(q));
    if (q >= 0)
        u.setQuery(path.sliced(q + 1));
    return u;
}

void LoopbackHttpServer::setRoute(const QByteArray& path, HttpRoute route)
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->routes.insert(path, std::move(route));
    m_shared->hits.remove(path);
}

int LoopbackHttpServer::connectionCount() const
{
    return m_shared->connections.load();
}

int LoopbackHttpServer::openConnections() const
{
    return m_shared->open.load();
}

qint64 LoopbackHttpServer::endlessBytesSent() const
{
    return m_shared->endlessBytes.load();
}

QList<RecordedRequest> LoopbackHttpServer::requests() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->requests;
}

QList<RecordedRequest> LoopbackHttpServer::requestsFor(const QByteArray& path) const
{
    QList<RecordedRequest> out;
    for (const RecordedRequest& r : requests())
        if (r.path == path)
            out.append(r);
    return out;
}

quint16 LoopbackHttpServer::closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

SelfSignedTlsServer::SelfSignedTlsServer()
{
    const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("key.pem"));
    QProcess gen;
    gen.start(QStringLiteral("openssl"),
              {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
               QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
               QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
               QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
               QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
               QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"), key,
               QStringLiteral("-out"), cert});
    if (!gen.waitForFinished(20000) || gen.exitCode() != 0) {
        m_error = QStringLiteral("openssl req failed: ") + QString::fromLocal8Bit(gen.readAllStandardError());
        return;
    }
    m_port = LoopbackHttpServer::closedPort();
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(QStringLiteral("openssl"),
                    {QStringLiteral("s_server"), QStringLiteral("-accept"),
                     QStringLiteral("127.0.0.1:") + QString::number(m_port), QStringLiteral("-cert"), cert,
                     QStringLiteral("-key"), key, QStringLiteral("-www"), QStringLiteral("-quiet")});
    if (!m_process.waitForStarted(5000)) {
        m_error = QStringLiteral("openssl s_server did not start");
        return;
    }
    // Ready when a plain TCP connect succeeds (s_server shrugs off the non-TLS probe).
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 10000 && m_process.state() == QProcess::Running) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200)) {
            probe.abort();
            m_running = true;
            return;
        }
        QThread::msleep(50);
    }
    m_error =
        QStringLiteral("openssl s_server not reachable: ") + QString::fromLocal8Bit(m_process.readAll());
}

SelfSignedTlsServer::~SelfSignedTlsServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QUrl SelfSignedTlsServer::url() const
{
    QUrl u;
    u.setScheme(QStringLiteral("https"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_port);
    u.setPath(QStringLiteral("/"));
    return u;
}

} // namespace wf::test
