#pragma once

#include "HttpResponse.h"
#include "OtlpRouter.h"
#include "ReceiverTypes.h"

// The part of a request that runs on the worker pool: undo the content coding within the caps, hand
// the body to the decoder, and turn its outcome into the OTLP response. No sockets, no shared state.
namespace wf::receiver {

struct DecodeJob
{
    Signal signal = Signal::Traces;
    ContentType contentType = ContentType::Json;
    ContentEncoding encoding = ContentEncoding::Identity;
    QByteArray body;
    InflateLimits inflate;
    std::shared_ptr<const Decoder> decoder; // null: no decoder wired -> 503
};

struct DecodeJobResult
{
    HttpResponse response;
    bool accepted = false;                         // a 200: the outcome's batch is to be delivered
    RejectReason reason = RejectReason::Malformed; // when not accepted
    DecodeOutcome outcome;
    qint64 decodedBytes = 0; // after gunzip
};

DecodeJobResult runDecodeJob(const DecodeJob& job);

// The 415 answer for protobuf when only JSON can be decoded.
QString protobufUnsupportedMessage();

} // namespace wf::receiver
