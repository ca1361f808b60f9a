#pragma once

#include "items/NewestFirst.h"
#include "signalstore/SignalQueries.h"

#include <vector>

namespace wf::items {

// "850 µs", "12.4 ms", "3.20 s": durations as people read them on a trace list.
QString formatDuration(qint64 ns);

// The recent-traces list: newest trace on top. A trace's summary grows while its spans arrive, so a
// refresh updates known rows in place and inserts new ones on top rather than resetting the view.
class TraceListModel : public NewestFirstTableModel<signalstore::TraceSummary>
{
    Q_OBJECT
public:
    enum Column {
        StartColumn = 0,
        ServiceColumn,
        OperationColumn,
        DurationColumn,
        SpansColumn,
        ErrorsColumn,
        ColumnCount
    };
    enum Role {
        HasErrorsRole = Qt::UserRole + 1, // bool: at least one span with status Error
        TraceIdRole,                      // QString hex
        DurationNsRole,                   // qint64
        StartNsRole,                      // qint64, Unix ns
    };

    using NewestFirstTableModel::NewestFirstTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // rows newest first, as SignalStore::queryTraces returns them.
    void setRows(std::vector<signalstore::TraceSummary> rows);
    const signalstore::TraceSummary& row(int index) const { return m_rows[size_t(index)]; }

private:
};

} // namespace wf::items
