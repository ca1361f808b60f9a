// LogPatterns (Drain-style templates) and stack trace grouping, with known answers.

#include "logs/LogPatterns.h"

#include <QTest>

using namespace wf::logs;

class TestLogPatterns : public QObject
{
    Q_OBJECT
private slots:
    void masksVariableParts_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("masked");
        QTest::newRow("numbers") << QStringLiteral("took 42 ms, retries=3")
                                 << QStringLiteral("took <NUM> ms, retries=<NUM>");
        QTest::newRow("duration") << QStringLiteral("timeout after 5000ms (1.5s)")
                                  << QStringLiteral("timeout after <DUR> (<DUR>)");
        QTest::newRow("uuid") << QStringLiteral("user 123e4567-e89b-12d3-a456-426614174000 logged in")
                              << QStringLiteral("user <UUID> logged in");
        QTest::newRow("ip") << QStringLiteral("from 10.0.12.7:51234 to 192.168.1.1")
                            << QStringLiteral("from <IP> to <IP>");
        QTest::newRow("hex") << QStringLiteral("trace 4bf92f3577b34da6 ptr 0x7ffd1234")
                             << QStringLiteral("trace <HEX> ptr <HEX>");
        QTest::newRow("quoted") << QStringLiteral(R"(user "bob smith" said 'hi there', ok)")
                                << QStringLiteral("user <STR> said <STR>, ok");
        QTest::newRow("mixed") << QStringLiteral("order=ord-1048213 db=payments-db:5432")
                               << QStringLiteral("order=ord-<NUM> db=payments-db:<NUM>");
        QTest::newRow("words") << QStringLiteral("  connection   reset by peer ")
                               << QStringLiteral("connection reset by peer");
    }
    void masksVariableParts()
    {
        QFETCH(QString, line);
        QFETCH(QString, masked);
        QCOMPARE(LogPatterns::maskedLine(line), masked);
    }

    void clustersIntoTemplates()
    {
        LogPatterns p;
        const QStringList lines{
            QStringLiteral("GET /api/cart 200 12ms"),
            QStringLiteral("GET /api/cart 200 9ms"),
            QStringLiteral("GET /api/search 200 30ms"),
            QStringLiteral("user alice logged in from 10.0.0.1"),
            QStringLiteral("user bob logged in from 10.0.0.2"),
            QStringLiteral("pool timeout after 5000ms acquiring connection"),
            QStringLiteral("pool timeout after 5012ms acquiring connection"),
        };
        for (int i = 0; i < lines.size(); ++i)
            p.add(lines[i], i);
        QCOMPARE(p.size(), 3);
        QCOMPARE(p.lineCount(), 7);
        const auto order = p.byCount();
        QCOMPARE(p.pattern(order[0]).text(), QStringLiteral("GET <*> <NUM> <DUR>"));
        QCOMPARE(p.pattern(order[0]).count, 3);
        QCOMPARE(p.pattern(order[0]).sample, QStringLiteral("GET /api/cart 200 12ms"));
        QCOMPARE(p.pattern(order[1]).text(), QStringLiteral("user <*> logged in from <IP>"));
        QCOMPARE(p.pattern(order[2]).text(), QStringLiteral("pool timeout after <DUR> acquiring connection"));
        QCOMPARE(p.pattern(order[2]).firstSeenNs, 5);
        QCOMPARE(p.pattern(order[2]).lastSeenNs, 6);
    }

    void differentShapesStayApart()
    {
        LogPatterns p;
        p.add(QStringLiteral("cache miss key=a"), 0);
        p.add(QStringLiteral("cache miss key=a extra"), 0); // other token count
        p.add(QStringLiteral("disk full on /var"), 0);      // other leading tokens
        p.add(QStringLiteral("cache hit key=a"), 0);        // 2 of 3 tokens agree: joins (>= 0.5)
        p.add(QStringLiteral("cache hit key=b"), 0);        // 1 of 3 agrees: a template of its own
        QCOMPARE(p.size(), 4);
        QCOMPARE(p.pattern(0).text(), QStringLiteral("cache <*> key=a"));
        QCOMPARE(p.pattern(0).count, 2);

        LogPatterns strict(LogPatterns::Options{.similarity = 0.9});
        strict.add(QStringLiteral("cache miss key=a"), 0);
        strict.add(QStringLiteral("cache hit key=a"), 0);
        QCOMPARE(strict.size(), 2);
    }

    void histogramAndNewSince()
    {
        LogPatterns::Options o;
        o.histogramStartNs = 1000;
        o.bucketNs = 100;
        o.buckets = 5;
        o.newSinceNs = 1300;
        LogPatterns p(o);
        for (qint64 t : {1000, 1050, 1110, 1420, 1499, 9999, 10})
            p.add(QStringLiteral("steady line"), t);
        p.add(QStringLiteral("payments pool exhausted"), 1350);
        p.add(QStringLiteral("payments pool exhausted"), 1360);
        const auto& steady = p.pattern(0);
        QCOMPARE(steady.histogram, (std::vector<quint32>{2, 1, 0, 0, 2})); // 9999 and 10 are outside
        QCOMPARE(steady.count, 7);
        QVERIFY(!steady.isNew);
        const auto& fresh = p.pattern(1);
        QVERIFY(fresh.isNew);
        QCOMPARE(fresh.histogram, (std::vector<quint32>{0, 0, 0, 2, 0}));
        // A later line from before the incident clears the flag: the pattern was not new after all.
        p.add(QStringLiteral("payments pool exhausted"), 1200);
        QVERIFY(!p.pattern(1).isNew);
    }

    void boundedOnHugeAndManyLines()
    {
        LogPatterns::Options o;
        o.maxPatterns = 10;
        LogPatterns p(o);
        for (int i = 0; i < 100; ++i)
            p.add(
                QString(QStringLiteral("w%1a w%1b").arg(QChar(u'a' + i % 26)) + QString(i, QLatin1Char('x'))),
                i);
        QVERIFY(p.size() <= 10);
        qint64 total = 0;
        for (const auto& pat : p.patterns())
            total += pat.count;
        QCOMPARE(total, 100);
        const QString huge = QStringLiteral("word ").repeated(200'000);
        LogPatterns q;
        q.add(huge, 0);
        QCOMPARE(q.pattern(0).tokens.size(), std::size_t(q.options().maxTokens));
        QCOMPARE(q.pattern(0).sample.size(), 1000);
    }

    void stackSignatures_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("frames");
        QTest::newRow("java") << QStringLiteral(
                                     "java.lang.IllegalStateException: pool exhausted\n"
                                     "\tat com.shop.db.Pool.acquire(Pool.java:88)\n"
                                     "\tat com.shop.pay.Charge.run(Charge.java:42)\n"
                                     "\tat com.shop.pay.Api.post(Api.java:17)\n"
                                     "\tat java.base/java.lang.Thread.run(Thread.java:833)\n"
                                     "Caused by: java.net.SocketTimeoutException: connect timed out\n"
                                     "\tat java.net.Socket.connect(Socket.java:1)\n")
                              << int(StackSignature::Language::Java)
                              << QStringLiteral("java.lang.IllegalStateException")
                              << QStringList{QStringLiteral("com.shop.db.Pool.acquire"),
                                             QStringLiteral("com.shop.pay.Charge.run"),
                                             QStringLiteral("com.shop.pay.Api.post")};
        QTest::newRow("python") << QStringLiteral("Traceback (most recent call last):\n"
                                                  "  File \"/app/server.py\", line 120, in handle\n"
                                                  "    return charge(req)\n"
                                                  "  File \"/app/pay.py\", line 33, in charge\n"
                                                  "    conn = pool.get(timeout=5)\n"
                                                  "ValueError: pool exhausted\n")
                                << int(StackSignature::Language::Python) << QStringLiteral("ValueError")
                                << QStringList{QStringLiteral("/app/pay.py:charge"),
                                               QStringLiteral("/app/server.py:handle")};
        QTest::newRow("go")
            << QStringLiteral("panic: runtime error: invalid memory address or nil pointer dereference\n"
                              "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x4a2b1c]\n\n"
                              "goroutine 1 [running]:\n"
                              "main.(*Pool).Get(0x0, 0x1)\n"
                              "\t/app/pool.go:41 +0x1c\n"
                              "main.charge(...)\n"
                              "\t/app/pay.go:12\n"
                              "main.main()\n"
                              "\t/app/main.go:9 +0x25\n")
            << int(StackSignature::Language::Go) << QStringLiteral("panic")
            << QStringList{QStringLiteral("main.(*Pool).Get"), QStringLiteral("main.charge"),
                           QStringLiteral("main.main")};
        QTest::newRow("node")
            << QStringLiteral("TypeError: Cannot read properties of undefined (reading 'id')\n"
                              "    at chargeCard (/app/src/pay.js:14:22)\n"
                              "    at async Router.handle (/app/node_modules/express/lib/router.js:5:3)\n"
                              "    at /app/src/index.js:40:7\n")
            << int(StackSignature::Language::JavaScript) << QStringLiteral("TypeError")
            << QStringList{QStringLiteral("chargeCard"), QStringLiteral("async Router.handle"),
                           QStringLiteral("/app/src/index.js")};
        QTest::newRow("plain") << QStringLiteral("just\ntwo lines") << int(StackSignature::Language::None)
                               << QString() << QStringList{};
    }
    void stackSignatures()
    {
        QFETCH(QString, text);
        QFETCH(int, language);
        QFETCH(QString, type);
        QFETCH(QStringList, frames);
        const auto sig = stackSignature(text);
        QCOMPARE(int(sig.language), language);
        QCOMPARE(sig.exceptionType, type);
        QCOMPARE(sig.topFrames, frames);
    }

    void stacksGroupByTopFramesNotLineNumbers()
    {
        LogPatterns p;
        const QString a = QStringLiteral("ERROR charge failed\njava.lang.IllegalStateException: x\n\tat "
                                         "a.B.c(B.java:%1)\n\tat a.B.d(B.java:9)");
        p.add(a.arg(10), 1);
        p.add(a.arg(99), 2); // another build: other line numbers, same group
        p.add(QStringLiteral("ERROR charge failed\njava.lang.IllegalStateException: x\n\tat a.B.e(B.java:1)"),
              3);
        QCOMPARE(p.stackGroups().groups().size(), std::size_t(2));
        QCOMPARE(p.stackGroups().groups()[0].count, 2);
        QCOMPARE(p.stackGroups().groups()[0].firstSeenNs, 1);
        QCOMPARE(p.size(), 1); // the first lines share one template
    }
};

QTEST_GUILESS_MAIN(TestLogPatterns)
#include "tst_logpatterns.moc"
