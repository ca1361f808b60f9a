// Benchmark: opening a 100,000-span trace. Parse (Jaeger JSON, simdjson DOM) and tree build are timed
// separately, against a QJsonDocument parse and a naive pointer/std::map tree in the same run;
// collapse/expand on TraceRows against rebuilding the visible-row list from scratch; one waterfall
// frame painted offscreen (1400x900). Times are thread CPU time, best of 3 (the machine is shared).

#include "traces/TraceFile.h"
#include "traces/TraceRows.h"
#include "traces/TraceTree.h"
#include "waterfall/TraceWaterfall.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QScrollBar>

#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <random>

using namespace wf;

namespace {

constexpr int kSpans = 100'000;

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

// A request fanning out over 20 services, 3-7 children per span down to depth 7, times nested in the
// parent, 6 tags per span, a log on every 20th: shaped like a large batch job's trace.
QByteArray jaegerDocument(int spans)
{
    std::mt19937_64 rng(7);
    struct Pending
    {
        int id, parent, depth;
        qint64 start, duration;
    };
    std::vector<Pending> all{{1, 0, 0, 1'767'225'600'000'000, 60'000'000}};
    for (std::size_t i = 0; i < all.size() && int(all.size()) < spans; ++i) {
        const Pending p = all[i];
        const int kids = p.depth >= 7 ? 0 : 3 + int(rng() % 5);
        for (int k = 0; k < kids && int(all.size()) < spans; ++k) {
            const qint64 d = std::max<qint64>(1, p.duration / (kids + 1));
            all.push_back({int(all.size()) + 1, p.id, p.depth + 1, p.start + k * d + qint64(rng() % 50), d});
        }
        if (i + 1 == all.size() && int(all.size()) < spans) // keep growing breadth-first from the root
            all.push_back({int(all.size()) + 1, 1, 1, p.start + 10, 1000});
    }
    QByteArray out = "{\"data\":[{\"traceID\":\"5b8aa5a2d2c872e8321cf37308d69df2\",\"spans\":[";
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Pending& p = all[i];
        if (i)
            out += ',';
        out += "{\"traceID\":\"5b8aa5a2d2c872e8321cf37308d69df2\",\"spanID\":\"" +
               QByteArray::number(p.id, 16) + "\",\"operationName\":\"op-" + QByteArray::number(p.depth) +
               '-' + QByteArray::number(p.id % 13) + "\",\"references\":[";
        if (p.parent)
            out +=
                "{\"refType\":\"CHILD_OF\",\"traceID\":\"5b8aa5a2d2c872e8321cf37308d69df2\",\"spanID\":\"" +
                QByteArray::number(p.parent, 16) + "\"}";
        out += "],\"startTime\":" + QByteArray::number(p.start) +
               ",\"duration\":" + QByteArray::number(p.duration) +
               ",\"tags\":[{\"key\":\"span.kind\",\"type\":\"string\",\"value\":\"server\"},"
               "{\"key\":\"http.method\",\"type\":\"string\",\"value\":\"GET\"},"
               "{\"key\":\"http.status_code\",\"type\":\"int64\",\"value\":200},"
               "{\"key\":\"peer.port\",\"type\":\"int64\",\"value\":5432},"
               "{\"key\":\"sampler.param\",\"type\":\"float64\",\"value\":1.0},"
               "{\"key\":\"error\",\"type\":\"bool\",\"value\":" +
               (p.id % 101 == 0 ? "true" : "false") + "}],\"logs\":[";
        if (p.id % 20 == 0)
            out += "{\"timestamp\":" + QByteArray::number(p.start + 1) +
                   ",\"fields\":[{\"key\":\"event\",\"type\":\"string\",\"value\":\"retry\"}]}";
        out += "],\"processID\":\"p" + QByteArray::number(p.id % 20) + "\",\"warnings\":null}";
    }
    out += "],\"processes\":{";
    for (int s = 0; s < 20; ++s)
        out += (s ? "," : "") + QByteArray("\"p") + QByteArray::number(s) + "\":{\"serviceName\":\"service-" +
               QByteArray::number(s) + "\",\"tags\":[]}";
    out += "}}]}";
    return out;
}

// Baseline parse: QJsonDocument, reading the same fields.
qsizetype qjsonParse(const QByteArray& body)
{
    const QJsonArray spans = QJsonDocument::fromJson(body)
                                 .object()
                                 .value(u"data")
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(u"spans")
                                 .toArray();
    qsizetype n = 0;
    qint64 sink = 0;
    for (const QJsonValue& v : spans) {
        const QJsonObject o = v.toObject();
        sink += o.value(u"spanID").toString().size() + o.value(u"operationName").toString().size();
        sink += qint64(o.value(u"startTime").toDouble()) + qint64(o.value(u"duration").toDouble());
        for (const QJsonValue& t : o.value(u"tags").toArray())
            sink += t.toObject().value(u"key").toString().size();
        for (const QJsonValue& r : o.value(u"references").toArray())
            sink += r.toObject().value(u"spanID").toString().size();
        ++n;
    }
    return sink ? n : 0;
}

// Baseline build: node objects in a std::map by id, children vectors, a recursive flatten.
struct NaiveNode
{
    const telemetry::Span* span = nullptr;
    std::vector<NaiveNode*> children;
};
void naiveFlatten(NaiveNode* n, std::vector<NaiveNode*>& out, const std::map<NaiveNode*, bool>& collapsed)
{
    out.push_back(n);
    auto it = collapsed.find(n);
    if (it != collapsed.end() && it->second)
        return;
    for (NaiveNode* c : n->children)
        naiveFlatten(c, out, collapsed);
}
std::size_t naiveBuild(const telemetry::SpanBatch& batch)
{
    std::map<telemetry::SpanId, NaiveNode> nodes;
    for (const auto& s : batch.spans())
        nodes[s.spanId].span = &s;
    std::vector<NaiveNode*> roots;
    for (auto& [id, n] : nodes) {
        auto p = nodes.find(n.span->parentSpanId);
        (p != nodes.end() ? p->second.children : roots).push_back(&n);
    }
    for (auto& [id, n] : nodes)
        std::sort(n.children.begin(), n.children.end(),
                  [](NaiveNode* a, NaiveNode* b) { return a->span->startNs < b->span->startNs; });
    std::vector<NaiveNode*> rows;
    for (NaiveNode* r : roots)
        naiveFlatten(r, rows, {});
    return rows.size();
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QByteArray body = jaegerDocument(kSpans);
    std::printf("bench: trace_document %.1f MB %d spans\n", double(body.size()) / 1e6, kSpans);

    traces::TraceFileResult parsed;
    const double parse = best([&] { parsed = traces::parseJaegerJson(body); });
    if (!parsed.ok() || parsed.traces.empty() || parsed.traces[0].spans.size() != kSpans) {
        std::fprintf(stderr, "bench: parse failed: %s\n", qPrintable(parsed.error));
        return 1;
    }
    const double qjson = best([&] { qjsonParse(body); });
    std::printf("bench: trace_parse_100k %.0f ms ratio %.1f vs qjsondocument\n", parse * 1e3, qjson / parse);

    const auto& batch = parsed.traces[0].spans;
    std::shared_ptr<const traces::TraceTree> tree;
    const double build =
        best([&] { tree = std::make_shared<const traces::TraceTree>(traces::TraceTree::build(batch)); });
    const double naive = best([&] { naiveBuild(batch); });
    std::printf("bench: trace_build_100k %.0f ms ratio %.1f vs naive_map_tree (links and rows only; ours "
                "adds dedup, cycles, skew, self time, critical path)\n",
                build * 1e3, naive / build);
    std::printf("bench: trace_parse_and_build_100k %.0f ms (goal <= 1000 ms)\n", (parse + build) * 1e3);

    // Collapse/expand: the root's largest child subtree and a mid-level node, 100 toggles each.
    traces::TraceRows rows(tree.get());
    int big = -1, mid = -1;
    for (int c : tree->children(tree->roots().front()))
        if (big < 0 || tree->node(c).subtreeSize > tree->node(big).subtreeSize)
            big = c;
    mid = tree->children(big).front();
    const double toggles = best([&] {
                               for (int i = 0; i < 50; ++i) {
                                   rows.toggle(big);
                                   rows.toggle(big);
                                   rows.toggle(mid);
                                   rows.toggle(mid);
                               }
                           }) /
                           200;
    // Baseline: every toggle rebuilds the whole row list (what a plain tree model reset costs).
    const double rebuild = best([&] {
                               std::vector<int> out;
                               std::vector<quint8> collapsed(std::size_t(tree->size()), 0);
                               for (int k = 0; k < 4; ++k) {
                                   collapsed[std::size_t(k % 2 ? mid : big)] ^= 1;
                                   out.clear();
                                   std::vector<int> stack(tree->roots().rbegin(), tree->roots().rend());
                                   while (!stack.empty()) {
                                       const int n = stack.back();
                                       stack.pop_back();
                                       out.push_back(n);
                                       if (collapsed[std::size_t(n)])
                                           continue;
                                       const auto ch = tree->children(n);
                                       for (auto it = ch.rbegin(); it != ch.rend(); ++it)
                                           stack.push_back(*it);
                                   }
                               }
                           }) /
                           4;
    std::printf("bench: trace_collapse_expand_100k %.3f ms ratio %.1f vs full_row_rebuild (goal <= 100 ms)\n",
                toggles * 1e3, rebuild / toggles);

    // One frame of the waterfall, at 10 scroll positions through the trace (wall time: painting).
    ui::TraceWaterfall w;
    w.resize(1400, 900);
    w.setTree(tree);
    QImage img(w.size(), QImage::Format_ARGB32_Premultiplied);
    w.render(&img); // first frame builds the minimap
    double worst = 0, total = 0;
    for (int i = 0; i < 10; ++i) {
        w.verticalScrollBar()->setValue(w.verticalScrollBar()->maximum() * i / 9);
        QElapsedTimer t;
        t.start();
        w.render(&img);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        worst = std::max(worst, ms);
        total += ms;
    }
    std::printf("bench: waterfall_frame_100k %.2f ms mean, %.2f ms worst (goal <= 16 ms)\n", total / 10,
                worst);
    QElapsedTimer first;
    first.start();
    ui::TraceWaterfall fresh;
    fresh.resize(1400, 900);
    fresh.setTree(tree);
    fresh.render(&img);
    std::printf("bench: waterfall_first_frame_100k %.1f ms (with minimap)\n",
                double(first.nsecsElapsed()) / 1e6);
    return 0;
}
