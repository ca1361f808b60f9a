#pragma once
// Evidence from telemetry: a log line or a whole trace as the data of a pin, so the incident keeps
// what was seen (the spans themselves, not a trace id that the store will have rotated out by the
// review). Secrets are redacted by the evidence store like any other pinned data.
#include "signalstore/SignalQueries.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace wf::incident {

// A pinned trace keeps at most this many spans (the slowest first): a 100,000-span trace would
// otherwise exceed the evidence bound and say less than its critical spans do.
inline constexpr int kMaxPinnedSpans = 2000;

struct SignalPin
{
    QString title;
    QJsonObject data;
};

SignalPin logLinePin(const signalstore::LogRow& row);
SignalPin tracePin(const signalstore::TraceSummary& summary, std::vector<signalstore::StoredSpan> spans);

} // namespace wf::incident
