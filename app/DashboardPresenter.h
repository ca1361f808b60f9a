#pragma once

// Opens dashboard files (Grafana, Perses, Watchfloor JSON) as tabs: the file is read and imported off
// the UI thread, the import report goes to stderr ("watchfloor: import: ...") and into the tab's
// banner, and the panels query the metrics source of this run: the local series store in --demo,
// else --prometheus URL, else the workspace's first Prometheus data source. Files asked for before
// that source is known (the workspace still loading) wait until it is.

#include "dashboard/ImportReport.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

namespace wf {
struct DataSource;
class SourcesController;
class TimelineModel;
class Workspace;
} // namespace wf
namespace wf::net {
class HttpClient;
}
namespace wf::prometheus {
class MetricsSource;
class PrometheusClient;
} // namespace wf::prometheus
namespace wf::signalstore {
class SeriesStore;
}
namespace wf::ui {
class DashboardView;
class MainWindow;
} // namespace wf::ui

namespace wf::app {

class DashboardPresenter : public QObject
{
    Q_OBJECT

public:
    using ReportError = std::function<void(const QString& title, const QString& message)>;

    DashboardPresenter(ui::MainWindow* window, net::HttpClient* http, SourcesController* sources,
                       ReportError reportError, QObject* parent = nullptr);
    ~DashboardPresenter() override;

    // --prometheus URL: used instead of the workspace's data sources, for this run only.
    void setCommandLinePrometheus(const QUrl& url) { m_commandLineUrl = url; }
    // A new workspace is being opened: wait for its data sources (or the demo store) before querying.
    void workspaceChanging();
    // The --demo series store (null: none); makes the source known.
    void setDemoStore(std::shared_ptr<const signalstore::SeriesStore> store);
    // The normal app's received OTLP metrics: the source of dashboards when the workspace has no
    // Prometheus (a workstation with no backend still has dashboards). Null when the workspace closes.
    void setLocalStore(std::shared_ptr<const signalstore::SeriesStore> store);

    void open(const QString& path);
    // Opens dashboard JSON given as bytes (an embedded dashboard); `name` is shown in messages. With
    // `makeCurrent` false the tab opens behind the current one.
    void openBytes(const QByteArray& bytes, const QString& name, bool makeCurrent = true);
    // Writes the current tab's dashboard, when it is one, as Watchfloor JSON.
    void exportCurrent(const QString& path);

    QList<ui::DashboardView*> views() const;

    // Where File ▸ Save dashboard writes and Saved dashboards reads (null: no workspace).
    void setWorkspace(Workspace* workspace) { m_workspace = workspace; }
    // Saves the current dashboard tab in the workspace; its uid is kept for the next save.
    void saveCurrent();
    // Lists the workspace's dashboards in a dialog that opens or deletes them.
    void showSaved();
    void openSaved(const QString& uid);
    // The incident timeline whose declared/resolved periods, runbook actions and deploy notes are
    // drawn on every dashboard's time series panels.
    void setIncidentTimeline(TimelineModel* timeline);
    // A span's "metrics of this service" outside the demo: the current dashboard tab (else the first
    // open one) moved to [fromMs, toMs] and, when it has a variable offering the service (see
    // dashboard::serviceVariableIndex), switched to it. False when no dashboard is open.
    bool showService(const QString& service, qint64 fromMs, qint64 toMs);

Q_SIGNALS:
    void dashboardOpened(wf::ui::DashboardView* view);

private:
    void flushPending();
    struct Pending
    {
        dashboard::ImportResult result;
        QString name;
        bool makeCurrent = true;
    };
    void show(const Pending& pending);
    void updateAnnotations();
    prometheus::MetricsSource* metricsSource();
    // sourceId 0: the --prometheus URL (no credentials); else a workspace data source, whose
    // credentials come from the keychain through the sources controller.
    prometheus::MetricsSource* prometheusAt(const QUrl& url, qint64 sourceId = 0, bool verifyTls = true);
    void applyCredentials();
    // Starts `view` once the scrape interval of its Prometheus is known (asked once per server), or
    // after a short wait when the server does not say, so the first refresh already sizes its steps.
    void startWithScrapeInterval(ui::DashboardView* view, prometheus::MetricsSource* source);
    void askScrapeInterval(ui::DashboardView* view, prometheus::MetricsSource* source,
                           std::function<void()> then);

    ui::MainWindow* m_window;
    net::HttpClient* m_http;
    SourcesController* m_sources;
    ReportError m_reportError;
    QUrl m_commandLineUrl;
    bool m_sourceKnown = false;
    std::shared_ptr<const signalstore::SeriesStore> m_demoStore;
    QList<Pending> m_pending; // imported, waiting for the source
    // Sources live as long as the presenter: views hold plain pointers to them.
    std::vector<std::unique_ptr<prometheus::MetricsSource>> m_metricSources;
    QHash<QString, prometheus::MetricsSource*> m_byUrl;
    QHash<qint64, QPointer<prometheus::PrometheusClient>> m_clientBySource;
    QHash<prometheus::MetricsSource*, qint64> m_scrapeMs; // learnt from the server
    // Views whose server did not tell its scrape interval yet (refused login, unreachable).
    QList<std::pair<QPointer<ui::DashboardView>, prometheus::MetricsSource*>> m_awaitingInterval;
    prometheus::MetricsSource* m_demoSource = nullptr;
    std::shared_ptr<const signalstore::SeriesStore> m_localStore;
    prometheus::MetricsSource* m_localSource = nullptr;
    QList<QPointer<ui::DashboardView>> m_views;
    Workspace* m_workspace = nullptr;
    QPointer<TimelineModel> m_timeline;
};

} // namespace wf::app
