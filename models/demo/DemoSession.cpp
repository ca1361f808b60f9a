#include "DemoSession.h"

#include "receiver/BackpressureDecoder.h"
#include "receiver/DefaultDecoder.h"
#include "receiver/OtlpReceiver.h"
#include "signalstore/SeriesStore.h"
#include "signalstore/SignalStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>

namespace wf::demo {

namespace {

constexpr qint64 kMaxSeries = 20'000;

} // namespace

DemoSession::DemoSession(const DemoSessionConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_receiver(new receiver::OtlpReceiver(this))
    , m_shop(new DemoShopProcess(this))
{
    if (m_config.shopProgram.isEmpty())
        m_config.shopProgram = demoShopProgram();
    m_statsTimer.setInterval(1000);
    connect(&m_statsTimer, &QTimer::timeout, this, &DemoSession::sampleStats);
    connect(m_shop, &DemoShopProcess::running, this, &DemoSession::shopRunning);
    connect(m_shop, &DemoShopProcess::exited, this, &DemoSession::shopExited);
}

DemoSession::~DemoSession()
{
    stop();
}

bool DemoSession::start(QString* error)
{
    QString storeError;
    m_signals =
        signalstore::SignalStore::open(QDir(m_config.folder).filePath(QStringLiteral("signals.sqlite")),
                                       signalstore::SignalStoreLimits{}, &storeError);
    if (!m_signals) {
        *error = tr("Could not create the demo's signal store: %1").arg(storeError);
        return false;
    }
    m_series = std::make_shared<signalstore::SeriesStore>(m_config.seriesRetentionNs, kMaxSeries);

    // Straight from the receiver into the stores: ingest() queues to the store's writer thread, and
    // append() is an in-memory copy under the series store's lock.
    connect(m_receiver, &receiver::OtlpReceiver::tracesReceived, this,
            [this](std::shared_ptr<const telemetry::SpanBatch> batch) {
                m_signals->ingest(std::move(batch));
                noteData();
            });
    connect(m_receiver, &receiver::OtlpReceiver::logsReceived, this,
            [this](std::shared_ptr<const telemetry::LogBatch> batch) {
                m_signals->ingest(std::move(batch));
                noteData();
            });
    connect(m_receiver, &receiver::OtlpReceiver::metricsReceived, this,
            [this](std::shared_ptr<const telemetry::MetricBatch> batch) {
                qint64 refused = 0;
                m_series->append(*batch, &refused);
                m_pointsRefused += refused;
                noteData();
            });

    // A store that cannot keep up answers 503 (senders retry) rather than 200 for data it then drops.
    // The receiver stops before the stores go (stop()), so the raw pointer never dangles.
    const signalstore::SignalStore* store = m_signals.get();
    const qint64 highWater = signalstore::SignalStoreLimits{}.maxQueuedItems * 8 / 10;
    m_receiver->setDecoder(receiver::withBackpressure(
        receiver::defaultDecoder(), [store, highWater] { return store->stats().queuedItems >= highWater; }));

    if (!bindReceiver(error))
        return false;
    m_spanSamples = {{QDateTime::currentMSecsSinceEpoch(), 0}};
    m_statsTimer.start();
    startShop();
    return true;
}

bool DemoSession::bindReceiver(QString* error)
{
    receiver::ReceiverConfig rc;
    rc.port = m_config.preferredPort;
    m_receiver->setConfig(rc);
    if (m_receiver->start())
        return true;
    if (m_config.preferredPort == 0) {
        *error = tr("Could not start the OTLP receiver: %1").arg(m_receiver->errorString());
        return false;
    }
    // Most likely a collector or another Watchfloor already has 4318: any free port serves the demo,
    // whose only sender is our own child.
    const QString firstError = m_receiver->errorString();
    rc.port = 0;
    m_receiver->setConfig(rc);
    if (!m_receiver->start()) {
        *error = tr("Could not start the OTLP receiver on port %1 (%2) nor on any other port: %3")
                     .arg(m_config.preferredPort)
                     .arg(firstError, m_receiver->errorString());
        return false;
    }
    m_fallback = true;
    return true;
}

void DemoSession::startShop()
{
    DemoShopLaunch launch;
    launch.program = m_config.shopProgram;
    launch.endpoint = QUrl(QStringLiteral("http://%1").arg(endpointText()));
    launch.seed = m_config.seed;
    launch.speed = m_config.speed;
    launch.failureAfterS = m_config.failureAfterS;
    m_shop->start(launch);
}

void DemoSession::restartShop()
{
    if (!m_receiver->isRunning())
        return;
    // A restarted shop begins its scenario again from the start, on a new seed so it is not a replay.
    ++m_config.seed;
    startShop();
}

void DemoSession::stop()
{
    // The shop first, so nothing is sent to a closed port; then the receiver; the stores last, after
    // writing what is queued.
    m_statsTimer.stop();
    m_shop->stopAndWait();
    m_receiver->stop();
    if (m_signals)
        m_signals->flush();
}

QString DemoSession::endpointText() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_receiver->port());
}

void DemoSession::noteData()
{
    if (m_sawData)
        return;
    m_sawData = true;
    Q_EMIT firstDataArrived();
}

void DemoSession::sampleStats()
{
    const receiver::ReceiverStatsSnapshot s = m_receiver->stats();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 spans = s.of(receiver::Signal::Traces).acceptedItems;
    constexpr size_t kWindow = 5; // samples, about seconds
    m_spanSamples.emplace_back(now, spans);
    while (m_spanSamples.size() > kWindow + 1)
        m_spanSamples.pop_front();
    const auto& [thenMs, thenSpans] = m_spanSamples.front();
    const double seconds = double(std::max<qint64>(1, now - thenMs)) / 1000.0;
    Q_EMIT statsUpdated(s, double(spans - thenSpans) / seconds);
}

} // namespace wf::demo
