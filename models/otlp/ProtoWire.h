#pragma once

// Internal to models/otlp: a minimal reader of the protobuf wire format (varint, 64-bit, length-
// delimited, 32-bit), enough for OTLP. Every length is checked against the bytes left, so a hostile
// body can only make it stop with an error, never read outside the message. Groups (wire types 3, 4)
// are deprecated and unused by OTLP: they are reported as invalid.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace wf::otlp::proto {

enum WireType : std::uint32_t { Varint = 0, Fixed64 = 1, Len = 2, Fixed32 = 5 };

class Wire
{
public:
    Wire() = default;
    explicit Wire(std::string_view bytes)
        : m_p(reinterpret_cast<const std::uint8_t*>(bytes.data()))
        , m_end(m_p + bytes.size())
    {}

    bool atEnd() const { return m_p == m_end; }
    // Why the last read failed; nullptr when none did.
    const char* problem() const { return m_problem; }

    // The next field's number and wire type; false at the end or on a bad tag (see problem()).
    bool next(std::uint32_t& field, std::uint32_t& wireType)
    {
        if (atEnd())
            return false;
        std::uint64_t tag = 0;
        if (!varint(tag))
            return false;
        field = std::uint32_t(tag >> 3);
        wireType = std::uint32_t(tag & 7);
        if (field == 0 || tag >> 32)
            return bad("invalid field number");
        if (wireType != Varint && wireType != Fixed64 && wireType != Len && wireType != Fixed32)
            return bad("unsupported wire type");
        return true;
    }

    bool varint(std::uint64_t& out)
    {
        out = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p == m_end)
                return bad("truncated varint");
            const std::uint8_t b = *m_p++;
            out |= std::uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return shift < 63 || b <= 1 ? true : bad("varint too long");
        }
        return bad("varint too long");
    }
    bool fixed64(std::uint64_t& out)
    {
        if (m_end - m_p < 8)
            return bad("truncated fixed64");
        out = 0;
        for (int i = 7; i >= 0; --i)
            out = (out << 8) | m_p[i]; // little-endian on the wire, whatever the host
        m_p += 8;
        return true;
    }
    bool fixed32(std::uint32_t& out)
    {
        if (m_end - m_p < 4)
            return bad("truncated fixed32");
        out = std::uint32_t(m_p[0]) | std::uint32_t(m_p[1]) << 8 | std::uint32_t(m_p[2]) << 16 |
              std::uint32_t(m_p[3]) << 24;
        m_p += 4;
        return true;
    }
    bool dbl(double& out)
    {
        std::uint64_t bits = 0;
        if (!fixed64(bits))
            return false;
        std::memcpy(&out, &bits, sizeof out);
        return true;
    }
    // A length-delimited field's bytes (string, bytes, sub-message or packed repeated).
    bool bytes(std::string_view& out)
    {
        std::uint64_t n = 0;
        if (!varint(n))
            return false;
        if (n > std::uint64_t(m_end - m_p))
            return bad("length beyond the end of the message");
        out = std::string_view(reinterpret_cast<const char*>(m_p), std::size_t(n));
        m_p += n;
        return true;
    }
    // Any integer field by its wire type (varint, fixed64 or fixed32), so a sender using another
    // integer encoding than the .proto's (older OTLP versions changed some) still decodes.
    bool integer(std::uint32_t wireType, std::uint64_t& out)
    {
        switch (wireType) {
        case Varint:
            return varint(out);
        case Fixed64:
            return fixed64(out);
        case Fixed32: {
            std::uint32_t v = 0;
            if (!fixed32(v))
                return false;
            out = v;
            return true;
        }
        default:
            return skip(wireType);
        }
    }
    bool skip(std::uint32_t wireType)
    {
        std::uint64_t ignored = 0;
        std::uint32_t ignored32 = 0;
        std::string_view ignoredBytes;
        switch (wireType) {
        case Varint:
            return varint(ignored);
        case Fixed64:
            return fixed64(ignored);
        case Len:
            return bytes(ignoredBytes);
        case Fixed32:
            return fixed32(ignored32);
        }
        return bad("unsupported wire type");
    }

private:
    bool bad(const char* why)
    {
        m_problem = why;
        m_p = m_end; // nothing more is read from a broken message
        return false;
    }

    const std::uint8_t* m_p = nullptr;
    const std::uint8_t* m_end = nullptr;
    const char* m_problem = nullptr;
};

inline std::int32_t zigzag32(std::uint64_t v)
{
    return std::int32_t(std::uint32_t(v >> 1) ^ (~std::uint32_t(v & 1) + 1));
}

} // namespace wf::otlp::proto
