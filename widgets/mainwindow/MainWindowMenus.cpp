// The menus of MainWindow and the small handlers behind them. Kept apart from the layout code so
// each file stays short; every action gets an objectName (tests find it), a status tip and a tooltip.

#include "ScreenshotTaker.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ShortcutsDialog.h"
#include "docks/PanelDock.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/RecentFiles.h"
#include "theme/Theme.h"

#include <QActionGroup>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>

#include <utility>

namespace wf::ui {
namespace {

QAction* makeAction(QMenu* menu, const QString& objectName, const QString& text, const QString& tip,
                    const QKeySequence& shortcut = {})
{
    auto* action = menu->addAction(text);
    action->setObjectName(objectName);
    action->setToolTip(tip);
    action->setStatusTip(tip);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}

QMenu* makeMenu(QMenuBar* bar, const QString& objectName, const QString& title)
{
    QMenu* menu = bar->addMenu(title);
    menu->setObjectName(objectName);
    menu->setToolTipsVisible(true); // tooltips explain disabled actions
    return menu;
}

} // namespace

void MainWindow::createMenus()
{
    createFileMenu();
    createViewMenu();
    createIncidentMenu();
    createHelpMenu();
    // Shortcuts keep working when the menu bar is hidden (kiosk mode).
    for (QAction* top : menuBar()->actions()) {
        if (top->menu())
            addActions(top->menu()->actions());
    }
}

void MainWindow::createFileMenu()
{
    QMenu* file = makeMenu(menuBar(), QStringLiteral("menuFile"), tr("&File"));
    connect(makeAction(file, QStringLiteral("actionOpen"), tr("&Open…"),
                       tr("Open a workspace or incident file"), QKeySequence(Qt::CTRL | Qt::Key_O)),
            &QAction::triggered, this, &MainWindow::chooseFileToOpen);
    connect(makeAction(file, QStringLiteral("actionOpenWorkspace"), tr("Open &workspace…"),
                       tr("Switch to another workspace database")),
            &QAction::triggered, this, &MainWindow::chooseWorkspaceToOpen);
    connect(makeAction(file, QStringLiteral("actionOpenDashboard"), tr("Open &dashboard…"),
                       tr("Open a Grafana, Perses or Watchfloor dashboard file as a tab"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D)),
            &QAction::triggered, this, &MainWindow::chooseDashboardToOpen);
    connect(makeAction(file, QStringLiteral("actionExportDashboard"), tr("&Export dashboard as JSON…"),
                       tr("Save the current dashboard tab as Watchfloor dashboard JSON")),
            &QAction::triggered, this, &MainWindow::chooseDashboardExport);
    connect(makeAction(file, QStringLiteral("actionSaveDashboard"), tr("&Save dashboard"),
                       tr("Save the current dashboard tab in the workspace"),
                       QKeySequence(Qt::CTRL | Qt::Key_S)),
            &QAction::triggered, this, &MainWindow::saveDashboardRequested);
    connect(makeAction(file, QStringLiteral("actionSavedDashboards"), tr("Saved das&hboards…"),
                       tr("List the dashboards saved in the workspace and open one")),
            &QAction::triggered, this, &MainWindow::savedDashboardsRequested);

    m_recentMenu = file->addMenu(tr("&Recent files"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecentFiles"));
    m_recentMenu->setToolTipsVisible(true);
    // Filled when opened, so it always reflects QSettings, also after another window changed it.
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentFilesMenu);
    fillRecentFilesMenu();

    file->addSeparator();
    connect(makeAction(file, QStringLiteral("actionSaveScreenshot"), tr("Save &screenshot…"),
                       tr("Save a PNG image of the window, e.g. for a status update"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)),
            &QAction::triggered, this, &MainWindow::saveScreenshot);
    file->addSeparator();
    QAction* quit = makeAction(file, QStringLiteral("actionQuit"), tr("&Quit"), tr("Quit Watchfloor"),
                               QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void MainWindow::fillRecentFilesMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    int n = 0;
    for (const QString& path : files) {
        ++n;
        // Digits as mnemonics for the first nine; "&&" keeps ampersands in file names literal.
        const QString name = QFileInfo(path).fileName().replace(QLatin1Char('&'), QLatin1String("&&"));
        const QString text = n < 10 ? QStringLiteral("&%1 %2").arg(n).arg(name) : name;
        QAction* a = m_recentMenu->addAction(text);
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { Q_EMIT openFileRequested(path); });
    }
    if (files.isEmpty()) {
        QAction* none = m_recentMenu->addAction(tr("No recent files"));
        none->setEnabled(false);
        none->setToolTip(tr("Files you open appear here"));
        return;
    }
    m_recentMenu->addSeparator();
    QAction* clear = makeAction(m_recentMenu, QStringLiteral("actionClearRecentFiles"), tr("&Clear list"),
                                tr("Forget the recently opened files"));
    connect(clear, &QAction::triggered, this, [this] { m_recent->clear(); });
}

void MainWindow::createViewMenu()
{
    QMenu* view = makeMenu(menuBar(), QStringLiteral("menuView"), tr("&View"));
    int n = 0;
    for (PanelDock* d : std::as_const(m_docks)) {
        QAction* toggle = d->toggleViewAction();
        toggle->setObjectName(QStringLiteral("actionToggle_") + d->objectName());
        // The dock title is plain text; in a menu a lone "&" would become a mnemonic.
        toggle->setText(d->windowTitle().replace(QLatin1Char('&'), QLatin1String("&&")));
        toggle->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + n++)));
        toggle->setToolTip(tr("Show or hide the %1 panel").arg(d->windowTitle()));
        toggle->setStatusTip(toggle->toolTip());
        view->addAction(toggle);
    }
    view->addSeparator();

    QMenu* themes = view->addMenu(tr("&Theme"));
    themes->setObjectName(QStringLiteral("menuTheme"));
    themes->setToolTipsVisible(true);
    m_themeGroup = new QActionGroup(this);
    const struct
    {
        ThemeChoice choice;
        QString name, text, tip;
    } choices[] = {
        {ThemeChoice::Light, QStringLiteral("actionThemeLight"), tr("&Light"), tr("Light colours")},
        {ThemeChoice::Dark, QStringLiteral("actionThemeDark"), tr("&Dark"),
         tr("Dark colours, easier on the eyes in a dim room")},
        {ThemeChoice::System, QStringLiteral("actionThemeSystem"), tr("&System"),
         tr("Follow the desktop's light or dark preference")},
    };
    for (const auto& c : choices) {
        QAction* a = makeAction(themes, c.name, c.text, c.tip);
        a->setCheckable(true);
        a->setChecked(m_theme && m_theme->choice() == c.choice);
        a->setData(int(c.choice));
        m_themeGroup->addAction(a);
        const ThemeChoice choice = c.choice;
        connect(a, &QAction::triggered, this, [this, choice] {
            if (m_theme)
                m_theme->setChoice(choice);
        });
    }
    if (m_theme) {
        connect(m_theme, &ThemeManager::themeChanged, this, [this](ThemeChoice choice) {
            for (QAction* a : m_themeGroup->actions())
                a->setChecked(a->data().toInt() == int(choice));
        });
    }

    view->addSeparator();
    m_fullScreenAction = makeAction(view, QStringLiteral("actionFullScreen"), tr("&Full screen"),
                                    tr("Use the whole screen for Watchfloor"), QKeySequence(Qt::Key_F11));
    m_fullScreenAction->setCheckable(true);
    connect(m_fullScreenAction, &QAction::triggered, this, &MainWindow::toggleFullScreen);
    connect(makeAction(view, QStringLiteral("actionResetLayout"), tr("&Reset layout"),
                       tr("Put every panel back where it was when Watchfloor was installed")),
            &QAction::triggered, this, &MainWindow::resetLayout);
}

void MainWindow::createIncidentMenu()
{
    // Enabled by the application once a writable workspace is open.
    QMenu* incident = makeMenu(menuBar(), QStringLiteral("menuIncident"), tr("&Incident"));
    makeAction(incident, QStringLiteral("actionDeclareIncident"), tr("&Declare incident…"),
               tr("Open an incident: title, severity, services and commander"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I))
        ->setEnabled(false);
    makeAction(incident, QStringLiteral("actionAddNote"), tr("Add timeline &note"),
               tr("Write a note into the active incident's timeline, from anywhere"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N))
        ->setEnabled(false);
    incident->addSeparator();
    makeAction(incident, QStringLiteral("actionRunbooks"), tr("&Runbooks…"),
               tr("Run a runbook step by step, with dry-run and confirmation; steps are written to the "
                  "active incident's timeline"),
               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    makeAction(incident, QStringLiteral("actionPinDashboards"), tr("&Pin dashboards snapshot"),
               tr("Pin a picture of the dashboards, as they look now, to the active incident as evidence"))
        ->setEnabled(false);
    makeAction(
        incident, QStringLiteral("actionPinBlastRadius"), tr("Pin &blast radius"),
        tr("Pin the service graph's blast radius, its picture and its numbers, to the active incident"))
        ->setEnabled(false);
    incident->addSeparator();
    makeAction(incident, QStringLiteral("actionExportPostmortem"), tr("Export &postmortem…"),
               tr("Write the active incident as a blameless postmortem: Markdown, HTML or PDF, by file type"))
        ->setEnabled(false);
    makeAction(incident, QStringLiteral("actionExportIncidentFile"), tr("Export incident &file…"),
               tr("Save the active incident with its timeline, evidence and the dashboards' data over its "
                  "window as one .watchfloor file that opens read-only, for offline review"))
        ->setEnabled(false);
    makeAction(incident, QStringLiteral("actionEditPostmortemTemplate"), tr("Postmortem &template…"),
               tr("Edit this workspace's postmortem template: its sections, their order and the prompts"))
        ->setEnabled(false);
}

void MainWindow::createHelpMenu()
{
    QMenu* help = makeMenu(menuBar(), QStringLiteral("menuHelp"), tr("&Help"));
    connect(makeAction(help, QStringLiteral("actionShortcuts"), tr("&Keyboard shortcuts…"),
                       tr("List every keyboard shortcut"), QKeySequence(Qt::CTRL | Qt::Key_Slash)),
            &QAction::triggered, this, &MainWindow::showShortcuts);
    help->addSeparator();
    QAction* about = makeAction(help, QStringLiteral("actionAbout"), tr("&About Watchfloor"),
                                tr("Version and library information"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction* aboutQt = makeAction(help, QStringLiteral("actionAboutQt"), tr("About &Qt"),
                                  tr("Information about the Qt toolkit"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::chooseFileToOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open"), QString(),
                                                      tr("Watchfloor files (*.watchfloor);;All files (*)"));
    if (!path.isEmpty())
        Q_EMIT openFileRequested(path);
}

void MainWindow::chooseDashboardToOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open dashboard"), QString(),
                                                      tr("Dashboards (*.json *.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        Q_EMIT openFileRequested(path);
}

void MainWindow::chooseDashboardExport()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export dashboard as JSON"), QString(),
                                                tr("Watchfloor dashboards (*.json)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        path += QLatin1String(".json");
    Q_EMIT exportDashboardRequested(path);
}

void MainWindow::chooseWorkspaceToOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open workspace"), QString(),
                                                      tr("Watchfloor workspaces (*.watchfloor)"));
    if (!path.isEmpty())
        Q_EMIT openWorkspaceRequested(path);
}

void MainWindow::saveScreenshot()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString suggestion = QDir(dir).filePath(
        QStringLiteral("watchfloor-%1.png")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save screenshot"), suggestion, tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        path += QLatin1String(".png");
    const ScreenshotResult r = ScreenshotTaker::capture(this, path);
    if (r.ok)
        statusBar()->showMessage(tr("Screenshot saved to %1").arg(QDir::toNativeSeparators(r.path)), 5000);
    else
        QMessageBox::warning(this, tr("Screenshot not saved"), r.error);
}

void MainWindow::toggleFullScreen()
{
    if (isFullScreen()) {
        if (m_wasMaximized)
            showMaximized();
        else
            showNormal();
    } else {
        m_wasMaximized = isMaximized();
        showFullScreen();
    }
}

void MainWindow::showShortcuts()
{
    // open(), not exec(): no nested event loop, and tests can inspect the dialog while it is up.
    auto* dialog = new ShortcutsDialog(menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto* dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace wf::ui
