#include "otlp/JsonReader.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

namespace wf::otlp::json {

using telemetry::AnyValue;
using telemetry::KeyValue;
using telemetry::KeyValueList;

namespace {

// A request up to this size releases buffers a larger request left (see ParserLease).
constexpr std::size_t kKeepBuffersUpTo = 8 * 1024 * 1024;
// How much of a sender's text an error message quotes.
constexpr qsizetype kQuoteChars = 40;

} // namespace

struct ParserLease::Buffers
{
    od::parser parser;
    std::unique_ptr<char[]> data; // body + SIMDJSON_PADDING; not zero-filled first (that is a pass
    std::size_t capacity = 0;     // over fresh memory for nothing)
    bool busy = false;
};

namespace {
thread_local std::unique_ptr<ParserLease::Buffers> t_buffers;
} // namespace

const char* Reader::typeName(od::json_type t)
{
    switch (t) {
    case od::json_type::object:
        return "an object";
    case od::json_type::array:
        return "an array";
    case od::json_type::string:
        return "a string";
    case od::json_type::number:
        return "a number";
    case od::json_type::boolean:
        return "a boolean";
    case od::json_type::null:
        return "null";
    }
    return "?";
}

namespace {

QString quote(std::string_view text)
{
    while (!text.empty() &&
           (text.back() == ' ' || text.back() == '\n' || text.back() == '\r' || text.back() == '\t'))
        text.remove_suffix(1);
    QString s = QString::fromUtf8(text.data(), qsizetype(text.size()));
    if (s.size() > kQuoteChars)
        s = s.left(kQuoteChars) + QChar(0x2026);
    return s;
}

QString quoteString(std::string_view text)
{
    return QLatin1Char('"') + quote(text) + QLatin1Char('"');
}

} // namespace

// ---------------------------------------------------------------------------------------------------

ParserLease::ParserLease(std::size_t bodySize)
{
    if (!t_buffers)
        t_buffers = std::make_unique<Buffers>();
    // Busy only if a decode runs inside another on this thread; it then gets its own buffers.
    m_oneShot = t_buffers->busy;
    if (m_oneShot) {
        m_buffers = new Buffers;
    } else {
        m_buffers = t_buffers.get();
        m_buffers->busy = true;
        const std::size_t needed = bodySize + simdjson::SIMDJSON_PADDING;
        if (bodySize <= kKeepBuffersUpTo &&
            m_buffers->capacity > kKeepBuffersUpTo + simdjson::SIMDJSON_PADDING) {
            m_buffers->parser = od::parser(); // drop what a large request left behind
            m_buffers->data.reset();
            m_buffers->capacity = 0;
        }
        if (m_buffers->capacity < needed) {
            m_buffers->data.reset(new char[needed]);
            m_buffers->capacity = needed;
        }
    }
    m_parser = &m_buffers->parser;
}

ParserLease::~ParserLease()
{
    if (m_oneShot)
        delete m_buffers;
    else
        m_buffers->busy = false;
}

simdjson::padded_string_view ParserLease::pad(QByteArrayView body)
{
    // simdjson reads up to SIMDJSON_PADDING bytes past the end of the input: copy into a buffer that
    // has them, since a QByteArray's allocation carries no such guarantee.
    const std::size_t n = std::size_t(body.size());
    const std::size_t needed = n + simdjson::SIMDJSON_PADDING;
    if (m_buffers->capacity < needed) {
        m_buffers->data.reset(new char[needed]);
        m_buffers->capacity = needed;
    }
    char* data = m_buffers->data.get();
    std::memcpy(data, body.data(), n);
    std::memset(data + n, 0, simdjson::SIMDJSON_PADDING);
    return simdjson::padded_string_view(data, n, m_buffers->capacity);
}

// ---------------------------------------------------------------------------------------------------

bool Reader::failJson(simdjson::error_code code)
{
    return fail(Code::InvalidJson, QString::fromUtf8(simdjson::error_message(code)));
}

bool Reader::wrongType(const char* expected, od::json_type actual)
{
    return error(Code::ExpectedType, QLatin1String(expected), QLatin1String(typeName(actual)));
}

// ---------------------------------------------------------------------------------------------------

bool Reader::type(od::value& v, od::json_type& out)
{
    if (auto err = v.type().get(out))
        return failJson(err);
    return true;
}

bool Reader::object(od::value& v, od::object& out, bool& present)
{
    od::json_type t;
    if (!type(v, t))
        return false;
    present = t != od::json_type::null;
    if (!present)
        return true;
    if (t != od::json_type::object)
        return wrongType("an object", t);
    if (auto err = v.get_object().get(out))
        return failJson(err);
    return true;
}

bool Reader::skip(od::value& v)
{
    od::json_type t;
    if (!type(v, t))
        return false;
    if (t != od::json_type::object && t != od::json_type::array)
        return true; // scalars are skipped by the parser when the walk moves on
    return skipWalk(v, depth() + 1);
}

bool Reader::skipWalk(od::value& v, int depth)
{
    if (depth > limits().maxJsonDepth)
        return fail(Code::JsonTooDeep, QString::number(limits().maxJsonDepth));
    od::json_type t;
    if (!type(v, t))
        return false;
    if (t == od::json_type::object) {
        od::object obj;
        if (auto err = v.get_object().get(obj))
            return failJson(err);
        for (auto r : obj) {
            od::field f;
            if (auto err = std::move(r).get(f))
                return failJson(err);
            od::json_type ct;
            if (!type(f.value(), ct))
                return false;
            if ((ct == od::json_type::object || ct == od::json_type::array) &&
                !skipWalk(f.value(), depth + 1))
                return false;
        }
    } else if (t == od::json_type::array) {
        od::array arr;
        if (auto err = v.get_array().get(arr))
            return failJson(err);
        for (auto r : arr) {
            od::value e;
            if (auto err = std::move(r).get(e))
                return failJson(err);
            od::json_type ct;
            if (!type(e, ct))
                return false;
            if ((ct == od::json_type::object || ct == od::json_type::array) && !skipWalk(e, depth + 1))
                return false;
        }
    }
    return true;
}

// ---------------------------------------------------------------------------------------------------

bool Reader::string(od::value& v, QString& out, bool intern)
{
    od::json_type t;
    if (!type(v, t))
        return false;
    if (t == od::json_type::null)
        return true;
    if (t != od::json_type::string)
        return wrongType("a string", t);
    std::string_view sv;
    if (auto err = v.get_string().get(sv))
        return failJson(err);
    out = makeString(sv, intern);
    return true;
}

bool Reader::rawString(od::value& v, std::string_view& out, bool& present)
{
    od::json_type t;
    if (!type(v, t))
        return false;
    present = t != od::json_type::null;
    if (!present)
        return true;
    if (t != od::json_type::string)
        return wrongType("a string", t);
    if (auto err = v.get_string().get(out))
        return failJson(err);
    return true;
}

bool Reader::boolean(od::value& v, bool& out)
{
    od::json_type t;
    if (!type(v, t))
        return false;
    if (t == od::json_type::null)
        return true;
    if (t != od::json_type::boolean)
        return wrongType("a boolean", t);
    if (auto err = v.get_bool().get(out))
        return failJson(err);
    return true;
}

namespace {

// An integer as sign and magnitude, so one parser serves signed and unsigned fields.
struct Integer
{
    bool negative = false;
    quint64 magnitude = 0;
};

enum class IntParse { Ok, Invalid, OutOfRange };

IntParse parseDecimal(std::string_view s, Integer& out)
{
    out = {};
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        out.negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (s.empty())
        return IntParse::Invalid;
    for (char c : s)
        if (c < '0' || c > '9')
            return IntParse::Invalid;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out.magnitude);
    if (ec == std::errc::result_out_of_range)
        return IntParse::OutOfRange;
    return ec == std::errc() && end == s.data() + s.size() ? IntParse::Ok : IntParse::Invalid;
}

} // namespace

// Reads a JSON number or a decimal string (proto3 JSON sends 64-bit integers as strings).
static bool readInteger(Reader& r, od::value& v, Integer& out)
{
    out = {};
    od::json_type t;
    if (!r.type(v, t))
        return false;
    if (t == od::json_type::null)
        return true;
    if (t == od::json_type::number) {
        od::number n;
        if (v.get_number().get(n)) {
            const std::string_view raw = v.raw_json_token();
            return r.error(Code::NumberOutOfRange, quote(raw));
        }
        switch (n.get_number_type()) {
        case od::number_type::signed_integer: {
            const qint64 i = n.get_int64();
            out.negative = i < 0;
            out.magnitude = i < 0 ? quint64(0) - quint64(i) : quint64(i);
            return true;
        }
        case od::number_type::unsigned_integer:
            out.magnitude = n.get_uint64();
            return true;
        case od::number_type::floating_point_number: {
            // proto3 JSON accepts 1e3 for an integer field when the value is integral.
            const double d = n.get_double();
            if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 18446744073709551616.0) {
                out.negative = d < 0;
                out.magnitude = quint64(std::fabs(d));
                return true;
            }
            const std::string_view raw = v.raw_json_token();
            return r.error(Code::InvalidNumber, quote(raw));
        }
        }
        return r.error(Code::InvalidNumber, QString());
    }
    if (t == od::json_type::string) {
        std::string_view s;
        if (auto err = v.get_string().get(s))
            return r.failJson(err);
        switch (parseDecimal(s, out)) {
        case IntParse::Ok:
            return true;
        case IntParse::OutOfRange:
            return r.error(Code::NumberOutOfRange, quoteString(s));
        case IntParse::Invalid:
            return r.error(Code::InvalidNumber, quoteString(s));
        }
    }
    return r.wrongType("a number", t);
}

bool Reader::uint64(od::value& v, quint64& out)
{
    Integer i;
    if (!readInteger(*this, v, i))
        return false;
    if (i.negative && i.magnitude != 0)
        return error(Code::NumberOutOfRange, QLatin1Char('-') + QString::number(i.magnitude));
    out = i.magnitude;
    return true;
}

bool Reader::int64(od::value& v, qint64& out)
{
    Integer i;
    if (!readInteger(*this, v, i))
        return false;
    constexpr quint64 maxPositive = quint64(std::numeric_limits<qint64>::max());
    if (i.magnitude > maxPositive + (i.negative ? 1 : 0))
        return error(Code::NumberOutOfRange,
                     (i.negative ? QStringLiteral("-") : QString()) + QString::number(i.magnitude));
    out = i.negative ? qint64(quint64(0) - i.magnitude) : qint64(i.magnitude);
    return true;
}

bool Reader::uint32(od::value& v, quint32& out)
{
    quint64 u = 0;
    if (!uint64(v, u))
        return false;
    if (u > std::numeric_limits<quint32>::max())
        return error(Code::NumberOutOfRange, QString::number(u));
    out = quint32(u);
    return true;
}

bool Reader::int32(od::value& v, qint32& out)
{
    qint64 i = 0;
    if (!int64(v, i))
        return false;
    if (i < std::numeric_limits<qint32>::min() || i > std::numeric_limits<qint32>::max())
        return error(Code::NumberOutOfRange, QString::number(i));
    out = qint32(i);
    return true;
}

bool Reader::timeNs(od::value& v, qint64& out)
{
    quint64 u = 0;
    if (!uint64(v, u))
        return false;
    // fixed64 on the wire, but nothing before year 2262 needs the top bit; keeping signed time
    // makes durations and comparisons safe everywhere else.
    if (u > quint64(std::numeric_limits<qint64>::max()))
        return error(Code::NumberOutOfRange, QString::number(u));
    out = qint64(u);
    return true;
}

bool Reader::dbl(od::value& v, double& out)
{
    od::json_type t;
    if (!type(v, t))
        return false;
    if (t == od::json_type::null)
        return true;
    if (t == od::json_type::number) {
        if (v.get_double().get(out)) {
            const std::string_view raw = v.raw_json_token();
            return error(Code::NumberOutOfRange, quote(raw));
        }
        return true;
    }
    if (t == od::json_type::string) {
        std::string_view s;
        if (auto err = v.get_string().get(s))
            return failJson(err);
        if (s == "NaN") {
            out = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        if (s == "Infinity" || s == "-Infinity") {
            out = s.front() == '-' ? -std::numeric_limits<double>::infinity()
                                   : std::numeric_limits<double>::infinity();
            return true;
        }
        double d = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
        if (!s.empty() && ec == std::errc() && end == s.data() + s.size() && std::isfinite(d)) {
            out = d;
            return true;
        }
        return error(Code::ExpectedType, QStringLiteral("a number"), quoteString(s));
    }
    return wrongType("a number", t);
}

bool Reader::enumValue(od::value& v, const EnumName* names, std::size_t count, int& out)
{
    od::json_type t;
    if (!type(v, t))
        return false;
    if (t == od::json_type::string) {
        // OTLP says integers only; the proto3 JSON mapping also allows the names, so accept them.
        std::string_view s;
        if (auto err = v.get_string().get(s))
            return failJson(err);
        for (std::size_t i = 0; i < count; ++i) {
            if (names[i].name == s) {
                out = names[i].value;
                return true;
            }
        }
        // A number in a string, as proto3 JSON allows for any integer; the value is consumed, so it is
        // parsed here rather than through int32().
        Integer n;
        if (parseDecimal(s, n) != IntParse::Ok)
            return error(Code::UnknownEnum, quoteString(s));
        if (n.magnitude > quint64(std::numeric_limits<qint32>::max()))
            return error(Code::NumberOutOfRange, quoteString(s));
        out = n.negative ? -int(n.magnitude) : int(n.magnitude);
        return true;
    }
    qint32 i = 0;
    if (!int32(v, i))
        return false;
    out = i;
    return true;
}

bool Reader::idError(IdRead result, std::size_t expectedBytes, qsizetype gotLength)
{
    switch (result) {
    case IdRead::Ok:
    case IdRead::Absent:
        return true;
    case IdRead::WrongType:
        return wrongType("a string", od::json_type(gotLength));
    case IdRead::BadLength:
        return error(Code::HexLength, QString::number(expectedBytes * 2), QString::number(gotLength));
    case IdRead::NotHex:
        return error(Code::NotHex);
    case IdRead::Fatal:
        return false;
    }
    return false;
}

} // namespace wf::otlp::json
