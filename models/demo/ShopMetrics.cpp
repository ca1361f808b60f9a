#include "ShopMetrics.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wf::demo {

const QList<double>& ShopHttpMetrics::durationBounds()
{
    static const QList<double> bounds{0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25,
                                      0.5,   0.75, 1.0,   2.5,  5.0,   7.5, 10.0};
    return bounds;
}

ShopHttpMetrics::ShopHttpMetrics(int resourceCount, qint64 processStartUnixNano)
    : m_resources(static_cast<size_t>(std::max(0, resourceCount)))
    , m_startUnixNano(processStartUnixNano)
{}

ShopHttpMetrics::ErrorSeries& ShopHttpMetrics::errorSeries(PerResource& r, const QString& route)
{
    for (ErrorSeries& e : r.errors) {
        if (e.route == route)
            return e;
    }
    return r.errors.emplace_back(ErrorSeries{route, 0});
}

void ShopHttpMetrics::declareRoute(int resource, const QString& route)
{
    if (resource < 0 || resource >= static_cast<int>(m_resources.size()))
        return;
    errorSeries(m_resources[static_cast<size_t>(resource)], route);
}

void ShopHttpMetrics::recordServerSpan(int resource, const QString& method, const QString& route, int status,
                                       double seconds)
{
    if (resource < 0 || resource >= static_cast<int>(m_resources.size()))
        return;
    PerResource& r = m_resources[static_cast<size_t>(resource)];
    ++r.recent;

    auto h = std::find_if(r.durations.begin(), r.durations.end(), [&](const HistogramSeries& s) {
        return s.status == status && s.route == route && s.method == method;
    });
    if (h == r.durations.end()) {
        HistogramSeries s{method, route, status, {}};
        s.value.explicitBounds = durationBounds();
        s.value.bucketCounts.fill(0, durationBounds().size() + 1);
        r.durations.push_back(std::move(s));
        h = std::prev(r.durations.end());
    }
    HistogramValue& v = h->value;
    // Bucket i holds values in (bounds[i-1], bounds[i]], the OTLP explicit-bucket convention.
    const auto bucket = std::lower_bound(v.explicitBounds.cbegin(), v.explicitBounds.cend(), seconds) -
                        v.explicitBounds.cbegin();
    ++v.bucketCounts[bucket];
    v.min = v.count == 0 ? seconds : std::min(v.min, seconds);
    v.max = v.count == 0 ? seconds : std::max(v.max, seconds);
    ++v.count;
    v.sum += seconds;

    auto c = std::find_if(r.requests.begin(), r.requests.end(),
                          [&](const CountSeries& s) { return s.route == route && s.method == method; });
    if (c == r.requests.end())
        c = r.requests.insert(r.requests.end(), CountSeries{method, route, 0});
    ++c->count;

    if (status >= 500)
        ++errorSeries(r, route).count;
}

void ShopHttpMetrics::collect(int resource, int scope, qint64 timeUnixNano, QList<SimMetric>& out) const
{
    if (resource < 0 || resource >= static_cast<int>(m_resources.size()))
        return;
    const PerResource& r = m_resources[static_cast<size_t>(resource)];
    const SignalOrigin origin{resource, scope};

    if (!r.durations.empty()) {
        SimMetric m;
        m.origin = origin;
        m.name = u"http.server.request.duration"_s;
        m.description = u"Duration of HTTP server requests."_s;
        m.unit = u"s"_s;
        m.type = MetricType::Histogram;
        for (const HistogramSeries& s : r.durations) {
            m.points.append(MetricPoint{{{u"http.request.method"_s, s.method},
                                         {u"http.route"_s, s.route},
                                         {u"http.response.status_code"_s, qint64(s.status)}},
                                        m_startUnixNano,
                                        timeUnixNano,
                                        s.value});
        }
        out.append(std::move(m));
    }
    if (!r.requests.empty()) {
        SimMetric m;
        m.origin = origin;
        m.name = u"http.server.request.count"_s;
        m.description = u"Number of HTTP server requests."_s;
        m.unit = u"{request}"_s;
        m.type = MetricType::Sum;
        m.isMonotonic = true;
        for (const CountSeries& s : r.requests) {
            m.points.append(MetricPoint{{{u"http.request.method"_s, s.method}, {u"http.route"_s, s.route}},
                                        m_startUnixNano,
                                        timeUnixNano,
                                        s.count});
        }
        out.append(std::move(m));
    }
    if (!r.errors.empty()) {
        SimMetric m;
        m.origin = origin;
        m.name = u"http.server.error.count"_s;
        m.description = u"Number of HTTP server requests answered with a 5xx status."_s;
        m.unit = u"{request}"_s;
        m.type = MetricType::Sum;
        m.isMonotonic = true;
        for (const ErrorSeries& s : r.errors) {
            m.points.append(
                MetricPoint{{{u"http.route"_s, s.route}}, m_startUnixNano, timeUnixNano, s.count});
        }
        out.append(std::move(m));
    }
}

qint64 ShopHttpMetrics::takeRecentRequests(int resource)
{
    if (resource < 0 || resource >= static_cast<int>(m_resources.size()))
        return 0;
    return std::exchange(m_resources[static_cast<size_t>(resource)].recent, 0);
}

SimMetric gaugeMetric(SignalOrigin origin, const QString& name, const QString& description,
                      const QString& unit)
{
    SimMetric m;
    m.origin = origin;
    m.name = name;
    m.description = description;
    m.unit = unit;
    m.type = MetricType::Gauge;
    return m;
}

void addPoint(SimMetric& metric, Attributes attributes, qint64 startUnixNano, qint64 timeUnixNano,
              double value)
{
    metric.points.append(MetricPoint{std::move(attributes), startUnixNano, timeUnixNano, value});
}

void addPoint(SimMetric& metric, Attributes attributes, qint64 startUnixNano, qint64 timeUnixNano,
              qint64 value)
{
    metric.points.append(MetricPoint{std::move(attributes), startUnixNano, timeUnixNano, value});
}

} // namespace wf::demo
