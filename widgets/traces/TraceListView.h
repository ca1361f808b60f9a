#pragma once

#include "signalstore/SignalQueries.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QTableView;

namespace wf::items {
class TraceListModel;
}
namespace wf::live {
class LiveTraceFeed;
}

namespace wf::ui {

// Recent traces, newest on top: start, root service and operation, duration, span count, and the
// error count marked in the theme's critical colour. "Errors only" narrows it to failing traces.
class TraceListView : public QWidget
{
    Q_OBJECT
public:
    TraceListView(items::TraceListModel* model, live::LiveTraceFeed* feed, QWidget* parent = nullptr);
    QTableView* table() const { return m_table; }
    QAction* pinAction() const { return m_pin; }
    QAction* searchAction() const { return m_search; }

Q_SIGNALS:
    // The selected trace, to be pinned (with its spans) to the active incident as evidence.
    void pinRequested(const wf::signalstore::TraceSummary& trace);
    // Double-click or Enter on a row: the caller opens the trace's waterfall.
    void openRequested(const wf::signalstore::TraceSummary& trace);
    // "Search traces…": the caller opens the trace search.
    void searchRequested();

private:
    items::TraceListModel* m_model;
    QCheckBox* m_errorsOnly;
    QLabel* m_status;
    QTableView* m_table;
    QAction* m_pin;
    QAction* m_search;
};

} // namespace wf::ui
