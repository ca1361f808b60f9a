#pragma once

// OTLP's AnyValue (common/v1): a small immutable variant. Arrays and key/value lists are held through
// shared pointers to const vectors, so copying a value never deep-copies nested data and the variant
// stays 32 bytes; strings and bytes are Qt's implicitly shared types.

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <memory>
#include <variant>
#include <vector>

namespace wf::telemetry {

class AnyValue;
struct KeyValue;
using AnyValueList = std::vector<AnyValue>;
using KeyValueList = std::vector<KeyValue>;

class AnyValue
{
public:
    enum class Type : quint8 { Empty, String, Bool, Int, Double, Bytes, Array, KvList };

    AnyValue() = default;
    static AnyValue fromString(QString s);
    static AnyValue fromBool(bool b);
    static AnyValue fromInt(qint64 i);
    static AnyValue fromDouble(double d);
    static AnyValue fromBytes(QByteArray b);
    static AnyValue fromArray(AnyValueList values);
    static AnyValue fromKvList(KeyValueList values);

    Type type() const { return Type(m_v.index()); }
    bool isEmpty() const { return type() == Type::Empty; }

    // Typed access; each returns a default (empty string, false, 0, empty list) for another type.
    QString toString() const;
    bool toBool() const;
    qint64 toInt() const;
    double toDouble() const; // Int values convert, so numeric columns can be read uniformly
    QByteArray toBytes() const;
    const AnyValueList& array() const;
    const KeyValueList& kvList() const;

    // One line for display and full-text search: strings as they are, bytes as hex, arrays as
    // [a, b], key/value lists as {k=v, k2=v2}.
    QString displayString() const;

    friend bool operator==(const AnyValue& a, const AnyValue& b);

private:
    std::variant<std::monostate, QString, bool, qint64, double, QByteArray,
                 std::shared_ptr<const AnyValueList>, std::shared_ptr<const KeyValueList>>
        m_v;
};

struct KeyValue
{
    QString key;
    AnyValue value;

    friend bool operator==(const KeyValue&, const KeyValue&) = default;
};

// A flat attribute list as OTLP sends it (keys are unique by contract, not checked: lookups return the
// first match). droppedCount() adds what the sender reported as dropped to what the decoder dropped
// over its per-item limit.
class Attributes
{
public:
    Attributes() = default;
    explicit Attributes(KeyValueList items, quint32 droppedCount = 0)
        : m_items(std::move(items))
        , m_dropped(droppedCount)
    {}

    qsizetype size() const { return qsizetype(m_items.size()); }
    bool isEmpty() const { return m_items.empty(); }
    const KeyValue& at(qsizetype i) const { return m_items[std::size_t(i)]; }
    KeyValueList::const_iterator begin() const { return m_items.begin(); }
    KeyValueList::const_iterator end() const { return m_items.end(); }
    const KeyValueList& items() const { return m_items; }
    quint32 droppedCount() const { return m_dropped; }

    // nullptr when the key is absent.
    const AnyValue* find(QStringView key) const;
    // Empty AnyValue when absent.
    AnyValue value(QStringView key) const;

    friend bool operator==(const Attributes&, const Attributes&) = default;

private:
    KeyValueList m_items;
    quint32 m_dropped = 0;
};

} // namespace wf::telemetry
