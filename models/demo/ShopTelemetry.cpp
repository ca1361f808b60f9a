#include "ShopTelemetry.h"

namespace wf::demo {

namespace {

void appendHex(QByteArray& out, quint64 value)
{
    static constexpr char digits[] = "0123456789abcdef";
    for (int shift = 60; shift >= 0; shift -= 4)
        out.append(digits[(value >> shift) & 0xf]);
}

} // namespace

const AttributeValue* findAttribute(const Attributes& attributes, QStringView key)
{
    for (const Attribute& a : attributes) {
        if (a.key == key)
            return &a.value;
    }
    return nullptr;
}

QString stringAttribute(const Attributes& attributes, QStringView key)
{
    const AttributeValue* v = findAttribute(attributes, key);
    if (v == nullptr)
        return {};
    const QString* s = std::get_if<QString>(v);
    return s != nullptr ? *s : QString();
}

qint64 intAttribute(const Attributes& attributes, QStringView key, qint64 fallback)
{
    const AttributeValue* v = findAttribute(attributes, key);
    if (v == nullptr)
        return fallback;
    const qint64* i = std::get_if<qint64>(v);
    return i != nullptr ? *i : fallback;
}

QByteArray TraceId::toHex() const
{
    QByteArray out;
    out.reserve(32);
    appendHex(out, high);
    appendHex(out, low);
    return out;
}

QByteArray SpanId::toHex() const
{
    QByteArray out;
    out.reserve(16);
    appendHex(out, value);
    return out;
}

} // namespace wf::demo
