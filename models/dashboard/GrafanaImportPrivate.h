#pragma once

// Shared between the parts of the Grafana importer: the datasource table built from __inputs, the
// report, and the id allocator. Internal to models/dashboard.

#include "ImportReport.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QSet>

namespace wf::dashboard::grafana {

struct Context
{
    ImportReport* report = nullptr;
    QHash<QString, QString> inputTypes;        // "DS_PROMETHEUS" -> "prometheus" (from __inputs)
    QHash<QString, QJsonObject> libraryPanels; // uid -> model (from __elements)
    QSet<int> usedIds;
    int panelCount = 0;

    int claimId(int wanted);
};

struct ResolvedDatasource
{
    DatasourceRef ref;
    bool isPrometheus = true;
    bool isMixed = false;
    QString display; // for report messages
};

// A panel's or target's "datasource": null (the default), a name string, "${DS_X}", or {type, uid}.
ResolvedDatasource resolveDatasource(const QJsonValue& value, const Context& ctx,
                                     const ResolvedDatasource* inherited = nullptr);

QString panelLabel(const QJsonObject& panel);
std::optional<double> optionalNumber(const QJsonValue& value);

// Converts one non-row panel; what it cannot carry over goes to ctx.report. Unknown types and
// library panels without a definition come back as PanelType::Unknown placeholders.
Panel convertPanel(const QJsonObject& json, Context& ctx);

} // namespace wf::dashboard::grafana
