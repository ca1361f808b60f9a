// Fuzz target: OTLP/JSON metric decoding. Checks the result's invariants, not only "no crash".

#include "fuzz_otlp_checks.h"
#include "otlp/OtlpJson.h"

using namespace wf;
using telemetry::MetricType;

namespace {

void check(QByteArrayView body, const otlp::DecodeLimits& l)
{
    const auto r = otlp::decodeMetricsJson(body, l);
    const auto& b = r.batch;
    fuzz::checkStatus(r, b.pointCount(), l);
    fuzz::checkEnvelope(b.resources(), b.scopes(), l);
    qsizetype points = 0;
    for (const auto& m : b.metrics()) {
        fuzz::checkIndex(m.resourceIndex, b.resources().size());
        fuzz::checkIndex(m.scopeIndex, b.scopes().size());
        FUZZ_CHECK(m.type != MetricType::Empty);
        FUZZ_CHECK(m.pointCount() > 0); // metrics left without points are not kept
        fuzz::checkString(m.name, l);
        points += m.pointCount();
        // Only the container of the metric's type is filled, and columns line up.
        const auto& n = m.numberPoints;
        const bool number = m.type == MetricType::Gauge || m.type == MetricType::Sum;
        FUZZ_CHECK(number || n.size() == 0);
        FUZZ_CHECK(qsizetype(n.startNs.size()) == n.size() && qsizetype(n.values.size()) == n.size() &&
                   qsizetype(n.intValues.size()) == n.size() && qsizetype(n.isInt.size()) == n.size() &&
                   qsizetype(n.flags.size()) == n.size() && qsizetype(n.attributes.size()) == n.size());
        for (qsizetype i = 0; i < n.size(); ++i) {
            if (n.isInt[std::size_t(i)])
                FUZZ_CHECK(n.values[std::size_t(i)] == double(n.intValues[std::size_t(i)]));
            fuzz::checkAttributes(n.attributes[std::size_t(i)], l);
        }
        FUZZ_CHECK(m.type == MetricType::Histogram || m.histogramPoints.empty());
        for (const auto& h : m.histogramPoints) {
            FUZZ_CHECK(qsizetype(h.explicitBounds.size()) <= l.maxBuckets);
            FUZZ_CHECK(h.bucketCounts.empty() || h.bucketCounts.size() == h.explicitBounds.size() + 1);
            fuzz::checkAttributes(h.attributes, l);
        }
        FUZZ_CHECK(m.type == MetricType::ExponentialHistogram || m.exponentialHistogramPoints.empty());
        for (const auto& e : m.exponentialHistogramPoints) {
            FUZZ_CHECK(qsizetype(e.positive.bucketCounts.size()) <= l.maxBuckets);
            FUZZ_CHECK(qsizetype(e.negative.bucketCounts.size()) <= l.maxBuckets);
        }
        FUZZ_CHECK(m.type == MetricType::Summary || m.summaryPoints.empty());
        for (const auto& s : m.summaryPoints)
            FUZZ_CHECK(qsizetype(s.quantiles.size()) <= l.maxBuckets);
    }
    FUZZ_CHECK(points == b.pointCount());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView body(reinterpret_cast<const char*>(data), qsizetype(size));
    check(body, otlp::DecodeLimits{});
    check(body, fuzz::tightLimits());
    return 0;
}
