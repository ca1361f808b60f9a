// The trace search in the main window's central tabs (TraceSearchPresenter): the search tab takes the
// sources added before and after it opened, opening a result gives a trace tab whose links reach the
// handlers, "Compare with…" gives a compare tab (trees built off the UI thread), and closing the
// sources' owner closes the tabs. Traces from tests/data/jaeger (hand-written, see the README there).

#include "TraceSearchPresenter.h"
#include "dashboards/DashboardArea.h"
#include "mainwindow/MainWindow.h"
#include "net/HttpClient.h"
#include "theme/Theme.h"
#include "traces/JaegerClient.h"
#include "traces/TempoClient.h"
#include "traces/TraceApiResponses.h"
#include "traces/TraceCompareView.h"
#include "traces/TraceSearchView.h"
#include "traces/TraceSourceFactory.h"
#include "waterfall/TraceView.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;

namespace {

QByteArray recorded(const QString& path)
{
    QFile f(qEnvironmentVariable("WATCHFLOOR_SOURCE_DIR") + QStringLiteral("/tests/data/") + path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(path));
    return f.readAll();
}

template<typename T>
T* tabOf(ui::MainWindow& window, const QString& name)
{
    QTabWidget* tabs = window.dashboards()->tabs();
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->widget(i)->objectName() == name)
            return qobject_cast<T*>(tabs->widget(i));
    return nullptr;
}

} // namespace

class TestTraceSearchApp : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_tmp.filePath(QStringLiteral("config")));
    }

    void sourceFactory()
    {
        net::HttpClient http;
        auto jaeger = traces::makeTraceSearchSource(QStringLiteral("jaeger"),
                                                    QUrl(QStringLiteral("http://j:16686")), false, &http);
        QVERIFY(qobject_cast<traces::JaegerClient*>(jaeger.get()));
        auto tempo = traces::makeTraceSearchSource(QStringLiteral("tempo"), QUrl(QStringLiteral("https://t")),
                                                   true, &http);
        QVERIFY(qobject_cast<traces::TempoClient*>(tempo.get()));
        QCOMPARE(tempo->displayName(), QStringLiteral("Tempo (https://t)"));
        QVERIFY(!traces::makeTraceSearchSource(QStringLiteral("prometheus"), QUrl(QStringLiteral("http://p")),
                                               false, &http));
    }

    void tabsAndLinks()
    {
        QSettings settings(m_tmp.filePath(QStringLiteral("app.ini")), QSettings::IniFormat);
        ui::ThemeManager theme(&settings);
        ui::MainWindow window(&settings, &theme);
        window.setLayoutPersistent(false);
        window.resize(1400, 900);
        net::HttpClient http;
        auto jaeger =
            std::make_unique<traces::JaegerClient>(&http, QUrl(QStringLiteral("http://127.0.0.1:9/")));
        auto presenter = std::make_unique<app::TraceSearchPresenter>(&window);
        presenter->addSource(jaeger.get());

        ui::TraceSearchView* search = presenter->showSearch();
        QCOMPARE(tabOf<ui::TraceSearchView>(window, QStringLiteral("traceSearchTab")), search);
        QCOMPARE(window.dashboards()->tabs()->currentWidget(), search);
        QVERIFY(presenter->showSearch() == search); // raised, not duplicated
        // A source added while the tab is open joins it; a destroyed one leaves it.
        auto tempo =
            std::make_unique<traces::TempoClient>(&http, QUrl(QStringLiteral("http://127.0.0.1:9/")));
        presenter->addSource(tempo.get());
        QCOMPARE(search->findChild<QComboBox*>(QStringLiteral("traceSearchSource"))->count(), 2);
        tempo.reset();
        QCOMPARE(search->findChild<QComboBox*>(QStringLiteral("traceSearchSource"))->count(), 1);

        const traces::TraceSearchResult r =
            traces::parseJaegerTraces(recorded(QStringLiteral("jaeger/search_checkout.json")));
        QVERIFY(r.ok());
        QList<telemetry::TraceId> logsFor;
        QStringList metricsFor;
        presenter->setLogsHandler([&](const telemetry::TraceId& id) { logsFor << id; });
        presenter->setMetricsHandler([&](const QString& service, qint64, qint64) { metricsFor << service; });
        Q_EMIT search->traceOpened(r.spans[0], r.traces[0]); // as Enter on a result does
        auto* trace = tabOf<ui::TraceView>(window, QStringLiteral("traceSearchTraceTab"));
        QVERIFY(trace);
        QVERIFY(trace->titleText().contains(QStringLiteral("GET /checkout")));
        trace->logsAction()->trigger();
        trace->metricsAction()->trigger();
        QCOMPARE(logsFor, QList<telemetry::TraceId>{r.traces[0].traceId});
        QCOMPARE(metricsFor, QStringList{QStringLiteral("frontend")});

        Q_EMIT search->compareRequested(r.spans[1], r.traces[1], r.spans[0], r.traces[0]);
        QTRY_VERIFY(tabOf<ui::TraceCompareView>(window, QStringLiteral("traceCompareTab")));
        auto* compare = tabOf<ui::TraceCompareView>(window, QStringLiteral("traceCompareTab"));
        QCOMPARE(compare->comparison().added, 1);
        QVERIFY(compare->summaryText().contains(QStringLiteral("Baseline 1f3a0000")));

        const int before = window.dashboards()->tabs()->count();
        presenter.reset();
        QTRY_COMPARE(window.dashboards()->tabs()->count(), before - 3);
    }
};

QTEST_MAIN(TestTraceSearchApp)
#include "tst_trace_search_app.moc"
