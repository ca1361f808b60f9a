#pragma once

// Invariants every OTLP decode result must hold, whatever the input: shared by the fuzz_otlp_* targets.
// A violation prints what broke and aborts, so the driver saves the input.

#include "otlp/DecodeResult.h"
#include "telemetry/AnyValue.h"
#include "telemetry/Resource.h"

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                                                                     \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);          \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (0)

namespace wf::fuzz {

// Limits small enough that random inputs hit every one of them.
inline otlp::DecodeLimits tightLimits()
{
    otlp::DecodeLimits l;
    l.maxItems = 3;
    l.maxAttributesPerItem = 2;
    l.maxEventsPerSpan = 1;
    l.maxLinksPerSpan = 1;
    l.maxArrayValues = 2;
    l.maxBuckets = 3;
    l.maxStringBytes = 16;
    l.maxAnyValueDepth = 3;
    l.maxJsonDepth = 12;
    l.maxErrorMessages = 2;
    return l;
}

inline void checkString(const QString& s, const otlp::DecodeLimits& l)
{
    // Cut at maxStringBytes of UTF-8 (never more UTF-16 units than bytes) plus the one-character marker.
    FUZZ_CHECK(s.size() <= l.maxStringBytes + 1);
}

inline void checkValue(const telemetry::AnyValue& v, const otlp::DecodeLimits& l, int depth)
{
    FUZZ_CHECK(depth <= l.maxAnyValueDepth);
    switch (v.type()) {
    case telemetry::AnyValue::Type::String:
        checkString(v.toString(), l);
        break;
    case telemetry::AnyValue::Type::Bytes:
        FUZZ_CHECK(v.toBytes().size() <= l.maxStringBytes);
        break;
    case telemetry::AnyValue::Type::Array:
        FUZZ_CHECK(qsizetype(v.array().size()) <= l.maxArrayValues);
        for (const auto& e : v.array())
            checkValue(e, l, depth + 1);
        break;
    case telemetry::AnyValue::Type::KvList:
        FUZZ_CHECK(qsizetype(v.kvList().size()) <= l.maxArrayValues);
        for (const auto& kv : v.kvList()) {
            checkString(kv.key, l);
            checkValue(kv.value, l, depth + 1);
        }
        break;
    default:
        break;
    }
    (void)v.displayString(); // must not crash on anything decoded
}

inline void checkAttributes(const telemetry::Attributes& a, const otlp::DecodeLimits& l)
{
    FUZZ_CHECK(a.size() <= l.maxAttributesPerItem);
    for (const auto& kv : a) {
        checkString(kv.key, l);
        checkValue(kv.value, l, 1);
    }
}

inline void checkEnvelope(const std::vector<telemetry::Resource>& resources,
                          const std::vector<telemetry::Scope>& scopes, const otlp::DecodeLimits& l)
{
    for (const auto& r : resources) {
        checkAttributes(r.attributes(), l);
        FUZZ_CHECK(!r.serviceName().isEmpty());
    }
    for (const auto& s : scopes) {
        checkString(s.name, l);
        checkString(s.version, l);
        checkAttributes(s.attributes, l);
    }
}

inline void checkIndex(qint32 index, std::size_t size)
{
    FUZZ_CHECK(index >= 0 && std::size_t(index) < size);
}

// Counts and messages; `batchItems` is what the batch holds (spans, records, points).
inline void checkStatus(const otlp::DecodeStatus& s, qint64 batchItems, const otlp::DecodeLimits& l)
{
    FUZZ_CHECK(s.accepted >= 0 && s.rejected >= 0);
    FUZZ_CHECK(s.errors.size() <= std::max(1, l.maxErrorMessages));
    FUZZ_CHECK(s.warnings.size() <= l.maxErrorMessages);
    FUZZ_CHECK(s.errorCount >= s.errors.size());
    FUZZ_CHECK(s.warningCount >= s.warnings.size());
    if (s.malformed) {
        FUZZ_CHECK(s.accepted == 0);
        FUZZ_CHECK(batchItems == 0);
        FUZZ_CHECK(!s.errors.isEmpty());
    } else {
        FUZZ_CHECK(s.accepted == batchItems);
        FUZZ_CHECK(s.accepted <= l.maxItems);
        if (s.rejected > 0)
            FUZZ_CHECK(s.errorCount > 0);
    }
    for (const auto& e : s.errors)
        FUZZ_CHECK(!e.englishMessage().isEmpty());
    (void)s.errorText();
    (void)s.englishErrorText();
}

} // namespace wf::fuzz
