#include "DashboardPresenter.h"

#include "dashboard/DashboardFormat.h"
#include "dashboard/WatchfloorJson.h"
#include "dashboards/DashboardArea.h"
#include "dashboards/DashboardView.h"
#include "mainwindow/MainWindow.h"
#include "prometheus/LocalSeriesMetricsSource.h"
#include "prometheus/PrometheusClient.h"
#include "prometheus/PrometheusMetricsSource.h"
#include "sources/SourcesController.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QStatusBar>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>
#include <utility>

namespace wf::app {

namespace {

dashboard::ImportResult readAndImport(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        dashboard::ImportResult r;
        r.error = QCoreApplication::translate("DashboardPresenter", "Cannot read %1: %2.")
                      .arg(QDir::toNativeSeparators(path), file.errorString());
        return r;
    }
    // One byte over the limit is enough for the importer to refuse the file with its own message.
    return dashboard::importDashboard(file.read(dashboard::kMaxDashboardBytes + 1));
}

} // namespace

DashboardPresenter::DashboardPresenter(ui::MainWindow* window, net::HttpClient* http,
                                       SourcesController* sources, ReportError reportError, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_http(http)
    , m_sources(sources)
    , m_reportError(std::move(reportError))
{
    connect(m_sources, &SourcesController::loaded, this, [this] {
        m_sourceKnown = true;
        flushPending();
    });
    connect(m_sources, &SourcesController::failed, this, [this] {
        m_sourceKnown = true;
        flushPending();
    });
    connect(m_window, &ui::MainWindow::exportDashboardRequested, this, &DashboardPresenter::exportCurrent);
}

DashboardPresenter::~DashboardPresenter()
{
    // The views point at sources this presenter owns.
    for (const auto& view : std::as_const(m_views))
        delete view.data();
}

void DashboardPresenter::workspaceChanging()
{
    m_sourceKnown = !m_commandLineUrl.isEmpty();
}

void DashboardPresenter::setDemoStore(std::shared_ptr<const signalstore::SeriesStore> store)
{
    m_demoStore = std::move(store);
    m_demoSource = nullptr;
    if (m_demoStore) {
        m_sourceKnown = true;
        flushPending();
    }
}

void DashboardPresenter::open(const QString& path)
{
    auto* watcher = new QFutureWatcher<dashboard::ImportResult>(this);
    const QString name = QFileInfo(path).fileName();
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, name] {
        watcher->deleteLater();
        m_pending.append({watcher->result(), name, true});
        flushPending();
    });
    watcher->setFuture(QtConcurrent::run(readAndImport, path));
}

void DashboardPresenter::openBytes(const QByteArray& bytes, const QString& name, bool makeCurrent)
{
    auto* watcher = new QFutureWatcher<dashboard::ImportResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, name, makeCurrent] {
        watcher->deleteLater();
        m_pending.append({watcher->result(), name, makeCurrent});
        flushPending();
    });
    watcher->setFuture(QtConcurrent::run([bytes] { return dashboard::importDashboard(bytes); }));
}

void DashboardPresenter::flushPending()
{
    if (!m_sourceKnown && m_commandLineUrl.isEmpty())
        return;
    const auto pending = std::exchange(m_pending, {});
    for (const Pending& p : pending)
        show(p);
}

void DashboardPresenter::show(const Pending& pending)
{
    const dashboard::ImportResult& result = pending.result;
    const QString& name = pending.name;
    if (!result.ok()) {
        m_reportError(tr("Cannot open dashboard"), tr("%1: %2").arg(name, result.error));
        return;
    }
    for (const QString& line : result.report.toText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        std::fprintf(stderr, "watchfloor: import: %s\n", qUtf8Printable(line));
    auto* view = new ui::DashboardView(result.dashboard, result.report, metricsSource());
    if (m_demoStore)
        view->setScrapeInterval(1000); // the demo shop's metrics arrive every second
    m_views.append(view);
    const QString title = result.dashboard.title.isEmpty() ? name : result.dashboard.title;
    const int index = m_window->dashboards()->addDashboard(view, title);
    if (pending.makeCurrent)
        m_window->dashboards()->tabs()->setCurrentIndex(index);
    view->start();
    Q_EMIT dashboardOpened(view);
}

prometheus::MetricsSource* DashboardPresenter::metricsSource()
{
    if (!m_commandLineUrl.isEmpty())
        return prometheusAt(m_commandLineUrl);
    if (m_demoStore) {
        if (!m_demoSource) {
            m_metricSources.push_back(std::make_unique<prometheus::LocalSeriesMetricsSource>(m_demoStore));
            m_demoSource = m_metricSources.back().get();
        }
        return m_demoSource;
    }
    for (const DataSource& source : m_sources->sources())
        if (source.kind == u"prometheus")
            return prometheusAt(source.url);
    return nullptr;
}

prometheus::MetricsSource* DashboardPresenter::prometheusAt(const QUrl& url)
{
    const QString key = url.toString();
    if (auto* known = m_byUrl.value(key))
        return known;
    prometheus::PrometheusConfig config;
    config.baseUrl = url;
    auto* client = new prometheus::PrometheusClient(m_http, config, {}, this);
    m_metricSources.push_back(std::make_unique<prometheus::PrometheusMetricsSource>(client));
    m_byUrl.insert(key, m_metricSources.back().get());
    return m_metricSources.back().get();
}

void DashboardPresenter::exportCurrent(const QString& path)
{
    auto* view = qobject_cast<ui::DashboardView*>(m_window->dashboards()->tabs()->currentWidget());
    if (!view) {
        m_reportError(tr("Nothing to export"),
                      tr("The current tab is not a dashboard opened from a file. Open one with File ▸ Open "
                         "dashboard first."));
        return;
    }
    const QByteArray bytes = dashboard::exportDashboard(view->dashboard());
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QString error = watcher->result();
        if (!error.isEmpty())
            m_reportError(tr("Cannot export dashboard"), error);
        else
            m_window->statusBar()->showMessage(
                tr("Dashboard exported to %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    watcher->setFuture(QtConcurrent::run([path, bytes]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return QCoreApplication::translate("DashboardPresenter", "Cannot write %1: %2.")
                .arg(QDir::toNativeSeparators(path), file.errorString());
        return {};
    }));
}

QList<ui::DashboardView*> DashboardPresenter::views() const
{
    QList<ui::DashboardView*> out;
    for (const auto& view : m_views)
        if (view)
            out << view.data();
    return out;
}

} // namespace wf::app
