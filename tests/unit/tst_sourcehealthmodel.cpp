#include "items/SourceHealthModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using wf::HealthState;
using wf::SourceHealth;
using wf::SourceHealthModel;

namespace {

SourceHealth source(const QString& name, const QString& url, bool insecure = false)
{
    SourceHealth s;
    s.name = name;
    s.kind = QStringLiteral("prometheus");
    s.url = QUrl(url);
    s.insecureTls = insecure;
    return s;
}

} // namespace

class TestSourceHealthModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsAndRoles()
    {
        SourceHealthModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSources({source(QStringLiteral("prom"), QStringLiteral("http://127.0.0.1:9090")),
                          source(QStringLiteral("edge"), QStringLiteral("https://edge.example"), true)});
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex edge = model.index(1);
        QCOMPARE(edge.data().toString(), QStringLiteral("edge"));
        QCOMPARE(edge.data(SourceHealthModel::StateRole).toInt(), int(HealthState::Unknown));
        QCOMPARE(edge.data(SourceHealthModel::InsecureRole).toBool(), true);
        QVERIFY(edge.data(Qt::ToolTipRole).toString().contains(QStringLiteral("TLS verification off")));
        QVERIFY(!model.index(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("TLS")));
    }

    void updateHealthEmitsDataChangedForThatRowOnly()
    {
        SourceHealthModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSources({source(QStringLiteral("a"), QStringLiteral("http://a")),
                          source(QStringLiteral("b"), QStringLiteral("http://b"))});
        QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
        const QDateTime when = QDateTime::fromSecsSinceEpoch(1795471057, Qt::UTC);
        model.updateHealth(QStringLiteral("b"), HealthState::Down, QStringLiteral("connection refused"), -1,
                           when);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toModelIndex().row(), 1);
        const QModelIndex b = model.index(1);
        QCOMPARE(b.data(SourceHealthModel::StateRole).toInt(), int(HealthState::Down));
        const QString tip = b.data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(QStringLiteral("connection refused")));
        QVERIFY(tip.contains(QStringLiteral("2027-")) || tip.contains(QStringLiteral("2026-")));
        QCOMPARE(model.index(0).data(SourceHealthModel::StateRole).toInt(), int(HealthState::Unknown));

        model.updateHealth(QStringLiteral("nobody"), HealthState::Up, {}, 3, when);
        QCOMPARE(spy.size(), 1);
    }

    void setSourcesKeepsHealthOnlyForUnchangedTargets()
    {
        SourceHealthModel model;
        model.setSources({source(QStringLiteral("a"), QStringLiteral("http://a")),
                          source(QStringLiteral("b"), QStringLiteral("http://b"))});
        const QDateTime now = QDateTime::currentDateTimeUtc();
        model.updateHealth(QStringLiteral("a"), HealthState::Up, {}, 12, now);
        model.updateHealth(QStringLiteral("b"), HealthState::Up, {}, 12, now);
        model.setSources({source(QStringLiteral("a"), QStringLiteral("http://a")),
                          source(QStringLiteral("b"), QStringLiteral("http://b-moved"))});
        QCOMPARE(model.index(0).data(SourceHealthModel::StateRole).toInt(), int(HealthState::Up));
        QCOMPARE(model.index(0).data(SourceHealthModel::LatencyRole).toLongLong(), 12);
        QCOMPARE(model.index(1).data(SourceHealthModel::StateRole).toInt(), int(HealthState::Unknown));
    }
};

QTEST_GUILESS_MAIN(TestSourceHealthModel)
#include "tst_sourcehealthmodel.moc"
