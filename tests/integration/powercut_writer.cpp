// Child process for tst_timeline_powercut: runs under PowerCutVfs, declares an incident, then appends
// timeline notes as fast as the workspace commits them and prints "ack <seq> <text>" for each one that
// was acknowledged. The VFS cuts the power at the n-th write/sync/truncate after the declaration (on
// the DB thread, usually in the middle of a commit) and the process _exits there without closing
// anything: the files hold only what a disk would hold after the power went.
//
// usage: powercut_writer WORKSPACE SEED OPS drop|torn durable|normal
#include "PowerCutVfs.h"
#include "incident/TimelineSql.h"
#include "incident/TimelineStore.h"
#include "store/SqliteDb.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <cstdio>
#include <cstring>
#include <memory>
#include <random>
#include <unistd.h>

using namespace wf::incident;
namespace powercut = wf::test::powercut;

namespace {

void printCut()
{
    const powercut::Stats s = powercut::stats();
    char line[256];
    const int n = std::snprintf(line, sizeof line,
                                "cut writes=%lld syncs=%lld checkpoints=%lld pending=%lld applied=%lld "
                                "torn=%lld\n",
                                s.writes, s.syncs, s.mainDbSyncs, s.pendingOps, s.appliedOps, s.tornWrites);
    // write(2), not stdio: this runs on the DB thread while the main thread may be inside printf.
    [[maybe_unused]] const ssize_t written = ::write(STDOUT_FILENO, line, size_t(n));
    ::_exit(0);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 6) {
        std::fprintf(stderr, "usage: powercut_writer WORKSPACE SEED OPS drop|torn durable|normal\n");
        return 2;
    }
    const quint64 seed = QByteArray(argv[2]).toULongLong();
    const qint64 ops = QByteArray(argv[3]).toLongLong();
    const auto mode = std::strcmp(argv[4], "torn") == 0 ? powercut::CutMode::Torn : powercut::CutMode::Drop;
    const bool durable = std::strcmp(argv[5], "durable") == 0;

    powercut::install();
    wf::OpenResult opened =
        wf::Workspace::open(QString::fromLocal8Bit(argv[1]), wf::OpenMode::CreateIfMissing);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(opened.message));
        return 1;
    }
    wf::Workspace& ws = *opened.workspace;
    TimelineStore store(ws);
    std::mt19937_64 rng(seed);
    qint64 incident = 0;
    int next = 0;

    auto acknowledge = [](const wf::WriteResult& r, qint64 seq, const QString& text) {
        if (!r.ok) {
            std::fprintf(stderr, "write failed before the cut: %s\n", qUtf8Printable(r.error));
            std::fflush(stderr);
            ::_exit(3);
        }
        std::printf("ack %lld %s\n", seq, qUtf8Printable(text));
        std::fflush(stdout);
    };

    // Several appends in flight at once, so the cut can land between a commit and its acknowledgement.
    std::function<void()> appendOne = [&] {
        // Sizes from a few bytes to several pages: commits of one to a few WAL frames, overflow pages,
        // and enough frames over a run that some runs cross a checkpoint.
        QString text = QStringLiteral("note %1 ").arg(next++);
        const int filler = int(rng() % 3000);
        for (int i = 0; i < filler; ++i)
            text += QLatin1Char(char('a' + rng() % 26));
        auto ev = std::make_shared<TimelineEvent>();
        ev->incidentId = incident;
        ev->kind = EventKind::Note;
        ev->author = QStringLiteral("writer");
        ev->payload = QJsonObject{{QStringLiteral("text"), text}};
        if (durable) {
            store.append(*ev, &app, [&, text](const wf::WriteResult& r, const TimelineEvent& saved) {
                acknowledge(r, saved.seq, text);
                appendOne();
            });
        } else {
            // The same transaction as TimelineStore::append, committed with synchronous=NORMAL: the
            // control run that must lose acknowledged events.
            ws.write([ev](wf::SqliteDb& db) { appendInTransaction(db, *ev); }, &app,
                     [&, ev, text](const wf::WriteResult& r) {
                         acknowledge(r, ev->seq, text);
                         appendOne();
                     },
                     wf::WriteOptions{.durable = false});
        }
    };
    store.declare({QStringLiteral("Power cut test"), Severity::Sev1, {}, {}}, QStringLiteral("writer"), &app,
                  [&](const wf::WriteResult& r, qint64 id) {
                      if (!r.ok) {
                          std::fprintf(stderr, "%s\n", qUtf8Printable(r.error));
                          ::_exit(1);
                      }
                      incident = id;
                      std::printf("incident %lld\n", id);
                      std::fflush(stdout);
                      powercut::cutAfterOps(ops, mode, seed, printCut);
                      for (int i = 0; i < 4; ++i)
                          appendOne();
                  });
    return QCoreApplication::exec();
}
