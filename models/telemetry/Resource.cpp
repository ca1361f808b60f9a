#include "telemetry/Resource.h"

namespace wf::telemetry {

namespace {

QString serviceNameOf(const Attributes& attributes)
{
    const AnyValue* v = attributes.find(u"service.name");
    if (v && v->type() == AnyValue::Type::String && !v->toString().isEmpty())
        return v->toString();
    return QStringLiteral("unknown_service");
}

} // namespace

Resource::Resource()
    : m_serviceName(serviceNameOf(m_attributes))
{}

Resource::Resource(Attributes attributes)
    : m_attributes(std::move(attributes))
    , m_serviceName(serviceNameOf(m_attributes))
{}

} // namespace wf::telemetry
