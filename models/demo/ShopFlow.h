#pragma once

#include "DemoRandom.h"
#include "ShopScenario.h"
#include "ShopSimulation.h"

#include <QString>

// Small helpers shared by the request flows (ShopTraffic.cpp) and the payments flows
// (ShopPayments.cpp). Internal to models/demo.
namespace wf::demo::flow {

// HikariCP's connectionTimeout and maximumPoolSize in the payments service.
constexpr int kPoolTimeoutMs = 2000;
constexpr int kPoolSize = 20;

inline qint64 ms(double milliseconds)
{
    return static_cast<qint64>(milliseconds * kNanosPerMilli);
}

// One hop over the cluster network.
inline qint64 network(DemoRandom& rng)
{
    return ms(rng.uniform(0.15, 0.8));
}

inline QString host(ShopService service, int region)
{
    return serviceName(service) + u'.' + regionName(region) + QStringLiteral(".shop.internal");
}

// Time a connection waits for the exhausted pool: grows with the square of severity, so the first
// seconds of the incident look like noise and the last ones like an outage.
inline double poolWaitMs(DemoRandom& rng, double severity)
{
    return severity * severity * rng.uniform(150.0, 1800.0);
}

} // namespace wf::demo::flow
