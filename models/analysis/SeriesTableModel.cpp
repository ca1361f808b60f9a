#include "analysis/SeriesTableModel.h"

#include <cmath>
#include <limits>

namespace wf::analysis {

SeriesTableModel::SeriesTableModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_columns{{tr("Value"), Reducer::Last, QString(), kAutoDecimals}}
{}

void SeriesTableModel::setValueColumns(const QList<ValueColumn>& columns)
{
    beginResetModel();
    m_columns = columns;
    endResetModel();
}

void SeriesTableModel::setThresholds(const Thresholds& thresholds)
{
    m_thresholds = thresholds.normalised();
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {ThresholdColourRole});
}

void SeriesTableModel::setSeries(const std::vector<signalstore::SeriesSet>& series)
{
    beginResetModel();
    m_rows.clear();
    m_labelKeys.clear();
    for (const signalstore::SeriesSet& s : series) {
        for (const auto& [key, value] : s.labels) {
            if (!m_labelKeys.contains(key))
                m_labelKeys << key;
        }
        m_rows.push_back({s.labels, seriesStats(s)});
    }
    endResetModel();
}

int SeriesTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SeriesTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_labelKeys.size() + m_columns.size());
}

QString SeriesTableModel::labelValue(const Row& row, int column) const
{
    const QString& key = m_labelKeys[column];
    for (const auto& [k, v] : row.labels) {
        if (k == key)
            return v;
    }
    return {};
}

QVariant SeriesTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[size_t(index.row())];
    const int column = index.column();
    if (column < m_labelKeys.size()) {
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return labelValue(row, column);
        return {};
    }
    const ValueColumn& vc = m_columns[column - m_labelKeys.size()];
    const double v = reduce(row.stats, vc.reducer);
    switch (role) {
    case Qt::DisplayRole:
        return formatValueText(v, vc.unitId, vc.decimals);
    case Qt::ToolTipRole:
        return formatValueText(v, vc.unitId, std::isfinite(v) ? 6 : kAutoDecimals);
    case SortRole:
        return std::isnan(v) ? -std::numeric_limits<double>::infinity() : v;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case ThresholdColourRole: {
        const int step = m_thresholds.stepIndexFor(v);
        return step >= 0 ? QVariant(m_thresholds.steps[step].colour) : QVariant();
    }
    default:
        return {};
    }
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < m_labelKeys.size())
        return m_labelKeys[section];
    return m_columns[section - m_labelKeys.size()].title;
}

} // namespace wf::analysis
