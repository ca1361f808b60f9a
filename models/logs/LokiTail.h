#pragma once

// Live tail of one LogQL query from Grafana Loki: /loki/api/v1/tail over a WebSocket (Qt WebSockets),
// and, when the WebSocket cannot be opened or breaks (a proxy without upgrade support, an old Loki,
// a refused handshake), polling query_range forward from the newest entry seen.
//
// The socket lives on a thread of its own, where its frames are also parsed, so a flood of log lines
// never runs through the UI thread's event loop as JSON; batches arrive queued on the owner's thread.
// A malformed frame is reported and skipped; the tail goes on.

#include "logs/LokiClient.h"
#include "logs/LokiTailFrame.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>

class QThread;

namespace wf::logs {

struct LokiTailRequest
{
    QString logql;
    qint64 startNs = 0; // 0: Loki's default (an hour back); tail sends history from here first
    int limit = 100;    // entries of history Loki sends on connect
    int delayForS = 0;  // Loki's delay_for: wait this long for late entries (0..5)
    std::chrono::milliseconds pollInterval{2000};
    std::chrono::milliseconds connectTimeout{5000};
};

struct LokiTailBatch
{
    std::vector<LokiStream> streams;
    qint64 entryCount = 0;
    qint64 droppedEntries = 0; // reported dropped by Loki or over our limits
};

namespace detail {
class LokiTailSocket;
}

class LokiTail : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Idle, Connecting, WebSocket, Polling };
    Q_ENUM(Mode)

    // http(s)://loki:3100 (a path prefix is kept); the WebSocket goes to ws(s):// of the same.
    LokiTail(net::HttpClient* http, QUrl baseUrl, QObject* parent = nullptr);
    ~LokiTail() override; // stops the socket thread

    void setTenant(const QByteArray& orgId);
    void setCredentials(net::HttpCredentials credentials);
    void setLimits(const LokiLimits& limits) { m_limits = limits; }
    void setWebSocketEnabled(bool enabled) { m_webSocketEnabled = enabled; } // false: poll only

    void start(const LokiTailRequest& request);
    void stop();
    Mode mode() const { return m_mode; }
    QUrl tailUrl(const LokiTailRequest& request) const;
    qint64 newestNs() const { return m_newestNs; }

Q_SIGNALS:
    void batchReceived(const wf::logs::LokiTailBatch& batch);
    void modeChanged(wf::logs::LokiTail::Mode mode);
    // Something the user should see: a skipped malformed frame, why the tail fell back to polling, a
    // failed poll. The tail keeps running.
    void problem(const QString& message);

private:
    void setMode(Mode mode);
    void onFrame(const LokiTailFrame& frame);
    void onSocketFailed(const QString& why);
    void fallBackToPolling(const QString& why);
    void poll();
    void deliver(std::vector<LokiStream> streams, qint64 count, qint64 dropped);

    net::HttpClient* m_http;
    QUrl m_base;
    LokiClient m_client;
    QByteArray m_tenant;
    net::HttpCredentials m_credentials;
    LokiLimits m_limits;
    LokiTailRequest m_request;
    Mode m_mode = Mode::Idle;
    bool m_webSocketEnabled = true;
    qint64 m_newestNs = 0;
    quint64 m_generation = 0;
    QTimer m_pollTimer;
    bool m_pollInFlight = false;
    QThread* m_thread = nullptr;
    detail::LokiTailSocket* m_socket = nullptr; // lives on m_thread
};

} // namespace wf::logs

Q_DECLARE_METATYPE(wf::logs::LokiTailBatch)
