#pragma once

// Durations as Prometheus and Grafana write them: "500ms", "15s", "5m", "1h30m", "2d", "1w", "1y".

#include <QString>
#include <QStringView>

#include <optional>

namespace wf::dashboard {

// Milliseconds, or nullopt for anything that is not a positive-or-zero duration in that syntax.
// Units: ms, s, m, h, d, w, y (365 d). Components must appear largest first, each at most once.
std::optional<qint64> parseDurationMs(QStringView text);

// The shortest exact spelling: 90000 -> "1m30s", 500 -> "500ms", 0 -> "0s".
QString formatDuration(qint64 ms);

} // namespace wf::dashboard
