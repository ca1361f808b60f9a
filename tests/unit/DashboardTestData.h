#pragma once

// Shared by the dashboard import tests: reading files from tests/data/dashboards, and the check that
// every panel of a source file is either imported or named in the import report.

#include "dashboard/Dashboard.h"
#include "dashboard/ImportReport.h"

#include <QFile>
#include <QTest>

namespace dashboardtest {

inline QByteArray readDashboardFile(const QString& name)
{
    QFile f(qEnvironmentVariable("WATCHFLOOR_SOURCE_DIR") + QStringLiteral("/tests/data/dashboards/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(f.fileName()));
    return f.readAll();
}

inline const wf::dashboard::Panel* findPanel(const wf::dashboard::Dashboard& d, const QString& title)
{
    for (const wf::dashboard::Panel* p : d.allPanels()) {
        if (p->title == title)
            return p;
    }
    return nullptr;
}

// True when the panel titled `title` is on the dashboard with a real type and no issue mentions a
// "panel type" or "library panel" for it, or when the report names it.
inline bool importedOrReported(const wf::dashboard::ImportResult& r, const QString& title, QString* why)
{
    const wf::dashboard::Panel* p = findPanel(r.dashboard, title);
    const bool reported = r.report.hasIssuesFor(title);
    if (p && p->type != wf::dashboard::PanelType::Unknown)
        return true;
    if (reported)
        return true;
    *why = p ? QStringLiteral("“%1” is a placeholder but not reported").arg(title)
             : QStringLiteral("“%1” is neither imported nor reported").arg(title);
    return false;
}

} // namespace dashboardtest
