#pragma once
// Hand-built spans for the service graph tests: one resource per service (and region), spans chained
// by ids the test chooses, so every expected edge is visible in the test itself.
#include "graph/GraphSpan.h"

#include <QString>

namespace wf::graph::testdata {

constexpr qint64 kMs = 1'000'000;
constexpr qint64 kSec = 1'000'000'000;

class SpanBuilder
{
public:
    int resource(const QString& service, const QString& region = {})
    {
        batch.resources.push_back(GraphResource{service, region, {}, {}});
        return int(batch.resources.size()) - 1;
    }
    GraphSpan& span(int resource, quint64 trace, quint64 id, quint64 parent, telemetry::SpanKind kind,
                    qint64 startNs, qint64 endNs, bool error = false)
    {
        GraphSpan s;
        s.id = SpanRef{0, trace, id};
        s.parentSpanId = parent;
        s.resource = resource;
        s.kind = kind;
        s.startNs = startNs;
        s.endNs = endNs;
        s.error = error;
        batch.spans.push_back(std::move(s));
        return batch.spans.back();
    }
    // A client span in `from` and its server child in `to`, ids id and id + 1.
    void call(int from, int to, quint64 trace, quint64 id, quint64 parent, qint64 startNs, qint64 durNs,
              bool error = false)
    {
        span(from, trace, id, parent, telemetry::SpanKind::Client, startNs, startNs + durNs, error);
        span(to, trace, id + 1, id, telemetry::SpanKind::Server, startNs + kMs / 10,
             startNs + durNs - kMs / 10, error);
    }
    GraphSpanBatch take()
    {
        GraphSpanBatch out = batch;
        batch.spans.clear();
        return out;
    }

    GraphSpanBatch batch;
};

} // namespace wf::graph::testdata
