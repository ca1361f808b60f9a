#pragma once

#include "Gunzip.h"
#include "HttpRequestParser.h"
#include "telemetry/LogRecord.h"
#include "telemetry/Metric.h"
#include "telemetry/Span.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QMetaType>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <utility>
#include <variant>

namespace wf::receiver {

// The three OTLP/HTTP signals, by route: /v1/traces, /v1/logs, /v1/metrics.
enum class Signal { Traces = 0, Logs = 1, Metrics = 2 };
constexpr int kSignalCount = 3;

enum class ContentType { Json, Protobuf };

// A decoded batch, immutable and shared with every listener; which alternative depends on the signal.
using Batch =
    std::variant<std::monostate, std::shared_ptr<const telemetry::SpanBatch>,
                 std::shared_ptr<const telemetry::LogBatch>, std::shared_ptr<const telemetry::MetricBatch>>;

// What a decoder made of one (already decompressed) request body.
struct DecodeOutcome
{
    enum class Status {
        Ok,          // 200; rejectedItems > 0 makes it a partial success
        Malformed,   // 400; errorMessage names the offending field
        Unsupported, // 415; e.g. protobuf without a protobuf decoder
        Unavailable  // 503; no decoder wired, or it cannot take work now
    };
    Status status = Status::Ok;
    qint64 acceptedItems = 0; // spans, log records or data points
    qint64 rejectedItems = 0;
    QString errorMessage;
    Batch batch; // delivered when status is Ok; monostate delivers nothing
    // Accepted items per service.name, when the decoder knows them (for the stats view).
    QList<std::pair<QString, qint64>> itemsPerService;
};

// Runs on a worker thread, possibly several at once: it must be thread-safe and must not block for
// long (the in-flight cap is the only thing standing between a slow decoder and a request backlog).
using Decoder = std::function<DecodeOutcome(Signal signal, QByteArrayView body, ContentType type)>;

// Why a request was refused, for the stats.
enum class RejectReason {
    Malformed = 0,    // 400, 411, 417, 501, 505 and decoder "malformed"
    TooLarge,         // 413, 414, 431, and decompression caps
    UnsupportedMedia, // 415
    Unauthorized,     // 401
    Overloaded,       // 429, 503 from connection, in-flight or memory caps
    Timeout,          // 408 or a dropped slow client
    NotFound,         // 404, 405
    Unavailable,      // 503 from the decoder, 500 from a decoder that threw
};
constexpr int kRejectReasonCount = 8;

struct ReceiverLimits
{
    HttpParserLimits http;   // request line, headers, wire body cap (16 MiB)
    InflateLimits inflate;   // decompressed cap (64 MiB) and bomb ratio
    int maxConnections = 64; // beyond it an idle keep-alive connection is evicted, or 503
    int maxInFlight = 8;     // requests being decoded at once; beyond it requests queue
    // A complete request waits this long for a decode slot, then gets 429 (0: no waiting).
    std::chrono::milliseconds queueTimeout{1000};
    // Bytes of request bodies held across all connections and in-flight decodes; beyond it 503.
    qint64 maxBufferedBytes = 64LL * 1024 * 1024;
    std::chrono::milliseconds headerTimeout{10000}; // first byte (or accept) to end of head
    std::chrono::milliseconds bodyTimeout{30000};   // end of head to end of body
    std::chrono::milliseconds idleTimeout{30000};   // keep-alive connection with no request
    std::chrono::milliseconds lingerTimeout{2000};  // draining a client's data after an early answer
};

struct ReceiverConfig
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 4318; // 0: any free port; OtlpReceiver::port() tells which
    // Binding anything but loopback exposes the receiver to the network: it needs this opt-in and a
    // bearer token.
    bool allowNonLoopback = false;
    QByteArray bearerToken; // when set, every request needs "Authorization: Bearer <token>"
    ReceiverLimits limits;
};

QByteArrayView signalPath(Signal signal);      // "/v1/traces"
QString signalName(Signal signal);             // translated "Traces"
QString rejectReasonName(RejectReason reason); // translated "Too large"

} // namespace wf::receiver
