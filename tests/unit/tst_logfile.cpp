// Log files from disk: plain text and JSON lines, gzip, timestamps/levels, continuation lines,
// megabyte lines cut with a marker.

#include "logs/LogFile.h"

#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace wf::logs;

namespace {

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& data, bool gzip)
{
    const QString path = dir.filePath(name);
    if (gzip) {
        gzFile f = gzopen(QFile::encodeName(path).constData(), "wb");
        gzwrite(f, data.constData(), unsigned(data.size()));
        gzclose(f);
    } else {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        f.write(data);
    }
    return path;
}

const QByteArray kPlain = "2026-01-01T10:00:00.250Z INFO  gateway started on :8080\n"
                          "2026-01-01 10:00:01,5 [ERROR] charge failed\n"
                          "java.lang.IllegalStateException: pool exhausted\n"
                          "\tat com.shop.Pool.get(Pool.java:1)\n"
                          "2026-01-01T12:00:02+02:00 level=warn slow query\n"
                          "\n"
                          "no timestamp here\n";

} // namespace

class TestLogFile : public QObject
{
    Q_OBJECT
private slots:
    void timestamps()
    {
        qsizetype used = 0;
        QCOMPARE(parseLeadingTimestamp(u"2026-01-01T00:00:00Z rest", &used), 1767225600000000000LL);
        QCOMPARE(used, 20);
        QCOMPARE(parseLeadingTimestamp(u"2026-01-01T00:00:00.123456789Z"), 1767225600123456789LL);
        QCOMPARE(parseLeadingTimestamp(u"2026-01-01T02:00:00+02:00"), 1767225600000000000LL);
        QCOMPARE(parseLeadingTimestamp(u"[2026-01-01 00:00:00,5] x"), 1767225600500000000LL);
        QCOMPARE(parseLeadingTimestamp(u"2026-02-30T00:00:00Z"), 0);
        QCOMPARE(parseLeadingTimestamp(u"hello"), 0);
    }

    void levels()
    {
        QCOMPARE(detectLevel(u"INFO  started"), LogLevel::Info);
        QCOMPARE(detectLevel(u"[ERROR] x"), LogLevel::Error);
        QCOMPARE(detectLevel(u"level=warn slow"), LogLevel::Warn);
        QCOMPARE(detectLevel(u"app[12]: <fatal> disk"), LogLevel::Fatal);
        QCOMPARE(detectLevel(u"a b c d e f error after six tokens"), LogLevel::Unknown);
        QCOMPARE(detectLevel(u"the error word"), LogLevel::Error);
    }

    void plainTextWithContinuations()
    {
        const auto r = parseLogText(kPlain);
        QVERIFY(r.ok());
        QCOMPARE(r.physicalLines, 7);
        QCOMPARE(r.lines.size(), std::size_t(3)); // the stack, the blank and the last line are joined
        QCOMPARE(r.lines[0].timeNs, 1767261600250000000LL);
        QCOMPARE(r.lines[0].level, LogLevel::Info);
        QCOMPARE(r.lines[1].level, LogLevel::Error);
        QCOMPARE(r.lines[1].lineNumber, 2);
        QVERIFY(r.lines[1].message.endsWith(QStringLiteral("\tat com.shop.Pool.get(Pool.java:1)")));
        QCOMPARE(r.lines[1].message.count(QLatin1Char('\n')), 2);
        QCOMPARE(r.lines[2].timeNs, 1767261602000000000LL);
        QCOMPARE(r.lines[2].level, LogLevel::Warn);
        QVERIFY(!r.jsonLines);
    }

    void jsonLines()
    {
        const QByteArray data =
            "{\"ts\":1767225600.5,\"level\":\"error\",\"msg\":\"charge "
            "failed\",\"service\":\"payments\",\"retries\":3}\n"
            "{\"@timestamp\":\"2026-01-01T00:00:01Z\",\"severity\":\"INFO\",\"message\":\"ok\",\"ok\":true}\n"
            "{\"time\":1767225602000,\"msg\":\"ms epoch\"}\n"
            "not json at all\n"
            "";
        const auto r = parseLogText(data);
        QCOMPARE(r.lines.size(), std::size_t(4));
        QVERIFY(r.jsonLines);
        QCOMPARE(r.lines[0].timeNs, 1767225600500000000LL);
        QCOMPARE(r.lines[0].level, LogLevel::Error);
        QCOMPARE(r.lines[0].message, QStringLiteral("charge failed"));
        QCOMPARE(r.lines[0].fields.size(), std::size_t(2));
        QCOMPARE(r.lines[0].fields[0], std::make_pair(QStringLiteral("service"), QStringLiteral("payments")));
        QCOMPARE(r.lines[1].timeNs, 1767225601000000000LL);
        QCOMPARE(r.lines[1].level, LogLevel::Info);
        QCOMPARE(r.lines[2].timeNs, 1767225602000000000LL);
        QCOMPARE(r.lines[3].message, QStringLiteral("not json at all"));
    }

    void gzipAndPlainFilesReadTheSame()
    {
        QTemporaryDir dir;
        const auto plain = readLogFile(writeFile(dir, QStringLiteral("app.log"), kPlain, false));
        const auto gz = readLogFile(writeFile(dir, QStringLiteral("app.log.gz"), kPlain, true));
        QVERIFY(plain.ok() && gz.ok());
        QVERIFY(!plain.gzip);
        QVERIFY(gz.gzip);
        QCOMPARE(gz.lines.size(), plain.lines.size());
        for (std::size_t i = 0; i < gz.lines.size(); ++i)
            QCOMPARE(gz.lines[i].message, plain.lines[i].message);
        QCOMPARE(gz.bytesRead, kPlain.size());

        const auto missing = readLogFile(dir.filePath(QStringLiteral("nope.log")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error.contains(QStringLiteral("nope.log")));
    }

    void megabyteLinesAreCut()
    {
        QTemporaryDir dir;
        QByteArray data = "2026-01-01T00:00:00Z INFO short\n2026-01-01T00:00:01Z ERROR " +
                          QByteArray(5 * 1024 * 1024, 'x') + "\n2026-01-01T00:00:02Z INFO after\n";
        LogFileOptions o;
        o.maxLineBytes = 64 * 1024;
        const auto r = readLogFile(writeFile(dir, QStringLiteral("big.log.gz"), data, true), o);
        QCOMPARE(r.lines.size(), std::size_t(3));
        QCOMPARE(r.truncatedLines, 1);
        QVERIFY(r.lines[1].truncated);
        QCOMPARE(r.lines[1].level, LogLevel::Error);
        QVERIFY(r.lines[1].message.size() < o.maxLineBytes + 200);
        QVERIFY2(r.lines[1].message.contains(QStringLiteral("line truncated")),
                 qPrintable(r.lines[1].message.right(80)));
        QCOMPARE(r.lines[2].message, QStringLiteral("2026-01-01T00:00:02Z INFO after"));
    }

    void limitsLinesAndBytes()
    {
        QByteArray data;
        for (int i = 0; i < 100; ++i)
            data += "2026-01-01T00:00:00Z INFO line " + QByteArray::number(i) + "\n";
        LogFileOptions o;
        o.maxLines = 10;
        const auto r = parseLogText(data, o);
        QCOMPARE(r.lines.size(), std::size_t(10));
        QCOMPARE(r.droppedLines, 90);
        o.maxLines = 1000;
        o.maxBytes = 100;
        const auto b = parseLogText(data, o);
        QVERIFY(b.stoppedAtMaxBytes);
        QCOMPARE(b.bytesRead, 100);
    }
};

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
