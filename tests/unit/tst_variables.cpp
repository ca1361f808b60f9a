// Template variables: parsing of variable queries, resolution against a metrics source given as
// callbacks, regex filters, custom options, "All", selections, interpolation into PromQL with the
// right escaping, built-in intervals and legend formats.

#include "dashboard/Interpolation.h"
#include "dashboard/LegendFormat.h"
#include "dashboard/Variable.h"
#include "dashboard/VariableResolver.h"

#include <QTest>

using namespace wf::dashboard;
using namespace Qt::StringLiterals;

namespace {

Variable var(const QString& name, const QStringList& current, bool multi = false, bool includeAll = false)
{
    Variable v;
    v.name = name;
    v.kind = VariableKind::Custom;
    v.current = current;
    v.multi = multi;
    v.includeAll = includeAll;
    for (const QString& c : current)
        v.options << VariableOption{c, c};
    return v;
}

// A tiny metrics source: label values per (label, match) and fixed instant results, recording calls.
struct FakeSource
{
    QMap<QPair<QString, QString>, QStringList> values;
    QList<InstantSample> samples;
    QStringList calls;

    MetricsSource source()
    {
        MetricsSource s;
        s.labelValues = [this](const QString& label, const QString& match, MetricsSource::ValuesReply reply) {
            calls << u"values "_s + label + u" "_s + match;
            if (label == u"broken")
                return reply({}, u"server said no"_s);
            reply(values.value({label, match}), {});
        };
        s.labelNames = [this](const QString& match, MetricsSource::ValuesReply reply) {
            calls << u"names "_s + match;
            reply({u"instance"_s, u"job"_s}, {});
        };
        s.instantQuery = [this](const QString& expr, MetricsSource::SamplesReply reply) {
            calls << u"query "_s + expr;
            reply(samples, {});
        };
        return s;
    }
};

QList<VariableOption> resolved(const Variable& v, const QList<Variable>& scope, FakeSource& fake,
                               QString* error = nullptr)
{
    QList<VariableOption> out;
    bool called = false;
    resolveOptions(v, scope, {}, fake.source(), [&](const QList<VariableOption>& o, const QString& e) {
        out = o;
        called = true;
        if (error)
            *error = e;
    });
    if (!called)
        qWarning("resolveOptions did not call back");
    return out;
}

QStringList valuesOf(const QList<VariableOption>& options)
{
    QStringList out;
    for (const VariableOption& o : options)
        out << o.value;
    return out;
}

} // namespace

class TestVariables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseQueries()
    {
        VariableQuery q = parseVariableQuery(u"label_values(job)"_s);
        QCOMPARE(q.kind, VariableQuery::Kind::LabelValues);
        QCOMPARE(q.label, u"job"_s);
        QVERIFY(q.match.isEmpty());
        q = parseVariableQuery(u" label_values(node_uname_info{job=\"a\", env=~\"p.*\"}, instance) "_s);
        QCOMPARE(q.kind, VariableQuery::Kind::LabelValues);
        QCOMPARE(q.match, u"node_uname_info{job=\"a\", env=~\"p.*\"}"_s);
        QCOMPARE(q.label, u"instance"_s);
        q = parseVariableQuery(u"query_result(topk(5, sum by (job) (up)))"_s);
        QCOMPARE(q.kind, VariableQuery::Kind::QueryResult);
        QCOMPARE(q.expr, u"topk(5, sum by (job) (up))"_s);
        QCOMPARE(parseVariableQuery(u"metrics(node_.*)"_s).match, u"node_.*"_s);
        QCOMPARE(parseVariableQuery(u"label_names()"_s).kind, VariableQuery::Kind::LabelNames);
        QCOMPARE(parseVariableQuery(u"label_values(up, \"job\")"_s).kind, VariableQuery::Kind::Invalid);
        QCOMPARE(parseVariableQuery(u"up"_s).kind, VariableQuery::Kind::Invalid);
        QCOMPARE(parseVariableQuery(u"label_values(job"_s).kind, VariableQuery::Kind::Invalid);
        QCOMPARE(parseVariableQuery(u"query_result()"_s).kind, VariableQuery::Kind::Invalid);
    }

    void resolvesLabelValuesWithEarlierVariables()
    {
        FakeSource fake;
        fake.values[{u"instance"_s, u"up{job=\"node\"}"_s}] = {u"a:9100"_s, u"b:9100"_s};
        Variable instance;
        instance.name = u"instance"_s;
        instance.query = u"label_values(up{job=\"$job\"}, instance)"_s;
        const QList<VariableOption> options = resolved(instance, {var(u"job"_s, {u"node"_s})}, fake);
        QCOMPARE(valuesOf(options), (QStringList{u"a:9100"_s, u"b:9100"_s}));
        QCOMPARE(fake.calls, QStringList{u"values instance up{job=\"node\"}"_s});
    }

    void regexFilterPicksGroups()
    {
        const QStringList in{u"node_cpu_seconds_total"_s, u"node_load1"_s, u"up"_s, u"node_load1"_s};
        QString error;
        QCOMPARE(valuesOf(applyVariableRegex(in, u"/^node_(.*)$/"_s, &error)),
                 (QStringList{u"cpu_seconds_total"_s, u"load1"_s}));
        QVERIFY(error.isEmpty());
        QCOMPARE(valuesOf(applyVariableRegex(in, u"/NODE_LOAD/i"_s, &error)), QStringList{u"node_load1"_s});
        const QList<VariableOption> named =
            applyVariableRegex({u"web-1 10.0.0.1"_s}, u"/(?<text>\\S+) (?<value>\\S+)/"_s, &error);
        QCOMPARE(named.size(), 1);
        QCOMPARE(named[0].text, u"web-1"_s);
        QCOMPARE(named[0].value, u"10.0.0.1"_s);
        QVERIFY(applyVariableRegex(in, u"/(unclosed/"_s, &error).isEmpty());
        QVERIFY(error.contains(u"not valid"));
    }

    void queryResultAndMetrics()
    {
        FakeSource fake;
        InstantSample s;
        s.labels = {{u"__name__"_s, u"up"_s}, {u"job"_s, u"api"_s}, {u"instance"_s, u"h:1"_s}};
        s.value = 1;
        s.timestampMs = 1700000000000;
        fake.samples = {s};
        QCOMPARE(queryResultLine(s), u"up{instance=\"h:1\", job=\"api\"} 1 1700000000000"_s);
        Variable v;
        v.name = u"jobs"_s;
        v.query = u"query_result(up)"_s;
        v.regex = u"/job=\"([^\"]+)\"/"_s;
        QCOMPARE(valuesOf(resolved(v, {}, fake)), QStringList{u"api"_s});

        fake.values[{u"__name__"_s, QString()}] = {u"node_load1"_s, u"up"_s, u"node_load5"_s};
        v.query = u"metrics(node_load.*)"_s;
        v.regex.clear();
        QCOMPARE(valuesOf(resolved(v, {}, fake)), (QStringList{u"node_load1"_s, u"node_load5"_s}));
    }

    void errorsAreReported()
    {
        FakeSource fake;
        Variable v;
        v.name = u"x"_s;
        v.query = u"label_values(broken)"_s;
        QString error;
        QVERIFY(resolved(v, {}, fake, &error).isEmpty());
        QCOMPARE(error, u"server said no"_s);
        v.query = u"rate(up[5m])"_s;
        resolved(v, {}, fake, &error);
        QVERIFY2(error.contains(u"is not a variable query"), qPrintable(error));
        // A source that cannot answer a kind says so instead of hanging.
        v.query = u"query_result(up)"_s;
        bool called = false;
        resolveOptions(v, {}, {}, MetricsSource{}, [&](const QList<VariableOption>&, const QString& e) {
            called = true;
            error = e;
        });
        QVERIFY(called);
        QVERIFY(error.contains(u"query_result"));
    }

    void customConstantIntervalOptions()
    {
        const QList<VariableOption> custom =
            parseCustomOptions(u"prod : production, staging,host:9100, a\\,b"_s);
        QCOMPARE(custom.size(), 4);
        QCOMPARE(custom[0], (VariableOption{u"prod"_s, u"production"_s}));
        QCOMPARE(custom[1], (VariableOption{u"staging"_s, u"staging"_s}));
        QCOMPARE(custom[2], (VariableOption{u"host:9100"_s, u"host:9100"_s})); // no spaces: not a pair
        QCOMPARE(custom[3], (VariableOption{u"a,b"_s, u"a,b"_s}));
        FakeSource fake;
        Variable interval;
        interval.kind = VariableKind::Interval;
        interval.query = u"1m, 5m,1h"_s;
        QCOMPARE(valuesOf(resolved(interval, {}, fake)), (QStringList{u"1m"_s, u"5m"_s, u"1h"_s}));
        QVERIFY(fake.calls.isEmpty());
    }

    void resolveAllInOrderAndReconcile()
    {
        FakeSource fake;
        fake.values[{u"job"_s, QString()}] = {u"api"_s, u"node"_s};
        fake.values[{u"instance"_s, u"up{job=\"node\"}"_s}] = {u"n1"_s, u"n2"_s};
        Variable job;
        job.name = u"job"_s;
        job.query = u"label_values(job)"_s;
        job.current = {u"node"_s};
        Variable instance;
        instance.name = u"instance"_s;
        instance.query = u"label_values(up{job=\"$job\"}, instance)"_s;
        instance.current = {u"gone"_s}; // no longer an option: first one is selected
        Variable broken;
        broken.name = u"b"_s;
        broken.query = u"label_values(broken)"_s;
        broken.options = {VariableOption{u"old"_s, u"old"_s}};
        bool called = false;
        resolveVariables({job, instance, broken}, {}, fake.source(),
                         [&](const QList<Variable>& vars, const QStringList& errors) {
                             called = true;
                             QCOMPARE(vars[0].current, QStringList{u"node"_s});
                             QCOMPARE(valuesOf(vars[1].options), (QStringList{u"n1"_s, u"n2"_s}));
                             QCOMPARE(vars[1].current, QStringList{u"n1"_s});
                             QCOMPARE(valuesOf(vars[2].options), QStringList{u"old"_s});
                             QCOMPARE(errors, QStringList{u"b: server said no"_s});
                         });
        QVERIFY(called);
    }

    void reconcileKeepsAllAndMulti()
    {
        Variable v = var(u"x"_s, {u"a"_s, u"b"_s}, true, true);
        v.current = {u"b"_s, u"zz"_s, u"a"_s};
        QVERIFY(reconcileSelection(v));
        QCOMPARE(v.current, (QStringList{u"b"_s, u"a"_s}));
        v.current = {kAllValue.toString()};
        QVERIFY(!reconcileSelection(v));
        v.multi = false;
        v.current = {u"a"_s, u"b"_s};
        QVERIFY(reconcileSelection(v));
        QCOMPARE(v.current, QStringList{u"a"_s});
    }

    void interpolation_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QString>("expected");
        QTest::newRow("$var") << u"up{job=\"$job\"}"_s << u"up{job=\"node\"}"_s;
        QTest::newRow("${var}") << u"up{job=\"${job}\"}"_s << u"up{job=\"node\"}"_s;
        QTest::newRow("[[var]]") << u"up{job=\"[[job]]\"}"_s << u"up{job=\"node\"}"_s;
        QTest::newRow("multi is an escaped regex group")
            << u"up{instance=~\"$instance\"}"_s << u"up{instance=~\"(a\\\\.b:9100|c\\\\|d)\"}"_s;
        QTest::newRow(":regex") << u"${instance:regex}"_s << u"(a\\.b:9100|c\\|d)"_s;
        QTest::newRow(":pipe") << u"${instance:pipe}"_s << u"a.b:9100|c|d"_s;
        QTest::newRow(":csv") << u"${instance:csv}"_s << u"a.b:9100,c|d"_s;
        QTest::newRow(":json") << u"${instance:json}"_s << u"[\"a.b:9100\",\"c|d\"]"_s;
        QTest::newRow("[[var:csv]]") << u"[[instance:csv]]"_s << u"a.b:9100,c|d"_s;
        QTest::newRow(":text") << u"${env:text}"_s << u"Production"_s;
        QTest::newRow("single value string-escaped") << u"x=\"$quote\""_s << u"x=\"say \\\"hi\\\" \\\\o/\""_s;
        QTest::newRow("All expands to every option") << u"up{job=~\"$all\"}"_s << u"up{job=~\"(a|b)\"}"_s;
        QTest::newRow("custom All value verbatim") << u"up{job=~\"$allcustom\"}"_s << u"up{job=~\".*\"}"_s;
        QTest::newRow("unknown left alone") << u"up{job=\"$nope\"} $ ${}"_s << u"up{job=\"$nope\"} $ ${}"_s;
        QTest::newRow("longest name") << u"$job_name $job"_s << u"$job_name node"_s;
        QTest::newRow("builtins")
            << u"rate(x[$__rate_interval]) / $__interval $__range $__range_s $__interval_ms"_s
            << u"rate(x[1m15s]) / 15s 3600s 3600 15000"_s;
        QTest::newRow("multi with one value") << u"$one"_s << u"a\\\\.b"_s;
    }

    void interpolation()
    {
        QFETCH(QString, expr);
        QFETCH(QString, expected);
        Variable env = var(u"env"_s, {u"production"_s});
        env.options = {VariableOption{u"Production"_s, u"production"_s}};
        Variable all = var(u"all"_s, {kAllValue.toString()}, true, true);
        all.options = {VariableOption{u"a"_s, u"a"_s}, VariableOption{u"b"_s, u"b"_s}};
        Variable allCustom = all;
        allCustom.name = u"allcustom"_s;
        allCustom.allValue = u".*"_s;
        const QList<Variable> vars{var(u"job"_s, {u"node"_s}),
                                   var(u"instance"_s, {u"a.b:9100"_s, u"c|d"_s}, true),
                                   env,
                                   var(u"quote"_s, {u"say \"hi\" \\o/"_s}),
                                   all,
                                   allCustom,
                                   var(u"one"_s, {u"a.b"_s}, true)};
        const BuiltinIntervals builtins{15000, 75000, 3600000};
        QCOMPARE(interpolate(expr, vars, builtins), expected);
    }

    void intervals()
    {
        // 6 h over 1,000 points: 21.6 s, rounded up to 30 s so no more than 1,000 points are asked for.
        QCOMPARE(computeInterval(6 * 3600000LL, 1000), 30000);
        QCOMPARE(computeInterval(3600000, 1000), 5000);         // 3.6 s -> 5 s
        QCOMPARE(computeInterval(3600000, 1000, 15000), 15000); // min interval wins
        QCOMPARE(computeInterval(30LL * 86400000, 10), 3 * 86400000LL);
        QCOMPARE(rateInterval(15000, 15000), 60000);   // 4 x scrape
        QCOMPARE(rateInterval(120000, 15000), 135000); // interval + scrape
        for (qint64 range : {60000LL, 3600000LL, 86400000LL * 7}) {
            for (int points : {100, 733, 1920})
                QVERIFY(range / computeInterval(range, points) <= points);
        }
    }

    void builtinsForAPanel()
    {
        Panel p;
        const ResolvedRange sixHours{0, 6 * 3600000LL};
        // 1,000 px wide: 21.6 s per pixel -> 30 s steps; rate window 4 x 15 s scrape.
        BuiltinIntervals b = builtinsForPanel(p, sixHours, 1000);
        QCOMPARE(b.intervalMs, 30000);
        QCOMPARE(b.rateIntervalMs, 60000);
        QCOMPARE(b.rangeMs, 6 * 3600000LL);
        p.maxDataPoints = 100; // the panel's own limit wins over its width: 216 s -> 5 m
        QCOMPARE(builtinsForPanel(p, sixHours, 1000).intervalMs, 300000);
        p.maxDataPoints = 0;
        p.minInterval = u"2m"_s;
        QCOMPARE(builtinsForPanel(p, sixHours, 1000).intervalMs, 120000);
        // Never below the scrape interval, however wide the panel.
        p.minInterval.clear();
        QCOMPARE(builtinsForPanel(p, ResolvedRange{0, 600000}, 4000, 15000).intervalMs, 15000);
        QCOMPARE(interpolate(u"rate(x[$__rate_interval])"_s, {}, b), u"rate(x[1m])"_s);
    }

    void legendFormat()
    {
        const LabelSet labels{{u"__name__"_s, u"node_cpu_seconds_total"_s},
                              {u"instance"_s, u"h:9100"_s},
                              {u"mode"_s, u"idle"_s}};
        QCOMPARE(formatLegend(u"{{instance}} - {{ mode }}"_s, labels), u"h:9100 - idle"_s);
        QCOMPARE(formatLegend(u"{{missing}}x"_s, labels), u"x"_s);
        QCOMPARE(formatLegend(u"cpu {{mode"_s, labels), u"cpu {{mode"_s);
        QCOMPARE(formatLegend(QString(), labels),
                 u"node_cpu_seconds_total{instance=\"h:9100\", mode=\"idle\"}"_s);
        QCOMPARE(formatLegend(u"__auto"_s, {{u"a"_s, u"q\""_s}}), u"{a=\"q\\\"\"}"_s);
        QCOMPARE(seriesName({}), u"{}"_s);
    }

    void names()
    {
        QVERIFY(isValidVariableName(u"job_1"_s));
        QVERIFY(!isValidVariableName(u"__interval"_s));
        QVERIFY(!isValidVariableName(u"a-b"_s));
        QVERIFY(!isValidVariableName(QString()));
        QCOMPARE(variableKindFromName(u"custom"_s), VariableKind::Custom);
        QVERIFY(!variableKindFromName(u"adhoc"_s));
    }
};

QTEST_GUILESS_MAIN(TestVariables)
#include "tst_variables.moc"
