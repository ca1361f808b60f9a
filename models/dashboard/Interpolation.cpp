#include "Interpolation.h"

#include "Duration.h"

#include <QRegularExpression>

#include <array>

namespace wf::dashboard {

namespace {

const Variable* find(const QList<Variable>& variables, QStringView name)
{
    for (const Variable& v : variables) {
        if (v.name == name)
            return &v;
    }
    return nullptr;
}

std::optional<QString> builtin(QStringView name, const BuiltinIntervals& b)
{
    if (name == u"__interval")
        return formatDuration(b.intervalMs);
    if (name == u"__interval_ms")
        return QString::number(b.intervalMs);
    if (name == u"__rate_interval")
        return formatDuration(b.rateIntervalMs);
    if (name == u"__range")
        return QString::number(b.rangeMs / 1000) + u's';
    if (name == u"__range_s")
        return QString::number(b.rangeMs / 1000);
    if (name == u"__range_ms")
        return QString::number(b.rangeMs);
    return std::nullopt;
}

QStringList textsOf(const Variable& v, const QStringList& values)
{
    QStringList texts;
    for (const QString& value : values) {
        QString text = value;
        for (const VariableOption& o : v.options) {
            if (o.value == value) {
                text = o.text;
                break;
            }
        }
        texts << text;
    }
    return texts;
}

QString quoteJson(const QString& s)
{
    QString out = QStringLiteral("\"");
    for (QChar c : s) {
        if (c == u'"' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out + u'"';
}

QString formatted(const Variable& v, QStringView format)
{
    const SelectedValues sel = selectedValues(v);
    if (sel.isAll && !sel.customAll.isEmpty())
        return sel.customAll;
    const QStringList& values = sel.values;
    const bool multiValued = v.multi || v.includeAll;

    if (format.isEmpty()) {
        if (!multiValued)
            return escapePromQLString(values.value(0));
        QStringList escaped;
        for (const QString& value : values)
            escaped << escapePromQLString(escapeRegex(value));
        if (escaped.size() == 1)
            return escaped.first();
        return u'(' + escaped.join(u'|') + u')';
    }
    if (format == u"regex") {
        QStringList escaped;
        for (const QString& value : values)
            escaped << escapeRegex(value);
        return escaped.size() == 1 ? escaped.first() : u'(' + escaped.join(u'|') + u')';
    }
    if (format == u"pipe")
        return values.join(u'|');
    if (format == u"csv")
        return values.join(u',');
    if (format == u"json") {
        QStringList quoted;
        for (const QString& value : values)
            quoted << quoteJson(value);
        return u'[' + quoted.join(u',') + u']';
    }
    if (format == u"doublequote" || format == u"singlequote") {
        const QChar q = format == u"doublequote" ? u'"' : u'\'';
        QStringList quoted;
        for (QString value : values)
            quoted << q + value.replace(q, QString(u'\\') + q) + q;
        return quoted.join(u',');
    }
    if (format == u"text")
        return textsOf(v, values).join(QStringLiteral(" + "));
    // "raw" and formats made for other data sources: the values as they are.
    return values.join(u',');
}

} // namespace

QString escapeRegex(const QString& value)
{
    static constexpr QStringView kSpecial = u"\\^$.|?*+()[]{}";
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (kSpecial.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString escapePromQLString(const QString& value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == u'\\' || c == u'"')
            out += u'\\';
        out += c;
    }
    return out;
}

QString interpolate(const QString& expr, const QList<Variable>& variables, const BuiltinIntervals& builtins)
{
    static const QRegularExpression reference(QStringLiteral(
        R"(\$([A-Za-z0-9_]+)|\[\[([A-Za-z0-9_]+)(?::([A-Za-z0-9_]+))?\]\]|\$\{([A-Za-z0-9_]+)(?::([A-Za-z0-9_]+))?\})"));
    QString out;
    qsizetype last = 0;
    for (auto it = reference.globalMatch(expr); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QStringView name = m.capturedView(1);
        QStringView format;
        if (name.isEmpty()) {
            name = m.capturedView(2).isEmpty() ? m.capturedView(4) : m.capturedView(2);
            format = m.capturedView(2).isEmpty() ? m.capturedView(5) : m.capturedView(3);
        }
        std::optional<QString> replacement = builtin(name, builtins);
        if (!replacement) {
            if (const Variable* v = find(variables, name))
                replacement = formatted(*v, format);
        }
        if (!replacement)
            continue; // unknown: left in place
        out += QStringView(expr).mid(last, m.capturedStart() - last);
        out += *replacement;
        last = m.capturedEnd();
    }
    out += QStringView(expr).mid(last);
    return out;
}

qint64 computeInterval(qint64 rangeMs, int maxDataPoints, qint64 minIntervalMs)
{
    static constexpr std::array<qint64, 26> kSteps{
        1,      10,      20,      50,      100,     200,      500,      1000,    2000,
        5000,   10000,   15000,   20000,   30000,   60000,    120000,   300000,  600000,
        900000, 1200000, 1800000, 3600000, 7200000, 10800000, 21600000, 43200000};
    const qint64 raw = maxDataPoints > 0 ? (rangeMs + maxDataPoints - 1) / maxDataPoints : rangeMs;
    qint64 step = 0;
    for (qint64 s : kSteps) {
        if (s >= raw) {
            step = s;
            break;
        }
    }
    if (step == 0) { // beyond 12h: whole days
        const qint64 day = 86400000;
        step = (raw + day - 1) / day * day;
    }
    return std::max(step, minIntervalMs);
}

qint64 rateInterval(qint64 intervalMs, qint64 scrapeIntervalMs)
{
    return std::max(intervalMs + scrapeIntervalMs, 4 * scrapeIntervalMs);
}

BuiltinIntervals builtinsForPanel(const Panel& panel, const ResolvedRange& range, int widthPx,
                                  qint64 scrapeIntervalMs)
{
    const int points = panel.maxDataPoints > 0 ? panel.maxDataPoints : std::max(1, widthPx);
    const qint64 minInterval = std::max(parseDurationMs(panel.minInterval).value_or(0), scrapeIntervalMs);
    BuiltinIntervals b;
    b.rangeMs = range.spanMs();
    b.intervalMs = computeInterval(b.rangeMs, points, minInterval);
    b.rateIntervalMs = rateInterval(b.intervalMs, scrapeIntervalMs);
    return b;
}

} // namespace wf::dashboard
