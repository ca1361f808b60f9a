// Benchmark: decoding a Prometheus query_range answer (100 series x 11,000 samples, generated in memory
// like Prometheus writes it) into columnar arrays with PromResponseDecoder (simdjson On-Demand), against
// QJsonDocument parsing the same bytes and reading every sample into the same arrays, in one process.
// Times are the thread's CPU time (best of 5): the machine is shared by parallel builds.

#include "prometheus/PromResponseDecoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <ctime>
#include <functional>
#include <random>

using namespace wf::prometheus;

namespace {

constexpr int kSeries = 100;
constexpr int kSamples = 11'000;
constexpr int kRuns = 5;

QByteArray payload()
{
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> value(0, 1);
    QByteArray out;
    out.reserve(kSeries * kSamples * 32);
    out += R"({"status":"success","data":{"resultType":"matrix","result":[)";
    const qint64 t0 = 1795471057;
    for (int s = 0; s < kSeries; ++s) {
        if (s)
            out += ',';
        out += R"({"metric":{"__name__":"node_cpu_seconds_total","cpu":")" + QByteArray::number(s % 16) +
               R"(","instance":"10.0.)" + QByteArray::number(s / 16) +
               R"(.1:9100","job":"node","mode":"user"},"values":[)";
        for (int i = 0; i < kSamples; ++i) {
            if (i)
                out += ',';
            out += '[' + QByteArray::number(t0 + i * 15) + ",\"" + QByteArray::number(value(rng), 'g', 17) +
                   "\"]";
        }
        out += "]}";
    }
    out += "]}}";
    return out;
}

qsizetype qjsonDecode(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonArray result =
        doc.object().value(QLatin1String("data")).toObject().value(QLatin1String("result")).toArray();
    std::vector<wf::signalstore::SeriesSet> series;
    qsizetype samples = 0;
    for (const QJsonValue& item : result) {
        const QJsonObject o = item.toObject();
        wf::signalstore::SeriesSet set;
        const QJsonObject metric = o.value(QLatin1String("metric")).toObject();
        for (auto it = metric.begin(); it != metric.end(); ++it)
            set.labels.append({it.key(), it.value().toString()});
        const QJsonArray values = o.value(QLatin1String("values")).toArray();
        set.timesNs.reserve(std::size_t(values.size()));
        set.values.reserve(std::size_t(values.size()));
        for (const QJsonValue& pair : values) {
            const QJsonArray p = pair.toArray();
            set.timesNs.push_back(qint64(p.at(0).toDouble() * 1000.0) * 1'000'000);
            set.values.push_back(p.at(1).toString().toDouble());
        }
        samples += qsizetype(set.values.size());
        series.push_back(std::move(set));
    }
    return samples;
}

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double best(const std::function<qsizetype()>& run, qsizetype expected, int runs)
{
    double bestSeconds = 1e9;
    for (int i = 0; i < runs; ++i) {
        const double start = cpuSeconds();
        const qsizetype n = run();
        const double s = cpuSeconds() - start;
        if (n != expected) {
            std::fprintf(stderr, "bench: decoded %lld samples, expected %lld\n", qint64(n), qint64(expected));
            std::exit(1);
        }
        bestSeconds = std::min(bestSeconds, s);
    }
    return bestSeconds;
}

} // namespace

int main()
{
    const QByteArray body = payload();
    const qsizetype expected = qsizetype(kSeries) * kSamples;
    const double mb = double(body.size()) / 1e6;
    std::printf("bench: prom_query_range_payload %.1f MB\n", mb);

    const auto ours = [&] {
        const MetricsResult r = decodeQueryResponse(body);
        qsizetype n = 0;
        for (const auto& s : r.series)
            n += qsizetype(s.values.size());
        return r.ok() ? n : -1;
    };
    const double simd = best(ours, expected, kRuns);
    const double qjson = best([&] { return qjsonDecode(body); }, expected, 2);
    std::printf("bench: prom_decode_simdjson %.1f ms ratio %.1f vs qjsondocument\n", simd * 1000,
                qjson / simd);
    std::printf("bench: prom_decode_simdjson_throughput %.0f MB/s\n", mb / simd);
    std::printf("bench: prom_decode_qjsondocument %.1f ms\n", qjson * 1000);
    return 0;
}
