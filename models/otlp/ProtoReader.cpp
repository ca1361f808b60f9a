#include "otlp/ProtoReader.h"

#include <limits>

namespace wf::otlp::proto {

using telemetry::AnyValue;
using telemetry::KeyValue;
using telemetry::KeyValueList;

quint32 addSaturating(quint32 a, quint32 b)
{
    return b > std::numeric_limits<quint32>::max() - a ? std::numeric_limits<quint32>::max() : a + b;
}

bool Reader::wireError(const Wire& w)
{
    return fail(Code::InvalidProtobuf, QString::fromLatin1(w.problem() ? w.problem() : "invalid"));
}

bool Reader::skip(Wire& w, std::uint32_t wireType)
{
    return w.skip(wireType) || wireError(w);
}

bool Reader::bytes(Wire& w, std::uint32_t wireType, std::string_view& out)
{
    if (wireType != Len)
        return skip(w, wireType);
    return w.bytes(out) || wireError(w);
}

bool Reader::string(Wire& w, std::uint32_t wireType, QString& out, bool intern)
{
    if (wireType != Len)
        return skip(w, wireType);
    std::string_view s;
    if (!w.bytes(s))
        return wireError(w);
    out = makeString(s, intern);
    return true;
}

bool Reader::uint64(Wire& w, std::uint32_t wireType, quint64& out)
{
    std::uint64_t v = 0;
    if (!w.integer(wireType, v))
        return wireError(w);
    if (wireType != Len)
        out = v;
    return true;
}

bool Reader::uint32(Wire& w, std::uint32_t wireType, quint32& out)
{
    quint64 v = out;
    if (!uint64(w, wireType, v))
        return false;
    // Wider values do not fit the field: keep the low 32 bits, as protobuf parsers do.
    out = quint32(v);
    return true;
}

bool Reader::int32(Wire& w, std::uint32_t wireType, qint32& out)
{
    quint64 v = quint64(qint64(out));
    if (!uint64(w, wireType, v))
        return false;
    out = qint32(std::uint32_t(v)); // negative int32 arrive sign-extended to 64 bits
    return true;
}

bool Reader::sint32(Wire& w, std::uint32_t wireType, qint32& out)
{
    if (wireType != Varint)
        return skip(w, wireType);
    std::uint64_t v = 0;
    if (!w.varint(v))
        return wireError(w);
    out = zigzag32(v);
    return true;
}

bool Reader::boolean(Wire& w, std::uint32_t wireType, bool& out)
{
    quint64 v = out ? 1 : 0;
    if (!uint64(w, wireType, v))
        return false;
    out = v != 0;
    return true;
}

bool Reader::dbl(Wire& w, std::uint32_t wireType, double& out)
{
    if (wireType != Fixed64)
        return skip(w, wireType);
    return w.dbl(out) || wireError(w);
}

bool Reader::optionalDbl(Wire& w, std::uint32_t wireType, std::optional<double>& out)
{
    if (wireType != Fixed64)
        return skip(w, wireType);
    double d = 0;
    if (!w.dbl(d))
        return wireError(w);
    out = d;
    return true;
}

bool Reader::timeNs(Wire& w, std::uint32_t wireType, qint64& out)
{
    quint64 v = quint64(out);
    if (!uint64(w, wireType, v))
        return false;
    if (v > quint64(std::numeric_limits<qint64>::max()))
        return error(Code::NumberOutOfRange, QString::number(v));
    out = qint64(v);
    return true;
}

namespace {

// Shared by the repeated-number readers: the elements of a packed field, or one unpacked element.
template<typename T, typename ReadOne>
bool repeated(Reader& r, Wire& w, std::uint32_t wireType, std::uint32_t elementWire, std::vector<T>& out,
              ReadOne&& readOne)
{
    const auto add = [&](T v) {
        if (qsizetype(out.size()) >= r.limits().maxBuckets)
            return r.error(Code::TooManyBuckets, QString::number(r.limits().maxBuckets));
        out.push_back(v);
        return true;
    };
    if (wireType == elementWire) {
        T v{};
        if (!readOne(w, v))
            return r.wireError(w);
        return add(v);
    }
    if (wireType != Len)
        return r.skip(w, wireType);
    std::string_view packed;
    if (!w.bytes(packed))
        return r.wireError(w);
    Wire inner(packed);
    while (!inner.atEnd()) {
        T v{};
        if (!readOne(inner, v))
            return r.wireError(inner);
        if (!add(v))
            return false;
    }
    return true;
}

} // namespace

bool Reader::fixed64s(Wire& w, std::uint32_t wireType, std::vector<quint64>& out)
{
    return repeated(*this, w, wireType, Fixed64, out, [](Wire& in, quint64& v) {
        std::uint64_t u = 0;
        const bool ok = in.fixed64(u);
        v = u;
        return ok;
    });
}

bool Reader::doubles(Wire& w, std::uint32_t wireType, std::vector<double>& out)
{
    return repeated(*this, w, wireType, Fixed64, out, [](Wire& in, double& v) { return in.dbl(v); });
}

bool Reader::varints(Wire& w, std::uint32_t wireType, std::vector<quint64>& out)
{
    return repeated(*this, w, wireType, Varint, out, [](Wire& in, quint64& v) {
        std::uint64_t u = 0;
        const bool ok = in.varint(u);
        v = u;
        return ok;
    });
}

// ---------------------------------------------------------------------------------------------------

bool Reader::anyValue(std::string_view msg, AnyValue& out, int depth)
{
    if (depth > limits().maxAnyValueDepth)
        return error(Code::ValueTooDeep, QString::number(limits().maxAnyValueDepth));
    return message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        switch (f) {
        case 1: {
            if (wt != Len)
                return skip(w, wt);
            std::string_view sv;
            if (!bytes(w, wt, sv))
                return false;
            out = AnyValue::fromString(makeValueString(sv));
            return true;
        }
        case 2: {
            if (wt != Varint)
                return skip(w, wt);
            bool b = false;
            if (!boolean(w, wt, b))
                return false;
            out = AnyValue::fromBool(b);
            return true;
        }
        case 3: {
            if (wt != Varint)
                return skip(w, wt);
            quint64 v = 0;
            if (!uint64(w, wt, v))
                return false;
            out = AnyValue::fromInt(qint64(v)); // int64: two's complement in the varint
            return true;
        }
        case 4: {
            if (wt != Fixed64)
                return skip(w, wt);
            double d = 0;
            if (!dbl(w, wt, d))
                return false;
            out = AnyValue::fromDouble(d);
            return true;
        }
        case 5:
        case 6: {
            const bool isArray = f == 5;
            std::string_view list;
            if (wt != Len)
                return skip(w, wt);
            if (!bytes(w, wt, list))
                return false;
            PathGuard g(*this, isArray ? "arrayValue" : "kvlistValue");
            telemetry::AnyValueList values;
            ScratchList kvs(*this);
            qint32 index = 0;
            const bool ok = message(list, [&](std::uint32_t lf, std::uint32_t lwt, Wire& lw) {
                std::string_view element;
                if (lf != 1 || lwt != Len)
                    return skip(lw, lwt);
                if (!bytes(lw, lwt, element))
                    return false;
                PathGuard g2(*this, "values");
                setIndex(index++);
                if (qsizetype(isArray ? values.size() : kvs.get().size()) >= limits().maxArrayValues) {
                    ++status().droppedValues;
                    return true;
                }
                if (isArray) {
                    AnyValue item;
                    if (!anyValue(element, item, depth + 1))
                        return false;
                    values.push_back(std::move(item));
                } else {
                    KeyValue kv;
                    if (!keyValue(element, kv, depth + 1))
                        return false;
                    kvs.get().push_back(std::move(kv));
                }
                return true;
            });
            if (!ok)
                return false;
            out = isArray ? AnyValue::fromArray(std::move(values)) : AnyValue::fromKvList(kvs.take());
            return true;
        }
        case 7: {
            std::string_view raw;
            if (wt != Len)
                return skip(w, wt);
            if (!bytes(w, wt, raw))
                return false;
            QByteArray b(raw.data(), qsizetype(std::min<std::size_t>(
                                         raw.size(), std::size_t(std::max(0, limits().maxStringBytes)))));
            if (qsizetype(raw.size()) > b.size())
                ++status().truncatedStrings;
            out = AnyValue::fromBytes(std::move(b));
            return true;
        }
        default:
            return skip(w, wt);
        }
    });
}

bool Reader::keyValue(std::string_view msg, KeyValue& out, int depth)
{
    return message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        if (f == 1) {
            PathGuard g(*this, "key");
            return string(w, wt, out.key, true);
        }
        if (f == 2 && wt == Len) {
            std::string_view v;
            if (!bytes(w, wt, v))
                return false;
            PathGuard g(*this, "value");
            return anyValue(v, out.value, depth);
        }
        return skip(w, wt);
    });
}

bool Reader::attribute(Wire& w, std::uint32_t wireType, KeyValueList& out, quint32& dropped, qint32& index)
{
    std::string_view msg;
    if (wireType != Len)
        return skip(w, wireType);
    if (!bytes(w, wireType, msg))
        return false;
    PathGuard g(*this, "attributes");
    setIndex(index++);
    if (qsizetype(out.size()) >= limits().maxAttributesPerItem) {
        dropped = addSaturating(dropped, 1);
        ++status().droppedAttributes;
        return true;
    }
    KeyValue kv;
    if (!keyValue(msg, kv, 1))
        return false;
    out.push_back(std::move(kv));
    return true;
}

bool Reader::resource(std::string_view msg, telemetry::Resource& out)
{
    ScratchList scratch(*this);
    quint32 ourDropped = 0;
    quint32 senderDropped = 0;
    qint32 index = 0;
    const bool ok = message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        switch (f) {
        case 1:
            return attribute(w, wt, scratch.get(), ourDropped, index);
        case 2: {
            PathGuard g(*this, "droppedAttributesCount");
            return uint32(w, wt, senderDropped);
        }
        default:
            return skip(w, wt);
        }
    });
    if (!ok)
        return false;
    out =
        telemetry::Resource(telemetry::Attributes(scratch.take(), addSaturating(senderDropped, ourDropped)));
    return true;
}

bool Reader::scope(std::string_view msg, telemetry::Scope& out)
{
    ScratchList scratch(*this);
    quint32 ourDropped = 0;
    quint32 senderDropped = 0;
    qint32 index = 0;
    const bool ok = message(msg, [&](std::uint32_t f, std::uint32_t wt, Wire& w) {
        switch (f) {
        case 1: {
            PathGuard g(*this, "name");
            return string(w, wt, out.name, true);
        }
        case 2: {
            PathGuard g(*this, "version");
            return string(w, wt, out.version, true);
        }
        case 3:
            return attribute(w, wt, scratch.get(), ourDropped, index);
        case 4: {
            PathGuard g(*this, "droppedAttributesCount");
            return uint32(w, wt, senderDropped);
        }
        default:
            return skip(w, wt);
        }
    });
    if (!ok)
        return false;
    out.attributes = telemetry::Attributes(scratch.take(), addSaturating(senderDropped, ourDropped));
    return true;
}

} // namespace wf::otlp::proto
