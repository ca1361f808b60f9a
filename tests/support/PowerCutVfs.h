#pragma once

// A test-only SQLite VFS that simulates what a disk holds when the power goes out.
//
// It sits over the default VFS and is registered as the process's default, so a Workspace opened in
// the test process uses it without any production change. Every xWrite and xTruncate since a file's
// last xSync stays in memory (reads see it, as they would see the OS page cache); xSync writes them to
// the real file. cut() then decides what the "disk" keeps of the writes that were never synced: none
// (Drop) or a seeded random prefix or subset, possibly with one write torn in half (Torn). After a cut
// the process must not touch the files again: either it exits at once (_exit, nothing closed), or every
// later write, sync, truncate and delete is discarded (the machine is off).
//
// It also fails on purpose: xWrite with SQLITE_FULL once a byte budget is spent (disk full), and xSync
// with SQLITE_IOERR_FSYNC (a failing disk).
//
// The real file gets no fsync: the test's "disk" is the real file's content, and the test machine does
// not lose power, so a real fsync would only make the loop slower. File creation and deletion are
// applied at once, as if directory updates were durable and ordered; SQLite syncs directories itself
// where it depends on that.

#include <QtGlobal>

#include <functional>

namespace wf::test::powercut {

enum class CutMode {
    Drop, // every unsynced write is lost
    Torn, // per file: a random prefix or subset of the unsynced writes lands, maybe one torn in half
};

struct Stats
{
    qint64 writes = 0;      // xWrite calls that succeeded
    qint64 syncs = 0;       // xSync calls that succeeded
    qint64 mainDbSyncs = 0; // of those, on a main database file (i.e. checkpoints in WAL mode)
    qint64 pendingOps = 0;  // unsynced writes and truncates at the moment of the cut
    qint64 appliedOps = 0;  // how many of them the cut wrote to the real files
    qint64 tornWrites = 0;  // how many of those were torn
};

// Registers the VFS as the process default (over the current default). Idempotent.
void install();
// Writes every pending change to the real files (the OS flushing its cache on a clean shutdown),
// forgets all cached state and makes the plain default VFS the default again. No file may be open.
void uninstall();

// Cuts the power now. Afterwards every I/O through the VFS is discarded; install() after uninstall()
// starts a fresh machine.
void cut(CutMode mode, quint64 seed);

// Counts write, sync and truncate calls from now on; the n-th one (1-based) cuts the power before it
// is carried out, then calls `afterCut` on that thread (the child process _exits there, mid-commit).
// n <= 0 disarms. Resets stats().
void cutAfterOps(qint64 n, CutMode mode, quint64 seed, std::function<void()> afterCut);

// Disk full: writes succeed until `bytes` more bytes have been written, then fail with SQLITE_FULL
// (nothing of the failing write lands). Negative: unlimited.
void setWriteBudget(qint64 bytes);
// A failing disk: while on, xSync fails with SQLITE_IOERR_FSYNC and nothing becomes durable.
void setFailSyncs(bool on);

Stats stats();

} // namespace wf::test::powercut
