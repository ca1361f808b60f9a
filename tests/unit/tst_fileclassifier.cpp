#include "core/FileClassifier.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using wf::FileClassification;

class TestFileClassifier : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
            qFatal("cannot write test file");
        return path;
    }

    static QByteArray sqliteHeader(quint32 appId)
    {
        QByteArray h(100, '\0');
        h.replace(0, 16, QByteArrayLiteral("SQLite format 3\0"));
        h[68] = char(appId >> 24);
        h[69] = char(appId >> 16);
        h[70] = char(appId >> 8);
        h[71] = char(appId);
        return h;
    }

private Q_SLOTS:
    void missingFileIsUnreadable()
    {
        const auto c = wf::classifyFile(m_dir.filePath(QStringLiteral("nope.json")));
        QCOMPARE(c.kind, FileClassification::Unreadable);
        QVERIFY(c.error.contains(QStringLiteral("does not exist")));
        QVERIFY(c.error.contains(QStringLiteral("nope.json")));
    }

    void directoryIsRefused()
    {
        const auto c = wf::classifyFile(m_dir.path());
        QCOMPARE(c.kind, FileClassification::Directory);
        QVERIFY(c.error.contains(QStringLiteral("folder")));
    }

    void workspaceIsRecognisedByContentNotName()
    {
        const auto c = wf::classifyFile(write(QStringLiteral("renamed.txt"), sqliteHeader(0x57464C52u)));
        QCOMPARE(c.kind, FileClassification::Workspace);
        QVERIFY(c.error.isEmpty());
    }

    void foreignSqliteIsRefused()
    {
        const auto c = wf::classifyFile(write(QStringLiteral("other.watchfloor"), sqliteHeader(0x12345678u)));
        QCOMPARE(c.kind, FileClassification::Unknown);
        QVERIFY(c.error.contains(QStringLiteral("not a Watchfloor workspace")));
    }

    void emptyAndUnknownFilesSayWhy()
    {
        const auto empty = wf::classifyFile(write(QStringLiteral("empty.log"), {}));
        QCOMPARE(empty.kind, FileClassification::Unknown);
        QVERIFY(empty.error.contains(QStringLiteral("empty")));

        const auto text = wf::classifyFile(write(QStringLiteral("notes.md"), QByteArrayLiteral("# hello\n")));
        QCOMPARE(text.kind, FileClassification::Unknown);
        QVERIFY(text.error.contains(QStringLiteral("does not recognise")));
    }

    void dashboardFilesAreRecognisedByContent()
    {
        QCOMPARE(
            wf::classifyFile(write(QStringLiteral("grafana.txt"), "\xEF\xBB\xBF\n  {\"panels\": []}")).kind,
            FileClassification::Dashboard);
        QCOMPARE(wf::classifyFile(write(QStringLiteral("perses.yaml"), "kind: Dashboard\nspec: {}\n")).kind,
                 FileClassification::Dashboard);
        const auto array = wf::classifyFile(write(QStringLiteral("list.json"), "[1, 2]"));
        QCOMPARE(array.kind, FileClassification::Unknown);
        QVERIFY(!array.error.isEmpty());
        // A dashboard on one line is not taken for a JSON log line.
        QCOMPARE(wf::classifyFile(write(QStringLiteral("one.json"), R"({"title":"x","panels":[]})")).kind,
                 FileClassification::Dashboard);
    }

    void traceDocumentsAreRecognisedByTheirKeys()
    {
        const QByteArray jaeger = R"({"data":[{"traceID":"5b8a","spans":[{"spanID":"1"}],"processes":{}}]})";
        QCOMPARE(wf::classifyFile(write(QStringLiteral("a.log"), jaeger)).kind,
                 FileClassification::TraceFile);
        const QByteArray otlp = "{\n  \"resourceSpans\": [\n";
        QCOMPARE(wf::classifyFile(write(QStringLiteral("b.txt"), otlp)).kind, FileClassification::TraceFile);
        const QByteArray tempo = R"({"batches":[]})";
        QCOMPARE(wf::classifyFile(write(QStringLiteral("c"), tempo)).kind, FileClassification::TraceFile);
    }

    void logFilesAreRecognisedByTheirLines()
    {
        const QByteArray plain = "2026-01-01T10:00:00Z INFO started\n2026-01-01T10:00:01Z ERROR failed\n"
                                 "    at Foo.bar(Foo.java:1)\n";
        const auto p = wf::classifyFile(write(QStringLiteral("app.txt"), plain));
        QCOMPARE(p.kind, FileClassification::LogFile);
        QVERIFY(p.error.isEmpty());
        // A JSON line naming a trace id is a log line, not a trace document.
        const QByteArray json = R"({"level":"warn","msg":"slow","traceID":"ab"})"
                                "\n"
                                R"({"level":"info","msg":"ok"})"
                                "\n";
        QCOMPARE(wf::classifyFile(write(QStringLiteral("j.json"), json)).kind, FileClassification::LogFile);
        const QByteArray gzip("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8);
        QCOMPARE(wf::classifyFile(write(QStringLiteral("x.gz"), gzip)).kind, FileClassification::LogFile);
        // Prose is neither.
        const QByteArray prose = "Dear team,\nthe meeting moves to Friday.\nThanks\n";
        QCOMPARE(wf::classifyFile(write(QStringLiteral("mail.log"), prose)).kind,
                 FileClassification::Unknown);
    }

    void truncatedSqliteHeaderIsNotAWorkspace()
    {
        const auto c =
            wf::classifyFile(write(QStringLiteral("short.db"), sqliteHeader(0x57464C52u).left(40)));
        QCOMPARE(c.kind, FileClassification::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestFileClassifier)
#include "tst_fileclassifier.moc"
