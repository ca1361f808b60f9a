#include "panels/TablePanel.h"

#include "charts/ChartOptions.h"

#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace wf::ui {

namespace {

// Threshold colour names from the model become text colours; tooltips stay plain text.
class ThresholdColourProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role == Qt::ForegroundRole) {
            const QVariant name =
                QIdentityProxyModel::data(index, analysis::SeriesTableModel::ThresholdColourRole);
            if (name.isValid())
                return thresholdColour(name.toString());
            return {};
        }
        if (role == Qt::ToolTipRole)
            return plainToolTip(QIdentityProxyModel::data(index, role).toString());
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

TablePanel::TablePanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new analysis::SeriesTableModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_coloured(new ThresholdColourProxy(this))
    , m_view(new QTableView(this))
{
    static_cast<ThresholdColourProxy*>(m_coloured)->setSourceModel(m_model);
    m_sorted->setSourceModel(m_coloured);
    m_sorted->setSortRole(analysis::SeriesTableModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // series order until the user picks a column
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void TablePanel::setValueColumns(const QList<analysis::SeriesTableModel::ValueColumn>& columns)
{
    m_model->setValueColumns(columns);
}

void TablePanel::setThresholds(const analysis::Thresholds& thresholds)
{
    m_model->setThresholds(thresholds);
}

void TablePanel::setSeries(const std::vector<signalstore::SeriesSet>& series)
{
    m_model->setSeries(series);
    m_view->resizeColumnsToContents();
}

QAbstractItemModel* TablePanel::displayModel() const
{
    return m_sorted;
}

} // namespace wf::ui
