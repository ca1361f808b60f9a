#pragma once

#include "DemoShopProcess.h"
#include "receiver/ReceiverStats.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <deque>
#include <memory>
#include <utility>

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

// What `watchfloor --demo` runs behind the window: our OTLP receiver on loopback, the signal store
// and the series store it feeds, and the simulated shop as a child process sending to it. QtCore
// only, so it runs headless in tests. Stopping (or destroying) the session stops the shop first.
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

    signalstore::SignalStore* signalStore() const { return m_signals.get(); }
    std::shared_ptr<const signalstore::SeriesStore> seriesStore() const { return m_series; }
    receiver::OtlpReceiver* receiver() const { return m_receiver; }
    DemoShopProcess* shop() const { return m_shop; }
    const DemoSessionConfig& config() const { return m_config; }

    QString endpointText() const; // "127.0.0.1:4318"
    // The preferred port was taken by someone else, so the receiver listens on another one.
    bool usedFallbackPort() const { return m_fallback; }
    qint64 metricPointsRefused() const { return m_pointsRefused; }

Q_SIGNALS:
    void firstDataArrived();
    // Once a second while running: the receiver's counters and accepted spans per second over the
    // last few seconds (the shop sends once a second, so a one-second rate would flicker to zero).
    void statsUpdated(const wf::receiver::ReceiverStatsSnapshot& stats, double spansPerSecond);
    void shopRunning(const QUrl& controlUrl);
    void shopExited(bool expected, const QString& description);

private:
    bool bindReceiver(QString* error);
    void startShop();
    void noteData();
    void sampleStats();

    DemoSessionConfig m_config;
    std::unique_ptr<signalstore::SignalStore> m_signals;
    std::shared_ptr<signalstore::SeriesStore> m_series;
    receiver::OtlpReceiver* m_receiver;
    DemoShopProcess* m_shop;
    QTimer m_statsTimer;
    std::deque<std::pair<qint64, qint64>> m_spanSamples; // (ms since epoch, spans accepted so far)
    qint64 m_pointsRefused = 0;
    bool m_fallback = false;
    bool m_sawData = false;
};

} // namespace wf::demo
