#include "TimeRangeHistory.h"

namespace wf::dashboard {

TimeRangeHistory::TimeRangeHistory(TimeRange initial)
    : m_entries{std::move(initial)}
{}

void TimeRangeHistory::push(const TimeRange& range)
{
    if (range == current())
        return;
    m_entries.resize(m_index + 1);
    m_entries.append(range);
    if (m_entries.size() > kMaxEntries)
        m_entries.removeFirst();
    m_index = m_entries.size() - 1;
}

const TimeRange& TimeRangeHistory::back()
{
    if (canGoBack())
        --m_index;
    return current();
}

const TimeRange& TimeRangeHistory::forward()
{
    if (canGoForward())
        ++m_index;
    return current();
}

} // namespace wf::dashboard
