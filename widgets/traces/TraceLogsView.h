#pragma once

// The log records of one trace (from a span's "Logs of this trace"): a read-only list, newest first,
// over a LogListModel the caller fills from its log source.

#include "signalstore/SignalQueries.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace wf::items {
class LogListModel;
}

namespace wf::ui {

class TraceLogsView : public QWidget
{
    Q_OBJECT
public:
    explicit TraceLogsView(QWidget* parent = nullptr);

    void setRows(const QString& traceIdHex, std::vector<signalstore::LogRow> rows);
    void setError(const QString& message);
    QTableView* table() const { return m_table; }
    items::LogListModel* model() const { return m_model; }
    QString statusText() const;

private:
    QLabel* m_status;
    QTableView* m_table;
    items::LogListModel* m_model;
};

} // namespace wf::ui
