#include "LiveTelemetry.h"

#include "receiver/BackpressureDecoder.h"
#include "receiver/DefaultDecoder.h"
#include "receiver/OtlpReceiver.h"
#include "signalstore/SeriesStore.h"
#include "signalstore/SignalStore.h"

#include <QDateTime>
#include <QDir>
#include <QRandomGenerator>

namespace wf::live {

namespace {

constexpr qint64 kMaxSeries = 20'000;

QByteArray randomToken()
{
    // 24 random bytes as base64url: token68-safe and far beyond guessing.
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

LiveTelemetry::LiveTelemetry(const LiveTelemetryConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_receiver(new receiver::OtlpReceiver(this))
{
    m_statsTimer.setInterval(1000);
    connect(&m_statsTimer, &QTimer::timeout, this, &LiveTelemetry::sampleStats);
}

LiveTelemetry::~LiveTelemetry()
{
    stop();
}

bool LiveTelemetry::start(QString* error)
{
    if (!openStores(error))
        return false;
    if (!bindReceiver(error))
        return false;
    m_spanSamples = {{QDateTime::currentMSecsSinceEpoch(), 0}};
    m_statsTimer.start();
    return true;
}

bool LiveTelemetry::openStores(QString* error)
{
    if (m_signals)
        return true;
    QString storeError;
    m_signals = signalstore::SignalStore::open(QDir(m_config.folder).filePath(m_config.storeFileName),
                                               signalstore::SignalStoreLimits{}, &storeError);
    if (!m_signals) {
        *error = tr("Could not open the signal store for received telemetry: %1").arg(storeError);
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
    return true;
}

bool LiveTelemetry::bindReceiver(QString* error)
{
    receiver::ReceiverConfig rc;
    rc.port = m_config.port;
    if (m_config.listenOnAllInterfaces) {
        rc.address = QHostAddress(QHostAddress::Any);
        rc.allowNonLoopback = true;
        if (m_config.bearerToken.isEmpty())
            m_config.bearerToken = randomToken();
        rc.bearerToken = m_config.bearerToken;
    }
    m_receiver->setConfig(rc);
    if (m_receiver->start())
        return true;
    const QString firstError = m_receiver->errorString();
    if (!m_config.anyPortIfTaken || m_config.port == 0) {
        *error = tr("Watchfloor's OTLP receiver is off: %1").arg(firstError);
        return false;
    }
    rc.port = 0;
    m_receiver->setConfig(rc);
    if (!m_receiver->start()) {
        *error = tr("Could not start the OTLP receiver on port %1 (%2) nor on any other port: %3")
                     .arg(m_config.port)
                     .arg(firstError, m_receiver->errorString());
        return false;
    }
    m_fallback = true;
    return true;
}

bool LiveTelemetry::receiverRunning() const
{
    return m_receiver->isRunning();
}

void LiveTelemetry::stop()
{
    // The port first, so nothing new arrives; the stores last, after writing what is queued.
    m_statsTimer.stop();
    m_receiver->stop();
    if (m_signals)
        m_signals->flush();
}

QString LiveTelemetry::endpointText() const
{
    const QString host =
        m_config.listenOnAllInterfaces ? QStringLiteral("0.0.0.0") : QStringLiteral("127.0.0.1");
    return QStringLiteral("%1:%2").arg(host).arg(m_receiver->isRunning() ? m_receiver->port()
                                                                         : m_config.port);
}

void LiveTelemetry::noteData()
{
    if (m_sawData)
        return;
    m_sawData = true;
    Q_EMIT firstDataArrived();
}

void LiveTelemetry::sampleStats()
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

} // namespace wf::live
