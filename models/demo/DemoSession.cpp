#include "DemoSession.h"

#include "receiver/OtlpReceiver.h"

namespace wf::demo {

namespace {

live::LiveTelemetryConfig telemetryConfig(const DemoSessionConfig& config)
{
    live::LiveTelemetryConfig c;
    c.folder = config.folder;
    c.port = config.preferredPort;
    // Most likely a collector or another Watchfloor already has 4318: any free port serves the demo,
    // whose only sender is our own child.
    c.anyPortIfTaken = true;
    c.seriesRetentionNs = config.seriesRetentionNs;
    return c;
}

} // namespace

DemoSession::DemoSession(const DemoSessionConfig& config, QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_live(new live::LiveTelemetry(telemetryConfig(config), this))
    , m_shop(new DemoShopProcess(this))
{
    if (m_config.shopProgram.isEmpty())
        m_config.shopProgram = demoShopProgram();
    connect(m_live, &live::LiveTelemetry::firstDataArrived, this, &DemoSession::firstDataArrived);
    connect(m_live, &live::LiveTelemetry::statsUpdated, this, &DemoSession::statsUpdated);
    connect(m_shop, &DemoShopProcess::running, this, &DemoSession::shopRunning);
    connect(m_shop, &DemoShopProcess::exited, this, &DemoSession::shopExited);
}

DemoSession::~DemoSession()
{
    stop();
}

bool DemoSession::start(QString* error)
{
    if (!m_live->start(error))
        return false;
    startShop();
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
    if (!m_live->receiverRunning())
        return;
    // A restarted shop begins its scenario again from the start, on a new seed so it is not a replay.
    ++m_config.seed;
    startShop();
}

void DemoSession::stop()
{
    // The shop first, so nothing is sent to a closed port; then the receiver and the stores.
    m_shop->stopAndWait();
    m_live->stop();
}

} // namespace wf::demo
