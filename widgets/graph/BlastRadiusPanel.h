#pragma once
// The side panel of the service graph: the blast radius verdict and its numbers (failing nodes,
// affected dependents with their hop distance, entry points with the share of their traffic passing
// through the failure, regions and groups), and the ranked causes of a symptom with their evidence.
#include "graph/BlastRadius.h"
#include "graph/SymptomRanking.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace wf::ui {

class BlastRadiusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BlastRadiusPanel(QWidget* parent = nullptr);

    void setBlastRadius(const graph::ServiceGraph& graph, const graph::BlastRadius& radius);
    void setRanking(const graph::ServiceGraph& graph, int symptom,
                    const std::vector<graph::SymptomCandidate>& ranking);
    void clear();

    QString verdictText() const;
    int affectedRowCount() const;

private:
    QLabel* m_verdict;
    QLabel* m_regions;
    QTreeWidget* m_nodes;
    QTreeWidget* m_entries;
    QLabel* m_symptom;
    QTreeWidget* m_ranking;
};

} // namespace wf::ui
