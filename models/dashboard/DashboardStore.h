#pragma once

// Dashboards saved in the workspace (table `dashboards`, migration 5), one row per uid holding the
// Watchfloor JSON. Serialising happens on the caller's thread (small); parsing a loaded body runs on
// the workspace's reader thread, so opening a large dashboard never parses on the UI thread.

#include "Dashboard.h"
#include "store/Workspace.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace wf::dashboard {

struct DashboardSummary
{
    QString uid;
    QString title;
    qint64 updatedAtMs = 0;

    friend bool operator==(const DashboardSummary&, const DashboardSummary&) = default;
};

class DashboardStore
{
public:
    static constexpr int kMaxUidLength = 200;

    explicit DashboardStore(Workspace& workspace);

    using SaveDone = std::function<void(const WriteResult&, const QString& uid)>;
    using LoadDone = std::function<void(const ReadResult&, const std::optional<Dashboard>&)>;
    using ListDone = std::function<void(const ReadResult&, const QList<DashboardSummary>&)>;

    // Inserts or replaces the dashboard with dashboard.uid; an empty uid gets a new random one (passed
    // to `done`). updated_at is the time of the save.
    void save(const Dashboard& dashboard, QObject* context, SaveDone done);
    // nullopt (with ok) when there is no such dashboard; an error when the stored body is unreadable.
    void load(const QString& uid, QObject* context, LoadDone done);
    // All dashboards, ordered by title.
    void list(QObject* context, ListDone done);
    void remove(const QString& uid, QObject* context, Workspace::Done done);

private:
    Workspace& m_workspace;
};

} // namespace wf::dashboard
