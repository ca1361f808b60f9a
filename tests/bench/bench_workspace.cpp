// Commit rate of single-row transactions through Workspace::write, with synchronous=NORMAL (the
// default) and FULL (WriteOptions::durable, for the timeline). In WAL mode NORMAL syncs only at
// checkpoints, FULL syncs the WAL at every COMMIT, so the gap is the cost of one fsync per commit.
// The database lives under the current directory (the build tree), not a tmpfs /tmp, so that the
// fsyncs reach a disk.

#include "store/SqliteDb.h"
#include "store/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr int kCommits = 2000;
constexpr int kRuns = 3;

// Queues every write at once (the DB thread commits them one transaction each) and stops the clock
// when the last `done` arrives, i.e. when the last commit is known to be saved.
double commitsPerSecond(const QString& path, bool durable)
{
    wf::OpenResult r = wf::Workspace::open(path, wf::OpenMode::CreateIfMissing);
    if (!r) {
        std::fprintf(stderr, "bench_workspace: %s\n", qPrintable(r.message));
        std::exit(1);
    }
    QEventLoop loop;
    int done = 0;
    bool failed = false;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < kCommits; ++i) {
        r.workspace->write(
            [i](wf::SqliteDb& db) {
                db.execute("INSERT INTO ui_state(key, value, updated_at) VALUES (?1, ?2, ?3)",
                           QString::number(i), QByteArray(64, 'x'), qint64(i));
            },
            &loop,
            [&](const wf::WriteResult& w) {
                failed |= !w.ok;
                if (++done == kCommits)
                    loop.quit();
            },
            wf::WriteOptions{durable});
    }
    loop.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (failed) {
        std::fprintf(stderr, "bench_workspace: a write failed\n");
        std::exit(1);
    }
    return kCommits / seconds;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir(QDir::current().filePath(QStringLiteral("bench_workspace-XXXXXX")));
    if (!dir.isValid())
        return 1;
    std::vector<double> normal, full;
    for (int run = 0; run < kRuns; ++run) {
        normal.push_back(commitsPerSecond(dir.filePath(QStringLiteral("normal-%1").arg(run)), false));
        full.push_back(commitsPerSecond(dir.filePath(QStringLiteral("full-%1").arg(run)), true));
    }
    const double n = median(normal);
    const double f = median(full);
    std::printf("# %d single-row transactions per run, median of %d runs, in %s\n", kCommits, kRuns,
                qPrintable(dir.path()));
    std::printf("bench: workspace_commit_normal %.0f commits/s\n", n);
    std::printf("bench: workspace_commit_full %.0f commits/s ratio %.3f vs workspace_commit_normal\n", f,
                f / n);
    return 0;
}
