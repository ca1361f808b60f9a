#pragma once
// Which moment the service graph shows. It follows the dashboards' time range (the graph of the
// window ending at the range's end, moving with it while the range is live), or, once the user drags
// the replay slider or presses play, a position inside the range: the graph at time t, built from the
// stored spans. During a replay the baseline is the window just before the range (the calm before the
// incident), so a failure that lasts longer than one window stays visible all the way through.
#include "LiveBaseline.h"
#include "dashboard/TimeRange.h"

#include <optional>

namespace wf::graph {

class GraphTimeline
{
public:
    static constexpr int kSliderSteps = 1000;

    explicit GraphTimeline(qint64 windowNs = 30'000'000'000);

    // The dashboards' range; an empty or reversed range is ignored. Keeps a replay position that
    // is still inside, else clamps it.
    void setRange(qint64 fromNs, qint64 toNs);
    qint64 rangeFromNs() const { return m_fromNs; }
    qint64 rangeToNs() const { return m_toNs; }
    qint64 windowNs() const { return m_windowNs; }

    bool following() const { return m_following; }
    void follow(); // back to the range's end
    void seek(qint64 atNs);
    // Moves the replay on by stepNs; false (and stays at the end) once the range's end is reached.
    bool advance(qint64 stepNs);
    qint64 positionNs() const; // end of the window shown

    int sliderValue() const;
    void seekSlider(int value);

    // The window ending at the position and its baseline; while following, the live baseline decides.
    GraphWindows windows(const LiveBaseline& live) const;

private:
    qint64 m_windowNs;
    qint64 m_fromNs = 0;
    qint64 m_toNs = 0;
    qint64 m_positionNs = 0;
    bool m_following = true;
};

// What the graph does with a dashboard's time range. A range that ends now or later ("Last 15
// minutes", "Today") moves with the clock: the graph follows its newest spans, replayable across the
// range's length up to now. Any other range is fixed: the graph shows its end, replayable across it.
struct GraphRange
{
    bool following = true;
    qint64 spanNs = 0; // following: how far back the replay reaches
    qint64 fromNs = 0; // fixed: the range
    qint64 toNs = 0;
    friend bool operator==(const GraphRange&, const GraphRange&) = default;
};

// nullopt for a range that does not resolve at `nowMs` (the dashboard shows its error).
std::optional<GraphRange> graphRangeFor(const dashboard::TimeRange& range, qint64 nowMs);

} // namespace wf::graph
