// Fuzzes the receiver's request path up to the decoder: the incremental HTTP/1.1 parser (fed in
// pieces whose size the input chooses, so byte-at-a-time states are reached), the head-time policy,
// response encoding and bounded gunzip. Checks invariants, not just absence of crashes: consumed bytes
// never exceed what was given, a completed request's body never exceeds the cap, buffered bytes stay
// within the limits, and only the statuses the parser documents come out.

#include "receiver/DecodeJob.h"
#include "receiver/DefaultDecoder.h"
#include "receiver/Gunzip.h"
#include "receiver/HttpRequestParser.h"
#include "receiver/HttpResponse.h"
#include "receiver/OtlpRouter.h"

#include <cstdint>
#include <cstdlib>

using namespace wf::receiver;

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

bool documentedStatus(int s)
{
    return s == 400 || s == 413 || s == 414 || s == 417 || s == 431 || s == 501 || s == 505;
}

// A request the policy lets through goes to the stock decoder (JSON or protobuf, as the sender said),
// as the receiver would hand it: only OTLP answers may come back, and only a 200 delivers a batch.
void decodeRouted(const HttpRequest& request)
{
    const Route route = routeRequest(request, "token");
    if (route.kind != Route::Kind::Otlp)
        return;
    static const auto decoder = std::make_shared<const Decoder>(defaultDecoder());
    DecodeJob job;
    job.signal = route.signal;
    job.contentType = route.contentType;
    job.encoding = route.encoding;
    job.body = request.body;
    job.inflate.maxOutputBytes = 256 * 1024;
    job.decoder = decoder;
    const DecodeJobResult jr = runDecodeJob(job);
    const int s = jr.response.status;
    check(s == 200 || s == 400 || s == 413);
    check(jr.accepted == (s == 200));
    check(jr.accepted || std::holds_alternative<std::monostate>(jr.outcome.batch));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    // First byte: piece size (1..64, or everything at once when 0).
    const qsizetype step = data[0] % 65;
    const QByteArrayView input(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));

    HttpParserLimits limits; // small, so the caps are reachable by the fuzzer
    limits.maxRequestLine = 256;
    limits.maxHeaderBytes = 512;
    limits.maxHeaderCount = 8;
    limits.maxBodyBytes = 1024;
    limits.maxChunkLine = 64;
    limits.maxTrailerBytes = 128;
    const qint64 lineBound = std::max({limits.maxRequestLine, limits.maxHeaderBytes, limits.maxChunkLine,
                                       limits.maxTrailerBytes}) +
                             1;

    HttpRequestParser parser(limits);
    const qsizetype n = step == 0 ? std::max<qsizetype>(1, input.size()) : step;
    bool failed = false;
    int requests = 0;
    const auto feedPiece = [&](QByteArrayView piece) {
        qsizetype offset = 0;
        for (int guard = 0; guard < 100000; ++guard) {
            qsizetype used = -1;
            const auto p = parser.feed(piece.sliced(offset), &used);
            check(used >= 0 && used <= piece.size() - offset);
            offset += used;
            check(parser.bufferedBytes() <= lineBound + limits.maxBodyBytes);
            switch (p) {
            case HttpRequestParser::Progress::Failed:
                check(documentedStatus(parser.errorStatus()));
                check(!parser.errorReason().isEmpty());
                check(!reasonPhrase(parser.errorStatus()).isEmpty());
                failed = true;
                return;
            case HttpRequestParser::Progress::HeadersDone: {
                const HttpRequest& head = parser.head();
                check(head.headers.size() <= limits.maxHeaderCount);
                check(head.framing != BodyFraming::ContentLength ||
                      head.contentLength <= limits.maxBodyBytes);
                const Route r = routeRequest(head, "token");
                if (r.kind == Route::Kind::Reject)
                    check(r.response.status >= 400 &&
                          !serializeResponse(r.response, head.keepAlive).isEmpty());
                continue;
            }
            case HttpRequestParser::Progress::Done: {
                const HttpRequest r = parser.takeRequest();
                check(r.body.size() <= limits.maxBodyBytes);
                check(r.framing != BodyFraming::ContentLength || r.body.size() == r.contentLength);
                check(parser.atRequestStart());
                ++requests;
                decodeRouted(r);
                continue;
            }
            case HttpRequestParser::Progress::NeedMore:
                check(offset == piece.size());
                return;
            }
        }
        check(false); // the parser must never spin without consuming or finishing
    };
    for (qsizetype pos = 0; pos < input.size() && !failed; pos += n)
        feedPiece(input.sliced(pos, std::min(n, input.size() - pos)));
    if (!failed)
        feedPiece({});

    // The same bytes as a compressed body, with small caps.
    InflateLimits inflate;
    inflate.maxOutputBytes = 256 * 1024;
    inflate.ratioFloorBytes = 16 * 1024;
    for (const Compression c : {Compression::Gzip, Compression::Deflate}) {
        const InflateResult r = inflateBody(input, c, inflate);
        check(r.data.size() <= inflate.maxOutputBytes);
        check(r.ok() == r.message.isEmpty());
        check(r.ok() || r.data.isEmpty());
    }
    // And through the whole decode step with no decoder wired.
    DecodeJob job;
    job.encoding = (data[0] & 0x80) ? ContentEncoding::Gzip : ContentEncoding::Identity;
    job.body = input.toByteArray();
    job.inflate = inflate;
    const DecodeJobResult jr = runDecodeJob(job);
    check(!jr.accepted && jr.response.status >= 400);
    return 0;
}
