#include "DashboardPresenter.h"

#include "dashboard/Annotations.h"
#include "dashboard/DashboardFormat.h"
#include "dashboard/DashboardStore.h"
#include "dashboard/VariableSelection.h"
#include "dashboard/WatchfloorJson.h"
#include "dashboards/DashboardArea.h"
#include "dashboards/DashboardView.h"
#include "dashboards/grid/TimeRangePicker.h"
#include "dialogs/SavedDashboardsDialog.h"
#include "items/TimelineModel.h"
#include "mainwindow/MainWindow.h"
#include "prometheus/LocalSeriesMetricsSource.h"
#include "prometheus/PrometheusClient.h"
#include "prometheus/PrometheusMetricsSource.h"
#include "sources/SourcesController.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
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
        applyCredentials();
        m_sourceKnown = true;
        flushPending();
    });
    connect(m_sources, &SourcesController::failed, this, [this] {
        m_sourceKnown = true;
        flushPending();
    });
    connect(m_window, &ui::MainWindow::exportDashboardRequested, this, &DashboardPresenter::exportCurrent);
    connect(m_window, &ui::MainWindow::saveDashboardRequested, this, &DashboardPresenter::saveCurrent);
    connect(m_window, &ui::MainWindow::savedDashboardsRequested, this, &DashboardPresenter::showSaved);
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

void DashboardPresenter::setLocalStore(std::shared_ptr<const signalstore::SeriesStore> store)
{
    m_localStore = std::move(store);
    m_localSource = nullptr; // views keep theirs: m_metricSources holds it (and it holds its store)
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
    prometheus::MetricsSource* source = metricsSource();
    auto* view = new ui::DashboardView(result.dashboard, result.report, source);
    if (m_demoStore)
        view->setScrapeInterval(1000); // the demo shop's metrics arrive every second
    m_views.append(view);
    connect(view, &ui::DashboardView::saveRequested, this, &DashboardPresenter::saveCurrent);
    updateAnnotations();
    const QString title = result.dashboard.title.isEmpty() ? name : result.dashboard.title;
    const int index = m_window->dashboards()->addDashboard(view, title);
    if (pending.makeCurrent)
        m_window->dashboards()->tabs()->setCurrentIndex(index);
    startWithScrapeInterval(view, source);
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
            return prometheusAt(source.url, source.id, !source.insecureTls);
    if (m_localStore) {
        if (!m_localSource) {
            m_metricSources.push_back(std::make_unique<prometheus::LocalSeriesMetricsSource>(m_localStore));
            m_localSource = m_metricSources.back().get();
        }
        return m_localSource;
    }
    return nullptr;
}

prometheus::MetricsSource* DashboardPresenter::prometheusAt(const QUrl& url, qint64 sourceId, bool verifyTls)
{
    const QString key = QString::number(sourceId) + QLatin1Char(' ') + url.toString() +
                        (verifyTls ? QString() : QStringLiteral(" insecure"));
    if (auto* known = m_byUrl.value(key))
        return known;
    prometheus::PrometheusConfig config;
    config.baseUrl = url;
    config.verifyTls = verifyTls;
    auto* client = new prometheus::PrometheusClient(m_http, config, {}, this);
    if (sourceId != 0) {
        const SourceCredentials credentials = m_sources->credentials(sourceId);
        client->setCredentials(credentials.prometheusAuth(), credentials.headers);
        m_clientBySource.insert(sourceId, client);
    }
    m_metricSources.push_back(std::make_unique<prometheus::PrometheusMetricsSource>(client));
    m_byUrl.insert(key, m_metricSources.back().get());
    return m_metricSources.back().get();
}

void DashboardPresenter::applyCredentials()
{
    // Edited credentials reach open dashboards at their next refresh.
    for (auto it = m_clientBySource.cbegin(); it != m_clientBySource.cend(); ++it) {
        if (!it.value())
            continue;
        const SourceCredentials credentials = m_sources->credentials(it.key());
        it.value()->setCredentials(credentials.prometheusAuth(), credentials.headers);
    }
    for (const auto& [view, source] : std::exchange(m_awaitingInterval, {})) {
        if (view && !m_scrapeMs.contains(source))
            askScrapeInterval(view, source, [] {});
    }
}

void DashboardPresenter::startWithScrapeInterval(ui::DashboardView* view, prometheus::MetricsSource* source)
{
    auto* prom = dynamic_cast<prometheus::PrometheusMetricsSource*>(source);
    if (!prom || !prom->client()) {
        view->start();
        return;
    }
    if (const qint64 known = m_scrapeMs.value(source); known > 0) {
        view->setScrapeInterval(known);
        view->start();
        return;
    }
    QPointer<ui::DashboardView> guard(view);
    auto started = std::make_shared<bool>(false);
    const auto startOnce = [guard, started] {
        if (guard && !std::exchange(*started, true))
            guard->start();
    };
    askScrapeInterval(view, source, startOnce);
    // A server that does not answer quickly must not keep the dashboard empty: start with the default
    // interval; a later answer still applies from the next refresh.
    QTimer::singleShot(2000, view, startOnce);
}

void DashboardPresenter::askScrapeInterval(ui::DashboardView* view, prometheus::MetricsSource* source,
                                           std::function<void()> then)
{
    auto* prom = static_cast<prometheus::PrometheusMetricsSource*>(source);
    QPointer<ui::DashboardView> guard(view);
    prom->client()->scrapeInterval(
        view, [this, guard, source, then = std::move(then)](prometheus::PromApiResult<qint64> r) {
            if (r.ok() && r.value > 0) {
                m_scrapeMs.insert(source, r.value);
                if (guard)
                    guard->setScrapeInterval(r.value);
            } else if (guard) {
                // Asked again when the source's credentials change: a refused login is the usual cause.
                m_awaitingInterval.append({guard, source});
            }
            then();
        });
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

void DashboardPresenter::saveCurrent()
{
    auto* view = qobject_cast<ui::DashboardView*>(m_window->dashboards()->tabs()->currentWidget());
    if (!view) {
        m_reportError(tr("Nothing to save"),
                      tr("The current tab is not a dashboard. Open one with File ▸ Open "
                         "dashboard first."));
        return;
    }
    if (!m_workspace || m_workspace->isReadOnly()) {
        m_reportError(tr("Cannot save dashboard"),
                      tr("No workspace is open for writing. Open a workspace with File ▸ Open workspace."));
        return;
    }
    QPointer<ui::DashboardView> target(view);
    const QString title = view->dashboard().title;
    dashboard::DashboardStore(*m_workspace)
        .save(view->dashboard(), this, [this, target, title](const WriteResult& r, const QString& uid) {
            if (!r.ok) {
                m_reportError(tr("Cannot save dashboard"), r.error);
                return;
            }
            if (target)
                target->setSavedUid(uid);
            m_window->statusBar()->showMessage(tr("Dashboard “%1” saved in the workspace").arg(title), 5000);
        });
}

void DashboardPresenter::showSaved()
{
    if (!m_workspace) {
        m_reportError(tr("No workspace"), tr("Open a workspace to see its saved dashboards."));
        return;
    }
    dashboard::DashboardStore(*m_workspace).list(this, [this](const ReadResult& r, const auto& summaries) {
        if (!r.ok) {
            m_reportError(tr("Cannot list dashboards"), r.error);
            return;
        }
        auto* dialog = new ui::SavedDashboardsDialog(summaries, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ui::SavedDashboardsDialog::openRequested, this, &DashboardPresenter::openSaved);
        connect(dialog, &ui::SavedDashboardsDialog::removeRequested, this,
                [this, dialog = QPointer(dialog)](const QString& uid, const QString&) {
                    if (!m_workspace)
                        return;
                    dashboard::DashboardStore(*m_workspace)
                        .remove(uid, this, [this, dialog, uid](const WriteResult& w) {
                            if (!w.ok)
                                m_reportError(tr("Cannot delete dashboard"), w.error);
                            else if (dialog)
                                dialog->removeUid(uid);
                        });
                });
        dialog->open();
    });
}

void DashboardPresenter::openSaved(const QString& uid)
{
    if (!m_workspace)
        return;
    dashboard::DashboardStore(*m_workspace)
        .load(uid, this, [this, uid](const ReadResult& r, const auto& loaded) {
            if (!r.ok || !loaded) {
                m_reportError(tr("Cannot open dashboard"),
                              r.ok ? tr("The dashboard %1 is no longer in the workspace.").arg(uid)
                                   : r.error);
                return;
            }
            dashboard::ImportResult result;
            result.dashboard = *loaded;
            result.report.format = QStringLiteral("Watchfloor");
            m_pending.append({result, loaded->title, true});
            flushPending();
        });
}

void DashboardPresenter::setIncidentTimeline(TimelineModel* timeline)
{
    m_timeline = timeline;
    if (!timeline)
        return;
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(timeline, signal, this, &DashboardPresenter::updateAnnotations);
    connect(timeline, &QAbstractItemModel::modelReset, this, &DashboardPresenter::updateAnnotations);
    updateAnnotations();
}

void DashboardPresenter::updateAnnotations()
{
    const QList<dashboard::Annotation> annotations =
        m_timeline
            ? dashboard::annotationsFromTimeline(m_timeline->events(), QDateTime::currentMSecsSinceEpoch())
            : QList<dashboard::Annotation>{};
    for (const auto& view : std::as_const(m_views))
        if (view)
            view->setWorkspaceAnnotations(annotations);
}

QList<ui::DashboardView*> DashboardPresenter::views() const
{
    QList<ui::DashboardView*> out;
    for (const auto& view : m_views)
        if (view)
            out << view.data();
    return out;
}

bool DashboardPresenter::showService(const QString& service, qint64 fromMs, qint64 toMs)
{
    QTabWidget* tabs = m_window->dashboards()->tabs();
    auto* view = qobject_cast<ui::DashboardView*>(tabs->currentWidget());
    if (!view || !m_views.contains(view)) {
        const QList<ui::DashboardView*> open = views();
        view = open.isEmpty() ? nullptr : open.first();
    }
    if (!view)
        return false;
    const int variable = dashboard::serviceVariableIndex(view->variables(), service);
    if (variable >= 0)
        view->selectVariable(view->variables().at(variable).name, {service});
    // A span lasts milliseconds; a chart needs minutes around it to show a trend.
    constexpr qint64 kContextMs = 15 * 60 * 1000;
    view->picker()->setTimeRange(dashboard::absoluteRange(fromMs - kContextMs, toMs + kContextMs));
    tabs->setCurrentWidget(view);
    return true;
}

} // namespace wf::app
