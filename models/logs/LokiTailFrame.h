#pragma once

// One message of Loki's /loki/api/v1/tail WebSocket (https://grafana.com/docs/loki/latest/reference/
// loki-http-api/#stream-logs):
//   {"streams":[{"stream":{"label":"value"},"values":[["<unix ns as string>","<line>"],...]}],
//    "dropped_entries":[{"labels":{...},"timestamp":"<unix ns>"}]}
// dropped_entries (Loki could not keep up) is optional and may be null. Frames are untrusted: sizes
// bounded, every value type-checked, one clear error sentence.

#include "logs/LokiResponse.h"

namespace wf::logs {

struct LokiTailFrame
{
    std::vector<LokiStream> streams;
    qint64 entryCount = 0;
    qint64 droppedByLoki = 0;  // entries Loki reported as dropped
    qint64 droppedByLimit = 0; // over LokiLimits::maxEntries
    QString error;
    bool ok() const { return error.isEmpty(); }
};

LokiTailFrame parseLokiTailFrame(QByteArrayView body, const LokiLimits& limits = {});

} // namespace wf::logs
