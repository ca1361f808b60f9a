#pragma once

#include "status/WorkspaceLabel.h"

#include <QList>
#include <QMainWindow>

#include <memory>

class QAbstractItemModel;
class QActionGroup;
class QMenu;
class QSettings;

namespace wf::ui {

class DashboardArea;
class PanelDock;
class RecentFiles;
class SourceHealthBar;
class SourcesDock;
class ThemeManager;
class WorkspaceLabel;

// Composes the dashboards area, the docks, the menus and the status bar. It owns no feature logic:
// features live in their docks and views, file and workspace handling in the application (which
// listens to openFileRequested/openWorkspaceRequested).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Bump when the docks change, so a saved layout from an older version is ignored, not misapplied.
    static constexpr int kLayoutVersion = 1;

    // settings holds the layout, theme and recent files (tests pass a temporary INI file); it and
    // theme must outlive the window.
    MainWindow(QSettings* settings, ThemeManager* theme, QWidget* parent = nullptr);
    ~MainWindow() override;

    DashboardArea* dashboards() const { return m_dashboards; }
    SourceHealthBar* sourceHealthBar() const { return m_health; }
    QList<PanelDock*> docks() const { return m_docks; } // in Alt+1 … Alt+5 order
    PanelDock* dock(const QString& objectName) const;
    SourcesDock* sourcesDock() const;

    void setSourceHealthModel(QAbstractItemModel* model);
    void setWorkspace(const WorkspaceInfo& info);
    void showNotice(const QString& text);
    void addRecentFile(const QString& path);

    // Wall display: only Alerts, larger text; the layout is not saved.
    void setKioskMode(bool on);
    bool kioskMode() const { return m_kiosk; }

    // When on (the default), closing the window saves the layout. Off for kiosk and --screenshot runs.
    void setLayoutPersistent(bool on) { m_persistLayout = on; }
    void saveLayout();
    bool restoreLayout(); // false: nothing saved, or saved by another layout version
    void resetLayout();

Q_SIGNALS:
    void openFileRequested(const QString& path);
    void openWorkspaceRequested(const QString& path);
    // File ▸ Export dashboard as JSON: the current dashboard tab to `path`.
    void exportDashboardRequested(const QString& path);
    // File ▸ Save dashboard (Ctrl+S): the current dashboard tab into the workspace.
    void saveDashboardRequested();
    // File ▸ Saved dashboards…: list what the workspace holds, to reopen.
    void savedDashboardsRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createDocks();
    void createStatusBar();
    void applyDefaultDockLayout();
    void applyDefaultSize();

    // MainWindowMenus.cpp
    void createMenus();
    void createFileMenu();
    void createViewMenu();
    void createIncidentMenu();
    void createHelpMenu();
    void fillRecentFilesMenu();
    void chooseFileToOpen();
    void chooseWorkspaceToOpen();
    void chooseDashboardToOpen();
    void chooseDashboardExport();
    void saveScreenshot();
    void toggleFullScreen();
    void showShortcuts();
    void showAbout();

    QSettings* m_settings;
    ThemeManager* m_theme;
    std::unique_ptr<RecentFiles> m_recent;
    DashboardArea* m_dashboards;
    SourceHealthBar* m_health = nullptr;
    WorkspaceLabel* m_workspaceLabel = nullptr;
    QList<PanelDock*> m_docks;
    QMenu* m_recentMenu = nullptr;
    QAction* m_fullScreenAction = nullptr;
    QActionGroup* m_themeGroup = nullptr;
    bool m_kiosk = false;
    bool m_persistLayout = true;
    bool m_wasMaximized = false;
};

} // namespace wf::ui
