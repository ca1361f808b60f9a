// Writes the seed corpus of fuzz_incident_file: real incident files, made through the same stores
// and export the app uses, then rewritten at page_size 512 so mutations hit structure often.
// Usage: make_incident_seeds DIR   (run by hand when the file format changes; not a test)

#include "incident/EvidenceStore.h"
#include "incident/IncidentFile.h"
#include "incident/TimelineStore.h"
#include "store/SqliteDb.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace wf;
using namespace wf::incident;

namespace {

template<typename Call>
void wait(Call call)
{
    QEventLoop loop;
    call([&loop] { loop.quit(); });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
}

bool makeSeed(const QString& out, const QString& title, const QString& note, bool withEvidence,
              bool withSnapshot)
{
    QTemporaryDir dir;
    QObject ctx; // callbacks run only while their context lives
    OpenResult r = Workspace::open(dir.filePath(QStringLiteral("w.watchfloor")), OpenMode::CreateIfMissing);
    if (!r)
        return false;
    TimelineStore store(*r.workspace);
    qint64 id = 0;
    wait([&](auto quit) {
        store.declare({title, Severity::Sev2, {QStringLiteral("checkout")}, QStringLiteral("ana")},
                      QStringLiteral("ana"), &ctx, [&, quit](const StoreResult&, qint64 newId) {
                          id = newId;
                          quit();
                      });
    });
    if (id == 0)
        return false;
    if (!note.isNull()) {
        TimelineEvent ev;
        ev.incidentId = id;
        ev.kind = EventKind::Note;
        ev.author = QStringLiteral("bo");
        ev.payload = QJsonObject{{QStringLiteral("text"), note}};
        wait([&](auto quit) {
            store.append(ev, &ctx, [quit](const StoreResult&, const TimelineEvent&) { quit(); });
        });
        wait([&](auto quit) {
            store.changeStatus(id, Status::Mitigated, QStringLiteral("ana"), note, &ctx,
                               [quit](const StoreResult&, const TimelineEvent&) { quit(); });
        });
    }
    if (withEvidence) {
        EvidenceStore evidence(*r.workspace);
        wait([&](auto quit) {
            evidence.pinPanel(id, QStringLiteral("Error rate"), QByteArray(),
                              QJsonObject{{QStringLiteral("q"), note}}, QStringLiteral("bo"), &ctx,
                              [quit](const StoreResult&, const Evidence&, const TimelineEvent&) { quit(); });
        });
    }
    QList<PanelSnapshot> panels;
    if (withSnapshot) {
        PanelSnapshot p;
        p.title = QStringLiteral("Request rate");
        p.unit = QStringLiteral("req/s");
        p.fromMs = 1'700'000'000'000;
        p.toMs = p.fromMs + 60'000;
        signalstore::SeriesSet set;
        set.labels = {{QStringLiteral("service.name"), QStringLiteral("checkout")}};
        for (int i = 0; i < 6; ++i) {
            set.timesNs.push_back((p.fromMs + i * 10'000) * 1'000'000);
            set.values.push_back(i * 1.5);
        }
        p.series.push_back(set);
        panels << p;
    }
    bool ok = false;
    wait([&](auto quit) {
        exportIncidentFile(
            *r.workspace, id, out, &ctx,
            [&, quit](const IncidentFileResult& res) {
                ok = res.ok;
                if (!ok)
                    std::fprintf(stderr, "%s\n", qUtf8Printable(res.error));
                quit();
            },
            panels);
    });
    if (!ok)
        return false;
    SqliteDb db = SqliteDb::open(out, SqliteDb::Access::ReadWrite);
    db.executeScript("PRAGMA page_size = 512; VACUUM");
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_incident_seeds DIR\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    const bool ok =
        makeSeed(out.filePath(QStringLiteral("full.watchfloor")), QStringLiteral("Checkout down"),
                 QStringLiteral("payments pool exhausted"), true, true) &&
        makeSeed(out.filePath(QStringLiteral("html.watchfloor")), QStringLiteral("<script>alert(1)</script>"),
                 QStringLiteral("<img src=x onerror=alert(1)> & \"quotes\""), true, false) &&
        makeSeed(out.filePath(QStringLiteral("bare.watchfloor")), QStringLiteral("Bare"), QString(), false,
                 false);
    return ok ? 0 : 1;
}
