#pragma once

#include <QString>

namespace wf {

// What a file given on the command line (or dropped on the window) is, decided by its content, not its
// name, so a renamed file still opens and a misnamed one is refused with a reason. Later issues add
// kinds (dashboards, trace and log files, incident files) here, in one place.
struct FileClassification
{
    // Dashboard: a JSON object or a YAML document (Grafana, Perses or Watchfloor dashboard); whether it
    // really is one is decided when it is imported, off the UI thread.
    enum Kind {
        Unreadable,
        Directory,
        Workspace,
        Dashboard,
        Unknown,
        TraceFile, // Jaeger JSON, OTLP JSON (also Tempo's wrappers)
        LogFile,   // gzip, or text whose first lines carry timestamps or levels, or JSON lines
    };
    Kind kind = Unknown;
    QString error; // translated, names the file; empty for kinds the app can open
};

FileClassification classifyFile(const QString& path);

} // namespace wf
