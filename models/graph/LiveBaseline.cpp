#include "LiveBaseline.h"

namespace wf::graph {

LiveBaseline::LiveBaseline(qint64 windowNs)
    : m_windowNs(windowNs > 0 ? windowNs : 1)
{}

GraphWindows LiveBaseline::windowsEndingAt(qint64 toNs) const
{
    GraphWindows w;
    w.toNs = toNs;
    w.fromNs = toNs - m_windowNs;
    if (m_calm) {
        w.baselineFromNs = m_calm->fromNs;
        w.baselineToNs = m_calm->toNs;
    } else {
        w.baselineFromNs = w.fromNs - m_windowNs;
        w.baselineToNs = w.fromNs;
    }
    return w;
}

void LiveBaseline::update(const GraphWindows& used, bool breaching)
{
    if (!breaching)
        m_calm.reset();
    else if (!m_calm)
        m_calm = Span{used.baselineFromNs, used.baselineToNs};
}

} // namespace wf::graph
