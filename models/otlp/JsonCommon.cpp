// OTLP common/v1 and resource/v1 in JSON: AnyValue, KeyValue lists, Resource, InstrumentationScope.

#include "otlp/JsonReader.h"

#include <limits>

namespace wf::otlp::json {

using telemetry::AnyValue;
using telemetry::KeyValue;
using telemetry::KeyValueList;

namespace {

const FieldName kAnyValueFields[] = {
    {"stringValue", "string_value", 1}, {"boolValue", "bool_value", 2},   {"intValue", "int_value", 3},
    {"doubleValue", "double_value", 4}, {"arrayValue", "array_value", 5}, {"kvlistValue", "kvlist_value", 6},
    {"bytesValue", "bytes_value", 7},
};
const FieldName kValuesField[] = {{"values", "values", 1}};
const FieldName kKeyValueFields[] = {{"key", "key", 1}, {"value", "value", 2}};
const FieldName kResourceFields[] = {{"attributes", "attributes", 1},
                                     {"droppedAttributesCount", "dropped_attributes_count", 2}};
const FieldName kScopeFields[] = {{"name", "name", 1},
                                  {"version", "version", 2},
                                  {"attributes", "attributes", 3},
                                  {"droppedAttributesCount", "dropped_attributes_count", 4}};

quint32 saturatingAdd(quint32 a, quint32 b)
{
    return b > std::numeric_limits<quint32>::max() - a ? std::numeric_limits<quint32>::max() : a + b;
}

bool decodeBase64(std::string_view text, QByteArray& out)
{
    const QByteArray raw = QByteArray::fromRawData(text.data(), qsizetype(text.size()));
    for (auto alphabet : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        auto decoded =
            QByteArray::fromBase64Encoding(raw, alphabet | QByteArray::AbortOnBase64DecodingErrors);
        if (decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok) {
            out = std::move(decoded.decoded);
            return true;
        }
    }
    return false;
}

} // namespace

static bool readKeyValue(Reader& r, od::value& v, KeyValue& out, int depth);

bool Reader::anyValue(od::value& v, AnyValue& out, int depth)
{
    if (depth > limits().maxAnyValueDepth)
        return error(Code::ValueTooDeep, QString::number(limits().maxAnyValueDepth));
    if (depth > 1 && this->depth() > limits().maxJsonDepth)
        return fail(Code::JsonTooDeep, QString::number(limits().maxJsonDepth));
    return fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kAnyValueFields)) {
        case 1: {
            PathGuard g(*this, "stringValue");
            std::string_view sv;
            bool present = false;
            if (!rawString(fv, sv, present))
                return false;
            out = AnyValue::fromString(present ? makeValueString(sv) : QString());
            return true;
        }
        case 2: {
            PathGuard g(*this, "boolValue");
            bool b = false;
            if (!boolean(fv, b))
                return false;
            out = AnyValue::fromBool(b);
            return true;
        }
        case 3: {
            PathGuard g(*this, "intValue");
            qint64 i = 0;
            if (!int64(fv, i))
                return false;
            out = AnyValue::fromInt(i);
            return true;
        }
        case 4: {
            PathGuard g(*this, "doubleValue");
            double d = 0;
            if (!dbl(fv, d))
                return false;
            out = AnyValue::fromDouble(d);
            return true;
        }
        case 5:
        case 6: {
            const bool isArray = fieldId(key, kAnyValueFields) == 5;
            PathGuard g(*this, isArray ? "arrayValue" : "kvlistValue");
            telemetry::AnyValueList values;
            KeyValueList kvs;
            const bool ok = fields(fv, [&](std::string_view k, od::value& listValue) {
                if (fieldId(k, kValuesField) != 1)
                    return skip(listValue);
                PathGuard g2(*this, "values");
                return elements(listValue, [&](od::value& e, qint32) {
                    if (qsizetype(isArray ? values.size() : kvs.size()) >= limits().maxArrayValues) {
                        ++status().droppedValues;
                        return true;
                    }
                    if (isArray) {
                        AnyValue item;
                        if (!anyValue(e, item, depth + 1))
                            return false;
                        values.push_back(std::move(item));
                    } else {
                        KeyValue kv;
                        if (!readKeyValue(*this, e, kv, depth + 1))
                            return false;
                        kvs.push_back(std::move(kv));
                    }
                    return true;
                });
            });
            if (!ok)
                return false;
            out = isArray ? AnyValue::fromArray(std::move(values)) : AnyValue::fromKvList(std::move(kvs));
            return true;
        }
        case 7: {
            PathGuard g(*this, "bytesValue");
            std::string_view text;
            bool present = false;
            if (!rawString(fv, text, present))
                return false;
            QByteArray bytes;
            if (present && !decodeBase64(text, bytes))
                return error(Code::InvalidBase64);
            if (bytes.size() > limits().maxStringBytes) {
                bytes.truncate(std::max(0, limits().maxStringBytes));
                ++status().truncatedStrings;
            }
            out = AnyValue::fromBytes(std::move(bytes));
            return true;
        }
        default:
            return skip(fv);
        }
    });
}

static bool readKeyValue(Reader& r, od::value& v, KeyValue& out, int depth)
{
    return r.fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kKeyValueFields)) {
        case 1: {
            Reader::PathGuard g(r, "key");
            return r.string(fv, out.key, true);
        }
        case 2: {
            Reader::PathGuard g(r, "value");
            return r.anyValue(fv, out.value, depth);
        }
        default:
            return r.skip(fv);
        }
    });
}

bool Reader::attributes(od::value& v, KeyValueList& out, quint32& dropped)
{
    return elements(v, [&](od::value& e, qint32) {
        if (qsizetype(out.size()) >= limits().maxAttributesPerItem) {
            dropped = saturatingAdd(dropped, 1);
            ++status().droppedAttributes;
            return true;
        }
        KeyValue kv;
        if (!readKeyValue(*this, e, kv, 1))
            return false;
        out.push_back(std::move(kv));
        return true;
    });
}

bool Reader::resource(od::value& v, telemetry::Resource& out)
{
    ScratchList scratch(*this);
    KeyValueList& attrs = scratch.get();
    quint32 ourDropped = 0;
    quint32 senderDropped = 0;
    const bool ok = fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kResourceFields)) {
        case 1: {
            PathGuard g(*this, "attributes");
            return attributes(fv, attrs, ourDropped);
        }
        case 2: {
            PathGuard g(*this, "droppedAttributesCount");
            return uint32(fv, senderDropped);
        }
        default:
            return skip(fv);
        }
    });
    if (!ok)
        return false;
    out =
        telemetry::Resource(telemetry::Attributes(scratch.take(), saturatingAdd(senderDropped, ourDropped)));
    return true;
}

bool Reader::scope(od::value& v, telemetry::Scope& out)
{
    ScratchList scratch(*this);
    KeyValueList& attrs = scratch.get();
    quint32 ourDropped = 0;
    quint32 senderDropped = 0;
    const bool ok = fields(v, [&](std::string_view key, od::value& fv) {
        switch (fieldId(key, kScopeFields)) {
        case 1: {
            PathGuard g(*this, "name");
            return string(fv, out.name, true);
        }
        case 2: {
            PathGuard g(*this, "version");
            return string(fv, out.version, true);
        }
        case 3: {
            PathGuard g(*this, "attributes");
            return attributes(fv, attrs, ourDropped);
        }
        case 4: {
            PathGuard g(*this, "droppedAttributesCount");
            return uint32(fv, senderDropped);
        }
        default:
            return skip(fv);
        }
    });
    if (!ok)
        return false;
    out.attributes = telemetry::Attributes(scratch.take(), saturatingAdd(senderDropped, ourDropped));
    return true;
}

} // namespace wf::otlp::json
