// PromQL completion without a GUI: which kind of completion the cursor position calls for, which
// candidates the known names give, and what picking one does to the text.

#include "prometheus/PromQLCompletion.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf::prometheus;

namespace {

KnownNames names()
{
    KnownNames n;
    n.metrics = {u"node_cpu_seconds_total"_s, u"node_load1"_s, u"up"_s, u"http_requests_total"_s};
    n.metricHelp.insert(u"node_load1"_s, u"1m load average."_s);
    n.labels = {u"instance"_s, u"job"_s, u"mode"_s};
    n.values = {u"idle"_s, u"system"_s, u"user"_s, u"we\"ird"_s};
    return n;
}

// The cursor is where '|' is in `marked`; returns the text without it.
QString at(const QString& marked, int* cursor)
{
    *cursor = int(marked.indexOf(u'|'));
    QString text = marked;
    text.remove(*cursor, 1);
    return text;
}

QStringList texts(const Completion& c)
{
    QStringList out;
    for (const auto& candidate : c.candidates)
        out << candidate.text;
    return out;
}

} // namespace

class TestPromQLCompletion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contextKinds_data()
    {
        QTest::addColumn<QString>("marked");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("label");
        const auto K = [](CompletionKind k) { return int(k); };
        QTest::newRow("start") << u"|"_s << K(CompletionKind::MetricOrFunction) << u""_s << u""_s << u""_s;
        QTest::newRow("word") << u"node_|"_s << K(CompletionKind::MetricOrFunction) << u"node_"_s << u""_s
                              << u""_s;
        QTest::newRow("in function") << u"rate(no|"_s << K(CompletionKind::MetricOrFunction) << u"no"_s
                                     << u""_s << u""_s;
        QTest::newRow("after operator")
            << u"up + |"_s << K(CompletionKind::MetricOrFunction) << u""_s << u""_s << u""_s;
        QTest::newRow("after brace") << u"node_cpu_seconds_total{|"_s << K(CompletionKind::LabelName) << u""_s
                                     << u"node_cpu_seconds_total"_s << u""_s;
        QTest::newRow("after comma") << u"up{job=\"a\", ins|}"_s << K(CompletionKind::LabelName) << u"ins"_s
                                     << u"up"_s << u""_s;
        QTest::newRow("bare selector") << u"{|"_s << K(CompletionKind::LabelName) << u""_s << u""_s << u""_s;
        QTest::newRow("value in quotes")
            << u"node_cpu_seconds_total{mode=\"id|\"}"_s << K(CompletionKind::LabelValue) << u"id"_s
            << u"node_cpu_seconds_total"_s << u"mode"_s;
        QTest::newRow("value regex") << u"up{job=~\"|"_s << K(CompletionKind::LabelValue) << u""_s << u"up"_s
                                     << u"job"_s;
        QTest::newRow("value no quote")
            << u"up{job=|"_s << K(CompletionKind::LabelValue) << u""_s << u"up"_s << u"job"_s;
        QTest::newRow("second matcher value")
            << u"up{job=\"a\",instance!=\"h|"_s << K(CompletionKind::LabelValue) << u"h"_s << u"up"_s
            << u"instance"_s;
        QTest::newRow("by list") << u"sum by (|) (up)"_s << K(CompletionKind::LabelName) << u""_s << u""_s
                                 << u""_s;
        QTest::newRow("without list 2nd")
            << u"sum without (job, in|) (up)"_s << K(CompletionKind::LabelName) << u"in"_s << u""_s << u""_s;
        QTest::newRow("after by list closes")
            << u"sum by (job) (ra|"_s << K(CompletionKind::MetricOrFunction) << u"ra"_s << u""_s << u""_s;
        QTest::newRow("range") << u"rate(up[5|])"_s << K(CompletionKind::Duration) << u"5"_s << u""_s
                               << u""_s;
        QTest::newRow("after closed selector")
            << u"up{job=\"a\"} |"_s << K(CompletionKind::None) << u""_s << u""_s << u""_s;
        QTest::newRow("number") << u"up > 1|"_s << K(CompletionKind::None) << u"1"_s << u""_s << u""_s;
        QTest::newRow("string outside selector")
            << u"label_replace(up, \"dst|\", \"$1\", \"src\", \"(.*)\")"_s << K(CompletionKind::None) << u""_s
            << u""_s << u""_s;
        QTest::newRow("brace in string does not open")
            << u"up{job=\"{\", mo|"_s << K(CompletionKind::LabelName) << u"mo"_s << u"up"_s << u""_s;
        QTest::newRow("escaped quote in value")
            << u"up{job=\"a\\\"b\", mode=\"u|"_s << K(CompletionKind::LabelValue) << u"u"_s << u"up"_s
            << u"mode"_s;
        QTest::newRow("comment") << u"up # a comm|"_s << K(CompletionKind::None) << u""_s << u""_s << u""_s;
    }

    void contextKinds()
    {
        QFETCH(QString, marked);
        QFETCH(int, kind);
        QFETCH(QString, prefix);
        QFETCH(QString, metric);
        QFETCH(QString, label);
        int cursor = 0;
        const QString text = at(marked, &cursor);
        const CompletionContext c = completionContext(text, cursor);
        QCOMPARE(int(c.kind), kind);
        if (c.kind == CompletionKind::None)
            return;
        QCOMPARE(c.prefix, prefix);
        QCOMPARE(c.metric, metric);
        QCOMPARE(c.label, label);
    }

    void metricCandidatesPrefixFirst()
    {
        int cursor = 0;
        const QString text = at(u"rate(node|"_s, &cursor);
        const Completion c = complete(text, cursor, names());
        QCOMPARE(texts(c), (QStringList{u"node_cpu_seconds_total"_s, u"node_load1"_s}));
        QCOMPARE(c.candidates.at(1).detail, u"1m load average."_s);
        QCOMPARE(c.context.replaceStart, 5);
        QCOMPARE(c.context.replaceEnd, 9);
    }

    void functionsAndKeywords()
    {
        int cursor = 0;
        const QString text = at(u"histogram_q|"_s, &cursor);
        const Completion c = complete(text, cursor, names());
        QCOMPARE(texts(c), QStringList{u"histogram_quantile"_s});
        QCOMPARE(c.candidates.constFirst().kind, CompletionCandidate::Kind::Function);
        QCOMPARE(c.candidates.constFirst().insert, u"histogram_quantile("_s);

        const QString w = at(u"sum(up) wi|"_s, &cursor);
        const Completion k = complete(w, cursor, names());
        QVERIFY(texts(k).contains(u"without"_s));
        QCOMPARE(k.candidates.constFirst().kind, CompletionCandidate::Kind::Keyword);
    }

    void substringMatchesAfterPrefixMatches()
    {
        int cursor = 0;
        const QString text = at(u"total|"_s, &cursor);
        const Completion c = complete(text, cursor, names());
        // Nothing starts with "total"; two metrics contain it.
        QCOMPARE(texts(c), (QStringList{u"http_requests_total"_s, u"node_cpu_seconds_total"_s}));
    }

    void labelNamesAndValues()
    {
        int cursor = 0;
        QString text = at(u"up{j|}"_s, &cursor);
        QCOMPARE(texts(complete(text, cursor, names())), QStringList{u"job"_s});

        text = at(u"up{mode=\"|\"}"_s, &cursor);
        Completion c = complete(text, cursor, names());
        QCOMPARE(texts(c), (QStringList{u"idle"_s, u"system"_s, u"user"_s, u"we\"ird"_s}));
        QVERIFY(c.context.insideQuotes);
        // Inside quotes a value is escaped for the PromQL string.
        QCOMPARE(c.candidates.at(3).insert, u"we\\\"ird"_s);

        text = at(u"up{mode=|}"_s, &cursor);
        c = complete(text, cursor, names());
        QVERIFY(!c.context.insideQuotes);
        QCOMPARE(c.candidates.constFirst().insert, u"\"idle\""_s);
    }

    void typedOutWordOffersNothing()
    {
        int cursor = 0;
        const QString text = at(u"up{job|"_s, &cursor);
        QVERIFY(complete(text, cursor, names()).candidates.isEmpty());
    }

    void limitIsKept()
    {
        KnownNames many;
        for (int i = 0; i < 1000; ++i)
            many.metrics << u"m_%1"_s.arg(i);
        QCOMPARE(complete(u"m_"_s, 2, many, 50).candidates.size(), 50);
    }

    void applyReplacesTheWholeWordOrValue()
    {
        int cursor = 0;
        QString text = at(u"rate(node_lo|ad[5m])"_s, &cursor);
        Completion c = complete(text, cursor, names());
        QCOMPARE(texts(c), QStringList{u"node_load1"_s});
        int after = 0;
        QCOMPARE(applyCompletion(text, c.context, c.candidates.constFirst(), &after),
                 u"rate(node_load1[5m])"_s);
        QCOMPARE(after, 15);

        text = at(u"up{mode=\"us|er_old\", job=\"x\"}"_s, &cursor);
        c = complete(text, cursor, names());
        QCOMPARE(texts(c), QStringList{u"user"_s});
        const QString applied = applyCompletion(text, c.context, c.candidates.constFirst(), &after);
        QCOMPARE(applied, u"up{mode=\"user\", job=\"x\"}"_s);
        QCOMPARE(applied.at(after - 1), u'"'); // past the closing quote

        // A value typed into an open quote gets its closing quote.
        text = at(u"up{mode=\"|"_s, &cursor);
        c = complete(text, cursor, names());
        QCOMPARE(applyCompletion(text, c.context, c.candidates.constFirst(), &after), u"up{mode=\"idle\""_s);
        QCOMPARE(after, 14);

        text = at(u"rate(up[|])"_s, &cursor);
        c = complete(text, cursor, names());
        QCOMPARE(c.candidates.constFirst().text, u"$__rate_interval"_s);
        QCOMPARE(applyCompletion(text, c.context, c.candidates.constFirst(), &after),
                 u"rate(up[$__rate_interval])"_s);
    }

    void cursorOutOfRangeIsClamped()
    {
        const CompletionContext c = completionContext(u"up"_s, 99);
        QCOMPARE(c.kind, CompletionKind::MetricOrFunction);
        QCOMPARE(c.prefix, u"up"_s);
        QCOMPARE(completionContext(QString(), -3).kind, CompletionKind::MetricOrFunction);
    }
};

QTEST_GUILESS_MAIN(TestPromQLCompletion)
#include "tst_promqlcompletion.moc"
