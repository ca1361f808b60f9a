#include "LogBrowserWiring.h"

#include "dashboards/DemoDashboard.h"
#include "logs/LogBrowserView.h"
#include "logs/PatternSearch.h"
#include "patterns/LogPatternsView.h"
#include "signalstore/LogBrowser.h"

#include <QTabWidget>

namespace wf::app {

LogBrowserWiring::LogBrowserWiring(const QString& storePath, QObject* parent)
    : QObject(parent)
    , m_view(new ui::LogBrowserView)
{
    QString error;
    m_browser = signalstore::LogBrowser::open(storePath, &error);
    if (!m_browser) {
        m_view->setEnabled(false);
        m_view->setToolTip(tr("The stored logs could not be opened: %1").arg(error));
        return;
    }
    m_view->setBrowser(m_browser.get());
}

LogBrowserWiring::~LogBrowserWiring()
{
    // The view may outlive this object in its tab; it must not keep the browser about to go.
    if (m_view)
        m_view->setBrowser(nullptr);
}

void LogBrowserWiring::linkTraces(std::function<void(const telemetry::TraceId&)> openTrace)
{
    connect(m_view, &ui::LogBrowserView::openTraceRequested, this,
            [openTrace = std::move(openTrace)](const telemetry::TraceId& id) {
                if (id.isValid())
                    openTrace(id);
            });
}

void LogBrowserWiring::linkDashboard(ui::DemoDashboard* dashboard)
{
    connect(dashboard, &ui::DemoDashboard::timeWindowChanged, m_view,
            [view = m_view.data()](qint64 fromMs, qint64 toMs) {
                if (fromMs == 0 && toMs == 0)
                    view->setTimeRange(0, signalstore::kNoLimitNs);
                else // the window's last millisecond included
                    view->setTimeRange(fromMs * 1'000'000, (toMs + 1) * 1'000'000);
            });
}

void LogBrowserWiring::linkPatterns(ui::LogPatternsView* patterns, QTabWidget* tabs)
{
    connect(patterns, &ui::LogPatternsView::patternActivated, m_view,
            [view = m_view.data(), tabs](const QString& pattern) {
                const QString regex = logs::regexForPattern(pattern);
                if (regex.isEmpty())
                    return;
                view->search(regex, logs::LogSearchMode::Regex);
                if (tabs)
                    tabs->setCurrentWidget(view);
            });
}

} // namespace wf::app
