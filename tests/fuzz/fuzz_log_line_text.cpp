// Fuzz target: the log view's per-line text helpers, which run on every painted line of untrusted
// telemetry: the JSON field extraction and the search highlighter in all three search modes. The
// first input byte picks the search mode and splits the rest into a search text and a line.

#include "logs/LogLineText.h"

#include <cstdio>
#include <cstdlib>

#define LINE_CHECK(cond)                                                                                     \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);          \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (0)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace wf::logs;
    const QString all = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));

    constexpr int kMaxFields = 16;
    const auto fields = jsonFieldsOf(all, kMaxFields);
    LINE_CHECK(fields.size() <= kMaxFields);
    for (const auto& field : fields) // flattened paths are made of the line's own keys and dots
        LINE_CHECK(field.first.size() <= all.size());
    if (!all.trimmed().startsWith(QLatin1Char('{')))
        LINE_CHECK(fields.isEmpty());

    if (size < 1)
        return 0;
    const LogSearchMode mode = data[0] % 3 == 0   ? LogSearchMode::FullText
                               : data[0] % 3 == 1 ? LogSearchMode::Regex
                                                  : LogSearchMode::Substring;
    const qsizetype split = all.indexOf(QLatin1Char('\n'));
    const QString search = split < 0 ? all.mid(1, 24) : all.mid(1, split - 1);
    const QString line = split < 0 ? all : all.mid(split + 1);

    QString error;
    const bool valid = LogHighlighter::validate(search, mode, &error);
    LINE_CHECK(valid || !error.isEmpty());
    if (!valid)
        return 0;
    const LogHighlighter highlighter(search, mode);
    constexpr int kMaxRanges = 32;
    const auto ranges = highlighter.ranges(line, kMaxRanges);
    LINE_CHECK(ranges.size() <= kMaxRanges);
    int previousEnd = -1;
    for (const TextRange& r : ranges) {
        // Sorted, non-overlapping, non-empty and inside the line: the painter indexes with them.
        LINE_CHECK(r.start >= 0 && r.length > 0 && r.start + r.length <= line.size());
        LINE_CHECK(r.start > previousEnd);
        previousEnd = r.start + r.length - 1;
    }
    if (highlighter.isEmpty())
        LINE_CHECK(ranges.isEmpty());
    return 0;
}
