#pragma once

// Puts trace search in the central tabs: the search tab over the given sources, a trace tab for each
// opened result, a compare tab for "Compare with…", and the trace view's links (logs of the trace,
// metrics of the service) routed to whoever can answer them. The trees for a comparison are built on
// the thread pool; a newer comparison supersedes an older one still building.

#include "signalstore/SignalQueries.h"
#include "telemetry/Span.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace wf::traces {
class TraceSearchSource;
}
namespace wf::ui {
class MainWindow;
class TraceSearchView;
class TraceView;
} // namespace wf::ui

namespace wf::app {

class TraceSearchPresenter : public QObject
{
    Q_OBJECT
public:
    using LogsHandler = std::function<void(const telemetry::TraceId&)>;
    using MetricsHandler = std::function<void(const QString& service, qint64 startNs, qint64 endNs)>;

    TraceSearchPresenter(ui::MainWindow* window, QObject* parent = nullptr);
    ~TraceSearchPresenter() override; // closes the tabs it opened

    // Not owned; a destroyed source leaves the search by itself. Also offered to an open search tab.
    void addSource(traces::TraceSearchSource* source);
    void setLogsHandler(LogsHandler handler) { m_logs = std::move(handler); }
    void setMetricsHandler(MetricsHandler handler) { m_metrics = std::move(handler); }

    ui::TraceSearchView* showSearch(); // opens (or raises) the search tab
    void openTrace(const telemetry::SpanBatch& spans, const signalstore::TraceSummary& summary);
    void compare(const telemetry::SpanBatch& baseline, const signalstore::TraceSummary& baselineSummary,
                 const telemetry::SpanBatch& other, const signalstore::TraceSummary& otherSummary);
    // Routes the view's links to the handlers (once per view).
    void connectLinks(ui::TraceView* view);
    void closeTabs(); // the search, trace and compare tabs it opened

private:
    ui::MainWindow* m_window;
    QList<QPointer<traces::TraceSearchSource>> m_sources;
    QPointer<ui::TraceSearchView> m_view;
    LogsHandler m_logs;
    MetricsHandler m_metrics;
    quint64 m_compareGeneration = 0;
};

} // namespace wf::app
