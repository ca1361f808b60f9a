#include "ReceiverTypes.h"

#include <QCoreApplication>

namespace wf::receiver {

QByteArrayView signalPath(Signal signal)
{
    switch (signal) {
    case Signal::Traces:
        return "/v1/traces";
    case Signal::Logs:
        return "/v1/logs";
    case Signal::Metrics:
        return "/v1/metrics";
    }
    return {};
}

QString signalName(Signal signal)
{
    switch (signal) {
    case Signal::Traces:
        return QCoreApplication::translate("OtlpReceiver", "Traces");
    case Signal::Logs:
        return QCoreApplication::translate("OtlpReceiver", "Logs");
    case Signal::Metrics:
        return QCoreApplication::translate("OtlpReceiver", "Metrics");
    }
    return {};
}

QString rejectReasonName(RejectReason reason)
{
    switch (reason) {
    case RejectReason::Malformed:
        return QCoreApplication::translate("OtlpReceiver", "Malformed");
    case RejectReason::TooLarge:
        return QCoreApplication::translate("OtlpReceiver", "Too large");
    case RejectReason::UnsupportedMedia:
        return QCoreApplication::translate("OtlpReceiver", "Unsupported media type");
    case RejectReason::Unauthorized:
        return QCoreApplication::translate("OtlpReceiver", "Unauthorized");
    case RejectReason::Overloaded:
        return QCoreApplication::translate("OtlpReceiver", "Overloaded");
    case RejectReason::Timeout:
        return QCoreApplication::translate("OtlpReceiver", "Timed out");
    case RejectReason::NotFound:
        return QCoreApplication::translate("OtlpReceiver", "Unknown path or method");
    case RejectReason::Unavailable:
        return QCoreApplication::translate("OtlpReceiver", "Decoder unavailable");
    }
    return {};
}

} // namespace wf::receiver
