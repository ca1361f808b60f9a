// Fuzz target: OTLP/JSON trace decoding. Checks the result's invariants, not only "no crash".

#include "fuzz_otlp_checks.h"
#include "otlp/OtlpJson.h"

using namespace wf;

namespace {

void check(QByteArrayView body, const otlp::DecodeLimits& l)
{
    const auto r = otlp::decodeTracesJson(body, l);
    const auto& b = r.batch;
    fuzz::checkStatus(r, b.size(), l);
    fuzz::checkEnvelope(b.resources(), b.scopes(), l);
    for (const auto& s : b.spans()) {
        FUZZ_CHECK(s.traceId.isValid()); // required and non-zero, or the span is rejected
        FUZZ_CHECK(s.spanId.isValid());
        fuzz::checkIndex(s.resourceIndex, b.resources().size());
        fuzz::checkIndex(s.scopeIndex, b.scopes().size());
        FUZZ_CHECK(s.startNs >= 0 && s.endNs >= 0);
        FUZZ_CHECK(s.durationNs() >= 0);
        FUZZ_CHECK(int(s.kind) <= 5 && int(s.statusCode) <= 2);
        FUZZ_CHECK(qsizetype(s.events.size()) <= l.maxEventsPerSpan);
        FUZZ_CHECK(qsizetype(s.links.size()) <= l.maxLinksPerSpan);
        fuzz::checkString(s.name, l);
        fuzz::checkString(s.statusMessage, l);
        fuzz::checkAttributes(s.attributes, l);
        for (const auto& e : s.events) {
            fuzz::checkString(e.name, l);
            fuzz::checkAttributes(e.attributes, l);
        }
        for (const auto& k : s.links) {
            FUZZ_CHECK(k.traceId.isValid() && k.spanId.isValid());
            fuzz::checkAttributes(k.attributes, l);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView body(reinterpret_cast<const char*>(data), qsizetype(size));
    check(body, otlp::DecodeLimits{});
    check(body, fuzz::tightLimits());
    return 0;
}
