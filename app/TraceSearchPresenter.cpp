#include "TraceSearchPresenter.h"

#include "CentralTabs.h"
#include "dashboards/DashboardArea.h"
#include "mainwindow/MainWindow.h"
#include "traces/TraceCompareView.h"
#include "traces/TraceSearchSource.h"
#include "traces/TraceSearchView.h"
#include "waterfall/TraceView.h"
#include "waterfall/TraceWaterfall.h"

#include <QComboBox>
#include <QTabWidget>
#include <QThreadPool>

namespace wf::app {

namespace {
const QString kSearchTab = QStringLiteral("traceSearchTab");
const QString kTraceTab = QStringLiteral("traceSearchTraceTab");
const QString kCompareTab = QStringLiteral("traceCompareTab");
} // namespace

TraceSearchPresenter::TraceSearchPresenter(ui::MainWindow* window, QObject* parent)
    : QObject(parent)
    , m_window(window)
{}

TraceSearchPresenter::~TraceSearchPresenter()
{
    closeTabs();
}

void TraceSearchPresenter::closeTabs()
{
    for (const QString& name : {kSearchTab, kTraceTab, kCompareTab}) {
        for (QWidget* w : m_window->dashboards()->tabs()->findChildren<QWidget*>(name))
            m_window->dashboards()->removeDashboard(w);
    }
}

void TraceSearchPresenter::addSource(traces::TraceSearchSource* source)
{
    m_sources.removeAll(QPointer<traces::TraceSearchSource>());
    m_sources.append(source);
    if (m_view)
        m_view->addSource(source);
}

ui::TraceSearchView* TraceSearchPresenter::showSearch()
{
    ui::TraceSearchView* view = traceSearchTab(m_window, kSearchTab, tr("Trace search"),
                                               tr("Search traces by service, operation, tags, duration and "
                                                  "errors (Esc closes)"));
    if (view->property("wfWired").toBool())
        return view;
    view->setProperty("wfWired", true);
    m_view = view;
    for (const auto& source : m_sources) {
        if (source)
            view->addSource(source);
    }
    connect(view, &ui::TraceSearchView::traceOpened, this, &TraceSearchPresenter::openTrace);
    connect(view, &ui::TraceSearchView::compareRequested, this, &TraceSearchPresenter::compare);
    view->serviceField()->setFocus();
    return view;
}

void TraceSearchPresenter::openTrace(const telemetry::SpanBatch& spans,
                                     const signalstore::TraceSummary& summary)
{
    ui::TraceView* view = traceTab(m_window, kTraceTab, tr("Trace: %1").arg(summary.rootName),
                                   tr("%1 %2, trace %3 (Esc closes)")
                                       .arg(summary.rootService, summary.rootName, summary.traceId.toHex()));
    view->setBatch(spans);
    connectLinks(view);
    view->waterfall()->setFocus();
}

void TraceSearchPresenter::compare(const telemetry::SpanBatch& baseline, const signalstore::TraceSummary& a,
                                   const telemetry::SpanBatch& other, const signalstore::TraceSummary& b)
{
    const quint64 generation = ++m_compareGeneration;
    QPointer<TraceSearchPresenter> self(this);
    QThreadPool::globalInstance()->start([self, generation, baseline, other, a, b] {
        auto treeA = std::make_shared<const traces::TraceTree>(traces::TraceTree::build(baseline));
        auto treeB = std::make_shared<const traces::TraceTree>(traces::TraceTree::build(other));
        traces::TraceComparison comparison = traces::compareTraces(*treeA, *treeB);
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, generation, treeA, treeB, a, b, comparison] {
            if (!self || generation != self->m_compareGeneration)
                return;
            ui::TraceCompareView* view = traceCompareTab(
                self->m_window, kCompareTab, tr("Compare: %1").arg(b.rootName),
                tr("%1 against the baseline %2 (Esc closes)").arg(b.traceId.toHex(), a.traceId.toHex()));
            view->setResult(treeA, a, treeB, b, comparison);
        });
    });
}

void TraceSearchPresenter::connectLinks(ui::TraceView* view)
{
    if (view->property("wfLinks").toBool())
        return;
    view->setProperty("wfLinks", true);
    connect(view, &ui::TraceView::logsRequested, this,
            [this](const telemetry::TraceId& traceId, const telemetry::SpanId&) {
                if (m_logs)
                    m_logs(traceId);
            });
    connect(view, &ui::TraceView::metricsRequested, this,
            [this](const QString& service, qint64 startNs, qint64 endNs) {
                if (m_metrics)
                    m_metrics(service, startNs, endNs);
            });
    // Only the handlers there are can be offered.
    view->logsAction()->setVisible(bool(m_logs));
    view->metricsAction()->setVisible(bool(m_metrics));
}

} // namespace wf::app
