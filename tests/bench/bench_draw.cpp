// Benchmark: drawing through the chart adapter (widgets/charts/TimeSeriesChart), offscreen, antialiasing
// off, each figure to a finished frame (the widget rendered into an image with grab()).
//  (a) 1 M points of one series: every point handed to Qt Charts vs M4-decimated to the plot's width.
//  (b) 10 M points (100 series x 100,000): M4 on one thread vs all cores, then decimation + draw.
//  (c) a dashboard of 12 charts x 10 series x 3,600 points in one window: the shared crosshair moved
//      across all 12 (set + repaint of what changed), and one panel panned (new range, new frame).
// Times are wall-clock; the median of several runs unless said otherwise.

#include "analysis/M4Decimator.h"
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

double lastCpuMs = 0; // of the last drawOnce()

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

ui::ChartOptions benchOptions(bool decimate)
{
    ui::ChartOptions o;
    o.antialiasing = false;
    o.decimate = decimate;
    return o;
}

// setSeries (data moved in, as a worker's result would be) through to a rendered frame.
double drawOnce(ui::TimeSeriesChart& chart, const std::vector<signalstore::SeriesSet>& data)
{
    std::vector<signalstore::SeriesSet> copy = data; // outside the clock
    QElapsedTimer t;
    const double cpu0 = threadCpuMs();
    t.start();
    chart.setSeries(std::move(copy), kT0, kT0 + kHourNs);
    const QPixmap frame = chart.grab();
    const double ms = double(t.nsecsElapsed()) / 1e6;
    lastCpuMs = threadCpuMs() - cpu0;
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
    std::printf("bench: draw_1m_raw %.1f ms\n", r);
    std::printf("bench: draw_1m_m4 %.2f ms ratio %.1f vs draw_1m_raw\n", d, r / d);
    std::printf("bench: draw_1m_m4_points_to_qtcharts %lld points\n", qlonglong(m4.drawnPointCount()));
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
    const double one = time(1);
    std::printf("bench: decimate_10m_1thread_cpu %.1f ms (%.2f ns per point)\n", cpuOne, cpuOne * 1e6 / 1e7);
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const double all = time(0);
    std::printf("bench: decimate_10m_1thread %.1f ms\n", one);
    std::printf("bench: decimate_10m_%dthreads %.1f ms ratio %.2f vs decimate_10m_1thread\n", cores, all,
                one / all);

    ui::TimeSeriesChart chart;
    chart.resize(1000, 400);
    ui::ChartOptions o = benchOptions(true);
    o.legendStats = true;
    chart.setOptions(o);
    drawOnce(chart, data);
    std::vector<double> ms, cpu;
    for (int i = 0; i < 5; ++i) {
        ms.push_back(drawOnce(chart, data));
        cpu.push_back(lastCpuMs);
    }
    std::printf("bench: draw_10m_m4 %.1f ms\n", median(ms));
    std::printf("bench: draw_10m_m4_ui_thread_cpu %.1f ms\n", median(cpu));
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
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
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
