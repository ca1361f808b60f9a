#include "telemetry/AnyValue.h"

#include "telemetry/Ids.h"

#include <span>

namespace wf::telemetry {

AnyValue AnyValue::fromString(QString s)
{
    AnyValue v;
    v.m_v = std::move(s);
    return v;
}

AnyValue AnyValue::fromBool(bool b)
{
    AnyValue v;
    v.m_v = b;
    return v;
}

AnyValue AnyValue::fromInt(qint64 i)
{
    AnyValue v;
    v.m_v = i;
    return v;
}

AnyValue AnyValue::fromDouble(double d)
{
    AnyValue v;
    v.m_v = d;
    return v;
}

AnyValue AnyValue::fromBytes(QByteArray b)
{
    AnyValue v;
    v.m_v = std::move(b);
    return v;
}

AnyValue AnyValue::fromArray(AnyValueList values)
{
    AnyValue v;
    v.m_v = std::make_shared<const AnyValueList>(std::move(values));
    return v;
}

AnyValue AnyValue::fromKvList(KeyValueList values)
{
    AnyValue v;
    v.m_v = std::make_shared<const KeyValueList>(std::move(values));
    return v;
}

QString AnyValue::toString() const
{
    if (const auto* s = std::get_if<QString>(&m_v))
        return *s;
    return {};
}

bool AnyValue::toBool() const
{
    if (const auto* b = std::get_if<bool>(&m_v))
        return *b;
    return false;
}

qint64 AnyValue::toInt() const
{
    if (const auto* i = std::get_if<qint64>(&m_v))
        return *i;
    return 0;
}

double AnyValue::toDouble() const
{
    if (const auto* d = std::get_if<double>(&m_v))
        return *d;
    if (const auto* i = std::get_if<qint64>(&m_v))
        return double(*i);
    return 0;
}

QByteArray AnyValue::toBytes() const
{
    if (const auto* b = std::get_if<QByteArray>(&m_v))
        return *b;
    return {};
}

const AnyValueList& AnyValue::array() const
{
    static const AnyValueList empty;
    if (const auto* a = std::get_if<std::shared_ptr<const AnyValueList>>(&m_v))
        return **a;
    return empty;
}

const KeyValueList& AnyValue::kvList() const
{
    static const KeyValueList empty;
    if (const auto* l = std::get_if<std::shared_ptr<const KeyValueList>>(&m_v))
        return **l;
    return empty;
}

QString AnyValue::displayString() const
{
    switch (type()) {
    case Type::Empty:
        return {};
    case Type::String:
        return std::get<QString>(m_v);
    case Type::Bool:
        return std::get<bool>(m_v) ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Int:
        return QString::number(std::get<qint64>(m_v));
    case Type::Double:
        return QString::number(std::get<double>(m_v), 'g', 17);
    case Type::Bytes: {
        const QByteArray& b = std::get<QByteArray>(m_v);
        return wf::telemetry::toHex(std::span<const std::uint8_t>(
            reinterpret_cast<const std::uint8_t*>(b.constData()), std::size_t(b.size())));
    }
    case Type::Array: {
        QString out = QStringLiteral("[");
        bool first = true;
        for (const AnyValue& v : array()) {
            if (!first)
                out += QStringLiteral(", ");
            first = false;
            out += v.displayString();
        }
        return out + QLatin1Char(']');
    }
    case Type::KvList: {
        QString out = QStringLiteral("{");
        bool first = true;
        for (const KeyValue& kv : kvList()) {
            if (!first)
                out += QStringLiteral(", ");
            first = false;
            out += kv.key + QLatin1Char('=') + kv.value.displayString();
        }
        return out + QLatin1Char('}');
    }
    }
    return {};
}

bool operator==(const AnyValue& a, const AnyValue& b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case AnyValue::Type::Array:
        return a.array() == b.array();
    case AnyValue::Type::KvList:
        return a.kvList() == b.kvList();
    default:
        return a.m_v == b.m_v;
    }
}

const AnyValue* Attributes::find(QStringView key) const
{
    for (const KeyValue& kv : m_items)
        if (kv.key == key)
            return &kv.value;
    return nullptr;
}

AnyValue Attributes::value(QStringView key) const
{
    const AnyValue* v = find(key);
    return v ? *v : AnyValue();
}

} // namespace wf::telemetry
