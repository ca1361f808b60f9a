#pragma once
// A tiny protobuf wire-format encoder for hand-built OTLP request bodies in tests: each helper
// returns one encoded field, so a message is the concatenation of its fields.
#include <QByteArray>
#include <QStringBuilder>

#include <cstring>

namespace wf::test::proto {

inline QByteArray varint(quint64 v)
{
    QByteArray out;
    do {
        out.append(char((v & 0x7f) | (v > 0x7f ? 0x80 : 0)));
        v >>= 7;
    } while (v);
    return out;
}
inline QByteArray tag(int field, int wire)
{
    return varint(quint64(field) << 3 | quint64(wire));
}
inline QByteArray vint(int field, quint64 v)
{
    return tag(field, 0) + varint(v);
}
inline QByteArray fixed64(int field, quint64 v)
{
    QByteArray out = tag(field, 1);
    for (int i = 0; i < 8; ++i)
        out.append(char(v >> (8 * i)));
    return out;
}
inline QByteArray dbl(int field, double d)
{
    quint64 bits = 0;
    std::memcpy(&bits, &d, 8);
    return fixed64(field, bits);
}
inline QByteArray len(int field, const QByteArray& payload)
{
    return tag(field, 2) + varint(quint64(payload.size())) + payload;
}
// KeyValue { key = 1; AnyValue value = 2 { string_value = 1 } }
inline QByteArray strAttr(const QByteArray& key, const QByteArray& value)
{
    return len(1, key) + len(2, len(1, value));
}
// Export*ServiceRequest with one resource (its attributes given encoded) and one scope "lib" holding
// `items` (already tagged with the scope's item field: spans 2, log_records 2, metrics 2).
inline QByteArray envelope(const QByteArray& items, const QByteArray& resourceAttrs = {})
{
    return len(1, len(1, resourceAttrs) + len(2, len(1, len(1, "lib")) + items));
}

} // namespace wf::test::proto
