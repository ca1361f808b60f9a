#pragma once
// Deterministic synthetic log lines for the log benchmarks: line i is always the same, so fixture
// files built once can be reused and checked. Shape of a shop's logs: 9 services, ~60 % info, 30 %
// debug, 8 % warn, 2 % error; rare words at known rates ("exhausted" 0.5 %, "deadlock" 0.01 %); a
// quarter JSON bodies; 30 % carry a trace id.
#include <QByteArray>
#include <QtGlobal>

#include <array>
#include <cstdio>

namespace wf::bench {

inline quint64 splitmix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

struct SyntheticLine
{
    qint64 timeNs = 0;
    int severity = 9;
    const char* severityText = "INFO";
    const char* service = "";
    char body[192];
    int bodyLength = 0;
    bool hasTrace = false;
    std::array<unsigned char, 16> traceId{};
};

constexpr qint64 kSyntheticStartNs = 1'764'547'200'000'000'000; // 2025-12-01T00:00:00Z
constexpr qint64 kSyntheticStepNs = 1'000'000;                  // 1,000 lines a second

inline void makeSyntheticLine(quint64 i, SyntheticLine& line)
{
    static constexpr const char* services[] = {"gateway",  "auth",     "users",    "search", "cart",
                                               "checkout", "payments", "postgres", "kafka"};
    const quint64 h = splitmix(i);
    const quint64 g = splitmix(h);
    // Mostly in time order; up to half a step out of order, as batching senders deliver.
    line.timeNs = kSyntheticStartNs + qint64(i) * kSyntheticStepNs + qint64(h % (kSyntheticStepNs / 2));
    line.service = services[(h >> 8) % 9];
    const unsigned roll = unsigned((h >> 16) % 10000);
    const unsigned n1 = unsigned((g >> 4) % 100000);
    const unsigned n2 = unsigned((g >> 24) % 2000);
    if (roll < 1) {
        line.severity = 17;
        line.severityText = "ERROR";
        line.bodyLength = std::snprintf(line.body, sizeof line.body,
                                        "deadlock detected on orders row %u, transaction retried", n1);
    } else if (roll < 50) {
        line.severity = 17;
        line.severityText = "ERROR";
        line.bodyLength =
            std::snprintf(line.body, sizeof line.body,
                          "db pool exhausted: waited %u ms for a connection (pool=payments-db)", n2);
    } else if (roll < 200) {
        line.severity = 17;
        line.severityText = "ERROR";
        line.bodyLength =
            std::snprintf(line.body, sizeof line.body,
                          "{\"event\":\"charge failed\",\"order_id\":%u,\"code\":\"E%u\"}", n1, n2);
    } else if (roll < 1000) {
        line.severity = 13;
        line.severityText = "WARN";
        line.bodyLength = std::snprintf(line.body, sizeof line.body,
                                        "slow upstream call to %s took %u ms (timeout 2000 ms)",
                                        services[(g >> 40) % 9], n2);
    } else if (roll < 4000) {
        line.severity = 5;
        line.severityText = "DEBUG";
        line.bodyLength = std::snprintf(line.body, sizeof line.body, "cache miss key=user:%u", n1);
    } else if (roll < 6500) {
        line.severity = 9;
        line.severityText = "INFO";
        line.bodyLength =
            std::snprintf(line.body, sizeof line.body,
                          "{\"event\":\"order placed\",\"order_id\":%u,\"amount_cents\":%u}", n1, n2);
    } else {
        line.severity = 9;
        line.severityText = "INFO";
        line.bodyLength =
            std::snprintf(line.body, sizeof line.body, "GET /api/cart/%u 200 in %u ms", n1, n2 % 300);
    }
    line.hasTrace = (g % 10) < 3;
    if (line.hasTrace) {
        for (int k = 0; k < 8; ++k) {
            line.traceId[std::size_t(k)] = (unsigned char)(h >> (8 * k));
            line.traceId[std::size_t(8 + k)] = (unsigned char)(g >> (8 * k));
        }
        line.traceId[0] |= 1; // never all zero (an invalid id)
    }
}

} // namespace wf::bench
