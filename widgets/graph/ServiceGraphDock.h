#pragma once
// Everything of the service graph in one widget, ready to sit in a dock: a tool bar (search, errors
// only, hops around the selection, fit, blast radius), the graph view and the blast-radius panel.
// Feed it a ServiceGraph (for example from LiveServiceGraph::graph() on a worker) with setGraph().
#include "graph/ServiceGraph.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QSpinBox;
class QLabel;
class QPushButton;

namespace wf::ui {

class ServiceGraphView;
class BlastRadiusPanel;

class ServiceGraphDock : public QWidget
{
    Q_OBJECT
public:
    explicit ServiceGraphDock(QWidget* parent = nullptr);

    void setGraph(graph::ServiceGraph graph);
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

Q_SIGNALS:
    void pinRequested();

private:
    ServiceGraphView* m_view;
    BlastRadiusPanel* m_panel;
    QLineEdit* m_search;
    QCheckBox* m_errorsOnly;
    QSpinBox* m_hops;
    QLabel* m_status;
    QPushButton* m_pin;
};

} // namespace wf::ui
