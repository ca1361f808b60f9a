#pragma once

#include "live/ReceiverSettings.h"

#include <QObject>
#include <QString>

namespace wf::live {
class LiveTelemetry;
}
namespace wf::ui {
class MainWindow;
}

namespace wf::app {

class TelemetryViews;

// The normal app's own telemetry backend for the open workspace: a LiveTelemetry whose signal store
// sits next to the workspace file, and the TelemetryViews over it. The receiver failing to bind
// (port taken) is not fatal: the views show what the store holds, and the status bar says why.
class LiveMode : public QObject
{
    Q_OBJECT
public:
    LiveMode(ui::MainWindow* window, const QString& workspacePath, const live::ReceiverSettings& settings,
             QObject* parent = nullptr);
    // Takes the views out of the window, then closes the port and writes what is queued.
    ~LiveMode() override;

    // False only when the signal store cannot be opened (then there is nothing to show); the reason
    // is in `error`. A receiver that could not bind leaves receiverError() set and still returns true.
    bool start(QString* error);

    live::LiveTelemetry* telemetry() const { return m_telemetry; }
    TelemetryViews* views() const { return m_views; }
    QString receiverError() const { return m_receiverError; }

    // "<workspace>.signals.sqlite" beside the workspace file.
    static QString storeFileName(const QString& workspacePath);

private:
    ui::MainWindow* m_window;
    live::LiveTelemetry* m_telemetry;
    TelemetryViews* m_views = nullptr;
    QString m_receiverError;
};

} // namespace wf::app
