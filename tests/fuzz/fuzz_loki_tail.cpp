// Fuzz target: messages of Loki's /loki/api/v1/tail WebSocket.

#include "logs/LokiTailFrame.h"

#include <cstdio>
#include <cstdlib>

#define TAIL_CHECK(cond)                                                                                     \
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
    limits.maxEntries = 100;
    limits.maxLineBytes = 128;
    const LokiTailFrame f = parseLokiTailFrame(body, limits);
    if (!f.ok()) {
        TAIL_CHECK(f.streams.empty() && f.entryCount == 0);
        return 0;
    }
    qint64 n = 0;
    for (const auto& s : f.streams) {
        for (const auto& e : s.entries) {
            TAIL_CHECK(e.timeNs >= 0);
            TAIL_CHECK(e.line.size() <= limits.maxLineBytes + 80);
        }
        n += qint64(s.entries.size());
    }
    TAIL_CHECK(n == f.entryCount && n <= limits.maxEntries);
    TAIL_CHECK(f.droppedByLoki >= 0 && f.droppedByLimit >= 0);
    return 0;
}
