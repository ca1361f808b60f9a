#include "telemetry/Ids.h"

namespace wf::telemetry {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

QString toHex(std::span<const std::uint8_t> bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    QString out(qsizetype(bytes.size() * 2), Qt::Uninitialized);
    QChar* p = out.data();
    for (std::uint8_t b : bytes) {
        *p++ = QLatin1Char(digits[b >> 4]);
        *p++ = QLatin1Char(digits[b & 0xf]);
    }
    return out;
}

bool fromHex(std::string_view hex, std::span<std::uint8_t> out)
{
    if (hex.size() != out.size() * 2)
        return false;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = hexValue(hex[2 * i]);
        const int lo = hexValue(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = std::uint8_t((hi << 4) | lo);
    }
    return true;
}

} // namespace wf::telemetry
