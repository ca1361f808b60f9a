#include "traces/LocalTraceSource.h"

#include "signalstore/SignalStore.h"
#include "traces/StoredTrace.h"

#include <QPointer>
#include <QSet>

#include <memory>

namespace wf::traces {

namespace {

// One search that reads candidates' spans one after the other (the store has one reader thread; a
// burst of parallel reads would only queue there).
struct SpanCheck : std::enable_shared_from_this<SpanCheck>
{
    signalstore::SignalStore* store = nullptr;
    QPointer<QObject> context;
    TraceSearchQuery query;
    std::vector<signalstore::TraceSummary> candidates;
    std::size_t next = 0;
    TraceSearchResult result;
    std::function<void(const TraceSearchResult&)> done;

    void step()
    {
        if (!context)
            return;
        if (next >= candidates.size() || int(result.traces.size()) >= query.limit) {
            done(result);
            return;
        }
        const signalstore::TraceSummary summary = candidates[next++];
        store->trace(summary.traceId, context,
                     [self = shared_from_this(),
                      summary](signalstore::QueryResult<std::vector<signalstore::StoredSpan>> r) {
                         if (!r.ok) {
                             self->result.error = r.error;
                             self->result.traces.clear();
                             self->result.spans.clear();
                             self->done(self->result);
                             return;
                         }
                         telemetry::SpanBatch batch = spanBatchFromStored(r.value);
                         if (traceMatches(batch, summary, self->query)) {
                             self->result.traces.push_back(summary);
                             self->result.spans.push_back(std::move(batch));
                         }
                         self->step();
                     });
    }
};

signalstore::TraceQuery storeQuery(const TraceSearchQuery& q, int limit)
{
    signalstore::TraceQuery sq;
    sq.fromNs = q.fromNs;
    sq.toNs = q.toNs > 0 ? q.toNs : signalstore::kNoLimitNs;
    sq.service = q.service;
    sq.errorsOnly = q.errorsOnly;
    sq.minDurationNs = q.minDurationNs;
    sq.limit = limit;
    return sq;
}

} // namespace

LocalTraceSource::LocalTraceSource(signalstore::SignalStore* store, QObject* parent)
    : TraceSearchSource(parent)
    , m_store(store)
{}

QString LocalTraceSource::displayName() const
{
    return tr("Local store");
}

void LocalTraceSource::search(const TraceSearchQuery& query, QObject* context,
                              std::function<void(const TraceSearchResult&)> done)
{
    const bool needSpans = !query.operation.isEmpty() || !query.tags.isEmpty();
    const bool postFilter = needSpans || query.maxDurationNs > 0;
    const int limit = postFilter ? kMaxCandidates : query.limit;
    m_store->queryTraces(
        storeQuery(query, limit), context,
        [store = m_store, context = QPointer<QObject>(context), query, needSpans,
         done = std::move(done)](signalstore::QueryResult<std::vector<signalstore::TraceSummary>> r) {
            TraceSearchResult result;
            if (!r.ok) {
                result.error = r.error;
                done(result);
                return;
            }
            std::vector<signalstore::TraceSummary> candidates;
            for (signalstore::TraceSummary& s : r.value) {
                if (summaryMatches(s, query))
                    candidates.push_back(std::move(s));
            }
            if (!needSpans) {
                if (int(candidates.size()) > query.limit)
                    candidates.resize(std::size_t(query.limit));
                result.traces = std::move(candidates);
                done(result);
                return;
            }
            auto check = std::make_shared<SpanCheck>();
            check->store = store;
            check->context = context;
            check->query = query;
            check->candidates = std::move(candidates);
            check->done = done;
            check->step();
        });
}

void LocalTraceSource::fetchTrace(const telemetry::TraceId& traceId, QObject* context,
                                  std::function<void(const TraceFetchResult&)> done)
{
    m_store->trace(
        traceId, context,
        [done = std::move(done), traceId](signalstore::QueryResult<std::vector<signalstore::StoredSpan>> r) {
            TraceFetchResult out;
            if (!r.ok)
                out.error = r.error;
            else if (r.value.empty())
                out.error = tr("Trace %1 is not in the local store").arg(traceId.toHex());
            else
                out.spans = spanBatchFromStored(r.value);
            done(out);
        });
}

void LocalTraceSource::services(QObject* context, std::function<void(const NameListResult&)> done)
{
    signalstore::TraceQuery q;
    q.limit = kMaxCandidates;
    m_store->queryTraces(
        q, context,
        [done = std::move(done)](signalstore::QueryResult<std::vector<signalstore::TraceSummary>> r) {
            NameListResult out;
            if (!r.ok) {
                out.error = r.error;
            } else {
                QSet<QString> names;
                for (const auto& s : r.value) {
                    for (const QString& service : s.services)
                        names.insert(service);
                }
                out.names = QStringList(names.cbegin(), names.cend());
                out.names.sort();
            }
            done(out);
        });
}

void LocalTraceSource::operations(const QString& service, QObject* context,
                                  std::function<void(const NameListResult&)> done)
{
    signalstore::TraceQuery q;
    q.limit = kMaxCandidates;
    q.service = service;
    m_store->queryTraces(
        q, context,
        [done = std::move(done)](signalstore::QueryResult<std::vector<signalstore::TraceSummary>> r) {
            NameListResult out;
            if (!r.ok) {
                out.error = r.error;
            } else {
                QSet<QString> names;
                for (const auto& s : r.value)
                    names.insert(s.rootName);
                out.names = QStringList(names.cbegin(), names.cend());
                out.names.sort();
            }
            done(out);
        });
}

} // namespace wf::traces
