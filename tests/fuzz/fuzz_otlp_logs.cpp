// Fuzz target: OTLP/JSON log decoding. Checks the result's invariants, not only "no crash".

#include "fuzz_otlp_checks.h"
#include "otlp/OtlpJson.h"

using namespace wf;

namespace {

void check(QByteArrayView body, const otlp::DecodeLimits& l)
{
    const auto r = otlp::decodeLogsJson(body, l);
    const auto& b = r.batch;
    fuzz::checkStatus(r, b.size(), l);
    fuzz::checkEnvelope(b.resources(), b.scopes(), l);
    for (const auto& rec : b.records()) {
        fuzz::checkIndex(rec.resourceIndex, b.resources().size());
        fuzz::checkIndex(rec.scopeIndex, b.scopes().size());
        FUZZ_CHECK(rec.timeNs >= 0 && rec.observedTimeNs >= 0);
        fuzz::checkString(rec.severityText, l);
        fuzz::checkString(rec.bodyText, l);
        fuzz::checkValue(rec.body, l, 1);
        fuzz::checkAttributes(rec.attributes, l);
        // Invalid ids are dropped, never kept half-parsed.
        const bool zeroTrace = !rec.traceId.isValid();
        FUZZ_CHECK(zeroTrace || rec.traceId.toHex().size() == 32);
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
