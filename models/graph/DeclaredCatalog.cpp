#include "DeclaredCatalog.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <string>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace wf::graph {

namespace {

// yaml-cpp's parser recurses per nesting level; a hostile file of a million '[' would exhaust the
// stack before it reported anything, so nesting is measured (roughly, without a full parse) first.
int roughNestingDepth(QByteArrayView text)
{
    int depth = 0;
    int maxDepth = 0;
    int indentDepth = 0;
    bool lineStart = true;
    int indent = 0;
    bool inQuote = false;
    char quote = 0;
    for (char c : text) {
        if (c == '\n') {
            lineStart = true;
            indent = 0;
            continue;
        }
        if (lineStart) {
            if (c == ' ' || c == '-') {
                ++indent;
                continue;
            }
            lineStart = false;
            indentDepth = indent / 2;
        }
        if (inQuote) {
            if (c == quote)
                inQuote = false;
            continue;
        }
        if (c == '"' || c == '\'') {
            inQuote = true;
            quote = c;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        } else if (c == '#') {
            // comment: skip to the end of the line
        }
        maxDepth = std::max(maxDepth, depth + indentDepth);
    }
    return maxDepth;
}

struct Document
{
    std::string text;
    int firstLine = 0; // 0-based line of the document's first line in the file
};

// Splits at "---" lines (document starts), as YAML does outside block scalars; a "---" inside a block
// scalar would split a document in two, which the catalog formats never need.
std::vector<Document> splitDocuments(QByteArrayView yaml)
{
    std::vector<Document> out(1);
    int line = 0;
    qsizetype pos = 0;
    while (pos < yaml.size()) {
        qsizetype end = yaml.indexOf('\n', pos);
        if (end < 0)
            end = yaml.size();
        const QByteArrayView l = yaml.sliced(pos, end - pos);
        const bool marker =
            l.startsWith("---") && (l.size() == 3 || l[3] == ' ' || l[3] == '\t' || l[3] == '\r');
        if (marker) {
            if (!out.back().text.empty() || line > 0)
                out.push_back(Document{{}, line + 1});
            else
                out.back().firstLine = line + 1;
            // Content after the marker on the same line ("--- {a: 1}") belongs to the new document.
            if (l.size() > 4)
                out.back().text.append(l.data() + 4, size_t(l.size() - 4)).append("\n");
            if (l.size() > 4)
                out.back().firstLine = line;
        } else {
            out.back().text.append(l.data(), size_t(l.size())).append("\n");
        }
        pos = end + 1;
        ++line;
    }
    std::erase_if(out, [](const Document& d) {
        return std::all_of(d.text.begin(), d.text.end(),
                           [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
    });
    return out;
}

QString text(const YAML::Node& node)
{
    if (!node || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar()).trimmed();
}

QStringList list(const YAML::Node& node, int maxItems, QStringList& warnings, const QString& where)
{
    QStringList out;
    if (!node)
        return out;
    if (node.IsScalar()) { // a single reference written without a list
        out << text(node);
        return out;
    }
    if (!node.IsSequence()) {
        warnings << QCoreApplication::translate("DeclaredCatalog", "%1: expected a list").arg(where);
        return out;
    }
    int n = 0;
    for (const YAML::Node& item : node) {
        if (++n > maxItems) {
            warnings << QCoreApplication::translate("DeclaredCatalog",
                                                    "%1: more than %2 entries, the rest ignored")
                            .arg(where)
                            .arg(maxItems);
            break;
        }
        const QString s = text(item);
        if (!s.isEmpty())
            out << s;
    }
    return out;
}

// "resource:default/payments-db" -> kind "resource", name "payments-db".
struct EntityRef
{
    QString kind;
    QString name;
};
EntityRef parseRef(const QString& ref, const QString& defaultKind)
{
    EntityRef r{defaultKind, ref};
    const qsizetype colon = r.name.indexOf(u':');
    if (colon > 0) {
        r.kind = r.name.left(colon).toLower();
        r.name = r.name.mid(colon + 1);
    }
    const qsizetype slash = r.name.lastIndexOf(u'/');
    if (slash >= 0)
        r.name = r.name.mid(slash + 1);
    return r;
}

NodeKind kindFromText(const QString& s)
{
    const QString k = s.toLower();
    if (k == "database"_L1 || k == "db"_L1 || k == "postgres"_L1 || k == "postgresql"_L1 || k == "mysql"_L1 ||
        k == "redis"_L1 || k == "cache"_L1)
        return NodeKind::Database;
    if (k == "queue"_L1 || k == "topic"_L1 || k == "kafka"_L1 || k == "messaging"_L1 || k == "stream"_L1)
        return NodeKind::Queue;
    if (k == "external"_L1 || k == "saas"_L1 || k == "third-party"_L1)
        return NodeKind::External;
    return NodeKind::Service;
}

bool isValidName(const QString& name)
{
    return !name.isEmpty() && name.size() <= 253 && std::none_of(name.begin(), name.end(), [](QChar c) {
        return c.isSpace() || c.category() == QChar::Other_Control;
    });
}

void parseBackstage(const std::vector<YAML::Node>& docs, const CatalogLimits& limits, CatalogResult& out)
{
    QHash<QString, QStringList> apiProviders; // api name -> components
    std::vector<std::pair<QString, QString>> consumes;
    QHash<QString, int> serviceIndex;
    int entities = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
        const YAML::Node& doc = docs[i];
        if (!doc || doc.IsNull())
            continue;
        const QString where = QCoreApplication::translate("DeclaredCatalog", "document %1").arg(i + 1);
        if (!doc.IsMap()) {
            out.warnings
                << QCoreApplication::translate("DeclaredCatalog", "%1: not a mapping, skipped").arg(where);
            continue;
        }
        if (++entities > limits.maxEntities) {
            out.warnings << QCoreApplication::translate("DeclaredCatalog",
                                                        "more than %1 entities, the rest ignored")
                                .arg(limits.maxEntities);
            break;
        }
        const QString kind = text(doc["kind"]).toLower();
        const YAML::Node metadata = doc["metadata"];
        const QString name = metadata && metadata.IsMap() ? text(metadata["name"]) : QString();
        if (!isValidName(name)) {
            out.warnings << QCoreApplication::translate("DeclaredCatalog",
                                                        "%1: no valid metadata.name, skipped")
                                .arg(where);
            continue;
        }
        // yaml-cpp throws when asked anything but "are you there?" of a missing key.
        const YAML::Node specNode = doc["spec"];
        const bool hasSpec = specNode && specNode.IsMap();
        const YAML::Node spec = hasSpec ? specNode : YAML::Node(YAML::NodeType::Map);
        if (kind == "api"_L1)
            continue; // resolved through providesApis / consumesApis
        if (kind != "component"_L1 && kind != "resource"_L1 && kind != "system"_L1) {
            continue; // Group, User, Location, Template...: not part of the dependency graph
        }
        if (kind == "system"_L1)
            continue;
        DeclaredService s;
        s.name = name;
        s.nameSpace = metadata["namespace"] ? text(metadata["namespace"]) : QString();
        const QString type = hasSpec ? text(spec["type"]) : QString();
        s.kind = kind == "resource"_L1
                     ? (kindFromText(type) == NodeKind::Service ? NodeKind::Database : kindFromText(type))
                     : kindFromText(type);
        if (const YAML::Node annotations = metadata["annotations"]; annotations && annotations.IsMap())
            s.region = text(annotations["cloud.region"]);
        if (!serviceIndex.contains(name)) {
            serviceIndex.insert(name, int(out.catalog.services.size()));
            out.catalog.services.push_back(s);
        }
        if (!hasSpec)
            continue;
        const QString specWhere = where + u" ("_s + name + u')';
        for (const QString& ref : list(spec["dependsOn"], limits.maxListItems, out.warnings, specWhere)) {
            const EntityRef r = parseRef(ref, u"component"_s);
            if (isValidName(r.name))
                out.catalog.dependencies.push_back({name, r.name});
        }
        for (const QString& api : list(spec["providesApis"], limits.maxListItems, out.warnings, specWhere))
            apiProviders[parseRef(api, u"api"_s).name].append(name);
        for (const QString& api : list(spec["consumesApis"], limits.maxListItems, out.warnings, specWhere))
            consumes.emplace_back(name, parseRef(api, u"api"_s).name);
    }
    for (const auto& [consumer, api] : consumes) {
        const QStringList providers = apiProviders.value(api);
        if (providers.isEmpty())
            out.warnings << QCoreApplication::translate("DeclaredCatalog",
                                                        "%1 consumes API %2, which no component provides")
                                .arg(consumer, api);
        for (const QString& provider : providers) {
            if (provider != consumer)
                out.catalog.dependencies.push_back({consumer, provider});
        }
    }
}

void parseWatchfloor(const YAML::Node& root, const CatalogLimits& limits, CatalogResult& out)
{
    const YAML::Node services = root["services"];
    if (!services.IsSequence()) {
        out.ok = false;
        out.error = QCoreApplication::translate("DeclaredCatalog", "`services` must be a list");
        return;
    }
    int n = 0;
    for (const YAML::Node& item : services) {
        ++n;
        if (n > limits.maxEntities) {
            out.warnings << QCoreApplication::translate("DeclaredCatalog",
                                                        "more than %1 services, the rest ignored")
                                .arg(limits.maxEntities);
            break;
        }
        const QString where = QCoreApplication::translate("DeclaredCatalog", "service %1").arg(n);
        if (!item.IsMap()) {
            out.warnings
                << QCoreApplication::translate("DeclaredCatalog", "%1: not a mapping, skipped").arg(where);
            continue;
        }
        DeclaredService s;
        s.name = text(item["name"]);
        if (!isValidName(s.name)) {
            out.warnings
                << QCoreApplication::translate("DeclaredCatalog", "%1: no valid name, skipped").arg(where);
            continue;
        }
        s.kind = kindFromText(text(item["kind"]));
        s.region = text(item["region"]);
        s.nameSpace = text(item["namespace"]);
        out.catalog.services.push_back(s);
        for (const QString& dep : list(item["dependsOn"], limits.maxListItems, out.warnings, s.name)) {
            if (isValidName(dep))
                out.catalog.dependencies.push_back({s.name, dep});
        }
    }
}

} // namespace

CatalogResult parseCatalog(QByteArrayView yaml, const CatalogLimits& limits)
{
    CatalogResult out;
    if (yaml.size() > limits.maxBytes) {
        out.error =
            QCoreApplication::translate("DeclaredCatalog", "The catalog is %1 bytes; at most %2 are read.")
                .arg(yaml.size())
                .arg(limits.maxBytes);
        return out;
    }
    if (roughNestingDepth(yaml) > limits.maxDepth) {
        out.error = QCoreApplication::translate("DeclaredCatalog", "The catalog nests deeper than %1 levels.")
                        .arg(limits.maxDepth);
        return out;
    }
    // Documents are split here and loaded one by one: yaml-cpp 0.7's LoadAll never returns on some
    // malformed input (a lone "," loops forever; found by fuzz_catalog), its Load does.
    const std::vector<Document> parts = splitDocuments(yaml);
    if (int(parts.size()) > limits.maxDocuments) {
        out.error = QCoreApplication::translate("DeclaredCatalog",
                                                "The catalog has %1 documents; at most %2 are read.")
                        .arg(parts.size())
                        .arg(limits.maxDocuments);
        return out;
    }
    std::vector<YAML::Node> docs;
    for (const Document& part : parts) {
        try {
            docs.push_back(YAML::Load(part.text));
        } catch (const YAML::Exception& e) {
            out.error =
                QCoreApplication::translate("DeclaredCatalog", "Not valid YAML: line %1, column %2: %3")
                    .arg(part.firstLine + e.mark.line + 1)
                    .arg(e.mark.column + 1)
                    .arg(QString::fromStdString(e.msg));
            return out;
        }
    }
    try {
        bool backstage = false;
        for (const YAML::Node& d : docs) {
            if (d.IsMap() && text(d["apiVersion"]).startsWith("backstage.io/"_L1))
                backstage = true;
        }
        if (backstage) {
            out.ok = true;
            parseBackstage(docs, limits, out);
        } else if (docs.size() == 1 && docs.front().IsMap() && docs.front()["services"]) {
            out.ok = true;
            parseWatchfloor(docs.front(), limits, out);
        } else {
            out.error = QCoreApplication::translate(
                "DeclaredCatalog",
                "Neither a Backstage catalog (apiVersion: backstage.io/...) nor a Watchfloor "
                "catalog (a `services` list).");
        }
    } catch (const YAML::Exception& e) {
        out.ok = false;
        out.error = QCoreApplication::translate("DeclaredCatalog", "Unexpected catalog structure: %1")
                        .arg(QString::fromStdString(e.msg));
    }
    if (!out.ok)
        out.catalog = {};
    return out;
}

void applyCatalog(ServiceGraph& graph, const DeclaredCatalog& catalog)
{
    QHash<QString, const DeclaredService*> declared;
    for (const DeclaredService& s : catalog.services)
        declared.insert(s.name, &s);
    auto nodesNamed = [&](const QString& name) {
        std::vector<int> nodes = graph.findByName(name);
        if (nodes.empty()) {
            GraphNode n;
            n.name = name;
            n.provenance = Provenance::Declared;
            if (const DeclaredService* s = declared.value(name)) {
                n.kind = s->kind;
                n.region = s->region;
                n.nameSpace = s->nameSpace;
            }
            nodes.push_back(graph.addNode(std::move(n)));
        } else {
            for (int i : nodes)
                graph.node(i).provenance = graph.node(i).provenance | Provenance::Declared;
        }
        return nodes;
    };
    for (const DeclaredService& s : catalog.services)
        nodesNamed(s.name);
    for (const DeclaredDependency& d : catalog.dependencies) {
        if (d.from == d.to)
            continue;
        const std::vector<int> sources = nodesNamed(d.from);
        const std::vector<int> targets = nodesNamed(d.to);
        for (int s : sources) {
            std::vector<int> chosen;
            for (int t : targets) {
                if (graph.node(t).region == graph.node(s).region)
                    chosen.push_back(t);
            }
            if (chosen.empty()) {
                for (int t : targets) {
                    if (graph.node(t).region.isEmpty())
                        chosen.push_back(t);
                }
            }
            if (chosen.empty())
                chosen = targets;
            for (int t : chosen)
                graph.addEdge(s, t, Provenance::Declared);
        }
    }
}

} // namespace wf::graph
