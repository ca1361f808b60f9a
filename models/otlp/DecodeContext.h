#pragma once

// Internal to models/otlp: what the JSON and protobuf decoders share while walking one request: the
// path of the field being read (for error messages), error/warning recording with the item-vs-request
// severity rule, the per-request item limit, and string building (truncation, interning).
//
// Error severity: an error inside an item (span, log record, metric/data point) rejects that item;
// anywhere else (top level, resource, scope) it makes the request malformed.

#include "otlp/DecodeResult.h"
#include "telemetry/AnyValue.h"

#include <QString>

#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace wf::otlp {

class DecodeContext
{
public:
    using Code = DecodeError::Code;

    DecodeContext(const DecodeLimits& limits, DecodeStatus& status);

    const DecodeLimits& limits() const { return m_limits; }
    DecodeStatus& status() { return m_status; }
    bool failed() const { return m_failed; }

    // --- path of the value being read
    void push(const char* name) { m_path.push_back({name, -1}); }
    void pop() { m_path.pop_back(); }
    void setIndex(qint32 i) { m_path.back().index = i; }
    struct PathGuard
    {
        PathGuard(DecodeContext& c, const char* name)
            : c(c)
        {
            c.push(name);
        }
        ~PathGuard() { c.pop(); }
        DecodeContext& c;
    };
    // Marks the code between construction and destruction as inside one item: errors there reject
    // the item instead of the request.
    struct ItemGuard
    {
        explicit ItemGuard(DecodeContext& c)
            : c(c)
        {
            ++c.m_inItem;
        }
        ~ItemGuard() { --c.m_inItem; }
        DecodeContext& c;
    };

    // --- problems. Each returns false so callers can `return error(...)`.
    bool error(Code code, QString arg1 = {}, QString arg2 = {});
    bool fail(Code code, QString arg1 = {}, QString arg2 = {});
    void warn(Code code, QString arg1 = {}, QString arg2 = {});

    // Counts one item against maxItems; true if it is over the limit (and must be rejected unread).
    // Call inside an ItemGuard: the one error it records belongs to the first item over the limit.
    bool overItemLimit();
    // Resources and scopes cost a few bytes on the wire each: bounded like items, or malformed.
    bool tooManyEnvelopes(std::size_t count);

    // A list to collect one item's attributes in. Lists grow in reused scratch vectors and are taken
    // out at their exact size, so an item costs one allocation for its attributes instead of one per
    // doubling (this showed in profiles), and no spare capacity stays in the batch.
    class ScratchList
    {
    public:
        explicit ScratchList(DecodeContext& c)
            : c(c)
            , list(c.acquireScratch())
        {}
        ~ScratchList() { c.releaseScratch(); }
        ScratchList(const ScratchList&) = delete;
        ScratchList& operator=(const ScratchList&) = delete;
        telemetry::KeyValueList& get() { return list; }
        telemetry::KeyValueList take()
        {
            telemetry::KeyValueList out;
            out.reserve(list.size());
            std::move(list.begin(), list.end(), std::back_inserter(out));
            list.clear();
            return out;
        }

    private:
        DecodeContext& c;
        telemetry::KeyValueList& list;
    };

    // UTF-8 to QString, cut to maxStringBytes (on a character boundary, with a marker) and, when
    // `intern`, shared with earlier equal strings of this request: attribute keys, names and short
    // values repeat across thousands of items, and sharing saves an allocation and memory each time.
    // `utf8` must stay valid until the request is decoded.
    QString makeString(std::string_view utf8, bool intern);
    // The same for attribute values, interned only while that pays: values such as URL paths or
    // addresses are mostly unique, and once most lookups miss, interning stops for the request.
    QString makeValueString(std::string_view utf8);

protected:
    // JSON nesting of the current path (objects and arrays entered).
    int depth() const;

private:
    struct Segment
    {
        const char* name;
        qint32 index;
    };
    QString pathString() const;
    telemetry::KeyValueList& acquireScratch();
    void releaseScratch();
    DecodeError make(Code code, QString&& a1, QString&& a2) const;

    const DecodeLimits& m_limits;
    DecodeStatus& m_status;
    std::vector<Segment> m_path;
    int m_inItem = 0;
    bool m_failed = false;
    bool m_itemLimitReported = false;
    qint64 m_items = 0;
    std::unordered_map<std::string_view, QString> m_interned;
    qint64 m_valueLookups = 0;
    qint64 m_valueHits = 0;
    std::vector<std::unique_ptr<telemetry::KeyValueList>> m_scratch; // one per nesting level in use
    std::size_t m_scratchUsed = 0;
};

} // namespace wf::otlp
