#pragma once

// The data sources of a workspace (Prometheus, Loki, ... endpoints), for the Sources dock. Only what
// is safe to keep in a file is stored here: no passwords or tokens (those live in the OS keychain,
// keyed by the data source id), and URLs that carry a password are refused.

#include "Workspace.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

class QObject;

namespace wf {

struct DataSource
{
    qint64 id = 0; // 0 until stored
    QString name;  // unique in the workspace, 1..100 characters
    QString kind;  // one of DataSourceStore::kinds()
    QUrl url;      // http or https
    bool insecureTls = false;

    friend bool operator==(const DataSource&, const DataSource&) = default;
};

class DataSourceStore
{
public:
    static constexpr int kMaxNameLength = 100;

    explicit DataSourceStore(Workspace& workspace);

    static QStringList kinds();
    // Empty when `source` may be stored, else a translated sentence saying what is wrong. Does not
    // check uniqueness (that needs the database; add() and update() do it inside their transaction).
    static QString validate(const DataSource& source);

    using ListDone = std::function<void(const ReadResult&, const QList<DataSource>&)>;
    using AddDone = std::function<void(const WriteResult&, qint64 id)>;

    // All data sources, ordered by name.
    void list(QObject* context, ListDone done);
    void add(const DataSource& source, QObject* context, AddDone done);
    // Replaces name, kind, url and insecureTls of the data source with source.id.
    void update(const DataSource& source, QObject* context, Workspace::Done done);
    void remove(qint64 id, QObject* context, Workspace::Done done);

private:
    Workspace& m_workspace;
};

} // namespace wf
