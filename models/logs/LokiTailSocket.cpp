#include "logs/LokiTailSocket.h"

#include <QCoreApplication>
#include <QWebSocket>

namespace wf::logs::detail {

LokiTailSocket::LokiTailSocket(LokiLimits limits)
    : m_limits(limits)
{}

void LokiTailSocket::socketClose()
{
    m_closing = true;
    if (m_connectTimer)
        m_connectTimer->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    m_connected = false;
}

void LokiTailSocket::socketOpen(const QNetworkRequest& request, int connectTimeoutMs, quint64 generation)
{
    socketClose();
    m_closing = false;
    m_generation = generation;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // A frame is one JSON document; Loki's own limit is far below this, ours protects memory.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxLineBytes) * 64 + 1024 * 1024);
    if (!m_connectTimer) {
        m_connectTimer = new QTimer(this);
        m_connectTimer->setSingleShot(true);
        connect(m_connectTimer, &QTimer::timeout, this, [this] {
            const quint64 g = m_generation;
            socketClose();
            Q_EMIT failed(QCoreApplication::translate("LokiTail", "the WebSocket did not open in time"),
                          false, g);
        });
    }
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_connectTimer->stop();
        m_connected = true;
        Q_EMIT connected(m_generation);
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString& text) {
        const QByteArray utf8 = text.toUtf8();
        Q_EMIT frameParsed(parseLokiTailFrame(utf8, m_limits), m_generation);
    });
    const auto fail = [this](const QString& why) {
        if (m_closing || !m_socket)
            return;
        const bool wasConnected = m_connected;
        const quint64 g = m_generation;
        socketClose();
        Q_EMIT failed(why, wasConnected, g);
    };
    connect(
        m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this, fail](QAbstractSocket::SocketError) { fail(m_socket ? m_socket->errorString() : QString()); });
    connect(m_socket, &QWebSocket::disconnected, this, [this, fail] {
        const QString reason = m_socket ? m_socket->closeReason() : QString();
        fail(reason.isEmpty() ? QCoreApplication::translate("LokiTail", "the server closed the WebSocket")
                              : QCoreApplication::translate("LokiTail", "the server closed the WebSocket: %1")
                                    .arg(reason.left(300)));
    });
    m_connectTimer->start(connectTimeoutMs);
    m_socket->open(request);
}

} // namespace wf::logs::detail
