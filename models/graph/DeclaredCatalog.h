#pragma once
// Dependencies someone wrote down: a Backstage catalog (catalog-info.yaml, one or more documents of
// kind Component / Resource / API; spec.dependsOn, providesApis, consumesApis) or Watchfloor's own
// YAML (`services:` with name, kind, region, namespace, dependsOn). Declared edges count even when they
// carried no traffic in the window, and the view shows which edges are observed, declared or both.
//
// The input is untrusted (a file the user picked, maybe from a repository): its size, document and
// entity counts and nesting depth are bounded, and every failure comes back as a message.
#include "ServiceGraph.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <vector>

namespace wf::graph {

struct DeclaredService
{
    QString name;
    NodeKind kind = NodeKind::Service;
    QString region;
    QString nameSpace;
};

struct DeclaredDependency
{
    QString from; // the dependent
    QString to;   // what it depends on
};

struct DeclaredCatalog
{
    std::vector<DeclaredService> services;
    std::vector<DeclaredDependency> dependencies;
};

struct CatalogLimits
{
    qsizetype maxBytes = 4 * 1024 * 1024;
    int maxDocuments = 5'000;
    int maxEntities = 20'000;
    int maxListItems = 1'000; // per dependsOn / providesApis / consumesApis list
    int maxDepth = 40;        // nesting of flow or block collections
};

struct CatalogResult
{
    bool ok = false;
    QString error;        // why nothing was read (not YAML, too large, not a catalog)
    QStringList warnings; // entries skipped, references that resolve to nothing
    DeclaredCatalog catalog;
};

// Detects the format: documents with `apiVersion: backstage.io/...` are Backstage, a mapping with a
// `services` list is Watchfloor's own.
CatalogResult parseCatalog(QByteArrayView yaml, const CatalogLimits& limits = {});

// Adds declared nodes and edges to `graph`. A dependency goes from every node of the dependent's name
// (one per region) to the target in the same region when there is one, else to the target's other
// nodes, else to a new declared node.
void applyCatalog(ServiceGraph& graph, const DeclaredCatalog& catalog);

} // namespace wf::graph
