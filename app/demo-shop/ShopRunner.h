#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace wf::demo {
class ShopSimulation;
}

namespace wf::demoshop {

class OtlpSender;

// Drives the clock-free simulation from the wall clock: every 200 ms it advances simulated time to
// elapsed x speed, every second it encodes what was released and hands the three bodies to the
// sender. With a duration it stops at that simulated time, sends the last batch, waits briefly for
// the sender, and finishes.
class ShopRunner : public QObject
{
    Q_OBJECT
public:
    ShopRunner(demo::ShopSimulation& simulation, OtlpSender& sender, double speed, double durationS,
               QObject* parent = nullptr);

    void start();

Q_SIGNALS:
    void finished();

private:
    void advance();
    void flush();
    void finish();

    demo::ShopSimulation& m_simulation;
    OtlpSender& m_sender;
    double m_speed = 1;
    qint64 m_durationNs = 0;
    QElapsedTimer m_clock;
    QTimer m_advanceTimer;
    QTimer m_flushTimer;
    bool m_finishing = false;
};

} // namespace wf::demoshop
