#include "docks/SourcesDock.h"

#include "common/EmptyState.h"
#include "docks/SourceListDelegate.h"

#include <QAction>
#include <QListView>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace wf::ui {

SourcesDock::SourcesDock(QWidget* parent)
    : PanelDock(
          QStringLiteral("sourcesDock"), tr("Sources"),
          new EmptyState(
              tr("No data sources"),
              tr("Add Prometheus, Alertmanager, Loki, Jaeger or Tempo, or start Watchfloor with --demo."),
              tr("Each source's health also shows in the status bar at the bottom of the window.")),
          parent)
{
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto* bar = new QToolBar(content);
    bar->setObjectName(QStringLiteral("sourcesToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_add = bar->addAction(tr("Add…"));
    m_add->setObjectName(QStringLiteral("addSourceAction"));
    m_add->setToolTip(tr("Add a data source to this workspace"));
    m_edit = bar->addAction(tr("Edit…"));
    m_edit->setObjectName(QStringLiteral("editSourceAction"));
    m_edit->setToolTip(tr("Change the selected data source (double-click does the same)"));
    m_remove = bar->addAction(tr("Remove"));
    m_remove->setObjectName(QStringLiteral("removeSourceAction"));
    m_remove->setToolTip(tr("Remove the selected data source from this workspace"));
    m_remove->setShortcut(QKeySequence::Delete);
    m_remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_check = bar->addAction(tr("Check"));
    m_check->setObjectName(QStringLiteral("checkSourcesAction"));
    m_check->setToolTip(tr("Probe every data source now instead of waiting for the next check"));
    layout->addWidget(bar);

    m_list = new QListView(content);
    m_list->setObjectName(QStringLiteral("sourcesList"));
    m_list->setItemDelegate(new SourceListDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->addAction(m_remove);

    m_stack = new QStackedWidget(content);
    m_stack->addWidget(emptyState());
    m_stack->addWidget(m_list);
    layout->addWidget(m_stack, 1);
    setWidget(content);

    connect(m_add, &QAction::triggered, this, &SourcesDock::addRequested);
    connect(m_edit, &QAction::triggered, this, [this] {
        if (const QString name = selectedSource(); !name.isEmpty())
            Q_EMIT editRequested(name);
    });
    connect(m_remove, &QAction::triggered, this, [this] {
        if (const QString name = selectedSource(); !name.isEmpty())
            Q_EMIT removeRequested(name);
    });
    connect(m_check, &QAction::triggered, this, &SourcesDock::checkNowRequested);
    connect(m_list, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
        if (m_editable && index.isValid())
            Q_EMIT editRequested(index.data(Qt::DisplayRole).toString());
    });
    updateState();
}

void SourcesDock::setModel(QAbstractItemModel* model)
{
    m_model = model;
    m_list->setModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &SourcesDock::updateState);
        connect(model, &QAbstractItemModel::rowsInserted, this, &SourcesDock::updateState);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &SourcesDock::updateState);
        connect(m_list->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &SourcesDock::updateState);
    }
    updateState();
}

void SourcesDock::setEditable(bool editable)
{
    m_editable = editable;
    updateState();
}

QString SourcesDock::selectedSource() const
{
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid() || !m_list->selectionModel() || !m_list->selectionModel()->isSelected(index))
        return {};
    return index.data(Qt::DisplayRole).toString();
}

void SourcesDock::updateState()
{
    const bool any = m_model && m_model->rowCount() > 0;
    m_stack->setCurrentIndex(any ? 1 : 0);
    const bool selected = !selectedSource().isEmpty();
    m_add->setEnabled(m_editable);
    m_edit->setEnabled(m_editable && selected);
    m_remove->setEnabled(m_editable && selected);
    m_check->setEnabled(any);
    emptyState()->setHint(
        m_editable ? tr("Each source's health also shows in the status bar at the bottom of the window.")
                   : tr("This workspace is open read-only, so sources cannot be added here."));
}

} // namespace wf::ui
