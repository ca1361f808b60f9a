#pragma once
// Shared by the Prometheus-API client tests (real Prometheus, VictoriaMetrics, loopback replays): a box
// an asynchronous answer lands in, and a label lookup in a series' label set.
#include "prometheus/PromApiTypes.h"

#include <QString>
#include <QTest>
#include <QThread>

#include <functional>
#include <optional>

namespace wf::test {

template<typename R>
struct AnswerBox
{
    std::optional<R> value;
    int calls = 0;
    QThread* thread = nullptr; // the thread the answer was delivered on
    std::function<void(R)> callback()
    {
        return [this](R r) {
            value = std::move(r);
            thread = QThread::currentThread();
            ++calls;
        };
    }
    // Bounded: a client that never answers fails the test instead of hanging it.
    bool wait(int ms = 10000)
    {
        return QTest::qWaitFor([this] { return calls > 0; }, ms);
    }
};

inline QString labelValue(const prometheus::LabelSet& labels, const QString& key)
{
    for (const auto& [k, v] : labels)
        if (k == key)
            return v;
    return {};
}

} // namespace wf::test
