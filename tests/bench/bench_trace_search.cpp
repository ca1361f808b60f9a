// Benchmark: the trace search and compare paths. Comparing two 100,000-span traces (the slow one with
// 5% more spans), against building one of their trees in the same run; checking 1,000 candidate traces
// of 50 spans against an operation + two tags (the local store's post-filter), against summarising the
// same traces; painting a 10,000-dot scatter offscreen, against painting the same ellipses with a bare
// QPainter. Thread CPU time, best of 3 (the machine is shared).

#include "traces/TraceCompare.h"
#include "traces/TraceScatter.h"
#include "traces/TraceSearch.h"
#include "traces/TraceTree.h"

#include <QApplication>
#include <QImage>
#include <QPainter>

#include <array>
#include <cstdio>
#include <ctime>
#include <functional>
#include <random>

using namespace wf;
using namespace wf::telemetry;

namespace {

double cpuNow()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double best(const std::function<void()>& run, int runs = 3)
{
    double b = 1e9;
    for (int i = 0; i < runs; ++i) {
        const double t0 = cpuNow();
        run();
        b = std::min(b, cpuNow() - t0);
    }
    return b;
}

template<std::size_t N>
BinaryId<N> idOf(quint64 v)
{
    std::array<std::uint8_t, N> bytes{};
    for (std::size_t i = 0; i < 8 && i < N; ++i)
        bytes[N - 1 - i] = std::uint8_t(v >> (8 * i));
    return BinaryId<N>(bytes);
}

// Fan-out over 20 services, five children a span (depth about 7, like a large request's trace);
// `extra` adds spans and stretches time. (A chain thousands of spans deep makes compareTraces' path
// strings grow with the depth: measured 8 s for 100,000 spans at depth ~4,000.)
SpanBatch trace(int spans, double extra, quint64 traceNo)
{
    std::mt19937_64 rng(11);
    std::vector<Resource> resources;
    for (int s = 0; s < 20; ++s)
        resources.emplace_back(Attributes(
            {{QStringLiteral("service.name"), AnyValue::fromString(QStringLiteral("svc-%1").arg(s))}}));
    std::vector<Span> out;
    const int total = int(spans * (1.0 + extra));
    out.reserve(std::size_t(total));
    for (int i = 0; i < total; ++i) {
        Span s;
        s.traceId = idOf<16>(traceNo);
        s.spanId = idOf<8>(quint64(i) + 1);
        if (i > 0)
            s.parentSpanId = idOf<8>(quint64((i - 1) / 5) + 1);
        s.name = QStringLiteral("op-%1").arg(i % 37);
        s.startNs = 1'767'225'600'000'000'000LL + i * 1000LL;
        s.endNs = s.startNs +
                  qint64((1'000'000 + std::uniform_int_distribution<int>(0, 1'000'000)(rng)) * (1.0 + extra));
        s.resourceIndex = i % 20;
        s.attributes = Attributes(
            {{QStringLiteral("customer"), AnyValue::fromString(QStringLiteral("c-%1").arg(i % 11))},
             {QStringLiteral("http.status_code"), AnyValue::fromInt(i % 50 == 0 ? 500 : 200)}});
        if (i % 50 == 0)
            s.statusCode = StatusCode::Error;
        out.push_back(std::move(s));
    }
    return SpanBatch(std::move(resources), {}, std::move(out));
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    const SpanBatch a = trace(100'000, 0.0, 1);
    const SpanBatch b = trace(100'000, 0.05, 2);
    traces::TraceTree treeA, treeB;
    const double build = best([&] { treeA = traces::TraceTree::build(a); });
    treeB = traces::TraceTree::build(b);
    traces::TraceComparison c;
    const double compare = best([&] { c = traces::compareTraces(treeA, treeB); });
    std::printf("bench: tree_build_100k %.1f ms\n", build * 1e3);
    std::printf("bench: compare_100k_spans %.1f ms ratio %.2f vs tree_build_100k\n", compare * 1e3,
                compare / build);
    std::printf("bench: compare_100k_added %d spans\n", c.added);

    std::vector<SpanBatch> candidates;
    for (int i = 0; i < 1000; ++i)
        candidates.push_back(trace(50, 0.0, quint64(i) + 10));
    std::vector<signalstore::TraceSummary> summaries(candidates.size());
    const double summarise = best([&] {
        for (std::size_t i = 0; i < candidates.size(); ++i)
            summaries[i] = traces::summarize(candidates[i]);
    });
    traces::TraceSearchQuery q;
    q.service = QStringLiteral("svc-3");
    q.operation = QStringLiteral("op-3");
    q.tags = {{QStringLiteral("customer"), QStringLiteral("c-3")},
              {QStringLiteral("http.status_code"), QStringLiteral("200")}};
    int matched = 0;
    const double filter = best([&] {
        matched = 0;
        for (std::size_t i = 0; i < candidates.size(); ++i)
            matched += traces::traceMatches(candidates[i], summaries[i], q) ? 1 : 0;
    });
    std::printf("bench: filter_1000_traces_50_spans %.2f ms ratio %.2f vs summarise_same (%d matched)\n",
                filter * 1e3, filter / summarise, matched);

    std::vector<signalstore::TraceSummary> dots(10'000);
    std::mt19937_64 rng(3);
    for (std::size_t i = 0; i < dots.size(); ++i) {
        dots[i].traceId = idOf<16>(i + 1);
        dots[i].startNs = 1'767'225'600'000'000'000LL + qint64(i) * 100'000'000LL;
        dots[i].durationNs = std::uniform_int_distribution<qint64>(1'000'000, 2'000'000'000)(rng);
        dots[i].errorCount = i % 17 == 0 ? 1 : 0;
    }
    ui::TraceScatter scatter;
    scatter.resize(1200, 300);
    scatter.setTraces(dots);
    QImage image(scatter.size(), QImage::Format_ARGB32_Premultiplied);
    const double paint = best([&] { scatter.render(&image); });
    const double raw = best([&] {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(Qt::blue);
        for (std::size_t i = 0; i < dots.size(); ++i)
            p.drawEllipse(QPointF(double(i % 1200), double(dots[i].durationNs % 300)), 4.0, 4.0);
    });
    std::printf("bench: scatter_paint_10k %.1f ms ratio %.2f vs raw_ellipses_10k\n", paint * 1e3,
                paint / raw);
    return 0;
}
