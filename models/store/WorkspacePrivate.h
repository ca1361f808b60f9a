#pragma once

// Internal to models/store: the state behind Workspace, shared by Workspace.cpp (the API) and
// WorkspaceOpener.cpp (inspecting, upgrading and opening files).

#include "DbThread.h"
#include "Workspace.h"

#include <memory>

namespace wf {

struct Workspace::Private
{
    QString path;
    bool readOnly = false;
    int schemaVersion = 0;
    std::unique_ptr<DbThread> writer; // null when read-only
    std::unique_ptr<DbThread> reader;
};

class WorkspaceOpener
{
public:
    using Private = Workspace::Private; // for the helpers in WorkspaceOpener.cpp
    static OpenResult open(const QString& path, OpenMode mode);
    static std::unique_ptr<Workspace> make(std::unique_ptr<Private> d)
    {
        return std::unique_ptr<Workspace>(new Workspace(std::move(d)));
    }
};

} // namespace wf
