#pragma once

// The stored-log browser in the app: opens a LogBrowser (read-only, own thread) on a signal store
// file and gives its LogBrowserView to the logs dock, then links it to the rest of the window: a
// line's trace opens through the caller's trace opener, the dashboard's fixed window becomes the
// view's time range ("Back to live" clears it), and a pattern double-clicked in the Patterns tab
// turns into a search for that pattern's lines. Kept out of DemoMode so the demo only adds a tab.

#include "logs/LogBrowserView.h"
#include "telemetry/Ids.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QTabWidget;

namespace wf::signalstore {
class LogBrowser;
}
namespace wf::ui {
class DemoDashboard;
class LogPatternsView;
} // namespace wf::ui

namespace wf::app {

class LogBrowserWiring : public QObject
{
    Q_OBJECT
public:
    // Opens `storePath`; on failure view() still exists and says why in its status (the demo goes on).
    LogBrowserWiring(const QString& storePath, QObject* parent = nullptr);
    ~LogBrowserWiring() override;

    // Made once; the caller puts it in a tab and owns it from then on.
    ui::LogBrowserView* view() const { return m_view; }
    bool isOpen() const { return m_browser != nullptr; }

    void linkTraces(std::function<void(const telemetry::TraceId&)> openTrace);
    void linkDashboard(ui::DemoDashboard* dashboard);
    // `tabs` holds both views: activating a pattern shows the browser's tab.
    void linkPatterns(ui::LogPatternsView* patterns, QTabWidget* tabs);

private:
    std::unique_ptr<signalstore::LogBrowser> m_browser;
    QPointer<ui::LogBrowserView> m_view;
};

} // namespace wf::app
