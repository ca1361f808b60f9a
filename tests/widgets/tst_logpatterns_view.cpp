// LogPatternsView offscreen on the demo shop's logs during its scripted failure: the table shows one
// row per pattern, most frequent first, new patterns marked; stack traces grouped; a screenshot.

#include "DemoShopData.h"
#include "logs/LogPatternModel.h"
#include "patterns/LogPatternsView.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace wf;

class TestLogPatternsView : public QObject
{
    Q_OBJECT
private slots:
    void modelUnderTester()
    {
        logs::LogPatternModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        logs::LogPatterns p(logs::LogPatterns::Options{.buckets = 4});
        p.add(QStringLiteral("a 1"), 0);
        p.add(QStringLiteral("b <i>x</i>"), 0);
        p.add(QStringLiteral("a 2"), 0);
        model.setPatterns(p.patterns());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, logs::LogPatternModel::PatternColumn).data().toString(),
                 QStringLiteral("a <NUM>"));
        QCOMPARE(model.index(0, logs::LogPatternModel::CountColumn).data().toString(), QStringLiteral("2"));
        // The example tooltip shows log text escaped, never as markup.
        QVERIFY(model.index(1, logs::LogPatternModel::PatternColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("&lt;i&gt;x&lt;/i&gt;")));
    }

    void demoShopPatterns()
    {
        const auto data = test::simulateDemoShopFailure();
        QVERIFY(data.logs.size() > 100);
        logs::LogPatterns::Options o;
        o.histogramStartNs = data.logs.front().second;
        o.bucketNs = 1'000'000'000;
        o.buckets = 40;
        o.newSinceNs = data.failureStartUnixNs;
        logs::LogPatterns patterns(o);
        for (const auto& [body, t] : data.logs)
            patterns.add(body, t);

        ui::LogPatternsView view;
        view.resize(1200, 700);
        view.setPatterns(patterns);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto* model = view.table()->model();
        QCOMPARE(model->rowCount(), patterns.size());
        QVERIFY(patterns.size() < int(data.logs.size()) / 5); // templates, not lines
        qint64 previous = std::numeric_limits<qint64>::max();
        int fresh = 0;
        for (int r = 0; r < model->rowCount(); ++r) {
            const qint64 count = model->index(r, 0).data(logs::LogPatternModel::CountRole).toLongLong();
            QVERIFY(count <= previous);
            previous = count;
            if (model->index(r, logs::LogPatternModel::NewColumn).data().toString() ==
                QStringLiteral("new")) {
                ++fresh;
                QVERIFY(model->index(r, 0).data(logs::LogPatternModel::IsNewRole).toBool());
            }
        }
        QVERIFY2(fresh > 0, "the failure's error messages are new since the incident started");
        const QString path = QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/../screenshots"))
                                 .absoluteFilePath(QStringLiteral("log_patterns_demo_failure.png"));
        QDir().mkpath(QFileInfo(path).absolutePath());
        QVERIFY(view.grab().save(path));
        qInfo("screenshot: %s (%d patterns, %d new, %d stack groups)", qPrintable(path), patterns.size(),
              fresh, int(patterns.stackGroups().groups().size()));
        QCOMPARE(view.stackTable()->rowCount(), int(patterns.stackGroups().groups().size()));
    }
};

QTEST_MAIN(TestLogPatternsView)
#include "tst_logpatterns_view.moc"
