#pragma once

// Two traces side by side as a list of differences (TraceCompare): spans matched by their
// service+operation path, with added spans (only in the investigated trace), missing ones (only in
// the baseline) and slower ones marked, durations and self times of both, and the deltas. Rows are
// sorted as compareTraces orders them: added and missing first, then the largest slowdowns.
// Telemetry text is shown as plain text.

#include "signalstore/SignalQueries.h"
#include "traces/TraceCompare.h"

#include <QWidget>

#include <memory>

class QLabel;
class QTableWidget;

namespace wf::ui {

class TraceCompareView : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        ChangeColumn = 0,
        PathColumn,
        DurationAColumn,
        DurationBColumn,
        DeltaColumn,
        SelfAColumn,
        SelfBColumn,
        SelfDeltaColumn,
        ColumnCount
    };
    static constexpr int kMaxRows = 5000; // more differences are counted, not listed

    explicit TraceCompareView(QWidget* parent = nullptr);

    // `baseline` is the normal trace, `other` the one under investigation.
    void setTraces(std::shared_ptr<const traces::TraceTree> baseline,
                   const signalstore::TraceSummary& baselineSummary,
                   std::shared_ptr<const traces::TraceTree> other,
                   const signalstore::TraceSummary& otherSummary, const traces::CompareOptions& options = {});

    // The same with the comparison already made (compareTraces on a worker thread for large traces).
    void setResult(std::shared_ptr<const traces::TraceTree> baseline,
                   const signalstore::TraceSummary& baselineSummary,
                   std::shared_ptr<const traces::TraceTree> other,
                   const signalstore::TraceSummary& otherSummary, traces::TraceComparison comparison);

    const traces::TraceComparison& comparison() const { return m_comparison; }
    QTableWidget* table() const { return m_table; }
    QString summaryText() const;

private:
    QLabel* m_summary;
    QTableWidget* m_table;
    traces::TraceComparison m_comparison;
    std::shared_ptr<const traces::TraceTree> m_a;
    std::shared_ptr<const traces::TraceTree> m_b;
};

} // namespace wf::ui
