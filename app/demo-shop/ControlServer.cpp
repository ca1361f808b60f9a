#include "ControlServer.h"

#include "demo/ControlHttp.h"
#include "demo/ShopSimulation.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

namespace wf::demoshop {

namespace {
constexpr int kMaxConnections = 8;
constexpr int kDeadlineMs = 5000;
const char* const kBufferProperty = "wfRequestBuffer";
const char* const kAnsweredProperty = "wfAnswered";
} // namespace

ControlServer::ControlServer(demo::ShopSimulation& simulation, QObject* parent)
    : QObject(parent)
    , m_simulation(simulation)
{
    m_server.setMaxPendingConnections(kMaxConnections);
    connect(&m_server, &QTcpServer::newConnection, this, &ControlServer::onNewConnection);
}

bool ControlServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

void ControlServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        if (m_open >= kMaxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_open;
        socket->setReadBufferSize(demo::kControlMaxHeaderBytes + demo::kControlMaxBodyBytes + 1);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this] { --m_open; });
        // Slow or silent clients get a 408 and lose the connection.
        QTimer::singleShot(kDeadlineMs, socket, [this, socket] {
            if (socket->state() == QAbstractSocket::ConnectedState &&
                !socket->property(kAnsweredProperty).toBool())
                respond(socket, demo::serializeControlReply(demo::errorReply(408)));
        });
    }
}

void ControlServer::onReadyRead(QTcpSocket* socket)
{
    if (socket->property(kAnsweredProperty).toBool()) {
        socket->readAll(); // anything after the one request is ignored
        return;
    }
    QByteArray buffer = socket->property(kBufferProperty).toByteArray() + socket->readAll();
    demo::ControlRequest request;
    const demo::ControlParse parse = demo::parseControlRequest(buffer, request);
    switch (parse.status) {
    case demo::ControlParse::Status::NeedMore:
        socket->setProperty(kBufferProperty, buffer);
        return;
    case demo::ControlParse::Status::Invalid:
        respond(socket, demo::serializeControlReply(demo::errorReply(parse.errorStatus)));
        return;
    case demo::ControlParse::Status::Complete:
        break;
    }
    // Bodies are not used, but read to the declared length so the client is not cut off mid-send.
    if (buffer.size() - parse.headerBytes < request.contentLength) {
        socket->setProperty(kBufferProperty, buffer);
        return;
    }
    respond(socket, demo::serializeControlReply(demo::routeControlRequest(request, m_simulation)));
}

void ControlServer::respond(QTcpSocket* socket, const QByteArray& response)
{
    socket->setProperty(kAnsweredProperty, true);
    socket->setProperty(kBufferProperty, QVariant());
    socket->write(response);
    socket->disconnectFromHost(); // flushes, then closes; 'disconnected' deletes the socket
    // A client that never reads would keep the flush (and the socket) pending forever.
    QTimer::singleShot(kDeadlineMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
}

} // namespace wf::demoshop
