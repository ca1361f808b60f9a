#include "traces/TraceRows.h"

#include <algorithm>

namespace wf::traces {

TraceRows::TraceRows(const TraceTree* tree)
    : m_tree(tree)
    , m_collapsed(std::size_t(tree->size()), 0)
{
    rebuild();
}

void TraceRows::rebuild()
{
    m_rows.clear();
    m_rows.reserve(std::size_t(m_tree->size()));
    for (int i = 0; i < m_tree->size();) {
        m_rows.push_back(i);
        i += isCollapsed(i) ? m_tree->node(i).subtreeSize : 1;
    }
}

int TraceRows::rowOf(int node) const
{
    // Rows are ascending node indices, so binary search.
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), node);
    return it != m_rows.end() && *it == node ? int(it - m_rows.begin()) : -1;
}

void TraceRows::collapse(int node)
{
    if (isCollapsed(node) || m_tree->node(node).childCount == 0)
        return;
    m_collapsed[std::size_t(node)] = 1;
    const int row = rowOf(node);
    if (row < 0)
        return;
    const int end = node + m_tree->node(node).subtreeSize;
    const auto first = m_rows.begin() + row + 1;
    const auto last = std::lower_bound(first, m_rows.end(), end);
    m_rows.erase(first, last);
}

void TraceRows::expand(int node)
{
    if (!isCollapsed(node))
        return;
    m_collapsed[std::size_t(node)] = 0;
    const int row = rowOf(node);
    if (row < 0)
        return;
    std::vector<int> shown;
    const int end = node + m_tree->node(node).subtreeSize;
    for (int i = node + 1; i < end;) {
        shown.push_back(i);
        i += isCollapsed(i) ? m_tree->node(i).subtreeSize : 1;
    }
    m_rows.insert(m_rows.begin() + row + 1, shown.begin(), shown.end());
}

void TraceRows::expandAll()
{
    std::fill(m_collapsed.begin(), m_collapsed.end(), 0);
    rebuild();
}

void TraceRows::collapseBelowDepth(int depth)
{
    for (int i = 0; i < m_tree->size(); ++i)
        m_collapsed[std::size_t(i)] = m_tree->node(i).depth >= depth && m_tree->node(i).childCount > 0;
    rebuild();
}

int TraceRows::reveal(int node)
{
    for (int p = m_tree->node(node).parent; p >= 0; p = m_tree->node(p).parent)
        if (isCollapsed(p))
            m_collapsed[std::size_t(p)] = 0;
    rebuild();
    return rowOf(node);
}

} // namespace wf::traces
