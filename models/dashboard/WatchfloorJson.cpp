#include "WatchfloorJson.h"

#include "GrafanaImport.h"
#include "JsonHead.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace wf::dashboard {

namespace {

QJsonValue optionalToJson(const std::optional<double>& v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

std::optional<double> optionalFromJson(const QJsonValue& v)
{
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return std::nullopt;
    return v.toDouble();
}

QJsonArray stringsToJson(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

QStringList stringsFromJson(const QJsonValue& v, qsizetype max = 1000)
{
    QStringList out;
    for (const QJsonValue& s : jsonHead(v.toArray(), max))
        out << s.toString();
    return out;
}

QJsonObject datasourceToJson(const DatasourceRef& ds)
{
    return {{QStringLiteral("uid"), ds.uid}, {QStringLiteral("type"), ds.type}};
}

DatasourceRef datasourceFromJson(const QJsonValue& v)
{
    const QJsonObject o = v.toObject();
    return {o.value(u"uid").toString(), o.value(u"type").toString()};
}

QJsonObject panelToJson(const Panel& p)
{
    QJsonArray targets;
    for (const Target& t : p.targets) {
        targets.append(QJsonObject{{QStringLiteral("refId"), t.refId},
                                   {QStringLiteral("expr"), t.expr},
                                   {QStringLiteral("legendFormat"), t.legendFormat},
                                   {QStringLiteral("hidden"), t.hidden},
                                   {QStringLiteral("instant"), t.instant},
                                   {QStringLiteral("interval"), t.interval},
                                   {QStringLiteral("datasource"), datasourceToJson(t.datasource)}});
    }
    QJsonArray steps;
    for (const ThresholdStep& s : p.thresholds.steps)
        steps.append(QJsonObject{{QStringLiteral("value"), optionalToJson(s.value)},
                                 {QStringLiteral("color"), s.color}});
    QJsonArray calcs;
    for (LegendCalc c : p.legendCalcs)
        calcs.append(legendCalcName(c));
    return {
        {QStringLiteral("id"), p.id},
        {QStringLiteral("type"), panelTypeName(p.type)},
        {QStringLiteral("title"), p.title},
        {QStringLiteral("description"), p.description},
        {QStringLiteral("gridPos"), QJsonObject{{QStringLiteral("x"), p.gridPos.x},
                                                {QStringLiteral("y"), p.gridPos.y},
                                                {QStringLiteral("w"), p.gridPos.w},
                                                {QStringLiteral("h"), p.gridPos.h}}},
        {QStringLiteral("targets"), targets},
        {QStringLiteral("datasource"), datasourceToJson(p.datasource)},
        {QStringLiteral("unit"), p.unit},
        {QStringLiteral("decimals"), p.decimals ? QJsonValue(*p.decimals) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("min"), optionalToJson(p.min)},
        {QStringLiteral("max"), optionalToJson(p.max)},
        {QStringLiteral("thresholds"),
         QJsonObject{{QStringLiteral("mode"), p.thresholds.mode == ThresholdMode::Percentage
                                                  ? QStringLiteral("percentage")
                                                  : QStringLiteral("absolute")},
                     {QStringLiteral("steps"), steps}}},
        {QStringLiteral("drawStyle"), drawStyleName(p.drawStyle)},
        {QStringLiteral("stacking"), stackingName(p.stacking)},
        {QStringLiteral("logBase"), p.logBase},
        {QStringLiteral("legendCalcs"), calcs},
        {QStringLiteral("minInterval"), p.minInterval},
        {QStringLiteral("maxDataPoints"), p.maxDataPoints},
        {QStringLiteral("text"), p.textContent},
    };
}

Panel panelFromJson(const QJsonObject& o)
{
    Panel p;
    p.id = o.value(u"id").toInt();
    p.type = panelTypeFromName(o.value(u"type").toString());
    p.title = o.value(u"title").toString();
    p.description = o.value(u"description").toString();
    const QJsonObject g = o.value(u"gridPos").toObject();
    p.gridPos = {g.value(u"x").toInt(0), g.value(u"y").toInt(0), g.value(u"w").toInt(12),
                 g.value(u"h").toInt(8)};
    for (const QJsonValue& tv : jsonHead(o.value(u"targets").toArray(), kMaxTargetsPerPanel)) {
        const QJsonObject t = tv.toObject();
        p.targets.append(Target{t.value(u"refId").toString(), t.value(u"expr").toString(),
                                t.value(u"legendFormat").toString(), t.value(u"hidden").toBool(),
                                t.value(u"instant").toBool(), t.value(u"interval").toString(),
                                datasourceFromJson(t.value(u"datasource"))});
    }
    p.datasource = datasourceFromJson(o.value(u"datasource"));
    p.unit = o.value(u"unit").toString();
    if (o.value(u"decimals").isDouble())
        p.decimals = std::clamp(o.value(u"decimals").toInt(), 0, 20);
    p.min = optionalFromJson(o.value(u"min"));
    p.max = optionalFromJson(o.value(u"max"));
    const QJsonObject th = o.value(u"thresholds").toObject();
    p.thresholds.mode =
        th.value(u"mode").toString() == u"percentage" ? ThresholdMode::Percentage : ThresholdMode::Absolute;
    for (const QJsonValue& sv : jsonHead(th.value(u"steps").toArray(), 100))
        p.thresholds.steps.append(
            {optionalFromJson(sv.toObject().value(u"value")), sv.toObject().value(u"color").toString()});
    p.drawStyle = drawStyleFromName(o.value(u"drawStyle").toString()).value_or(DrawStyle::Lines);
    p.stacking = stackingFromName(o.value(u"stacking").toString()).value_or(Stacking::None);
    const int logBase = o.value(u"logBase").toInt();
    p.logBase = logBase == 2 || logBase == 10 ? logBase : 0;
    for (const QJsonValue& c : jsonHead(o.value(u"legendCalcs").toArray(), 10)) {
        if (const auto calc = legendCalcFromName(c.toString()))
            p.legendCalcs.append(*calc);
    }
    p.minInterval = o.value(u"minInterval").toString();
    p.maxDataPoints = std::clamp(o.value(u"maxDataPoints").toInt(), 0, 100000);
    p.textContent = o.value(u"text").toString();
    return p;
}

QJsonObject variableToJson(const Variable& v)
{
    QJsonArray options;
    for (const VariableOption& o : v.options)
        options.append(QJsonObject{{QStringLiteral("text"), o.text}, {QStringLiteral("value"), o.value}});
    return {{QStringLiteral("name"), v.name},
            {QStringLiteral("label"), v.label},
            {QStringLiteral("kind"), variableKindName(v.kind)},
            {QStringLiteral("query"), v.query},
            {QStringLiteral("regex"), v.regex},
            {QStringLiteral("multi"), v.multi},
            {QStringLiteral("includeAll"), v.includeAll},
            {QStringLiteral("allValue"), v.allValue},
            {QStringLiteral("hidden"), v.hidden},
            {QStringLiteral("datasourceUid"), v.datasourceUid},
            {QStringLiteral("options"), options},
            {QStringLiteral("current"), stringsToJson(v.current)}};
}

std::optional<Variable> variableFromJson(const QJsonObject& o)
{
    const auto kind = variableKindFromName(o.value(u"kind").toString());
    if (!kind || !isValidVariableName(o.value(u"name").toString()))
        return std::nullopt;
    Variable v;
    v.name = o.value(u"name").toString();
    v.label = o.value(u"label").toString();
    v.kind = *kind;
    v.query = o.value(u"query").toString();
    v.regex = o.value(u"regex").toString();
    v.multi = o.value(u"multi").toBool();
    v.includeAll = o.value(u"includeAll").toBool();
    v.allValue = o.value(u"allValue").toString();
    v.hidden = o.value(u"hidden").toBool();
    v.datasourceUid = o.value(u"datasourceUid").toString();
    for (const QJsonValue& ov : jsonHead(o.value(u"options").toArray(), 10000))
        v.options.append({ov.toObject().value(u"text").toString(), ov.toObject().value(u"value").toString()});
    v.current = stringsFromJson(o.value(u"current"));
    return v;
}

QJsonObject annotationToJson(const AnnotationQuery& a)
{
    return {{QStringLiteral("name"), a.name},
            {QStringLiteral("expr"), a.expr},
            {QStringLiteral("titleFormat"), a.titleFormat},
            {QStringLiteral("textFormat"), a.textFormat},
            {QStringLiteral("step"), a.step},
            {QStringLiteral("color"), a.color},
            {QStringLiteral("enabled"), a.enabled},
            {QStringLiteral("datasourceUid"), a.datasourceUid}};
}

AnnotationQuery annotationFromJson(const QJsonObject& o)
{
    AnnotationQuery a;
    a.name = o.value(u"name").toString().left(200);
    a.expr = o.value(u"expr").toString().left(100000);
    a.titleFormat = o.value(u"titleFormat").toString().left(1000);
    a.textFormat = o.value(u"textFormat").toString().left(1000);
    a.step = o.value(u"step").toString().left(100);
    a.color = o.value(u"color").toString().left(100);
    a.enabled = o.value(u"enabled").toBool(true);
    a.datasourceUid = o.value(u"datasourceUid").toString().left(200);
    return a;
}

} // namespace

QJsonObject toJson(const Dashboard& d)
{
    QJsonArray panels;
    for (const Panel& p : d.panels)
        panels.append(panelToJson(p));
    QJsonArray rows;
    for (const Row& r : d.rows) {
        QJsonArray inner;
        for (const Panel& p : r.panels)
            inner.append(panelToJson(p));
        rows.append(QJsonObject{{QStringLiteral("id"), r.id},
                                {QStringLiteral("title"), r.title},
                                {QStringLiteral("collapsed"), r.collapsed},
                                {QStringLiteral("y"), r.y},
                                {QStringLiteral("panels"), inner}});
    }
    QJsonArray variables;
    for (const Variable& v : d.variables)
        variables.append(variableToJson(v));
    QJsonArray annotations;
    for (const AnnotationQuery& a : d.annotations)
        annotations.append(annotationToJson(a));
    return {{QStringLiteral("watchfloorDashboard"), kWatchfloorDashboardVersion},
            {QStringLiteral("uid"), d.uid},
            {QStringLiteral("title"), d.title},
            {QStringLiteral("description"), d.description},
            {QStringLiteral("tags"), stringsToJson(d.tags)},
            {QStringLiteral("time"),
             QJsonObject{{QStringLiteral("from"), d.time.from}, {QStringLiteral("to"), d.time.to}}},
            {QStringLiteral("refresh"), d.refresh},
            {QStringLiteral("variables"), variables},
            {QStringLiteral("annotations"), annotations},
            {QStringLiteral("rows"), rows},
            {QStringLiteral("panels"), panels}};
}

QByteArray exportDashboard(const Dashboard& dashboard)
{
    return QJsonDocument(toJson(dashboard)).toJson(QJsonDocument::Indented);
}

ImportResult importWatchfloor(const QJsonObject& root)
{
    ImportResult r;
    r.report.format = QStringLiteral("Watchfloor");
    const QJsonValue version = root.value(u"watchfloorDashboard");
    if (!version.isDouble() || version.toInt() < 1) {
        r.error =
            QCoreApplication::translate("WatchfloorJson", "The dashboard's version field is not valid.");
        return r;
    }
    if (version.toInt() > kWatchfloorDashboardVersion) {
        r.error = QCoreApplication::translate(
                      "WatchfloorJson", "The dashboard was written by a newer Watchfloor (format %1; this "
                                        "version reads format %2). Update Watchfloor to open it.")
                      .arg(version.toInt())
                      .arg(kWatchfloorDashboardVersion);
        return r;
    }
    Dashboard& d = r.dashboard;
    d.uid = root.value(u"uid").toString();
    d.title = root.value(u"title").toString();
    d.description = root.value(u"description").toString();
    d.tags = stringsFromJson(root.value(u"tags"), 100);
    const QJsonObject time = root.value(u"time").toObject();
    if (time.value(u"from").isString() && time.value(u"to").isString())
        d.time = TimeRange{time.value(u"from").toString(), time.value(u"to").toString()};
    d.refresh = root.value(u"refresh").toString();
    int panelCount = 0;
    const auto readPanels = [&](const QJsonArray& in, QList<Panel>& out) {
        for (const QJsonValue& pv : in) {
            if (++panelCount > kMaxImportedPanels) {
                r.report.add(pv.toObject().value(u"title").toString().left(200), QStringLiteral("panel"),
                             QCoreApplication::translate("WatchfloorJson",
                                                         "Too many panels; the rest are not opened."));
                ++r.report.panelsNotImported;
                continue;
            }
            const Panel p = panelFromJson(pv.toObject());
            ++(p.type == PanelType::Unknown ? r.report.panelsNotImported : r.report.panelsImported);
            out.append(p);
        }
    };
    readPanels(root.value(u"panels").toArray(), d.panels);
    for (const QJsonValue& rv : jsonHead(root.value(u"rows").toArray(), kMaxImportedPanels)) {
        const QJsonObject o = rv.toObject();
        Row row{o.value(u"id").toInt(),
                o.value(u"title").toString(),
                o.value(u"collapsed").toBool(),
                o.value(u"y").toInt(),
                {}};
        readPanels(o.value(u"panels").toArray(), row.panels);
        d.rows.append(row);
    }
    for (const QJsonValue& vv : jsonHead(root.value(u"variables").toArray(), kMaxImportedVariables)) {
        if (const auto v = variableFromJson(vv.toObject()))
            d.variables.append(*v);
        else
            r.report.add(
                QString(),
                QStringLiteral("variable %1").arg(vv.toObject().value(u"name").toString().left(100)),
                QCoreApplication::translate("WatchfloorJson", "The variable's name or kind is not valid."));
    }
    for (const QJsonValue& av : jsonHead(root.value(u"annotations").toArray(), kMaxImportedVariables)) {
        const AnnotationQuery a = annotationFromJson(av.toObject());
        if (!a.expr.trimmed().isEmpty())
            d.annotations.append(a);
    }
    return r;
}

} // namespace wf::dashboard
