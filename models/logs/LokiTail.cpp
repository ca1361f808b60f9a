#include "logs/LokiTail.h"

#include "logs/LokiTailSocket.h"

#include <QDateTime>
#include <QNetworkRequest>
#include <QThread>

namespace wf::logs {

namespace {

qint64 nowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1'000'000;
}

} // namespace

LokiTail::LokiTail(net::HttpClient* http, QUrl baseUrl, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_base(baseUrl)
    , m_client(http, baseUrl)
{
    qRegisterMetaType<LokiTailBatch>();
    qRegisterMetaType<LokiTailFrame>();
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &LokiTail::poll);
}

LokiTail::~LokiTail()
{
    stop();
    if (m_thread) {
        // Close on the socket's own thread (its timer and socket belong there), then let the thread's
        // last event pass delete it (the pattern QThread's documentation gives).
        QMetaObject::invokeMethod(
            m_socket, [socket = m_socket] { socket->socketClose(); }, Qt::BlockingQueuedConnection);
        connect(m_thread, &QThread::finished, m_socket, &QObject::deleteLater);
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
    }
}

void LokiTail::setTenant(const QByteArray& orgId)
{
    m_tenant = orgId;
    m_client.setTenant(orgId);
}

void LokiTail::setCredentials(net::HttpCredentials credentials)
{
    m_credentials = credentials;
    m_client.setCredentials(std::move(credentials));
}

QUrl LokiTail::tailUrl(const LokiTailRequest& request) const
{
    QUrl url = m_base;
    url.setScheme(m_base.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString prefix = url.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + QStringLiteral("/loki/api/v1/tail"));
    // By hand, as LokiClient does: '+' in a LogQL regex must stay a '+'.
    QByteArray query = "query=" + QUrl::toPercentEncoding(request.logql) +
                       "&limit=" + QByteArray::number(request.limit) +
                       "&delay_for=" + QByteArray::number(qBound(0, request.delayForS, 5));
    if (request.startNs > 0)
        query += "&start=" + QByteArray::number(request.startNs);
    url.setQuery(QString::fromLatin1(query));
    return url;
}

void LokiTail::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    Q_EMIT modeChanged(mode);
}

void LokiTail::start(const LokiTailRequest& request)
{
    stop();
    m_request = request;
    m_newestNs = request.startNs > 0 ? request.startNs - 1 : 0;
    const quint64 generation = ++m_generation;
    if (!m_webSocketEnabled) {
        fallBackToPolling(QString());
        return;
    }
    if (!m_thread) {
        m_thread = new QThread;
        m_thread->setObjectName(QStringLiteral("LokiTail"));
        m_socket = new detail::LokiTailSocket(m_limits);
        m_socket->moveToThread(m_thread);
        connect(m_socket, &detail::LokiTailSocket::connected, this, [this](quint64 g) {
            if (g == m_generation && m_mode == Mode::Connecting)
                setMode(Mode::WebSocket);
        });
        connect(m_socket, &detail::LokiTailSocket::frameParsed, this,
                [this](const LokiTailFrame& frame, quint64 g) {
                    if (g == m_generation && m_mode == Mode::WebSocket)
                        onFrame(frame);
                });
        connect(m_socket, &detail::LokiTailSocket::failed, this,
                [this](const QString& why, bool wasConnected, quint64 g) {
                    if (g != m_generation || m_mode == Mode::Idle)
                        return;
                    onSocketFailed(
                        wasConnected ? tr("The live tail broke (%1); polling instead").arg(why)
                                     : tr("The live tail could not connect (%1); polling instead").arg(why));
                });
        m_thread->start();
    }
    QNetworkRequest req(tailUrl(request));
    if (!m_tenant.isEmpty())
        req.setRawHeader(QByteArrayLiteral("X-Scope-OrgID"), m_tenant);
    if (!m_credentials.bearerToken.isEmpty())
        req.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_credentials.bearerToken);
    else if (!m_credentials.user.isEmpty())
        req.setRawHeader(QByteArrayLiteral("Authorization"),
                         "Basic " + (m_credentials.user + u':' + m_credentials.password).toUtf8().toBase64());
    setMode(Mode::Connecting);
    const int timeoutMs = int(request.connectTimeout.count());
    QMetaObject::invokeMethod(m_socket, [socket = m_socket, req, timeoutMs, generation] {
        socket->socketOpen(req, timeoutMs, generation);
    });
}

void LokiTail::stop()
{
    ++m_generation;
    m_pollTimer.stop();
    m_pollInFlight = false;
    if (m_socket)
        QMetaObject::invokeMethod(m_socket, [socket = m_socket] { socket->socketClose(); });
    setMode(Mode::Idle);
}

void LokiTail::onFrame(const LokiTailFrame& frame)
{
    if (!frame.ok()) {
        Q_EMIT problem(tr("A malformed tail message was skipped: %1").arg(frame.error));
        return;
    }
    deliver(frame.streams, frame.entryCount, frame.droppedByLoki + frame.droppedByLimit);
}

void LokiTail::deliver(std::vector<LokiStream> streams, qint64 count, qint64 dropped)
{
    for (const LokiStream& s : streams) {
        for (const LokiEntry& e : s.entries)
            m_newestNs = std::max(m_newestNs, e.timeNs);
    }
    if (count == 0 && dropped == 0)
        return;
    LokiTailBatch batch;
    batch.streams = std::move(streams);
    batch.entryCount = count;
    batch.droppedEntries = dropped;
    Q_EMIT batchReceived(batch);
}

void LokiTail::onSocketFailed(const QString& why)
{
    fallBackToPolling(why);
}

void LokiTail::fallBackToPolling(const QString& why)
{
    if (!why.isEmpty())
        Q_EMIT problem(why);
    setMode(Mode::Polling);
    poll();
}

void LokiTail::poll()
{
    if (m_mode != Mode::Polling || m_pollInFlight)
        return;
    LokiQueryRange q;
    q.logql = m_request.logql;
    const qint64 end = nowNs();
    // Without a start, begin a minute back, as a tail shows recent history first.
    q.startNs = m_newestNs > 0 ? m_newestNs + 1 : end - 60'000'000'000LL;
    q.endNs = end;
    q.limit = std::max(m_request.limit, 1000);
    q.forward = true;
    m_pollInFlight = true;
    const quint64 generation = m_generation;
    m_client.queryRange(q, this, [this, generation](const LokiQueryResult& r) {
        if (generation != m_generation)
            return;
        m_pollInFlight = false;
        if (!r.ok())
            Q_EMIT problem(tr("Polling Loki failed: %1").arg(r.error));
        else
            deliver(r.streams, r.entryCount, r.droppedEntries);
        if (m_mode == Mode::Polling)
            m_pollTimer.start(m_request.pollInterval);
    });
}

} // namespace wf::logs
