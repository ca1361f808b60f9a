#pragma once

#include "DemoRandom.h"

#include <QString>

// Text the simulated services write: log lines with the ids, numbers and addresses real services put
// in them (so a log-pattern clusterer has variables to find), and stack traces in the style of each
// service's language. Pure functions of their arguments and the generator.
namespace wf::demo::text {

QString clientAddress(DemoRandom& rng);        // documentation ranges, e.g. 203.0.113.57
QString userId(DemoRandom& rng);               // u-48213
QString hexToken(DemoRandom& rng, int digits); // lower-case hex
QString searchQuery(DemoRandom& rng);          // "desk lamp"
QString sku(DemoRandom& rng);                  // sku-10432
QString money(double amount);                  // 129.95

// Multi-line traces as the runtimes print them; the numbers (goroutine ids, addresses, line numbers
// of framework frames) vary so two traces are similar but not identical.
QString hikariTimeoutMessage(int timeoutMs, int total, int active, int waiting);
QString javaPoolTimeoutTrace(DemoRandom& rng, int timeoutMs, int total, int active, int waiting);
QString javaLedgerTrace(DemoRandom& rng, int timeoutMs, int total, int waiting);
QString goPaymentErrorTrace(DemoRandom& rng, const QString& paymentsUrl, int status);
QString goUpstreamTimeoutTrace(DemoRandom& rng, const QString& what);
QString pythonShardTimeoutTrace(int shard, int timeoutMs);

} // namespace wf::demo::text
