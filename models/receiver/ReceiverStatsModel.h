#pragma once

#include "ReceiverStats.h"

#include <QAbstractTableModel>

namespace wf::receiver {

// The receiver's counters as a two-column table (counter, value) for the UI. It holds a snapshot and
// does not poll: the owner calls setSnapshot() from a timer on the UI thread (OtlpReceiver::stats()
// is cheap). Rows are only reset when the set of rows changes (a new service); otherwise values
// change in place, so views keep their selection and scroll position.
class ReceiverStatsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn = 0, ValueColumn = 1, ColumnCount = 2 };
    enum class Kind { Signal = 0, Traffic = 1, Rejection = 2, Service = 3 };
    enum Role {
        KindRole = Qt::UserRole + 1,    // int, Kind; lets a proxy group or filter rows
        RawValueRole = Qt::UserRole + 2 // qint64
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setSnapshot(const ReceiverStatsSnapshot& snapshot);
    const ReceiverStatsSnapshot& snapshot() const { return m_snapshot; }

private:
    struct Row
    {
        Kind kind;
        QString name;
        qint64 value;
    };
    static QList<Row> rowsOf(const ReceiverStatsSnapshot& s);

    ReceiverStatsSnapshot m_snapshot;
    QList<Row> m_rows = rowsOf({});
};

} // namespace wf::receiver
