// TraceWaterfall and TraceView offscreen: what the view shows after clicks, keys and find, and
// screenshots of a demo-shop trace during the scripted failure (written to <build>/screenshots/).

#include "../unit/TraceTestData.h"
#include "DemoShopData.h"
#include "waterfall/TraceView.h"
#include "waterfall/TraceWaterfall.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace wf;
using traces::TraceTree;
using ui::TraceView;
using ui::TraceWaterfall;

namespace {

// front A [0,100] -> db B [10,50], pay C [40,90] -> pay D [45,60] (error); E [95,99] off the path
std::shared_ptr<const TraceTree> smallTree()
{
    test::TraceBuilder b;
    b.add(1, 0, QStringLiteral("front"), QStringLiteral("GET /checkout"), 0, 100)
        .add(2, 1, QStringLiteral("db"), QStringLiteral("SELECT cart"), 10, 50)
        .add(3, 1, QStringLiteral("pay"), QStringLiteral("charge"), 40, 90)
        .add(4, 3, QStringLiteral("pay"), QStringLiteral("<b>acquire</b> connection"), 45, 60, true)
        .add(5, 1, QStringLiteral("cache"), QStringLiteral("get"), 20, 30);
    return std::make_shared<const TraceTree>(TraceTree::build(b.batch()));
}

QPoint rowCenter(const TraceWaterfall& w, int row, int x)
{
    const int rowsTop = 20; // axis; no minimap below 40 spans
    return QPoint(x, rowsTop + (row - w.firstVisibleRow()) * w.rowHeight() + w.rowHeight() / 2);
}

QString screenshotPath(const QString& name)
{
    QDir dir(QCoreApplication::applicationDirPath() + QStringLiteral("/../screenshots"));
    dir.mkpath(QStringLiteral("."));
    return dir.absoluteFilePath(name);
}

} // namespace

class TestWaterfall : public QObject
{
    Q_OBJECT
private slots:
    void collapseByClickingTheArrow()
    {
        TraceWaterfall w;
        w.resize(900, 300);
        w.setTree(smallTree());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.rows().count(), 5);
        // The root's arrow sits at the left edge (depth 0): clicking it hides the four children.
        QTest::mouseClick(w.viewport(), Qt::LeftButton, {}, rowCenter(w, 0, 4 + 6));
        QCOMPARE(w.rows().count(), 1);
        w.grab();
        QCOMPARE(w.paintedNodes(), std::vector<int>{0});
        QTest::mouseClick(w.viewport(), Qt::LeftButton, {}, rowCenter(w, 0, 4 + 6));
        QCOMPARE(w.rows().count(), 5);
        // Clicking a name selects; Left on an expanded parent collapses it.
        const int c = w.tree()->indexOf(test::spanIdOf(3));
        QTest::mouseClick(w.viewport(), Qt::LeftButton, {}, rowCenter(w, w.rows().rowOf(c), 100));
        QCOMPARE(w.selectedNode(), c);
        QTest::keyClick(w.viewport(), Qt::Key_Left);
        QCOMPARE(w.rows().count(), 4);
        QTest::keyClick(w.viewport(), Qt::Key_Right);
        QCOMPARE(w.rows().count(), 5);
        QTest::keyClick(w.viewport(), Qt::Key_Down);
        QCOMPARE(w.selectedNode(), w.tree()->indexOf(test::spanIdOf(4)));
    }

    void criticalPathIsDrawnHighlighted()
    {
        TraceWaterfall w;
        w.resize(900, 300);
        const auto tree = smallTree();
        w.setTree(tree);
        const QImage img = w.viewport()->grab().toImage();
        QSet<int> expected;
        for (int i = 0; i < tree->size(); ++i)
            if (tree->node(i).has(TraceTree::OnCriticalPath))
                expected.insert(i);
        QCOMPARE(w.paintedCriticalNodes(), expected);
        QVERIFY(!expected.contains(tree->indexOf(test::spanIdOf(5)))); // cache is overlapped by db
        QCOMPARE(expected.size(), 4);
        // The critical core of D (45..60 of 0..100) is painted in the text colour at the bar's middle.
        const int d = tree->indexOf(test::spanIdOf(4));
        const int row = w.rows().rowOf(d);
        const int nameWidth = std::clamp(int(w.viewport()->width() * 0.35), 160, 460);
        const int barLeft = nameWidth + 8;
        const int barWidth = w.viewport()->width() - barLeft - 70;
        const int x = barLeft + int(52.0 / 100.0 * barWidth);
        const QPoint center = rowCenter(w, row, x);
        QCOMPARE(img.pixelColor(center * img.devicePixelRatio()).rgb(),
                 w.palette().color(QPalette::Text).rgb());
        // Off the path, cache's bar has no core: its centre shows the service colour instead.
        const int e = tree->indexOf(test::spanIdOf(5));
        const QPoint ce = rowCenter(w, w.rows().rowOf(e), barLeft + int(25.0 / 100.0 * barWidth));
        QVERIFY(img.pixelColor(ce * img.devicePixelRatio()).rgb() != w.palette().color(QPalette::Text).rgb());
    }

    void findMovesToTheMatchAndDetailsArePlainText()
    {
        TraceView v;
        v.resize(1000, 600);
        v.setTree(smallTree());
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        v.waterfall()->setFocus();
        QTest::keySequence(&v, QKeySequence::Find);
        auto* find = v.findChild<QLineEdit*>();
        QVERIFY(find && find->isVisible() && find->hasFocus());
        QTest::keyClicks(find, QStringLiteral("acquire"));
        const int d = v.waterfall()->tree()->indexOf(test::spanIdOf(4));
        QCOMPARE(v.waterfall()->matchCount(), 1);
        QCOMPARE(v.waterfall()->selectedNode(), d);
        // The span name with markup is shown literally: the details pane is plain text.
        QVERIFY(v.detailsText().startsWith(QStringLiteral("pay: <b>acquire</b> connection")));
        QVERIFY(v.detailsText().contains(QStringLiteral("Status: ERROR")));

        find->clear();
        QTest::keyClicks(find, QStringLiteral("pay"));
        QCOMPARE(v.waterfall()->matchCount(), 2);
        const int first = v.waterfall()->selectedNode();
        QTest::keyClick(find, Qt::Key_Return);
        QVERIFY(v.waterfall()->selectedNode() != first);
        QTest::keyClick(find, Qt::Key_Return); // wraps around
        QCOMPARE(v.waterfall()->selectedNode(), first);
        QCOMPARE(v.selfTimeServiceAt(0), QStringLiteral("pay")); // 35 + 15 µs
    }

    void collapsedFindRevealsTheMatch()
    {
        TraceWaterfall w;
        w.resize(900, 300);
        w.setTree(smallTree());
        w.collapseBelowDepth(0);
        QCOMPARE(w.rows().count(), 1);
        w.setFindText(QStringLiteral("acquire"));
        QCOMPARE(w.rows().count(), 5); // ancestors expanded; rows by start: A, B, cache, C, D
        QCOMPARE(w.rows().rowOf(w.selectedNode()), 4);
    }

    void problemsAreShown()
    {
        test::TraceBuilder b;
        b.add(1, 0, QStringLiteral("a"), QStringLiteral("root"), 0, 100)
            .add(2, 99, QStringLiteral("b"), QStringLiteral("orphan"), 5, 10);
        TraceView v;
        v.setBatch(b.batch());
        QVERIFY(v.problemsText().contains(QStringLiteral("1 problem")));
        QVERIFY(v.problemsText().contains(QStringLiteral("not in the trace")));
    }

    void longTraceScrollsAndShowsMinimap()
    {
        test::TraceBuilder b;
        b.add(1, 0, QStringLiteral("gw"), QStringLiteral("batch"), 0, 20'000);
        for (int i = 2; i <= 5000; ++i)
            b.add(quint64(i), 1, i % 3 ? QStringLiteral("worker") : QStringLiteral("db"),
                  QStringLiteral("item"), i * 3, i * 3 + 50, i % 97 == 0);
        TraceWaterfall w;
        w.resize(900, 400);
        w.setTree(std::make_shared<const TraceTree>(TraceTree::build(b.batch())));
        w.grab();
        const auto visible = w.paintedNodes().size();
        QVERIFY(visible > 5 && visible < 30); // virtualised: only the rows in view
        w.selectNode(4000);
        w.grab();
        QVERIFY(std::find(w.paintedNodes().begin(), w.paintedNodes().end(), 4000) != w.paintedNodes().end());
        // A click in the minimap's top scrolls back to the start.
        QTest::mouseClick(w.viewport(), Qt::LeftButton, {}, QPoint(600, 2));
        QCOMPARE(w.firstVisibleRow(), 0);
    }

    void openFileOffTheUiThread()
    {
        TraceView v;
        QSignalSpy loaded(&v, &TraceView::traceLoaded);
        v.openFile(qEnvironmentVariable("WATCHFLOOR_SOURCE_DIR") +
                   QStringLiteral("/tests/data/traces/jaeger_checkout.json"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(v.waterfall()->tree()->size(), 4);
        QVERIFY2(v.titleText().startsWith(QStringLiteral("gateway: POST /checkout")),
                 qPrintable(v.titleText()));

        v.openFile(QStringLiteral("/nonexistent/trace.json"));
        QVERIFY(loaded.wait(10000));
        QVERIFY(!v.waterfall()->tree());
        QVERIFY2(v.titleText().startsWith(QStringLiteral("Cannot open /nonexistent/trace.json")),
                 qPrintable(v.titleText()));
    }

    void demoShopFailureScreenshot()
    {
        const auto data = test::simulateDemoShopFailure();
        const auto batch = data.slowFailingCheckout();
        QVERIFY(!batch.isEmpty());
        TraceView v;
        v.resize(1400, 820);
        v.setBatch(batch);
        v.show();
        QVERIFY(QTest::qWaitForWindowExposed(&v));
        const TraceTree* tree = v.waterfall()->tree();
        QVERIFY(!tree->errorNodes().empty());
        QVERIFY(!tree->criticalPath().empty());
        // The service that slowed the request down is payments (its pool wait).
        QCOMPARE(v.selfTimeServiceAt(0), QStringLiteral("payments"));
        // Select the first failed payments span so the details pane shows it.
        for (int n : tree->errorNodes())
            if (tree->serviceOf(n) == QLatin1String("payments")) {
                v.waterfall()->selectNode(n);
                break;
            }
        QVERIFY(v.detailsText().contains(QStringLiteral("Status: ERROR")));
        const QString path = screenshotPath(QStringLiteral("waterfall_demo_failure.png"));
        QVERIFY(v.grab().save(path));
        qInfo("screenshot: %s (%d spans)", qPrintable(path), tree->size());
    }
};

QTEST_MAIN(TestWaterfall)
#include "tst_waterfall.moc"
