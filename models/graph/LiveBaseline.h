#pragma once
// Which windows a live service graph compares. The window just before the current one is the natural
// baseline, but once a failure lasts longer than a window the baseline fails too, and the breach would
// vanish from the graph while the failure goes on. So while nodes breach, the last calm baseline is
// kept; once nothing breaches against it, the baseline follows the window again.
#include <QtGlobal>

#include <optional>

namespace wf::graph {

struct GraphWindows
{
    qint64 fromNs = 0;
    qint64 toNs = 0;
    qint64 baselineFromNs = 0;
    qint64 baselineToNs = 0;
    friend bool operator==(const GraphWindows&, const GraphWindows&) = default;
};

class LiveBaseline
{
public:
    explicit LiveBaseline(qint64 windowNs);

    GraphWindows windowsEndingAt(qint64 toNs) const;
    // After the graph of `used` was built: did any node breach its baseline in it?
    void update(const GraphWindows& used, bool breaching);
    bool frozen() const { return m_calm.has_value(); }
    qint64 windowNs() const { return m_windowNs; }

private:
    qint64 m_windowNs;
    struct Span
    {
        qint64 fromNs;
        qint64 toNs;
    };
    std::optional<Span> m_calm;
};

} // namespace wf::graph
