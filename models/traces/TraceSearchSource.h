#pragma once

// Where traces are searched: the local SignalStore, a Jaeger query service or a Grafana Tempo. One
// interface, so the search form and its result views do not care which. Every call is asynchronous:
// `done` runs exactly once on `context`'s thread, never after `context` was destroyed; network and
// parsing stay off the caller's thread.

#include "traces/TraceSearch.h"

#include <QObject>

#include <functional>

namespace wf::traces {

class TraceSearchSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString displayName() const = 0; // "Local store", "Jaeger (http://…)"
    virtual void search(const TraceSearchQuery& query, QObject* context,
                        std::function<void(const TraceSearchResult&)> done) = 0;
    virtual void fetchTrace(const telemetry::TraceId& traceId, QObject* context,
                            std::function<void(const TraceFetchResult&)> done) = 0;
    virtual void services(QObject* context, std::function<void(const NameListResult&)> done) = 0;
    virtual void operations(const QString& service, QObject* context,
                            std::function<void(const NameListResult&)> done) = 0;
};

} // namespace wf::traces
