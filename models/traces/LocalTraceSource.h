#pragma once

// Trace search over the local SignalStore (what Watchfloor's own OTLP receiver kept). The store
// filters by time, service, errors and minimum duration in SQL; operation, tags and maximum duration
// are checked here on the candidates it returns (at most kMaxCandidates, newest first), reading each
// candidate's spans only when operation or tags are asked for.

#include "traces/TraceSearchSource.h"

namespace wf::signalstore {
class SignalStore;
}

namespace wf::traces {

class LocalTraceSource : public TraceSearchSource
{
    Q_OBJECT
public:
    static constexpr int kMaxCandidates = 1000;

    explicit LocalTraceSource(signalstore::SignalStore* store, QObject* parent = nullptr);

    QString displayName() const override;
    void search(const TraceSearchQuery& query, QObject* context,
                std::function<void(const TraceSearchResult&)> done) override;
    void fetchTrace(const telemetry::TraceId& traceId, QObject* context,
                    std::function<void(const TraceFetchResult&)> done) override;
    // From the newest kMaxCandidates traces (the store has no service catalogue).
    void services(QObject* context, std::function<void(const NameListResult&)> done) override;
    // Root operations of the newest traces that involve the service.
    void operations(const QString& service, QObject* context,
                    std::function<void(const NameListResult&)> done) override;

private:
    signalstore::SignalStore* m_store;
};

} // namespace wf::traces
