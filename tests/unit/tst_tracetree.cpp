// TraceTree and TraceRows on hand-built traces whose answers are worked out in the comments.

#include "TraceTestData.h"
#include "traces/SpanDetails.h"
#include "traces/TraceRows.h"
#include "traces/TraceTree.h"

#include <QTest>

using namespace wf;
using test::spanIdOf;
using test::TraceBuilder;
using traces::TraceTree;

namespace {

int nodeOf(const TraceTree& t, quint64 id)
{
    return t.indexOf(spanIdOf(id));
}

// front A [0,100] -> db B [10,50], pay C [40,90] -> pay D [45,60]
TraceBuilder fourSpans()
{
    TraceBuilder b;
    b.add(1, 0, QStringLiteral("front"), QStringLiteral("A"), 0, 100)
        .add(2, 1, QStringLiteral("db"), QStringLiteral("B"), 10, 50)
        .add(3, 1, QStringLiteral("pay"), QStringLiteral("C"), 40, 90)
        .add(4, 3, QStringLiteral("pay"), QStringLiteral("D"), 45, 60, true);
    return b;
}

} // namespace

class TestTraceTree : public QObject
{
    Q_OBJECT
private slots:
    void structure()
    {
        const auto t = TraceTree::build(fourSpans().batch());
        QCOMPARE(t.size(), 4);
        QCOMPARE(t.roots().size(), std::size_t(1));
        const int a = nodeOf(t, 1), c = nodeOf(t, 3), d = nodeOf(t, 4);
        QCOMPARE(a, 0); // preorder: root first, children by start: B then C then D
        QCOMPARE(nodeOf(t, 2), 1);
        QCOMPARE(c, 2);
        QCOMPARE(d, 3);
        QCOMPARE(t.node(d).depth, 2);
        QCOMPARE(t.node(a).subtreeSize, 4);
        QCOMPARE(t.node(c).subtreeSize, 2);
        QCOMPARE(t.children(a).size(), std::size_t(2));
        QCOMPARE(t.serviceOf(d), QStringLiteral("pay"));
        QCOMPARE(t.problemCount(), 0);
        QCOMPARE(t.startNs(), 0);
        QCOMPARE(t.endNs(), 100'000);
    }

    void criticalPathWalksLastFinishingChildren()
    {
        // From A's end (100): C finished last (90) -> A owns [90,100]; inside C, D finished at 60 ->
        // C owns [60,90], D [45,60], C [40,45]; back in A the cursor is 40 and B (ends 50) overlaps it,
        // so B owns [10,40] and A [0,10].
        const auto t = TraceTree::build(fourSpans().batch());
        const auto& cp = t.criticalPath();
        const std::vector<std::tuple<quint64, qint64, qint64>> expected{
            {1, 0, 10}, {2, 10, 40}, {3, 40, 45}, {4, 45, 60}, {3, 60, 90}, {1, 90, 100}};
        QCOMPARE(cp.size(), expected.size());
        qint64 total = 0;
        for (std::size_t i = 0; i < cp.size(); ++i) {
            QCOMPARE(cp[i].node, nodeOf(t, std::get<0>(expected[i])));
            QCOMPARE(cp[i].startNs, std::get<1>(expected[i]) * 1000);
            QCOMPARE(cp[i].endNs, std::get<2>(expected[i]) * 1000);
            total += cp[i].endNs - cp[i].startNs;
        }
        QCOMPARE(total, 100'000); // the path covers the root's whole duration
        for (int i = 0; i < t.size(); ++i)
            QVERIFY(t.node(i).has(TraceTree::OnCriticalPath));
    }

    void criticalPathSkipsOverlappedChild()
    {
        // Root [0,100] with X [10,80] and Y [20,30] inside X's window: Y never finishes last, so it
        // is not on the path.
        TraceBuilder b;
        b.add(1, 0, QStringLiteral("s"), QStringLiteral("root"), 0, 100)
            .add(2, 1, QStringLiteral("s"), QStringLiteral("X"), 10, 80)
            .add(3, 1, QStringLiteral("s"), QStringLiteral("Y"), 20, 30);
        const auto t = TraceTree::build(b.batch());
        QVERIFY(t.node(nodeOf(t, 2)).has(TraceTree::OnCriticalPath));
        QVERIFY(!t.node(nodeOf(t, 3)).has(TraceTree::OnCriticalPath));
        QCOMPARE(t.criticalPath().size(), std::size_t(3));
    }

    void selfTimeByService()
    {
        // A: 100 - union([10,50],[40,90]) = 20; B: 40; C: 50 - 15 = 35; D: 15. pay = 50, db = 40, front = 20.
        const auto t = TraceTree::build(fourSpans().batch());
        QCOMPARE(t.node(nodeOf(t, 1)).selfNs, 20'000);
        QCOMPARE(t.node(nodeOf(t, 3)).selfNs, 35'000);
        const auto& st = t.selfTimeByService();
        QCOMPARE(st.size(), std::size_t(3));
        QCOMPARE(st[0].service, QStringLiteral("pay"));
        QCOMPARE(st[0].selfNs, 50'000);
        QCOMPARE(st[0].spanCount, 2);
        QCOMPARE(st[0].errorCount, 1);
        QCOMPARE(st[1].service, QStringLiteral("db"));
        QCOMPARE(st[1].selfNs, 40'000);
        QCOMPARE(st[2].selfNs, 20'000);
        QCOMPARE(t.errorNodes(), std::vector<int>{nodeOf(t, 4)});
    }

    void missingParentBecomesFlaggedRoot()
    {
        auto b = fourSpans();
        b.add(9, 77, QStringLiteral("late"), QStringLiteral("orphan"), 5, 6);
        const auto t = TraceTree::build(b.batch());
        QCOMPARE(t.roots().size(), std::size_t(2));
        const int o = nodeOf(t, 9);
        QVERIFY(t.node(o).has(TraceTree::ParentMissing));
        QCOMPARE(t.node(o).parent, -1);
        QCOMPARE(t.mainRoot(), nodeOf(t, 1)); // the real root, though the orphan is no later
        QCOMPARE(t.problemCount(), 1);
        QCOMPARE(t.problems().front().kind, traces::TraceProblem::Kind::ParentMissing);
        QVERIFY(t.problems().front().message.contains(QStringLiteral("000000000000004d")));
    }

    void cyclesAreBrokenAtTheEarliestSpan()
    {
        TraceBuilder b;
        b.add(1, 0, QStringLiteral("s"), QStringLiteral("root"), 0, 100)
            .add(2, 3, QStringLiteral("s"), QStringLiteral("x"), 20, 30)
            .add(3, 4, QStringLiteral("s"), QStringLiteral("y"), 10, 40)
            .add(4, 2, QStringLiteral("s"), QStringLiteral("z"), 15, 35)
            .add(5, 5, QStringLiteral("s"), QStringLiteral("self"), 50, 60);
        const auto t = TraceTree::build(b.batch());
        QCOMPARE(t.size(), 5);
        int cycles = 0;
        for (const auto& pr : t.problems())
            cycles += pr.kind == traces::TraceProblem::Kind::Cycle;
        QCOMPARE(cycles, 2);
        const int y = nodeOf(t, 3);
        QVERIFY(t.node(y).has(TraceTree::CycleBroken)); // y starts first of x, y, z
        QCOMPARE(t.node(y).parent, -1);
        QCOMPARE(t.node(y).subtreeSize, 3); // y -> z -> x
        QVERIFY(t.node(nodeOf(t, 5)).has(TraceTree::CycleBroken));
        QCOMPARE(t.roots().size(), std::size_t(3));
    }

    void duplicatesKeptOnce()
    {
        auto b = fourSpans();
        b.add(3, 1, QStringLiteral("pay"), QStringLiteral("C again"), 41, 42);
        const auto t = TraceTree::build(b.batch());
        QCOMPARE(t.size(), 4);
        QCOMPARE(t.duplicateCount(), 1);
        QCOMPARE(t.span(nodeOf(t, 3)).name, QStringLiteral("C"));
        QCOMPARE(t.problems().front().kind, traces::TraceProblem::Kind::DuplicateSpanId);
    }

    void clockSkewDetectedAndOptionallyAdjusted()
    {
        // The child starts 5 µs before its parent; its own child 1 µs after it.
        TraceBuilder b;
        b.add(1, 0, QStringLiteral("a"), QStringLiteral("root"), 100, 200)
            .add(2, 1, QStringLiteral("b"), QStringLiteral("early"), 95, 150)
            .add(3, 2, QStringLiteral("b"), QStringLiteral("inner"), 96, 110);
        const auto plain = TraceTree::build(b.batch());
        QCOMPARE(plain.skewCount(), 1);
        QVERIFY(plain.node(nodeOf(plain, 2)).has(TraceTree::StartsBeforeParent));
        QCOMPARE(plain.node(nodeOf(plain, 2)).startNs, 95'000);
        QCOMPARE(plain.problems().front().kind, traces::TraceProblem::Kind::ClockSkew);

        TraceTree::Options o;
        o.adjustClockSkew = true;
        const auto adj = TraceTree::build(b.batch(), o);
        const auto& early = adj.node(nodeOf(adj, 2));
        QVERIFY(early.has(TraceTree::SkewAdjusted));
        QCOMPARE(early.startNs, 100'000);
        QCOMPARE(early.endNs, 155'000);
        QCOMPARE(adj.node(nodeOf(adj, 3)).startNs, 101'000); // the subtree moved with it
        QCOMPARE(adj.span(nodeOf(adj, 2)).startNs, 95'000);  // the span keeps what was sent
    }

    void endsAfterParentIsSkewButNotForConsumers()
    {
        TraceBuilder b;
        b.add(1, 0, QStringLiteral("a"), QStringLiteral("root"), 0, 100)
            .add(2, 1, QStringLiteral("a"), QStringLiteral("late"), 50, 120)
            .add(3, 1, QStringLiteral("k"), QStringLiteral("consume"), 60, 300);
        b.last().kind = telemetry::SpanKind::Consumer;
        const auto t = TraceTree::build(b.batch());
        QVERIFY(t.node(nodeOf(t, 2)).has(TraceTree::EndsAfterParent));
        QVERIFY(!t.node(nodeOf(t, 3)).has(TraceTree::EndsAfterParent));
        QCOMPARE(t.skewCount(), 1);
    }

    void rowsCollapseAndExpand()
    {
        const auto t = TraceTree::build(fourSpans().batch());
        traces::TraceRows rows(&t);
        QCOMPARE(rows.count(), 4);
        const int c = nodeOf(t, 3);
        rows.collapse(c);
        QCOMPARE(rows.count(), 3);
        QCOMPARE(rows.rowOf(nodeOf(t, 4)), -1);
        rows.collapse(0);
        QCOMPARE(rows.count(), 1);
        rows.expand(0); // C stays collapsed
        QCOMPARE(rows.count(), 3);
        QVERIFY(rows.isCollapsed(c));
        QCOMPARE(rows.reveal(nodeOf(t, 4)), 3);
        QCOMPARE(rows.count(), 4);
        rows.collapseBelowDepth(1);
        QCOMPARE(rows.count(), 3);
        rows.expandAll();
        QCOMPARE(rows.count(), 4);
        rows.collapse(nodeOf(t, 2)); // a leaf: nothing to hide
        QCOMPARE(rows.count(), 4);
        QVERIFY(!rows.isCollapsed(nodeOf(t, 2)));
    }

    void twoHundredThousandSpanChainAndFan()
    {
        // A chain 200,000 deep (recursion would overflow the stack) and a 200,000-wide fan.
        TraceBuilder chain;
        TraceBuilder fan;
        constexpr int n = 200'000;
        for (int i = 1; i <= n; ++i) {
            chain.add(quint64(i), quint64(i - 1), QStringLiteral("s"), QStringLiteral("op"), i,
                      2 * n - i + 1);
            fan.add(quint64(i), i == 1 ? 0 : 1, QStringLiteral("s"), QStringLiteral("op"), i == 1 ? 0 : i,
                    i == 1 ? 2 * n : i + 1);
        }
        const auto c = TraceTree::build(chain.batch());
        QCOMPARE(c.size(), n);
        QCOMPARE(c.maxDepth(), n - 1);
        QCOMPARE(c.node(0).subtreeSize, n);
        QCOMPARE(c.criticalPath().size(), std::size_t(2 * n - 1));
        traces::TraceRows rows(&c);
        rows.collapse(n / 2);
        QCOMPARE(rows.count(), n / 2 + 1);

        const auto f = TraceTree::build(fan.batch());
        QCOMPARE(f.children(0).size(), std::size_t(n - 1));
        QCOMPARE(f.maxDepth(), 1);
    }

    void hugeValuesTruncatedForDisplay()
    {
        const QString big(1'000'000, QLatin1Char('x'));
        const QString shown = traces::displayValue(telemetry::AnyValue::fromString(big));
        QVERIFY(shown.size() < traces::kMaxDisplayValueChars + 100);
        QVERIFY(shown.startsWith(QString(traces::kMaxDisplayValueChars, QLatin1Char('x'))));
        QVERIFY(shown.contains(QStringLiteral("998000")));
        QCOMPARE(traces::displayValue(telemetry::AnyValue::fromString(QStringLiteral("short"))),
                 QStringLiteral("short"));

        auto b = fourSpans();
        b.last().attributes =
            telemetry::Attributes({{QStringLiteral("db.statement"), telemetry::AnyValue::fromString(big)}});
        const auto t = TraceTree::build(b.batch());
        const QString details = traces::spanDetailsText(t, nodeOf(t, 4));
        QVERIFY(details.size() < 5000);
        QVERIFY(details.contains(QStringLiteral("db.statement = xxx")));
        QVERIFY(details.contains(QStringLiteral("On the critical path")));
    }

    void formatsDurations()
    {
        QCOMPARE(traces::formatDuration(1'500'000'000), QStringLiteral("1.50 s"));
        QCOMPARE(traces::formatDuration(12'340'000), QStringLiteral("12.3 ms"));
        QCOMPARE(traces::formatDuration(250'000), QStringLiteral("250 µs"));
        QCOMPARE(traces::formatDuration(12), QStringLiteral("12 ns"));
    }
};

QTEST_GUILESS_MAIN(TestTraceTree)
#include "tst_tracetree.moc"
