#include "DefaultDecoder.h"

#include "DecodeJob.h"
#include "otlp/OtlpJson.h"
#include "otlp/OtlpProtobuf.h"

#include <QHash>

namespace wf::receiver {

namespace {

// Accepted items per service.name: counted per resource first (a batch has few resources and many
// items), then summed by name.
template<typename BatchT, typename Items, typename Weight>
QList<std::pair<QString, qint64>> perService(const BatchT& batch, const Items& items, Weight weight)
{
    std::vector<qint64> perResource(batch.resources().size() + 1, 0);
    for (const auto& item : items) {
        const auto idx = size_t(item.resourceIndex);
        perResource[item.resourceIndex >= 0 && idx < batch.resources().size() ? idx
                                                                              : batch.resources().size()] +=
            weight(item);
    }
    QHash<QString, qint64> byName;
    for (size_t i = 0; i < perResource.size(); ++i) {
        if (perResource[i] == 0)
            continue;
        const QString name = i < batch.resources().size() ? batch.resources()[i].serviceName()
                                                          : QStringLiteral("unknown_service");
        byName[name] += perResource[i];
    }
    QList<std::pair<QString, qint64>> out;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it)
        out.append({it.key(), it.value()});
    return out;
}

template<typename Result>
DecodeOutcome outcomeOf(Result&& r)
{
    DecodeOutcome o;
    if (r.malformed) {
        o.status = DecodeOutcome::Status::Malformed;
        o.errorMessage = r.englishErrorText();
        return o;
    }
    o.acceptedItems = r.accepted;
    o.rejectedItems = r.rejected;
    if (r.rejected > 0)
        o.errorMessage = r.englishErrorText();
    return o;
}

} // namespace

Decoder defaultDecoder()
{
    return [](Signal signal, QByteArrayView body, ContentType type) -> DecodeOutcome {
        DecodeOutcome o;
        const bool protobuf = type == ContentType::Protobuf;
        switch (signal) {
        case Signal::Traces: {
            auto r = protobuf ? otlp::decodeTracesProtobuf(body) : otlp::decodeTracesJson(body);
            o = outcomeOf(r);
            if (o.status == DecodeOutcome::Status::Ok) {
                o.itemsPerService =
                    perService(r.batch, r.batch.spans(), [](const auto&) { return qint64(1); });
                o.batch = std::make_shared<const telemetry::SpanBatch>(std::move(r.batch));
            }
            return o;
        }
        case Signal::Logs: {
            auto r = protobuf ? otlp::decodeLogsProtobuf(body) : otlp::decodeLogsJson(body);
            o = outcomeOf(r);
            if (o.status == DecodeOutcome::Status::Ok) {
                o.itemsPerService =
                    perService(r.batch, r.batch.records(), [](const auto&) { return qint64(1); });
                o.batch = std::make_shared<const telemetry::LogBatch>(std::move(r.batch));
            }
            return o;
        }
        case Signal::Metrics: {
            auto r = protobuf ? otlp::decodeMetricsProtobuf(body) : otlp::decodeMetricsJson(body);
            o = outcomeOf(r);
            if (o.status == DecodeOutcome::Status::Ok) {
                o.itemsPerService = perService(r.batch, r.batch.metrics(), [](const telemetry::Metric& m) {
                    return qint64(m.pointCount());
                });
                o.batch = std::make_shared<const telemetry::MetricBatch>(std::move(r.batch));
            }
            return o;
        }
        }
        return o;
    };
}

} // namespace wf::receiver
