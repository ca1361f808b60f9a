// Fuzzes the Prometheus answer decoders (query results with simdjson, the small endpoints with
// QJsonDocument) and the local PromQL subset parser with arbitrary bytes. Checks invariants: an answer
// is either an error with a message or a result within the limits, with columns of equal length and
// timestamps ascending per series.

#include "prometheus/LocalPromQL.h"
#include "prometheus/PromApiDecoder.h"
#include "prometheus/PromResponseDecoder.h"
#include "prometheus/ScrapeInterval.h"
#include "sources/SourceCredentials.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

using namespace wf::prometheus;

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

template<typename R>
void checkApi(const R& r)
{
    check(r.ok() || !r.error.message.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char*>(data), qsizetype(size));
    DecodeLimits limits;
    limits.maxSeries = 50;
    limits.maxSamples = 5000;
    limits.maxLabelBytes = 512;
    for (int status : {200, 400}) {
        const MetricsResult r = decodeQueryResponse(input, status, limits);
        if (!r.ok()) {
            check(!r.error.message.isEmpty());
            check(r.series.empty());
            continue;
        }
        check(r.resultType != ResultType::None);
        check(qsizetype(r.series.size()) <= limits.maxSeries);
        qint64 samples = 0;
        for (const auto& s : r.series) {
            check(s.timesNs.size() == s.values.size());
            check(std::is_sorted(s.timesNs.begin(), s.timesNs.end()));
            samples += qint64(s.values.size());
        }
        check(samples <= limits.maxSamples);
    }
    checkApi(decodeStringList(input, 200, 100));
    checkApi(decodeSeriesList(input, 200, 100));
    checkApi(decodeMetadata(input, 200, 100));
    checkApi(decodeRules(input, 200, 100));
    checkApi(decodeAlerts(input, 200, 100));
    checkApi(decodeTargets(input, 200, 100));
    checkApi(decodeBuildInfo(input, 200));

    // The scrape interval: /status/config's YAML (also the raw bytes as YAML) and duration strings.
    const PromApiResult<QString> config = decodeConfigYaml(input, 200);
    checkApi(config);
    for (const QString& yaml : {config.value, QString::fromUtf8(input.left(4096))}) {
        if (const auto ms = globalScrapeIntervalMs(yaml))
            check(*ms > 0);
    }
    if (const auto ms = parsePromDurationMs(QString::fromUtf8(input.left(64))))
        check(*ms > 0 && *ms <= 365LL * 24 * 3600 * 1000);

    // A keychain entry is read back through the same strict decoder: whatever it accepts validates.
    if (const auto credentials = wf::SourceCredentials::fromSecret(input))
        check(credentials->validate().isEmpty());

    const LocalQueryPlan plan = planLocalQuery(QString::fromUtf8(input.left(4096)));
    check(plan.ok() ? !plan.query.metric.isEmpty() : !plan.error.message.isEmpty());
    return 0;
}
