#include "DemoMode.h"

#include "TelemetryViews.h"
#include "dashboards/DashboardArea.h"
#include "dashboards/DemoDashboard.h"
#include "demo/DemoSession.h"
#include "incident/TimelineText.h"
#include "items/TimelineModel.h"
#include "mainwindow/MainWindow.h"

#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>

namespace wf::app {

DemoMode::DemoMode(ui::MainWindow* window, const QString& folder, const CommandLineOptions& options,
                   QObject* parent)
    : QObject(parent)
    , m_window(window)
{
    demo::DemoSessionConfig config;
    config.folder = folder;
    if (options.demoFailureAfterS >= 0)
        config.failureAfterS = options.demoFailureAfterS;
    m_session = new demo::DemoSession(config, this);
}

DemoMode::~DemoMode()
{
    m_session->stop();
    removeUi();
}

void DemoMode::removeUi()
{
    if (m_dashboard)
        m_window->dashboards()->removeDashboard(m_dashboard);
    delete m_views;
    m_views = nullptr;
    delete m_restart;
}

bool DemoMode::start(QString* error)
{
    if (!m_session->start(error))
        return false;
    buildUi();
    return true;
}

ServiceGraphPresenter* DemoMode::serviceGraph() const
{
    return m_views ? m_views->serviceGraph() : nullptr;
}

void DemoMode::setIncidentTimeline(TimelineModel* timeline)
{
    m_timeline = timeline;
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(timeline, signal, this, &DemoMode::updateAnnotations);
    connect(timeline, &QAbstractItemModel::modelReset, this, &DemoMode::updateAnnotations);
    updateAnnotations();
}

void DemoMode::showAround(qint64 atMs, const QString& what)
{
    if (auto* dashboard = qobject_cast<ui::DemoDashboard*>(m_dashboard.data())) {
        dashboard->showAround(atMs, what);
        m_window->dashboards()->tabs()->setCurrentWidget(dashboard);
    }
}

live::PanelCapture DemoMode::panelCapture() const
{
    auto* dashboard = qobject_cast<ui::DemoDashboard*>(m_dashboard.data());
    return dashboard ? dashboard->capture() : live::PanelCapture{};
}

void DemoMode::updateAnnotations()
{
    auto* dashboard = qobject_cast<ui::DemoDashboard*>(m_dashboard.data());
    if (!dashboard || !m_timeline)
        return;
    QList<ui::ChartAnnotation> annotations;
    for (const incident::TimelineEvent& e : m_timeline->events()) {
        if (incident::isChartMoment(e.kind))
            annotations << ui::ChartAnnotation{e.atMs, incident::describeEvent(e)};
    }
    dashboard->setAnnotations(annotations);
}

void DemoMode::buildUi()
{
    auto* dashboard = new ui::DemoDashboard(m_session->seriesStore());
    m_dashboard = dashboard;
    m_window->dashboards()->addDashboard(dashboard, tr("Shop overview"));
    dashboard->start();

    m_views = new TelemetryViews(m_window, m_session->telemetry(), this);
    m_views->build();
    m_views->linkDashboard(dashboard);

    m_restart = new QToolButton(m_window);
    m_restart->setObjectName(QStringLiteral("restartDemoShop"));
    m_restart->setText(tr("Restart demo shop"));
    m_restart->setToolTip(tr("Start the simulated shop again; its incident starts over"));
    m_restart->hide();
    m_window->statusBar()->addPermanentWidget(m_restart);
    connect(m_restart, &QToolButton::clicked, this, [this] {
        m_restart->hide();
        m_window->showNotice(tr("Restarting the demo shop…"));
        m_session->restartShop();
    });

    connect(m_session, &demo::DemoSession::firstDataArrived, this,
            [this] { m_window->showNotice(QString()); });
    connect(m_session, &demo::DemoSession::shopRunning, this, [this] { m_restart->hide(); });
    connect(m_session, &demo::DemoSession::shopExited, this, &DemoMode::onShopExited);
}

void DemoMode::onShopExited(bool expected, const QString& description)
{
    if (expected)
        return;
    m_window->showNotice(tr("The demo shop stopped: %1. The data received so far stays; use \"Restart demo "
                            "shop\" in the status bar to start it again.")
                             .arg(description));
    if (m_restart)
        m_restart->show();
}

} // namespace wf::app
