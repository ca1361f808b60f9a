#pragma once

#include "DemoShopProcess.h"
#include "live/LiveTelemetry.h"
#include "receiver/ReceiverStats.h"

#include <QObject>
#include <QString>

#include <memory>

namespace wf::signalstore {
class SeriesStore;
class SignalStore;
} // namespace wf::signalstore
namespace wf::receiver {
class OtlpReceiver;
}

namespace wf::demo {

struct DemoSessionConfig
{
    QString folder;               // the signal store file goes here (the demo's temporary folder)
    QString shopProgram;          // empty: demoShopProgram()
    quint16 preferredPort = 4318; // the OTLP/HTTP default; 0 or taken: any free port
    double failureAfterS = 60.0;
    double speed = 1.0;
    quint64 seed = 1;
    qint64 seriesRetentionNs = 30LL * 60 * 1'000'000'000;
};

// What `watchfloor --demo` runs behind the window: the normal app's LiveTelemetry (our OTLP receiver
// on loopback, the signal store and the series store it feeds) and the simulated shop as a child
// process sending to it. QtCore only, so it runs headless in tests. Stopping (or destroying) the
// session stops the shop first.
class DemoSession : public QObject
{
    Q_OBJECT
public:
    explicit DemoSession(const DemoSessionConfig& config, QObject* parent = nullptr);
    ~DemoSession() override; // stop()

    // Opens the stores, binds the receiver and starts the shop. False with a message for the user
    // when the stores or the receiver cannot be had; the shop's own failures arrive as shopExited.
    bool start(QString* error);
    void stop();
    void restartShop();

    live::LiveTelemetry* telemetry() const { return m_live; }
    signalstore::SignalStore* signalStore() const { return m_live->signalStore(); }
    std::shared_ptr<const signalstore::SeriesStore> seriesStore() const { return m_live->seriesStore(); }
    receiver::OtlpReceiver* receiver() const { return m_live->receiver(); }
    DemoShopProcess* shop() const { return m_shop; }
    const DemoSessionConfig& config() const { return m_config; }

    QString endpointText() const { return m_live->endpointText(); } // "127.0.0.1:4318"
    // The preferred port was taken by someone else, so the receiver listens on another one.
    bool usedFallbackPort() const { return m_live->usedFallbackPort(); }
    qint64 metricPointsRefused() const { return m_live->metricPointsRefused(); }

Q_SIGNALS:
    void firstDataArrived();
    // Once a second while running: the receiver's counters and accepted spans per second over the
    // last few seconds (the shop sends once a second, so a one-second rate would flicker to zero).
    void statsUpdated(const wf::receiver::ReceiverStatsSnapshot& stats, double spansPerSecond);
    void shopRunning(const QUrl& controlUrl);
    void shopExited(bool expected, const QString& description);

private:
    void startShop();

    DemoSessionConfig m_config;
    live::LiveTelemetry* m_live;
    DemoShopProcess* m_shop;
};

} // namespace wf::demo
