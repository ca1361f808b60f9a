#include "ServiceGraphDock.h"

#include "BlastRadiusPanel.h"
#include "GraphTimeBar.h"
#include "ServiceGraphView.h"
#include "graph/BlastRadius.h"
#include "graph/SymptomRanking.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {

ServiceGraphDock::ServiceGraphDock(QWidget* parent)
    : QWidget(parent)
    , m_view(new ServiceGraphView(this))
    , m_panel(new BlastRadiusPanel(this))
    , m_search(new QLineEdit(this))
    , m_errorsOnly(new QCheckBox(tr("Errors only"), this))
    , m_hops(new QSpinBox(this))
    , m_status(new QLabel(this))
    , m_pin(new QPushButton(tr("Pin blast radius"), this))
    , m_groupByBox(new QComboBox(this))
    , m_groups(new QToolButton(this))
    , m_timeBar(new GraphTimeBar(this))
{
    m_groupByBox->addItem(tr("No groups"), int(graph::GroupBy::None));
    m_groupByBox->addItem(tr("By region"), int(graph::GroupBy::Region));
    m_groupByBox->addItem(tr("By cluster"), int(graph::GroupBy::Cluster));
    m_groupByBox->addItem(tr("By namespace"), int(graph::GroupBy::Namespace));
    m_groupByBox->setToolTip(tr("Group nodes by region, cluster or namespace; double-click a node to "
                                "collapse its group into one node, or a group to expand it"));
    m_groups->setText(tr("Groups"));
    m_groups->setObjectName(QStringLiteral("graphGroups"));
    m_groups->setPopupMode(QToolButton::InstantPopup);
    m_groups->setToolTip(tr("Collapse or expand each group"));
    m_groups->setMenu(new QMenu(m_groups));
    connect(m_groups->menu(), &QMenu::aboutToShow, this, &ServiceGraphDock::fillGroupsMenu);
    {
        const QSettings settings;
        m_groupBy = graph::groupByFromName(settings.value(QStringLiteral("serviceGraph/groupBy")).toString());
        const QStringList collapsed = settings.value(QStringLiteral("serviceGraph/collapsed")).toStringList();
        m_collapsed = QSet<QString>(collapsed.cbegin(), collapsed.cend());
        m_groupByBox->setCurrentIndex(m_groupByBox->findData(int(m_groupBy)));
        m_groups->setEnabled(m_groupBy != graph::GroupBy::None);
    }
    m_pin->setObjectName(QStringLiteral("pinBlastRadius"));
    m_pin->setEnabled(false);
    m_pin->setToolTip(tr("Declare an incident first: the blast radius is pinned to the active incident"));
    m_search->setPlaceholderText(tr("Find a node (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_hops->setRange(0, 9);
    m_hops->setSpecialValueText(tr("All hops"));
    m_hops->setSuffix(tr(" hops"));
    m_hops->setToolTip(tr("Only nodes within this many calls of the selected node"));
    m_errorsOnly->setToolTip(tr("Only nodes with errors or breaching their baseline"));
    m_status->setTextFormat(Qt::PlainText);
    auto* fit = new QPushButton(tr("Fit"), this);
    fit->setToolTip(tr("Fit the whole graph in view (F)"));
    auto* blast = new QPushButton(tr("Blast radius"), this);
    blast->setToolTip(tr("Blast radius of the selected node, or of the nodes breaching their baseline (B)"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_errorsOnly);
    bar->addWidget(m_hops);
    bar->addWidget(m_groupByBox);
    bar->addWidget(m_groups);
    bar->addWidget(fit);
    bar->addWidget(blast);
    bar->addWidget(m_pin);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_panel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    // Proportions: at 1600 px the panel gets ~450 px, enough for its name and number columns side by
    // side; its long evidence lines elide rather than squeeze the graph.
    split->setSizes({5000, 2000});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_timeBar);
    layout->addWidget(m_status);
    connect(m_groupByBox, &QComboBox::activated, this,
            [this] { setGroupBy(graph::GroupBy(m_groupByBox->currentData().toInt())); });
    connect(m_view, &ServiceGraphView::nodeDoubleClicked, this, &ServiceGraphDock::toggleGroupOf);

    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (!m_view->findNode(m_search->text()))
            m_status->setText(tr("No node matches “%1”").arg(m_search->text()));
    });
    connect(m_errorsOnly, &QCheckBox::toggled, m_view, &ServiceGraphView::setErrorsOnly);
    connect(m_hops, &QSpinBox::valueChanged, m_view, &ServiceGraphView::setHopFilter);
    connect(fit, &QPushButton::clicked, m_view, &ServiceGraphView::fitAll);
    connect(blast, &QPushButton::clicked, this, &ServiceGraphDock::showBlastRadius);
    connect(m_pin, &QPushButton::clicked, this, &ServiceGraphDock::pinRequested);
    connect(new QShortcut(QKeySequence::Find, this), &QShortcut::activated, m_search,
            qOverload<>(&QWidget::setFocus));
    connect(new QShortcut(QKeySequence(Qt::Key_B), this), &QShortcut::activated, this,
            &ServiceGraphDock::showBlastRadius);
    connect(m_view, &ServiceGraphView::nodeActivated, this, [this] {
        if (m_hops->value() > 0)
            m_view->setHopFilter(m_hops->value());
    });
    connect(m_view, &ServiceGraphView::layoutApplied, this, [this] {
        const graph::LayoutResult& l = m_view->lastLayout();
        m_status->setText(tr("%1 nodes, %2 edges · layout %3 in %4 ms")
                              .arg(m_view->graph().nodeCount())
                              .arg(m_view->graph().edgeCount())
                              .arg(graph::layoutEngineName(l.engine))
                              .arg(qRound(l.milliseconds)));
    });
}

void ServiceGraphDock::setPinAvailable(bool available, const QString& why)
{
    m_pin->setEnabled(available);
    m_pin->setToolTip(why);
}

void ServiceGraphDock::setGraph(graph::ServiceGraph g)
{
    m_full = std::move(g);
    regroup();
}

void ServiceGraphDock::regroup()
{
    graph::GroupedGraph grouped = graph::collapseGroups(m_full, m_groupBy, m_collapsed);
    m_displayed = std::move(grouped.displayed);
    m_view->setGraph(std::move(grouped.graph));
    m_panel->clear();
}

QString ServiceGraphDock::displayedKey(const QString& fullKey) const
{
    const int n = m_full.findNode(fullKey);
    if (n < 0 || size_t(n) >= m_displayed.size())
        return {};
    return m_view->graph().node(m_displayed[size_t(n)]).key();
}

void ServiceGraphDock::setGroupBy(graph::GroupBy by)
{
    m_groupByBox->setCurrentIndex(m_groupByBox->findData(int(by)));
    m_groups->setEnabled(by != graph::GroupBy::None);
    if (by == m_groupBy)
        return;
    m_groupBy = by;
    saveGrouping();
    regroup();
    Q_EMIT groupingChanged();
}

void ServiceGraphDock::setGroupCollapsed(const QString& groupKey, bool collapsed)
{
    if (groupKey.isEmpty() || collapsed == m_collapsed.contains(groupKey))
        return;
    if (collapsed)
        m_collapsed.insert(groupKey);
    else
        m_collapsed.remove(groupKey);
    saveGrouping();
    regroup();
    Q_EMIT groupingChanged();
}

void ServiceGraphDock::toggleGroupOf(const QString& key)
{
    const graph::ServiceGraph& shown = m_view->graph();
    const int n = shown.findNode(key);
    if (n < 0)
        return;
    if (shown.node(n).members > 0) {
        setGroupCollapsed(key, false);
        return;
    }
    const QString group = graph::groupKeyOf(shown.node(n), m_groupBy);
    if (group.isEmpty()) {
        m_status->setText(m_groupBy == graph::GroupBy::None
                              ? tr("Choose how to group nodes first (region, cluster or namespace)")
                              : tr("%1 belongs to no group").arg(key));
        return;
    }
    setGroupCollapsed(group, true);
}

void ServiceGraphDock::fillGroupsMenu()
{
    QMenu* menu = m_groups->menu();
    menu->clear();
    const QStringList keys = graph::groupKeys(m_full, m_groupBy);
    if (keys.isEmpty())
        menu->addAction(tr("No groups in this graph"))->setEnabled(false);
    for (const QString& k : keys) {
        QAction* a = menu->addAction(k);
        a->setCheckable(true);
        a->setChecked(m_collapsed.contains(k));
        a->setToolTip(tr("Checked: shown as one node"));
        connect(a, &QAction::toggled, this, [this, k](bool on) { setGroupCollapsed(k, on); });
    }
}

void ServiceGraphDock::saveGrouping() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("serviceGraph/groupBy"), graph::groupByName(m_groupBy));
    QStringList collapsed(m_collapsed.cbegin(), m_collapsed.cend());
    collapsed.sort();
    settings.setValue(QStringLiteral("serviceGraph/collapsed"), collapsed);
}

void ServiceGraphDock::showBlastRadiusOf(const QStringList& failingKeys)
{
    const graph::ServiceGraph& g = m_view->graph();
    std::vector<int> failing;
    for (const QString& k : failingKeys) {
        if (const int n = g.findNode(k); n >= 0)
            failing.push_back(n);
    }
    const graph::BlastRadius r = graph::computeBlastRadius(g, failing);
    m_view->setBlastRadius(r);
    m_panel->setBlastRadius(g, r);
}

void ServiceGraphDock::showBlastRadius()
{
    const graph::ServiceGraph& g = m_view->graph();
    const QString selected = m_view->selectedNode();
    QStringList keys;
    if (!selected.isEmpty()) {
        keys << selected;
    } else {
        for (int n : graph::pickFailingNodes(g))
            keys << g.node(n).key();
    }
    showBlastRadiusOf(keys);
    if (!selected.isEmpty())
        showSymptom(selected);
}

void ServiceGraphDock::showSymptom(const QString& key)
{
    const graph::ServiceGraph& g = m_view->graph();
    const int symptom = g.findNode(key);
    m_panel->setRanking(g, symptom, graph::rankSymptomCauses(g, symptom));
}

} // namespace wf::ui
