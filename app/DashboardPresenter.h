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
class SourcesController;
}
namespace wf::net {
class HttpClient;
}
namespace wf::prometheus {
class MetricsSource;
}
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

    void open(const QString& path);
    // Opens dashboard JSON given as bytes (an embedded dashboard); `name` is shown in messages. With
    // `makeCurrent` false the tab opens behind the current one.
    void openBytes(const QByteArray& bytes, const QString& name, bool makeCurrent = true);
    // Writes the current tab's dashboard, when it is one, as Watchfloor JSON.
    void exportCurrent(const QString& path);

    QList<ui::DashboardView*> views() const;

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
    prometheus::MetricsSource* metricsSource();
    prometheus::MetricsSource* prometheusAt(const QUrl& url);

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
    prometheus::MetricsSource* m_demoSource = nullptr;
    QList<QPointer<ui::DashboardView>> m_views;
};

} // namespace wf::app
