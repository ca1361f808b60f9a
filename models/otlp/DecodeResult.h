#pragma once

// What an OTLP decoder returns: the batch, how many items were accepted and rejected, and why.
//
// Semantics follow OTLP/HTTP's response rules:
//  - malformed: the request as a whole cannot be decoded (not JSON/protobuf, wrong type at the top
//    or in the resource/scope envelope, JSON nested deeper than maxJsonDepth). The batch is empty and
//    the receiver answers 400 Bad Request with englishErrorText().
//  - otherwise the valid items are accepted and each invalid item (span, log record, data point) is
//    rejected on its own: the receiver answers 200 and, when rejected > 0, fills partial_success
//    (rejected_spans / rejected_log_records / rejected_data_points and error_message).
// Over-limit content that is not wrong (too many attributes, events, links, array values; strings
// too long) is dropped or truncated and counted, never an error.

#include <QList>
#include <QString>

namespace wf::otlp {

struct DecodeLimits
{
    qint64 maxItems = 100'000;      // spans, log records or data points per request; more are rejected
    int maxAttributesPerItem = 128; // per span, event, link, log record, point, resource, scope
    int maxEventsPerSpan = 128;     // more are dropped and added to droppedEventsCount
    int maxLinksPerSpan = 128;      // more are dropped and added to droppedLinksCount
    int maxArrayValues = 1024;      // elements of one arrayValue / kvlistValue; more are dropped
    int maxBuckets = 4096;          // explicit bounds, bucket counts, quantiles per point; more: rejected
    int maxStringBytes = 64 * 1024; // UTF-8 bytes of any string (and bytes values); longer: truncated
    int maxAnyValueDepth = 8;       // nesting of arrayValue/kvlistValue; deeper: the item is rejected
    int maxJsonDepth = 64;          // nesting of the JSON document; deeper: the request is malformed
    int maxErrorMessages = 5;       // errors (and warnings) kept as messages; all are counted
};

// One problem, located by the JSON path of the field (protobuf input uses the same field names).
struct DecodeError
{
    enum class Code : quint8 {
        InvalidJson,     // arg1: parser's description
        InvalidProtobuf, // arg1: what is wrong
        EmptyBody,
        ExpectedType,        // arg1, arg2: expected and actual JSON type
        HexLength,           // arg1: expected hex digits, arg2: actual length
        NotHex,              //
        ZeroId,              //
        MissingField,        //
        NumberOutOfRange,    // arg1: the number as sent
        InvalidNumber,       // arg1: the text as sent
        UnknownEnum,         // arg1: the name as sent
        InvalidBase64,       //
        ValueTooDeep,        // arg1: the limit
        JsonTooDeep,         // arg1: the limit
        TooManyItems,        // arg1: the limit
        TooManyBuckets,      // arg1: the limit
        BucketCountMismatch, // arg1: expected, arg2: actual
        ConflictingFields,   //
        EndBeforeStart,      // (warning)
        IdLength,            // arg1: expected bytes, arg2: actual (protobuf ids are raw bytes)
    };

    Code code = Code::InvalidJson;
    QString path; // e.g. resourceSpans[0].scopeSpans[1].spans[3].traceId; empty for the whole body
    QString arg1;
    QString arg2;

    QString message() const;        // "path: text", translated (context "OtlpDecoder")
    QString englishMessage() const; // the same in English, for OTLP responses (the spec asks English)
};

struct DecodeStatus
{
    qint64 accepted = 0; // items in the batch
    qint64 rejected = 0; // items left out because they were invalid or over maxItems
    bool malformed = false;
    QList<DecodeError> errors; // the first DecodeLimits::maxErrorMessages
    qint64 errorCount = 0;
    QList<DecodeError> warnings; // kept items with something odd (end before start, bad log ids)
    qint64 warningCount = 0;
    qint64 droppedAttributes = 0; // over maxAttributesPerItem
    qint64 droppedValues = 0;     // events, links, array/kvlist values over their limits
    qint64 truncatedStrings = 0;  // strings and bytes values cut to maxStringBytes

    bool isPartial() const { return !malformed && rejected > 0; }
    // The kept errors joined by "; ", with a count of those not kept.
    QString errorText() const;
    QString englishErrorText() const;
};

template<typename Batch>
struct DecodeResult : DecodeStatus
{
    Batch batch;
};

} // namespace wf::otlp
