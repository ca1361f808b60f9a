#pragma once
// What a metrics panel talks to: Prometheus (and API-compatible servers) or the local OTLP series
// store, behind one asynchronous, cancellable interface.
#include "MetricsCall.h"
#include "MetricsTypes.h"

#include <QObject>

#include <functional>

namespace wf::prometheus {

class MetricsSource
{
public:
    using Callback = std::function<void(MetricsResult)>;
    virtual ~MetricsSource() = default;

    // Never blocks and never decodes on the calling thread. `done` runs exactly once on context's
    // thread (Cancelled after cancel()), never after context was destroyed.
    virtual MetricsCall queryRange(const RangeQuery& query, QObject* context, Callback done) = 0;
    virtual MetricsCall queryInstant(const InstantQuery& query, QObject* context, Callback done) = 0;

    // Short text for the panel editor about which queries this source answers.
    virtual QString queryLanguageNote() const = 0;
};

} // namespace wf::prometheus
