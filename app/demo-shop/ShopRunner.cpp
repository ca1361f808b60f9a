#include "ShopRunner.h"

#include "OtlpSender.h"
#include "demo/OtlpJsonWriter.h"
#include "demo/ShopSimulation.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <span>

using namespace Qt::StringLiterals;

namespace wf::demoshop {

namespace {

// Like the JS SDK's BatchSpanProcessor (maxExportBatchSize 512): at high --speed one second of
// wall time holds many simulated seconds, and one huge body would hit receivers' size limits.
constexpr qsizetype kMaxItemsPerRequest = 512;
constexpr int kDrainWaitMs = 3000;

} // namespace

ShopRunner::ShopRunner(demo::ShopSimulation& simulation, OtlpSender& sender, double speed, double durationS,
                       QObject* parent)
    : QObject(parent)
    , m_simulation(simulation)
    , m_sender(sender)
    , m_speed(speed)
    , m_durationNs(static_cast<qint64>(std::llround(durationS * demo::kNanosPerSecond)))
{
    m_advanceTimer.setInterval(200);
    m_flushTimer.setInterval(1000);
    connect(&m_advanceTimer, &QTimer::timeout, this, &ShopRunner::advance);
    connect(&m_flushTimer, &QTimer::timeout, this, &ShopRunner::flush);
}

void ShopRunner::start()
{
    m_clock.start();
    m_advanceTimer.start();
    m_flushTimer.start();
}

void ShopRunner::advance()
{
    if (m_finishing)
        return;
    qint64 target = static_cast<qint64>(static_cast<double>(m_clock.nsecsElapsed()) * m_speed);
    const bool done = m_durationNs > 0 && target >= m_durationNs;
    if (done)
        target = m_durationNs;
    m_simulation.advanceTo(target);
    if (done)
        finish();
}

void ShopRunner::flush()
{
    const demo::TelemetryBatch batch = m_simulation.takeBatch();
    for (qsizetype i = 0; i < batch.spans.size(); i += kMaxItemsPerRequest) {
        const auto n = static_cast<size_t>(std::min(kMaxItemsPerRequest, batch.spans.size() - i));
        m_sender.enqueue(u"/v1/traces"_s,
                         demo::OtlpJsonWriter::traces(batch, std::span(batch.spans.constData() + i, n)));
    }
    for (qsizetype i = 0; i < batch.logs.size(); i += kMaxItemsPerRequest) {
        const auto n = static_cast<size_t>(std::min(kMaxItemsPerRequest, batch.logs.size() - i));
        m_sender.enqueue(u"/v1/logs"_s,
                         demo::OtlpJsonWriter::logs(batch, std::span(batch.logs.constData() + i, n)));
    }
    if (!batch.metrics.isEmpty())
        m_sender.enqueue(u"/v1/metrics"_s, demo::OtlpJsonWriter::metrics(batch));
}

void ShopRunner::finish()
{
    m_finishing = true;
    m_advanceTimer.stop();
    m_flushTimer.stop();
    flush();
    if (m_sender.isIdle()) {
        Q_EMIT finished();
        return;
    }
    // Give the last POSTs a moment; a dead receiver must not keep the process alive.
    auto once = [this, emitted = std::make_shared<bool>(false)] {
        if (!std::exchange(*emitted, true))
            Q_EMIT finished();
    };
    connect(&m_sender, &OtlpSender::idle, this, once);
    QTimer::singleShot(kDrainWaitMs, this, once);
}

} // namespace wf::demoshop
