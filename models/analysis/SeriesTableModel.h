#pragma once
// A table panel's rows: one per series, a column per label key (in order of first appearance) and
// one per value column (a reduction of the series with its own unit). Sorting happens in a proxy on
// SortRole, which holds raw numbers, so "2 KiB" sorts below "1 MiB".

#include "analysis/SeriesStats.h"
#include "analysis/Thresholds.h"
#include "analysis/UnitFormat.h"
#include "signalstore/SignalQueries.h"

#include <QAbstractTableModel>

#include <vector>

namespace wf::analysis {

class SeriesTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, // label text, or the raw number (NaN as -inf)
        ThresholdColourRole,         // the threshold step's colour name for value cells
    };
    struct ValueColumn
    {
        QString title;
        Reducer reducer = Reducer::Last;
        QString unitId;
        int decimals = kAutoDecimals;
    };

    explicit SeriesTableModel(QObject* parent = nullptr);

    void setValueColumns(const QList<ValueColumn>& columns);
    void setThresholds(const Thresholds& thresholds);
    void setSeries(const std::vector<signalstore::SeriesSet>& series);

    int labelColumnCount() const { return int(m_labelKeys.size()); }
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QList<std::pair<QString, QString>> labels;
        SeriesStats stats;
    };
    QString labelValue(const Row& row, int column) const;

    QList<ValueColumn> m_columns;
    Thresholds m_thresholds;
    QStringList m_labelKeys;
    std::vector<Row> m_rows;
};

} // namespace wf::analysis
