// Fuzzes the Perses importer with any bytes (seeded with small Perses dashboards): it must never crash
// or hang, and must keep the invariants of fuzz_dashboard_checks.h. Any JSON object is fed to
// importPerses directly, so mutations that break format detection still reach the importer.

#include "dashboard/DashboardFormat.h"
#include "dashboard/PersesImport.h"
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
    fuzzdashboard::checkResult(importPerses(detected.root));
    return 0;
}
