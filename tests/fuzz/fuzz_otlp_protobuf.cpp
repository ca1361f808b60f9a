// Fuzz target: the OTLP protobuf decoders (all three signals on every input, since the wire format
// does not say which message it holds). Checks the results' invariants, not only "no crash".

#include "fuzz_otlp_checks.h"
#include "otlp/OtlpProtobuf.h"

using namespace wf;
using telemetry::MetricType;

namespace {

void check(QByteArrayView body, const otlp::DecodeLimits& l)
{
    const auto t = otlp::decodeTracesProtobuf(body, l);
    fuzz::checkStatus(t, t.batch.size(), l);
    fuzz::checkEnvelope(t.batch.resources(), t.batch.scopes(), l);
    for (const auto& s : t.batch.spans()) {
        FUZZ_CHECK(s.traceId.isValid() && s.spanId.isValid());
        fuzz::checkIndex(s.resourceIndex, t.batch.resources().size());
        fuzz::checkIndex(s.scopeIndex, t.batch.scopes().size());
        FUZZ_CHECK(s.startNs >= 0 && s.endNs >= 0);
        FUZZ_CHECK(qsizetype(s.events.size()) <= l.maxEventsPerSpan &&
                   qsizetype(s.links.size()) <= l.maxLinksPerSpan);
        fuzz::checkString(s.name, l);
        fuzz::checkAttributes(s.attributes, l);
        for (const auto& e : s.events)
            fuzz::checkAttributes(e.attributes, l);
        for (const auto& k : s.links)
            FUZZ_CHECK(k.traceId.isValid() && k.spanId.isValid());
    }

    const auto g = otlp::decodeLogsProtobuf(body, l);
    fuzz::checkStatus(g, g.batch.size(), l);
    fuzz::checkEnvelope(g.batch.resources(), g.batch.scopes(), l);
    for (const auto& r : g.batch.records()) {
        fuzz::checkIndex(r.resourceIndex, g.batch.resources().size());
        fuzz::checkString(r.bodyText, l);
        fuzz::checkValue(r.body, l, 1);
        fuzz::checkAttributes(r.attributes, l);
    }

    const auto m = otlp::decodeMetricsProtobuf(body, l);
    fuzz::checkStatus(m, m.batch.pointCount(), l);
    fuzz::checkEnvelope(m.batch.resources(), m.batch.scopes(), l);
    for (const auto& metric : m.batch.metrics()) {
        FUZZ_CHECK(metric.type != MetricType::Empty && metric.pointCount() > 0);
        const auto& n = metric.numberPoints;
        FUZZ_CHECK(qsizetype(n.values.size()) == n.size() && qsizetype(n.attributes.size()) == n.size() &&
                   qsizetype(n.isInt.size()) == n.size());
        for (const auto& h : metric.histogramPoints)
            FUZZ_CHECK(h.bucketCounts.empty() || h.bucketCounts.size() == h.explicitBounds.size() + 1);
        for (const auto& e : metric.exponentialHistogramPoints)
            FUZZ_CHECK(qsizetype(e.positive.bucketCounts.size()) <= l.maxBuckets);
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
