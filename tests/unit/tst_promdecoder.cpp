// PromResponseDecoder against the real captured Prometheus 2.42 answers in tests/data/samples and
// hand-written ones: every result type, special values, limits, error envelopes, proxy pages, and
// malformed shapes each rejected with a message.

#include "TestSupport.h"
#include "prometheus/PromResponseDecoder.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace wf;
using namespace wf::prometheus;
using namespace Qt::StringLiterals;

namespace {

QByteArray sample(const QString& name)
{
    QFile f(test::samplePath(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing sample %s", qPrintable(name));
    return f.readAll();
}

QString label(const SeriesSet& s, const QString& key)
{
    for (const auto& [k, v] : s.labels)
        if (k == key)
            return v;
    return {};
}

// A body without spare capacity, so the copy path is exercised too.
QByteArray tight(const char* text)
{
    QByteArray b(text);
    b.squeeze();
    return b;
}

} // namespace

class TestPromDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void capturedMatrix()
    {
        const MetricsResult r = decodeQueryResponse(sample(u"prom_query_range_rate_cpu.json"_s));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.resultType, ResultType::Matrix);
        QCOMPARE(r.series.size(), 16u); // 2 CPUs x 8 modes, as the README says
        for (const SeriesSet& s : r.series) {
            QCOMPARE(s.timesNs.size(), 31u);
            QCOMPARE(s.values.size(), 31u);
            QCOMPARE(label(s, u"job"_s), u"node"_s);
            QCOMPARE(label(s, u"instance"_s), u"127.0.0.1:9100"_s);
            QVERIFY(!label(s, u"mode"_s).isEmpty());
            QVERIFY(std::is_sorted(s.timesNs.begin(), s.timesNs.end()));
        }
        const SeriesSet& first = r.series.front();
        QCOMPARE(label(first, u"cpu"_s), u"0"_s);
        QCOMPARE(label(first, u"mode"_s), u"idle"_s);
        QCOMPARE(first.timesNs.front(), 1795471027LL * 1'000'000'000);
        QCOMPARE(first.timesNs.back(), 1795471057LL * 1'000'000'000);
        QCOMPARE(first.values[0], 0.010000000000019327);
        QCOMPARE(first.values[2], 0.007499999999993179);
        QVERIFY(r.warnings.isEmpty());
        QVERIFY(!r.truncated);
    }

    void capturedInstantMatrixKeepsMilliseconds()
    {
        const MetricsResult r = decodeQueryResponse(sample(u"prom_query_matrix_instant.json"_s));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.resultType, ResultType::Matrix);
        QCOMPARE(r.series.size(), 1u);
        QCOMPARE(label(r.series[0], u"__name__"_s), u"up"_s);
        QCOMPARE(r.series[0].timesNs.front(), 1795471052830LL * 1'000'000);
        QCOMPARE(r.series[0].values, std::vector<double>(5, 1.0));
    }

    void capturedVector()
    {
        const MetricsResult r = decodeQueryResponse(sample(u"prom_query_rate_cpu_vector.json"_s));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.resultType, ResultType::Vector);
        QCOMPARE(r.series.size(), 8u);
        QCOMPARE(r.series[0].labels.size(), 1);
        QCOMPARE(label(r.series[0], u"mode"_s), u"idle"_s);
        QCOMPARE(r.series[0].values, std::vector<double>{0.8825000000000216});
        QCOMPARE(r.series[0].timesNs, std::vector<qint64>{1795471057LL * 1'000'000'000});

        const MetricsResult up = decodeQueryResponse(sample(u"prom_query_up_vector.json"_s));
        QVERIFY(up.ok());
        QVERIFY(up.series.size() >= 5);
        QCOMPARE(label(up.series[0], u"job"_s), u"prometheus"_s);
    }

    void capturedScalarAndString()
    {
        const MetricsResult s = decodeQueryResponse(sample(u"prom_query_scalar.json"_s));
        QVERIFY2(s.ok(), qPrintable(s.error.message));
        QCOMPARE(s.resultType, ResultType::Scalar);
        QCOMPARE(s.series.size(), 1u);
        QVERIFY(s.series[0].labels.isEmpty());
        QCOMPARE(s.series[0].values, std::vector<double>{6.0});

        const MetricsResult t = decodeQueryResponse(sample(u"prom_query_string.json"_s));
        QVERIFY2(t.ok(), qPrintable(t.error.message));
        QCOMPARE(t.resultType, ResultType::String);
        QCOMPARE(t.text, u"hello"_s);
        QVERIFY(t.series.empty());
    }

    void capturedParseErrorKeepsPosition()
    {
        const MetricsResult r = decodeQueryResponse(sample(u"prom_query_error_bad_data.json"_s), 400);
        QVERIFY(!r.ok());
        QCOMPARE(r.error.kind, MetricsErrorKind::BadQuery);
        QCOMPARE(r.error.errorType, u"bad_data"_s);
        QCOMPARE(r.error.httpStatus, 400);
        QVERIFY2(r.error.message.contains(u"1:31: parse error: unclosed left parenthesis"_s),
                 qPrintable(r.error.message));
        QCOMPARE(r.error.line, 1);
        QCOMPARE(r.error.column, 31);
    }

    void specialValues()
    {
        const MetricsResult r = decodeQueryResponse(tight(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\":"
            "\"b\"},"
            "\"values\":[[1,\"NaN\"],[2,\"+Inf\"],[3,\"-Inf\"],[4,\"1e3\"],[5,\"-0.5\"],[6,7.25]]}]}}"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        const std::vector<double>& v = r.series.at(0).values;
        QCOMPARE(v.size(), 6u);
        QVERIFY(std::isnan(v[0]));
        QVERIFY(std::isinf(v[1]) && v[1] > 0);
        QVERIFY(std::isinf(v[2]) && v[2] < 0);
        QCOMPARE(v[3], 1000.0);
        QCOMPARE(v[4], -0.5);
        QCOMPARE(v[5], 7.25);
    }

    void fieldOrderAndUnknownFieldsDoNotMatter()
    {
        // resultType after result, extra fields as VictoriaMetrics/Thanos send them, warnings and infos.
        const MetricsResult r =
            decodeQueryResponse(tight("{\"stats\":{\"seriesFetched\":\"1\"},\"data\":{\"result\":[{"
                                      "\"values\":[[10.5,\"1\"]],\"extra\":{\"x\":[1,2]},"
                                      "\"metric\":{\"job\":\"vm\"}}],\"resultType\":\"matrix\",\"isPartial\":"
                                      "true},\"warnings\":[\"partial response: "
                                      "store down\"],\"infos\":[\"PromQL info: metric might not be a "
                                      "counter\"],\"status\":\"success\"}"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.series.size(), 1u);
        QCOMPARE(r.series[0].timesNs, std::vector<qint64>{10'500'000'000});
        QCOMPARE(r.warnings, QStringList{u"partial response: store down"_s});
        QCOMPARE(r.infos, QStringList{u"PromQL info: metric might not be a counter"_s});
    }

    void nativeHistogramsAreReported()
    {
        const MetricsResult r = decodeQueryResponse(
            tight("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                  "{\"metric\":{\"__name__\":\"h\"},\"histograms\":[[1,{\"count\":\"2\",\"sum\":\"3\","
                  "\"buckets\":[[0,\"0\",\"1\",\"2\"]]}],"
                  "[2,{\"count\":\"3\",\"sum\":\"4\"}]]},"
                  "{\"metric\":{\"__name__\":\"f\"},\"values\":[[1,\"1\"]]}]}}"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.series.size(), 1u); // the histogram-only series is dropped...
        QCOMPARE(label(r.series[0], u"__name__"_s), u"f"_s);
        QCOMPARE(r.warnings.size(), 1); // ...and reported
        QVERIFY2(r.warnings[0].contains(u"2 native histogram"_s), qPrintable(r.warnings[0]));
    }

    void seriesLimitTruncatesWithWarning()
    {
        QByteArray body = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[";
        for (int i = 0; i < 50; ++i)
            body += (i ? "," : "") + QByteArray("{\"metric\":{\"i\":\"") + QByteArray::number(i) +
                    "\"},\"value\":[1,\"1\"]}";
        body += "]}}";
        DecodeLimits limits;
        limits.maxSeries = 10;
        const MetricsResult r = decodeQueryResponse(body, 200, limits);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.series.size(), 10u);
        QVERIFY(r.truncated);
        QCOMPARE(label(r.series[9], u"i"_s), u"9"_s);
        QVERIFY2(r.warnings.value(0).contains(u"10 of 50"_s), qPrintable(r.warnings.value(0)));
    }

    void sampleAndLabelLimitsReject()
    {
        const QByteArray body =
            tight("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                  "{\"metric\":{\"a\":\"0123456789\"},\"values\":[[1,\"1\"],[2,\"2\"],[3,\"3\"]]}]}}");
        DecodeLimits few;
        few.maxSamples = 2;
        const MetricsResult r = decodeQueryResponse(body, 200, few);
        QCOMPARE(r.error.kind, MetricsErrorKind::TooLarge);
        QVERIFY(r.error.message.contains(u"2 samples"_s));
        QVERIFY(r.series.empty());

        DecodeLimits small;
        small.maxLabelBytes = 8;
        const MetricsResult l = decodeQueryResponse(body, 200, small);
        QCOMPARE(l.error.kind, MetricsErrorKind::TooLarge);
        QVERIFY(l.error.message.contains(u"8 bytes"_s));
    }

    void proxyPagesAndNonApiBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("html login page") << QByteArray("\n<!DOCTYPE html><html><title>Sign in</title></html>")
                                         << 200 << int(MetricsErrorKind::NotPrometheus) << u"web page"_s;
        QTest::newRow("html 502 from proxy") << QByteArray("<html><body>502 Bad Gateway</body></html>") << 502
                                             << int(MetricsErrorKind::HttpStatus) << u"502"_s;
        QTest::newRow("503 plain text")
            << QByteArray("Service Unavailable") << 503 << int(MetricsErrorKind::Unavailable) << u"503"_s;
        QTest::newRow("empty") << QByteArray() << 200 << int(MetricsErrorKind::NotPrometheus) << u"empty"_s;
        QTest::newRow("plain text") << QByteArray("hello world") << 200
                                    << int(MetricsErrorKind::NotPrometheus) << u"hello world"_s;
        QTest::newRow("json without status")
            << QByteArray("{\"data\":{}}") << 200 << int(MetricsErrorKind::NotPrometheus) << u"status"_s;
        QTest::newRow("json array") << QByteArray("[1,2]") << 200 << int(MetricsErrorKind::NotPrometheus)
                                    << u"not the Prometheus"_s;
        QTest::newRow("422 envelope") << QByteArray("{\"status\":\"error\",\"errorType\":\"execution\","
                                                    "\"error\":\"many-to-many matching not allowed\"}")
                                      << 422 << int(MetricsErrorKind::Execution) << u"many-to-many"_s;
        QTest::newRow("503 envelope")
            << QByteArray("{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"TSDB not ready\"}")
            << 503 << int(MetricsErrorKind::Unavailable) << u"TSDB not ready"_s;
        QTest::newRow("timeout envelope")
            << QByteArray("{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in "
                          "expression evaluation\"}")
            << 503 << int(MetricsErrorKind::Timeout) << u"timed out"_s;
    }

    void proxyPagesAndNonApiBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(int, kind);
        QFETCH(QString, mentions);
        const MetricsResult r = decodeQueryResponse(body, status);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error.kind), kind);
        QVERIFY2(r.error.message.contains(mentions), qPrintable(r.error.message));
        QVERIFY(r.series.empty());
    }

    void malformedShapes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("mentions");
        const QByteArray head = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[";
        QTest::newRow("truncated json") << head + "{\"metric\":{},\"values\":[[1,\"1\"" << u"JSON"_s;
        QTest::newRow("value not a number")
            << head + "{\"metric\":{},\"values\":[[1,\"abc\"]]}]}}" << u"abc"_s;
        QTest::newRow("timestamp string")
            << head + "{\"metric\":{},\"values\":[[\"1\",\"1\"]]}]}}" << u"timestamp"_s;
        QTest::newRow("timestamp huge")
            << head + "{\"metric\":{},\"values\":[[1e300,\"1\"]]}]}}" << u"timestamp"_s;
        QTest::newRow("triple") << head + "{\"metric\":{},\"values\":[[1,\"1\",2]]}]}}" << u"two"_s;
        QTest::newRow("single") << head + "{\"metric\":{},\"values\":[[1]]}]}}" << u"pair"_s;
        QTest::newRow("out of order")
            << head + "{\"metric\":{},\"values\":[[2,\"1\"],[1,\"1\"]]}]}}" << u"order"_s;
        QTest::newRow("label not string")
            << head + "{\"metric\":{\"a\":1},\"values\":[[1,\"1\"]]}]}}" << u"label"_s;
        QTest::newRow("no metric") << head + "{\"values\":[[1,\"1\"]]}]}}" << u"metric"_s;
        QTest::newRow("no samples") << head + "{\"metric\":{}}]}}" << u"samples"_s;
        QTest::newRow("values twice")
            << head + "{\"metric\":{},\"values\":[[1,\"1\"]],\"values\":[[2,\"1\"]]}]}}" << u"twice"_s;
        QTest::newRow("unknown type")
            << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"tensor\",\"result\":[]}}")
            << u"tensor"_s;
        QTest::newRow("no data") << QByteArray("{\"status\":\"success\"}") << u"data"_s;
        QTest::newRow("vector with range")
            << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{"
                          "\"metric\":{},\"values\":[[1,\"1\"],[2,\"2\"]]}]}}")
            << u"vector"_s;
        QTest::newRow("scalar as series")
            << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[{"
                          "\"metric\":{},\"value\":[1,\"1\"]}]}}")
            << u"scalar"_s;
        QTest::newRow("status odd")
            << QByteArray("{\"status\":\"maybe\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}")
            << u"status"_s;
        QTest::newRow("trailing")
            << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}} x")
            << u"JSON"_s;
    }

    void malformedShapes()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, mentions);
        const MetricsResult r = decodeQueryResponse(body);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.kind == MetricsErrorKind::Malformed, qPrintable(r.error.message));
        QVERIFY2(r.error.message.contains(mentions, Qt::CaseInsensitive), qPrintable(r.error.message));
        QVERIFY(r.series.empty());
    }

    // The byte scan for the usual [[t,"v"],...] shape and the On-Demand path it falls back to must
    // agree: the same series whatever the spacing, and any unusual sample (exponent time, number
    // value, escape, disorder, a limit) decoded or rejected exactly as the generic path does.
    void sampleScanAgreesWithTheGenericPath()
    {
        const QByteArray compact =
            tight(R"({"status":"success","data":{"resultType":"matrix","result":[)"
                  R"({"metric":{"a":"1"},"values":[[1795471027,"0.5"],)"
                  R"([1795471028.25,"+Inf"],[1795471029.5,"-1e-3"],[1795471030.125,"NaN"]]}]}})");
        // Pretty-printed: whitespace everywhere JSON allows it (still the scan).
        const QByteArray spaced =
            tight("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[\n"
                  " {\"metric\":{\"a\":\"1\"},\"values\": [ \n  [ 1795471027 , \"0.5\" ] ,\n"
                  "  [1795471028.25,\"+Inf\"],\t[1795471029.5,\"-1e-3\"],\r\n"
                  "  [1795471030.125,\"NaN\"]\n ] }\n]}}");
        // An exponent timestamp in the last sample sends the whole series down the generic path.
        const QByteArray generic =
            tight(R"({"status":"success","data":{"resultType":"matrix","result":[)"
                  R"({"metric":{"a":"1"},"values":[[1795471027,"0.5"],)"
                  R"([1795471028.25,"+Inf"],[1795471029.5,-1e-3],[1.795471030125e9,"NaN"]]}]}})");
        const MetricsResult a = decodeQueryResponse(compact);
        const MetricsResult b = decodeQueryResponse(spaced);
        const MetricsResult c = decodeQueryResponse(generic);
        for (const MetricsResult* r : {&a, &b, &c}) {
            QVERIFY2(r->ok(), qPrintable(r->error.message));
            QCOMPARE(r->series.size(), 1u);
            const SeriesSet& s = r->series[0];
            QCOMPARE(s.timesNs, (std::vector<qint64>{1795471027000000000, 1795471028250000000,
                                                     1795471029500000000, 1795471030125000000}));
            QCOMPARE(s.values[0], 0.5);
            QVERIFY(std::isinf(s.values[1]) && s.values[1] > 0);
            QCOMPARE(s.values[2], -1e-3);
            QVERIFY(std::isnan(s.values[3]));
            QCOMPARE(label(s, u"a"_s), u"1"_s);
        }

        // Disorder found by the scan is reported by the generic path with its message.
        const MetricsResult disorder =
            decodeQueryResponse(tight(R"({"status":"success","data":{"resultType":"matrix","result":[)"
                                      R"({"metric":{},"values":[[2,"1"],[1,"2"]]}]}})"));
        QCOMPARE(disorder.error.kind, MetricsErrorKind::Malformed);
        QVERIFY2(disorder.error.message.contains(u"time order"_s), qPrintable(disorder.error.message));

        // The sample limit holds on the scan too.
        DecodeLimits limits;
        limits.maxSamples = 3;
        const MetricsResult over = decodeQueryResponse(compact, 200, limits);
        QCOMPARE(over.error.kind, MetricsErrorKind::TooLarge);

        // Broken sample shapes the scan gives up on still fail with the generic messages.
        for (const char* values :
             {R"([[1,"1"],[2]])", R"([[1,"1"],[2,"2",3]])", R"([[1,"1"],[2,"x"]])",
              "[[1,\"1\"],[2,\"\\u0031\"]]", R"([[1,"1"],[2,true]])", R"([[1,"1"],"2"])"}) {
            const MetricsResult r = decodeQueryResponse(
                QByteArray(
                    R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":)") +
                values + "}]}}");
            QVERIFY2(!r.ok() && !r.error.message.isEmpty(), values);
            QVERIFY(r.series.empty());
        }
    }

    void emptyResultIsOk()
    {
        const MetricsResult r = decodeQueryResponse(
            tight("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}"));
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.resultType, ResultType::Matrix);
        QVERIFY(r.series.empty());
    }
};

QTEST_GUILESS_MAIN(TestPromDecoder)
#include "tst_promdecoder.moc"
