#pragma once

// A whole trace on screen: a problems line (missing parents, cycles, skew), the waterfall, a find bar
// (Ctrl+F; Enter/F3 next, Shift+Enter previous, Esc closes), the selected span's details as plain
// text, and "self time by service", the table that answers which service slowed the request down.
//
// Entry points for the main window: setBatch() for spans already in memory (a TraceListView row,
// the local store), openFile() for Jaeger/OTLP JSON files (read and built on the thread pool).

#include "telemetry/Span.h"
#include "traces/TraceTree.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QToolButton;

namespace wf::ui {

class TraceWaterfall;

class TraceView : public QWidget
{
    Q_OBJECT
public:
    explicit TraceView(QWidget* parent = nullptr);

    // Builds the tree synchronously (about 0.1 s for 100,000 spans); use setTree with a tree built
    // elsewhere to keep the UI thread free for larger ones.
    void setBatch(const telemetry::SpanBatch& spans);
    void setTree(std::shared_ptr<const traces::TraceTree> tree);
    // Reads, parses and builds on the thread pool; shows the first trace of the file, or the error.
    void openFile(const QString& path);

    TraceWaterfall* waterfall() const { return m_waterfall; }
    QString detailsText() const;
    QString problemsText() const;
    QString titleText() const;                // the summary line, or the error of openFile
    QString selfTimeServiceAt(int row) const; // "" past the end
    void showFindBar();
    // "Logs of this trace" (Ctrl+L) and "Metrics of this service" (Ctrl+M), for the selected span (the
    // main root when none is selected). Disabled without a trace.
    QAction* logsAction() const { return m_logsAction; }
    QAction* metricsAction() const { return m_metricsAction; }

Q_SIGNALS:
    void traceLoaded(); // after setTree, also when openFile finishes (successfully or not)
    // The caller shows the log records of the trace (the span id says which span asked).
    void logsRequested(const wf::telemetry::TraceId& traceId, const wf::telemetry::SpanId& spanId);
    // The caller shows the service's metrics around the span's time.
    void metricsRequested(const QString& service, qint64 startNs, qint64 endNs);

private:
    void showDetails(int node);
    void updateSummary();
    void updateFindStatus(int current, int count);
    int linkNode() const;

    TraceWaterfall* m_waterfall;
    QLabel* m_title;
    QLabel* m_problems;
    QWidget* m_findBar;
    QLineEdit* m_find;
    QLabel* m_findStatus;
    QPlainTextEdit* m_details;
    QTableWidget* m_selfTime;
    QAction* m_logsAction;
    QAction* m_metricsAction;
    std::shared_ptr<const traces::TraceTree> m_tree;
    quint64 m_generation = 0;
};

} // namespace wf::ui
