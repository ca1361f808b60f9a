#include "Gunzip.h"

#include <algorithm>
#include <zlib.h>

namespace wf::receiver {

namespace {

InflateResult failure(InflateError error, const char* message)
{
    InflateResult r;
    r.error = error;
    r.message = QByteArray(message);
    return r;
}

// RFC 1950 header: CM 8, window <= 32K, and the check bits. Anything else is taken as raw deflate.
bool looksLikeZlib(QByteArrayView in)
{
    if (in.size() < 2)
        return false;
    const auto cmf = static_cast<unsigned char>(in[0]);
    const auto flg = static_cast<unsigned char>(in[1]);
    return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && (cmf * 256 + flg) % 31 == 0;
}

struct ZStream
{
    z_stream zs{};
    bool ready = false;
    ~ZStream()
    {
        if (ready)
            inflateEnd(&zs);
    }
};

} // namespace

InflateResult inflateBody(QByteArrayView input, Compression compression, const InflateLimits& limits)
{
    const bool gzip = compression == Compression::Gzip;
    const int windowBits = gzip ? 15 + 16 : (looksLikeZlib(input) ? 15 : -15);
    ZStream z;
    if (inflateInit2(&z.zs, windowBits) != Z_OK)
        return failure(InflateError::Corrupt, "cannot initialise the decompressor");
    z.ready = true;

    const qint64 cap = std::max<qint64>(0, limits.maxOutputBytes);
    // One byte more than the cap is room enough to notice that the cap was exceeded.
    const qint64 hardEnd = cap + 1;
    QByteArray out;
    out.resize(qsizetype(std::min<qint64>(hardEnd, std::max<qint64>(16 * 1024, input.size() * 4))));
    qint64 produced = 0;
    qint64 offset = 0; // input bytes handed to zlib so far
    constexpr qint64 kMaxPiece = 1 << 30;

    for (;;) {
        if (z.zs.avail_in == 0 && offset < input.size()) {
            const qint64 piece = std::min<qint64>(kMaxPiece, input.size() - offset);
            z.zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data() + offset));
            z.zs.avail_in = uInt(piece);
            offset += piece;
        }
        if (produced == out.size()) {
            if (produced >= hardEnd)
                return failure(InflateError::TooLarge, "decompressed body too large");
            out.resize(qsizetype(std::min<qint64>(hardEnd, qint64(out.size()) * 2)));
        }
        const qint64 room = std::min<qint64>(kMaxPiece, out.size() - produced);
        z.zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
        z.zs.avail_out = uInt(room);
        const int rc = inflate(&z.zs, Z_NO_FLUSH);
        produced += room - qint64(z.zs.avail_out);

        if (produced > cap)
            return failure(InflateError::TooLarge, "decompressed body too large");
        const qint64 consumed = offset - qint64(z.zs.avail_in);
        if (limits.maxRatio > 0 && produced > limits.ratioFloorBytes &&
            double(produced) > limits.maxRatio * double(std::max<qint64>(consumed, 1)))
            return failure(InflateError::TooLarge, "compression ratio too high (decompression bomb?)");

        switch (rc) {
        case Z_STREAM_END: {
            const qint64 rest = input.size() - consumed;
            if (rest == 0) {
                out.resize(qsizetype(produced));
                InflateResult ok;
                ok.data = std::move(out);
                return ok;
            }
            // Another gzip member may follow (RFC 1952 2.2); anything else is trailing garbage.
            const QByteArrayView next = input.sliced(consumed);
            if (!gzip || next.size() < 2 || static_cast<unsigned char>(next[0]) != 0x1f ||
                static_cast<unsigned char>(next[1]) != 0x8b)
                return failure(InflateError::Corrupt, "trailing data after the compressed body");
            if (inflateReset(&z.zs) != Z_OK)
                return failure(InflateError::Corrupt, "cannot reset the decompressor");
            break;
        }
        case Z_OK:
            break;
        case Z_BUF_ERROR:
            // No progress possible: either output is full (grow and retry) or input ran out.
            if (z.zs.avail_out == 0)
                break;
            return failure(InflateError::Truncated, "compressed body is truncated");
        case Z_MEM_ERROR:
            return failure(InflateError::TooLarge, "out of memory while decompressing");
        default: // Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR
            return failure(InflateError::Corrupt, "compressed body is corrupt");
        }
        if (rc == Z_OK && z.zs.avail_in == 0 && offset == input.size() && z.zs.avail_out != 0)
            return failure(InflateError::Truncated, "compressed body is truncated");
    }
}

} // namespace wf::receiver
