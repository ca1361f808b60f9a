// Benchmark: drawing through the chart (widgets/charts/TimeSeriesChart, QPainter), offscreen,
// antialiasing off, each figure to a finished frame (the widget rendered into an image with grab()).
//  (a) 1 M points of one series: every point drawn vs M4-decimated to the plot's width.
//  (b) 10 M points (100 series x 100,000): the chart decimating on the UI thread only vs on every
//      core, to a finished frame; and M4 alone on one thread vs every core.
//  (c) a dashboard of 12 charts x 10 series x 3,600 points in one window: the shared crosshair moved
//      across all 12 (set + repaint of what changed), one panel panned (new range, new frame), and
//      refreshes of all 12 whose data is made on a worker thread and handed over with queued calls,
//      as the dashboard's sources do: the longest single event the UI thread spent meanwhile.
// Times are wall-clock and CPU (this thread; "process" where helpers work too); medians of several
// runs unless said otherwise. The machine is shared: CPU times are the steadier figures.

#include "analysis/M4Decimator.h"
#include "analysis/SeriesStats.h"
#include "charts/TimeSeriesChart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QGridLayout>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <thread>

using namespace wf;

namespace {

constexpr qint64 kT0 = 1'800'000'000'000'000'000LL;
constexpr qint64 kHourNs = 3'600'000'000'000LL;

std::vector<signalstore::SeriesSet> makeSeries(int count, int points, quint32 seed)
{
    std::vector<signalstore::SeriesSet> out;
    QRandomGenerator rng(seed);
    for (int s = 0; s < count; ++s) {
        signalstore::SeriesSet set;
        set.labels = {{QStringLiteral("instance"), QStringLiteral("node-%1").arg(s)}};
        set.timesNs.resize(size_t(points));
        set.values.resize(size_t(points));
        double level = 100 + 10 * s;
        for (int i = 0; i < points; ++i) {
            set.timesNs[size_t(i)] = kT0 + qint64(i) * kHourNs / points;
            level += rng.generateDouble() - 0.5;
            set.values[size_t(i)] = level + 5 * std::sin(i * 0.001);
        }
        out.push_back(std::move(set));
    }
    return out;
}

// CPU time of this thread: on a shared machine the wall clock also counts other people's builds.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double lastCpuMs = 0;        // of the last drawOnce(), this thread
double lastProcessCpuMs = 0; // of the last drawOnce(), every thread

// The longest single event the UI thread handled while `measuring` (nested events count in their
// outermost one): what a user would feel as a stall.
class StallMeter : public QApplication
{
public:
    using QApplication::QApplication;
    bool measuring = false;
    double longestMs = 0;
    double longestCpuMs = 0; // CPU time of the UI thread in the longest event
    double mostCpuMs = 0;    // the most CPU time the UI thread spent in one event
    int longestType = 0;
    bool notify(QObject* receiver, QEvent* event) override
    {
        if (!measuring || m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer t;
        const double cpu0 = threadCpuMs();
        t.start();
        const bool handled = QApplication::notify(receiver, event);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        const double cpu = threadCpuMs() - cpu0;
        mostCpuMs = std::max(mostCpuMs, cpu);
        if (ms > longestMs) {
            longestMs = ms;
            longestCpuMs = cpu;
            longestType = int(event->type());
        }
        --m_depth;
        return handled;
    }

private:
    int m_depth = 0;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(std::ceil(p * double(v.size()))) - 1)];
}

ui::ChartOptions benchOptions(bool decimate, int threads = 0)
{
    ui::ChartOptions o;
    o.antialiasing = false;
    o.decimate = decimate;
    o.decimationThreads = threads;
    return o;
}

// setSeries (data moved in, as a worker's result would be) through to a rendered frame.
double drawOnce(ui::TimeSeriesChart& chart, const std::vector<signalstore::SeriesSet>& data)
{
    std::vector<signalstore::SeriesSet> copy = data; // outside the clock
    QElapsedTimer t;
    const double cpu0 = threadCpuMs();
    const double process0 = processCpuMs();
    t.start();
    chart.setSeries(std::move(copy), kT0, kT0 + kHourNs);
    const QPixmap frame = chart.grab();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    lastCpuMs = threadCpuMs() - cpu0;
    lastProcessCpuMs = processCpuMs() - process0;
    if (frame.isNull())
        std::fprintf(stderr, "empty frame\n");
    return ms;
}

void benchOneMillion()
{
    const std::vector<signalstore::SeriesSet> data = makeSeries(1, 1'000'000, 1);
    ui::TimeSeriesChart raw;
    raw.resize(1000, 400);
    raw.setOptions(benchOptions(false));
    std::vector<double> rawMs, rawCpu;
    for (int i = 0; i < 3; ++i) {
        rawMs.push_back(drawOnce(raw, data));
        rawCpu.push_back(lastCpuMs);
    }
    ui::TimeSeriesChart m4;
    m4.resize(1000, 400);
    m4.setOptions(benchOptions(true));
    drawOnce(m4, data); // warm-up: fonts, axis layout
    std::vector<double> m4Ms, m4Cpu;
    for (int i = 0; i < 9; ++i) {
        m4Ms.push_back(drawOnce(m4, data));
        m4Cpu.push_back(lastCpuMs);
    }
    const double r = median(rawMs);
    const double d = median(m4Ms);
    // The least-disturbed run: on a shared machine the median also counts other people's work.
    std::printf("bench: draw_1m_m4_min %.2f ms\n", *std::min_element(m4Ms.begin(), m4Ms.end()));
    std::printf("bench: draw_1m_raw %.1f ms\n", r);
    std::printf("bench: draw_1m_m4 %.2f ms ratio %.1f vs draw_1m_raw\n", d, r / d);
    std::printf("bench: draw_1m_m4_points_drawn %lld points\n", qlonglong(m4.drawnPointCount()));
    std::printf("bench: draw_1m_raw_cpu %.1f ms\n", median(rawCpu));
    std::printf("bench: draw_1m_m4_cpu %.2f ms ratio %.1f vs draw_1m_raw_cpu\n", median(m4Cpu),
                median(rawCpu) / median(m4Cpu));
}

void benchTenMillion()
{
    const std::vector<signalstore::SeriesSet> data = makeSeries(100, 100'000, 2);
    const analysis::M4Decimator m4(kT0, kT0 + kHourNs, 1000);
    double cpuOne = 0;
    const auto time = [&](int threads) {
        std::vector<double> ms, cpu;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            const double c0 = threadCpuMs();
            t.start();
            const auto out = m4.decimateMany(data, threads);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            cpu.push_back(threadCpuMs() - c0);
            if (out.size() != data.size())
                std::fprintf(stderr, "lost series\n");
        }
        cpuOne = median(cpu);
        return median(ms);
    };
    {
        // The chart's other full pass per series: legend statistics from every sample.
        std::vector<double> cpu;
        double sink = 0;
        for (int i = 0; i < 3; ++i) {
            const double c0 = threadCpuMs();
            for (const signalstore::SeriesSet& s : data)
                sink += analysis::seriesStats(s).mean;
            cpu.push_back(threadCpuMs() - c0);
        }
        std::printf("bench: stats_10m_1thread_cpu %.1f ms%s\n", median(cpu), sink == 0 ? " (empty)" : "");
    }
    const double one = time(1);
    std::printf("bench: decimate_10m_1thread_cpu %.1f ms (%.2f ns per point)\n", cpuOne, cpuOne * 1e6 / 1e7);
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const double all = time(0);
    std::printf("bench: decimate_10m_1thread %.1f ms\n", one);
    std::printf("bench: decimate_10m_%dthreads %.1f ms ratio %.2f vs decimate_10m_1thread\n", cores, all,
                one / all);

    // The whole chart: setSeries (statistics, M4, layout) to a finished frame.
    const auto drawWith = [&](int threads, double& uiCpu, double& processCpu) {
        ui::TimeSeriesChart chart;
        chart.resize(1000, 400);
        chart.setOptions(benchOptions(true, threads));
        drawOnce(chart, data);
        std::vector<double> ms, cpu, process;
        for (int i = 0; i < 5; ++i) {
            ms.push_back(drawOnce(chart, data));
            cpu.push_back(lastCpuMs);
            process.push_back(lastProcessCpuMs);
        }
        uiCpu = median(cpu);
        processCpu = median(process);
        std::printf("bench: draw_10m_m4_%dthread%s_min %.1f ms\n", threads == 1 ? 1 : cores,
                    threads == 1 ? "" : "s", *std::min_element(ms.begin(), ms.end()));
        return median(ms);
    };
    double uiOne = 0, processOne = 0, uiAll = 0, processAll = 0;
    const double drawOne = drawWith(1, uiOne, processOne);
    const double drawAll = drawWith(0, uiAll, processAll);
    std::printf("bench: draw_10m_m4_1thread %.1f ms\n", drawOne);
    std::printf("bench: draw_10m_m4_%dthreads %.1f ms ratio %.2f vs draw_10m_m4_1thread\n", cores, drawAll,
                drawOne / drawAll);
    std::printf("bench: draw_10m_m4_1thread_cpu %.1f ms\n", uiOne);
    std::printf("bench: draw_10m_m4_%dthreads_ui_thread_cpu %.1f ms ratio %.2f vs draw_10m_m4_1thread_cpu\n",
                cores, uiAll, uiOne / uiAll);
    std::printf("bench: draw_10m_m4_%dthreads_process_cpu %.1f ms\n", cores, processAll);
}

void benchDashboard()
{
    QWidget window;
    auto* grid = new QGridLayout(&window);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    std::vector<ui::TimeSeriesChart*> charts;
    for (int i = 0; i < 12; ++i) {
        auto* chart = new ui::TimeSeriesChart(&window);
        chart->setOptions(benchOptions(true));
        chart->setSeries(makeSeries(10, 3600, quint32(10 + i)), kT0, kT0 + kHourNs);
        grid->addWidget(chart, i / 4, i % 4);
        charts.push_back(chart);
    }
    window.resize(1600, 900);
    window.show();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(); // first frames rendered and cached
    QElapsedTimer warm;
    warm.start();
    while (warm.elapsed() < 200)
        QCoreApplication::processEvents();

    std::vector<double> moves, moveCpu;
    const qint64 fromMs = kT0 / 1'000'000;
    for (int step = 0; step < 300; ++step) {
        const qint64 t = fromMs + qint64(step) * 3'600'000 / 300;
        QElapsedTimer timer;
        const double c0 = threadCpuMs();
        timer.start();
        for (ui::TimeSeriesChart* c : charts)
            c->setCrosshairTime(t);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest); // paint what changed
        QCoreApplication::processEvents();
        moves.push_back(double(timer.nsecsElapsed()) / 1e6);
        moveCpu.push_back(threadCpuMs() - c0);
    }
    std::printf("bench: dashboard_crosshair_12_panels_p50 %.3f ms\n", median(moves));
    std::printf("bench: dashboard_crosshair_12_panels_p95 %.3f ms\n", percentile(moves, 0.95));
    std::printf("bench: dashboard_crosshair_12_panels_cpu_p95 %.3f ms\n", percentile(moveCpu, 0.95));

    // Pan one panel: a new range and new data for it (as a refresh delivers), to its next frame.
    std::vector<double> pans, panCpu;
    const std::vector<signalstore::SeriesSet> data = makeSeries(10, 3600, 99);
    for (int step = 0; step < 40; ++step) {
        const qint64 shift = qint64(step) * kHourNs / 200;
        std::vector<signalstore::SeriesSet> copy = data;
        QElapsedTimer timer;
        const double c0 = threadCpuMs();
        timer.start();
        charts[0]->setSeries(std::move(copy), kT0 + shift, kT0 + kHourNs + shift);
        charts[0]->repaint();
        pans.push_back(double(timer.nsecsElapsed()) / 1e6);
        panCpu.push_back(threadCpuMs() - c0);
    }
    std::printf("bench: dashboard_pan_one_panel_p95 %.2f ms\n", percentile(pans, 0.95));
    std::printf("bench: dashboard_pan_one_panel_cpu_p95 %.2f ms\n", percentile(panCpu, 0.95));

    // Refreshes: every panel's new data made on a worker (as parsing is) and handed to the UI thread
    // with a queued call per panel; meanwhile the UI thread handles events as it would for a user.
    auto* meter = static_cast<StallMeter*>(QCoreApplication::instance());
    constexpr int kRefreshes = 5;
    meter->longestMs = 0;
    meter->longestCpuMs = 0;
    meter->mostCpuMs = 0;
    meter->measuring = true;
    std::vector<double> refreshMs;
    for (int r = 0; r < kRefreshes; ++r) {
        QElapsedTimer wall;
        wall.start();
        int applied = 0; // touched on the UI thread only
        std::thread source([&charts, &applied, r] {
            for (size_t i = 0; i < charts.size(); ++i) {
                auto fresh = std::make_shared<std::vector<signalstore::SeriesSet>>(
                    makeSeries(10, 3600, quint32(1000 + r * 12 + int(i))));
                const qint64 shift = qint64(r + 1) * 5'000'000'000LL; // a 5 s refresh moves the window
                QMetaObject::invokeMethod(
                    charts[i],
                    [chart = charts[i], fresh, shift, &applied] {
                        chart->setSeries(std::move(*fresh), kT0 + shift, kT0 + kHourNs + shift);
                        ++applied;
                    },
                    Qt::QueuedConnection);
            }
        });
        while (applied < int(charts.size()))
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        source.join();
        for (int i = 0; i < 3; ++i)
            QCoreApplication::processEvents(); // the repaint of all 12 panels
        refreshMs.push_back(double(wall.nsecsElapsed()) / 1e6);
    }
    meter->measuring = false;
    std::printf(
        "bench: dashboard_refresh_12_panels_longest_ui_stall %.2f ms (over %d refreshes, %.0f ms each "
        "incl. making the data)\n",
        meter->longestMs, kRefreshes, median(refreshMs));
    std::printf("bench: dashboard_refresh_12_panels_longest_ui_stall_cpu %.2f ms (event type %d)\n",
                meter->longestCpuMs, meter->longestType);
    std::printf("bench: dashboard_refresh_12_panels_most_cpu_in_one_ui_event %.2f ms\n", meter->mostCpuMs);
}

} // namespace

int main(int argc, char** argv)
{
    StallMeter app(argc, argv);
    QFile load(QStringLiteral("/proc/loadavg"));
    if (load.open(QIODevice::ReadOnly))
        std::printf("bench: machine_load_1min %s load (2 cores; other builds running)\n",
                    load.readAll().split(' ').value(0).constData());
    // An argument picks one part: 1m, 10m or dashboard.
    const QString only = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (only.isEmpty() || only == u"1m")
        benchOneMillion();
    if (only.isEmpty() || only == u"10m")
        benchTenMillion();
    if (only.isEmpty() || only == u"dashboard")
        benchDashboard();
    return 0;
}
