#include "TimeRange.h"

#include "Duration.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cmath>

namespace wf::dashboard {

namespace {

bool isDateMathUnit(QChar c)
{
    return QStringView(u"smhdwMy").contains(c);
}

QDateTime add(const QDateTime& t, qint64 n, QChar unit)
{
    switch (unit.unicode()) {
    case u's':
        return t.addMSecs(n * 1000);
    case u'm':
        return t.addMSecs(n * 60 * 1000);
    case u'h':
        return t.addMSecs(n * 3600 * 1000);
    case u'd':
        return t.addDays(n);
    case u'w':
        return t.addDays(n * 7);
    case u'M':
        return t.addMonths(int(n));
    default:
        return t.addYears(int(n));
    }
}

// Weeks start on Monday (ISO 8601), whatever the locale.
QDateTime startOf(const QDateTime& t, QChar unit)
{
    const QDate date = t.date();
    const QTime time = t.time();
    const QTimeZone zone = t.timeZone();
    switch (unit.unicode()) {
    case u's':
        return QDateTime(date, QTime(time.hour(), time.minute(), time.second()), zone);
    case u'm':
        return QDateTime(date, QTime(time.hour(), time.minute()), zone);
    case u'h':
        return QDateTime(date, QTime(time.hour(), 0), zone);
    case u'd':
        return QDateTime(date, QTime(0, 0), zone);
    case u'w':
        return QDateTime(date.addDays(1 - date.dayOfWeek()), QTime(0, 0), zone);
    case u'M':
        return QDateTime(QDate(date.year(), date.month(), 1), QTime(0, 0), zone);
    default:
        return QDateTime(QDate(date.year(), 1, 1), QTime(0, 0), zone);
    }
}

std::optional<qint64> resolveRelative(QStringView text, qint64 nowMs, bool roundUp, const QTimeZone& zone)
{
    QDateTime t = QDateTime::fromMSecsSinceEpoch(nowMs, zone);
    qsizetype i = 3; // after "now"
    while (i < text.size()) {
        const QChar op = text[i++];
        if (op == u'/') {
            if (i >= text.size() || !isDateMathUnit(text[i]))
                return std::nullopt;
            const QChar unit = text[i++];
            t = startOf(t, unit);
            if (roundUp)
                t = add(t, 1, unit).addMSecs(-1);
            continue;
        }
        if (op != u'+' && op != u'-')
            return std::nullopt;
        qint64 n = 0;
        const qsizetype digits = i;
        while (i < text.size() && text[i].unicode() >= u'0' && text[i].unicode() <= u'9') {
            n = n * 10 + (text[i].unicode() - u'0');
            if (n > 1000000) // a million years at most: keeps QDateTime arithmetic in range
                return std::nullopt;
            ++i;
        }
        if (i == digits)
            n = 1; // Grafana accepts "now-d" as "now-1d"
        if (i >= text.size() || !isDateMathUnit(text[i]))
            return std::nullopt;
        t = add(t, op == u'-' ? -n : n, text[i++]);
    }
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

std::optional<qint64> resolveAbsolute(const QString& text, const QTimeZone& zone)
{
    bool isNumber = false;
    const qint64 ms = text.toLongLong(&isNumber);
    if (isNumber)
        return ms;
    QString iso = text;
    if (iso.size() > 10 && iso[10] == u' ')
        iso[10] = u'T'; // Grafana's "2024-05-01 10:00:00"
    QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    // No offset in the text: the wall-clock time is in the dashboard's zone.
    if (t.timeSpec() == Qt::LocalTime)
        t = QDateTime(t.date(), t.time(), zone);
    return t.toMSecsSinceEpoch();
}

} // namespace

bool TimeRange::isRelative() const
{
    return from.trimmed().startsWith(u"now") || to.trimmed().startsWith(u"now");
}

std::optional<qint64> resolveTimeExpression(const QString& text, qint64 nowMs, bool roundUp,
                                            const QTimeZone& zone)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.size() > 64)
        return std::nullopt;
    if (t.startsWith(u"now"))
        return resolveRelative(t, nowMs, roundUp, zone);
    return resolveAbsolute(t, zone);
}

std::optional<ResolvedRange> resolve(const TimeRange& range, qint64 nowMs, const QTimeZone& zone)
{
    const auto from = resolveTimeExpression(range.from, nowMs, false, zone);
    const auto to = resolveTimeExpression(range.to, nowMs, true, zone);
    if (!from || !to || *from >= *to)
        return std::nullopt;
    return ResolvedRange{*from, *to};
}

QString validate(const TimeRange& range, qint64 nowMs, const QTimeZone& zone)
{
    const auto from = resolveTimeExpression(range.from, nowMs, false, zone);
    if (!from)
        return QCoreApplication::translate(
                   "TimeRange",
                   "“%1” is not a time: use now, now-6h, now/d, epoch milliseconds or an ISO date.")
            .arg(range.from.left(64));
    const auto to = resolveTimeExpression(range.to, nowMs, true, zone);
    if (!to)
        return QCoreApplication::translate(
                   "TimeRange",
                   "“%1” is not a time: use now, now-6h, now/d, epoch milliseconds or an ISO date.")
            .arg(range.to.left(64));
    if (*from >= *to)
        return QCoreApplication::translate("TimeRange",
                                           "The start of the time range must be before its end.");
    return {};
}

TimeRange absoluteRange(qint64 fromMs, qint64 toMs)
{
    return TimeRange{QString::number(fromMs), QString::number(toMs)};
}

TimeRange zoom(const ResolvedRange& range, double factor)
{
    const double centre = (double(range.fromMs) + double(range.toMs)) / 2.0;
    const double half = std::max(500.0, double(range.spanMs()) * factor / 2.0);
    return absoluteRange(qint64(std::llround(centre - half)), qint64(std::llround(centre + half)));
}

TimeRange shift(const ResolvedRange& range, double fraction)
{
    const qint64 by = qint64(std::llround(double(range.spanMs()) * fraction));
    return absoluteRange(range.fromMs + by, range.toMs + by);
}

TimeRange zoomTo(qint64 aMs, qint64 bMs)
{
    qint64 from = std::min(aMs, bMs);
    qint64 to = std::max(aMs, bMs);
    if (to - from < 1000) {
        const qint64 mid = from + (to - from) / 2;
        from = mid - 500;
        to = mid + 500;
    }
    return absoluteRange(from, to);
}

QList<QuickRange> quickRanges()
{
    const auto last = [](const char* from, const char* text) {
        return QuickRange{TimeRange{QString::fromLatin1(from), QStringLiteral("now")},
                          QCoreApplication::translate("TimeRange", text)};
    };
    const auto calendar = [](const char* from, const char* to, const char* text) {
        return QuickRange{TimeRange{QString::fromLatin1(from), QString::fromLatin1(to)},
                          QCoreApplication::translate("TimeRange", text)};
    };
    return {
        last("now-5m", QT_TRANSLATE_NOOP("TimeRange", "Last 5 minutes")),
        last("now-15m", QT_TRANSLATE_NOOP("TimeRange", "Last 15 minutes")),
        last("now-30m", QT_TRANSLATE_NOOP("TimeRange", "Last 30 minutes")),
        last("now-1h", QT_TRANSLATE_NOOP("TimeRange", "Last 1 hour")),
        last("now-3h", QT_TRANSLATE_NOOP("TimeRange", "Last 3 hours")),
        last("now-6h", QT_TRANSLATE_NOOP("TimeRange", "Last 6 hours")),
        last("now-12h", QT_TRANSLATE_NOOP("TimeRange", "Last 12 hours")),
        last("now-24h", QT_TRANSLATE_NOOP("TimeRange", "Last 24 hours")),
        last("now-2d", QT_TRANSLATE_NOOP("TimeRange", "Last 2 days")),
        last("now-7d", QT_TRANSLATE_NOOP("TimeRange", "Last 7 days")),
        last("now-30d", QT_TRANSLATE_NOOP("TimeRange", "Last 30 days")),
        calendar("now/d", "now/d", QT_TRANSLATE_NOOP("TimeRange", "Today")),
        calendar("now/d", "now", QT_TRANSLATE_NOOP("TimeRange", "Today so far")),
        calendar("now-1d/d", "now-1d/d", QT_TRANSLATE_NOOP("TimeRange", "Yesterday")),
        calendar("now/w", "now/w", QT_TRANSLATE_NOOP("TimeRange", "This week")),
        calendar("now/w", "now", QT_TRANSLATE_NOOP("TimeRange", "This week so far")),
        calendar("now-1w/w", "now-1w/w", QT_TRANSLATE_NOOP("TimeRange", "Previous week")),
    };
}

QString describe(const TimeRange& range)
{
    for (const QuickRange& q : quickRanges()) {
        if (q.range == range)
            return q.display;
    }
    const auto readable = [](const QString& end) {
        bool isNumber = false;
        const qint64 ms = end.toLongLong(&isNumber);
        if (!isNumber)
            return end;
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    };
    return QCoreApplication::translate("TimeRange", "%1 to %2").arg(readable(range.from), readable(range.to));
}

std::optional<qint64> parseRefreshInterval(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty() || t.compare(u"off", Qt::CaseInsensitive) == 0)
        return 0;
    const auto ms = parseDurationMs(t);
    if (!ms || *ms < 1000)
        return std::nullopt;
    return ms;
}

QStringList refreshIntervals()
{
    return {QStringLiteral("off"), QStringLiteral("5s"), QStringLiteral("10s"), QStringLiteral("30s"),
            QStringLiteral("1m"),  QStringLiteral("5m"), QStringLiteral("15m"), QStringLiteral("30m"),
            QStringLiteral("1h"),  QStringLiteral("2h"), QStringLiteral("1d")};
}

} // namespace wf::dashboard
