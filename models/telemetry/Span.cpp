#include "telemetry/Span.h"

namespace wf::telemetry {

SpanBatch::SpanBatch()
    : d(std::make_shared<const Data>())
{}

SpanBatch::SpanBatch(std::vector<Resource> resources, std::vector<Scope> scopes, std::vector<Span> spans)
    : d(std::make_shared<const Data>(Data{std::move(resources), std::move(scopes), std::move(spans)}))
{}

const Resource& SpanBatch::resourceOf(const Span& span) const
{
    static const Resource none;
    const auto i = std::size_t(span.resourceIndex);
    return span.resourceIndex >= 0 && i < d->resources.size() ? d->resources[i] : none;
}

const Scope& SpanBatch::scopeOf(const Span& span) const
{
    static const Scope none;
    const auto i = std::size_t(span.scopeIndex);
    return span.scopeIndex >= 0 && i < d->scopes.size() ? d->scopes[i] : none;
}

} // namespace wf::telemetry
