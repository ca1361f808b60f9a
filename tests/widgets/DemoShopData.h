#pragma once

// Traces and logs of the demo shop during its scripted failure (payments' DB pool in one region runs
// dry), simulated in-process, for the waterfall and pattern view tests and screenshots.

#include "demo/OtlpJsonWriter.h"
#include "demo/ShopSimulation.h"
#include "otlp/OtlpJson.h"
#include "traces/TraceFile.h"
#include "traces/TraceTree.h"

#include <QString>

#include <utility>
#include <vector>

namespace wf::test {

struct DemoShopData
{
    std::vector<traces::LoadedTrace> traces;
    std::vector<std::pair<QString, qint64>> logs; // body, unix ns
    qint64 failureStartUnixNs = 0;

    // The slowest trace that has a failed payments span: the one an incident commander opens.
    telemetry::SpanBatch slowFailingCheckout() const
    {
        const telemetry::SpanBatch* best = nullptr;
        qint64 bestDuration = -1;
        for (const auto& t : traces) {
            const auto tree = traces::TraceTree::build(t.spans);
            bool paymentsFailed = false;
            for (int n : tree.errorNodes())
                paymentsFailed |= tree.serviceOf(n) == QLatin1String("payments");
            const qint64 d = tree.endNs() - tree.startNs();
            if (paymentsFailed && tree.problemCount() == 0 && d > bestDuration) {
                best = &t.spans;
                bestDuration = d;
            }
        }
        return best ? *best : telemetry::SpanBatch();
    }
};

inline DemoShopData simulateDemoShopFailure()
{
    demo::ShopConfig config;
    config.scenario.failureAfterNs = 20 * demo::kNanosPerSecond;
    config.scenario.degradeDurationNs = 5 * demo::kNanosPerSecond;
    demo::ShopSimulation sim(config);
    demo::TelemetryBatch all;
    while (sim.now() < 40 * demo::kNanosPerSecond) {
        sim.advanceTo(sim.now() + demo::kNanosPerSecond);
        const demo::TelemetryBatch b = sim.takeBatch();
        all.resources = b.resources;
        all.scopes = b.scopes;
        all.spans += b.spans;
        all.logs += b.logs;
    }
    DemoShopData out;
    out.failureStartUnixNs = config.startUnixNano + config.scenario.failureAfterNs;
    otlp::DecodeLimits limits;
    limits.maxItems = 10'000'000;
    const auto decoded = otlp::decodeTracesJson(demo::OtlpJsonWriter::traces(all), limits);
    out.traces = traces::splitByTrace(decoded.batch);
    for (const auto& l : all.logs)
        out.logs.emplace_back(l.body, l.timeUnixNano);
    return out;
}

} // namespace wf::test
