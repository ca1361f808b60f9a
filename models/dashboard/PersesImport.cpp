#include "PersesImport.h"

#include "Duration.h"
#include "GrafanaImport.h"
#include "JsonHead.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace wf::dashboard {

namespace {

std::optional<double> number(const QJsonValue& v)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return std::nullopt;
    return v.toDouble();
}

// Perses format units to the Grafana unit ids the panels understand.
QString mapUnit(const QString& unit)
{
    static const QHash<QString, QString> units{
        {QStringLiteral("seconds"), QStringLiteral("s")},
        {QStringLiteral("milliseconds"), QStringLiteral("ms")},
        {QStringLiteral("minutes"), QStringLiteral("m")},
        {QStringLiteral("hours"), QStringLiteral("h")},
        {QStringLiteral("days"), QStringLiteral("d")},
        {QStringLiteral("percent"), QStringLiteral("percent")},
        {QStringLiteral("percent-decimal"), QStringLiteral("percentunit")},
        {QStringLiteral("decimal"), QStringLiteral("short")},
        {QStringLiteral("bytes"), QStringLiteral("bytes")},
        {QStringLiteral("decbytes"), QStringLiteral("decbytes")},
        {QStringLiteral("bytes/sec"), QStringLiteral("Bps")},
        {QStringLiteral("bits/sec"), QStringLiteral("bps")},
        {QStringLiteral("requests/sec"), QStringLiteral("reqps")},
        {QStringLiteral("counts/sec"), QStringLiteral("cps")},
        {QStringLiteral("ops/sec"), QStringLiteral("ops")},
    };
    return units.value(unit, unit.left(64));
}

void readFormat(const QJsonObject& format, Panel& p)
{
    p.unit = mapUnit(format.value(u"unit").toString());
    if (const auto d = number(format.value(u"decimalPlaces")))
        p.decimals = std::clamp(int(*d), 0, 20);
}

void readThresholds(const QJsonObject& json, Panel& p)
{
    if (json.isEmpty())
        return;
    p.thresholds.mode =
        json.value(u"mode").toString() == u"percent" ? ThresholdMode::Percentage : ThresholdMode::Absolute;
    p.thresholds.steps.append(
        {std::nullopt, json.value(u"defaultColor").toString(QStringLiteral("green")).left(64)});
    for (const QJsonValue& s : jsonHead(json.value(u"steps").toArray(), 100)) {
        const QJsonObject step = s.toObject();
        p.thresholds.steps.append(
            {number(step.value(u"value")), step.value(u"color").toString(QStringLiteral("red")).left(64)});
    }
}

struct Converted
{
    Panel panel;
    bool imported = true;
};

void readQueries(const QJsonArray& queries, Panel& p, const QString& label, ImportReport& report)
{
    int index = 0;
    for (const QJsonValue& qv : queries) {
        const QString refId = QString(QChar(u'A' + std::min(index++, 25)));
        const QString what = QStringLiteral("query %1").arg(index);
        if (p.targets.size() >= kMaxTargetsPerPanel) {
            report.add(label, what,
                       QCoreApplication::translate(
                           "PersesImport", "The panel has too many queries; the rest are not imported."));
            continue;
        }
        const QJsonObject plugin = qv.toObject().value(u"spec").toObject().value(u"plugin").toObject();
        const QString kind = plugin.value(u"kind").toString();
        if (kind != u"PrometheusTimeSeriesQuery") {
            report.add(label, what,
                       QCoreApplication::translate(
                           "PersesImport",
                           "Queries of kind “%1” are not supported; only Prometheus queries are imported.")
                           .arg(kind.left(100)));
            continue;
        }
        const QJsonObject spec = plugin.value(u"spec").toObject();
        const QString expr = spec.value(u"query").toString();
        if (expr.trimmed().isEmpty()) {
            report.add(label, what, QCoreApplication::translate("PersesImport", "The query is empty."));
            continue;
        }
        Target t;
        t.refId = refId;
        t.expr = expr.left(64 * 1024);
        t.legendFormat = spec.value(u"seriesNameFormat").toString().left(1000);
        t.interval = spec.value(u"minStep").toString().left(32);
        const QJsonObject ds = spec.value(u"datasource").toObject();
        t.datasource = DatasourceRef{ds.value(u"name").toString().left(200), QStringLiteral("prometheus")};
        p.targets.append(t);
    }
}

Converted convertPanel(const QString& key, const QJsonObject& json, int id, ImportReport& report)
{
    Converted c;
    Panel& p = c.panel;
    p.id = id;
    const QJsonObject spec = json.value(u"spec").toObject();
    const QJsonObject display = spec.value(u"display").toObject();
    p.title = display.value(u"name").toString(key).left(1000);
    p.description = display.value(u"description").toString().left(10000);
    const QString label = p.title.isEmpty() ? key.left(200) : p.title.left(200);
    const QJsonObject plugin = spec.value(u"plugin").toObject();
    const QString kind = plugin.value(u"kind").toString();
    const QJsonObject ps = plugin.value(u"spec").toObject();

    if (kind == u"TimeSeriesChart") {
        p.type = PanelType::TimeSeries;
        const QJsonObject yAxis = ps.value(u"yAxis").toObject();
        readFormat(yAxis.value(u"format").toObject(), p);
        p.min = number(yAxis.value(u"min"));
        p.max = number(yAxis.value(u"max"));
        for (const QJsonValue& v : ps.value(u"legend").toObject().value(u"values").toArray()) {
            const QString name = v.toString();
            const auto calc =
                name == u"last-number" ? std::optional(LegendCalc::Last) : legendCalcFromName(name);
            if (calc && !p.legendCalcs.contains(*calc))
                p.legendCalcs.append(*calc);
            else if (!calc)
                report.add(label, QStringLiteral("legend value %1").arg(name.left(40)),
                           QCoreApplication::translate("PersesImport",
                                                       "Only min, max, mean and last are shown in legends."));
        }
        const QJsonObject visual = ps.value(u"visual").toObject();
        if (visual.value(u"display").toString() == u"bar")
            p.drawStyle = DrawStyle::Bars;
        const QString stack = visual.value(u"stack").toString();
        if (stack == u"all")
            p.stacking = Stacking::Normal;
        else if (stack == u"percent")
            p.stacking = Stacking::Percent;
        readThresholds(ps.value(u"thresholds").toObject(), p);
        if (!ps.value(u"querySettings").toArray().isEmpty())
            report.add(label, QStringLiteral("query settings"),
                       QCoreApplication::translate("PersesImport",
                                                   "Per-query colours and styles are not supported."));
    } else if (kind == u"StatChart" || kind == u"GaugeChart" || kind == u"BarChart") {
        p.type = kind == u"StatChart"    ? PanelType::Stat
                 : kind == u"GaugeChart" ? PanelType::Gauge
                                         : PanelType::BarGauge;
        readFormat(ps.value(u"format").toObject(), p);
        readThresholds(ps.value(u"thresholds").toObject(), p);
        p.max = number(ps.value(u"max"));
        const QString calculation = ps.value(u"calculation").toString();
        if (!calculation.isEmpty() && calculation != u"last-number" && calculation != u"last")
            report.add(label, QStringLiteral("calculation %1").arg(calculation.left(40)),
                       QCoreApplication::translate("PersesImport",
                                                   "The value shown is the last one, not this calculation."));
        if (!ps.value(u"mappings").toArray().isEmpty())
            report.add(label, QStringLiteral("value mappings"),
                       QCoreApplication::translate("PersesImport", "Value mappings are not supported."));
    } else if (kind == u"Markdown") {
        p.type = PanelType::Text;
        p.textContent = ps.value(u"text").toString().left(256 * 1024);
    } else if (kind == u"Table") {
        p.type = PanelType::Table;
        if (!ps.value(u"columnSettings").toArray().isEmpty())
            report.add(label, QStringLiteral("column settings"),
                       QCoreApplication::translate("PersesImport", "Per-column settings are not supported."));
    } else if (kind == u"HeatMapChart") {
        p.type = PanelType::Heatmap;
    } else {
        p.type = PanelType::Unknown;
        c.imported = false;
        report.add(label, QStringLiteral("panel type %1").arg(kind.left(100)),
                   QCoreApplication::translate(
                       "PersesImport",
                       "Watchfloor has no panel of this type; a placeholder keeps its place on the grid."));
        return c;
    }
    if (p.type != PanelType::Text)
        readQueries(spec.value(u"queries").toArray(), p, label, report);
    if (!spec.value(u"links").toArray().isEmpty())
        report.add(label, QStringLiteral("panel links"),
                   QCoreApplication::translate("PersesImport", "Panel links are not supported."));
    return c;
}

void importVariables(const QJsonArray& list, Dashboard& d, ImportReport& report)
{
    for (const QJsonValue& vv : list) {
        const QJsonObject json = vv.toObject();
        const QString kind = json.value(u"kind").toString();
        const QJsonObject spec = json.value(u"spec").toObject();
        const QString name = spec.value(u"name").toString().left(100);
        const QString what = QStringLiteral("variable %1").arg(name);
        if (!isValidVariableName(name)) {
            report.add(QString(), what,
                       QCoreApplication::translate("PersesImport", "The variable name is not valid."));
            continue;
        }
        if (d.variables.size() >= kMaxImportedVariables) {
            report.add(QString(), what,
                       QCoreApplication::translate("PersesImport",
                                                   "Too many variables; the rest are not imported."));
            continue;
        }
        Variable v;
        v.name = name;
        v.label = spec.value(u"display").toObject().value(u"name").toString().left(200);
        v.hidden = spec.value(u"display").toObject().value(u"hidden").toBool();
        if (kind == u"TextVariable") {
            v.kind = spec.value(u"constant").toBool() ? VariableKind::Constant : VariableKind::TextBox;
            v.query = spec.value(u"value").toString().left(10000);
            v.current = {v.query};
            d.variables.append(v);
            continue;
        }
        if (kind != u"ListVariable") {
            report.add(
                QString(), what,
                QCoreApplication::translate("PersesImport", "Variables of kind “%1” are not supported.")
                    .arg(kind.left(40)));
            continue;
        }
        v.multi = spec.value(u"allowMultiple").toBool();
        v.includeAll = spec.value(u"allowAllValue").toBool();
        v.allValue = spec.value(u"customAllValue").toString().left(1000);
        const QJsonValue defaultValue = spec.value(u"defaultValue");
        if (defaultValue.isArray()) {
            for (const QJsonValue& x : jsonHead(defaultValue.toArray(), 1000))
                v.current << x.toString();
        } else if (defaultValue.isString()) {
            v.current << (defaultValue.toString() == u"$__all" ? kAllValue.toString()
                                                               : defaultValue.toString());
        }
        const QJsonObject plugin = spec.value(u"plugin").toObject();
        const QString pluginKind = plugin.value(u"kind").toString();
        const QJsonObject ps = plugin.value(u"spec").toObject();
        if (pluginKind == u"PrometheusLabelValuesVariable") {
            const QJsonArray matchers = ps.value(u"matchers").toArray();
            const QString label = ps.value(u"labelName").toString().left(200);
            v.query = matchers.isEmpty() ? QStringLiteral("label_values(%1)").arg(label)
                                         : QStringLiteral("label_values(%1, %2)")
                                               .arg(matchers.first().toString().left(10000), label);
            if (matchers.size() > 1)
                report.add(QString(), what,
                           QCoreApplication::translate(
                               "PersesImport", "Only the first series matcher is used to find the values."));
        } else if (pluginKind == u"PrometheusLabelNamesVariable") {
            v.query = QStringLiteral("label_names()");
        } else if (pluginKind == u"PrometheusPromQLVariable") {
            v.query = QStringLiteral("query_result(%1)").arg(ps.value(u"expr").toString().left(10000));
            const QString label = ps.value(u"labelName").toString();
            if (isValidVariableName(label))
                v.regex = QStringLiteral("/%1=\"([^\"]*)\"/").arg(label);
        } else if (pluginKind == u"StaticListVariable") {
            v.kind = VariableKind::Custom;
            QStringList parts;
            for (const QJsonValue& value : jsonHead(ps.value(u"values").toArray(), 1000)) {
                const QString text =
                    value.isObject() ? value.toObject().value(u"label").toString() : value.toString();
                const QString val =
                    value.isObject() ? value.toObject().value(u"value").toString() : value.toString();
                v.options.append({text, val});
                parts << (text == val ? QString(val).replace(u',', QStringLiteral("\\,"))
                                      : text + QStringLiteral(" : ") + val);
            }
            v.query = parts.join(QStringLiteral(", "));
        } else {
            report.add(QString(), what,
                       QCoreApplication::translate("PersesImport", "Variables from “%1” are not supported.")
                           .arg(pluginKind.left(100)));
            continue;
        }
        d.variables.append(v);
    }
}

} // namespace

ImportResult importPerses(const QJsonObject& root)
{
    ImportResult r;
    r.report.format = QStringLiteral("Perses");
    ImportReport& report = r.report;
    Dashboard& d = r.dashboard;
    const QJsonObject metadata = root.value(u"metadata").toObject();
    const QJsonObject spec = root.value(u"spec").toObject();
    d.uid = metadata.value(u"name").toString().left(200);
    d.title = spec.value(u"display").toObject().value(u"name").toString(d.uid).left(1000);
    d.description = spec.value(u"display").toObject().value(u"description").toString().left(10000);
    const QString duration = spec.value(u"duration").toString();
    if (parseDurationMs(duration).value_or(0) > 0)
        d.time = TimeRange{QStringLiteral("now-") + duration, QStringLiteral("now")};
    const QString refresh = spec.value(u"refreshInterval").toString();
    if (parseRefreshInterval(refresh).value_or(0) > 0)
        d.refresh = refresh;

    const QJsonObject panels = spec.value(u"panels").toObject();
    QHash<QString, Panel> converted; // by key
    int id = 1;
    int count = 0;
    for (auto it = panels.begin(); it != panels.end(); ++it) {
        if (++count > kMaxImportedPanels) {
            report.add(
                it.key().left(200), QStringLiteral("panel"),
                QCoreApplication::translate(
                    "PersesImport", "The dashboard has more than %1 panels; the rest are not imported.")
                    .arg(kMaxImportedPanels));
            ++report.panelsNotImported;
            continue;
        }
        const Converted c = convertPanel(it.key(), it.value().toObject(), id++, report);
        ++(c.imported ? report.panelsImported : report.panelsNotImported);
        converted.insert(it.key(), c.panel);
    }

    // Grids stack vertically; a grid with a title becomes a row (collapsed when closed).
    QSet<QString> placed;
    int y = 0;
    for (const QJsonValue& lv : spec.value(u"layouts").toArray()) {
        const QJsonObject layout = lv.toObject();
        if (layout.value(u"kind").toString() != u"Grid") {
            report.add(QString(), QStringLiteral("layout %1").arg(layout.value(u"kind").toString().left(40)),
                       QCoreApplication::translate("PersesImport", "Only Grid layouts are supported."));
            continue;
        }
        const QJsonObject gs = layout.value(u"spec").toObject();
        const QJsonObject display = gs.value(u"display").toObject();
        const bool isRow = !display.isEmpty();
        Row row;
        if (isRow) {
            row.id = id++;
            row.title = display.value(u"title").toString().left(1000);
            row.collapsed = display.value(u"collapse").toObject().contains(u"open") &&
                            !display.value(u"collapse").toObject().value(u"open").toBool();
            row.y = y++;
        }
        int bottom = y;
        for (const QJsonValue& iv : gs.value(u"items").toArray()) {
            const QJsonObject item = iv.toObject();
            const QString ref = item.value(u"content").toObject().value(u"$ref").toString();
            static constexpr QStringView kPrefix = u"#/spec/panels/";
            const QString key = ref.startsWith(kPrefix) ? ref.mid(kPrefix.size()) : QString();
            if (!converted.contains(key)) {
                report.add(QString(), QStringLiteral("layout item %1").arg(ref.left(200)),
                           QCoreApplication::translate("PersesImport",
                                                       "The item refers to no panel of this dashboard."));
                continue;
            }
            if (placed.contains(key)) {
                report.add(converted.value(key).title.left(200), QStringLiteral("layout item"),
                           QCoreApplication::translate(
                               "PersesImport", "The panel is placed more than once; it is shown once."));
                continue;
            }
            placed.insert(key);
            Panel p = converted.value(key);
            p.gridPos = GridPos{item.value(u"x").toInt(0), y + item.value(u"y").toInt(0),
                                item.value(u"width").toInt(12), item.value(u"height").toInt(8)};
            bottom = std::max(bottom, p.gridPos.y + p.gridPos.h);
            (isRow && row.collapsed ? row.panels : d.panels).append(p);
        }
        if (!(isRow && row.collapsed))
            y = bottom;
        if (isRow)
            d.rows.append(row);
    }
    // Panels no layout places are still imported, below everything, and said so.
    for (auto it = panels.begin(); it != panels.end(); ++it) {
        if (!converted.contains(it.key()) || placed.contains(it.key()))
            continue;
        Panel p = converted.value(it.key());
        p.gridPos = GridPos{0, y, 12, 8};
        y += 8;
        report.add(p.title.left(200), QStringLiteral("layout"),
                   QCoreApplication::translate("PersesImport",
                                               "No layout places this panel; it was added at the bottom."));
        d.panels.append(p);
    }
    importVariables(spec.value(u"variables").toArray(), d, report);
    if (d.title.isEmpty())
        d.title = QCoreApplication::translate("PersesImport", "Imported Perses dashboard");
    return r;
}

} // namespace wf::dashboard
