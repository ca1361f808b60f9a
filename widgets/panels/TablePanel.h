#pragma once
// Grafana's table panel: one row per series, label columns and value columns with their own units,
// sortable by clicking a header (numbers sort by value, not by their text), value cells coloured by
// threshold.

#include "analysis/SeriesTableModel.h"

#include <QWidget>

class QSortFilterProxyModel;
class QTableView;

namespace wf::ui {

class TablePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TablePanel(QWidget* parent = nullptr);

    void setValueColumns(const QList<analysis::SeriesTableModel::ValueColumn>& columns);
    void setThresholds(const analysis::Thresholds& thresholds);
    void setSeries(const std::vector<signalstore::SeriesSet>& series);

    QTableView* view() const { return m_view; }
    QAbstractItemModel* displayModel() const; // what the view shows: sorted, with threshold colours
    analysis::SeriesTableModel* sourceModel() const { return m_model; }

private:
    analysis::SeriesTableModel* m_model;
    QSortFilterProxyModel* m_sorted;
    QAbstractItemModel* m_coloured;
    QTableView* m_view;
};

} // namespace wf::ui
