#include "LiveMode.h"

#include "TelemetryViews.h"
#include "live/LiveTelemetry.h"
#include "mainwindow/MainWindow.h"

#include <QFileInfo>

namespace wf::app {

namespace {

live::LiveTelemetryConfig telemetryConfig(const QString& workspacePath,
                                          const live::ReceiverSettings& settings)
{
    live::LiveTelemetryConfig c;
    c.folder = QFileInfo(workspacePath).absolutePath();
    c.storeFileName = LiveMode::storeFileName(workspacePath);
    c.port = settings.port;
    c.listenOnAllInterfaces = settings.listenOnAllInterfaces;
    c.anyPortIfTaken = false; // senders are configured for this port: moving would lose their data
    return c;
}

} // namespace

QString LiveMode::storeFileName(const QString& workspacePath)
{
    return QFileInfo(workspacePath).fileName() + QStringLiteral(".signals.sqlite");
}

LiveMode::LiveMode(ui::MainWindow* window, const QString& workspacePath,
                   const live::ReceiverSettings& settings, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_telemetry(new live::LiveTelemetry(telemetryConfig(workspacePath, settings), this))
{}

LiveMode::~LiveMode()
{
    delete m_views; // before the stores they read
    m_views = nullptr;
    m_telemetry->stop();
}

bool LiveMode::start(QString* error)
{
    QString startError;
    if (!m_telemetry->start(&startError)) {
        if (!m_telemetry->signalStore()) {
            *error = startError;
            return false;
        }
        m_receiverError = startError;
    }
    m_views = new TelemetryViews(m_window, m_telemetry, this);
    m_views->build(m_receiverError);
    return true;
}

} // namespace wf::app
