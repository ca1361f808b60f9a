// EvidenceStore: evidence and its timeline event commit together, the chain covers the evidence's
// bytes, oversized or malformed pins are refused without a trace, and secrets never reach the file.

#include "incident/EvidenceStore.h"
#include "incident/TimelineStore.h"
#include "store/SqliteDb.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace wf::incident;
using wf::StoreResult;

namespace {

// The smallest byte string pngSize() accepts: signature and an IHDR chunk header for w x h.
QByteArray fakePng(quint32 w, quint32 h, qsizetype padTo = 0)
{
    QByteArray b("\x89PNG\r\n\x1a\n", 8);
    b.append(QByteArray("\x00\x00\x00\x0d", 4)).append("IHDR");
    for (quint32 v : {w, h}) {
        b.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
    }
    if (padTo > b.size())
        b.append(QByteArray(padTo - b.size(), 'x'));
    return b;
}

} // namespace

class TestEvidenceStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<wf::Workspace> m_ws;
    std::unique_ptr<TimelineStore> m_timeline;
    std::unique_ptr<EvidenceStore> m_evidence;
    qint64 m_incident = 0;

    QString path() const { return m_dir->filePath(u"e.watchfloor"_s); }

    void open()
    {
        wf::OpenResult r = wf::Workspace::open(path(), wf::OpenMode::CreateIfMissing);
        QVERIFY2(r, qPrintable(r.message));
        m_ws = std::move(r.workspace);
        m_timeline = std::make_unique<TimelineStore>(*m_ws);
        m_evidence = std::make_unique<EvidenceStore>(*m_ws);
    }
    void close()
    {
        m_evidence.reset();
        m_timeline.reset();
        m_ws.reset();
    }

    struct Pinned
    {
        StoreResult result;
        Evidence evidence;
        TimelineEvent event;
    };
    Pinned pin(const EvidenceDraft& draft)
    {
        std::optional<Pinned> out;
        m_evidence->pin(draft, this, [&](const StoreResult& r, const Evidence& e, const TimelineEvent& ev) {
            out = Pinned{r, e, ev};
        });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
            return {StoreResult{false, -1, u"timeout"_s}, {}, {}};
        return *out;
    }
    EvidenceDraft draft(const QString& title = u"p99 latency, checkout"_s)
    {
        EvidenceDraft d;
        d.incidentId = m_incident;
        d.kind = EvidenceKind::Panel;
        d.title = title;
        d.png = fakePng(640, 320);
        d.data = QJsonObject{{u"series"_s, QJsonArray{1.5, 2.5, 9.0}}, {u"unit"_s, u"s"_s}};
        d.author = u"bo"_s;
        return d;
    }
    QList<Evidence> list()
    {
        std::optional<QList<Evidence>> out;
        m_evidence->list(m_incident, this, [&](const StoreResult& r, const QList<Evidence>& l) {
            QVERIFY2(r.ok, qPrintable(r.error));
            out = l;
        });
        return QTest::qWaitFor([&] { return out.has_value(); }, 10000) ? *out : QList<Evidence>{};
    }
    QStringList problems()
    {
        std::optional<QStringList> out;
        m_evidence->verify(0, this, [&](const StoreResult& r, const QStringList& p) {
            QVERIFY2(r.ok, qPrintable(r.error));
            out = p;
        });
        return QTest::qWaitFor([&] { return out.has_value(); }, 10000) ? *out : QStringList{u"timeout"_s};
    }
    QList<TimelineEvent> events()
    {
        std::optional<QList<TimelineEvent>> out;
        TimelineFilter f;
        f.incidentId = m_incident;
        m_timeline->events(f, this, [&](const StoreResult&, const QList<TimelineEvent>& l) { out = l; });
        return QTest::qWaitFor([&] { return out.has_value(); }, 10000) ? *out : QList<TimelineEvent>{};
    }
    QList<ChainReport> chains()
    {
        std::optional<QList<ChainReport>> out;
        m_timeline->verify(0, this, [&](const StoreResult&, const QList<ChainReport>& l) { out = l; });
        return QTest::qWaitFor([&] { return out.has_value(); }, 10000) ? *out : QList<ChainReport>{};
    }
    void tamper(const char* sql)
    {
        close();
        wf::SqliteDb db = wf::SqliteDb::open(path(), wf::SqliteDb::Access::ReadWrite);
        db.executeScript("DROP TRIGGER evidence_no_update; DROP TRIGGER evidence_no_delete;");
        db.executeScript(sql);
        db.close();
        open();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        open();
        std::optional<qint64> id;
        m_timeline->declare({u"Checkout down"_s, Severity::Sev1, {u"checkout"_s}, u"ana"_s}, u"ana"_s, this,
                            [&](const StoreResult& r, qint64 i) {
                                QVERIFY2(r.ok, qPrintable(r.error));
                                id = i;
                            });
        QVERIFY(QTest::qWaitFor([&] { return id.has_value(); }, 10000));
        m_incident = *id;
    }
    void cleanup()
    {
        close();
        m_dir.reset();
    }

    void pinStoresEvidenceAndItsEventTogether()
    {
        const Pinned p = pin(draft());
        QVERIFY2(p.result.ok, qPrintable(p.result.error));
        QVERIFY(p.evidence.id > 0);
        QCOMPARE(p.evidence.sha256, evidenceHash(p.evidence));
        QCOMPARE(p.event.kind, EventKind::EvidencePinned);
        QCOMPARE(qint64(p.event.payload.value(u"evidence_id"_s).toDouble()), p.evidence.id);
        QCOMPARE(p.event.payload.value(u"sha256"_s).toString(),
                 QString::fromLatin1(p.evidence.sha256.toHex()));

        const QList<Evidence> stored = list();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored[0].title, u"p99 latency, checkout"_s);
        QCOMPARE(stored[0].png, fakePng(640, 320));
        QCOMPARE(stored[0].data().value(u"series"_s).toArray().size(), 3);
        QCOMPARE(stored[0].author, u"bo"_s);
        QCOMPARE(pngSize(stored[0].png), std::optional<QSize>(QSize(640, 320)));

        const QList<TimelineEvent> evs = events();
        QCOMPARE(evs.constLast().seq, p.event.seq);
        const QList<ChainReport> c = chains();
        QCOMPARE(c.size(), 1);
        QVERIFY2(c[0].ok, qPrintable(c[0].message));
        QCOMPARE(problems(), QStringList());
    }

    void pinWithoutPictureIsFine()
    {
        EvidenceDraft d = draft(u"ERROR payment declined"_s);
        d.kind = EvidenceKind::Log;
        d.png.clear();
        const Pinned p = pin(d);
        QVERIFY2(p.result.ok, qPrintable(p.result.error));
        QVERIFY(list().at(0).png.isEmpty());
    }

    void refusesTooBigWithAMessageAndWritesNothing()
    {
        const qsizetype before = events().size();
        EvidenceDraft d = draft();
        d.png = fakePng(4000, 4000, kMaxEvidenceBytes + 1);
        const Pinned p = pin(d);
        QVERIFY(!p.result.ok);
        QVERIFY2(p.result.error.contains(u"at most 8 MiB"_s), qPrintable(p.result.error));
        QCOMPARE(list().size(), 0);
        QCOMPARE(events().size(), before);

        d.png = fakePng(10, 10, kMaxEvidenceBytes - 4096); // just under the bound, with its data
        QVERIFY2(pin(d).result.ok, "just under the bound must pin");
    }

    void refusesWhatIsNotAPng()
    {
        EvidenceDraft d = draft();
        d.png = QByteArray("GIF89a not a png at all, really");
        const Pinned p = pin(d);
        QVERIFY(!p.result.ok);
        QVERIFY2(p.result.error.contains(u"not a PNG"_s), qPrintable(p.result.error));
        d.png = fakePng(1, 1);
        d.title = u"   "_s;
        QVERIFY(!pin(d).result.ok);
        QCOMPARE(list().size(), 0);
    }

    void unknownIncidentRollsTheEvidenceBack()
    {
        EvidenceDraft d = draft();
        d.incidentId = 999;
        const Pinned p = pin(d);
        QVERIFY(!p.result.ok);
        close();
        wf::SqliteDb db = wf::SqliteDb::open(path(), wf::SqliteDb::Access::ReadOnly);
        QCOMPARE(db.queryInt64("SELECT count(*) FROM evidence"), std::optional<qint64>(0));
        db.close();
        open();
    }

    void secretsAreRedactedBeforeTheyAreStored()
    {
        EvidenceDraft d = draft(u"span POST /pay"_s);
        d.kind = EvidenceKind::Trace;
        d.data =
            QJsonObject{{u"attributes"_s,
                         QJsonObject{{u"http.request.header.authorization"_s, u"Bearer abcdefgh12345678"_s},
                                     {u"db.password"_s, u"hunter2-hunter2"_s},
                                     {u"author"_s, u"kept"_s}}},
                        {u"url"_s, u"https://svc:pa55word-x@payments.internal/charge?api_key=k-123456&x=1"_s},
                        {u"line"_s, u"retrying with Bearer eyJhbGciOiJIUzI1NiJ9.abc"_s}};
        QVERIFY(pin(d).result.ok);
        close();
        QFile f(path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        for (const char* secret :
             {"abcdefgh12345678", "hunter2", "pa55word", "k-123456", "eyJhbGciOiJIUzI1NiJ9"})
            QVERIFY2(!bytes.contains(secret), secret);
        QVERIFY(bytes.contains("[redacted]"));
        QVERIFY(bytes.contains("kept"));
        QVERIFY(bytes.contains("payments.internal"));
        open();
    }

    void editedEvidenceIsFound()
    {
        QVERIFY(pin(draft()).result.ok);
        tamper("UPDATE evidence SET title = 'something else'");
        const QStringList p = problems();
        QCOMPARE(p.size(), 1);
        QVERIFY2(p[0].contains(u"changed after it was pinned"_s), qPrintable(p[0]));
    }

    void replacedPictureWithRecomputedHashIsFound()
    {
        // Whoever swaps the picture and recomputes the row's hash still cannot touch the chained event.
        const Pinned pinned = pin(draft());
        QVERIFY(pinned.result.ok);
        Evidence forged = pinned.evidence;
        forged.png = fakePng(641, 320);
        close();
        {
            wf::SqliteDb db = wf::SqliteDb::open(path(), wf::SqliteDb::Access::ReadWrite);
            db.executeScript("DROP TRIGGER evidence_no_update");
            db.execute("UPDATE evidence SET png = ?1, sha256 = ?2 WHERE id = ?3", forged.png,
                       evidenceHash(forged), forged.id);
        }
        open();
        QCOMPARE(problems().size(), 1);
    }

    void removedEvidenceIsFound()
    {
        QVERIFY(pin(draft()).result.ok);
        tamper("DELETE FROM evidence");
        const QStringList p = problems();
        QCOMPARE(p.size(), 1);
        QVERIFY2(p[0].contains(u"removed"_s), qPrintable(p[0]));
    }

    void triggersRefuseEdits()
    {
        QVERIFY(pin(draft()).result.ok);
        std::optional<StoreResult> out;
        m_ws->write([](wf::SqliteDb& db) { db.executeScript("UPDATE evidence SET title = 'x'"); }, this,
                    [&](const StoreResult& r) { out = r; });
        QVERIFY(QTest::qWaitFor([&] { return out.has_value(); }, 10000));
        QVERIFY(!out->ok);
        QVERIFY2(out->error.contains(u"append-only"_s), qPrintable(out->error));
    }
};

QTEST_GUILESS_MAIN(TestEvidenceStore)
#include "tst_evidencestore.moc"
