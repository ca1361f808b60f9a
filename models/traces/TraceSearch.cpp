#include "traces/TraceSearch.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace wf::traces {

using namespace telemetry;

namespace {

QString msg(const char* text)
{
    return QCoreApplication::translate("TraceSearch", text);
}

bool attributeIs(const Attributes& attributes, const QString& key, const QString& value)
{
    const AnyValue* v = attributes.find(key);
    return v && v->displayString() == value;
}

bool spanHasTag(const SpanBatch& batch, const Span& span, const QString& key, const QString& value)
{
    // Jaeger and Tempo users write these as tags; they are span fields in the OTLP model.
    if (key == u"error")
        return (span.statusCode == StatusCode::Error) == (value == u"true");
    if (key == u"status")
        return (value == u"error" && span.statusCode == StatusCode::Error) ||
               (value == u"ok" && span.statusCode == StatusCode::Ok) ||
               (value == u"unset" && span.statusCode == StatusCode::Unset);
    if (key == u"name")
        return span.name == value;
    return attributeIs(span.attributes, key, value) ||
           attributeIs(batch.resourceOf(span).attributes(), key, value);
}

// One printable line, at most `max` characters.
QString oneLine(QString text, int max = 300)
{
    text = text.trimmed();
    const qsizetype nl = text.indexOf(u'\n');
    if (nl >= 0)
        text.truncate(nl);
    for (QChar& c : text) {
        if (!c.isPrint())
            c = u' ';
    }
    if (text.size() > max)
        text = text.left(max) + u'…';
    return text.trimmed();
}

} // namespace

bool parseTagFilter(const QString& text, TagFilter* tags, QString* error)
{
    tags->clear();
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        while (i < n && text[i].isSpace())
            ++i;
        if (i >= n)
            break;
        const qsizetype keyStart = i;
        while (i < n && text[i] != u'=' && !text[i].isSpace())
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        if (i >= n || text[i] != u'=' || key.isEmpty()) {
            *error = msg(QT_TRANSLATE_NOOP("TraceSearch", "\"%1\" is not a key=value pair"))
                         .arg(key.isEmpty() ? text.mid(keyStart, 40) : key);
            return false;
        }
        ++i; // '='
        QString value;
        if (i < n && text[i] == u'"') {
            ++i;
            bool closed = false;
            while (i < n) {
                if (text[i] == u'\\' && i + 1 < n) {
                    value += text[i + 1];
                    i += 2;
                    continue;
                }
                if (text[i] == u'"') {
                    closed = true;
                    ++i;
                    break;
                }
                value += text[i++];
            }
            if (!closed) {
                *error = msg(QT_TRANSLATE_NOOP("TraceSearch", "The value of \"%1\" has no closing quote"))
                             .arg(key);
                return false;
            }
        } else {
            const qsizetype valueStart = i;
            while (i < n && !text[i].isSpace())
                ++i;
            value = text.mid(valueStart, i - valueStart);
        }
        tags->append({key, value});
    }
    return true;
}

QString formatTagFilter(const TagFilter& tags)
{
    QStringList parts;
    for (const auto& [k, v] : tags) {
        const bool quote = v.isEmpty() || v.contains(u' ') || v.contains(u'"') || v.contains(u'\\');
        QString value = v;
        if (quote) {
            value.replace(QStringLiteral("\\"), QStringLiteral("\\\\"))
                .replace(QStringLiteral("\""), QStringLiteral("\\\""));
            value = u'"' + value + u'"';
        }
        parts << k + u'=' + value;
    }
    return parts.join(u' ');
}

signalstore::TraceSummary summarize(const SpanBatch& batch)
{
    signalstore::TraceSummary s;
    const auto& spans = batch.spans();
    if (spans.empty())
        return s;
    QSet<SpanId> ids;
    for (const Span& span : spans)
        ids.insert(span.spanId);
    const Span* root = nullptr;
    const Span* earliest = nullptr;
    qint64 start = std::numeric_limits<qint64>::max();
    qint64 end = std::numeric_limits<qint64>::min();
    QSet<QString> services;
    for (const Span& span : spans) {
        if (!earliest || span.startNs < earliest->startNs)
            earliest = &span;
        const bool isRoot = !span.parentSpanId.isValid() || !ids.contains(span.parentSpanId);
        if (isRoot && (!root || span.startNs < root->startNs))
            root = &span;
        start = std::min(start, span.startNs);
        end = std::max(end, std::max(span.endNs, span.startNs));
        if (span.statusCode == StatusCode::Error)
            ++s.errorCount;
        services.insert(batch.resourceOf(span).serviceName());
    }
    if (!root)
        root = earliest;
    s.traceId = root->traceId;
    s.rootService = batch.resourceOf(*root).serviceName();
    s.rootName = root->name;
    s.startNs = start;
    s.durationNs = end - start;
    s.spanCount = int(spans.size());
    s.services = QStringList(services.cbegin(), services.cend());
    s.services.sort();
    return s;
}

bool summaryMatches(const signalstore::TraceSummary& s, const TraceSearchQuery& q)
{
    if (s.durationNs < q.minDurationNs)
        return false;
    if (q.maxDurationNs > 0 && s.durationNs > q.maxDurationNs)
        return false;
    if (q.errorsOnly && s.errorCount == 0)
        return false;
    if (q.fromNs > 0 && s.startNs < q.fromNs)
        return false;
    if (q.toNs > 0 && s.startNs >= q.toNs)
        return false;
    if (!q.service.isEmpty() && !s.services.isEmpty() && !s.services.contains(q.service))
        return false;
    return true;
}

bool traceMatches(const SpanBatch& batch, const signalstore::TraceSummary& summary, const TraceSearchQuery& q)
{
    if (!summaryMatches(summary, q))
        return false;
    bool serviceSeen = q.service.isEmpty();
    bool operationSeen = q.operation.isEmpty();
    std::vector<bool> tagSeen(std::size_t(q.tags.size()), false);
    for (const Span& span : batch.spans()) {
        const bool ofService = q.service.isEmpty() || batch.resourceOf(span).serviceName() == q.service;
        serviceSeen = serviceSeen || ofService;
        operationSeen = operationSeen || (ofService && span.name == q.operation);
        for (qsizetype t = 0; t < q.tags.size(); ++t) {
            if (!tagSeen[std::size_t(t)])
                tagSeen[std::size_t(t)] = spanHasTag(batch, span, q.tags[t].first, q.tags[t].second);
        }
    }
    return serviceSeen && operationSeen &&
           std::all_of(tagSeen.begin(), tagSeen.end(), [](bool b) { return b; });
}

bool parseDurationText(const QString& text, qint64* ns)
{
    const QString t = text.trimmed().toLower();
    *ns = 0;
    if (t.isEmpty())
        return true;
    static const std::pair<const char16_t*, double> units[] = {
        {u"ns", 1.0}, {u"us", 1e3}, {u"µs", 1e3}, {u"ms", 1e6}, {u"s", 1e9}, {u"m", 60e9}, {u"h", 3600e9}};
    double factor = 1e6; // a bare number: milliseconds, as people type them
    QString number = t;
    // Longest suffix first: "ms" before "s", "ns"/"us" before "s".
    for (const auto& [suffix, f] : units) {
        const QString sfx = QString::fromUtf16(suffix);
        if (t.endsWith(sfx) && (sfx.size() == 2 || (!t.endsWith(u"ms") && !t.endsWith(u"ns") &&
                                                    !t.endsWith(u"us") && !t.endsWith(u"µs")))) {
            factor = f;
            number = t.chopped(sfx.size()).trimmed();
            break;
        }
    }
    bool ok = false;
    const double v = number.toDouble(&ok);
    if (!ok || v < 0 || !std::isfinite(v) || v * factor > 9.2e18)
        return false;
    *ns = qint64(v * factor);
    return true;
}

QString goDuration(qint64 ns)
{
    return QString::number(std::max<qint64>(0, ns) / 1000) + u"us";
}

QString apiErrorText(int status, QByteArrayView body)
{
    const QByteArray head = body.first(std::min<qsizetype>(body.size(), 64 * 1024)).toByteArray();
    QString text;
    const QJsonDocument doc = QJsonDocument::fromJson(head);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        const QJsonArray errors = o.value(u"errors").toArray();
        if (!errors.isEmpty())
            text = errors.at(0).toObject().value(u"msg").toString();
        if (text.isEmpty())
            text = o.value(u"error").toString();
        if (text.isEmpty())
            text = o.value(u"message").toString();
    }
    if (text.isEmpty() && !doc.isObject())
        text = QString::fromUtf8(head);
    text = oneLine(text);
    if (text.isEmpty()) {
        text = status == 404   ? msg(QT_TRANSLATE_NOOP("TraceSearch", "not found"))
               : status >= 500 ? msg(QT_TRANSLATE_NOOP("TraceSearch", "server error"))
                               : msg(QT_TRANSLATE_NOOP("TraceSearch", "request refused"));
    }
    return msg(QT_TRANSLATE_NOOP("TraceSearch", "HTTP %1: %2")).arg(status).arg(text);
}

} // namespace wf::traces
