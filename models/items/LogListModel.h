#pragma once

#include "items/NewestFirst.h"
#include "signalstore/SignalQueries.h"

#include <vector>

namespace wf::items {

// Coarse OTLP severity, for colouring and filtering: SeverityNumber 1-4 Trace ... 21-24 Fatal.
enum class LogLevel { Unspecified = 0, Trace, Debug, Info, Warn, Error, Fatal };
LogLevel logLevelOf(int severityNumber);
QString logLevelName(LogLevel level); // "TRACE", "ERROR": log vocabulary, not translated

// The live log list: newest record on top. Holds whatever the last query returned; refreshes that
// only add records on top insert rows instead of resetting, so the view keeps selection and scroll.
// Colours are the view's business (models are QtCore only): LevelRole says what to colour.
class LogListModel : public NewestFirstTableModel<signalstore::LogRow>
{
    Q_OBJECT
public:
    enum Column { TimeColumn = 0, LevelColumn, ServiceColumn, BodyColumn, ColumnCount };
    enum Role {
        LevelRole = Qt::UserRole + 1, // int, LogLevel
        TimeNsRole,                   // qint64, Unix ns
        TraceIdRole,                  // QString hex; empty without a trace
        RowIdRole,                    // qint64, the store's row id
    };

    using NewestFirstTableModel::NewestFirstTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // rows newest first, as SignalStore::queryLogs returns them.
    void setRows(std::vector<signalstore::LogRow> rows);
    void clear();
    const signalstore::LogRow& row(int index) const { return m_rows[size_t(index)]; }

private:
};

} // namespace wf::items
