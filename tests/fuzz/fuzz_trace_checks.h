#pragma once

// Shared invariants for the trace document fuzz targets: whatever parses must also build into a
// TraceTree whose structure is consistent (every node once, parents before children, critical path
// inside the trace, rows collapsing to the roots).

#include "traces/TraceFile.h"
#include "traces/TraceRows.h"
#include "traces/TraceTree.h"

#include <cstdio>
#include <cstdlib>

#define TRACE_FUZZ_CHECK(cond)                                                                               \
    do {                                                                                                     \
        if (!(cond)) {                                                                                       \
            std::fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);          \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (0)

namespace wf::fuzz {

inline void checkTraceResult(const traces::TraceFileResult& r, const traces::TraceFileLimits& limits)
{
    if (!r.ok()) {
        TRACE_FUZZ_CHECK(!r.error.isEmpty());
        return;
    }
    qint64 spans = 0;
    for (const auto& t : r.traces) {
        spans += t.spans.size();
        for (const auto& s : t.spans.spans()) {
            TRACE_FUZZ_CHECK(s.traceId == t.traceId);
            TRACE_FUZZ_CHECK(s.spanId.isValid());
            TRACE_FUZZ_CHECK(s.name.size() <= limits.maxStringBytes);
        }
        const auto tree = traces::TraceTree::build(t.spans);
        TRACE_FUZZ_CHECK(tree.size() + tree.duplicateCount() == t.spans.size());
        int roots = 0;
        for (int i = 0; i < tree.size(); ++i) {
            const auto& n = tree.node(i);
            TRACE_FUZZ_CHECK(n.parent < i);
            TRACE_FUZZ_CHECK(n.endNs >= n.startNs);
            TRACE_FUZZ_CHECK(n.selfNs >= 0 && n.selfNs <= n.endNs - n.startNs);
            TRACE_FUZZ_CHECK(i + n.subtreeSize <= tree.size());
            roots += n.parent < 0;
        }
        TRACE_FUZZ_CHECK(roots == int(tree.roots().size()));
        for (const auto& seg : tree.criticalPath())
            TRACE_FUZZ_CHECK(seg.startNs <= seg.endNs && seg.node >= 0 && seg.node < tree.size());
        traces::TraceRows rows(&tree);
        TRACE_FUZZ_CHECK(rows.count() == tree.size());
        for (int root : tree.roots())
            rows.collapse(root);
        TRACE_FUZZ_CHECK(rows.count() == roots);
    }
    TRACE_FUZZ_CHECK(spans <= limits.maxSpans);
}

} // namespace wf::fuzz
