#include "LogPaging.h"

#include "AttributeCodec.h"
#include "LogSearchText.h"
#include "store/SqliteDb.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace wf::signalstore {

using namespace wf::telemetry;

namespace {

// ?2/?3 time range, ?4 minimum severity, ?5 services as a JSON array (NULL: all).
#define WF_PAGE_COLUMNS                                                                                      \
    "SELECT l.id, l.time_ns, l.severity, l.severity_text, l.service, l.body, l.trace_id, l.span_id, "        \
    "l.attrs "
#define WF_PAGE_FILTERS                                                                                      \
    " l.time_ns >= ?2 AND l.time_ns < ?3 AND l.severity >= ?4 "                                              \
    "AND (?5 IS NULL OR l.service IN (SELECT value FROM json_each(?5))) "

// The key is spelled as a range on time_ns (not a row value) so logs_time drives in either direction.
constexpr const char* kOlder = WF_PAGE_COLUMNS
    "FROM logs l WHERE ?1 IS NULL AND l.time_ns <= ?6 AND (l.time_ns < ?6 OR l.id < ?7) AND" WF_PAGE_FILTERS
    "ORDER BY l.time_ns DESC, l.id DESC";
constexpr const char* kNewer = WF_PAGE_COLUMNS
    "FROM logs l WHERE ?1 IS NULL AND l.time_ns >= ?6 AND (l.time_ns > ?6 OR l.id > ?7) AND" WF_PAGE_FILTERS
    "ORDER BY l.time_ns ASC, l.id ASC";
// The FTS index drives and yields rowids newest first; the limit is applied while stepping.
constexpr const char* kMatches =
    WF_PAGE_COLUMNS "FROM logs_fts f JOIN logs l ON l.id = f.rowid WHERE logs_fts MATCH ?1 AND f.rowid < ?6 "
                    "AND" WF_PAGE_FILTERS "ORDER BY f.rowid DESC";
constexpr const char* kScanLike = WF_PAGE_COLUMNS
    "FROM logs l WHERE l.id < ?6 AND l.id >= ?7 AND l.body LIKE ?1 ESCAPE '\\' AND" WF_PAGE_FILTERS
    "ORDER BY l.id DESC";
constexpr const char* kScanAll = WF_PAGE_COLUMNS
    "FROM logs l WHERE ?1 IS NULL AND l.id < ?6 AND l.id >= ?7 AND" WF_PAGE_FILTERS "ORDER BY l.id DESC";

#undef WF_PAGE_COLUMNS
#undef WF_PAGE_FILTERS

template<typename Id>
Id idFrom(const QByteArray& blob)
{
    return Id::fromBytes(blob).value_or(Id());
}

void bindFilter(SqliteStatement& s, const LogFilter& filter)
{
    s.bind(2, filter.fromNs);
    s.bind(3, filter.toNs);
    s.bind(4, filter.minSeverityNumber);
    if (filter.services.isEmpty())
        s.bind(5, nullptr);
    else
        s.bind(
            5,
            QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(filter.services)).toJson(QJsonDocument::Compact)));
}

LogRow rowFrom(const SqliteStatement& s, DisplayAttributes attributes)
{
    LogRow row;
    row.id = s.int64(0);
    row.timeNs = s.int64(1);
    row.severityNumber = int(s.int64(2));
    row.severityText = s.text(3);
    row.service = s.text(4);
    row.body = s.text(5);
    row.traceId = idFrom<TraceId>(s.blob(6));
    row.spanId = idFrom<SpanId>(s.blob(7));
    row.attributes = std::move(attributes);
    return row;
}

bool attributeMatches(const DisplayAttributes& attributes, const LogFilter& filter)
{
    if (filter.attributeKey.isEmpty())
        return true;
    return std::any_of(attributes.begin(), attributes.end(), [&](const auto& kv) {
        return kv.first == filter.attributeKey &&
               (filter.attributeValue.isEmpty() || kv.second == filter.attributeValue);
    });
}

// Steps `s`, keeping rows that pass the attribute filter and `accept`, until `count` are kept or
// `budget` rows were looked at.
template<typename Accept>
LogPage collect(SqliteStatement& s, const LogFilter& filter, int count, qint64 budget, Accept accept)
{
    LogPage page;
    page.reachedEnd = true;
    while (qint64(page.rows.size()) < count) {
        if (page.scanned >= budget) {
            page.reachedEnd = false;
            break;
        }
        if (!s.step())
            return page;
        ++page.scanned;
        DisplayAttributes attributes = decodeAttributes(s.blob(8));
        if (!attributeMatches(attributes, filter) || !accept(s))
            continue;
        page.rows.push_back(rowFrom(s, std::move(attributes)));
    }
    // Filled: there may be more.
    page.reachedEnd = false;
    return page;
}

QString likePattern(const QString& substring)
{
    QString escaped;
    escaped.reserve(substring.size() + 2);
    escaped.append(QLatin1Char('%'));
    for (const QChar c : substring) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            escaped.append(QLatin1Char('\\'));
        escaped.append(c);
    }
    escaped.append(QLatin1Char('%'));
    return escaped;
}

} // namespace

LogExtent readLogExtent(SqliteDb& db)
{
    LogExtent e;
    // min()/max() of a rowid or an indexed column are single seeks in SQLite.
    e.maxId = db.queryInt64("SELECT max(id) FROM logs").value_or(0);
    if (e.maxId == 0)
        return e;
    e.minId = db.queryInt64("SELECT min(id) FROM logs").value_or(0);
    e.minTimeNs = db.queryInt64("SELECT min(time_ns) FROM logs").value_or(0);
    e.maxTimeNs = db.queryInt64("SELECT max(time_ns) FROM logs").value_or(0);
    return e;
}

LogPage readLogPage(SqliteDb& db, const LogFilter& filter, LogKey key, PageDirection direction, int count,
                    qint64 scanBudget)
{
    SqliteStatement s = db.prepare(direction == PageDirection::Older ? kOlder : kNewer);
    s.bind(1, nullptr);
    bindFilter(s, filter);
    s.bind(6, key.timeNs);
    s.bind(7, key.id);
    return collect(s, filter, std::max(count, 0), scanBudget, [](const SqliteStatement&) { return true; });
}

LogPage readLogMatches(SqliteDb& db, const LogFilter& filter, const QString& text, qint64 beforeId, int count,
                       qint64 scanBudget)
{
    const LogSearch search = parseLogSearch(text);
    if (search.match.isEmpty()) {
        // Nothing to match: every record, newest first, in the same id order.
        SqliteStatement s = db.prepare(kScanAll);
        s.bind(1, nullptr);
        bindFilter(s, filter);
        s.bind(6, beforeId);
        s.bind(7, qint64(0));
        return collect(s, filter, std::max(count, 0), scanBudget,
                       [](const SqliteStatement&) { return true; });
    }
    const int wanted = std::max(count, 0);
    auto run = [&](const QString& match, const QString& prefix, qint64 budget) {
        SqliteStatement s = db.prepare(kMatches);
        s.bind(1, match);
        bindFilter(s, filter);
        s.bind(6, beforeId);
        return collect(s, filter, wanted, budget, [&search, &prefix](const SqliteStatement& st) {
            const QString body = st.text(5);
            return hasWordWithPrefix(body, prefix) && phraseMatches(body, search);
        });
    };
    if (search.prefixWord.isEmpty())
        return run(search.match, QString(), scanBudget);
    // Whole words stream; a prefix merges whole doclists (see LogSearchText.h). A screen filled by
    // the whole word is what the user typed; else the other words find candidates for the prefix;
    // only a lone prefix word goes to the FTS prefix query.
    LogPage exact = run(search.exactMatch, QString(), scanBudget);
    if (int(exact.rows.size()) >= wanted || exact.reachedEnd == false)
        return exact;
    if (!search.othersMatch.isEmpty())
        return run(search.othersMatch, search.prefixWord, scanBudget);
    return run(search.match, QString(), scanBudget);
}

qint64 idAtTime(SqliteDb& db, qint64 timeNs)
{
    if (const auto id =
            db.queryInt64("SELECT id FROM logs WHERE time_ns >= ?1 ORDER BY time_ns, id LIMIT 1", timeNs))
        return *id;
    return db.queryInt64("SELECT max(id) FROM logs").value_or(0) + 1;
}

QString requiredLiteralOf(const QString& pattern)
{
    QString best;
    QString run;
    int depth = 0;
    auto endRun = [&] {
        if (run.size() > best.size())
            best = run;
        run.clear();
    };
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == QLatin1Char('|'))
            return {}; // alternatives: no single literal is required
        if (c == QLatin1Char('(')) {
            ++depth;
            endRun();
            continue;
        }
        if (c == QLatin1Char(')')) {
            --depth;
            endRun();
            continue;
        }
        if (c == QLatin1Char('[')) {
            // Skip the class ([]...] and [^]...] start with a literal ']').
            qsizetype j = i + 1;
            if (j < pattern.size() && pattern[j] == QLatin1Char('^'))
                ++j;
            if (j < pattern.size() && pattern[j] == QLatin1Char(']'))
                ++j;
            while (j < pattern.size() && pattern[j] != QLatin1Char(']'))
                j += pattern[j] == QLatin1Char('\\') ? 2 : 1;
            i = j;
            endRun();
            continue;
        }
        QChar literal;
        qsizetype width = 1;
        if (c == QLatin1Char('\\')) {
            // An escaped punctuation character is itself; \d, \w, \b, \Q... are not literals.
            if (i + 1 < pattern.size() && !pattern[i + 1].isLetterOrNumber())
                literal = pattern[i + 1];
            width = 2;
        } else if (c.isLetterOrNumber() || c == QLatin1Char(' ') ||
                   QStringView(u"-_:/=,;'\"@#%&<>!~`").contains(c)) {
            literal = c;
        }
        const QChar after = i + width < pattern.size() ? pattern[i + width] : QChar();
        const bool optional =
            after == QLatin1Char('?') || after == QLatin1Char('*') || after == QLatin1Char('{');
        if (literal.isNull() || optional || depth > 0) {
            endRun();
        } else {
            run.append(literal);
        }
        i += width - 1;
    }
    endRun();
    // ASCII only: LIKE folds ASCII case alone, and a case-insensitive regex may match other cases.
    for (const QChar c : best)
        if (c.unicode() >= 0x80)
            return {};
    return best.size() >= 3 ? best : QString();
}

LogScanChunk scanLogChunk(SqliteDb& db, const LogFilter& filter, const LogPattern& pattern, qint64 beforeId,
                          qint64 span, int maxRows)
{
    LogScanChunk chunk;
    const qint64 lowId = std::max<qint64>(beforeId - std::max<qint64>(span, 1), 0);
    const bool useRegex = pattern.regex.isValid() && !pattern.regex.pattern().isEmpty();
    const QString literal = useRegex ? requiredLiteralOf(pattern.regex.pattern()) : pattern.substring;
    SqliteStatement s = db.prepare(literal.isEmpty() ? kScanAll : kScanLike);
    if (literal.isEmpty())
        s.bind(1, nullptr);
    else
        s.bind(1, likePattern(literal));
    bindFilter(s, filter);
    s.bind(6, beforeId);
    s.bind(7, lowId);
    chunk.nextBeforeId = lowId;
    while (s.step()) {
        ++chunk.scanned;
        if (useRegex && !pattern.regex.match(s.text(5)).hasMatch())
            continue;
        DisplayAttributes attributes = decodeAttributes(s.blob(8));
        if (!attributeMatches(attributes, filter))
            continue;
        chunk.rows.push_back(rowFrom(s, std::move(attributes)));
        if (int(chunk.rows.size()) >= maxRows) {
            chunk.nextBeforeId = chunk.rows.back().id; // resume right after the last match
            break;
        }
    }
    return chunk;
}

int logLevelClassOf(int severityNumber)
{
    if (severityNumber <= 0 || severityNumber > 24)
        return 0;
    return 1 + (severityNumber - 1) / 4;
}

qint64 LogHistogram::total() const
{
    qint64 sum = 0;
    for (const auto& bucket : counts)
        for (const qint64 n : bucket)
            sum += n;
    return sum;
}

LogHistogram readLogHistogram(SqliteDb& db, qint64 fromNs, qint64 toNs, int buckets, int exactBelow,
                              int samples)
{
    LogHistogram h;
    buckets = std::max(buckets, 1);
    h.fromNs = fromNs;
    h.bucketNs = std::max<qint64>((toNs - fromNs + buckets - 1) / buckets, 1);
    h.counts.assign(std::size_t(buckets), {});
    const LogExtent extent = readLogExtent(db);
    if (extent.isEmpty())
        return h;
    SqliteStatement exact =
        db.prepare("SELECT severity FROM logs WHERE time_ns >= ?1 AND time_ns < ?2 LIMIT ?3");
    std::vector<int> tooMany;
    for (int b = 0; b < buckets; ++b) {
        const qint64 b0 = fromNs + qint64(b) * h.bucketNs;
        exact.bindAll(b0, std::min(b0 + h.bucketNs, toNs), qint64(exactBelow) + 1);
        std::array<qint64, kLogLevelClasses> seen{};
        qint64 n = 0;
        while (exact.step()) {
            ++seen[std::size_t(logLevelClassOf(int(exact.int64(0))))];
            ++n;
        }
        exact.reset();
        if (n <= exactBelow)
            h.counts[std::size_t(b)] = seen;
        else
            tooMany.push_back(b);
    }
    if (tooMany.empty())
        return h;

    // Too many to count: a stratified sample of rows at evenly spaced ids. Each sample stands for
    // span / count rows whatever the arrival order, so a bucket's estimate is the samples whose time
    // falls in it, by level, times that weight. The ids of the range's edges narrow the span when the
    // range is part of the store (arrival order follows time closely enough for the edges).
    h.estimated = true;
    qint64 lo = extent.minId;
    qint64 hi = extent.maxId + 1;
    if (fromNs > extent.minTimeNs || toNs <= extent.maxTimeNs) {
        lo = fromNs > extent.minTimeNs ? idAtTime(db, fromNs) : extent.minId;
        hi = toNs <= extent.maxTimeNs ? idAtTime(db, toNs) : extent.maxId + 1;
        if (hi <= lo) {
            lo = extent.minId;
            hi = extent.maxId + 1;
        }
    }
    const qint64 count = std::min<qint64>(qint64(samples) * buckets, hi - lo);
    const double weight = double(hi - lo) / double(std::max<qint64>(count, 1));
    std::vector<std::array<double, kLogLevelClasses>> sampled(std::size_t(buckets),
                                                              std::array<double, kLogLevelClasses>{});
    SqliteStatement sample =
        db.prepare("SELECT severity, time_ns FROM logs WHERE id >= ?1 ORDER BY id LIMIT 1");
    for (qint64 k = 0; k < count; ++k) {
        sample.bind(1, lo + qint64(double(k) * weight));
        if (sample.step()) {
            const qint64 t = sample.int64(1);
            if (t >= fromNs && t < toNs)
                sampled[std::size_t((t - fromNs) / h.bucketNs)]
                       [std::size_t(logLevelClassOf(int(sample.int64(0))))] += weight;
        }
        sample.reset();
    }
    for (const int b : tooMany) {
        auto& counts = h.counts[std::size_t(b)];
        for (int c = 0; c < kLogLevelClasses; ++c)
            counts[std::size_t(c)] = qint64(sampled[std::size_t(b)][std::size_t(c)] + 0.5);
        // Known to hold more than exactBelow rows: never shown smaller.
        qint64 total = 0;
        for (const qint64 n : counts)
            total += n;
        if (total <= exactBelow)
            counts[std::size_t(logLevelClassOf(9))] += exactBelow + 1 - total;
    }
    return h;
}

} // namespace wf::signalstore
