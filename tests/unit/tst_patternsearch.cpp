// regexForPattern: the search built from a log pattern finds that pattern's lines and not the others'.
// The patterns come from LogPatterns over mixed lines, so the test follows the clusterer's masking.

#include "logs/LogPatterns.h"
#include "logs/PatternSearch.h"
#include "signalstore/LogPaging.h"

#include <QRegularExpression>
#include <QTest>

using namespace wf::logs;

class TestPatternSearch : public QObject
{
    Q_OBJECT
private slots:
    void matchesItsOwnLinesOnly()
    {
        const QStringList lines = {
            u"payment failed for order ord-1048213 after 5000ms (card \"visa gold\")"_qs,
            u"payment failed for order ord-77 after 12ms (card \"amex\")"_qs,
            u"GET /api/cart/42 200 in 3.5ms from 10.0.0.7"_qs,
            u"GET /api/cart/9   200 in 12ms from 10.0.0.8"_qs, // wider gaps still match
            u"HikariPool-1 - Connection is not available, request timed out after 3000ms."_qs,
            u"HikariPool-1 - Connection is not available, request timed out after 250ms.\n"
            "\tat com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)"_qs,
            u"user [admin] logged in (session a1b2c3d4e5f6)"_qs,
        };
        LogPatterns patterns;
        std::vector<int> patternOf;
        for (const QString& line : lines)
            patternOf.push_back(patterns.add(line, 0));
        QCOMPARE(patterns.size(), 4);
        for (int p = 0; p < patterns.size(); ++p) {
            const QString text = patterns.pattern(p).text();
            const QRegularExpression re(regexForPattern(text));
            QVERIFY2(re.isValid(), qPrintable(re.pattern() + u" "_qs + re.errorString()));
            for (int i = 0; i < lines.size(); ++i) {
                const bool own = patternOf[std::size_t(i)] == p;
                QVERIFY2(re.match(lines[i]).hasMatch() == own,
                         qPrintable(u"pattern %1 (%2) vs line %3"_qs.arg(text, re.pattern(), lines[i])));
            }
        }
    }

    void longerLinesOfTheSamePrefixDoNotMatch()
    {
        const QRegularExpression re(regexForPattern(u"cache miss for <*>"_qs));
        QVERIFY(re.match(u"cache miss for key-1"_qs).hasMatch());
        QVERIFY(!re.match(u"cache miss for key-1 and key-2"_qs).hasMatch());
        QVERIFY(!re.match(u"a cache miss for key-1"_qs).hasMatch());
    }

    void metaCharactersAreLiteral()
    {
        const QString regex = regexForPattern(u"a.b (x) [y] {z} $1 ^ | * + ? \\ <NUM>"_qs);
        const QRegularExpression re(regex);
        QVERIFY(re.isValid());
        QVERIFY(re.match(u"a.b (x) [y] {z} $1 ^ | * + ? \\ 7"_qs).hasMatch());
        QVERIFY(!re.match(u"aXb (x) [y] {z} $1 ^ | * + ? \\ 7"_qs).hasMatch());
    }

    void keepsALiteralForTheScanPrefilter()
    {
        const QString regex =
            regexForPattern(u"Connection is not available, request timed out after <DUR>."_qs);
        QVERIFY2(wf::signalstore::requiredLiteralOf(regex).size() >= 9,
                 qPrintable(wf::signalstore::requiredLiteralOf(regex)));
    }

    void emptyPatternGivesNoSearch() { QVERIFY(regexForPattern(u"  "_qs).isEmpty()); }
};

QTEST_MAIN(TestPatternSearch)
#include "tst_patternsearch.moc"
