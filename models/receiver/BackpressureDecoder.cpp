#include "BackpressureDecoder.h"

#include <QCoreApplication>

namespace wf::receiver {

Decoder withBackpressure(Decoder inner, std::function<bool()> busy)
{
    return [inner = std::move(inner), busy = std::move(busy)](Signal signal, QByteArrayView body,
                                                              ContentType type) {
        if (signal != Signal::Metrics && busy && busy()) {
            DecodeOutcome o;
            o.status = DecodeOutcome::Status::Unavailable;
            o.errorMessage =
                QCoreApplication::translate("OtlpReceiver", "the local store is catching up; retry shortly");
            return o;
        }
        return inner(signal, body, type);
    };
}

} // namespace wf::receiver
