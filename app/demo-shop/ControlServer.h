#pragma once

#include <QObject>
#include <QTcpServer>

namespace wf::demo {
class ShopSimulation;
}

class QTcpSocket;

namespace wf::demoshop {

// The demo's control endpoint on 127.0.0.1 only: GET /state, POST /actions/.../reset|restart (see
// ControlHttp for parsing and routing). One request per connection, a few connections at a time,
// each with a deadline, so a stuck or hostile client cannot pile up sockets.
class ControlServer : public QObject
{
    Q_OBJECT
public:
    ControlServer(demo::ShopSimulation& simulation, QObject* parent = nullptr);

    bool listen(quint16 port); // 0 picks a free port
    quint16 port() const { return m_server.serverPort(); }
    QString errorString() const { return m_server.errorString(); }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, const QByteArray& response);

    demo::ShopSimulation& m_simulation;
    QTcpServer m_server;
    int m_open = 0;
};

} // namespace wf::demoshop
