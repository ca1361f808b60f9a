#include "AppController.h"

#include "DemoMode.h"
#include "DemoNotice.h"
#include "core/FileClassifier.h"
#include "items/SourceHealthModel.h"
#include "mainwindow/MainWindow.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

#include <cstdio>

namespace wf::app {

QString defaultWorkspacePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("default.watchfloor"));
}

AppController::AppController(ui::MainWindow* window, bool interactive, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_interactive(interactive)
    , m_health(new SourceHealthModel(this))
{
    // Empty until the data source store and the health monitor are wired in; the status bar then
    // says "No data sources" instead of nothing.
    m_window->setSourceHealthModel(m_health);
    m_window->setWorkspace({});
    connect(m_window, &ui::MainWindow::openFileRequested, this, &AppController::openFile);
    connect(m_window, &ui::MainWindow::openWorkspaceRequested, this,
            [this](const QString& path) { openWorkspace(path, OpenMode::ReadWrite); });
}

AppController::~AppController()
{
    // The demo shop stops and the workspace finishes its pending writes before the temporary folder
    // disappears.
    m_demo.reset();
    m_workspace.reset();
    m_demoDir.reset();
}

bool AppController::start(const CommandLineOptions& options)
{
    // Positional files first: a workspace among them is the one to open when no option names one.
    QString workspaceFile;
    QStringList errors;
    for (const QString& path : options.files) {
        const FileClassification c = classifyFile(path);
        if (!c.error.isEmpty())
            errors << c.error;
        else if (c.kind == FileClassification::Workspace && workspaceFile.isEmpty() && !options.demo &&
                 options.workspace.isEmpty())
            workspaceFile = path;
        else if (c.kind == FileClassification::Workspace)
            errors << tr("Only one workspace can be open at a time, so %1 was not opened.")
                          .arg(QDir::toNativeSeparators(path));
    }

    bool ok = false;
    if (options.demo) {
        ok = openDemoWorkspace();
        if (ok)
            startDemoSession(options);
    } else if (!options.workspace.isEmpty()) {
        ok = openWorkspace(options.workspace, OpenMode::CreateIfMissing);
    } else if (!workspaceFile.isEmpty()) {
        ok = openWorkspace(workspaceFile, OpenMode::ReadWrite);
    } else {
        const QString path = defaultWorkspacePath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        ok = openWorkspace(path, OpenMode::CreateIfMissing);
    }
    if (!errors.isEmpty())
        reportError(tr("Some files could not be opened"), errors.join(QLatin1Char('\n')));
    return ok;
}

void AppController::openFile(const QString& path)
{
    const FileClassification c = classifyFile(path);
    if (!c.error.isEmpty()) {
        reportError(tr("Cannot open file"), c.error);
        return;
    }
    if (c.kind == FileClassification::Workspace)
        openWorkspace(path, OpenMode::ReadWrite);
}

bool AppController::openWorkspace(const QString& path, OpenMode mode)
{
    OpenResult result = Workspace::open(path, mode);
    // A workspace on read-only media (a shared incident file, a mounted export) is still worth
    // reading: open it read-only rather than refuse it.
    if (!result && result.error == OpenError::ReadOnlyFile && mode != OpenMode::ReadOnly)
        result = Workspace::open(path, OpenMode::ReadOnly);
    return adopt(std::move(result), false, nullptr);
}

bool AppController::openDemoWorkspace()
{
    auto dir =
        std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("watchfloor-demo-XXXXXX")));
    if (!dir->isValid()) {
        reportError(
            tr("Cannot start the demo"),
            tr("Could not create a temporary folder for the demo workspace: %1").arg(dir->errorString()));
        return false;
    }
    OpenResult result =
        Workspace::open(dir->filePath(QStringLiteral("demo.watchfloor")), OpenMode::CreateIfMissing);
    return adopt(std::move(result), true, std::move(dir));
}

bool AppController::adopt(OpenResult result, bool temporary, std::unique_ptr<QTemporaryDir> demoDir)
{
    if (!result) {
        reportError(tr("Cannot open workspace"), result.message);
        return false;
    }
    // The new workspace is open before the old one closes, so a failed switch leaves the old one.
    m_demo.reset(); // a running demo lives in m_demoDir
    m_workspace = std::move(result.workspace);
    m_demoDir = std::move(demoDir);
    m_window->setWorkspace({m_workspace->path(), temporary, m_workspace->isReadOnly()});
    m_window->showNotice(temporary ? ui::demoNoticeText() : QString());
    if (!temporary)
        m_window->addRecentFile(m_workspace->path());
    return true;
}

void AppController::startDemoSession(const CommandLineOptions& options)
{
    auto demo = std::make_unique<DemoMode>(m_window, m_demoDir->path(), options);
    QString error;
    if (!demo->start(&error)) {
        reportError(tr("Cannot start the demo"), error);
        return;
    }
    m_demo = std::move(demo);
}

void AppController::reportError(const QString& title, const QString& message)
{
    if (!m_interactive) {
        for (const QString& line : message.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            std::fprintf(stderr, "watchfloor: %s\n", qUtf8Printable(line));
        return;
    }
    // open(), not exec(): the window stays responsive and no nested event loop runs.
    auto* box = new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace wf::app
