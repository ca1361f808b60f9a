#pragma once
// Everything of the service graph in one widget, ready to sit in a dock: a tool bar (search, errors
// only, hops around the selection, fit, blast radius), the graph view and the blast-radius panel.
// Feed it a ServiceGraph (for example from LiveServiceGraph::graph() on a worker) with setGraph().
// Groups (by region, cluster or namespace) collapse to one node each: double-click a node, or pick
// them in the Groups menu; the choice is remembered (QSettings) across refreshes and sessions. The time
// bar below the graph says which moment it shows (live, or a replay position).
#include "graph/GraphGrouping.h"
#include "graph/ServiceGraph.h"

#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QToolButton;
class QLineEdit;
class QSpinBox;
class QLabel;
class QPushButton;

namespace wf::ui {

class ServiceGraphView;
class BlastRadiusPanel;
class GraphTimeBar;

class ServiceGraphDock : public QWidget
{
    Q_OBJECT
public:
    explicit ServiceGraphDock(QWidget* parent = nullptr);

    // Shows `graph` with the collapsed groups folded; view()->graph() is what is shown.
    void setGraph(graph::ServiceGraph graph);
    const graph::ServiceGraph& fullGraph() const { return m_full; }
    // The key a node of the full graph has on screen: its own, or its collapsed group's.
    QString displayedKey(const QString& fullKey) const;

    void setGroupBy(graph::GroupBy by);
    graph::GroupBy groupBy() const { return m_groupBy; }
    void setGroupCollapsed(const QString& groupKey, bool collapsed);
    bool isGroupCollapsed(const QString& groupKey) const { return m_collapsed.contains(groupKey); }
    // Double-click: collapses the node's group, or expands the group the node stands for.
    void toggleGroupOf(const QString& displayedKey);
    // The blast radius of the selected node, or of the nodes breaching their baseline when none is
    // selected; plus the ranked causes for the selected node as a symptom.
    void showBlastRadius();
    void showBlastRadiusOf(const QStringList& failingKeys);
    void showSymptom(const QString& key);

    // "Pin blast radius": enabled only where there is an incident to pin to; `why` explains either way.
    void setPinAvailable(bool available, const QString& why);
    QPushButton* pinButton() const { return m_pin; }

    ServiceGraphView* view() const { return m_view; }
    BlastRadiusPanel* panel() const { return m_panel; }
    GraphTimeBar* timeBar() const { return m_timeBar; }

Q_SIGNALS:
    void pinRequested();
    // Grouping changed: the same graph is shown again (the owner may re-apply its blast radius).
    void groupingChanged();

private:
    void regroup();
    void saveGrouping() const;
    void fillGroupsMenu();

    ServiceGraphView* m_view;
    BlastRadiusPanel* m_panel;
    QLineEdit* m_search;
    QCheckBox* m_errorsOnly;
    QSpinBox* m_hops;
    QLabel* m_status;
    QPushButton* m_pin;
    QComboBox* m_groupByBox;
    QToolButton* m_groups;
    GraphTimeBar* m_timeBar;
    graph::ServiceGraph m_full;
    std::vector<int> m_displayed; // per node of m_full: its node in the view's graph
    graph::GroupBy m_groupBy = graph::GroupBy::None;
    QSet<QString> m_collapsed;
};

} // namespace wf::ui
