#include "DecodeJob.h"

#include <exception>

namespace wf::receiver {

QString protobufUnsupportedMessage()
{
    return QStringLiteral("protobuf not supported; set OTEL_EXPORTER_OTLP_PROTOCOL=http/json");
}

DecodeJobResult runDecodeJob(const DecodeJob& job)
{
    DecodeJobResult result;
    QByteArray inflated;
    QByteArrayView body = job.body;
    if (job.encoding != ContentEncoding::Identity) {
        InflateResult r = inflateBody(
            job.body, job.encoding == ContentEncoding::Gzip ? Compression::Gzip : Compression::Deflate,
            job.inflate);
        if (!r.ok()) {
            const bool tooLarge = r.error == InflateError::TooLarge;
            result.reason = tooLarge ? RejectReason::TooLarge : RejectReason::Malformed;
            result.response =
                otlpError(tooLarge ? 413 : 400, job.contentType, QString::fromLatin1(r.message));
            return result;
        }
        inflated = std::move(r.data);
        body = inflated;
    }
    result.decodedBytes = body.size();

    if (!job.decoder || !*job.decoder) {
        result.reason = RejectReason::Unavailable;
        result.response =
            withRetryAfter(otlpError(503, job.contentType, QStringLiteral("decoder not available")));
        return result;
    }

    // A decoder is third-party code as far as the receiver is concerned: an exception (bad_alloc on a
    // hostile body included) becomes a 500 for this request, never a dead receiver thread.
    try {
        result.outcome = (*job.decoder)(job.signal, body, job.contentType);
    } catch (const std::exception& e) {
        result.reason = RejectReason::Unavailable;
        result.response = otlpError(500, job.contentType,
                                    QStringLiteral("decoder failed: ") + QString::fromLocal8Bit(e.what()));
        return result;
    } catch (...) {
        result.reason = RejectReason::Unavailable;
        result.response = otlpError(500, job.contentType, QStringLiteral("decoder failed"));
        return result;
    }

    const DecodeOutcome& o = result.outcome;
    switch (o.status) {
    case DecodeOutcome::Status::Ok:
        result.accepted = true;
        result.response = otlpSuccess(job.signal, job.contentType, o.rejectedItems, o.errorMessage);
        break;
    case DecodeOutcome::Status::Malformed:
        result.reason = RejectReason::Malformed;
        result.response =
            otlpError(400, job.contentType,
                      o.errorMessage.isEmpty() ? QStringLiteral("malformed request") : o.errorMessage);
        break;
    case DecodeOutcome::Status::Unsupported: {
        result.reason = RejectReason::UnsupportedMedia;
        const QString message = o.errorMessage.isEmpty() && job.contentType == ContentType::Protobuf
                                    ? protobufUnsupportedMessage()
                                    : o.errorMessage;
        // A client whose encoding we cannot decode may not be able to read a Status in it either.
        result.response = job.contentType == ContentType::Protobuf ? plainError(415, message.toUtf8())
                                                                   : otlpError(415, job.contentType, message);
        break;
    }
    case DecodeOutcome::Status::Unavailable:
        result.reason = RejectReason::Unavailable;
        result.response = withRetryAfter(
            otlpError(503, job.contentType,
                      o.errorMessage.isEmpty() ? QStringLiteral("decoder not available") : o.errorMessage));
        break;
    }
    if (!result.accepted)
        result.outcome.batch = {};
    return result;
}

} // namespace wf::receiver
