#include "PrometheusServer.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace wf::test {

namespace {

const QString kPrometheus = QStringLiteral("/usr/bin/prometheus");
const QString kNodeExporter = QStringLiteral("/usr/bin/prometheus-node-exporter");

void terminate(std::unique_ptr<QProcess>& p)
{
    if (!p)
        return;
    if (p->state() != QProcess::NotRunning) {
        p->terminate();
        if (!p->waitForFinished(5000)) {
            p->kill();
            p->waitForFinished(2000);
        }
    }
    p.reset();
}

} // namespace

PrometheusServer::PrometheusServer() = default;

PrometheusServer::~PrometheusServer()
{
    stop();
}

bool PrometheusServer::binariesAvailable(QString* missing)
{
    for (const QString& bin : {kPrometheus, kNodeExporter}) {
        if (!QFile::exists(bin)) {
            if (missing)
                *missing = bin;
            return false;
        }
    }
    return true;
}

quint16 PrometheusServer::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QUrl PrometheusServer::prometheusUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_promPort));
}

QString PrometheusServer::nodeExporterAddress() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_nodePort);
}

QString PrometheusServer::processLog() const
{
    QString log;
    for (const auto& [name, file] :
         {std::pair{"node-exporter", "node.log"}, std::pair{"prometheus", "prom.log"}}) {
        QFile f(m_dir.filePath(QLatin1String(file)));
        if (f.open(QIODevice::ReadOnly))
            log += QStringLiteral("--- %1\n").arg(QLatin1String(name)) +
                   QString::fromUtf8(f.readAll().right(4000));
    }
    return log;
}

bool PrometheusServer::waitForHttp(quint16 port, const QByteArray& path, int timeoutMs,
                                   const QByteArray& authorization)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200)) {
            s.write("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n" +
                    (authorization.isEmpty() ? QByteArray() : "Authorization: " + authorization + "\r\n") +
                    "\r\n");
            QByteArray answer;
            while (s.waitForReadyRead(500) && answer.size() < 64)
                answer += s.readAll();
            answer += s.readAll();
            if (answer.startsWith("HTTP/1.") && answer.mid(9, 3) == "200")
                return true;
        }
        QThread::msleep(50);
    }
    return false;
}

bool PrometheusServer::start(int timeoutMs)
{
    QString missing;
    if (!binariesAvailable(&missing)) {
        m_error = QStringLiteral("%1 is not installed").arg(missing);
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);

    m_nodePort = freePort();
    m_nodeExporter = std::make_unique<QProcess>();
    m_nodeExporter->setProcessChannelMode(QProcess::MergedChannels);
    m_nodeExporter->setStandardOutputFile(m_dir.filePath(QStringLiteral("node.log")));
    // Only cheap collectors: a scrape every second must not load the 2-core CI machine.
    m_nodeExporter->start(
        kNodeExporter,
        QStringList{QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_nodePort),
                    QStringLiteral("--collector.disable-defaults"), QStringLiteral("--collector.cpu"),
                    QStringLiteral("--collector.loadavg"), QStringLiteral("--collector.meminfo")} +
            m_extraNodeArgs);
    if (!m_nodeExporter->waitForStarted(5000) ||
        !waitForHttp(m_nodePort, "/metrics", int(deadline.remainingTime()))) {
        m_error = QStringLiteral("node exporter did not come up:\n") + processLog();
        return false;
    }

    m_promPort = freePort();
    QFile config(m_dir.filePath(QStringLiteral("prometheus.yml")));
    if (!config.open(QIODevice::WriteOnly)) {
        m_error = QStringLiteral("cannot write the Prometheus config");
        return false;
    }
    config.write(QStringLiteral("global:\n"
                                "  scrape_interval: 1s\n"
                                "  scrape_timeout: 1s\n"
                                "  evaluation_interval: 1s\n"
                                "scrape_configs:\n"
                                "  - job_name: node\n"
                                "    static_configs:\n"
                                "      - targets: ['%1']\n")
                     .arg(nodeExporterAddress())
                     .toUtf8());
    for (const auto& [job, target] : std::as_const(m_extraTargets))
        config.write(QStringLiteral("  - job_name: %1\n"
                                    "    static_configs:\n"
                                    "      - targets: ['%2']\n")
                         .arg(job, target)
                         .toUtf8());
    config.close();
    QStringList promArgs{QStringLiteral("--config.file=") + config.fileName(),
                         QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("data")),
                         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_promPort)};
    if (!m_webConfig.isEmpty()) {
        QFile web(m_dir.filePath(QStringLiteral("web.yml")));
        if (!web.open(QIODevice::WriteOnly) || web.write(m_webConfig) != m_webConfig.size()) {
            m_error = QStringLiteral("cannot write the web config");
            return false;
        }
        promArgs << QStringLiteral("--web.config.file=") + web.fileName();
    }
    m_prometheus = std::make_unique<QProcess>();
    m_prometheus->setProcessChannelMode(QProcess::MergedChannels);
    m_prometheus->setStandardOutputFile(m_dir.filePath(QStringLiteral("prom.log")));
    m_prometheus->setWorkingDirectory(m_dir.path());
    m_prometheus->start(kPrometheus, promArgs);
    if (!m_prometheus->waitForStarted(5000) ||
        !waitForHttp(m_promPort, "/-/ready", int(std::max<qint64>(deadline.remainingTime(), 1000)),
                     m_readyAuthorization)) {
        m_error = QStringLiteral("prometheus did not come up:\n") + processLog();
        return false;
    }
    return true;
}

void PrometheusServer::stop()
{
    terminate(m_prometheus);
    terminate(m_nodeExporter);
}

} // namespace wf::test
