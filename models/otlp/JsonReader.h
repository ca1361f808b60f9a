#pragma once

// Internal to models/otlp: the simdjson On-Demand walk shared by the three JSON decoders.
//
// Why On-Demand rather than the DOM API (measured on this machine, 24 MB body of 20,000 spans): parsing
// with a fresh parser took 80 ms On-Demand against 250-340 ms DOM, because the DOM tape triples the
// memory to fault in (RSS +22 MB against +70 MB); with a warm parser 5 ms against 10 ms. Either is
// small next to building the Qt values, but a fresh parser per large request is the common case
// here and memory matters on a laptop.
// The costs of On-Demand, and how they are handled:
//  - values are read in document order, so items refer to their resource/scope by an index reserved
//    up front (the sender may put "resource" after "scopeSpans");
//  - skipped values (unknown fields, the rest of a rejected item) are not fully validated and its
//    depth limit is not enforced by the parser: unknown containers are walked here with a depth
//    check; the rest of an item already rejected is skipped by simdjson's iterative skipper (no
//    recursion, so no depth hazard);
//  - parser errors may surface late, so a request can turn malformed after items were decoded: the
//    batch is then dropped whole.
//
// Error severity: an error inside an item (span, log record, metric/data point) rejects that item;
// anywhere else (top level, resource, scope) it makes the request malformed. Reader tracks which.

#include "otlp/DecodeContext.h"
#include "telemetry/AnyValue.h"
#include "telemetry/Ids.h"
#include "telemetry/Resource.h"

#include <simdjson.h>
#include <string_view>
#include <vector>

namespace wf::otlp::json {

namespace od = simdjson::ondemand;
using Code = DecodeError::Code;

// A field as OTLP/JSON spells it (lowerCamelCase) and as the .proto spells it (snake_case).
struct FieldName
{
    std::string_view camel;
    std::string_view snake;
    int id;
};

template<std::size_t N>
int fieldId(std::string_view key, const FieldName (&table)[N])
{
    for (const FieldName& f : table)
        if (key == f.camel || key == f.snake)
            return f.id;
    return -1;
}

struct EnumName
{
    std::string_view name;
    int value;
};

// Outcome of reading a trace or span id; the caller decides whether a bad one is an error (spans) or
// a warning (log records, where OTLP says an invalid id means "not associated").
enum class IdRead { Ok, Absent, WrongType, BadLength, NotHex, Fatal };

class Reader : public DecodeContext
{
public:
    Reader(const DecodeLimits& limits, DecodeStatus& status)
        : DecodeContext(limits, status)
    {}

    // Parses `body` and calls fn(std::string_view key, od::value& v) for each top-level field. False
    // when malformed.
    template<typename Fn>
    bool document(QByteArrayView body, Fn&& fn);

    bool failJson(simdjson::error_code code);
    bool wrongType(const char* expected, od::json_type actual);
    static const char* typeName(od::json_type t); // "an object", ... as DecodeResult.cpp translates them

    // --- structure. `present` is false for JSON null (proto3 JSON: null means the default value).
    bool type(od::value& v, od::json_type& out);
    bool object(od::value& v, od::object& out, bool& present);
    // fn(std::string_view key, od::value& value) -> bool
    template<typename Fn>
    bool fields(od::value& v, Fn&& fn);
    // fn(od::value& element, qint32 index) -> bool; the path's last segment gets the index.
    template<typename Fn>
    bool elements(od::value& v, Fn&& fn);
    // An unknown field: ignored, but containers are walked to enforce maxJsonDepth.
    bool skip(od::value& v);

    // --- scalars; null leaves the output at its default
    bool string(od::value& v, QString& out, bool intern = false);
    bool rawString(od::value& v, std::string_view& out, bool& present);
    bool boolean(od::value& v, bool& out);
    bool uint64(od::value& v, quint64& out);
    bool int64(od::value& v, qint64& out);
    bool uint32(od::value& v, quint32& out);
    bool int32(od::value& v, qint32& out);
    bool timeNs(od::value& v, qint64& out); // fixed64 on the wire; must fit in qint64
    bool dbl(od::value& v, double& out);
    template<std::size_t N>
    bool enumValue(od::value& v, const EnumName (&names)[N], int& out)
    {
        return enumValue(v, names, N, out);
    }
    bool enumValue(od::value& v, const EnumName* names, std::size_t count, int& out);
    template<std::size_t N>
    IdRead id(od::value& v, telemetry::BinaryId<N>& out, qsizetype& gotLength);
    // Records the error for a bad id read (spans: all are errors); returns false unless Ok/Absent.
    bool idError(IdRead result, std::size_t expectedBytes, qsizetype gotLength);

    // --- OTLP common/v1 and resource/v1
    bool anyValue(od::value& v, telemetry::AnyValue& out, int depth = 1);
    // Appends to `out`; over maxAttributesPerItem they are dropped and counted in `dropped`.
    bool attributes(od::value& v, telemetry::KeyValueList& out, quint32& dropped);
    bool resource(od::value& v, telemetry::Resource& out);
    bool scope(od::value& v, telemetry::Scope& out);

private:
    bool skipWalk(od::value& v, int depth);
};

// The parser and the padded copy of the body, per thread. They stay sized for the last request: on
// this machine faulting in fresh memory costs twice the decoding itself (26 MB of spans: 360 ms CPU
// with fresh memory, 110 ms warm), so a stream of large requests reuses them, while a small request
// after a large one releases the large buffers, so a worker does not keep tens of MB for good.
class ParserLease
{
public:
    explicit ParserLease(std::size_t bodySize);
    ~ParserLease();
    ParserLease(const ParserLease&) = delete;
    ParserLease& operator=(const ParserLease&) = delete;
    od::parser& parser() { return *m_parser; }
    simdjson::padded_string_view pad(QByteArrayView body);

    struct Buffers; // the per-thread state, defined in JsonReader.cpp

private:
    Buffers* m_buffers;
    od::parser* m_parser;
    bool m_oneShot;
};

template<typename Fn>
bool Reader::document(QByteArrayView body, Fn&& fn)
{
    if (body.isEmpty())
        return fail(Code::EmptyBody);
    ParserLease lease(std::size_t(body.size()));
    od::document doc;
    if (auto err = lease.parser().iterate(lease.pad(body)).get(doc))
        return failJson(err);
    od::json_type t;
    if (auto err = doc.type().get(t))
        return failJson(err);
    if (t != od::json_type::object) {
        // Scalars and arrays at the top level: say which, as for any other field.
        return wrongType("an object", t);
    }
    od::object top;
    if (auto err = doc.get_object().get(top))
        return failJson(err);
    for (auto r : top) {
        od::field f;
        if (auto err = std::move(r).get(f))
            return failJson(err);
        std::string_view key;
        if (auto err = f.unescaped_key().get(key))
            return failJson(err);
        if (!fn(key, f.value()))
            return false;
    }
    // After the top object, the iterator must be past the end: a location inside the body means
    // trailing content such as a second object.
    const char* rest = nullptr;
    if (!failed() && !doc.current_location().get(rest))
        return failJson(simdjson::TRAILING_CONTENT);
    return !failed();
}

template<typename Fn>
bool Reader::fields(od::value& v, Fn&& fn)
{
    od::object obj;
    bool present = false;
    if (!object(v, obj, present))
        return false;
    if (!present)
        return true;
    for (auto r : obj) {
        od::field f;
        if (auto err = std::move(r).get(f))
            return failJson(err);
        std::string_view key;
        if (auto err = f.unescaped_key().get(key))
            return failJson(err);
        if (!fn(key, f.value()))
            return false;
    }
    return true;
}

template<typename Fn>
bool Reader::elements(od::value& v, Fn&& fn)
{
    od::json_type t;
    if (!type(v, t))
        return false;
    if (t == od::json_type::null)
        return true;
    if (t != od::json_type::array)
        return wrongType("an array", t);
    od::array arr;
    if (auto err = v.get_array().get(arr))
        return failJson(err);
    qint32 i = 0;
    for (auto r : arr) {
        od::value e;
        if (auto err = std::move(r).get(e))
            return failJson(err);
        setIndex(i);
        if (!fn(e, i))
            return false;
        if (i < std::numeric_limits<qint32>::max())
            ++i;
    }
    setIndex(-1);
    return true;
}

template<std::size_t N>
IdRead Reader::id(od::value& v, telemetry::BinaryId<N>& out, qsizetype& gotLength)
{
    od::json_type t;
    if (!type(v, t))
        return IdRead::Fatal;
    if (t == od::json_type::null)
        return IdRead::Absent;
    if (t != od::json_type::string) {
        gotLength = qsizetype(t); // idError() reports the actual type from it
        return IdRead::WrongType;
    }
    std::string_view hex;
    if (auto err = v.get_string().get(hex)) {
        failJson(err);
        return IdRead::Fatal;
    }
    gotLength = qsizetype(hex.size());
    if (hex.empty())
        return IdRead::Absent;
    if (hex.size() != 2 * N)
        return IdRead::BadLength;
    auto parsed = telemetry::BinaryId<N>::fromHex(hex);
    if (!parsed)
        return IdRead::NotHex;
    out = *parsed;
    return IdRead::Ok;
}

} // namespace wf::otlp::json
