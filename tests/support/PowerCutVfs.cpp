#include "PowerCutVfs.h"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <sqlite3.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace wf::test::powercut {
namespace {

// A write or truncate the OS has accepted but not yet put on the disk.
struct Op
{
    bool truncate = false;
    qint64 offset = 0; // the new size for a truncate
    std::string data;
};

// One file as the OS sees it. Shared by every handle on the same path, as the page cache is, and kept
// after the last handle closes: closing a file does not sync it.
struct FileState
{
    std::string path;
    int fd = -1;       // our own descriptor for putting bytes on the "disk"
    std::string image; // what reads return: the disk plus `pending`
    std::vector<Op> pending;
    bool mainDb = false;
};

struct PcFile
{
    sqlite3_file base; // first: SQLite sees a PcFile as a sqlite3_file
    sqlite3_file* real;
    FileState* state; // null for temporary files, which are passed straight through
};

struct Machine
{
    std::mutex mutex;
    sqlite3_vfs* real = nullptr;
    sqlite3_vfs vfs{};
    bool installed = false;
    bool off = false;
    std::map<std::string, std::unique_ptr<FileState>> files;
    qint64 opsUntilCut = 0;
    CutMode cutMode = CutMode::Drop;
    quint64 cutSeed = 0;
    std::function<void()> afterCut;
    qint64 writeBudget = -1;
    bool failSyncs = false;
    Stats stats;
};

// Leaked on purpose: SQLite may still hold the vfs pointer while static destructors run.
Machine& machine()
{
    static auto* m = new Machine;
    return *m;
}

PcFile* pc(sqlite3_file* f)
{
    return reinterpret_cast<PcFile*>(f);
}

void applyToImage(std::string& image, const Op& op)
{
    if (op.truncate) {
        image.resize(size_t(op.offset));
        return;
    }
    const size_t end = size_t(op.offset) + op.data.size();
    if (image.size() < end)
        image.resize(end, '\0');
    std::memcpy(image.data() + op.offset, op.data.data(), op.data.size());
}

bool applyToDisk(const FileState& f, const Op& op, size_t bytes)
{
    if (op.truncate)
        return ::ftruncate(f.fd, off_t(op.offset)) == 0;
    return ::pwrite(f.fd, op.data.data(), bytes, off_t(op.offset)) == ssize_t(bytes);
}

bool flushLocked(FileState& f)
{
    for (const Op& op : f.pending) {
        if (!applyToDisk(f, op, op.data.size()))
            return false;
    }
    f.pending.clear();
    return true;
}

// What a disk may hold after losing power: writes it had not been told to make durable may have
// landed in any order, or not at all, and the one it was writing may be half done.
void cutLocked(Machine& m, CutMode mode, quint64 seed)
{
    std::mt19937_64 rng(seed);
    for (auto& entry : m.files) {
        FileState* f = entry.second.get();
        const size_t n = f->pending.size();
        m.stats.pendingOps += qint64(n);
        if (mode == CutMode::Torn && n > 0) {
            std::vector<bool> keep(n, false);
            size_t next = n; // the write in progress when the power went, for a prefix
            if (rng() & 1) {
                for (size_t i = 0; i < n; ++i)
                    keep[i] = (rng() & 1) != 0;
                next = size_t(rng() % n);
            } else {
                next = size_t(rng() % (n + 1));
                std::fill(keep.begin(), keep.begin() + qsizetype(next), true);
            }
            const bool tear = next < n && !keep[next] && !f->pending[next].truncate &&
                              f->pending[next].data.size() >= 2 && (rng() & 1);
            for (size_t i = 0; i < n; ++i) {
                const Op& op = f->pending[i];
                if (keep[i]) {
                    applyToDisk(*f, op, op.data.size());
                    ++m.stats.appliedOps;
                } else if (tear && i == next) {
                    applyToDisk(*f, op, op.data.size() / 2);
                    ++m.stats.tornWrites;
                }
            }
        }
        f->pending.clear();
    }
    m.off = true;
}

// Counts a write, sync or truncate towards an armed cut. True when the power is now off: the caller
// discards its operation.
bool tick(std::unique_lock<std::mutex>& lock)
{
    Machine& m = machine();
    if (m.off)
        return true;
    if (m.opsUntilCut <= 0 || --m.opsUntilCut > 0)
        return false;
    cutLocked(m, m.cutMode, m.cutSeed);
    const std::function<void()> afterCut = m.afterCut;
    lock.unlock();
    if (afterCut)
        afterCut();
    lock.lock();
    return true;
}

// ---- sqlite3_io_methods --------------------------------------------------------------------------

int pcClose(sqlite3_file* f)
{
    // The state stays: the OS keeps unsynced data after close.
    return pc(f)->real->pMethods->xClose(pc(f)->real);
}

int pcRead(sqlite3_file* f, void* buf, int amt, sqlite3_int64 offset)
{
    FileState* s = pc(f)->state;
    if (!s)
        return pc(f)->real->pMethods->xRead(pc(f)->real, buf, amt, offset);
    std::lock_guard lock(machine().mutex);
    const qint64 have = std::clamp<qint64>(qint64(s->image.size()) - offset, 0, amt);
    if (have > 0)
        std::memcpy(buf, s->image.data() + offset, size_t(have));
    if (have < amt) {
        std::memset(static_cast<char*>(buf) + have, 0, size_t(amt - have));
        return SQLITE_IOERR_SHORT_READ;
    }
    return SQLITE_OK;
}

int pcWrite(sqlite3_file* f, const void* buf, int amt, sqlite3_int64 offset)
{
    FileState* s = pc(f)->state;
    if (!s)
        return pc(f)->real->pMethods->xWrite(pc(f)->real, buf, amt, offset);
    Machine& m = machine();
    std::unique_lock lock(m.mutex);
    if (tick(lock))
        return SQLITE_OK;
    if (m.writeBudget >= 0) {
        if (amt > m.writeBudget)
            return SQLITE_FULL;
        m.writeBudget -= amt;
    }
    Op op{false, offset, std::string(static_cast<const char*>(buf), size_t(amt))};
    applyToImage(s->image, op);
    s->pending.push_back(std::move(op));
    ++m.stats.writes;
    return SQLITE_OK;
}

int pcTruncate(sqlite3_file* f, sqlite3_int64 size)
{
    FileState* s = pc(f)->state;
    if (!s)
        return pc(f)->real->pMethods->xTruncate(pc(f)->real, size);
    Machine& m = machine();
    std::unique_lock lock(m.mutex);
    if (tick(lock))
        return SQLITE_OK;
    Op op{true, size, {}};
    applyToImage(s->image, op);
    s->pending.push_back(std::move(op));
    return SQLITE_OK;
}

int pcSync(sqlite3_file* f, int flags)
{
    FileState* s = pc(f)->state;
    if (!s)
        return pc(f)->real->pMethods->xSync(pc(f)->real, flags);
    Machine& m = machine();
    std::unique_lock lock(m.mutex);
    if (tick(lock))
        return SQLITE_OK;
    if (m.failSyncs)
        return SQLITE_IOERR_FSYNC; // what was pending stays pending: nothing became durable
    if (!flushLocked(*s))
        return SQLITE_IOERR_FSYNC;
    ++m.stats.syncs;
    if (s->mainDb)
        ++m.stats.mainDbSyncs;
    return SQLITE_OK;
}

int pcFileSize(sqlite3_file* f, sqlite3_int64* size)
{
    FileState* s = pc(f)->state;
    if (!s)
        return pc(f)->real->pMethods->xFileSize(pc(f)->real, size);
    std::lock_guard lock(machine().mutex);
    *size = sqlite3_int64(s->image.size());
    return SQLITE_OK;
}

int pcLock(sqlite3_file* f, int level)
{
    return pc(f)->real->pMethods->xLock(pc(f)->real, level);
}

int pcUnlock(sqlite3_file* f, int level)
{
    return pc(f)->real->pMethods->xUnlock(pc(f)->real, level);
}

int pcCheckReservedLock(sqlite3_file* f, int* out)
{
    return pc(f)->real->pMethods->xCheckReservedLock(pc(f)->real, out);
}

int pcFileControl(sqlite3_file* f, int op, void* arg)
{
    // The default VFS would grow the real file itself for a size hint, and map it into memory for
    // mmap reads: both would go around the cache this VFS keeps.
    if (pc(f)->state && (op == SQLITE_FCNTL_SIZE_HINT || op == SQLITE_FCNTL_MMAP_SIZE))
        return SQLITE_NOTFOUND;
    return pc(f)->real->pMethods->xFileControl(pc(f)->real, op, arg);
}

int pcSectorSize(sqlite3_file* f)
{
    return pc(f)->real->pMethods->xSectorSize(pc(f)->real);
}

int pcDeviceCharacteristics(sqlite3_file* f)
{
    return pc(f)->real->pMethods->xDeviceCharacteristics(pc(f)->real);
}

// The -shm file is not durable state (SQLite rebuilds it after a crash), so it goes straight through.
int pcShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out)
{
    return pc(f)->real->pMethods->xShmMap(pc(f)->real, page, size, extend, out);
}

int pcShmLock(sqlite3_file* f, int offset, int n, int flags)
{
    return pc(f)->real->pMethods->xShmLock(pc(f)->real, offset, n, flags);
}

void pcShmBarrier(sqlite3_file* f)
{
    pc(f)->real->pMethods->xShmBarrier(pc(f)->real);
}

int pcShmUnmap(sqlite3_file* f, int deleteFlag)
{
    return pc(f)->real->pMethods->xShmUnmap(pc(f)->real, deleteFlag);
}

// Version 2: no xFetch, so SQLite never reads the database through a memory map of the real file.
const sqlite3_io_methods kMethods = {
    2,
    pcClose,
    pcRead,
    pcWrite,
    pcTruncate,
    pcSync,
    pcFileSize,
    pcLock,
    pcUnlock,
    pcCheckReservedLock,
    pcFileControl,
    pcSectorSize,
    pcDeviceCharacteristics,
    pcShmMap,
    pcShmLock,
    pcShmBarrier,
    pcShmUnmap,
    nullptr,
    nullptr,
};

// ---- sqlite3_vfs ---------------------------------------------------------------------------------

FileState* stateFor(Machine& m, const char* name, int flags)
{
    auto& slot = m.files[name];
    if (!slot) {
        slot = std::make_unique<FileState>();
        slot->path = name;
        slot->fd = ::open(name, O_RDWR | O_CLOEXEC);
        if (slot->fd < 0)
            slot->fd = ::open(name, O_RDONLY | O_CLOEXEC);
        char buf[65536];
        qint64 at = 0;
        for (ssize_t n; slot->fd >= 0 && (n = ::pread(slot->fd, buf, sizeof buf, off_t(at))) > 0; at += n)
            slot->image.append(buf, size_t(n));
    }
    slot->mainDb = slot->mainDb || (flags & SQLITE_OPEN_MAIN_DB);
    return slot.get();
}

int pcOpen(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags)
{
    Machine& m = *static_cast<Machine*>(vfs->pAppData);
    PcFile* p = pc(file);
    p->base.pMethods = nullptr;
    p->real = reinterpret_cast<sqlite3_file*>(p + 1);
    p->state = nullptr;
    std::memset(p->real, 0, size_t(m.real->szOsFile));
    const int rc = m.real->xOpen(m.real, name, p->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        if (p->real->pMethods)
            p->real->pMethods->xClose(p->real);
        return rc;
    }
    const bool durable = name &&
                         (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_WAL)) &&
                         !(flags & SQLITE_OPEN_DELETEONCLOSE);
    if (durable) {
        std::lock_guard lock(m.mutex);
        p->state = stateFor(m, name, flags);
    }
    p->base.pMethods = &kMethods;
    return SQLITE_OK;
}

int pcDelete(sqlite3_vfs* vfs, const char* name, int syncDir)
{
    Machine& m = *static_cast<Machine*>(vfs->pAppData);
    {
        std::lock_guard lock(m.mutex);
        if (m.off)
            return SQLITE_OK;
        if (auto it = m.files.find(name); it != m.files.end()) {
            if (it->second->fd >= 0)
                ::close(it->second->fd);
            m.files.erase(it);
        }
    }
    return m.real->xDelete(m.real, name, syncDir);
}

sqlite3_vfs* realOf(sqlite3_vfs* vfs)
{
    return static_cast<Machine*>(vfs->pAppData)->real;
}

int pcAccess(sqlite3_vfs* v, const char* name, int flags, int* out)
{
    return realOf(v)->xAccess(realOf(v), name, flags, out);
}

int pcFullPathname(sqlite3_vfs* v, const char* name, int n, char* out)
{
    return realOf(v)->xFullPathname(realOf(v), name, n, out);
}

void* pcDlOpen(sqlite3_vfs* v, const char* name)
{
    return realOf(v)->xDlOpen(realOf(v), name);
}

void pcDlError(sqlite3_vfs* v, int n, char* out)
{
    realOf(v)->xDlError(realOf(v), n, out);
}

void (*pcDlSym(sqlite3_vfs* v, void* h, const char* sym))(void)
{
    return realOf(v)->xDlSym(realOf(v), h, sym);
}

void pcDlClose(sqlite3_vfs* v, void* h)
{
    realOf(v)->xDlClose(realOf(v), h);
}

int pcRandomness(sqlite3_vfs* v, int n, char* out)
{
    return realOf(v)->xRandomness(realOf(v), n, out);
}

int pcSleep(sqlite3_vfs* v, int us)
{
    return realOf(v)->xSleep(realOf(v), us);
}

int pcCurrentTime(sqlite3_vfs* v, double* out)
{
    return realOf(v)->xCurrentTime(realOf(v), out);
}

int pcGetLastError(sqlite3_vfs* v, int n, char* out)
{
    return realOf(v)->xGetLastError(realOf(v), n, out);
}

int pcCurrentTimeInt64(sqlite3_vfs* v, sqlite3_int64* out)
{
    return realOf(v)->xCurrentTimeInt64(realOf(v), out);
}

} // namespace

void install()
{
    Machine& m = machine();
    std::lock_guard lock(m.mutex);
    if (m.installed)
        return;
    if (!m.real) {
        sqlite3_initialize();
        m.real = sqlite3_vfs_find(nullptr);
    }
    m.vfs = sqlite3_vfs{};
    m.vfs.iVersion = 2;
    m.vfs.szOsFile = int(sizeof(PcFile)) + m.real->szOsFile;
    m.vfs.mxPathname = m.real->mxPathname;
    m.vfs.zName = "watchfloor-powercut";
    m.vfs.pAppData = &m;
    m.vfs.xOpen = pcOpen;
    m.vfs.xDelete = pcDelete;
    m.vfs.xAccess = pcAccess;
    m.vfs.xFullPathname = pcFullPathname;
    m.vfs.xDlOpen = pcDlOpen;
    m.vfs.xDlError = pcDlError;
    m.vfs.xDlSym = pcDlSym;
    m.vfs.xDlClose = pcDlClose;
    m.vfs.xRandomness = pcRandomness;
    m.vfs.xSleep = pcSleep;
    m.vfs.xCurrentTime = pcCurrentTime;
    m.vfs.xGetLastError = pcGetLastError;
    m.vfs.xCurrentTimeInt64 = pcCurrentTimeInt64;
    m.off = false;
    m.opsUntilCut = 0;
    m.writeBudget = -1;
    m.failSyncs = false;
    m.stats = {};
    sqlite3_vfs_register(&m.vfs, 1);
    m.installed = true;
}

void uninstall()
{
    Machine& m = machine();
    std::lock_guard lock(m.mutex);
    if (!m.installed)
        return;
    for (auto& entry : m.files) {
        FileState* f = entry.second.get();
        if (!m.off)
            flushLocked(*f);
        if (f->fd >= 0)
            ::close(f->fd);
    }
    m.files.clear();
    sqlite3_vfs_unregister(&m.vfs);
    sqlite3_vfs_register(m.real, 1);
    m.installed = false;
}

void cut(CutMode mode, quint64 seed)
{
    Machine& m = machine();
    std::lock_guard lock(m.mutex);
    if (!m.off)
        cutLocked(m, mode, seed);
}

void cutAfterOps(qint64 n, CutMode mode, quint64 seed, std::function<void()> afterCut)
{
    Machine& m = machine();
    std::lock_guard lock(m.mutex);
    m.opsUntilCut = n;
    m.stats = {}; // from the arming on: the creation of the file is not part of the run
    m.cutMode = mode;
    m.cutSeed = seed;
    m.afterCut = std::move(afterCut);
}

void setWriteBudget(qint64 bytes)
{
    Machine& m = machine();
    std::lock_guard lock(m.mutex);
    m.writeBudget = bytes;
}

void setFailSyncs(bool on)
{
    Machine& m = machine();
    std::lock_guard lock(m.mutex);
    m.failSyncs = on;
}

Stats stats()
{
    Machine& m = machine();
    std::lock_guard lock(m.mutex);
    return m.stats;
}

} // namespace wf::test::powercut
