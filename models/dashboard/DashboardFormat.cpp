#include "DashboardFormat.h"

#include "GrafanaImport.h"
#include "PersesImport.h"
#include "WatchfloorJson.h"
#include "YamlToJson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace wf::dashboard {

namespace {

// The deepest nesting of arrays and objects, stopping early past `limit`; strings are skipped so
// brackets inside them do not count.
int nestingDepth(const QByteArray& bytes, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : bytes) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit)
                return deepest;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

DetectedDashboard notADashboard(const QString& why)
{
    DetectedDashboard d;
    d.error = why;
    return d;
}

DetectedDashboard classify(QJsonObject root)
{
    // Grafana's HTTP API and "Export > JSON with meta" wrap the dashboard.
    if (root.value(u"dashboard").isObject() && root.value(u"meta").isObject())
        root = root.value(u"dashboard").toObject();

    DetectedDashboard d;
    d.root = root;
    if (root.contains(u"watchfloorDashboard")) {
        d.format = DashboardFormat::Watchfloor;
    } else if (root.value(u"kind").toString() == u"Dashboard" && root.value(u"spec").isObject()) {
        d.format = DashboardFormat::Perses;
    } else if (root.value(u"panels").isArray() || root.value(u"rows").isArray() ||
               root.value(u"schemaVersion").isDouble()) {
        d.format = DashboardFormat::Grafana;
    } else {
        return notADashboard(QCoreApplication::translate(
            "DashboardFormat", "The file is not a Grafana, Perses or Watchfloor dashboard (it has "
                               "no panels, rows, Perses spec or Watchfloor version)."));
    }
    return d;
}

// A YAML document that could be a Perses dashboard: "kind:" at the top level, or a document start.
bool looksLikeYaml(const QByteArray& bytes)
{
    const QByteArray head = bytes.left(4096);
    return head.startsWith("kind:") || head.contains("\nkind:") || head.startsWith("---");
}

} // namespace

DetectedDashboard detectDashboardFormat(const QByteArray& bytes)
{
    if (bytes.size() > kMaxDashboardBytes)
        return notADashboard(QCoreApplication::translate("DashboardFormat",
                                                         "The file is %1 MB; dashboards larger than %2 MB "
                                                         "are not opened.")
                                 .arg(bytes.size() / (1024 * 1024))
                                 .arg(kMaxDashboardBytes / (1024 * 1024)));
    if (nestingDepth(bytes, kMaxJsonDepth) > kMaxJsonDepth)
        return notADashboard(QCoreApplication::translate("DashboardFormat",
                                                         "The file nests objects more than %1 levels deep; "
                                                         "no dashboard does that.")
                                 .arg(kMaxJsonDepth));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Perses dashboards as code are often YAML; anything else must be JSON.
        if (looksLikeYaml(bytes)) {
            QString yamlError;
            if (const auto root = yamlToJson(bytes, &yamlError))
                return classify(*root);
            return notADashboard(yamlError);
        }
        return notADashboard(
            QCoreApplication::translate("DashboardFormat", "The file is not valid JSON (%1 at byte %2).")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    }
    if (!doc.isObject())
        return notADashboard(QCoreApplication::translate("DashboardFormat",
                                                         "The file holds a JSON %1, not a dashboard object.")
                                 .arg(doc.isArray() ? QStringLiteral("array") : QStringLiteral("value")));
    return classify(doc.object());
}

ImportResult importDashboard(const QByteArray& bytes)
{
    const DetectedDashboard d = detectDashboardFormat(bytes);
    switch (d.format) {
    case DashboardFormat::Grafana:
        return importGrafana(d.root);
    case DashboardFormat::Perses:
        return importPerses(d.root);
    case DashboardFormat::Watchfloor:
        return importWatchfloor(d.root);
    case DashboardFormat::NotADashboard:
        break;
    }
    ImportResult r;
    r.error = d.error;
    return r;
}

} // namespace wf::dashboard
