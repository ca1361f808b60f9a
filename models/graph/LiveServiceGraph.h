#pragma once
// The app's entry point to the service graph: spans go in from any thread (the OTLP receiver's
// batches, or the demo's), graphs of any window come out on any thread (call graph() on a worker: it
// walks every bucket and trace of the window). One mutex serialises the EdgeDerivation it owns.
#include "DeclaredCatalog.h"
#include "EdgeDerivation.h"

#include <QMutex>
#include <QObject>

namespace wf::graph {

class LiveServiceGraph : public QObject
{
    Q_OBJECT
public:
    explicit LiveServiceGraph(EdgeDerivationOptions options = {}, QObject* parent = nullptr);

    void addSpans(const telemetry::SpanBatch& batch);
    void addSpans(const GraphSpanBatch& batch);
    void setCatalog(DeclaredCatalog catalog); // applied to every graph() from now on
    void pruneBefore(qint64 ns);

    // Observed edges of [fromNs, toNs) (baseline: the window before) plus the declared catalog.
    ServiceGraph graph(qint64 fromNs, qint64 toNs) const;
    // The same against an explicit baseline window (see LiveBaseline).
    ServiceGraph graph(qint64 fromNs, qint64 toNs, qint64 baselineFromNs, qint64 baselineToNs) const;
    qint64 latestNs() const;
    qint64 earliestNs() const; // of the spans still kept; max() before the first

Q_SIGNALS:
    // Emitted on the thread that added them; connect queued and coalesce before rebuilding a graph.
    void spansAdded(qint64 count);

private:
    mutable QMutex m_mutex;
    EdgeDerivation m_derivation;
    DeclaredCatalog m_catalog;
};

} // namespace wf::graph
