#pragma once

// Fixed-size binary ids of W3C trace context (16-byte trace ids, 8-byte span ids), stored inline so a
// span carries no heap allocation for its ids. OTLP/JSON spells them as hex; protobuf as raw bytes.

#include <QByteArray>
#include <QHashFunctions>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace wf::telemetry {

// Lower-case hex of `bytes`.
QString toHex(std::span<const std::uint8_t> bytes);
// Case-insensitive hex to bytes; false if `hex` is not exactly 2 * out.size() hex digits.
bool fromHex(std::string_view hex, std::span<std::uint8_t> out);

template<std::size_t N>
class BinaryId
{
public:
    static constexpr std::size_t Size = N;

    constexpr BinaryId() = default;
    constexpr explicit BinaryId(const std::array<std::uint8_t, N>& bytes)
        : m_bytes(bytes)
    {}

    // nullopt unless `hex` has exactly 2*N hex digits (either case).
    static std::optional<BinaryId> fromHex(std::string_view hex)
    {
        BinaryId id;
        if (!wf::telemetry::fromHex(hex, id.m_bytes))
            return std::nullopt;
        return id;
    }
    static std::optional<BinaryId> fromHex(QStringView hex)
    {
        const QByteArray latin = hex.toLatin1();
        return fromHex(std::string_view(latin.constData(), std::size_t(latin.size())));
    }
    // nullopt unless `raw` is exactly N bytes.
    static std::optional<BinaryId> fromBytes(QByteArrayView raw)
    {
        if (std::size_t(raw.size()) != N)
            return std::nullopt;
        BinaryId id;
        for (std::size_t i = 0; i < N; ++i)
            id.m_bytes[i] = std::uint8_t(raw[qsizetype(i)]);
        return id;
    }

    // All-zero ids are invalid in W3C trace context and in OTLP; a default-constructed id is zero.
    constexpr bool isValid() const
    {
        for (auto b : m_bytes)
            if (b != 0)
                return true;
        return false;
    }
    QString toHex() const { return wf::telemetry::toHex(m_bytes); }
    QByteArray toByteArray() const { return QByteArray(reinterpret_cast<const char*>(m_bytes.data()), N); }
    constexpr const std::array<std::uint8_t, N>& bytes() const { return m_bytes; }

    friend constexpr bool operator==(const BinaryId&, const BinaryId&) = default;
    friend constexpr auto operator<=>(const BinaryId&, const BinaryId&) = default;
    friend size_t qHash(const BinaryId& id, size_t seed = 0) noexcept
    {
        return qHashBits(id.m_bytes.data(), N, seed);
    }

private:
    std::array<std::uint8_t, N> m_bytes{};
};

using TraceId = BinaryId<16>;
using SpanId = BinaryId<8>;

} // namespace wf::telemetry
