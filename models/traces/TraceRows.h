#pragma once

// The rows a waterfall shows: the trace tree flattened in depth-first order, minus the descendants of
// collapsed nodes. Because TraceTree numbers nodes in preorder, a node's subtree is the contiguous
// index range [i, i + subtreeSize), so collapsing removes one contiguous run of rows and expanding
// inserts the now visible descendants: both cost O(rows changed + rows after), never a rebuild over
// all spans.

#include "traces/TraceTree.h"

#include <vector>

namespace wf::traces {

class TraceRows
{
public:
    TraceRows() = default;
    explicit TraceRows(const TraceTree* tree); // all expanded; the tree must outlive this

    int count() const { return int(m_rows.size()); }
    int nodeAt(int row) const { return m_rows[std::size_t(row)]; }
    int rowOf(int node) const; // -1 when hidden inside a collapsed ancestor
    bool isCollapsed(int node) const { return m_collapsed[std::size_t(node)] != 0; }

    void collapse(int node); // no-op for leaves and hidden nodes
    void expand(int node);
    void toggle(int node) { isCollapsed(node) ? expand(node) : collapse(node); }
    void expandAll();
    void collapseBelowDepth(int depth); // nodes at `depth` and deeper are collapsed
    // Expands the ancestors of node so it is visible; returns its row.
    int reveal(int node);

private:
    void rebuild();
    const TraceTree* m_tree = nullptr;
    std::vector<int> m_rows;
    std::vector<quint8> m_collapsed;
};

} // namespace wf::traces
