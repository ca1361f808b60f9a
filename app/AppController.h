#pragma once

#include "core/CommandLine.h"
#include "store/Workspace.h"

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace wf {
class SourceHealthModel;
}

namespace wf::ui {
class MainWindow;
}

namespace wf::app {

class DemoMode;

// Owns what the window shows: the open workspace (or the --demo one in a temporary folder) and the
// handling of files given on the command line or chosen in the window. Errors go to a message box
// when interactive, or to stderr in --screenshot runs, where nobody is there to click.
class AppController : public QObject
{
    Q_OBJECT

public:
    AppController(ui::MainWindow* window, bool interactive, QObject* parent = nullptr);
    ~AppController() override;

    // Opens the workspace the options ask for and the positional files. False when no workspace
    // could be opened; the reason has been shown.
    bool start(const CommandLineOptions& options);

    void openFile(const QString& path);
    bool openWorkspace(const QString& path, OpenMode mode);

private:
    bool openDemoWorkspace();
    void startDemoSession(const CommandLineOptions& options);
    bool adopt(OpenResult result, bool temporary, std::unique_ptr<QTemporaryDir> demoDir);
    void reportError(const QString& title, const QString& message);

    ui::MainWindow* m_window;
    bool m_interactive;
    SourceHealthModel* m_health;
    std::unique_ptr<QTemporaryDir> m_demoDir; // declared before m_workspace: outlives it
    std::unique_ptr<Workspace> m_workspace;
    std::unique_ptr<DemoMode> m_demo; // lives in m_demoDir: reset before it
};

QString defaultWorkspacePath();

} // namespace wf::app
