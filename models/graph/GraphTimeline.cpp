#include "GraphTimeline.h"

#include <algorithm>
#include <cmath>

namespace wf::graph {

GraphTimeline::GraphTimeline(qint64 windowNs)
    : m_windowNs(std::max<qint64>(windowNs, 1))
{}

void GraphTimeline::setRange(qint64 fromNs, qint64 toNs)
{
    if (toNs <= fromNs)
        return;
    m_fromNs = fromNs;
    m_toNs = toNs;
    m_positionNs = std::clamp(m_positionNs, m_fromNs, m_toNs);
}

void GraphTimeline::follow()
{
    m_following = true;
    m_positionNs = m_toNs;
}

void GraphTimeline::seek(qint64 atNs)
{
    m_following = false;
    m_positionNs = std::clamp(atNs, m_fromNs, m_toNs);
}

bool GraphTimeline::advance(qint64 stepNs)
{
    if (m_following)
        return false;
    if (m_positionNs >= m_toNs)
        return false;
    m_positionNs = std::min(m_toNs, m_positionNs + std::max<qint64>(stepNs, 1));
    return true;
}

qint64 GraphTimeline::positionNs() const
{
    return m_following ? m_toNs : m_positionNs;
}

int GraphTimeline::sliderValue() const
{
    if (m_toNs <= m_fromNs)
        return kSliderSteps;
    const double f = double(positionNs() - m_fromNs) / double(m_toNs - m_fromNs);
    return int(std::lround(f * kSliderSteps));
}

void GraphTimeline::seekSlider(int value)
{
    if (value >= kSliderSteps) {
        follow();
        return;
    }
    const double f = double(std::clamp(value, 0, kSliderSteps)) / kSliderSteps;
    seek(m_fromNs + qint64(std::llround(f * double(m_toNs - m_fromNs))));
}

GraphWindows GraphTimeline::windows(const LiveBaseline& live) const
{
    if (m_following)
        return live.windowsEndingAt(m_toNs);
    GraphWindows w;
    w.toNs = m_positionNs;
    w.fromNs = m_positionNs - m_windowNs;
    w.baselineToNs = std::min(w.fromNs, m_fromNs);
    w.baselineFromNs = w.baselineToNs - m_windowNs;
    return w;
}

std::optional<GraphRange> graphRangeFor(const dashboard::TimeRange& range, qint64 nowMs)
{
    const std::optional<dashboard::ResolvedRange> r = dashboard::resolve(range, nowMs);
    if (!r)
        return std::nullopt;
    GraphRange g;
    if (range.isRelative() && r->toMs >= nowMs) {
        g.following = true;
        g.spanNs = (nowMs - std::min(r->fromMs, nowMs)) * 1'000'000;
        return g;
    }
    g.following = false;
    g.fromNs = r->fromMs * 1'000'000;
    g.toNs = r->toMs * 1'000'000;
    return g;
}

} // namespace wf::graph
