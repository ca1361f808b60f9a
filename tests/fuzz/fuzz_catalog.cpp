// Fuzzes the declared-catalog parser (Backstage catalog-info.yaml and Watchfloor's own YAML) with any
// bytes: it must never crash, must say why when it rejects, and what it accepts must hold together:
// every service and dependency has a name, and applying it to a graph gives edges between valid nodes.

#include "graph/DeclaredCatalog.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz_catalog: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace wf::graph;
    CatalogLimits limits;
    limits.maxBytes = 64 * 1024;
    const CatalogResult r =
        parseCatalog(QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size)), limits);
    if (!r.ok) {
        check(!r.error.isEmpty(), "rejected without a message");
        check(r.catalog.services.empty() && r.catalog.dependencies.empty(), "rejected but kept entries");
        return 0;
    }
    for (const DeclaredService& s : r.catalog.services)
        check(!s.name.isEmpty(), "a service without a name");
    for (const DeclaredDependency& d : r.catalog.dependencies)
        check(!d.from.isEmpty() && !d.to.isEmpty(), "a dependency without an end");
    ServiceGraph g;
    applyCatalog(g, r.catalog);
    for (const GraphEdge& e : g.edges())
        check(e.from >= 0 && e.from < g.nodeCount() && e.to >= 0 && e.to < g.nodeCount() && e.from != e.to,
              "an edge between invalid nodes");
    return 0;
}
