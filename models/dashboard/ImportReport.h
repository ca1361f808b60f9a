#pragma once

// What an import did not carry over, one entry per panel and thing, so the user sees exactly what is
// missing instead of a dashboard that quietly differs from the original.

#include "Dashboard.h"

#include <QList>
#include <QString>

namespace wf::dashboard {

struct ImportIssue
{
    QString panel; // the panel's title (or "#id" when untitled); empty for dashboard-wide things
    QString what;  // e.g. "transformations", "target B", "panel type piechart"
    QString why;   // translated sentence

    friend bool operator==(const ImportIssue&, const ImportIssue&) = default;
};

struct ImportReport
{
    QString format; // "Grafana", "Perses", "Watchfloor"
    int panelsImported = 0;
    int panelsNotImported = 0; // kept as Unknown placeholders, each with an issue
    QList<ImportIssue> issues;

    void add(const QString& panel, const QString& what, const QString& why)
    {
        issues.append({panel, what, why});
    }
    bool hasIssuesFor(const QString& panel) const;
    // One line per issue: "Panel “CPU”: transformations: ... ", for the import dialog and stderr.
    QString toText() const;
};

struct ImportResult
{
    Dashboard dashboard;
    ImportReport report;
    QString error; // translated; set when nothing could be imported

    bool ok() const { return error.isEmpty(); }
};

} // namespace wf::dashboard
