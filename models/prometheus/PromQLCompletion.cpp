#include "PromQLCompletion.h"

#include <QCoreApplication>

#include <algorithm>

namespace wf::prometheus {

namespace {

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u':';
}

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u':';
}

bool opensLabelList(const QString& word)
{
    static const QStringList words = {QStringLiteral("by"),         QStringLiteral("without"),
                                      QStringLiteral("on"),         QStringLiteral("ignoring"),
                                      QStringLiteral("group_left"), QStringLiteral("group_right")};
    return words.contains(word);
}

// The scanner's state at the cursor: enough of PromQL's lexical structure to tell where we are.
struct ScanState
{
    bool inString = false;
    int stringStart = 0; // first character of the string's content
    QChar quote;
    bool inBraces = false;
    QString braceMetric;
    QString lastLabel;  // in braces: the last label name seen
    QString valueLabel; // the label the open string is a value of
    bool inBrackets = false;
    bool inComment = false;
    QList<bool> parens; // per open paren: whether it holds a label list (by (...))
};

ScanState scan(const QString& text, int cursor)
{
    ScanState s;
    QString lastIdent;
    int lastIdentEnd = -1; // position after the last identifier, for "metric{"
    int i = 0;
    while (i < cursor) {
        const QChar c = text.at(i);
        if (s.inString) {
            if (c == u'\\' && s.quote != u'`')
                i += 2;
            else {
                if (c == s.quote)
                    s.inString = false;
                ++i;
            }
            continue;
        }
        if (c == u'#') {
            const int eol = text.indexOf(u'\n', i);
            if (eol < 0 || eol >= cursor) {
                s.inComment = true;
                return s;
            }
            i = eol + 1;
            continue;
        }
        if (c == u'"' || c == u'\'' || c == u'`') {
            s.inString = true;
            s.quote = c;
            s.stringStart = i + 1;
            s.valueLabel = s.inBraces ? s.lastLabel : QString();
            ++i;
            continue;
        }
        if (c.isDigit() || (c == u'.' && i + 1 < text.size() && text.at(i + 1).isDigit())) {
            // A number or a duration (5m, 1h30m, 1e3): never an identifier.
            while (i < cursor && (text.at(i).isLetterOrNumber() || text.at(i) == u'.'))
                ++i;
            lastIdent.clear();
            continue;
        }
        if (isIdentStart(c)) {
            const int start = i;
            while (i < cursor && isIdentChar(text.at(i)))
                ++i;
            lastIdent = text.mid(start, i - start);
            lastIdentEnd = i;
            if (s.inBraces)
                s.lastLabel = lastIdent;
            continue;
        }
        switch (c.unicode()) {
        case u'{': {
            s.inBraces = true;
            // "metric{" or "metric {": the identifier right before, unless it is a keyword-ish word.
            int back = i;
            while (back > 0 && text.at(back - 1).isSpace())
                --back;
            s.braceMetric = (back == lastIdentEnd && !opensLabelList(lastIdent)) ? lastIdent : QString();
            s.lastLabel.clear();
            break;
        }
        case u'}':
            s.inBraces = false;
            s.braceMetric.clear();
            break;
        case u'[':
            s.inBrackets = true;
            break;
        case u']':
            s.inBrackets = false;
            break;
        case u'(': {
            int back = i;
            while (back > 0 && text.at(back - 1).isSpace())
                --back;
            s.parens.append(back == lastIdentEnd && opensLabelList(lastIdent));
            break;
        }
        case u')':
            if (!s.parens.isEmpty())
                s.parens.removeLast();
            break;
        default:
            break;
        }
        if (!c.isSpace())
            lastIdent.clear();
        ++i;
    }
    return s;
}

QChar previousNonSpace(const QString& text, int pos)
{
    while (pos > 0 && text.at(pos - 1).isSpace())
        --pos;
    return pos > 0 ? text.at(pos - 1) : QChar();
}

// A double-quoted PromQL string's content.
QString escapeValue(const QString& value, QChar quote)
{
    if (quote == u'`')
        return value;
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == u'\\' || c == quote)
            out += u'\\';
        out += c;
    }
    return out;
}

// Sorted and without duplicates; the common case (the editor keeps its names sorted) costs one pass
// and no copy, which matters at tens of thousands of metric names and one call per keystroke.
QStringList sortedUnique(const QStringList& names)
{
    if (std::adjacent_find(names.begin(), names.end(),
                           [](const QString& a, const QString& b) { return !(a < b); }) == names.end())
        return names;
    QStringList out = names;
    out.sort();
    out.removeDuplicates();
    return out;
}

QString translate(const char* text)
{
    return QCoreApplication::translate("PromQLCompletion", text);
}

} // namespace

const QStringList& promqlFunctions()
{
    static const QStringList functions = {
        // Aggregation operators.
        QStringLiteral("sum"), QStringLiteral("min"), QStringLiteral("max"), QStringLiteral("avg"),
        QStringLiteral("group"), QStringLiteral("stddev"), QStringLiteral("stdvar"), QStringLiteral("count"),
        QStringLiteral("count_values"), QStringLiteral("bottomk"), QStringLiteral("topk"),
        QStringLiteral("quantile"), QStringLiteral("limitk"), QStringLiteral("limit_ratio"),
        // Functions.
        QStringLiteral("abs"), QStringLiteral("absent"), QStringLiteral("absent_over_time"),
        QStringLiteral("ceil"), QStringLiteral("changes"), QStringLiteral("clamp"),
        QStringLiteral("clamp_max"), QStringLiteral("clamp_min"), QStringLiteral("day_of_month"),
        QStringLiteral("day_of_week"), QStringLiteral("day_of_year"), QStringLiteral("days_in_month"),
        QStringLiteral("delta"), QStringLiteral("deriv"), QStringLiteral("exp"), QStringLiteral("floor"),
        QStringLiteral("histogram_avg"), QStringLiteral("histogram_count"), QStringLiteral("histogram_sum"),
        QStringLiteral("histogram_fraction"), QStringLiteral("histogram_quantile"),
        QStringLiteral("histogram_stddev"), QStringLiteral("histogram_stdvar"),
        QStringLiteral("holt_winters"), QStringLiteral("hour"), QStringLiteral("idelta"),
        QStringLiteral("increase"), QStringLiteral("irate"), QStringLiteral("label_join"),
        QStringLiteral("label_replace"), QStringLiteral("ln"), QStringLiteral("log2"),
        QStringLiteral("log10"), QStringLiteral("minute"), QStringLiteral("month"),
        QStringLiteral("predict_linear"), QStringLiteral("rate"), QStringLiteral("resets"),
        QStringLiteral("round"), QStringLiteral("scalar"), QStringLiteral("sgn"), QStringLiteral("sort"),
        QStringLiteral("sort_desc"), QStringLiteral("sort_by_label"), QStringLiteral("sort_by_label_desc"),
        QStringLiteral("sqrt"), QStringLiteral("time"), QStringLiteral("timestamp"), QStringLiteral("vector"),
        QStringLiteral("year"), QStringLiteral("avg_over_time"), QStringLiteral("min_over_time"),
        QStringLiteral("max_over_time"), QStringLiteral("sum_over_time"), QStringLiteral("count_over_time"),
        QStringLiteral("quantile_over_time"), QStringLiteral("stddev_over_time"),
        QStringLiteral("stdvar_over_time"), QStringLiteral("last_over_time"),
        QStringLiteral("present_over_time"), QStringLiteral("mad_over_time"), QStringLiteral("acos"),
        QStringLiteral("asin"), QStringLiteral("atan"), QStringLiteral("cos"), QStringLiteral("sin"),
        QStringLiteral("tan"), QStringLiteral("deg"), QStringLiteral("rad"), QStringLiteral("pi")};
    return functions;
}

const QStringList& promqlKeywords()
{
    static const QStringList keywords = {
        QStringLiteral("by"),       QStringLiteral("without"),    QStringLiteral("on"),
        QStringLiteral("ignoring"), QStringLiteral("group_left"), QStringLiteral("group_right"),
        QStringLiteral("offset"),   QStringLiteral("bool"),       QStringLiteral("and"),
        QStringLiteral("or"),       QStringLiteral("unless"),     QStringLiteral("atan2")};
    return keywords;
}

CompletionContext completionContext(const QString& text, int cursor)
{
    CompletionContext ctx;
    cursor = std::clamp(cursor, 0, int(text.size()));
    ctx.replaceStart = ctx.replaceEnd = cursor;
    const ScanState s = scan(text, cursor);
    if (s.inComment)
        return ctx;

    if (s.inString) {
        if (!s.inBraces || s.valueLabel.isEmpty())
            return ctx; // a string outside a selector (label_replace's arguments): nothing to offer
        ctx.kind = CompletionKind::LabelValue;
        ctx.insideQuotes = true;
        ctx.metric = s.braceMetric;
        ctx.label = s.valueLabel;
        ctx.replaceStart = s.stringStart;
        ctx.prefix = text.mid(s.stringStart, cursor - s.stringStart);
        // Up to the closing quote, so picking a value replaces the whole old one.
        int end = cursor;
        while (end < text.size() && text.at(end) != s.quote) {
            if (text.at(end) == u'\\' && s.quote != u'`')
                ++end;
            ++end;
        }
        ctx.replaceEnd = std::min(end, int(text.size()));
        return ctx;
    }

    int start = cursor;
    while (start > 0 && isIdentChar(text.at(start - 1)))
        --start;
    int end = cursor;
    while (end < text.size() && isIdentChar(text.at(end)))
        ++end;
    ctx.replaceStart = start;
    ctx.replaceEnd = end;
    ctx.prefix = text.mid(start, cursor - start);

    if (s.inBrackets) {
        ctx.kind = CompletionKind::Duration;
        // Durations start with a digit or '$': the whole bracket content is the word.
        int dStart = cursor;
        while (dStart > 0 && text.at(dStart - 1) != u'[')
            --dStart;
        int dEnd = cursor;
        while (dEnd < text.size() && text.at(dEnd) != u']')
            ++dEnd;
        ctx.replaceStart = dStart;
        ctx.replaceEnd = dEnd;
        ctx.prefix = text.mid(dStart, cursor - dStart).trimmed();
        return ctx;
    }
    if (!ctx.prefix.isEmpty() && ctx.prefix.at(0).isDigit())
        return ctx; // a number

    const QChar before = previousNonSpace(text, start);
    if (s.inBraces) {
        ctx.metric = s.braceMetric;
        if (before == u'{' || before == u',') {
            ctx.kind = CompletionKind::LabelName;
        } else if (before == u'=' || before == u'~') {
            // label= with no quote yet: the value comes with its quotes.
            ctx.kind = CompletionKind::LabelValue;
            ctx.label = s.lastLabel;
        }
        return ctx;
    }
    if (!s.parens.isEmpty() && s.parens.constLast()) {
        if (before == u'(' || before == u',')
            ctx.kind = CompletionKind::LabelName;
        return ctx;
    }
    // Where an expression or a keyword can start: at the beginning, after an operator or an opening
    // paren or comma, or while a word is being typed.
    static const QString starters = QStringLiteral("(,+-*/%^=<>!");
    if (!ctx.prefix.isEmpty() || before.isNull() || starters.contains(before))
        ctx.kind = CompletionKind::MetricOrFunction;
    return ctx;
}

Completion complete(const QString& text, int cursor, const KnownNames& names, int limit)
{
    Completion out;
    out.context = completionContext(text, cursor);
    const CompletionContext& ctx = out.context;
    if (ctx.kind == CompletionKind::None)
        return out;

    QList<CompletionCandidate> prefixed;
    QList<CompletionCandidate> containing;
    auto offer = [&](CompletionCandidate::Kind kind, const QString& name, const QString& insert,
                     const QString& detail) {
        if (name.isEmpty())
            return;
        CompletionCandidate c{kind, name, insert, detail};
        if (name.startsWith(ctx.prefix))
            prefixed << c;
        else if (ctx.prefix.size() >= 2 && name.contains(ctx.prefix, Qt::CaseInsensitive))
            containing << c;
    };

    using K = CompletionCandidate::Kind;
    switch (ctx.kind) {
    case CompletionKind::MetricOrFunction: {
        const QStringList metrics = sortedUnique(names.metrics);
        for (const QString& m : std::as_const(metrics))
            offer(K::Metric, m, m, names.metricHelp.value(m));
        for (const QString& f : promqlFunctions())
            offer(K::Function, f, f + u'(', translate("function"));
        for (const QString& k : promqlKeywords())
            offer(K::Keyword, k, k, translate("keyword"));
        break;
    }
    case CompletionKind::LabelName: {
        const QStringList labels = sortedUnique(names.labels);
        for (const QString& l : std::as_const(labels))
            offer(K::Label, l, l, QString());
        break;
    }
    case CompletionKind::LabelValue: {
        const QStringList values = sortedUnique(names.values);
        for (const QString& v : std::as_const(values)) {
            const QString escaped = escapeValue(v, u'"');
            const QString insert = ctx.insideQuotes ? escaped : QString(u'"' + escaped + u'"');
            offer(K::Value, v, insert, ctx.label);
        }
        break;
    }
    case CompletionKind::Duration:
        for (const QString& d : {QStringLiteral("$__rate_interval"), QStringLiteral("$__interval"),
                                 QStringLiteral("$__range"), QStringLiteral("1m"), QStringLiteral("5m"),
                                 QStringLiteral("15m"), QStringLiteral("1h"), QStringLiteral("1d")})
            offer(K::Duration, d, d, translate("range"));
        break;
    case CompletionKind::None:
        break;
    }
    out.candidates = prefixed + containing;
    // A word typed out completely leaves nothing to offer (the popup would only get in the way).
    if (out.candidates.size() == 1 && out.candidates.constFirst().text == ctx.prefix)
        out.candidates.clear();
    if (out.candidates.size() > limit)
        out.candidates.resize(limit);
    return out;
}

QString applyCompletion(const QString& text, const CompletionContext& context,
                        const CompletionCandidate& candidate, int* cursor)
{
    const int start = std::clamp(context.replaceStart, 0, int(text.size()));
    const int end = std::clamp(context.replaceEnd, start, int(text.size()));
    QString out = text.left(start) + candidate.insert + text.mid(end);
    int pos = start + int(candidate.insert.size());
    // Inside quotes the value gets its closing quote when it has none yet, and the cursor goes past
    // it, ready for the next matcher.
    if (context.kind == CompletionKind::LabelValue && context.insideQuotes) {
        const QChar quote = start > 0 ? text.at(start - 1) : QChar(u'"');
        if (pos >= out.size() || out.at(pos) != quote)
            out.insert(pos, quote);
        ++pos;
    }
    if (cursor)
        *cursor = pos;
    return out;
}

} // namespace wf::prometheus
