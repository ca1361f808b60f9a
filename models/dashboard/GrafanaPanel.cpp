// One Grafana panel to a Watchfloor Panel, reporting every part that is not carried over.

#include "GrafanaImport.h"
#include "GrafanaImportPrivate.h"
#include "JsonHead.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace wf::dashboard::grafana {

namespace {

struct TypeMapping
{
    const char16_t* grafana;
    PanelType type;
};

constexpr TypeMapping kTypes[] = {
    {u"timeseries", PanelType::TimeSeries},
    {u"graph", PanelType::TimeSeries},
    {u"stat", PanelType::Stat},
    {u"singlestat", PanelType::Stat},
    {u"gauge", PanelType::Gauge},
    {u"bargauge", PanelType::BarGauge},
    {u"table", PanelType::Table},
    {u"table-old", PanelType::Table},
    {u"heatmap", PanelType::Heatmap},
    {u"text", PanelType::Text},
    {u"logs", PanelType::Logs},
};

std::optional<PanelType> mapType(const QString& grafanaType)
{
    for (const TypeMapping& m : kTypes) {
        if (grafanaType == QStringView(m.grafana))
            return m.type;
    }
    return std::nullopt;
}

Thresholds convertThresholds(const QJsonObject& json)
{
    Thresholds t;
    t.mode =
        json.value(u"mode").toString() == u"percentage" ? ThresholdMode::Percentage : ThresholdMode::Absolute;
    for (const QJsonValue& s : jsonHead(json.value(u"steps").toArray(), 100)) {
        const QJsonObject step = s.toObject();
        t.steps.append({optionalNumber(step.value(u"value")), step.value(u"color").toString().left(64)});
    }
    return t;
}

void convertFieldConfig(const QJsonObject& panelJson, Panel& p, const QString& label, ImportReport& report)
{
    const QJsonObject fieldConfig = panelJson.value(u"fieldConfig").toObject();
    const QJsonObject defaults = fieldConfig.value(u"defaults").toObject();
    p.unit = defaults.value(u"unit").toString().left(64);
    if (const auto d = optionalNumber(defaults.value(u"decimals")))
        p.decimals = std::clamp(int(*d), 0, 20);
    p.min = optionalNumber(defaults.value(u"min"));
    p.max = optionalNumber(defaults.value(u"max"));
    if (defaults.value(u"thresholds").isObject())
        p.thresholds = convertThresholds(defaults.value(u"thresholds").toObject());

    const QJsonObject custom = defaults.value(u"custom").toObject();
    if (custom.contains(u"drawStyle")) {
        if (const auto style = drawStyleFromName(custom.value(u"drawStyle").toString()))
            p.drawStyle = *style;
        else
            report.add(label, QStringLiteral("drawStyle"),
                       QCoreApplication::translate("GrafanaImport",
                                                   "This draw style is not supported; lines are drawn."));
    }
    const QString stacking = custom.value(u"stacking").toObject().value(u"mode").toString();
    if (!stacking.isEmpty()) {
        if (const auto s = stackingFromName(stacking))
            p.stacking = *s;
    }
    const QJsonObject scale = custom.value(u"scaleDistribution").toObject();
    if (scale.value(u"type").toString() == u"log") {
        const int base = scale.value(u"log").toInt(10);
        p.logBase = base == 2 ? 2 : 10;
    } else if (scale.value(u"type").toString() == u"symlog") {
        report.add(label, QStringLiteral("scaleDistribution"),
                   QCoreApplication::translate(
                       "GrafanaImport", "Symmetric log scales are not supported; a linear scale is used."));
    }
    if (!defaults.value(u"mappings").toArray().isEmpty())
        report.add(label, QStringLiteral("value mappings"),
                   QCoreApplication::translate("GrafanaImport", "Value mappings are not supported."));
    if (!defaults.value(u"links").toArray().isEmpty())
        report.add(label, QStringLiteral("data links"),
                   QCoreApplication::translate("GrafanaImport", "Data links are not supported."));
    if (!fieldConfig.value(u"overrides").toArray().isEmpty())
        report.add(label, QStringLiteral("field overrides"),
                   QCoreApplication::translate(
                       "GrafanaImport",
                       "Per-series overrides are not supported; every series uses the panel defaults."));
}

void convertLegend(const QJsonObject& panelJson, Panel& p, const QString& label, ImportReport& report)
{
    QStringList dropped;
    for (const QJsonValue& c :
         panelJson.value(u"options").toObject().value(u"legend").toObject().value(u"calcs").toArray()) {
        const QString name = c.toString();
        if (const auto calc = legendCalcFromName(name)) {
            if (!p.legendCalcs.contains(*calc))
                p.legendCalcs.append(*calc);
        } else {
            dropped << name.left(40);
        }
    }
    if (!dropped.isEmpty())
        report.add(label, QStringLiteral("legend calculations %1").arg(dropped.join(QStringLiteral(", "))),
                   QCoreApplication::translate("GrafanaImport",
                                               "Only min, max, mean and last are shown in legends."));
}

// The "graph" panel of Grafana 7 and earlier: its options live outside fieldConfig.
void convertOldGraph(const QJsonObject& json, Panel& p)
{
    if (json.value(u"bars").toBool() && !json.value(u"lines").toBool(true))
        p.drawStyle = DrawStyle::Bars;
    else if (json.value(u"points").toBool() && !json.value(u"lines").toBool(true))
        p.drawStyle = DrawStyle::Points;
    if (json.value(u"stack").toBool())
        p.stacking = json.value(u"percentage").toBool() ? Stacking::Percent : Stacking::Normal;
    const QJsonObject axis = json.value(u"yaxes").toArray().first().toObject();
    if (p.unit.isEmpty())
        p.unit = axis.value(u"format").toString().left(64);
    const int logBase = axis.value(u"logBase").toInt(1);
    if (logBase == 2 || logBase == 10)
        p.logBase = logBase;
    if (!p.min)
        p.min = optionalNumber(axis.value(u"min").isString()
                                   ? QJsonValue(axis.value(u"min").toString().toDouble())
                                   : axis.value(u"min"));
    if (!p.max)
        p.max = optionalNumber(axis.value(u"max").isString()
                                   ? QJsonValue(axis.value(u"max").toString().toDouble())
                                   : axis.value(u"max"));
    const QJsonObject legend = json.value(u"legend").toObject();
    const std::pair<const char16_t*, LegendCalc> flags[] = {{u"min", LegendCalc::Min},
                                                            {u"max", LegendCalc::Max},
                                                            {u"avg", LegendCalc::Mean},
                                                            {u"current", LegendCalc::Last}};
    for (const auto& [key, calc] : flags) {
        if (legend.value(QStringView(key)).toBool() && !p.legendCalcs.contains(calc))
            p.legendCalcs.append(calc);
    }
}

void convertTargets(const QJsonObject& json, Panel& p, const ResolvedDatasource& panelDs,
                    const QString& label, const Context& ctx)
{
    const QJsonArray targets = json.value(u"targets").toArray();
    int index = 0;
    for (const QJsonValue& v : targets) {
        const QJsonObject t = v.toObject();
        const QString refId = t.value(u"refId").toString(QString(QChar(u'A' + std::min(index, 25)))).left(20);
        ++index;
        const QString what = QStringLiteral("target %1").arg(refId);
        if (p.targets.size() >= kMaxTargetsPerPanel) {
            ctx.report->add(
                label, what,
                QCoreApplication::translate("GrafanaImport",
                                            "The panel has too many targets; the rest are not imported."));
            continue;
        }
        const ResolvedDatasource ds = resolveDatasource(t.value(u"datasource"), ctx, &panelDs);
        if (!ds.isPrometheus) {
            ctx.report->add(label, what,
                            QCoreApplication::translate(
                                "GrafanaImport",
                                "The target queries a %1 data source; only Prometheus targets are imported.")
                                .arg(ds.display));
            continue;
        }
        const QJsonValue expr = t.value(u"expr");
        if (!expr.isString() || expr.toString().trimmed().isEmpty()) {
            ctx.report->add(
                label, what,
                QCoreApplication::translate("GrafanaImport", "The target has no PromQL expression."));
            continue;
        }
        Target target;
        target.refId = refId;
        target.expr = expr.toString().left(64 * 1024);
        target.legendFormat = t.value(u"legendFormat").toString().left(1000);
        target.hidden = t.value(u"hide").toBool();
        target.instant = t.value(u"instant").toBool() && !t.value(u"range").toBool();
        target.interval = t.value(u"interval").toString().left(32);
        target.datasource = ds.ref;
        if (t.value(u"format").toString() == u"heatmap" && p.type != PanelType::Heatmap)
            ctx.report->add(
                label, what,
                QCoreApplication::translate(
                    "GrafanaImport", "The heatmap format of this target is ignored outside heatmap panels."));
        p.targets.append(target);
    }
}

void reportUnsupportedOptions(const QJsonObject& json, const QString& label, ImportReport& report)
{
    if (!json.value(u"transformations").toArray().isEmpty())
        report.add(label, QStringLiteral("transformations"),
                   QCoreApplication::translate("GrafanaImport", "Transformations are not supported."));
    if (!json.value(u"links").toArray().isEmpty())
        report.add(label, QStringLiteral("panel links"),
                   QCoreApplication::translate("GrafanaImport", "Panel links are not supported."));
    if (!json.value(u"repeat").toString().isEmpty())
        report.add(label, QStringLiteral("repeat by %1").arg(json.value(u"repeat").toString().left(100)),
                   QCoreApplication::translate(
                       "GrafanaImport", "Repeating panels are not supported; the panel is shown once."));
    if (json.value(u"alert").isObject())
        report.add(
            label, QStringLiteral("alert rule"),
            QCoreApplication::translate(
                "GrafanaImport", "Legacy panel alerts are not imported; use Prometheus alerting rules."));
    if (!json.value(u"timeFrom").toString().isEmpty() || !json.value(u"timeShift").toString().isEmpty())
        report.add(label, QStringLiteral("relative time / time shift"),
                   QCoreApplication::translate(
                       "GrafanaImport",
                       "Per-panel time overrides are not supported; the dashboard time range is used."));
    if (!json.value(u"seriesOverrides").toArray().isEmpty())
        report.add(label, QStringLiteral("series overrides"),
                   QCoreApplication::translate("GrafanaImport", "Per-series overrides are not supported."));
}

} // namespace

Panel convertPanel(const QJsonObject& input, Context& ctx)
{
    QJsonObject json = input;
    const QString label = panelLabel(input);
    ImportReport& report = *ctx.report;

    Panel p;
    p.id = ctx.claimId(json.value(u"id").toInt());
    p.title = json.value(u"title").toString().left(1000);
    p.gridPos = GridPos{json.value(u"gridPos").toObject().value(u"x").toInt(0),
                        json.value(u"gridPos").toObject().value(u"y").toInt(0),
                        json.value(u"gridPos").toObject().value(u"w").toInt(12),
                        json.value(u"gridPos").toObject().value(u"h").toInt(8)};

    // Library panels: the model is in __elements of an "export for sharing externally", or only in the
    // Grafana instance the dashboard came from.
    const QJsonObject library = json.value(u"libraryPanel").toObject();
    if (!library.isEmpty()) {
        const QString uid = library.value(u"uid").toString();
        if (ctx.libraryPanels.contains(uid)) {
            QJsonObject model = ctx.libraryPanels.value(uid);
            model.insert(QStringLiteral("gridPos"), json.value(u"gridPos"));
            model.insert(QStringLiteral("id"), json.value(u"id"));
            if (!model.contains(u"title"))
                model.insert(QStringLiteral("title"), library.value(u"name"));
            json = model;
            p.title = json.value(u"title").toString().left(1000);
        } else if (!json.contains(u"targets") && !json.contains(u"type")) {
            p.type = PanelType::Unknown;
            p.title = library.value(u"name").toString(p.title).left(1000);
            report.add(label,
                       QStringLiteral("library panel %1").arg(library.value(u"name").toString().left(200)),
                       QCoreApplication::translate(
                           "GrafanaImport",
                           "The panel's definition is stored in the Grafana instance, not in this file; "
                           "export the dashboard with \"Export for sharing externally\" to include it."));
            return p;
        }
    }

    p.description = json.value(u"description").toString().left(10000);
    const QString type = json.value(u"type").toString();
    const auto mapped = mapType(type);
    if (!mapped) {
        p.type = PanelType::Unknown;
        report.add(label, QStringLiteral("panel type %1").arg(type.left(100)),
                   QCoreApplication::translate(
                       "GrafanaImport",
                       "Watchfloor has no panel of this type; a placeholder keeps its place on the grid."));
        return p;
    }
    p.type = *mapped;

    const ResolvedDatasource panelDs = resolveDatasource(json.value(u"datasource"), ctx);
    convertFieldConfig(json, p, label, report);
    convertLegend(json, p, label, report);
    if (type == u"graph")
        convertOldGraph(json, p);
    if (type == u"singlestat" && p.unit.isEmpty())
        p.unit = json.value(u"format").toString().left(64);
    if (type == u"singlestat" && !json.value(u"thresholds").toString().isEmpty())
        report.add(label, QStringLiteral("singlestat thresholds"),
                   QCoreApplication::translate("GrafanaImport",
                                               "Thresholds of the old singlestat panel are not imported."));

    if (p.type == PanelType::Text) {
        const QJsonObject options = json.value(u"options").toObject();
        const QString mode =
            options.value(u"mode").toString(json.value(u"mode").toString(QStringLiteral("markdown")));
        p.textContent =
            options.value(u"content").toString(json.value(u"content").toString()).left(256 * 1024);
        if (mode == u"html")
            report.add(label, QStringLiteral("HTML content"),
                       QCoreApplication::translate(
                           "GrafanaImport", "HTML text panels are shown as plain text, never as HTML."));
    } else {
        convertTargets(json, p, panelDs, label, ctx);
    }
    if (json.value(u"maxDataPoints").isDouble())
        p.maxDataPoints = std::clamp(json.value(u"maxDataPoints").toInt(), 0, 100000);
    p.minInterval = json.value(u"interval").toString().left(32);
    if (p.datasource.uid.isEmpty())
        p.datasource = panelDs.ref;
    reportUnsupportedOptions(json, label, report);
    return p;
}

} // namespace wf::dashboard::grafana
