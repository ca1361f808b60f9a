#include "OtlpReceiver.h"

#include "DefaultDecoder.h"
#include "ReceiverServer.h"

#include <QCoreApplication>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace wf::receiver {

namespace {

// RFC 6750 token68 characters, so the token can be compared verbatim with what clients send.
bool isToken68(QByteArrayView token)
{
    for (char c : token) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

OtlpReceiver::OtlpReceiver(QObject* parent)
    : QObject(parent)
    , m_decoder(std::make_shared<const Decoder>(defaultDecoder()))
{
    qRegisterMetaType<std::shared_ptr<const telemetry::SpanBatch>>();
    qRegisterMetaType<std::shared_ptr<const telemetry::LogBatch>>();
    qRegisterMetaType<std::shared_ptr<const telemetry::MetricBatch>>();
}

OtlpReceiver::~OtlpReceiver()
{
    stop();
}

void OtlpReceiver::setDecoder(Decoder decoder)
{
    m_decoder = std::make_shared<const Decoder>(std::move(decoder));
    if (m_server)
        m_server->setDecoder(m_decoder);
}

QString OtlpReceiver::validateConfig(const ReceiverConfig& config)
{
    const QHostAddress& a = config.address;
    if (a.isNull())
        return QCoreApplication::translate("OtlpReceiver", "The OTLP receiver has no address to listen on.");
    if (!a.isLoopback()) {
        if (!config.allowNonLoopback)
            return QCoreApplication::translate(
                       "OtlpReceiver", "Refusing to listen on %1: it is reachable from other machines. "
                                       "Allow non-loopback addresses and set a bearer token to do this.")
                .arg(a.toString());
        if (config.bearerToken.isEmpty())
            return QCoreApplication::translate(
                       "OtlpReceiver", "Listening on %1 needs a bearer token: without one, anyone who can "
                                       "reach this machine could send telemetry into the incident.")
                .arg(a.toString());
    }
    if (!config.bearerToken.isEmpty() && !isToken68(config.bearerToken))
        return QCoreApplication::translate(
            "OtlpReceiver", "The bearer token may only contain letters, digits and - . _ ~ + / =.");
    const ReceiverLimits& l = config.limits;
    if (l.maxConnections < 1 || l.maxInFlight < 1 || l.maxBufferedBytes < 1 || l.http.maxBodyBytes < 0)
        return QCoreApplication::translate("OtlpReceiver", "The OTLP receiver limits must be positive.");
    return {};
}

bool OtlpReceiver::start()
{
    stop();
    m_error = validateConfig(m_config);
    if (!m_error.isEmpty())
        return false;

    m_pool = std::make_unique<QThreadPool>();
    m_pool->setObjectName(QStringLiteral("wf-otlp-decode"));
    m_pool->setMaxThreadCount(
        std::min(m_config.limits.maxInFlight, std::max(2, QThread::idealThreadCount())));
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("wf-otlp-receiver"));

    m_server = new ReceiverServer(m_config, m_stats, m_pool.get(), m_decoder);
    m_server->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_server, &QObject::deleteLater);
    connect(m_server, &ReceiverServer::tracesReceived, this, &OtlpReceiver::tracesReceived);
    connect(m_server, &ReceiverServer::logsReceived, this, &OtlpReceiver::logsReceived);
    connect(m_server, &ReceiverServer::metricsReceived, this, &OtlpReceiver::metricsReceived);
    m_thread->start();

    bool ok = false;
    quint16 port = 0;
    QString error;
    ReceiverServer* server = m_server;
    // A bind is one system call on an idle thread: waiting for it here keeps start() simple to use.
    QMetaObject::invokeMethod(
        server, [server, &ok, &error, &port] { ok = server->receiverThread_listen(&error, &port); },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        stop();
        m_error = error;
        return false;
    }
    m_port = port;
    return true;
}

void OtlpReceiver::stop()
{
    if (!m_server)
        return;
    ReceiverServer* server = m_server;
    QMetaObject::invokeMethod(
        server, [server] { server->receiverThread_shutdown(); }, Qt::BlockingQueuedConnection);
    // Decodes still running post their results to the server, so it must outlive them; it is deleted
    // on its own thread when that thread finishes.
    m_pool->waitForDone();
    m_thread->quit();
    m_thread->wait();
    m_server = nullptr;
    m_thread.reset();
    m_pool.reset();
    m_port = 0;
}

} // namespace wf::receiver
