#pragma once

// Recognising a dashboard file and reading it safely. Files come from anywhere (a colleague, the
// internet), so the bytes are bounded in size and nesting depth before Qt's JSON parser sees them,
// and the detector says in plain words what a file is when it is not a dashboard.

#include "ImportReport.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace wf::dashboard {

inline constexpr qsizetype kMaxDashboardBytes = 16 * 1024 * 1024;
inline constexpr int kMaxJsonDepth = 64;

enum class DashboardFormat { Grafana, Perses, Watchfloor, NotADashboard };

struct DetectedDashboard
{
    DashboardFormat format = DashboardFormat::NotADashboard;
    QJsonObject root; // the dashboard object (Grafana's API wrapper {"dashboard": ...} removed)
    QString error;    // translated; set for NotADashboard
};

// Parses (JSON; YAML for Perses files starting with "kind:" or "---") and classifies: Watchfloor
// ("watchfloorDashboard"), Perses (kind "Dashboard" with a spec), Grafana ("panels", old "rows", or
// "schemaVersion"; also inside {"dashboard": ..., "meta": ...}).
DetectedDashboard detectDashboardFormat(const QByteArray& bytes);

// Detects the format and runs the matching importer.
ImportResult importDashboard(const QByteArray& bytes);

} // namespace wf::dashboard
