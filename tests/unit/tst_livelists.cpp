// The live log and trace list models (and the pieces the live feeds are made of): row updates keep
// the view's rows when records only arrive on top, and reset otherwise.
#include "items/LogListModel.h"
#include "items/NewestFirst.h"
#include "items/TraceListModel.h"
#include "live/LiveSeries.h"
#include "live/ThrottledRefresh.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace wf;

namespace {

signalstore::LogRow log(qint64 id, int severity = 9, const QString& body = QStringLiteral("hello"))
{
    signalstore::LogRow r;
    r.id = id;
    r.timeNs = 1'767'225'600'000'000'000LL + id * 1'000'000;
    r.severityNumber = severity;
    r.service = QStringLiteral("payments");
    r.body = body;
    return r;
}

std::vector<signalstore::LogRow> logs(std::initializer_list<qint64> ids)
{
    std::vector<signalstore::LogRow> out;
    for (qint64 id : ids)
        out.push_back(log(id));
    return out;
}

signalstore::TraceSummary trace(quint8 id, int spans, int errors = 0)
{
    std::array<std::uint8_t, 16> bytes{};
    bytes[15] = id;
    signalstore::TraceSummary t;
    t.traceId = telemetry::TraceId(bytes);
    t.rootService = QStringLiteral("gateway");
    t.rootName = QStringLiteral("GET /api/checkout");
    t.startNs = 1'767'225'600'000'000'000LL + id;
    t.durationNs = 12'400'000;
    t.spanCount = spans;
    t.errorCount = errors;
    return t;
}

} // namespace

class TestLiveLists : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshRowsOnTop()
    {
        using L = QList<int>;
        QCOMPARE(items::freshRowsOnTop(L{}, L{3, 2, 1}), 3);
        QCOMPARE(items::freshRowsOnTop(L{3, 2, 1}, L{5, 4, 3, 2, 1}), 2);
        QCOMPARE(items::freshRowsOnTop(L{3, 2, 1}, L{5, 4, 3}), 2); // the tail fell off the limit
        QCOMPARE(items::freshRowsOnTop(L{3, 2, 1}, L{3, 2, 1}), 0);
        QCOMPARE(items::freshRowsOnTop(L{3, 2, 1}, L{7, 6, 5}), -1); // old top gone
        QCOMPARE(items::freshRowsOnTop(L{3, 2, 1}, L{4, 3, 1}), -1); // not a prefix: another query
        QCOMPARE(items::freshRowsOnTop(L{3, 2, 1}, L{}), -1);
    }

    void logLevels()
    {
        QCOMPARE(items::logLevelOf(0), items::LogLevel::Unspecified);
        QCOMPARE(items::logLevelOf(1), items::LogLevel::Trace);
        QCOMPARE(items::logLevelOf(9), items::LogLevel::Info);
        QCOMPARE(items::logLevelOf(13), items::LogLevel::Warn);
        QCOMPARE(items::logLevelOf(17), items::LogLevel::Error);
        QCOMPARE(items::logLevelOf(20), items::LogLevel::Error);
        QCOMPARE(items::logLevelOf(24), items::LogLevel::Fatal);
        QCOMPARE(items::logLevelOf(25), items::LogLevel::Unspecified);
    }

    void logRowsArriveOnTopWithoutReset()
    {
        items::LogListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);

        model.setRows(logs({3, 2, 1}));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(resets.size(), 1);

        model.setRows(logs({5, 4, 3, 2}));
        QCOMPARE(resets.size(), 1);
        QCOMPARE(inserts.size(), 1);
        QCOMPARE(inserts.first().at(1).toInt(), 0);
        QCOMPARE(inserts.first().at(2).toInt(), 1);
        QCOMPARE(removes.size(), 1); // row 1 fell off the limit
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, 0).data(items::LogListModel::RowIdRole).toLongLong(), 5);
        QCOMPARE(model.index(3, 0).data(items::LogListModel::RowIdRole).toLongLong(), 2);

        model.setRows(logs({9, 8})); // a new search: nothing in common
        QCOMPARE(resets.size(), 2);
        QCOMPARE(model.rowCount(), 2);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void logCells()
    {
        items::LogListModel model;
        std::vector<signalstore::LogRow> rows{log(1, 17, QStringLiteral("pool exhausted\n  at Pool.get"))};
        rows[0].severityText = QStringLiteral("SEVERE");
        rows.push_back(log(2, 13));
        model.setRows(rows);
        QCOMPARE(model.columnCount(), int(items::LogListModel::ColumnCount));
        QCOMPARE(model.index(0, items::LogListModel::LevelColumn).data().toString(),
                 QStringLiteral("SEVERE"));
        QCOMPARE(model.index(1, items::LogListModel::LevelColumn).data().toString(), QStringLiteral("WARN"));
        QCOMPARE(
            model.index(0, items::LogListModel::LevelColumn).data(items::LogListModel::LevelRole).toInt(),
            int(items::LogLevel::Error));
        // One line per row; the whole body (stack trace and all) in the tooltip.
        QCOMPARE(model.index(0, items::LogListModel::BodyColumn).data().toString(),
                 QStringLiteral("pool exhausted …"));
        QVERIFY(model.index(0, items::LogListModel::BodyColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("at Pool.get")));
        QCOMPARE(model.index(0, items::LogListModel::ServiceColumn).data().toString(),
                 QStringLiteral("payments"));
        const QString time = model.index(0, items::LogListModel::TimeColumn).data().toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3}$")).match(time).hasMatch(),
                 qPrintable(time));
        QCOMPARE(model.headerData(items::LogListModel::BodyColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Message"));
    }

    void tracesUpdateInPlaceAndInsertOnTop()
    {
        items::TraceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.setRows({trace(2, 3), trace(1, 5)});
        QCOMPARE(resets.size(), 1);

        // Trace 2 gained spans and an error; trace 3 is new.
        model.setRows({trace(3, 1), trace(2, 7, 1), trace(1, 5)});
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(model.index(1, items::TraceListModel::SpansColumn).data().toInt(), 7);
        QCOMPARE(model.index(1, items::TraceListModel::ErrorsColumn).data().toInt(), 1);
        QVERIFY(model.index(1, 0).data(items::TraceListModel::HasErrorsRole).toBool());
        QVERIFY(!model.index(2, 0).data(items::TraceListModel::HasErrorsRole).toBool());
        QCOMPARE(model.index(2, items::TraceListModel::ErrorsColumn).data().toString(), QString());
        QCOMPARE(model.index(0, items::TraceListModel::DurationColumn).data().toString(),
                 QStringLiteral("12.4 ms"));
        QCOMPARE(model.index(0, items::TraceListModel::ServiceColumn).data().toString(),
                 QStringLiteral("gateway"));
    }

    void durations()
    {
        QCOMPARE(items::formatDuration(850), QStringLiteral("850 ns"));
        QCOMPARE(items::formatDuration(1'500), QStringLiteral("1.5 µs"));
        QCOMPARE(items::formatDuration(2'345'000), QStringLiteral("2.35 ms"));
        QCOMPARE(items::formatDuration(345'600'000), QStringLiteral("345.6 ms"));
        QCOMPARE(items::formatDuration(3'200'000'000), QStringLiteral("3.20 s"));
    }

    void throttleCoalescesAndNeverOverlaps()
    {
        int runs = 0;
        live::ThrottledRefresh* self = nullptr;
        live::ThrottledRefresh throttle(100, [&] { ++runs; });
        self = &throttle;
        throttle.request();
        QCOMPARE(runs, 1); // the first request runs at once
        for (int i = 0; i < 50; ++i)
            throttle.request();
        QTest::qWait(250);
        QCOMPARE(runs, 1); // still in flight: nothing else starts
        self->finished();
        QCOMPARE(runs, 2); // the remembered requests become one refresh, now that the interval passed
        self->finished();
        throttle.request();
        QCOMPARE(runs, 2); // too soon after the last one
        QTRY_COMPARE_WITH_TIMEOUT(runs, 3, 1000);
        self->finished();
        QTest::qWait(200);
        QCOMPARE(runs, 3); // no request, no refresh
    }

    void slidingWindowAlignsToTheStep()
    {
        const qint64 s = 1'000'000'000;
        const live::SeriesWindow w = live::slidingWindow(1000 * s + 123, 600 * s, 2 * s, 150, 0);
        QCOMPARE(w.stepNs, 4 * s);
        QCOMPARE(w.toNs, 1000 * s);
        QCOMPARE(w.fromNs, 400 * s);
        QCOMPARE(live::slidingWindow(1000 * s, 60 * s, 2 * s, 150, 0).stepNs, 2 * s);
        // The newest step must have ended lag ago: its points may still be on their way.
        const live::SeriesWindow lagged =
            live::slidingWindow(1000 * s + 500'000'000, 60 * s, 2 * s, 150, 3 * s);
        QCOMPARE(lagged.toNs, 996 * s);
        QCOMPARE(lagged.fromNs, 936 * s);
    }
};

QTEST_GUILESS_MAIN(TestLiveLists)
#include "tst_livelists.moc"
