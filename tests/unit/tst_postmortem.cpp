// Postmortem export: the blameless template's content (every event in order with its UTC time, roles,
// impact, evidence with its picture and data) and that text from the incident comes out inert in
// Markdown and HTML.

#include "incident/EvidenceStore.h"
#include "incident/TimelineStore.h"
#include "incident/postmortem/HtmlWriter.h"
#include "incident/postmortem/ImpactEstimate.h"
#include "incident/postmortem/MarkdownWriter.h"
#include "incident/postmortem/PostmortemData.h"
#include "incident/postmortem/PostmortemFiles.h"
#include "incident/postmortem/PostmortemTemplate.h"
#include "store/SqliteDb.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace wf::incident;
using wf::StoreResult;

namespace {

QByteArray fakePng(quint32 w, quint32 h)
{
    QByteArray b("\x89PNG\r\n\x1a\n", 8);
    b.append(QByteArray("\x00\x00\x00\x0d", 4)).append("IHDR");
    for (quint32 v : {w, h})
        b.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
    return b + QByteArray("rest-of-png");
}

const QString kScript = u"<script>alert(1)</script>"_s;
const QString kBoldPipe = u"**bold** | pipe"_s;

// Unescaped pipes in a Markdown table row: its column separators.
int separators(const QString& row)
{
    int n = 0;
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (row[i] == u'\\') {
            ++i;
            continue;
        }
        if (row[i] == u'|')
            ++n;
    }
    return n;
}

} // namespace

class TestPostmortem : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<wf::Workspace> m_ws;
    std::unique_ptr<TimelineStore> m_store;
    qint64 m_incident = 0;
    qint64 m_t0 = 0;

    template<typename Call>
    bool wait(Call call)
    {
        std::optional<StoreResult> out;
        call([&](const StoreResult& r, const auto&...) { out = r; });
        return QTest::qWaitFor([&] { return out.has_value(); }, 10000) && out->ok;
    }
    bool note(const QString& text, qint64 at)
    {
        TimelineEvent ev;
        ev.incidentId = m_incident;
        ev.kind = EventKind::Note;
        ev.author = u"bo"_s;
        ev.atMs = at;
        ev.payload = QJsonObject{{u"text"_s, text}};
        return wait([&](auto done) { m_store->append(ev, this, done); });
    }
    PostmortemData load()
    {
        std::optional<PostmortemData> out;
        loadPostmortemData(*m_ws, m_incident, this, [&](const StoreResult& r, const PostmortemData& d) {
            QVERIFY2(r.ok, qPrintable(r.error));
            out = d;
        });
        return QTest::qWaitFor([&] { return out.has_value(); }, 10000) ? *out : PostmortemData{};
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        wf::OpenResult r =
            wf::Workspace::open(m_dir->filePath(u"pm.watchfloor"_s), wf::OpenMode::CreateIfMissing);
        QVERIFY2(r, qPrintable(r.message));
        m_ws = std::move(r.workspace);
        m_store = std::make_unique<TimelineStore>(*m_ws);
        std::optional<qint64> id;
        m_store->declare(
            {u"Checkout <b>down</b>"_s, Severity::Sev2, {u"checkout"_s, u"payments"_s}, u"ana"_s}, u"ana"_s,
            this, [&](const StoreResult& res, qint64 i) {
                QVERIFY2(res.ok, qPrintable(res.error));
                id = i;
            });
        QVERIFY(QTest::qWaitFor([&] { return id.has_value(); }, 10000));
        m_incident = *id;
        m_t0 = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(note(kScript, m_t0 + 60'000));
        QVERIFY(note(kBoldPipe, m_t0 + 120'000));
        QVERIFY(note(
            u"# not a heading\n- not a list\n1. not a list\n    not code\n[link](javascript:x) ![i](http://x/y.png)"_s,
            m_t0 + 180'000));
        QVERIFY(note(
            u"deploying with curl -H 'Authorization: Bearer sk_live_51abcdefXYZ' ?token=tok-in-note-99"_s,
            m_t0 + 200'000));
        QVERIFY(wait(
            [&](auto done) { m_store->changeSeverity(m_incident, Severity::Sev1, u"ana"_s, this, done); }));
        QVERIFY(wait([&](auto done) {
            m_store->assignRole(m_incident, u"communications"_s, u"cy"_s, u"ana"_s, this, done);
        }));
        EvidenceStore evidence(*m_ws);
        EvidenceDraft d;
        d.incidentId = m_incident;
        d.title = u"p99 <latency> | checkout"_s;
        d.png = fakePng(1280, 400);
        d.data = QJsonObject{{u"query"_s, u"histogram_quantile(0.99, ...)"_s},
                             {u"note"_s, u"```\n</pre><script>alert(2)</script>"_s},
                             {u"token"_s, u"tok-SECRET-123"_s}};
        d.author = u"bo"_s;
        QVERIFY(wait([&](auto done) { evidence.pin(d, this, done); }));
        QVERIFY(wait([&](auto done) {
            m_store->changeStatus(m_incident, Status::Resolved, u"ana"_s, u"rolled back"_s, this, done);
        }));
    }
    void cleanup()
    {
        m_store.reset();
        m_ws.reset();
        m_dir.reset();
    }

    void dataHasEverythingInOrder()
    {
        const PostmortemData d = load();
        QCOMPARE(d.incident.id, m_incident);
        QCOMPARE(d.events.size(), 10); // declared, commander, 4 notes, severity, role, evidence, resolved
        for (qsizetype i = 1; i < d.events.size(); ++i)
            QVERIFY(d.events[i - 1].seq < d.events[i].seq);
        QCOMPARE(d.evidence.size(), 1);
        QVERIFY2(d.integrityProblems.isEmpty(), qPrintable(d.integrityProblems.join(u'\n')));
    }

    void htmlIsInertAndComplete()
    {
        const PostmortemData d = load();
        const QString html = renderHtml(buildPostmortem(d));
        // Nothing from the incident became markup.
        QVERIFY(!html.contains(u"<script"_s, Qt::CaseInsensitive));
        QVERIFY(!html.contains(u"<b>down"_s));
        QVERIFY(html.contains(u"&lt;script&gt;alert(1)&lt;/script&gt;"_s));
        QVERIFY(html.contains(u"&lt;/pre&gt;&lt;script&gt;alert(2)"_s));
        QVERIFY(html.contains(u"**bold** | pipe"_s));
        QVERIFY(!html.contains(u"javascript:x\""_s));
        QVERIFY(!html.contains(u"src=\"http"_s));
        QVERIFY(html.contains(u"Content-Security-Policy"_s));
        for (const QString& secret : {u"tok-SECRET-123"_s, u"sk_live_51abcdefXYZ"_s, u"tok-in-note-99"_s})
            QVERIFY2(!html.contains(secret), qPrintable(secret));
        // Every event in order, each with its UTC time.
        qsizetype at = html.indexOf(u"<h2>Timeline</h2>"_s);
        QVERIFY(at > 0);
        for (const TimelineEvent& e : chronological(d.events)) {
            const qsizetype next = html.indexOf(u"<td>"_s + formatUtc(e.atMs) + u"</td>"_s, at);
            QVERIFY2(next >= at, qPrintable(u"event %1 missing or out of order"_s.arg(e.seq)));
            at = next + 1;
        }
        // The template's sections, the impact and the evidence picture inline.
        for (const QString& h :
             {u"Summary"_s, u"Impact"_s, u"Roles"_s, u"What happened"_s, u"Contributing factors"_s,
              u"What went well"_s, u"Action items"_s, u"Evidence"_s})
            QVERIFY2(html.contains(u"<h2>"_s + h + u"</h2>"_s), qPrintable(h));
        QVERIFY(html.contains(u"SEV1"_s));
        QVERIFY(html.contains(u"(at its worst"_s) == false); // current severity is the worst
        QVERIFY(html.contains(u"checkout, payments"_s));
        QVERIFY(html.contains(u"<td>communications</td><td>cy</td>"_s));
        QVERIFY(
            html.contains(u"data:image/png;base64,"_s + QString::fromLatin1(fakePng(1280, 400).toBase64())));
        QVERIFY(html.contains(u"width=\"640\" height=\"200\""_s));
        QVERIFY(html.contains(u"histogram_quantile"_s));
    }

    void markdownIsInertAndComplete()
    {
        const PostmortemData d = load();
        const MarkdownExport md = renderMarkdown(buildPostmortem(d), u"pm-evidence"_s);
        const QString& text = md.markdown;
        // Outside code blocks (whose content every renderer shows as text) nothing is raw HTML.
        QString prose = text;
        prose.remove(
            QRegularExpression(u"````json\n.*?\n````\n"_s, QRegularExpression::DotMatchesEverythingOption));
        QVERIFY(prose.size() < text.size());
        QVERIFY(!prose.contains(QRegularExpression(u"(?<!\\\\)<"_s)));
        QVERIFY(text.contains(u"\\<script\\>alert(1)\\</script\\>"_s));
        QVERIFY(text.contains(u"\\*\\*bold\\*\\* \\| pipe"_s));
        QVERIFY(!prose.contains(QRegularExpression(u"(?<!\\\\)\\]\\((javascript|http)"_s)));
        QVERIFY(prose.contains(u"\\](javascript"_s));
        for (const QString& secret : {u"tok-SECRET-123"_s, u"sk_live_51abcdefXYZ"_s, u"tok-in-note-99"_s})
            QVERIFY2(!text.contains(secret), qPrintable(secret));
        QVERIFY(text.contains(u"# Postmortem: Checkout \\<b\\>down\\</b\\>"_s));
        // A multi-line note in a table cell: flattened to one line; only its start can open a block.
        QVERIFY(text.contains(
            u"\\# not a heading - not a list 1. not a list not code \\[link\\](javascript:x)"_s));

        // Timeline table: every row has exactly the five separators of four columns, in order.
        const QStringList lines = text.split(u'\n');
        const QList<TimelineEvent> inTime = chronological(d.events);
        QVERIFY(inTime.constFirst().kind == EventKind::Declared);
        QVERIFY(inTime.constLast().atMs == m_t0 + 200'000); // the last note was dated latest
        const qsizetype header = lines.indexOf(u"| Time (UTC) | Kind | What happened | By |"_s);
        QVERIFY(header > 0);
        for (qsizetype i = 0; i < d.events.size(); ++i) {
            const QString& row = lines.at(header + 2 + i);
            QCOMPARE(separators(row), 5);
            QVERIFY2(row.startsWith(u"| "_s + formatUtc(inTime[i].atMs) + u" |"_s), qPrintable(row));
        }
        // The data block's fence is longer than the backticks inside it.
        QVERIFY(text.contains(u"````json\n"_s));
        // Pictures are files beside the .md.
        QCOMPARE(md.files.size(), 1);
        QCOMPARE(md.files[0].first, u"pm-evidence/evidence-%1.png"_s.arg(d.evidence[0].id));
        QCOMPARE(md.files[0].second, fakePng(1280, 400));
        QVERIFY(text.contains(
            u"![p99 \\<latency\\> \\| checkout](pm-evidence/evidence-%1.png)"_s.arg(d.evidence[0].id)));
    }

    void escapingHelpers_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << u"checkout is slow"_s << u"checkout is slow"_s;
        QTest::newRow("emphasis") << u"*a* _b_ `c`"_s << u"\\*a\\* \\_b\\_ \\`c\\`"_s;
        QTest::newRow("html") << u"<img src=x onerror=y>"_s << u"\\<img src=x onerror=y\\>"_s;
        QTest::newRow("entity") << u"&lt;"_s << u"\\&lt;"_s;
        QTest::newRow("heading") << u"## x"_s << u"\\## x"_s;
        QTest::newRow("quote") << u"> x"_s << u"\\> x"_s;
        QTest::newRow("ordered") << u"12) x"_s << u"12\\) x"_s;
        QTest::newRow("indent") << u"      code?"_s << u"code?"_s;
        QTest::newRow("lines") << u"a\n\n-b"_s << u"a\\\n\\\n\\-b"_s;
    }
    void escapingHelpers()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(markdownEscape(in), out);
    }

    void durationsAndWorstSeverity()
    {
        QCOMPARE(formatDuration(42'000), u"42 s"_s);
        QCOMPARE(formatDuration(59 * 60'000), u"59 min"_s);
        QCOMPARE(formatDuration((2 * 60 + 14) * 60'000 + 59'000), u"2 h 14 min"_s);
        QCOMPARE(formatDuration((3 * 24 + 2) * 3'600'000LL), u"3 d 2 h"_s);
        QCOMPARE(formatDuration(-5), u"0 s"_s);
        QCOMPARE(formatUtc(0), u"1970-01-01 00:00:00"_s);

        PostmortemData d = load();
        d.incident.severity = Severity::Sev3; // as if lowered again after the SEV1 escalation
        d.incident.status = Status::Resolved;
        d.incident.createdAtMs = 1'000'000;
        const qint64 resolvedAt = d.events.constLast().atMs;
        const QString html = renderHtml(buildPostmortem(d));
        QVERIFY2(html.contains(u"SEV3 (at its worst SEV1)"_s), qPrintable(html.left(4000)));
        QVERIFY(html.contains(formatUtc(resolvedAt)));
        QVERIFY(html.contains(u"<td>"_s + formatDuration(resolvedAt - 1'000'000) + u"</td>"_s));

        d.incident.status = Status::Mitigated;
        const QString open = renderHtml(buildPostmortem(d));
        QVERIFY(open.contains(u"not resolved"_s));
        QVERIFY(open.contains(u"so far (still open when this was exported)"_s));
    }

    // A flat error-rate series that jumps 4 minutes before the declaration: the impact start is the
    // jump, not the declaration; noise inside the band and a single spike do not count.
    static PanelSnapshot errorRate(qint64 declaredMs, qint64 jumpMs)
    {
        PanelSnapshot p;
        p.title = u"Error rate per service"_s;
        p.fromMs = declaredMs - 15 * 60'000;
        p.toMs = declaredMs + 5 * 60'000;
        wf::signalstore::SeriesSet quiet, failing;
        quiet.labels = {{u"service.name"_s, u"search"_s}};
        failing.labels = {{u"service.name"_s, u"payments"_s}};
        int i = 0;
        for (qint64 t = p.fromMs; t <= p.toMs; t += 10'000, ++i) {
            quiet.timesNs.push_back(t * 1'000'000);
            quiet.values.push_back(0.10 + (i % 3) * 0.01);
            failing.timesNs.push_back(t * 1'000'000);
            const bool spike = t == declaredMs - 12 * 60'000; // one point: not an impact
            failing.values.push_back(t >= jumpMs ? 4.0 + (i % 2) : spike ? 3.0 : 0.20 + (i % 2) * 0.02);
        }
        p.series = {quiet, failing};
        return p;
    }

    void impactStartIsEstimatedFromTheCharts()
    {
        const qint64 declared = 1'800'000'000'000;
        const qint64 jump = declared - 4 * 60'000;
        const std::optional<ImpactStart> start = estimateImpactStart({errorRate(declared, jump)}, declared);
        QVERIFY(start.has_value());
        QCOMPARE(start->atMs, jump);
        QCOMPARE(start->series, u"service.name=payments"_s);
        QVERIFY(start->baseline > 0.19 && start->baseline < 0.25);
        // Data that starts only 5 minutes before the declaration: the earlier half of it is the
        // baseline, and a jump 1 minute before declaring is still found.
        const auto cut = [](PanelSnapshot p, int drop) {
            p.series.erase(p.series.begin());
            auto& set = p.series[0];
            set.timesNs.erase(set.timesNs.begin(), set.timesNs.begin() + drop);
            set.values.erase(set.values.begin(), set.values.begin() + drop);
            return p;
        };
        const qint64 lateJump = declared - 60'000;
        const std::optional<ImpactStart> late =
            estimateImpactStart({cut(errorRate(declared, lateJump), 60)}, declared);
        QVERIFY(late.has_value());
        QCOMPARE(late->atMs, lateJump);
        // Too little before the declaration to know the baseline (6 points): no estimate, not a guess.
        QVERIFY(!estimateImpactStart({cut(errorRate(declared, lateJump), 84)}, declared).has_value());
        QVERIFY(!estimateImpactStart({}, declared).has_value());
    }

    void detectionSaysWhatAlertedAndWhen()
    {
        PostmortemData d = load();
        const qint64 declared = d.incident.createdAtMs;
        const qint64 jump = declared - 4 * 60'000;
        d.snapshots = {errorRate(declared, jump)};
        TimelineEvent alert;
        alert.kind = EventKind::AlertFired;
        alert.atMs = declared + 1000;
        alert.payload = QJsonObject{{u"text"_s, u"PaymentsErrorRate <b>high</b>"_s},
                                    {u"firedAt"_s, double(jump + 2 * 60'000)}};
        d.events << alert;
        const QString html = renderHtml(buildPostmortem(d));
        QVERIFY(html.contains(u"<h2>Detection</h2>"_s));
        QVERIFY2(html.contains(formatUtc(jump) +
                               u": “Error rate per service” service.name=payments left its baseline"_s),
                 qPrintable(html.mid(html.indexOf(u"Detection"_s), 1500)));
        QVERIFY(html.contains(formatUtc(jump + 2 * 60'000) +
                              u": Alert fired: PaymentsErrorRate &lt;b&gt;high&lt;/b&gt;"_s));
        QVERIFY(html.contains(u"first alert 2 min after impact started"_s));
        QVERIFY(html.contains(u"declared 4 min after impact started"_s));

        d.snapshots.clear();
        d.events.removeLast();
        const QString bare = renderHtml(buildPostmortem(d));
        QVERIFY(bare.contains(u"no alert is on the timeline"_s));
        QVERIFY(bare.contains(u"not estimated: no panel data was kept with the incident"_s));
    }

    // The team's template decides the sections, their order, their headings and prompts; the
    // generated parts come where it says; it is stored in the workspace and read with the data.
    void templateShapesTheDocument()
    {
        const QString custom =
            u"## Was wir gesehen haben\n{{timeline}}\n\n### Erkennung\n{{detection}}\n"
            u"Hat ein Alarm gegriffen?\nWenn nicht: warum?\n\n## Aufgaben\n{{action_items}}\n"_s;
        const PostmortemTemplate parsed = parsePostmortemTemplate(custom);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errors.join(u'\n')));
        QCOMPARE(parsed.items.size(), 7);
        QCOMPARE(parsed.items[2].level, 3);
        QCOMPARE(parsed.items[4].text, u"Hat ein Alarm gegriffen? Wenn nicht: warum?"_s);

        std::optional<wf::StoreResult> saved;
        savePostmortemTemplate(*m_ws, custom, this, [&](const wf::StoreResult& r) { saved = r; });
        QVERIFY(QTest::qWaitFor([&] { return saved.has_value(); }, 10000));
        QVERIFY2(saved->ok, qPrintable(saved->error));
        const PostmortemData d = load();
        QCOMPARE(d.templateText, custom);
        const QString html = renderHtml(buildPostmortem(d, d.templateText));
        QVERIFY(html.contains(u"<h2>Was wir gesehen haben</h2>"_s));
        QVERIFY(html.contains(u"<h3>Erkennung</h3>"_s));
        QVERIFY(html.contains(u"<i>Hat ein Alarm gegriffen? Wenn nicht: warum?</i>"_s));
        QVERIFY(!html.contains(u"<h2>Summary</h2>"_s)); // the team dropped it
        QVERIFY(!html.contains(u"<h2>Evidence</h2>"_s));
        QVERIFY(html.indexOf(u"Was wir gesehen haben"_s) < html.indexOf(u"Erkennung"_s));
        QVERIFY(html.contains(u"Integrity"_s)); // always first, whatever the template

        // A broken template is refused with the line; the stored one stays.
        saved.reset();
        savePostmortemTemplate(*m_ws, u"## A\n{{nonsense}}\n"_s, this,
                               [&](const wf::StoreResult& r) { saved = r; });
        QVERIFY(QTest::qWaitFor([&] { return saved.has_value(); }, 10000));
        QVERIFY(!saved->ok);
        QVERIFY2(saved->error.contains(u"line 2"_s) && saved->error.contains(u"{{nonsense}}"_s),
                 qPrintable(saved->error));
        QCOMPARE(load().templateText, custom);

        // Empty restores the default, which is what an untouched workspace renders.
        saved.reset();
        savePostmortemTemplate(*m_ws, QString(), this, [&](const wf::StoreResult& r) { saved = r; });
        QVERIFY(QTest::qWaitFor([&] { return saved.has_value(); }, 10000) && saved->ok);
        QCOMPARE(load().templateText, QString());
        const QString standard = renderHtml(buildPostmortem(load()));
        for (const char* h : {"Summary", "Impact", "Detection", "Roles", "Timeline", "What happened",
                              "Contributing factors", "What went well", "Action items", "Evidence"})
            QVERIFY2(standard.contains(u"<h2>"_s + QLatin1String(h) + u"</h2>"_s), h);
    }

    void templateErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown section") << u"{{impacts}}"_s << u"line 1: there is no section {{impacts}}"_s;
        QTest::newRow("section inside text")
            << u"See {{timeline}} below"_s << u"line 1: a {{section}} must stand on a line of its own."_s;
        QTest::newRow("heading without title")
            << u"##\n{{roles}}"_s << u"line 1: a heading needs #, ## or ### and a title."_s;
        QTest::newRow("too deep") << u"#### Deep"_s << u"line 1: a heading needs #, ## or ### and a title."_s;
        QTest::newRow("too long") << QString(kMaxTemplateChars + 1, u'x') << u"longer than"_s;
    }
    void templateErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const PostmortemTemplate t = parsePostmortemTemplate(text);
        QVERIFY(!t.ok());
        QVERIFY2(t.errors.join(u'\n').contains(error), qPrintable(t.errors.join(u'\n')));
        // The document stays complete: the default's parts stand in.
        QCOMPARE(t.items.size(), parsePostmortemTemplate(QString()).items.size());
    }

    void integrityProblemsAreShown()
    {
        m_store.reset();
        m_ws.reset();
        {
            wf::SqliteDb db =
                wf::SqliteDb::open(m_dir->filePath(u"pm.watchfloor"_s), wf::SqliteDb::Access::ReadWrite);
            db.executeScript(
                "DROP TRIGGER timeline_events_no_update;"
                "UPDATE timeline_events SET payload = '{\"text\":\"all fine\"}' WHERE kind = 'note'");
        }
        wf::OpenResult r = wf::Workspace::open(m_dir->filePath(u"pm.watchfloor"_s), wf::OpenMode::ReadOnly);
        QVERIFY(r);
        m_ws = std::move(r.workspace);
        const PostmortemData d = load();
        QVERIFY(!d.integrityProblems.isEmpty());
        const QString html = renderHtml(buildPostmortem(d));
        QVERIFY(html.contains(u"Integrity warning"_s));
        QVERIFY(renderMarkdown(buildPostmortem(d), u"x"_s).markdown.contains(u"> **Integrity warning"_s));
    }

    void writesFilesBesideEachOther()
    {
        const PostmortemDocument doc = buildPostmortem(load());
        const QString md = m_dir->filePath(u"out/Postmortem (checkout).md"_s);
        QVERIFY(QDir().mkpath(m_dir->filePath(u"out"_s)));
        const PostmortemWriteResult r = writeMarkdownPostmortem(doc, md);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.written.size(), 2);
        QVERIFY(QFile::exists(m_dir->filePath(u"out/Postmortem (checkout)-evidence"_s)));
        QFile f(md);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().contains("](Postmortem%20%28checkout%29-evidence/evidence-"));
        const PostmortemWriteResult h = writeHtmlPostmortem(doc, m_dir->filePath(u"out/pm.html"_s));
        QVERIFY2(h.ok, qPrintable(h.error));
        QVERIFY(!writeHtmlPostmortem(doc, m_dir->filePath(u"missing/dir/pm.html"_s)).ok);
    }
};

QTEST_GUILESS_MAIN(TestPostmortem)
#include "tst_postmortem.moc"
