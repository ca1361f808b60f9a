#pragma once

// Watchfloor's own dashboard JSON: every field of the model, versioned with "watchfloorDashboard": 1.
// No secrets can be in it (the model holds none; data sources are referenced by uid only).

#include "ImportReport.h"

#include <QByteArray>
#include <QJsonObject>

namespace wf::dashboard {

inline constexpr int kWatchfloorDashboardVersion = 1;

QJsonObject toJson(const Dashboard& dashboard);
QByteArray exportDashboard(const Dashboard& dashboard); // indented UTF-8 JSON

// Reads what toJson wrote. A file of a newer version is refused with a message saying so; fields of
// the wrong type are reported and left at their defaults.
ImportResult importWatchfloor(const QJsonObject& root);

} // namespace wf::dashboard
