// compareTraces: a slow trace against a normal one of the same operation.

#include "TraceTestData.h"
#include "traces/TraceCompare.h"

#include <QTest>

using namespace wf;
using namespace wf::traces;
using test::TraceBuilder;

class TestTraceCompare : public QObject
{
    Q_OBJECT
private slots:
    void addedMissingSlower()
    {
        // Normal: gw [0,100] -> auth [5,15], pay [20,90] -> db [30,80]; cache [91,95]
        TraceBuilder normal;
        normal.add(1, 0, QStringLiteral("gw"), QStringLiteral("GET /buy"), 0, 100)
            .add(2, 1, QStringLiteral("auth"), QStringLiteral("check"), 5, 15)
            .add(3, 1, QStringLiteral("pay"), QStringLiteral("charge"), 20, 90)
            .add(4, 3, QStringLiteral("db"), QStringLiteral("INSERT"), 30, 80)
            .add(5, 1, QStringLiteral("cache"), QStringLiteral("get"), 91, 95);
        // Slow: pay 2 s with two db calls (the second added), no cache call; auth unchanged.
        TraceBuilder slow;
        slow.add(11, 0, QStringLiteral("gw"), QStringLiteral("GET /buy"), 0, 2100)
            .add(12, 11, QStringLiteral("auth"), QStringLiteral("check"), 5, 15)
            .add(13, 11, QStringLiteral("pay"), QStringLiteral("charge"), 20, 2090)
            .add(14, 13, QStringLiteral("db"), QStringLiteral("INSERT"), 30, 1090)
            .add(15, 13, QStringLiteral("db"), QStringLiteral("INSERT"), 1100, 2080);
        const auto a = TraceTree::build(normal.batch());
        const auto b = TraceTree::build(slow.batch());
        const auto c = compareTraces(a, b);
        QCOMPARE(c.added, 1);
        QCOMPARE(c.missing, 1);
        QCOMPARE(c.totalA, 100'000);
        QCOMPARE(c.totalB, 2'100'000);
        // gw +2000 µs, pay +2000 µs, the first db +1010 µs: three slower; auth unchanged.
        QCOMPARE(c.slower, 3);
        QCOMPARE(c.diffs.size(), std::size_t(6));

        QCOMPARE(c.diffs[0].kind, SpanDiff::Kind::Added);
        QCOMPARE(c.diffs[0].path, QStringLiteral("gw:GET /buy > pay:charge > db:INSERT"));
        QCOMPARE(c.diffs[0].occurrence, 1);
        QCOMPARE(c.diffs[0].durationB, 980'000);
        QCOMPARE(c.diffs[1].kind, SpanDiff::Kind::Missing);
        QCOMPARE(c.diffs[1].service, QStringLiteral("cache"));

        // Matched, largest slowdown first; the last is auth with no change.
        QCOMPARE(c.diffs[2].kind, SpanDiff::Kind::Matched);
        QCOMPARE(c.diffs[2].deltaNs(), 2'000'000);
        QCOMPARE(c.diffs[4].service, QStringLiteral("db"));
        QCOMPARE(c.diffs[4].deltaNs(), 1'010'000);
        QCOMPARE(c.diffs[5].service, QStringLiteral("auth"));
        QCOMPARE(c.diffs[5].deltaNs(), 0);
        QCOMPARE(spanPath(b, b.indexOf(test::spanIdOf(14))),
                 QStringLiteral("gw:GET /buy > pay:charge > db:INSERT"));
    }

    void identicalTracesHaveNoDifferences()
    {
        TraceBuilder t;
        t.add(1, 0, QStringLiteral("a"), QStringLiteral("x"), 0, 10)
            .add(2, 1, QStringLiteral("b"), QStringLiteral("y"), 1, 9);
        const auto a = TraceTree::build(t.batch());
        const auto c = compareTraces(a, a);
        QCOMPARE(c.added + c.missing + c.slower, 0);
        QCOMPARE(c.diffs.size(), std::size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestTraceCompare)
#include "tst_tracetree_compare.moc"
