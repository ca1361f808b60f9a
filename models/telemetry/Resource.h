#pragma once

// Who sent the telemetry (Resource) and which instrumentation library produced it (Scope). Batches keep
// each once and items refer to them by index, as OTLP nests them, instead of repeating them per item.

#include "telemetry/AnyValue.h"

#include <QString>

namespace wf::telemetry {

class Resource
{
public:
    Resource();
    explicit Resource(Attributes attributes);

    const Attributes& attributes() const { return m_attributes; }
    // The `service.name` attribute when it is a non-empty string, else "unknown_service" (the name
    // the OpenTelemetry resource semantic conventions prescribe when the service is not known).
    const QString& serviceName() const { return m_serviceName; }

    friend bool operator==(const Resource&, const Resource&) = default;

private:
    Attributes m_attributes;
    QString m_serviceName;
};

struct Scope
{
    QString name;
    QString version;
    Attributes attributes;

    friend bool operator==(const Scope&, const Scope&) = default;
};

} // namespace wf::telemetry
