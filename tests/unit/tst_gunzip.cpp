#include "receiver/Gunzip.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <zlib.h>

using namespace wf::receiver;

namespace {

// windowBits: 15 + 16 gzip, 15 zlib, -15 raw deflate.
QByteArray compress(QByteArrayView data, int windowBits = 15 + 16, int level = Z_DEFAULT_COMPRESSION)
{
    z_stream zs{};
    if (deflateInit2(&zs, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("deflateInit2");
    QByteArray out;
    out.resize(qsizetype(deflateBound(&zs, uLong(data.size()))));
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = uInt(out.size());
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
        qFatal("deflate");
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

// A valid gzip of `mib` MiB of zeros, built without compressing (or holding) all of it: after a full
// flush a deflate stream does not refer back, so the compressed form of one 1 MiB chunk of zeros can be
// repeated, and only the trailer (CRC-32 and length of the whole) has to be computed for the total.
QByteArray gzipOfZeros(int mib)
{
    const QByteArray zeros(1024 * 1024, '\0');
    z_stream zs{};
    if (deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("deflateInit2");
    QByteArray buf(2 * 1024 * 1024, '\0');
    const auto run = [&](QByteArrayView in, int flush) {
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        zs.avail_in = uInt(in.size());
        zs.next_out = reinterpret_cast<Bytef*>(buf.data());
        zs.avail_out = uInt(buf.size());
        deflate(&zs, flush);
        return buf.first(buf.size() - qsizetype(zs.avail_out));
    };
    const QByteArray first = run(zeros, Z_FULL_FLUSH); // gzip header + chunk 1
    const QByteArray chunk = run(zeros, Z_FULL_FLUSH);
    if (run(zeros, Z_FULL_FLUSH) != chunk)
        qFatal("deflate output of a flushed chunk is not reproducible");
    QByteArray tail = run({}, Z_FINISH); // final block + trailer for 3 MiB; the trailer is replaced
    deflateEnd(&zs);
    tail.chop(8);

    QByteArray out = first;
    out.reserve(first.size() + qsizetype(mib) * chunk.size() + tail.size() + 8);
    for (int i = 1; i < mib; ++i)
        out += chunk;
    out += tail;
    const uLong crcChunk = crc32(0, reinterpret_cast<const Bytef*>(zeros.constData()), uInt(zeros.size()));
    uLong crc = crcChunk;
    for (int i = 1; i < mib; ++i)
        crc = crc32_combine(crc, crcChunk, zeros.size());
    const quint64 size = quint64(mib) * quint64(zeros.size());
    for (int i = 0; i < 4; ++i)
        out += char((crc >> (8 * i)) & 0xff);
    for (int i = 0; i < 4; ++i)
        out += char((size >> (8 * i)) & 0xff); // ISIZE is the length modulo 2^32
    return out;
}

QByteArray someJson(int approxBytes)
{
    QByteArray s;
    auto* rng = QRandomGenerator::global();
    while (s.size() < approxBytes) {
        s += R"({"traceId":")" + QByteArray::number(rng->generate64(), 16) +
             R"(","name":"GET /api/cart","dur":)" + QByteArray::number(rng->bounded(100000)) + "},";
    }
    return s;
}

// Peak resident set size of this process in KiB (Linux); -1 elsewhere.
qint64 readStatusKiB(const QByteArray& field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').front().toLongLong();
    }
    return -1;
}

// Resets VmHWM to the current RSS (Linux >= 4.0), so the next reading is this test's peak only.
void resetPeak()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    if (f.open(QIODevice::WriteOnly))
        f.write("5");
}

#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 kSanitizerSlackKiB = 256 * 1024; // ASan's quarantine keeps freed buffers resident
#else
constexpr qint64 kSanitizerSlackKiB = 0;
#endif

} // namespace

class TestGunzip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        for (const int size : {0, 1, 1000, 300 * 1000}) {
            const QByteArray plain = someJson(size);
            const InflateResult r = gunzip(compress(plain));
            QVERIFY2(r.ok(), r.message.constData());
            QCOMPARE(r.data, plain);
            QVERIFY(r.message.isEmpty());
        }
    }

    void deflateZlibAndRaw()
    {
        const QByteArray plain = someJson(50 * 1000);
        InflateResult r = inflateBody(compress(plain, 15), Compression::Deflate);
        QVERIFY(r.ok());
        QCOMPARE(r.data, plain);
        r = inflateBody(compress(plain, -15), Compression::Deflate);
        QVERIFY(r.ok());
        QCOMPARE(r.data, plain);
        // gzip framing is required for Compression::Gzip.
        QVERIFY(!gunzip(compress(plain, 15)).ok());
    }

    void concatenatedMembers()
    {
        const InflateResult r = gunzip(QByteArray(compress("hello ") + compress("world")));
        QVERIFY(r.ok());
        QCOMPARE(r.data, QByteArray("hello world"));
    }

    void corrupt()
    {
        QByteArray z = compress(someJson(20000));
        for (qsizetype i = 20; i < 60; ++i)
            z[i] = char(z[i] ^ 0x5a);
        const InflateResult r = gunzip(z);
        QVERIFY(!r.ok());
        QVERIFY(r.error == InflateError::Corrupt || r.error == InflateError::Truncated);
        QVERIFY(!r.message.isEmpty());
        QCOMPARE(gunzip("not gzip at all").error, InflateError::Corrupt);
        // A wrong CRC in the trailer.
        QByteArray crc = compress("payload");
        crc[crc.size() - 6] = char(crc[crc.size() - 6] ^ 1);
        QCOMPARE(gunzip(crc).error, InflateError::Corrupt);
    }

    void truncated()
    {
        const QByteArray z = compress(someJson(20000));
        for (const qsizetype cut : {qsizetype(1), qsizetype(8), z.size() / 2}) {
            const InflateResult r = gunzip(QByteArrayView(z).first(z.size() - cut));
            QCOMPARE(r.error, InflateError::Truncated);
        }
        QCOMPARE(gunzip(QByteArrayView()).error, InflateError::Truncated);
    }

    void trailingGarbage()
    {
        QCOMPARE(gunzip(QByteArray(compress("payload") + "junk")).error, InflateError::Corrupt);
    }

    void smallHighRatioBodiesPass()
    {
        // Under the ratio floor, repetitive content is legitimate (1000:1 here).
        const QByteArray plain(512 * 1024, 'a');
        const InflateResult r = gunzip(compress(plain, 15 + 16, 9));
        QVERIFY(r.ok());
        QCOMPARE(r.data.size(), plain.size());
    }

    void absoluteCapWithoutRatio()
    {
        InflateLimits limits;
        limits.maxRatio = 0; // only the absolute cap
        limits.maxOutputBytes = 8 * 1024 * 1024;
        const QByteArray plain = someJson(8 * 1024 * 1024 + 100);
        const QByteArray z = compress(plain);
        QCOMPARE(gunzip(z, limits).error, InflateError::TooLarge);
        limits.maxOutputBytes = plain.size();
        QVERIFY(gunzip(z, limits).ok()); // exactly at the cap is fine
    }

    void gzipBomb()
    {
        // The construction is sound: 8 MiB built this way inflates to exactly 8 MiB of zeros.
        InflateLimits generous;
        generous.maxRatio = 0;
        const InflateResult small = gunzip(gzipOfZeros(8), generous);
        QVERIFY2(small.ok(), small.message.constData());
        QCOMPARE(small.data, QByteArray(8 * 1024 * 1024, '\0'));

        // 1 GiB of zeros, about 1 MiB compressed: the classic bomb.
        const qint64 plainSize = 1024LL * 1024 * 1024;
        const QByteArray bomb = gzipOfZeros(1024);
        qInfo("bomb: %lld bytes expand to %lld", qint64(bomb.size()), plainSize);
        QVERIFY(bomb.size() < 2 * 1024 * 1024);

        for (const bool ratioCheck : {true, false}) {
            InflateLimits limits; // defaults: 64 MiB cap, 100:1 above 1 MiB
            if (!ratioCheck)
                limits.maxRatio = 0;
            resetPeak();
            const qint64 rssBefore = readStatusKiB("VmRSS");
            QElapsedTimer clock;
            clock.start();
            const InflateResult r = gunzip(bomb, limits);
            const qint64 ms = clock.elapsed();
            const qint64 peak = readStatusKiB("VmHWM");
            QCOMPARE(r.error, InflateError::TooLarge);
            QVERIFY(r.data.isEmpty());
            const qint64 grewKiB = peak - rssBefore;
            qInfo("bomb refused in %lld ms, peak RSS +%lld KiB (ratio check %s)", ms, grewKiB,
                  ratioCheck ? "on" : "off");
            // With the ratio check the output stops near 1 MiB; without, at the 64 MiB cap plus one
            // doubling step of the buffer. Either way far from 1 GiB.
            const qint64 boundKiB = (ratioCheck ? 8 * 1024 : 160 * 1024) + kSanitizerSlackKiB;
            if (peak > 0 && rssBefore > 0)
                QVERIFY2(grewKiB < boundKiB, qPrintable(QString::number(grewKiB)));
            QVERIFY2(ms < (ratioCheck ? 1000 : 10000), qPrintable(QString::number(ms)));
        }
    }
};

QTEST_APPLESS_MAIN(TestGunzip)
#include "tst_gunzip.moc"
