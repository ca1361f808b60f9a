#include "LiveServiceGraph.h"

namespace wf::graph {

LiveServiceGraph::LiveServiceGraph(EdgeDerivationOptions options, QObject* parent)
    : QObject(parent)
    , m_derivation(options)
{}

void LiveServiceGraph::addSpans(const telemetry::SpanBatch& batch)
{
    addSpans(fromSpanBatch(batch)); // converted outside the lock
}

void LiveServiceGraph::addSpans(const GraphSpanBatch& batch)
{
    {
        QMutexLocker lock(&m_mutex);
        m_derivation.add(batch);
    }
    Q_EMIT spansAdded(qint64(batch.spans.size()));
}

void LiveServiceGraph::setCatalog(DeclaredCatalog catalog)
{
    QMutexLocker lock(&m_mutex);
    m_catalog = std::move(catalog);
}

void LiveServiceGraph::pruneBefore(qint64 ns)
{
    QMutexLocker lock(&m_mutex);
    m_derivation.pruneBefore(ns);
}

ServiceGraph LiveServiceGraph::graph(qint64 fromNs, qint64 toNs) const
{
    ServiceGraph g;
    DeclaredCatalog catalog;
    {
        QMutexLocker lock(&m_mutex);
        g = m_derivation.graph(fromNs, toNs);
        catalog = m_catalog;
    }
    applyCatalog(g, catalog);
    return g;
}

ServiceGraph LiveServiceGraph::graph(qint64 fromNs, qint64 toNs, qint64 baselineFromNs,
                                     qint64 baselineToNs) const
{
    ServiceGraph g;
    DeclaredCatalog catalog;
    {
        QMutexLocker lock(&m_mutex);
        g = m_derivation.graph(fromNs, toNs, baselineFromNs, baselineToNs);
        catalog = m_catalog;
    }
    applyCatalog(g, catalog);
    return g;
}

qint64 LiveServiceGraph::latestNs() const
{
    QMutexLocker lock(&m_mutex);
    return m_derivation.latestNs();
}

qint64 LiveServiceGraph::earliestNs() const
{
    QMutexLocker lock(&m_mutex);
    return m_derivation.earliestNs();
}

} // namespace wf::graph
