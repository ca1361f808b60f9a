#pragma once
// The scrape interval of a Prometheus server, so step sizing never asks for steps finer than the data:
// from the running configuration (global.scrape_interval of /api/v1/status/config), or, for servers
// without that endpoint (Thanos, VictoriaMetrics, Mimir), the shortest scrapeInterval of /targets.
#include "PromApiTypes.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace wf::prometheus {

// Prometheus' duration syntax: "15s", "1m30s", "500ms", "2h", "1d", "1w", "1y". nullopt for anything
// else, zero, or over a year.
std::optional<qint64> parsePromDurationMs(QStringView text);

// global.scrape_interval of a Prometheus configuration; Prometheus' own default (1m) when the global
// section does not set it; nullopt when the text is not a YAML mapping or the value is unreadable.
std::optional<qint64> globalScrapeIntervalMs(const QString& yaml);

// The shortest readable scrapeInterval of the targets; nullopt when none has one.
std::optional<qint64> shortestTargetIntervalMs(const QList<PromTarget>& targets);

} // namespace wf::prometheus
