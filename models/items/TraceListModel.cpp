#include "TraceListModel.h"

#include "NewestFirst.h"

#include <QCoreApplication>
#include <QDateTime>

namespace wf::items {

QString formatDuration(qint64 ns)
{
    const double v = double(ns);
    if (ns < 1'000)
        return QCoreApplication::translate("TraceListModel", "%1 ns").arg(ns);
    if (ns < 1'000'000)
        return QCoreApplication::translate("TraceListModel", "%1 µs").arg(v / 1e3, 0, 'f', v < 1e4 ? 1 : 0);
    if (ns < 1'000'000'000)
        return QCoreApplication::translate("TraceListModel", "%1 ms").arg(v / 1e6, 0, 'f', v < 1e7 ? 2 : 1);
    return QCoreApplication::translate("TraceListModel", "%1 s").arg(v / 1e9, 0, 'f', 2);
}

int TraceListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TraceListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const signalstore::TraceSummary& t = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StartColumn:
            return QDateTime::fromMSecsSinceEpoch(t.startNs / 1'000'000)
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        case ServiceColumn:
            return t.rootService;
        case OperationColumn:
            return t.rootName;
        case DurationColumn:
            return formatDuration(t.durationNs);
        case SpansColumn:
            return t.spanCount;
        case ErrorsColumn:
            return t.errorCount > 0 ? QVariant(t.errorCount) : QVariant(QString());
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= DurationColumn)
            return QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::ToolTipRole:
        return QCoreApplication::translate("TraceListModel", "Trace %1\nServices: %2\n%n span(s) with errors",
                                           nullptr, t.errorCount)
            .arg(t.traceId.toHex(), t.services.join(QStringLiteral(", ")));
    case HasErrorsRole:
        return t.errorCount > 0;
    case TraceIdRole:
        return t.traceId.toHex();
    case DurationNsRole:
        return t.durationNs;
    case StartNsRole:
        return t.startNs;
    default:
        return {};
    }
}

QVariant TraceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StartColumn:
        return QCoreApplication::translate("TraceListModel", "Start");
    case ServiceColumn:
        return QCoreApplication::translate("TraceListModel", "Service");
    case OperationColumn:
        return QCoreApplication::translate("TraceListModel", "Operation");
    case DurationColumn:
        return QCoreApplication::translate("TraceListModel", "Duration");
    case SpansColumn:
        return QCoreApplication::translate("TraceListModel", "Spans");
    case ErrorsColumn:
        return QCoreApplication::translate("TraceListModel", "Errors");
    }
    return {};
}

void TraceListModel::setRows(std::vector<signalstore::TraceSummary> rows)
{
    const qsizetype fresh =
        replaceNewestFirst(rows, [](const signalstore::TraceSummary& t) { return t.traceId; });
    if (fresh < 0)
        return;
    const qsizetype total = qsizetype(rows.size());
    const qsizetype kept = total - fresh;
    // Kept traces may have gained spans (and errors, and duration) since the last refresh.
    bool changed = false;
    for (qsizetype i = fresh; i < total; ++i) {
        auto& mine = m_rows[size_t(i)];
        auto& theirs = rows[size_t(i)];
        if (mine.spanCount != theirs.spanCount || mine.durationNs != theirs.durationNs ||
            mine.errorCount != theirs.errorCount || mine.rootName != theirs.rootName ||
            mine.rootService != theirs.rootService || mine.startNs != theirs.startNs) {
            mine = std::move(theirs);
            changed = true;
        }
    }
    if (changed && kept > 0)
        Q_EMIT dataChanged(index(int(fresh), 0), index(int(total) - 1, ColumnCount - 1));
}

} // namespace wf::items
