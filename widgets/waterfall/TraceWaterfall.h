#pragma once

// The waterfall of one trace: a custom-painted, virtualised tree (only the rows in view are painted,
// so 200,000 spans scroll like 20). Left: indented service and operation with collapse arrows; right:
// bars on the trace's time axis in service colours, the critical path drawn as a dark core inside
// the bars, error spans marked. A minimap above the rows shows the whole trace and where the view is.
// Telemetry text is painted as plain text.
//
// Keys: Up/Down select, Left/Right collapse/expand, Space toggles, Home/End.

#include "traces/TraceRows.h"
#include "traces/TraceTree.h"
#include "waterfall/ServiceColors.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QSet>

#include <memory>
#include <vector>

namespace wf::ui {

class TraceWaterfall : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit TraceWaterfall(QWidget* parent = nullptr);

    void setTree(std::shared_ptr<const traces::TraceTree> tree);
    const traces::TraceTree* tree() const { return m_tree.get(); }
    const traces::TraceRows& rows() const { return m_rows; }

    int selectedNode() const { return m_selected; }
    void selectNode(int node); // reveals and scrolls to it; -1 clears
    void toggle(int node);
    void collapseBelowDepth(int depth);
    void expandAll();

    // Find in trace: case-insensitive in service, operation, span id and attribute values.
    void setFindText(const QString& text);
    int matchCount() const { return int(m_matches.size()); }
    int currentMatch() const { return m_currentMatch; } // index into the matches, -1 for none
    void findNext();
    void findPrevious();

    QColor colorOf(const QString& service) const { return m_colors.color(service, palette()); }

    int rowHeight() const { return m_rowHeight; }
    int firstVisibleRow() const;
    int rowAt(int y) const; // viewport y; -1 outside the rows
    // What the last paint drew: for tests and screenshots.
    const std::vector<int>& paintedNodes() const { return m_paintedNodes; }
    const QSet<int>& paintedCriticalNodes() const { return m_paintedCritical; }

Q_SIGNALS:
    void nodeSelected(int node);
    void matchesChanged(int current, int count);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    struct Geometry
    {
        int minimapHeight = 0;
        int axisTop = 0;
        int rowsTop = 0;
        int nameWidth = 0;
        int barLeft = 0;
        int barWidth = 0;
    };
    Geometry geometry() const;
    qreal xOf(qint64 ns, const Geometry& g) const;
    void updateScrollBars();
    void rowsChanged();
    void scrollToRow(int row);
    void paintAxis(QPainter& p, const Geometry& g);
    void paintRow(QPainter& p, const Geometry& g, int row, int y);
    void paintMinimap(QPainter& p, const Geometry& g);
    void rebuildMinimap(const Geometry& g);
    void moveMatch(int step);

    std::shared_ptr<const traces::TraceTree> m_tree;
    traces::TraceRows m_rows;
    std::vector<std::pair<int, int>> m_criticalRange; // per node: [first, end) into m_criticalOrder
    std::vector<int> m_criticalOrder;                 // criticalPath() indices grouped by node
    int m_selected = -1;
    int m_rowHeight = 20;
    std::vector<int> m_matches;
    QSet<int> m_matchSet;
    int m_currentMatch = -1;
    ServicePalette m_colors;
    QImage m_minimap;
    bool m_minimapDirty = true;
    std::vector<int> m_paintedNodes;
    QSet<int> m_paintedCritical;
};

} // namespace wf::ui
