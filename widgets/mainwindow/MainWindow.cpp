#include "mainwindow/MainWindow.h"

#include "dashboards/DashboardArea.h"
#include "docks/AlertsDock.h"
#include "docks/IncidentDock.h"
#include "docks/LogsDock.h"
#include "docks/SourcesDock.h"
#include "docks/TracesDock.h"
#include "mainwindow/RecentFiles.h"
#include "status/SourceHealthBar.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileInfo>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>

namespace wf::ui {
namespace {

const auto kGeometryKey = QStringLiteral("mainwindow/geometry");
const auto kStateKey = QStringLiteral("mainwindow/state");
const auto kVersionKey = QStringLiteral("mainwindow/layoutVersion");

} // namespace

MainWindow::MainWindow(QSettings* settings, ThemeManager* theme, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_theme(theme)
    , m_recent(std::make_unique<RecentFiles>(settings))
    , m_dashboards(new DashboardArea(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Watchfloor"));
    setCentralWidget(m_dashboards);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    // Side docks run the full height; logs and traces sit under the dashboards only.
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    createDocks();
    createStatusBar();
    createMenus();
    applyDefaultDockLayout();
    applyDefaultSize();
}

MainWindow::~MainWindow() = default;

PanelDock* MainWindow::dock(const QString& objectName) const
{
    for (PanelDock* d : m_docks) {
        if (d->objectName() == objectName)
            return d;
    }
    return nullptr;
}

SourcesDock* MainWindow::sourcesDock() const
{
    return qobject_cast<SourcesDock*>(dock(QStringLiteral("sourcesDock")));
}

void MainWindow::createDocks()
{
    m_docks = {new AlertsDock(this), new IncidentDock(this), new LogsDock(this), new TracesDock(this),
               new SourcesDock(this)};
}

void MainWindow::createStatusBar()
{
    m_health = new SourceHealthBar(this);
    m_workspaceLabel = new WorkspaceLabel(this);
    statusBar()->addWidget(m_health, 1);
    statusBar()->addPermanentWidget(m_workspaceLabel);
}

void MainWindow::applyDefaultDockLayout()
{
    PanelDock* alerts = dock(QStringLiteral("alertsDock"));
    PanelDock* incident = dock(QStringLiteral("incidentDock"));
    PanelDock* logs = dock(QStringLiteral("logsDock"));
    PanelDock* traces = dock(QStringLiteral("tracesDock"));
    PanelDock* sources = dock(QStringLiteral("sourcesDock"));

    for (PanelDock* d : std::as_const(m_docks)) {
        d->setFloating(false);
        removeDockWidget(d);
    }
    addDockWidget(Qt::LeftDockWidgetArea, sources);
    addDockWidget(Qt::RightDockWidgetArea, alerts);
    splitDockWidget(alerts, incident, Qt::Vertical);
    addDockWidget(Qt::BottomDockWidgetArea, logs);
    tabifyDockWidget(logs, traces);
    for (PanelDock* d : std::as_const(m_docks))
        d->show();
    logs->raise();
    resizeDocks({sources, alerts}, {250, 360}, Qt::Horizontal);
    resizeDocks({logs}, {240}, Qt::Vertical);
}

void MainWindow::applyDefaultSize()
{
    QSize size(1600, 1000);
    if (const QScreen* s = screen()) {
        const QSize available = s->availableSize();
        size = size.boundedTo(available * 0.9).expandedTo(QSize(1024, 700)).boundedTo(available);
    }
    resize(size);
}

void MainWindow::setSourceHealthModel(QAbstractItemModel* model)
{
    m_health->setModel(model);
    sourcesDock()->setModel(model);
}

void MainWindow::setWorkspace(const WorkspaceInfo& info)
{
    m_workspaceLabel->setWorkspace(info);
    if (info.temporary)
        setWindowTitle(tr("Demo — Watchfloor"));
    else if (!info.path.isEmpty())
        setWindowTitle(tr("%1 — Watchfloor").arg(QFileInfo(info.path).completeBaseName()));
    else
        setWindowTitle(tr("Watchfloor"));
}

void MainWindow::showNotice(const QString& text)
{
    m_dashboards->showNotice(text);
}

void MainWindow::addRecentFile(const QString& path)
{
    m_recent->add(path);
}

void MainWindow::setKioskMode(bool on)
{
    if (on == m_kiosk)
        return;
    m_kiosk = on;
    if (on) {
        m_persistLayout = false; // the kiosk arrangement must not replace the user's own layout
        for (PanelDock* d : std::as_const(m_docks))
            d->setVisible(d->objectName() == QLatin1String("alertsDock"));
        // Readable from across the room; the kiosk issue refines this.
        QFont f = font();
        if (f.pointSizeF() > 0)
            f.setPointSizeF(f.pointSizeF() * 1.4);
        else
            f.setPixelSize(f.pixelSize() * 7 / 5);
        setFont(f);
    } else {
        setFont(QFont());
        resetLayout();
    }
}

void MainWindow::saveLayout()
{
    if (!m_settings)
        return;
    m_settings->setValue(kGeometryKey, saveGeometry());
    m_settings->setValue(kStateKey, saveState(kLayoutVersion));
    m_settings->setValue(kVersionKey, kLayoutVersion);
}

bool MainWindow::restoreLayout()
{
    if (!m_settings || m_settings->value(kVersionKey).toInt() != kLayoutVersion)
        return false;
    const QByteArray geometry = m_settings->value(kGeometryKey).toByteArray();
    const QByteArray state = m_settings->value(kStateKey).toByteArray();
    if (state.isEmpty())
        return false;
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    return restoreState(state, kLayoutVersion);
}

void MainWindow::resetLayout()
{
    applyDefaultDockLayout();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_persistLayout)
        saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::WindowStateChange && m_fullScreenAction)
        m_fullScreenAction->setChecked(isFullScreen());
    QMainWindow::changeEvent(event);
}

} // namespace wf::ui
