#include "GrafanaImport.h"

#include "GrafanaImportPrivate.h"
#include "JsonHead.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace wf::dashboard {

namespace grafana {

int Context::claimId(int wanted)
{
    int id = wanted > 0 ? wanted : 1;
    while (usedIds.contains(id))
        ++id;
    usedIds.insert(id);
    return id;
}

QString panelLabel(const QJsonObject& panel)
{
    const QString title = panel.value(u"title").toString().trimmed();
    if (!title.isEmpty())
        return title.left(200);
    const QString library = panel.value(u"libraryPanel").toObject().value(u"name").toString();
    if (!library.isEmpty())
        return library.left(200);
    return QStringLiteral("#%1").arg(panel.value(u"id").toInt());
}

std::optional<double> optionalNumber(const QJsonValue& value)
{
    if (!value.isDouble() || !std::isfinite(value.toDouble()))
        return std::nullopt;
    return value.toDouble();
}

ResolvedDatasource resolveDatasource(const QJsonValue& value, const Context& ctx,
                                     const ResolvedDatasource* inherited)
{
    ResolvedDatasource out;
    out.ref.type = QStringLiteral("prometheus");
    out.display = QStringLiteral("Prometheus");
    if (value.isNull() || value.isUndefined()) {
        if (inherited)
            return *inherited;
        return out; // the dashboard's default data source: Prometheus, for Watchfloor
    }
    QString uid;
    QString type;
    if (value.isString()) {
        uid = value.toString();
    } else if (value.isObject()) {
        uid = value.toObject().value(u"uid").toString();
        type = value.toObject().value(u"type").toString();
    }
    // "${DS_PROMETHEUS}" (or "$DS_PROMETHEUS"): an input of an exported dashboard.
    QString input = uid;
    if (input.startsWith(u"${") && input.endsWith(u'}'))
        input = input.mid(2, input.size() - 3);
    else if (input.startsWith(u'$'))
        input = input.mid(1);
    if (input != uid) {
        if (type.isEmpty())
            type = ctx.inputTypes.value(input);
        uid.clear(); // placeholders map to the default Prometheus source of the workspace
    }
    if (uid == u"-- Mixed --") {
        out.isMixed = true;
        out.ref = {};
        out.ref.type = QStringLiteral("prometheus");
        return out;
    }
    if (uid == u"-- Grafana --" || type == u"grafana") {
        out.isPrometheus = false;
        out.display = QStringLiteral("Grafana built-in");
        return out;
    }
    if (uid == u"-- Dashboard --" || type == u"datasource") {
        out.isPrometheus = false;
        out.display = QStringLiteral("dashboard (shared query)");
        return out;
    }
    if (type.isEmpty() && inherited && uid.isEmpty())
        return *inherited;
    out.ref.uid = uid.left(200);
    if (!type.isEmpty() && type != u"prometheus") {
        out.isPrometheus = false;
        out.ref.type = type.left(100);
        out.display = type.left(100);
    }
    return out;
}

} // namespace grafana

namespace {

using namespace grafana;

void importPanelInto(const QJsonObject& json, Context& ctx, QList<Panel>& into)
{
    if (ctx.panelCount >= kMaxImportedPanels) {
        ctx.report->add(
            panelLabel(json), QStringLiteral("panel"),
            QCoreApplication::translate("GrafanaImport",
                                        "The dashboard has more than %1 panels; the rest are not imported.")
                .arg(kMaxImportedPanels));
        ++ctx.report->panelsNotImported;
        return;
    }
    ++ctx.panelCount;
    const Panel p = convertPanel(json, ctx);
    if (p.type == PanelType::Unknown)
        ++ctx.report->panelsNotImported;
    else
        ++ctx.report->panelsImported;
    into.append(p);
}

// Grafana 5+ schema: a flat "panels" list where rows are panels of type "row"; a collapsed row carries
// its panels, an expanded one owns the panels below it.
void importPanels(const QJsonArray& panels, Context& ctx, Dashboard& d)
{
    for (const QJsonValue& v : panels) {
        if (!v.isObject()) {
            ctx.report->add(QString(), QStringLiteral("panel"),
                            QCoreApplication::translate("GrafanaImport", "A panel entry is not an object."));
            continue;
        }
        const QJsonObject json = v.toObject();
        if (json.value(u"type").toString() != u"row") {
            importPanelInto(json, ctx, d.panels);
            continue;
        }
        Row row;
        row.id = ctx.claimId(json.value(u"id").toInt());
        row.title = json.value(u"title").toString().left(1000);
        row.collapsed = json.value(u"collapsed").toBool();
        row.y = json.value(u"gridPos").toObject().value(u"y").toInt();
        if (!json.value(u"repeat").toString().isEmpty())
            ctx.report->add(panelLabel(json),
                            QStringLiteral("repeat by %1").arg(json.value(u"repeat").toString().left(100)),
                            QCoreApplication::translate(
                                "GrafanaImport", "Repeating rows are not supported; the row is shown once."));
        const QJsonArray inner = json.value(u"panels").toArray();
        if (row.collapsed) {
            for (const QJsonValue& p : inner)
                importPanelInto(p.toObject(), ctx, row.panels);
        } else {
            // An expanded row should not carry panels; Grafana ignores them, and so do we, openly.
            for (const QJsonValue& p : inner)
                ctx.report->add(panelLabel(p.toObject()), QStringLiteral("panel"),
                                QCoreApplication::translate(
                                    "GrafanaImport",
                                    "Listed inside an expanded row, where Grafana does not show it either."));
        }
        d.rows.append(row);
    }
}

// The old schema (before schemaVersion 16): rows with 12-column "span" widths and pixel heights.
// Converted as Grafana's migration does: x/w doubled to 24 columns, heights in 30 px grid rows.
void importOldRows(const QJsonArray& rows, Context& ctx, Dashboard& d)
{
    int y = 0;
    const bool showHeaders = rows.size() > 1;
    for (const QJsonValue& rv : rows) {
        const QJsonObject oldRow = rv.toObject();
        const QJsonValue heightValue = oldRow.value(u"height");
        int heightPx = heightValue.isString() ? heightValue.toString().remove(QStringLiteral("px")).toInt()
                                              : heightValue.toInt(250);
        if (heightPx <= 0)
            heightPx = 250;
        const int h = std::clamp(int(std::ceil(heightPx / 30.0)), 1, 100);
        Row row;
        const bool header = showHeaders || oldRow.value(u"showTitle").toBool();
        if (header) {
            row.id = ctx.claimId(0);
            row.title = oldRow.value(u"title").toString().left(1000);
            row.collapsed = oldRow.value(u"collapse").toBool();
            row.y = y++;
        }
        int x = 0;
        int rowTop = y;
        int rowBottom = y;
        QList<Panel>& into = header && row.collapsed ? row.panels : d.panels;
        for (const QJsonValue& pv : oldRow.value(u"panels").toArray()) {
            QJsonObject json = pv.toObject();
            const int w = std::clamp(int(json.value(u"span").toDouble(4) * 2), 1, kGridColumns);
            if (x + w > kGridColumns) {
                x = 0;
                rowTop = rowBottom;
            }
            json.insert(QStringLiteral("gridPos"), QJsonObject{{QStringLiteral("x"), x},
                                                               {QStringLiteral("y"), rowTop},
                                                               {QStringLiteral("w"), w},
                                                               {QStringLiteral("h"), h}});
            importPanelInto(json, ctx, into);
            x += w;
            rowBottom = std::max(rowBottom, rowTop + h);
        }
        if (!(header && row.collapsed))
            y = rowBottom;
        if (header)
            d.rows.append(row);
    }
}

QStringList currentValues(const QJsonObject& current)
{
    const QJsonValue value = current.value(u"value");
    QStringList out;
    if (value.isArray()) {
        for (const QJsonValue& v : value.toArray())
            out << v.toString().left(1000);
    } else if (value.isString()) {
        out << value.toString().left(1000);
    }
    return out;
}

void importVariables(const QJsonArray& list, Context& ctx, Dashboard& d)
{
    for (const QJsonValue& vv : list) {
        const QJsonObject json = vv.toObject();
        const QString name = json.value(u"name").toString().left(100);
        const QString what = QStringLiteral("variable %1").arg(name);
        const QString type = json.value(u"type").toString();
        const auto kind = variableKindFromName(type);
        if (!kind) {
            ctx.report->add(
                QString(), what,
                QCoreApplication::translate(
                    "GrafanaImport",
                    "Variables of type “%1” are not supported; references to it stay as they are.")
                    .arg(type.left(40)));
            continue;
        }
        if (!isValidVariableName(name)) {
            ctx.report->add(QString(), what,
                            QCoreApplication::translate("GrafanaImport", "The variable name is not valid."));
            continue;
        }
        if (d.variables.size() >= kMaxImportedVariables) {
            ctx.report->add(QString(), what,
                            QCoreApplication::translate("GrafanaImport",
                                                        "Too many variables; the rest are not imported."));
            continue;
        }
        Variable v;
        v.name = name;
        v.label = json.value(u"label").toString().left(200);
        v.kind = *kind;
        const QJsonValue query = json.value(u"query");
        // Grafana 9+ stores Prometheus variable queries as {query, refId}.
        v.query =
            (query.isObject() ? query.toObject().value(u"query").toString() : query.toString()).left(10000);
        v.regex = json.value(u"regex").toString().left(1000);
        v.multi = json.value(u"multi").toBool();
        v.includeAll = json.value(u"includeAll").toBool();
        v.allValue = json.value(u"allValue").toString().left(1000);
        v.hidden = json.value(u"hide").toInt() == 2;
        v.current = currentValues(json.value(u"current").toObject());
        if (v.kind == VariableKind::Query) {
            const ResolvedDatasource ds = resolveDatasource(json.value(u"datasource"), ctx);
            v.datasourceUid = ds.ref.uid;
            if (!ds.isPrometheus)
                ctx.report->add(
                    QString(), what,
                    QCoreApplication::translate(
                        "GrafanaImport",
                        "The variable queries a %1 data source; it is kept but Watchfloor resolves "
                        "it against Prometheus.")
                        .arg(ds.display));
        }
        if (v.kind == VariableKind::Custom) {
            v.options = parseCustomOptions(v.query);
        } else {
            for (const QJsonValue& o : jsonHead(json.value(u"options").toArray(), 1000)) {
                const QJsonObject opt = o.toObject();
                const QString value = opt.value(u"value").toString().left(1000);
                if (value != kAllValue)
                    v.options.append({opt.value(u"text").toString(value).left(1000), value});
            }
        }
        d.variables.append(v);
    }
}

// Grafana's annotations.list: Prometheus entries (expr at the top, or in `target` from Grafana 10)
// become annotation queries; the built-in "Annotations & Alerts" is Grafana's own store and is
// skipped silently; anything else is reported by name.
void importAnnotations(const QJsonObject& root, Context& ctx, Dashboard& d)
{
    for (const QJsonValue& av :
         jsonHead(root.value(u"annotations").toObject().value(u"list").toArray(), 100)) {
        const QJsonObject a = av.toObject();
        if (a.value(u"builtIn").toInt() == 1)
            continue;
        const QString name = a.value(u"name").toString().left(200);
        const ResolvedDatasource ds = resolveDatasource(a.value(u"datasource"), ctx);
        const QJsonObject target = a.value(u"target").toObject();
        const QString expr =
            a.value(u"expr").isString() ? a.value(u"expr").toString() : target.value(u"expr").toString();
        if (!ds.isPrometheus || ds.isMixed) {
            ctx.report->add(QString(), QStringLiteral("annotation %1").arg(name),
                            QCoreApplication::translate(
                                "GrafanaImport", "Annotations from %1 are not supported; only Prometheus "
                                                 "annotation queries are imported.")
                                .arg(ds.display.isEmpty() ? ds.ref.type : ds.display));
            continue;
        }
        if (expr.trimmed().isEmpty()) {
            ctx.report->add(
                QString(), QStringLiteral("annotation %1").arg(name),
                QCoreApplication::translate("GrafanaImport", "The annotation has no PromQL query."));
            continue;
        }
        AnnotationQuery q;
        q.name = name;
        q.expr = expr.left(100000);
        q.titleFormat = a.value(u"titleFormat").toString().left(1000);
        q.textFormat = a.value(u"textFormat").toString().left(1000);
        q.step = a.value(u"step").toString(target.value(u"interval").toString()).left(100);
        q.color = a.value(u"iconColor").toString().left(100);
        q.enabled = a.value(u"enable").toBool(true);
        q.datasourceUid = ds.ref.uid;
        if (a.value(u"useValueForTime").toBool())
            ctx.report->add(QString(), QStringLiteral("annotation %1").arg(name),
                            QCoreApplication::translate(
                                "GrafanaImport", "\"Series value as timestamp\" is not supported; the "
                                                 "annotation marks the steps where the value is non-zero."));
        d.annotations.append(q);
    }
}

void reportDashboardExtras(const QJsonObject& root, ImportReport& report)
{
    if (!root.value(u"links").toArray().isEmpty())
        report.add(QString(), QStringLiteral("dashboard links"),
                   QCoreApplication::translate("GrafanaImport", "Dashboard links are not supported."));
}

} // namespace

ImportResult importGrafana(const QJsonObject& root)
{
    ImportResult result;
    result.report.format = QStringLiteral("Grafana");
    Context ctx;
    ctx.report = &result.report;
    for (const QJsonValue& in : root.value(u"__inputs").toArray()) {
        const QJsonObject input = in.toObject();
        if (input.value(u"type").toString() == u"datasource")
            ctx.inputTypes.insert(input.value(u"name").toString(), input.value(u"pluginId").toString());
    }
    const QJsonObject elements = root.value(u"__elements").toObject();
    for (auto it = elements.begin(); it != elements.end(); ++it) {
        const QJsonObject element = it.value().toObject();
        const QString uid = element.value(u"uid").toString(it.key());
        if (element.value(u"model").isObject())
            ctx.libraryPanels.insert(uid, element.value(u"model").toObject());
    }

    Dashboard& d = result.dashboard;
    d.uid = root.value(u"uid").toString().left(200);
    d.title = root.value(u"title").toString().left(1000);
    d.description = root.value(u"description").toString().left(10000);
    for (const QJsonValue& t : jsonHead(root.value(u"tags").toArray(), 100))
        d.tags << t.toString().left(100);
    const QJsonObject time = root.value(u"time").toObject();
    if (time.value(u"from").isString() && time.value(u"to").isString())
        d.time = TimeRange{time.value(u"from").toString().left(64), time.value(u"to").toString().left(64)};
    const QJsonValue refresh = root.value(u"refresh");
    d.refresh =
        refresh.isString() && parseRefreshInterval(refresh.toString()) ? refresh.toString() : QString();

    if (root.value(u"panels").isArray())
        importPanels(root.value(u"panels").toArray(), ctx, d);
    else if (root.value(u"rows").isArray())
        importOldRows(root.value(u"rows").toArray(), ctx, d);
    importVariables(root.value(u"templating").toObject().value(u"list").toArray(), ctx, d);
    importAnnotations(root, ctx, d);
    reportDashboardExtras(root, result.report);

    std::stable_sort(d.rows.begin(), d.rows.end(), [](const Row& a, const Row& b) { return a.y < b.y; });
    if (d.title.isEmpty())
        d.title = QCoreApplication::translate("GrafanaImport", "Imported Grafana dashboard");
    return result;
}

} // namespace wf::dashboard
