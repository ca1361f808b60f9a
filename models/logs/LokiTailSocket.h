#pragma once

// LokiTail's WebSocket, on LokiTail's socket thread: opens the tail URL, parses every text frame there
// and hands finished frames to LokiTail (queued). Internal to LokiTail.

#include "logs/LokiTailFrame.h"

#include <QNetworkRequest>
#include <QObject>
#include <QTimer>

class QWebSocket;

namespace wf::logs::detail {

class LokiTailSocket : public QObject
{
    Q_OBJECT
public:
    explicit LokiTailSocket(LokiLimits limits);

    // Socket thread only (invoke queued).
    void socketOpen(const QNetworkRequest& request, int connectTimeoutMs, quint64 generation);
    void socketClose();

Q_SIGNALS:
    void connected(quint64 generation);
    void frameParsed(const wf::logs::LokiTailFrame& frame, quint64 generation);
    // Before or after connecting; `wasConnected` tells a broken tail from one that never started.
    void failed(const QString& why, bool wasConnected, quint64 generation);

private:
    LokiLimits m_limits;
    QWebSocket* m_socket = nullptr;
    QTimer* m_connectTimer = nullptr;
    quint64 m_generation = 0;
    bool m_connected = false;
    bool m_closing = false;
};

} // namespace wf::logs::detail

Q_DECLARE_METATYPE(wf::logs::LokiTailFrame)
