#include "otlp/DecodeContext.h"

#include <algorithm>
#include <iterator>

namespace wf::otlp {

namespace {

// Strings up to this many bytes are interned; the table stops growing at kMaxInterned entries so a
// sender of unique values costs a lookup, not memory.
constexpr std::size_t kInternUpTo = 64;
constexpr std::size_t kMaxInterned = 16384;

} // namespace

DecodeContext::DecodeContext(const DecodeLimits& limits, DecodeStatus& status)
    : m_limits(limits)
    , m_status(status)
{
    m_path.reserve(32);
    m_interned.reserve(256);
}

QString DecodeContext::pathString() const
{
    QString out;
    for (const Segment& s : m_path) {
        if (!out.isEmpty())
            out += QLatin1Char('.');
        out += QLatin1String(s.name);
        if (s.index >= 0)
            out += QLatin1Char('[') + QString::number(s.index) + QLatin1Char(']');
    }
    return out;
}

int DecodeContext::depth() const
{
    int d = 1;
    for (const Segment& s : m_path)
        d += s.index >= 0 ? 2 : 1;
    return d;
}

DecodeError DecodeContext::make(Code code, QString&& a1, QString&& a2) const
{
    return DecodeError{code, pathString(), std::move(a1), std::move(a2)};
}

bool DecodeContext::error(Code code, QString arg1, QString arg2)
{
    if (m_inItem == 0)
        return fail(code, std::move(arg1), std::move(arg2));
    ++m_status.errorCount;
    if (m_status.errors.size() < m_limits.maxErrorMessages)
        m_status.errors.append(make(code, std::move(arg1), std::move(arg2)));
    return false;
}

bool DecodeContext::fail(Code code, QString arg1, QString arg2)
{
    if (m_failed)
        return false;
    m_failed = true;
    m_status.malformed = true;
    ++m_status.errorCount;
    // The reason for the 400 goes first, before any item errors met earlier.
    m_status.errors.prepend(make(code, std::move(arg1), std::move(arg2)));
    while (m_status.errors.size() > std::max(1, m_limits.maxErrorMessages))
        m_status.errors.removeLast();
    return false;
}

void DecodeContext::warn(Code code, QString arg1, QString arg2)
{
    ++m_status.warningCount;
    if (m_status.warnings.size() < m_limits.maxErrorMessages)
        m_status.warnings.append(make(code, std::move(arg1), std::move(arg2)));
}

bool DecodeContext::overItemLimit()
{
    if (m_items < m_limits.maxItems) {
        ++m_items;
        return false;
    }
    if (!m_itemLimitReported) {
        m_itemLimitReported = true;
        error(Code::TooManyItems, QString::number(m_limits.maxItems));
    }
    return true;
}

QString DecodeContext::makeString(std::string_view utf8, bool intern)
{
    const std::size_t limit = std::size_t(std::max(0, m_limits.maxStringBytes));
    if (utf8.size() > limit) {
        std::size_t n = limit;
        while (n > 0 && (static_cast<unsigned char>(utf8[n]) & 0xC0) == 0x80)
            --n; // do not split a multi-byte character
        ++m_status.truncatedStrings;
        return QString::fromUtf8(utf8.data(), qsizetype(n)) + QChar(0x2026);
    }
    if (intern && utf8.size() <= kInternUpTo) {
        if (auto it = m_interned.find(utf8); it != m_interned.end())
            return it->second;
        QString s = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
        // The views point into the request (or the parser's string buffer), valid until it is done.
        if (m_interned.size() < kMaxInterned)
            m_interned.emplace(utf8, s);
        return s;
    }
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

QString DecodeContext::makeValueString(std::string_view utf8)
{
    // Decide after a sample; values that repeat (methods, status texts, host names) hit far more.
    constexpr qint64 kSample = 512;
    const bool worthIt = m_valueLookups < kSample || m_valueHits * 4 >= m_valueLookups;
    if (!worthIt || utf8.size() > kInternUpTo ||
        utf8.size() > std::size_t(std::max(0, m_limits.maxStringBytes)))
        return makeString(utf8, false);
    ++m_valueLookups;
    if (m_interned.find(utf8) != m_interned.end())
        ++m_valueHits;
    return makeString(utf8, true);
}

telemetry::KeyValueList& DecodeContext::acquireScratch()
{
    if (m_scratchUsed == m_scratch.size())
        m_scratch.push_back(std::make_unique<telemetry::KeyValueList>());
    telemetry::KeyValueList& list = *m_scratch[m_scratchUsed++];
    list.clear();
    return list;
}

void DecodeContext::releaseScratch()
{
    m_scratch[--m_scratchUsed]->clear();
}

bool DecodeContext::tooManyEnvelopes(std::size_t count)
{
    if (qint64(count) < m_limits.maxItems)
        return false;
    fail(Code::TooManyItems, QString::number(m_limits.maxItems));
    return true;
}

} // namespace wf::otlp
