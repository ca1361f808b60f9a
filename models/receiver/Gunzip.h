#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Bounded decompression of request bodies (Content-Encoding gzip / deflate). A few hundred kilobytes of
// gzip can expand to gigabytes, so the output is capped twice: an absolute size, and a ratio of output
// to the input consumed so far. The ratio is checked while inflating, so a bomb is refused after about
// ratioFloorBytes of output instead of after the absolute cap: memory stays small in both cases.
namespace wf::receiver {

struct InflateLimits
{
    qint64 maxOutputBytes = 64LL * 1024 * 1024;
    // Output/input ratio above which a body counts as a bomb, once the output passed ratioFloorBytes
    // (small bodies of repeated text legitimately compress better than 100:1). 0 disables the check.
    double maxRatio = 100.0;
    qint64 ratioFloorBytes = 1024 * 1024;
};

enum class InflateError { None, TooLarge, Corrupt, Truncated };

struct InflateResult
{
    InflateError error = InflateError::None;
    QByteArray data;
    QByteArray message; // short English text for the HTTP response; empty on success
    bool ok() const { return error == InflateError::None; }
};

enum class Compression {
    Gzip,   // RFC 1952, concatenated members accepted
    Deflate // HTTP "deflate": zlib-wrapped (RFC 1950); raw deflate is accepted too, as browsers do
};

InflateResult inflateBody(QByteArrayView input, Compression compression, const InflateLimits& limits = {});

inline InflateResult gunzip(QByteArrayView input, const InflateLimits& limits = {})
{
    return inflateBody(input, Compression::Gzip, limits);
}

} // namespace wf::receiver
