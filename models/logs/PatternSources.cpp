#include "logs/PatternSources.h"

#include <algorithm>

namespace wf::logs {
namespace {

constexpr int kBuckets = 40;

template<typename Items, typename TimeOf, typename TextOf>
LogPatterns cluster(const Items& items, qint64 newSinceNs, TimeOf timeOf, TextOf textOf)
{
    qint64 from = std::numeric_limits<qint64>::max();
    qint64 to = std::numeric_limits<qint64>::min();
    for (const auto& item : items) {
        const qint64 t = timeOf(item);
        if (t == 0)
            continue; // no timestamp: counted, but outside every bucket
        from = std::min(from, t);
        to = std::max(to, t);
    }
    LogPatterns::Options options;
    options.newSinceNs = newSinceNs;
    if (from <= to) {
        options.histogramStartNs = from;
        options.bucketNs = std::max<qint64>(1, (to - from) / kBuckets + 1);
        options.buckets = kBuckets;
    }
    LogPatterns patterns(options);
    for (const auto& item : items)
        patterns.add(textOf(item), timeOf(item));
    return patterns;
}

} // namespace

LogPatterns patternsOfStoredLogs(const std::vector<signalstore::LogRow>& rows, qint64 newSinceNs)
{
    // The store answers newest first; clustering oldest first makes "first seen" and samples the
    // earliest occurrence.
    std::vector<const signalstore::LogRow*> ordered;
    ordered.reserve(rows.size());
    for (const signalstore::LogRow& r : rows)
        ordered.push_back(&r);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto* a, const auto* b) { return a->timeNs < b->timeNs; });
    return cluster(
        ordered, newSinceNs, [](const signalstore::LogRow* r) { return r->timeNs; },
        [](const signalstore::LogRow* r) { return QStringView(r->body); });
}

LogPatterns patternsOfLogFile(const std::vector<LogFileLine>& lines, qint64 newSinceNs)
{
    // Plain-text lines keep their timestamp in the message; it is not part of the template (and
    // would otherwise become the "exception" of a grouped stack trace).
    return cluster(
        lines, newSinceNs, [](const LogFileLine& l) { return l.timeNs; },
        [](const LogFileLine& l) {
            qsizetype consumed = 0;
            if (l.timeNs != 0)
                parseLeadingTimestamp(l.message, &consumed);
            return QStringView(l.message).mid(consumed).trimmed();
        });
}

} // namespace wf::logs
