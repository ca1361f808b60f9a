#pragma once

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <utility>

namespace wf::test {

// The Debian `prometheus` and `prometheus-node-exporter` binaries on free 127.0.0.1 ports, in a
// temporary directory, with a 1 s scrape interval on the node exporter (few collectors, so scrapes
// stay cheap). start() returns once both answer HTTP; the processes are killed by the destructor, so
// a failing test never leaves them behind.
class PrometheusServer
{
public:
    PrometheusServer();
    ~PrometheusServer();
    PrometheusServer(const PrometheusServer&) = delete;
    PrometheusServer& operator=(const PrometheusServer&) = delete;

    static bool binariesAvailable(QString* missing = nullptr);

    // More node exporter arguments (collectors), for tests whose dashboards need them; before start().
    void setExtraNodeExporterArgs(const QStringList& args) { m_extraNodeArgs = args; }
    // One more scrape job (every second) on a target the test serves, e.g. a LoopbackHttpServer
    // answering /metrics with text exposition; before start().
    void addScrapeTarget(const QString& job, const QString& hostPort)
    {
        m_extraTargets.append({job, hostPort});
    }
    // Prometheus' --web.config.file content (e.g. basic_auth_users), before start(). readyAuthorization
    // is the Authorization header value start() uses to see Prometheus come up behind it.
    void setWebConfig(const QByteArray& yaml, const QByteArray& readyAuthorization)
    {
        m_webConfig = yaml;
        m_readyAuthorization = readyAuthorization;
    }

    // False with error() set when a binary is missing or does not come up within timeoutMs.
    bool start(int timeoutMs = 15000);
    void stop();

    QString error() const { return m_error; }
    QUrl prometheusUrl() const;          // http://127.0.0.1:<port>/
    QString nodeExporterAddress() const; // 127.0.0.1:<port>, the `instance` label of its series
    QString processLog() const;          // both processes' output, for failure messages

    // A port on 127.0.0.1 that was free a moment ago.
    static quint16 freePort();

private:
    bool waitForHttp(quint16 port, const QByteArray& path, int timeoutMs,
                     const QByteArray& authorization = {});
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_prometheus;
    std::unique_ptr<QProcess> m_nodeExporter;
    quint16 m_promPort = 0;
    quint16 m_nodePort = 0;
    QString m_error;
    QStringList m_extraNodeArgs;
    QList<std::pair<QString, QString>> m_extraTargets;
    QByteArray m_webConfig;
    QByteArray m_readyAuthorization;
};

} // namespace wf::test
