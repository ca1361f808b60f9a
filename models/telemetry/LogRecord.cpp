#include "telemetry/LogRecord.h"

namespace wf::telemetry {

LogBatch::LogBatch()
    : d(std::make_shared<const Data>())
{}

LogBatch::LogBatch(std::vector<Resource> resources, std::vector<Scope> scopes, std::vector<LogRecord> records)
    : d(std::make_shared<const Data>(Data{std::move(resources), std::move(scopes), std::move(records)}))
{}

const Resource& LogBatch::resourceOf(const LogRecord& r) const
{
    static const Resource none;
    const auto i = std::size_t(r.resourceIndex);
    return r.resourceIndex >= 0 && i < d->resources.size() ? d->resources[i] : none;
}

const Scope& LogBatch::scopeOf(const LogRecord& r) const
{
    static const Scope none;
    const auto i = std::size_t(r.scopeIndex);
    return r.scopeIndex >= 0 && i < d->scopes.size() ? d->scopes[i] : none;
}

} // namespace wf::telemetry
