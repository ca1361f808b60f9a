#pragma once

// Trace search over any TraceSearchSource (local store, Jaeger, Tempo): a form (service, operation,
// tags key=value, min/max duration, errors only, time range), the results as a scatter of duration
// over time above a list. Enter or a double-click on a row or dot opens the trace; "Compare with…"
// (Ctrl+D) on two selected rows, or on one row and then another, asks for a comparison. Searches and
// fetches run in the source (never on this thread); a result older than the newest request is dropped.

#include "signalstore/SignalQueries.h"
#include "telemetry/Span.h"
#include "traces/TraceSearch.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace wf::items {
class TraceListModel;
}
namespace wf::traces {
class TraceSearchSource;
}

namespace wf::ui {

class TraceScatter;

class TraceSearchView : public QWidget
{
    Q_OBJECT
public:
    enum TimeRange { Last15Minutes = 0, LastHour, Last6Hours, LastDay, AnyTime };

    explicit TraceSearchView(QWidget* parent = nullptr);

    void addSource(traces::TraceSearchSource* source); // not owned; removed when destroyed
    traces::TraceSearchSource* currentSource() const;

    // The form as a query; false with *error set when a field does not parse.
    bool buildQuery(traces::TraceSearchQuery* query, QString* error) const;
    void search();                                   // as the Search button does
    void openTrace(int row);                         // as Enter on a row does
    void compareRows(int baselineRow, int otherRow); // as "Compare with…" does

    QComboBox* serviceField() const { return m_service; }
    QComboBox* operationField() const { return m_operation; }
    QLineEdit* tagsField() const { return m_tags; }
    QLineEdit* minDurationField() const { return m_minDuration; }
    QLineEdit* maxDurationField() const { return m_maxDuration; }
    QCheckBox* errorsOnlyBox() const { return m_errorsOnly; }
    QComboBox* timeRangeBox() const { return m_range; }
    TraceScatter* scatter() const { return m_scatter; }
    QTableView* table() const { return m_table; }
    items::TraceListModel* model() const { return m_model; }
    QAction* compareAction() const { return m_compare; }
    QString statusText() const;

Q_SIGNALS:
    void searchFinished(int count, const QString& error);
    void traceOpened(const wf::telemetry::SpanBatch& spans, const wf::signalstore::TraceSummary& summary);
    void compareRequested(const wf::telemetry::SpanBatch& baseline,
                          const wf::signalstore::TraceSummary& baselineSummary,
                          const wf::telemetry::SpanBatch& other,
                          const wf::signalstore::TraceSummary& otherSummary);
    void fetchFailed(const QString& message);

private:
    void showResult(const traces::TraceSearchResult& result);
    void loadNames();
    void fetch(int row, std::function<void(const telemetry::SpanBatch&)> then);
    void compareSelected();
    void setStatus(const QString& text, bool error = false);
    int rowOf(const telemetry::TraceId& id) const;

    QComboBox* m_source;
    QComboBox* m_service;
    QComboBox* m_operation;
    QLineEdit* m_tags;
    QLineEdit* m_minDuration;
    QLineEdit* m_maxDuration;
    QCheckBox* m_errorsOnly;
    QComboBox* m_range;
    QPushButton* m_searchButton;
    QLabel* m_status;
    TraceScatter* m_scatter;
    QTableView* m_table;
    items::TraceListModel* m_model;
    QAction* m_compare;
    QList<QPointer<traces::TraceSearchSource>> m_sources;
    QHash<telemetry::TraceId, telemetry::SpanBatch> m_cached; // spans the source already sent
    quint64 m_generation = 0;
    int m_pendingBaseline = -1; // "Compare with…" on one row: the next opened row is compared to it
    QPointer<traces::TraceSearchSource> m_resultSource;
};

} // namespace wf::ui
