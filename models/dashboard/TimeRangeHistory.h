#pragma once

// Back/forward through the time ranges a user chose, like a browser's history: choosing a new range
// after going back drops the forward part. Bounded, so a long session never grows it without limit.

#include "TimeRange.h"

#include <QList>

namespace wf::dashboard {

class TimeRangeHistory
{
public:
    static constexpr int kMaxEntries = 100;

    explicit TimeRangeHistory(TimeRange initial = {});

    const TimeRange& current() const { return m_entries[m_index]; }
    // Makes `range` current. Choosing the current range again is not a new entry.
    void push(const TimeRange& range);
    bool canGoBack() const { return m_index > 0; }
    bool canGoForward() const { return m_index + 1 < m_entries.size(); }
    // Returns the new current range; unchanged when there is nowhere to go.
    const TimeRange& back();
    const TimeRange& forward();
    int size() const { return int(m_entries.size()); }

private:
    QList<TimeRange> m_entries;
    qsizetype m_index = 0;
};

} // namespace wf::dashboard
