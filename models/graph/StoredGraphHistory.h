#pragma once
// The service graph after a restart: the spans the signal store kept, read back into graph input.
// The history ends at the store's latest span, not at the clock, so a workspace reopened a day later
// (or offline, with nothing arriving) still shows the graph it had. Blocking: run it on a worker.
#include "GraphSpan.h"

#include <QString>

#include <atomic>
#include <functional>

namespace wf::graph {

struct StoredHistoryLoad
{
    bool ok = false;
    QString error; // for the user, when !ok
    bool cancelled = false;
    bool truncated = false; // maxSpans reached
    bool empty = true;      // no span was read (with loadStoredHistory: fromNs/toNs mean nothing)
    qint64 fromNs = 0;      // the window read: [latest stored span - historyNs, latest stored span]
    qint64 toNs = 0;
    qint64 spans = 0;
    int batches = 0;
};

// Traces that started this long before the window still count with their spans inside it.
constexpr qint64 kStoredHistorySlackNs = 5LL * 60 * 1'000'000'000;

// Reads the last `historyNs` of the signal store at `storePath` on its own read-only connection and
// hands it to `sink` in batches of up to `tracesPerBatch` whole traces, oldest first. Checks `cancel`
// before each batch (a closing workspace does not wait for the rest); each batch is one short read
// transaction, so the store's writer is never held up for the whole load.
StoredHistoryLoad loadStoredHistory(const QString& storePath, qint64 historyNs,
                                    const std::atomic<bool>& cancel,
                                    const std::function<void(GraphSpanBatch&&)>& sink,
                                    int tracesPerBatch = 500);
// The same for a given window (a dashboard range in the past): the spans of [fromNs, toNs], stopping
// (truncated) after the batch that reaches `maxSpans` when that is positive.
StoredHistoryLoad loadStoredRange(const QString& storePath, qint64 fromNs, qint64 toNs,
                                  const std::atomic<bool>& cancel,
                                  const std::function<void(GraphSpanBatch&&)>& sink, int tracesPerBatch = 500,
                                  qint64 maxSpans = 0);

} // namespace wf::graph
