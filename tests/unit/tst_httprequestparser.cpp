#include "receiver/HttpRequestParser.h"
#include "receiver/HttpResponse.h"
#include "receiver/OtlpRouter.h"

#include <QTest>

using namespace wf::receiver;
using Progress = HttpRequestParser::Progress;

namespace {

struct Outcome
{
    QList<HttpRequest> requests;
    int errorStatus = 0;
    QByteArray errorReason;
    qsizetype consumed = 0;
    int headersDone = 0;
};

// Feeds data in pieces of `step` bytes (0: all at once) and collects every completed request.
Outcome parseAll(QByteArrayView data, qsizetype step = 0, const HttpParserLimits& limits = {})
{
    Outcome out;
    HttpRequestParser parser(limits);
    const auto drive = [&](QByteArrayView piece) {
        qsizetype offset = 0;
        for (;;) {
            qsizetype used = -1;
            const Progress p = parser.feed(piece.sliced(offset), &used);
            if (used < 0 || used > piece.size() - offset)
                qFatal("parser consumed more than it was given");
            offset += used;
            out.consumed += used;
            switch (p) {
            case Progress::Failed:
                out.errorStatus = parser.errorStatus();
                out.errorReason = parser.errorReason();
                return false;
            case Progress::HeadersDone:
                ++out.headersDone;
                continue;
            case Progress::Done:
                out.requests.append(parser.takeRequest());
                continue;
            case Progress::NeedMore:
                if (offset != piece.size())
                    qFatal("parser asked for more input with bytes left");
                return true;
            }
        }
    };
    const qsizetype n = step > 0 ? step : std::max<qsizetype>(1, data.size());
    for (qsizetype pos = 0; pos < data.size(); pos += n) {
        if (!drive(data.sliced(pos, std::min(n, data.size() - pos))))
            return out;
    }
    drive({}); // completes a request whose body is empty
    return out;
}

QByteArray post(const QByteArray& body, const QByteArray& extra = {})
{
    return "POST /v1/traces HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extra +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray chunked(const QList<QByteArray>& chunks, const QByteArray& trailer = {})
{
    QByteArray out = "POST /v1/traces HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (const QByteArray& c : chunks)
        out += QByteArray::number(c.size(), 16) + "\r\n" + c + "\r\n";
    return out + "0\r\n" + trailer + "\r\n";
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contentLengthWholeAndByteAtATime()
    {
        const QByteArray raw = post(R"({"resourceSpans":[]})", "X-Probe: json\r\n");
        for (const qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(7)}) {
            const Outcome o = parseAll(raw, step);
            QCOMPARE(o.errorStatus, 0);
            QCOMPARE(o.requests.size(), 1);
            QCOMPARE(o.consumed, raw.size());
            QCOMPARE(o.headersDone, 1);
            const HttpRequest& r = o.requests.front();
            QCOMPARE(r.method, QByteArray("POST"));
            QCOMPARE(r.target, QByteArray("/v1/traces"));
            QCOMPARE(r.versionMinor, 1);
            QCOMPARE(r.framing, BodyFraming::ContentLength);
            QCOMPARE(r.body, QByteArray(R"({"resourceSpans":[]})"));
            QCOMPARE(r.header("x-probe"), QByteArray("json")); // names lower-cased
            QVERIFY(r.keepAlive);
        }
    }

    void chunkedWithExtensionsAndTrailers()
    {
        QByteArray raw = "POST /v1/logs?x=1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                         "5;name=value;flag\r\nhello\r\n"
                         "6 ; ext=\"quoted\"\r\n world\r\n"
                         "A\r\n0123456789\r\n"
                         "0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n";
        for (const qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(3)}) {
            const Outcome o = parseAll(raw, step);
            QCOMPARE(o.errorStatus, 0);
            QCOMPARE(o.requests.size(), 1);
            QCOMPARE(o.requests.front().body, QByteArray("hello world0123456789"));
            QCOMPARE(o.requests.front().framing, BodyFraming::Chunked);
            QCOMPARE(o.requests.front().path(), QByteArrayView("/v1/logs"));
            QVERIFY(!o.requests.front().hasHeader("x-checksum")); // trailers are dropped
        }
    }

    void pipelinedRequestsStayApart()
    {
        const QByteArray raw = post("first") + chunked({"sec", "ond"}) +
                               "GET /health HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n" +
                               post("fourth");
        for (const qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(5)}) {
            const Outcome o = parseAll(raw, step);
            QCOMPARE(o.errorStatus, 0);
            QCOMPARE(o.requests.size(), 4);
            QCOMPARE(o.requests[0].body, QByteArray("first"));
            QCOMPARE(o.requests[1].body, QByteArray("second"));
            QCOMPARE(o.requests[2].method, QByteArray("GET"));
            QVERIFY(!o.requests[2].keepAlive);
            QVERIFY(o.requests[2].body.isEmpty());
            QCOMPARE(o.requests[3].body, QByteArray("fourth"));
        }
    }

    void stopsAfterEachRequest()
    {
        // The parser must leave the next request's bytes with the caller, not swallow them.
        const QByteArray first = post("abc");
        const QByteArray raw = first + post("defg");
        HttpRequestParser parser;
        qsizetype used = 0;
        QCOMPARE(parser.feed(raw, &used), Progress::HeadersDone);
        qsizetype more = 0;
        QCOMPARE(parser.feed(QByteArrayView(raw).sliced(used), &more), Progress::Done);
        QCOMPARE(used + more, first.size());
        QCOMPARE(parser.takeRequest().body, QByteArray("abc"));
        QVERIFY(parser.atRequestStart());
    }

    void emptyLinesBeforeRequestTolerated()
    {
        const Outcome o = parseAll(QByteArray("\r\n\r\n" + post("x")));
        QCOMPARE(o.errorStatus, 0);
        QCOMPARE(o.requests.size(), 1);
    }

    void http10()
    {
        Outcome o = parseAll("GET /health HTTP/1.0\r\n\r\n");
        QCOMPARE(o.errorStatus, 0);
        QVERIFY(!o.requests.front().keepAlive);
        o = parseAll("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QVERIFY(o.requests.front().keepAlive);
        // Transfer-Encoding in 1.0 is faulty framing (RFC 9112 6.1).
        o = parseAll("POST /v1/traces HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        QCOMPARE(o.errorStatus, 400);
    }

    void expectContinue()
    {
        HttpRequestParser parser;
        qsizetype used = 0;
        const QByteArray head =
            "POST /v1/traces HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n";
        QCOMPARE(parser.feed(head, &used), Progress::HeadersDone);
        QVERIFY(parser.head().expectContinue);
        QCOMPARE(parser.feed({}, &used), Progress::NeedMore);
        QCOMPARE(parser.feed("{}", &used), Progress::Done);
        const Outcome bad =
            parseAll("POST / HTTP/1.1\r\nHost: h\r\nExpect: magic\r\nContent-Length: 0\r\n\r\n");
        QCOMPARE(bad.errorStatus, 417);
    }

    void statuses_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        const auto add = [](const char* name, const QByteArray& raw, int status) {
            QTest::newRow(name) << raw << status;
        };
        const QByteArray longTarget = "/" + QByteArray(9000, 'a');
        add("uri too long", "GET " + longTarget + " HTTP/1.1\r\nHost: h\r\n\r\n", 414);
        add("method too long", QByteArray(9000, 'G') + " / HTTP/1.1\r\n\r\n", 400);
        add("header too large", "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + QByteArray(17000, 'x') + "\r\n\r\n",
            431);
        QByteArray many = "GET / HTTP/1.1\r\nHost: h\r\n";
        for (int i = 0; i < 101; ++i)
            many += "X-" + QByteArray::number(i) + ": v\r\n";
        add("too many headers", many + "\r\n", 431);
        add("body too large by length", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 16777217\r\n\r\n",
            413);
        add("absurd content length",
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n", 413);
        add("chunk too large", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1000001\r\n",
            413);
        add("chunk size overflow",
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n", 413);
        add("gzip transfer coding", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
            501);
        add("http/2", QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n"), 505);
        add("garbage version", QByteArray("GET / HTTX/1.1\r\nHost: h\r\n\r\n"), 400);
        add("no version", QByteArray("GET /\r\n\r\n"), 400);
        add("double space", QByteArray("GET  / HTTP/1.1\r\nHost: h\r\n\r\n"), 400);
        add("bare LF", QByteArray("GET / HTTP/1.1\nHost: h\n\n"), 400);
        add("bare CR in header", QByteArray("GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n"), 400);
        add("NUL in header", QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX: a\0b\r\n\r\n", 35), 400);
        add("space before colon", QByteArray("GET / HTTP/1.1\r\nHost : h\r\n\r\n"), 400);
        add("obs-fold", QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n"), 400);
        add("no host", QByteArray("GET / HTTP/1.1\r\n\r\n"), 400);
        add("two hosts", QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), 400);
        add("chunk not hex",
            QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"), 400);
        add("chunk data without CRLF",
            QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX"), 400);
        add("chunk line too long",
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1;" + QByteArray(5000, 'e') +
                "\r\n",
            400);
        add("trailers too large",
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: " +
                QByteArray(5000, 't') + "\r\n\r\n",
            431);
        add("target with control char", QByteArray("GET /a\x01 HTTP/1.1\r\nHost: h\r\n\r\n"), 400);
    }

    void statuses()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        for (const qsizetype step : {qsizetype(0), qsizetype(1)}) {
            const Outcome o = parseAll(raw, step);
            QCOMPARE(o.errorStatus, status);
            QVERIFY(!o.errorReason.isEmpty());
            QVERIFY(o.requests.isEmpty());
        }
    }

    void smuggling_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("CL and TE") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n"
                                                 "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        QTest::newRow("TE and CL") << QByteArray(
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n"
            "Content-Length: 5\r\n\r\n0\r\n\r\n");
        QTest::newRow("differing CL") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n"
                                                    "Content-Length: 6\r\n\r\nabcdef");
        QTest::newRow("CL list differing")
            << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 6\r\n\r\n");
        QTest::newRow("signed CL") << QByteArray(
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +5\r\n\r\nabcde");
        QTest::newRow("hex CL") << QByteArray(
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0x5\r\n\r\nabcde");
        QTest::newRow("empty CL") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length:\r\n\r\n");
        QTest::newRow("chunked twice")
            << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, chunked\r\n\r\n");
        QTest::newRow("chunked not last")
            << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked, identity\r\n\r\n");
        QTest::newRow("TE obfuscated")
            << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: xchunked\r\n\r\n");
        QTest::newRow("TE with space in name")
            << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding : chunked\r\n\r\n");
        QTest::newRow("empty TE") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: \r\n\r\n");
        QTest::newRow("LF-only chunk line") << QByteArray(
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n");
        QTest::newRow("folded TE") << QByteArray(
            "POST / HTTP/1.1\r\nHost: h\r\nX: a\r\n Transfer-Encoding: chunked\r\n\r\n");
    }

    void smuggling()
    {
        QFETCH(QByteArray, raw);
        const Outcome o = parseAll(raw);
        QVERIFY2(o.errorStatus == 400 || o.errorStatus == 501, qPrintable(QString::number(o.errorStatus)));
        QVERIFY(o.requests.isEmpty());
    }

    void acceptedDuplicates()
    {
        // Identical repeated Content-Length values are allowed by RFC 9110 8.6.
        Outcome o =
            parseAll("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc");
        QCOMPARE(o.errorStatus, 0);
        QCOMPARE(o.requests.front().body, QByteArray("abc"));
        o = parseAll("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3\r\n\r\nabc");
        QCOMPARE(o.requests.front().body, QByteArray("abc"));
        o = parseAll("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: CHUNKED\r\n\r\n1\r\na\r\n0\r\n\r\n");
        QCOMPARE(o.requests.front().body, QByteArray("a"));
    }

    void bodyCapEnforcedWhileReading()
    {
        HttpParserLimits limits;
        limits.maxBodyBytes = 10;
        // Chunks that are small one by one but too large together: refused at the chunk that crosses
        // the cap, before its data is read.
        HttpRequestParser parser(limits);
        qsizetype used = 0;
        const QByteArray raw = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                               "6\r\nabcdef\r\n5\r\n";
        QCOMPARE(parser.feed(raw, &used), Progress::HeadersDone);
        QCOMPARE(parser.feed(QByteArrayView(raw).sliced(used), &used), Progress::Failed);
        QCOMPARE(parser.errorStatus(), 413);
        QCOMPARE(parser.bufferedBytes(), 0);
        // Exactly at the cap is fine.
        const Outcome o = parseAll(chunked({"abcde", "fghij"}), 1, limits);
        QCOMPARE(o.errorStatus, 0);
        QCOMPARE(o.requests.front().body.size(), 10);
    }

    void bufferedBytesBounded()
    {
        // A header line that never ends: the parser holds at most the header budget.
        HttpRequestParser parser;
        qsizetype used = 0;
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\nX: ", &used), Progress::NeedMore);
        const QByteArray junk(1024, 'x');
        Progress p = Progress::NeedMore;
        for (int i = 0; i < 64 && p == Progress::NeedMore; ++i) {
            p = parser.feed(junk, &used);
            QVERIFY(parser.bufferedBytes() <= parser.limits().maxHeaderBytes + 1);
        }
        QCOMPARE(p, Progress::Failed);
        QCOMPARE(parser.errorStatus(), 431);
    }

    void routerPolicy()
    {
        const auto head = [](const QByteArray& raw) {
            HttpRequestParser parser;
            qsizetype used = 0;
            if (parser.feed(raw, &used) != Progress::HeadersDone)
                qFatal("head did not parse");
            return parser.head();
        };
        const QByteArray json = "Content-Type: application/json; charset=utf-8\r\n";
        Route r = routeRequest(
            head("POST /v1/metrics HTTP/1.1\r\nHost: h\r\n" + json + "Content-Length: 2\r\n\r\n"), {});
        QCOMPARE(r.kind, Route::Kind::Otlp);
        QCOMPARE(r.signal, Signal::Metrics);
        QCOMPARE(r.contentType, ContentType::Json);
        r = routeRequest(head("POST /v1/nope HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n"), {});
        QCOMPARE(r.response.status, 404);
        r = routeRequest(head("GET /v1/traces HTTP/1.1\r\nHost: h\r\n\r\n"), {});
        QCOMPARE(r.response.status, 405);
        QCOMPARE(r.response.headers.front().second, QByteArray("POST"));
        r = routeRequest(head("POST /v1/traces HTTP/1.1\r\nHost: h\r\n" + json + "\r\n"), {});
        QCOMPARE(r.response.status, 411);
        r = routeRequest(
            head(
                "POST /v1/traces HTTP/1.1\r\nHost: h\r\nContent-Type: text/xml\r\nContent-Length: 2\r\n\r\n"),
            {});
        QCOMPARE(r.response.status, 415);
        r = routeRequest(head("POST /v1/traces HTTP/1.1\r\nHost: h\r\n" + json +
                              "Content-Encoding: br\r\nContent-Length: 2\r\n\r\n"),
                         {});
        QCOMPARE(r.response.status, 415);
        r = routeRequest(head("POST /v1/traces HTTP/1.1\r\nHost: h\r\n" + json +
                              "Content-Encoding: gzip\r\nContent-Length: 2\r\n\r\n"),
                         {});
        QCOMPARE(r.encoding, ContentEncoding::Gzip);
        r = routeRequest(head("POST /v1/traces HTTP/1.1\r\nHost: h\r\n" + json + "Content-Length: 2\r\n\r\n"),
                         "s3cret");
        QCOMPARE(r.response.status, 401);
        r = routeRequest(head("POST /v1/traces HTTP/1.1\r\nHost: h\r\nAuthorization: bearer s3cret\r\n" +
                              json + "Content-Length: 2\r\n\r\n"),
                         "s3cret");
        QCOMPARE(r.kind, Route::Kind::Otlp);
        QVERIFY(!bearerMatches("Bearer s3cre", "s3cret"));
        QVERIFY(!bearerMatches("Bearer s3cretX", "s3cret"));
        QVERIFY(!bearerMatches("Basic s3cret", "s3cret"));
        QVERIFY(!bearerMatches("Bearer ", ""));
        QVERIFY(parseContentType("Application/X-Protobuf") == ContentType::Protobuf);
        QVERIFY(!parseContentEncoding("gzip, gzip"));
        QVERIFY(parseContentEncoding("identity") == ContentEncoding::Identity);
    }

    void responses()
    {
        const QByteArray ok = serializeResponse(otlpSuccess(Signal::Traces, ContentType::Json, 0, {}), true);
        QVERIFY(ok.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(ok.endsWith("\r\n\r\n{}"));
        const HttpResponse partial =
            otlpSuccess(Signal::Logs, ContentType::Json, 3, QStringLiteral("bad ids"));
        QCOMPARE(partial.body,
                 QByteArray(R"({"partialSuccess":{"errorMessage":"bad ids","rejectedLogRecords":3}})"));
        // Protobuf: ExportLogsServiceResponse{partial_success{rejected 3, "x"}}.
        const HttpResponse pb = otlpSuccess(Signal::Logs, ContentType::Protobuf, 3, QStringLiteral("x"));
        QCOMPARE(pb.body, QByteArray("\x0a\x05\x08\x03\x12\x01x", 7));
        QVERIFY(otlpSuccess(Signal::Traces, ContentType::Protobuf, 0, {}).body.isEmpty());
        const QByteArray err = serializeResponse(
            withRetryAfter(otlpError(429, ContentType::Json, QStringLiteral("busy"))), false);
        QVERIFY(err.contains("Retry-After: 1\r\n"));
        QVERIFY(err.contains("Connection: close\r\n"));
        QVERIFY(err.endsWith(R"({"code":8,"message":"busy"})"));
    }
};

QTEST_APPLESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
