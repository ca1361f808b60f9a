#pragma once

// Dashboard time ranges as Grafana writes them. Each end is either relative to "now" ("now",
// "now-6h", "now/d", "now-1d/d") or absolute (epoch milliseconds, or ISO 8601 / "yyyy-MM-dd HH:mm:ss").
// A TimeRange keeps the text; resolve() turns it into milliseconds at a given "now", so everything
// here is deterministic and testable with a fixed clock.

#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace wf::dashboard {

struct TimeRange
{
    QString from = QStringLiteral("now-6h");
    QString to = QStringLiteral("now");

    bool isRelative() const; // either end mentions "now": the range moves with the clock
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

struct ResolvedRange
{
    qint64 fromMs = 0;
    qint64 toMs = 0;

    qint64 spanMs() const { return toMs - fromMs; }
    friend bool operator==(const ResolvedRange&, const ResolvedRange&) = default;
};

// One end at `nowMs`. Rounding ("/d") goes to the start of the unit, or to its last millisecond when
// `roundUp` (Grafana rounds the "to" end up, so "now/d".."now/d" is the whole day). Calendar units
// (d, w, M, y) follow `zone`. nullopt when the text is neither form.
std::optional<qint64> resolveTimeExpression(const QString& text, qint64 nowMs, bool roundUp,
                                            const QTimeZone& zone = QTimeZone::utc());

// Both ends; nullopt when either end is invalid or from is not before to.
std::optional<ResolvedRange> resolve(const TimeRange& range, qint64 nowMs,
                                     const QTimeZone& zone = QTimeZone::utc());

// Translated message saying what is wrong with `range` at `nowMs`, or empty when it is valid.
QString validate(const TimeRange& range, qint64 nowMs, const QTimeZone& zone = QTimeZone::utc());

// Absolute ranges (epoch-ms text) derived from a resolved one, as the picker and chart zoom use them.
TimeRange absoluteRange(qint64 fromMs, qint64 toMs);
// Span multiplied by `factor` around the centre: 2 zooms out (Grafana's Ctrl+Z), 0.5 zooms in.
TimeRange zoom(const ResolvedRange& range, double factor);
// Moved by `fraction` of the span: -0.5 half a span back, +0.5 forward (Grafana's arrows).
TimeRange shift(const ResolvedRange& range, double fraction);
// The interval dragged on a chart; ends given in any order. Spans under 1 s are widened to 1 s
// around their middle so a click never produces an empty range.
TimeRange zoomTo(qint64 aMs, qint64 bMs);

struct QuickRange
{
    TimeRange range;
    QString display; // translated, e.g. "Last 6 hours"
};

// Grafana's quick ranges, shortest first, then the calendar ones ("Today", "Yesterday", ...).
QList<QuickRange> quickRanges();
// "Last 6 hours" for a quick range, else "from to to" with the raw text of both ends.
QString describe(const TimeRange& range);

// Auto refresh: "5s", "1m", ... or "" / "off" for none. Returns 0 for off, nullopt when invalid.
// Intervals under 1 s are invalid (they would flood the server).
std::optional<qint64> parseRefreshInterval(const QString& text);
// The choices offered in the picker: off, 5s, 10s, 30s, 1m, 5m, 15m, 30m, 1h, 2h, 1d.
QStringList refreshIntervals();

} // namespace wf::dashboard
