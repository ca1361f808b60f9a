// Fuzzes the Grafana importer with any bytes (seeded with small Grafana dashboards of both schemas):
// it must never crash or hang, and must keep the invariants of fuzz_dashboard_checks.h. Any JSON
// object is also fed to importGrafana directly, so mutations that break format detection still reach
// the importer.

#include "dashboard/DashboardFormat.h"
#include "dashboard/GrafanaImport.h"
#include "fuzz_dashboard_checks.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace wf::dashboard;
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    const DetectedDashboard detected = detectDashboardFormat(input);
    if (detected.format == DashboardFormat::NotADashboard) {
        fuzzdashboard::check(!detected.error.isEmpty(), "rejected without a message");
        return 0;
    }
    fuzzdashboard::checkResult(importGrafana(detected.root));
    fuzzdashboard::checkResult(importDashboard(input));
    return 0;
}
