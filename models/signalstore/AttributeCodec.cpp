#include "AttributeCodec.h"

namespace wf::signalstore {

namespace {

void appendVarint(QByteArray& out, quint64 value)
{
    while (value >= 0x80) {
        out.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
}

void appendString(QByteArray& out, const QString& s)
{
    const QByteArray utf8 = s.toUtf8();
    appendVarint(out, quint64(utf8.size()));
    out.append(utf8);
}

class Reader
{
public:
    explicit Reader(const QByteArray& blob)
        : m_data(blob.constData())
        , m_size(blob.size())
    {}

    bool atEnd() const { return m_pos >= m_size; }

    bool byte(quint8* out)
    {
        if (m_pos >= m_size)
            return false;
        *out = quint8(m_data[m_pos++]);
        return true;
    }

    bool string(QString* out)
    {
        quint64 length = 0;
        for (int shift = 0;; shift += 7) {
            quint8 b = 0;
            if (shift > 35 || !byte(&b))
                return false;
            length |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                break;
        }
        if (length > quint64(m_size - m_pos))
            return false;
        *out = QString::fromUtf8(m_data + m_pos, qsizetype(length));
        m_pos += qsizetype(length);
        return true;
    }

private:
    const char* m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
};

} // namespace

QByteArray encodeAttributes(const telemetry::Attributes& attributes)
{
    if (attributes.isEmpty())
        return {};
    QByteArray out;
    out.reserve(attributes.size() * 32);
    for (const telemetry::KeyValue& kv : attributes) {
        out.append(char(kv.value.type()));
        appendString(out, kv.key);
        appendString(out, kv.value.displayString());
    }
    return out;
}

DisplayAttributes decodeAttributes(const QByteArray& blob)
{
    DisplayAttributes result;
    Reader in(blob);
    while (!in.atEnd()) {
        quint8 type = 0;
        QString key;
        QString value;
        if (!in.byte(&type) || !in.string(&key) || !in.string(&value))
            break;
        result.append({key, value});
    }
    return result;
}

} // namespace wf::signalstore
