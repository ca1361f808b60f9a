// Benchmark: OTLP/JSON into the local signal store, as the receiver feeds it.
//  (a) parse: wf::otlp's simdjson decoder (into telemetry values) against QJsonDocument::fromJson
//      (a DOM only, no walk into values: a lower bound for any QJson-based decoder) on the same
//      bodies; CPU time of this thread, best of 3.
//  (b) end to end, wall time: decode on this thread and SignalStore::ingest, then flush (everything
//      committed), for spans and for log records; then a full-text search and a trace listing that
//      must find what was written ("searchable").
//  (c) the FTS5 table kinds the log store could use, inserting the same bodies in one connection, so
//      the choice in SignalSchema.cpp rests on a number.
// Payloads come from the demo shop (models/demo), written as the OpenTelemetry JS exporters write them.

#include "ProcessMemory.h"
#include "demo/OtlpJsonWriter.h"
#include "demo/ShopSimulation.h"
#include "otlp/OtlpJson.h"
#include "signalstore/SignalStore.h"
#include "store/SqliteDb.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <functional>
#include <optional>

using namespace wf;
using namespace wf::signalstore;
using namespace wf::telemetry;

namespace {

constexpr qint64 kTargetSpans = 200'000;
constexpr qint64 kTargetLogs = 300'000;

// WF_BENCH_INGEST_DIVISOR=50 makes a quick run (e.g. under valgrind).
qint64 divisor()
{
    return std::max(1, qEnvironmentVariableIntValue("WF_BENCH_INGEST_DIVISOR"));
}

struct Payloads
{
    QList<QByteArray> traces;
    QList<QByteArray> logs;
    qint64 spans = 0;
    qint64 logRecords = 0;
    qint64 traceBytes = 0;
    qint64 logBytes = 0;
};

// The shop at a high request rate, one export per simulated 100 ms, as a batch span processor sends.
Payloads makePayloads()
{
    demo::ShopConfig config;
    config.requestsPerSecond = 2000;
    demo::ShopSimulation shop(config);
    Payloads p;
    while (p.spans < kTargetSpans / divisor() || p.logRecords < kTargetLogs / divisor()) {
        shop.tick(100'000'000);
        const demo::TelemetryBatch batch = shop.takeBatch();
        if (!batch.spans.isEmpty() && p.spans < kTargetSpans / divisor()) {
            p.traces.append(demo::OtlpJsonWriter::traces(batch));
            p.spans += batch.spans.size();
            p.traceBytes += p.traces.back().size();
        }
        if (!batch.logs.isEmpty() && p.logRecords < kTargetLogs / divisor()) {
            p.logs.append(demo::OtlpJsonWriter::logs(batch));
            p.logRecords += batch.logs.size();
            p.logBytes += p.logs.back().size();
        }
    }
    return p;
}

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// CPU time of the whole process: in the store-only runs this thread only waits, so it is the
// writer's, which the other builds sharing the machine do not inflate as they do wall time.
double processCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

double bestCpuSeconds(const std::function<void()>& run)
{
    double best = 1e9;
    for (int i = 0; i < 3; ++i) {
        const double t0 = threadCpuSeconds();
        run();
        best = std::min(best, threadCpuSeconds() - t0);
    }
    return best;
}

void parseComparison(const QList<QByteArray>& bodies, qint64 bytes, const char* what)
{
    qint64 items = 0;
    const double simd = bestCpuSeconds([&] {
        items = 0;
        for (const QByteArray& b : bodies) {
            if (qstrcmp(what, "traces") == 0)
                items += otlp::decodeTracesJson(b).batch.size();
            else
                items += otlp::decodeLogsJson(b).batch.size();
        }
    });
    int objects = 0;
    const double qjson = bestCpuSeconds([&] {
        objects = 0;
        for (const QByteArray& b : bodies)
            objects += QJsonDocument::fromJson(b).isObject();
    });
    if (objects != bodies.size() || items == 0)
        std::fprintf(stderr, "bench: payload did not parse (%d of %lld)\n", objects, qint64(bodies.size()));
    const double mb = double(bytes) / 1e6;
    std::printf("bench: ingest_parse_%s_qjsondocument %.1f MB/s\n", what, mb / qjson);
    std::printf("bench: ingest_parse_%s_simdjson %.1f MB/s ratio %.2f vs ingest_parse_%s_qjsondocument\n",
                what, mb / simd, qjson / simd, what);
}

template<typename T, typename Start>
std::optional<QueryResult<T>> wait(Start start)
{
    std::optional<QueryResult<T>> out;
    QObject context;
    start(&context, [&out](QueryResult<T> r) { out = std::move(r); });
    const QDeadlineTimer deadline(60'000);
    while (!out && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return out;
}

// Offers a batch until the store takes it: a full queue is back-pressure, as the receiver answers
// 503 and the sender retries.
template<typename Batch>
void ingestWithBackPressure(SignalStore& store, std::shared_ptr<const Batch> batch, qint64* waits)
{
    while (!store.ingest(batch)) {
        ++*waits;
        QThread::usleep(500);
    }
}

void endToEnd(const Payloads& p, const QString& dir)
{
    QString error;
    auto store = SignalStore::open(dir + QStringLiteral("/signals.db"), {}, &error);
    if (!store) {
        std::fprintf(stderr, "bench: cannot open the store: %s\n", qPrintable(error));
        return;
    }
    qint64 waits = 0;
    QElapsedTimer timer;
    timer.start();
    for (const QByteArray& body : p.traces)
        ingestWithBackPressure(*store, std::make_shared<const SpanBatch>(otlp::decodeTracesJson(body).batch),
                               &waits);
    store->flush();
    const double spanSeconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 spans = store->stats().spansStored;
    std::printf("bench: ingest_spans_end_to_end %.0f spans/s\n", double(spans) / spanSeconds);
    std::printf("bench: ingest_spans_stored %lld spans\n", spans);

    timer.restart();
    for (const QByteArray& body : p.logs)
        ingestWithBackPressure(*store, std::make_shared<const LogBatch>(otlp::decodeLogsJson(body).batch),
                               &waits);
    store->flush();
    const double logSeconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 logs = store->stats().logRecordsStored;
    std::printf("bench: ingest_logs_end_to_end %.0f records/s\n", double(logs) / logSeconds);
    std::printf("bench: ingest_logs_stored %lld records\n", logs);
    std::printf("bench: ingest_queue_full_waits %lld waits\n", waits);

    // Searchable: the words of a body the shop writes, and the traces listing.
    LogQuery q;
    q.text = QStringLiteral("\"rejected expired\" token");
    q.limit = 500;
    timer.restart();
    const auto found =
        wait<std::vector<LogRow>>([&](QObject* c, auto done) { store->queryLogs(q, c, done); });
    const double searchMs = double(timer.nsecsElapsed()) / 1e6;
    q.text = QStringLiteral("pay");
    timer.restart();
    const auto prefix =
        wait<std::vector<LogRow>>([&](QObject* c, auto done) { store->queryLogs(q, c, done); });
    const double prefixMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    const auto traces = wait<std::vector<TraceSummary>>(
        [&](QObject* c, auto done) { store->queryTraces(TraceQuery{}, c, done); });
    const double tracesMs = double(timer.nsecsElapsed()) / 1e6;
    if (!found || !found->ok || !prefix || !prefix->ok || !traces || !traces->ok || traces->value.empty()) {
        std::fprintf(stderr, "bench: the stored data could not be queried\n");
        return;
    }
    std::printf("bench: ingest_search_phrase_hits %lld records\n", qint64(found->value.size()));
    std::printf("bench: ingest_search_phrase_latency %.1f ms\n", searchMs);
    std::printf("bench: ingest_search_prefix_hits %lld records\n", qint64(prefix->value.size()));
    std::printf("bench: ingest_search_prefix_latency %.1f ms\n", prefixMs);
    std::printf("bench: ingest_trace_list_latency %.1f ms\n", tracesMs);
}

// Samples the process's RSS while it lives; peak() minus the RSS at construction is what a flood
// into the store added (the queue holds references to batches the benchmark keeps anyway, so this is
// the store's own memory: SQLite caches, mapped pages, writer state).
class RssSampler
{
public:
    RssSampler()
        : m_baseline(wf::test::residentBytes())
        , m_thread(QThread::create([this] {
            while (!m_stop.load()) {
                m_peak = std::max(m_peak.load(), wf::test::residentBytes());
                QThread::msleep(20);
            }
        }))
    {
        m_thread->start();
    }
    ~RssSampler() { stop(); }
    qint64 growth()
    {
        stop();
        return std::max<qint64>(0, m_peak.load() - m_baseline);
    }

private:
    void stop()
    {
        m_stop = true;
        m_thread->wait();
    }
    qint64 m_baseline;
    std::atomic<qint64> m_peak{0};
    std::atomic<bool> m_stop{false};
    std::unique_ptr<QThread> m_thread;
};

// The writer alone: batches decoded beforehand, so the figure is what the store's writer thread
// sustains (on a shared 2-core machine the decoder and the writer otherwise compete for the cores).
void storeOnly(const Payloads& p, const QString& dir)
{
    std::vector<std::shared_ptr<const SpanBatch>> spanBatches;
    for (const QByteArray& body : p.traces)
        spanBatches.push_back(std::make_shared<const SpanBatch>(otlp::decodeTracesJson(body).batch));
    std::vector<std::shared_ptr<const LogBatch>> logBatches;
    for (const QByteArray& body : p.logs)
        logBatches.push_back(std::make_shared<const LogBatch>(otlp::decodeLogsJson(body).batch));
    QString error;
    auto store = SignalStore::open(dir + QStringLiteral("/store-only.db"), {}, &error);
    if (!store) {
        std::fprintf(stderr, "bench: cannot open the store: %s\n", qPrintable(error));
        return;
    }
    qint64 waits = 0;
    RssSampler rss;
    QElapsedTimer timer;
    timer.start();
    double cpu = processCpuSeconds();
    for (const auto& b : spanBatches)
        ingestWithBackPressure(*store, b, &waits);
    store->flush();
    const double spans = double(store->stats().spansStored);
    std::printf("bench: ingest_spans_store_only %.0f spans/s\n",
                spans / (double(timer.nsecsElapsed()) / 1e9));
    std::printf("bench: ingest_spans_store_only_cpu %.0f spans/cpu-s\n", spans / (processCpuSeconds() - cpu));
    timer.restart();
    cpu = processCpuSeconds();
    for (const auto& b : logBatches)
        ingestWithBackPressure(*store, b, &waits);
    store->flush();
    const double logs = double(store->stats().logRecordsStored);
    std::printf("bench: ingest_logs_store_only %.0f records/s\n",
                logs / (double(timer.nsecsElapsed()) / 1e9));
    std::printf("bench: ingest_logs_store_only_cpu %.0f records/cpu-s\n", logs / (processCpuSeconds() - cpu));
    std::printf("bench: ingest_flood_rss_growth %.1f MB\n", double(rss.growth()) / 1e6);
}

// Inserts the bodies into a bare logs table plus one FTS5 variant, in transactions of 5,000 rows.
double ftsInsertRate(const QString& path, const char* ftsDdl, const QList<QString>& bodies)
{
    SqliteDb db = SqliteDb::open(path, SqliteDb::Access::ReadWriteCreate);
    db.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                     "CREATE TABLE logs (id INTEGER PRIMARY KEY, body TEXT)");
    db.executeScript(ftsDdl);
    SqliteStatement insertLog = db.prepare("INSERT INTO logs (body) VALUES (?1)");
    SqliteStatement insertText = db.prepare("INSERT INTO f (rowid, body) VALUES (?1, ?2)");
    QElapsedTimer timer;
    timer.start();
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        if (i % 5000 == 0)
            db.executeScript(i == 0 ? "BEGIN" : "COMMIT; BEGIN");
        insertLog.bind(1, bodies[i]);
        insertLog.step();
        insertLog.reset();
        insertText.bind(1, db.lastInsertRowId());
        insertText.bind(2, bodies[i]);
        insertText.step();
        insertText.reset();
    }
    db.executeScript("COMMIT");
    return double(bodies.size()) / (double(timer.nsecsElapsed()) / 1e9);
}

void ftsVariants(const Payloads& p, const QString& dir)
{
    QList<QString> bodies;
    for (const QByteArray& body : p.logs) {
        const LogBatch batch = otlp::decodeLogsJson(body).batch;
        for (const LogRecord& r : batch.records())
            bodies.append(r.bodyText);
    }
    const struct
    {
        const char* name;
        const char* ddl;
    } variants[] = {
        {"external_detail_full",
         "CREATE VIRTUAL TABLE f USING fts5 (body, content='logs', content_rowid='id')"},
        {"external_detail_full_columnsize0",
         "CREATE VIRTUAL TABLE f USING fts5 (body, content='logs', content_rowid='id', columnsize=0)"},
        {"external_detail_column",
         "CREATE VIRTUAL TABLE f USING fts5 (body, content='logs', content_rowid='id', detail=column)"},
        {"external_detail_none",
         "CREATE VIRTUAL TABLE f USING fts5 (body, content='logs', content_rowid='id', detail=none)"},
        {"contentless_detail_full", "CREATE VIRTUAL TABLE f USING fts5 (body, content='')"},
        {"own_content_detail_full", "CREATE VIRTUAL TABLE f USING fts5 (body)"},
        {"external_detail_full_again",
         "CREATE VIRTUAL TABLE f USING fts5 (body, content='logs', content_rowid='id')"},
    };
    int n = 0;
    for (const auto& v : variants) {
        const double rate = ftsInsertRate(dir + QStringLiteral("/fts-%1.db").arg(++n), v.ddl, bodies);
        std::printf("bench: fts_insert_%s %.0f records/s\n", v.name, rate);
    }
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // lines survive a crash or a timeout
    QTemporaryDir dir;
    const Payloads p = makePayloads();
    std::printf("bench: ingest_payload_spans %lld spans in %lld requests, %.1f MB\n", p.spans,
                qint64(p.traces.size()), double(p.traceBytes) / 1e6);
    std::printf("bench: ingest_payload_logs %lld records in %lld requests, %.1f MB\n", p.logRecords,
                qint64(p.logs.size()), double(p.logBytes) / 1e6);
    // WF_BENCH_INGEST_STORE_ONLY=1: only the writer figures (for A/B runs under perf stat, whose
    // instruction counts do not depend on what else runs on the machine).
    if (!qEnvironmentVariableIsSet("WF_BENCH_INGEST_STORE_ONLY")) {
        parseComparison(p.traces, p.traceBytes, "traces");
        parseComparison(p.logs, p.logBytes, "logs");
        endToEnd(p, dir.path());
    }
    storeOnly(p, dir.path());
    if (!qEnvironmentVariableIsSet("WF_BENCH_INGEST_SKIP_FTS"))
        ftsVariants(p, dir.path());
    return 0;
}
