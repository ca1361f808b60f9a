#pragma once

// Internal to models/otlp: decoding OTLP messages from the protobuf wire format, shared by the three
// signals. Field numbers are opentelemetry-proto's; error paths use the same lowerCamelCase names as
// the JSON decoder, so a message reads the same whichever encoding the sender used.
//
// Severity: a broken wire structure (truncated field, bad varint, length past the end) makes the
// request malformed; a well-framed but invalid value (id of the wrong length, time out of range, value
// nested too deep) rejects the item. A field with an unexpected wire type is skipped, as protobuf
// parsers treat it as unknown. Strings are not checked for UTF-8: invalid sequences become U+FFFD.

#include "otlp/DecodeContext.h"
#include "otlp/ProtoWire.h"
#include "telemetry/Ids.h"
#include "telemetry/Resource.h"

namespace wf::otlp::proto {

using Code = DecodeError::Code;

class Reader : public DecodeContext
{
public:
    using DecodeContext::DecodeContext;

    // Calls fn(field, wireType, Wire&) for each field of the message in `bytes`; fn must consume the
    // field's value (read or skip it) and returns false to stop (item error or malformed).
    template<typename Fn>
    bool message(std::string_view bytes, Fn&& fn)
    {
        Wire w(bytes);
        std::uint32_t field = 0;
        std::uint32_t wireType = 0;
        while (w.next(field, wireType))
            if (!fn(field, wireType, w))
                return false;
        return w.problem() ? wireError(w) : true;
    }

    bool wireError(const Wire& w);
    // Skips the current field's value; false (malformed) if it cannot be skipped.
    bool skip(Wire& w, std::uint32_t wireType);

    // --- scalars, by the wire type the .proto gives; other wire types are skipped
    bool string(Wire& w, std::uint32_t wireType, QString& out, bool intern = false);
    bool bytes(Wire& w, std::uint32_t wireType, std::string_view& out);
    bool uint64(Wire& w, std::uint32_t wireType, quint64& out);
    bool uint32(Wire& w, std::uint32_t wireType, quint32& out);
    bool int32(Wire& w, std::uint32_t wireType, qint32& out); // int32 or enum (varint)
    bool sint32(Wire& w, std::uint32_t wireType, qint32& out);
    bool boolean(Wire& w, std::uint32_t wireType, bool& out);
    bool dbl(Wire& w, std::uint32_t wireType, double& out);
    bool optionalDbl(Wire& w, std::uint32_t wireType, std::optional<double>& out);
    bool timeNs(Wire& w, std::uint32_t wireType, qint64& out); // fixed64; must fit in qint64
    // A repeated fixed64 or double (packed or not), bounded by maxBuckets.
    bool fixed64s(Wire& w, std::uint32_t wireType, std::vector<quint64>& out);
    bool doubles(Wire& w, std::uint32_t wireType, std::vector<double>& out);
    bool varints(Wire& w, std::uint32_t wireType, std::vector<quint64>& out);

    // An id as raw bytes: absent when empty; `gotLength` is the length seen.
    enum class IdRead { Ok, Absent, BadLength, Skipped, Fatal };
    template<std::size_t N>
    IdRead id(Wire& w, std::uint32_t wireType, telemetry::BinaryId<N>& out, qsizetype& gotLength)
    {
        std::string_view raw;
        if (wireType != Len)
            return skip(w, wireType) ? IdRead::Skipped : IdRead::Fatal;
        if (!bytes(w, wireType, raw))
            return IdRead::Fatal;
        gotLength = qsizetype(raw.size());
        if (raw.empty())
            return IdRead::Absent;
        auto id = telemetry::BinaryId<N>::fromBytes(QByteArrayView(raw.data(), qsizetype(raw.size())));
        if (!id)
            return IdRead::BadLength;
        out = *id;
        return IdRead::Ok;
    }

    // --- common/v1, resource/v1; each takes the bytes of one (sub)message
    bool anyValue(std::string_view msg, telemetry::AnyValue& out, int depth = 1);
    bool keyValue(std::string_view msg, telemetry::KeyValue& out, int depth);
    // One occurrence of a repeated KeyValue field; over maxAttributesPerItem it is dropped and counted.
    // `index` counts occurrences, for the path.
    bool attribute(Wire& w, std::uint32_t wireType, telemetry::KeyValueList& out, quint32& dropped,
                   qint32& index);
    bool resource(std::string_view msg, telemetry::Resource& out);
    bool scope(std::string_view msg, telemetry::Scope& out);
};

quint32 addSaturating(quint32 a, quint32 b);

struct EnvelopeNames
{
    const char* resources; // e.g. resourceSpans
    const char* scopes;    // e.g. scopeSpans
    const char* items;     // e.g. spans
};

// The envelope shared by the signals: request{1: resourceX{1: resource, 2: scopeX{1: scope, 2: item}}}.
// fn(std::string_view itemBytes, qint32 resourceIndex, qint32 scopeIndex) -> bool, false only when the
// request turned malformed.
template<typename ItemFn>
bool readEnvelope(Reader& r, QByteArrayView body, const EnvelopeNames& names,
                  std::vector<telemetry::Resource>& resources, std::vector<telemetry::Scope>& scopes,
                  ItemFn&& fn)
{
    qint32 resourceCount = 0;
    const std::string_view all(body.data(), std::size_t(body.size()));
    return r.message(all, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        if (f != 1 || wt != Len)
            return r.skip(w, wt);
        std::string_view rs;
        if (!r.bytes(w, wt, rs))
            return false;
        Reader::PathGuard g(r, names.resources);
        r.setIndex(resourceCount++);
        if (r.tooManyEnvelopes(resources.size()))
            return false;
        const auto resourceIndex = qint32(resources.size());
        resources.emplace_back();
        qint32 scopeCount = 0;
        return r.message(rs, [&](std::uint32_t f2, std::uint32_t wt2, Wire& w2) {
            std::string_view sub;
            if ((f2 != 1 && f2 != 2) || wt2 != Len)
                return r.skip(w2, wt2);
            if (!r.bytes(w2, wt2, sub))
                return false;
            if (f2 == 1) {
                Reader::PathGuard g2(r, "resource");
                return r.resource(sub, resources[std::size_t(resourceIndex)]);
            }
            Reader::PathGuard g2(r, names.scopes);
            r.setIndex(scopeCount++);
            if (r.tooManyEnvelopes(scopes.size()))
                return false;
            const auto scopeIndex = qint32(scopes.size());
            scopes.emplace_back();
            qint32 itemCount = 0;
            return r.message(sub, [&](std::uint32_t f3, std::uint32_t wt3, Wire& w3) {
                std::string_view sub3;
                if ((f3 != 1 && f3 != 2) || wt3 != Len)
                    return r.skip(w3, wt3);
                if (!r.bytes(w3, wt3, sub3))
                    return false;
                if (f3 == 1) {
                    Reader::PathGuard g3(r, "scope");
                    return r.scope(sub3, scopes[std::size_t(scopeIndex)]);
                }
                Reader::PathGuard g3(r, names.items);
                r.setIndex(itemCount++);
                return fn(sub3, resourceIndex, scopeIndex);
            });
        });
    });
}

} // namespace wf::otlp::proto
