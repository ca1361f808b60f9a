#include "ReceiverStatsModel.h"

#include <QCoreApplication>

namespace wf::receiver {

QList<ReceiverStatsModel::Row> ReceiverStatsModel::rowsOf(const ReceiverStatsSnapshot& s)
{
    QList<Row> rows;
    for (const Signal sig : {Signal::Traces, Signal::Logs, Signal::Metrics}) {
        const SignalStats& st = s.of(sig);
        const QString name = signalName(sig);
        rows.append({Kind::Signal,
                     QCoreApplication::translate("OtlpReceiver", "%1: requests accepted").arg(name),
                     st.requests});
        rows.append({Kind::Signal,
                     QCoreApplication::translate("OtlpReceiver", "%1: items accepted").arg(name),
                     st.acceptedItems});
        rows.append({Kind::Signal,
                     QCoreApplication::translate("OtlpReceiver", "%1: items rejected").arg(name),
                     st.rejectedItems});
    }
    rows.append({Kind::Traffic, QCoreApplication::translate("OtlpReceiver", "Bytes received"), s.wireBytes});
    rows.append({Kind::Traffic, QCoreApplication::translate("OtlpReceiver", "Bytes after decompression"),
                 s.decodedBytes});
    rows.append({Kind::Traffic, QCoreApplication::translate("OtlpReceiver", "Connections accepted"),
                 s.connectionsAccepted});
    rows.append(
        {Kind::Traffic, QCoreApplication::translate("OtlpReceiver", "Open connections"), s.openConnections});
    rows.append(
        {Kind::Traffic, QCoreApplication::translate("OtlpReceiver", "Requests being decoded"), s.inFlight});
    rows.append({Kind::Traffic, QCoreApplication::translate("OtlpReceiver", "Requests waiting"), s.queued});
    for (int r = 0; r < kRejectReasonCount; ++r) {
        const auto reason = RejectReason(r);
        rows.append(
            {Kind::Rejection,
             QCoreApplication::translate("OtlpReceiver", "Rejected: %1").arg(rejectReasonName(reason)),
             s.rejectedFor(reason)});
    }
    for (const auto& [service, count] : s.itemsPerService) {
        const QString label =
            service.isEmpty() ? QCoreApplication::translate("OtlpReceiver", "(other services)") : service;
        rows.append(
            {Kind::Service, QCoreApplication::translate("OtlpReceiver", "Service: %1").arg(label), count});
    }
    return rows;
}

int ReceiverStatsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReceiverStatsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReceiverStatsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? QVariant(row.name) : QVariant(row.value);
    case Qt::TextAlignmentRole:
        if (index.column() == ValueColumn)
            return QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case KindRole:
        return int(row.kind);
    case RawValueRole:
        return row.value;
    default:
        return {};
    }
}

QVariant ReceiverStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == NameColumn)
        return QCoreApplication::translate("OtlpReceiver", "Counter");
    if (section == ValueColumn)
        return QCoreApplication::translate("OtlpReceiver", "Value");
    return {};
}

void ReceiverStatsModel::setSnapshot(const ReceiverStatsSnapshot& snapshot)
{
    QList<Row> rows = rowsOf(snapshot);
    m_snapshot = snapshot;
    bool sameShape = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameShape && i < rows.size(); ++i)
        sameShape = rows[i].name == m_rows[i].name;
    if (!sameShape) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    int first = -1;
    int last = -1;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i].value != m_rows[i].value) {
            if (first < 0)
                first = int(i);
            last = int(i);
        }
    }
    m_rows = std::move(rows);
    if (first >= 0)
        Q_EMIT dataChanged(index(first, ValueColumn), index(last, ValueColumn));
}

} // namespace wf::receiver
