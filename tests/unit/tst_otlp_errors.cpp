// Every error path of the OTLP/JSON decoders, with the exact message a sender gets back, and every
// limit of DecodeLimits: what is rejected, what is only dropped or truncated and counted.

#include "otlp/OtlpJson.h"

#include <QTest>

using namespace wf;
using otlp::DecodeError;

namespace {

QByteArray spans(const QByteArray& spanList)
{
    return R"({"resourceSpans":[{"resource":{},"scopeSpans":[{"spans":[)" + spanList + "]}]}]}";
}

const QByteArray kIds = R"("traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"1112131415161718")";
const QByteArray kGood = "{" + kIds + "}";
const QString kSpan0 = QStringLiteral("resourceSpans[0].scopeSpans[0].spans[0]");

// The one error of a body whose single span is rejected.
QString spanError(const QByteArray& span, const otlp::DecodeLimits& limits = {})
{
    const auto r = otlp::decodeTracesJson(spans(span), limits);
    if (r.malformed || r.rejected != 1 || r.accepted != 0 || r.errors.size() != 1)
        return QStringLiteral("unexpected: malformed=%1 rejected=%2 errors=%3 %4")
            .arg(r.malformed)
            .arg(r.rejected)
            .arg(r.errors.size())
            .arg(r.englishErrorText());
    return r.errors[0].englishMessage();
}

QString malformed(const QByteArray& body)
{
    const auto r = otlp::decodeTracesJson(body);
    if (!r.malformed || !r.batch.isEmpty() || r.accepted != 0 || r.errors.isEmpty())
        return QStringLiteral("not malformed");
    return r.errors[0].englishMessage();
}

QString depthBody(int levels)
{
    QString v = QStringLiteral("{\"stringValue\":\"leaf\"}");
    for (int i = 1; i < levels; ++i)
        v = QStringLiteral("{\"arrayValue\":{\"values\":[") + v + QStringLiteral("]}}");
    return v;
}

} // namespace

class TestOtlpErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idErrorsNameThePath_data()
    {
        QTest::addColumn<QByteArray>("span");
        QTest::addColumn<QString>("message");
        const QByteArray spanId = R"("spanId":"1112131415161718")";
        QTest::newRow("short") << QByteArray(R"({"traceId":"0102030405060708090a0b0c0d0e0f1",)" + spanId +
                                             "}")
                               << kSpan0 + QStringLiteral(".traceId: expected 32 hex characters, got 31");
        QTest::newRow("not hex")
            << QByteArray(R"({"traceId":"0102030405060708090a0b0c0d0e0fzz",)" + spanId + "}")
            << kSpan0 + QStringLiteral(".traceId: contains a character that is not a hex digit");
        QTest::newRow("zeros") << QByteArray(R"({"traceId":"00000000000000000000000000000000",)" + spanId +
                                             "}")
                               << kSpan0 + QStringLiteral(".traceId: an id of all zeros is invalid");
        QTest::newRow("missing") << QByteArray("{" + spanId + "}")
                                 << kSpan0 + QStringLiteral(".traceId: required field is missing");
        QTest::newRow("empty") << QByteArray(R"({"traceId":"",)" + spanId + "}")
                               << kSpan0 + QStringLiteral(".traceId: required field is missing");
        QTest::newRow("base64 not hex")
            << QByteArray(R"({"traceId":"AQIDBAUGBwgJCgsMDQ4PEA==",)" + spanId + "}")
            << kSpan0 + QStringLiteral(".traceId: expected 32 hex characters, got 24");
        QTest::newRow("span id array")
            << QByteArray(R"({"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":[]})")
            << kSpan0 + QStringLiteral(".spanId: expected a string, got an array");
        QTest::newRow("span id zero")
            << QByteArray(R"({"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0000000000000000"})")
            << kSpan0 + QStringLiteral(".spanId: an id of all zeros is invalid");
        QTest::newRow("parent short")
            << QByteArray("{" + kIds + R"(,"parentSpanId":"abc"})")
            << kSpan0 + QStringLiteral(".parentSpanId: expected 16 hex characters, got 3");
        QTest::newRow("link id") << QByteArray("{" + kIds +
                                               R"(,"links":[{},{"traceId":"01","spanId":"02"}]})")
                                 << kSpan0 + QStringLiteral(".links[0].traceId: required field is missing");
    }
    void idErrorsNameThePath()
    {
        QFETCH(QByteArray, span);
        QFETCH(QString, message);
        QCOMPARE(spanError(span), message);
    }

    void typeAndValueErrors_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<QString>("message");
        QTest::newRow("name number") << QByteArray(R"("name":5)")
                                     << QStringLiteral(".name: expected a string, got a number");
        QTest::newRow("attributes object") << QByteArray(R"("attributes":{})")
                                           << QStringLiteral(".attributes: expected an array, got an object");
        QTest::newRow("attribute not object")
            << QByteArray(R"("attributes":[{"key":"a","value":{}},"x"])")
            << QStringLiteral(".attributes[1]: expected an object, got a string");
        QTest::newRow("time text") << QByteArray(R"("startTimeUnixNano":"abc")")
                                   << QStringLiteral(".startTimeUnixNano: expected an integer, got \"abc\"");
        QTest::newRow("time negative") << QByteArray(R"("startTimeUnixNano":"-5")")
                                       << QStringLiteral(".startTimeUnixNano: number out of range: -5");
        QTest::newRow("time over int64")
            << QByteArray(R"("endTimeUnixNano":"9223372036854775808")")
            << QStringLiteral(".endTimeUnixNano: number out of range: 9223372036854775808");
        QTest::newRow("time over uint64")
            << QByteArray(R"("endTimeUnixNano":"18446744073709551616")")
            << QStringLiteral(".endTimeUnixNano: number out of range: \"18446744073709551616\"");
        QTest::newRow("time bool") << QByteArray(R"("endTimeUnixNano":true)")
                                   << QStringLiteral(".endTimeUnixNano: expected a number, got a boolean");
        QTest::newRow("int fraction")
            << QByteArray(R"("attributes":[{"key":"k","value":{"intValue":1.5}}])")
            << QStringLiteral(".attributes[0].value.intValue: expected an integer, got 1.5");
        QTest::newRow("int huge")
            << QByteArray(R"("attributes":[{"key":"k","value":{"intValue":99999999999999999999}}])")
            << QStringLiteral(".attributes[0].value.intValue: number out of range: 99999999999999999999");
        QTest::newRow("double text")
            << QByteArray(R"("attributes":[{"key":"k","value":{"doubleValue":"x1"}}])")
            << QStringLiteral(".attributes[0].value.doubleValue: expected a number, got \"x1\"");
        QTest::newRow("double huge")
            << QByteArray(R"("attributes":[{"key":"k","value":{"doubleValue":1e400}}])")
            << QStringLiteral(".attributes[0].value.doubleValue: number out of range: 1e400");
        QTest::newRow("bool text") << QByteArray(R"("attributes":[{"key":"k","value":{"boolValue":"true"}}])")
                                   << QStringLiteral(
                                          ".attributes[0].value.boolValue: expected a boolean, got a string");
        QTest::newRow("bytes") << QByteArray(R"("attributes":[{"key":"k","value":{"bytesValue":"!!!"}}])")
                               << QStringLiteral(".attributes[0].value.bytesValue: invalid base64");
        QTest::newRow("kind name") << QByteArray(R"("kind":"SPAN_KIND_BOGUS")")
                                   << QStringLiteral(".kind: unknown enum value \"SPAN_KIND_BOGUS\"");
        QTest::newRow("kind huge") << QByteArray(R"("kind":4294967296)")
                                   << QStringLiteral(".kind: number out of range: 4294967296");
        QTest::newRow("status code") << QByteArray(R"("status":{"code":[]})")
                                     << QStringLiteral(".status.code: expected a number, got an array");
        QTest::newRow("event") << QByteArray(R"("events":[{"name":"e","timeUnixNano":{}}])")
                               << QStringLiteral(".events[0].timeUnixNano: expected a number, got an object");
        QTest::newRow("flags") << QByteArray(R"("flags":4294967296)")
                               << QStringLiteral(".flags: number out of range: 4294967296");
        QTest::newRow("kv key") << QByteArray(R"("attributes":[{"key":1}])")
                                << QStringLiteral(".attributes[0].key: expected a string, got a number");
        QTest::newRow("too deep") << (QByteArray(R"("attributes":[{"key":"k","value":)") +
                                      depthBody(9).toUtf8() + "}]")
                                  << QStringLiteral(
                                         ".attributes[0].value.arrayValue.values[0].arrayValue.values[0]."
                                         "arrayValue.values[0].arrayValue.values[0].arrayValue.values[0]."
                                         "arrayValue.values[0].arrayValue.values[0].arrayValue.values[0]: "
                                         "values nested deeper than 8 levels");
    }
    void typeAndValueErrors()
    {
        QFETCH(QByteArray, fields);
        QFETCH(QString, message);
        QCOMPARE(spanError("{" + kIds + "," + fields + "}"), kSpan0 + message);
    }

    void nestingUpToTheLimitIsAccepted()
    {
        const auto r = otlp::decodeTracesJson(
            spans("{" + kIds + R"(,"attributes":[{"key":"k","value":)" + depthBody(8).toUtf8() + "}]}"));
        QCOMPARE(r.accepted, 1);
        QCOMPARE(r.rejected, 0);
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("the body is empty");
        QTest::newRow("not json") << QByteArray("hello") << QStringLiteral("the body is not valid JSON (%1)");
        QTest::newRow("unclosed") << QByteArray(R"({"resourceSpans":[)")
                                  << QStringLiteral("the body is not valid JSON (%1)");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("expected an object, got an array");
        QTest::newRow("scalar") << QByteArray("42") << QStringLiteral("expected an object, got a number");
        QTest::newRow("trailing") << QByteArray("{}{}") << QStringLiteral("the body is not valid JSON (%1)");
        QTest::newRow("bad literal") << spans("{" + kIds +
                                              R"(,"attributes":[{"key":"k","value":{"boolValue":tru}}]})")
                                     << QStringLiteral("the body is not valid JSON (%1)");
        QTest::newRow("bad escape") << spans("{" + kIds + R"(,"name":"\x"})")
                                    << QStringLiteral("the body is not valid JSON (%1)");
        QTest::newRow("not utf8") << spans("{" + kIds + ",\"name\":\"\xff\"}")
                                  << QStringLiteral("the body is not valid JSON (%1)");
        QTest::newRow("resourceSpans object")
            << QByteArray(R"({"resourceSpans":{}})")
            << QStringLiteral("resourceSpans: expected an array, got an object");
        QTest::newRow("resource string")
            << QByteArray(R"({"resourceSpans":[{"resource":"x"}]})")
            << QStringLiteral("resourceSpans[0].resource: expected an object, got a string");
        QTest::newRow("resource attribute")
            << QByteArray(
                   R"({"resourceSpans":[{"resource":{"attributes":[{"key":"a","value":{"intValue":"x"}}]}}]})")
            << QStringLiteral(
                   "resourceSpans[0].resource.attributes[0].value.intValue: expected an integer, got \"x\"");
        QTest::newRow("scope name")
            << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"scope":{"name":[]}}]}]})")
            << QStringLiteral("resourceSpans[0].scopeSpans[0].scope.name: expected a string, got an array");
        QTest::newRow("spans object")
            << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":{}}]}]})")
            << QStringLiteral("resourceSpans[0].scopeSpans[0].spans: expected an array, got an object");
        QString deep = QStringLiteral("1");
        for (int i = 0; i < 100; ++i)
            deep = QLatin1Char('[') + deep + QLatin1Char(']');
        QTest::newRow("json depth") << spans("{" + kIds + R"(,"unknown":)" + deep.toUtf8() + "}")
                                    << QStringLiteral("JSON nested deeper than 64 levels");
    }
    void malformedRequests()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const QString got = malformed(body);
        // Parser errors found while walking an item carry the path where they surfaced.
        if (message.contains(QLatin1String("%1")))
            QVERIFY2(got.contains(message.left(message.indexOf(QLatin1String("%1")))), qPrintable(got));
        else
            QVERIFY2(got == message || got.endsWith(QStringLiteral(": ") + message), qPrintable(got));
    }

    void malformedAfterGoodSpansKeepsNothing()
    {
        const auto r = otlp::decodeTracesJson(spans(kGood + "," + kGood + R"(,{"name":"\q"})"));
        QVERIFY(r.malformed);
        QVERIFY(r.batch.isEmpty());
        QCOMPARE(r.accepted, 0);
        QCOMPARE(r.rejected, 3);
    }

    void partialSuccessKeepsTheValidSpans()
    {
        const auto r = otlp::decodeTracesJson(spans(kGood + R"(,{"spanId":"1112131415161718"},)" + kGood));
        QVERIFY(!r.malformed);
        QVERIFY(r.isPartial());
        QCOMPARE(r.accepted, 2);
        QCOMPARE(r.rejected, 1);
        QCOMPARE(r.batch.size(), 2);
        QCOMPARE(
            r.englishErrorText(),
            QStringLiteral("resourceSpans[0].scopeSpans[0].spans[1].traceId: required field is missing"));
        // No translator is installed, so the UI text is the English one.
        QCOMPARE(r.errorText(), r.englishErrorText());
    }

    void onlyTheFirstErrorsAreKeptButAllAreCounted()
    {
        QByteArray list;
        for (int i = 0; i < 10; ++i)
            list += (i ? "," : "") + QByteArray("{}");
        const auto r = otlp::decodeTracesJson(spans(list));
        QCOMPARE(r.rejected, 10);
        QCOMPARE(r.errorCount, 10);
        QCOMPARE(r.errors.size(), 5);
        QVERIFY(r.englishErrorText().endsWith(QStringLiteral("; 5 more errors")));
        QVERIFY(r.englishErrorText().startsWith(
            QStringLiteral("resourceSpans[0].scopeSpans[0].spans[0].traceId: required field is missing; ")));
    }

    void tooManyItemsAreRejected()
    {
        otlp::DecodeLimits limits;
        limits.maxItems = 3;
        const auto r = otlp::decodeTracesJson(
            spans(kGood + "," + kGood + "," + kGood + "," + kGood + "," + kGood), limits);
        QVERIFY(!r.malformed);
        QCOMPARE(r.accepted, 3);
        QCOMPARE(r.rejected, 2);
        QCOMPARE(r.errorCount, 1);
        QCOMPARE(r.errors[0].englishMessage(),
                 QStringLiteral(
                     "resourceSpans[0].scopeSpans[0].spans[3]: more than 3 items in one request; the rest "
                     "were rejected"));
    }

    void tooManyEnvelopesMakeTheRequestMalformed()
    {
        otlp::DecodeLimits limits;
        limits.maxItems = 2;
        QCOMPARE(otlp::decodeTracesJson(R"({"resourceSpans":[{},{},{}]})", limits).malformed, true);
        QCOMPARE(otlp::decodeTracesJson(R"({"resourceSpans":[{"scopeSpans":[{},{},{}]}]})", limits).malformed,
                 true);
    }

    void extraAttributesAreDroppedAndCounted()
    {
        otlp::DecodeLimits limits;
        limits.maxAttributesPerItem = 2;
        const auto r = otlp::decodeTracesJson(
            spans(
                "{" + kIds +
                R"(,"droppedAttributesCount":5,"attributes":[{"key":"a"},{"key":"b"},{"key":"c"},{"key":"d"}]})"),
            limits);
        QCOMPARE(r.accepted, 1);
        QCOMPARE(r.errorCount, 0);
        QCOMPARE(r.droppedAttributes, 2);
        const auto& a = r.batch.spans()[0].attributes;
        QCOMPARE(a.size(), 2);
        QCOMPARE(a.at(1).key, QStringLiteral("b"));
        QCOMPARE(a.droppedCount(), 7u); // the sender's 5 and our 2
    }

    void extraEventsLinksAndValuesAreDroppedAndCounted()
    {
        otlp::DecodeLimits limits;
        limits.maxEventsPerSpan = 1;
        limits.maxLinksPerSpan = 1;
        limits.maxArrayValues = 2;
        const QByteArray link =
            R"({"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"2122232425262728"})";
        const auto r = otlp::decodeTracesJson(
            spans("{" + kIds +
                  R"(,"droppedEventsCount":1,"events":[{"name":"a"},{"name":"b"},{"name":"c"}],"links":[)" +
                  link + "," + link +
                  R"(],"attributes":[{"key":"arr","value":{"arrayValue":{"values":[{},{},{}]}}}]})"),
            limits);
        QCOMPARE(r.accepted, 1);
        const auto& s = r.batch.spans()[0];
        QCOMPARE(s.events.size(), 1u);
        QCOMPARE(s.droppedEventsCount, 3u);
        QCOMPARE(s.links.size(), 1u);
        QCOMPARE(s.droppedLinksCount, 1u);
        QCOMPARE(s.attributes.value(u"arr").array().size(), 2u);
        QCOMPARE(r.droppedValues, 4);
    }

    void longStringsAreTruncatedWithAMarker()
    {
        otlp::DecodeLimits limits;
        limits.maxStringBytes = 5;
        // "é" is two bytes in UTF-8: the cut must not split one.
        const auto r = otlp::decodeTracesJson(
            spans("{" + kIds +
                  R"(,"name":"abcdefgh","attributes":[{"key":"k","value":{"stringValue":"ééé"}},)" +
                  R"({"key":"b","value":{"bytesValue":"aGVsbG8gd29ybGQ="}}]})"),
            limits);
        QCOMPARE(r.accepted, 1);
        QCOMPARE(r.truncatedStrings, 3);
        const auto& s = r.batch.spans()[0];
        QCOMPARE(s.name, QStringLiteral("abcde") + QChar(0x2026));
        QCOMPARE(s.attributes.value(u"k").toString(), QStringLiteral("éé") + QChar(0x2026));
        QCOMPARE(s.attributes.value(u"b").toBytes(), QByteArray("hello"));
    }

    void messagesRenderTheirArguments()
    {
        DecodeError e{DecodeError::Code::HexLength, QStringLiteral("a.b"), QStringLiteral("16"),
                      QStringLiteral("%1")};
        QCOMPARE(e.englishMessage(), QStringLiteral("a.b: expected 16 hex characters, got %1"));
        DecodeError noPath{DecodeError::Code::EmptyBody, {}, {}, {}};
        QCOMPARE(noPath.message(), QStringLiteral("the body is empty"));
    }
};

QTEST_GUILESS_MAIN(TestOtlpErrors)
#include "tst_otlp_errors.moc"
