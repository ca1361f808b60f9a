#pragma once

// Log records as decoded from OTLP log requests; LogBatch is immutable and implicitly shared like
// SpanBatch.

#include "telemetry/AnyValue.h"
#include "telemetry/Ids.h"
#include "telemetry/Resource.h"

#include <memory>
#include <vector>

namespace wf::telemetry {

struct LogRecord
{
    qint64 timeNs = 0;         // 0: unknown
    qint64 observedTimeNs = 0; // 0: unknown
    qint32 severityNumber = 0; // logs/v1 SeverityNumber: 0 unspecified, 1-4 trace ... 21-24 fatal
    QString severityText;
    QString eventName;
    AnyValue body;
    // body flattened to one line (AnyValue::displayString) once at decode time, for the log view and
    // full-text search; shares the string's data when the body is a plain string.
    QString bodyText;
    Attributes attributes;
    TraceId traceId; // zero when the record is not tied to a trace (absent or invalid on the wire)
    SpanId spanId;
    quint32 flags = 0;
    qint32 resourceIndex = -1; // into LogBatch::resources()
    qint32 scopeIndex = -1;

    // The timestamp to sort and display by: the event time, else when it was observed (as the OTLP
    // data model recommends for consumers that keep one timestamp).
    qint64 effectiveTimeNs() const { return timeNs != 0 ? timeNs : observedTimeNs; }

    friend bool operator==(const LogRecord&, const LogRecord&) = default;
};

class LogBatch
{
public:
    LogBatch();
    LogBatch(std::vector<Resource> resources, std::vector<Scope> scopes, std::vector<LogRecord> records);

    const std::vector<Resource>& resources() const { return d->resources; }
    const std::vector<Scope>& scopes() const { return d->scopes; }
    const std::vector<LogRecord>& records() const { return d->records; }
    qsizetype size() const { return qsizetype(d->records.size()); }
    bool isEmpty() const { return d->records.empty(); }

    const Resource& resourceOf(const LogRecord& r) const;
    const Scope& scopeOf(const LogRecord& r) const;

private:
    struct Data
    {
        std::vector<Resource> resources;
        std::vector<Scope> scopes;
        std::vector<LogRecord> records;
    };
    std::shared_ptr<const Data> d;
};

} // namespace wf::telemetry
