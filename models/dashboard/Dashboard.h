#pragma once

// A dashboard: panels on Grafana's 24-column grid, rows that group them, variables, the default time
// range and auto refresh. Rows follow Grafana's model: a row header is a full-width item on the grid
// (h = 1); the panels of an expanded row are the dashboard's panels below its header (up to the next
// row); a collapsed row carries its panels itself and they are off the grid.

#include "AnnotationQuery.h"
#include "Panel.h"
#include "TimeRange.h"
#include "Variable.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wf::dashboard {

struct Row
{
    int id = 0; // shares the id space of panels
    QString title;
    bool collapsed = false;
    int y = 0;           // grid row of the header
    QList<Panel> panels; // only while collapsed; positions as they were when it was collapsed

    friend bool operator==(const Row&, const Row&) = default;
};

struct Dashboard
{
    QString uid;
    QString title;
    QString description;
    QStringList tags;
    QList<Panel> panels; // on the grid (not those inside collapsed rows)
    QList<Row> rows;     // ordered by y
    QList<Variable> variables;
    QList<AnnotationQuery> annotations; // PromQL annotation queries
    TimeRange time;
    QString refresh; // "" or "off" for none, else a duration ("30s")

    friend bool operator==(const Dashboard&, const Dashboard&) = default;

    Panel* panel(int id);
    const Panel* panel(int id) const;
    // Every panel, also those inside collapsed rows, in grid order (rows' panels after their header).
    QList<const Panel*> allPanels() const;
    // The row a grid panel belongs to (the last header above it), or null when above every row.
    const Row* rowOf(const Panel& panel) const;
    // An id not used by any panel or row.
    int nextId() const;
};

} // namespace wf::dashboard
