// Fuzz target: Loki query_range and label responses, and Loki error bodies.

#include "logs/LokiResponse.h"

#include <cstdio>
#include <cstdlib>

#define LOKI_CHECK(cond)                                                                                     \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);          \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (0)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace wf::logs;
    const QByteArrayView body(reinterpret_cast<const char*>(data), qsizetype(size));
    LokiLimits limits;
    limits.maxEntries = 500;
    limits.maxLineBytes = 256;
    const auto r = parseLokiQueryResponse(body, limits);
    if (!r.ok()) {
        LOKI_CHECK(r.streams.empty() && r.series.empty() && r.entryCount == 0);
    } else {
        qint64 n = 0;
        for (const auto& s : r.streams) {
            for (const auto& e : s.entries) {
                LOKI_CHECK(e.timeNs >= 0);
                LOKI_CHECK(e.line.size() <= limits.maxLineBytes + 80);
            }
            n += qint64(s.entries.size());
        }
        for (const auto& s : r.series)
            n += qint64(s.samples.size());
        LOKI_CHECK(n == r.entryCount && n <= limits.maxEntries);
        LOKI_CHECK(r.type != LokiQueryResult::Type::None);
    }
    const auto l = parseLokiStringList(body);
    LOKI_CHECK(l.ok() || l.values.isEmpty());
    LOKI_CHECK(lokiErrorText(400, body).size() <= 520);
    return 0;
}
