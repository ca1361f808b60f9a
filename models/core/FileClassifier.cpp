#include "FileClassifier.h"

#include "logs/LogFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace wf {
namespace {

// A trace document is one JSON object whose opening names the keys the trace formats use; JSON lines
// logs are many small objects, and a log line naming a trace id has no span list.
bool looksLikeTraceDocument(const QByteArray& head)
{
    const QByteArray t = head.trimmed();
    if (!t.startsWith('{'))
        return false;
    if (t.contains("\"resourceSpans\"") || t.contains("\"batches\""))
        return true;
    return t.contains("\"traceID\"") && t.contains("\"spans\"");
}

// Logs are recognised by content too: of the first few lines, most carry a timestamp or a level word,
// or are JSON objects (JSON lines). Prose and source code carry neither.
bool looksLikeLogText(const QByteArray& head)
{
    if (head.contains('\0'))
        return false;
    QList<QByteArray> lines = head.split('\n');
    if (lines.size() > 1)
        lines.removeLast(); // probably cut by the read
    int seen = 0;
    int logLike = 0;
    for (const QByteArray& raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        ++seen;
        const QString text = QString::fromUtf8(line);
        if ((line.startsWith('{') && line.endsWith('}')) || logs::parseLeadingTimestamp(text) != 0 ||
            logs::detectLevel(text) != logs::LogLevel::Unknown)
            ++logLike;
        if (seen == 20)
            break;
    }
    return seen > 0 && logLike * 2 > seen;
}

} // namespace

FileClassification classifyFile(const QString& path)
{
    FileClassification c;
    const QFileInfo info(path);
    const QString shown = QFileInfo(path).absoluteFilePath();
    if (!info.exists()) {
        c.kind = FileClassification::Unreadable;
        c.error = QCoreApplication::translate("FileClassifier", "Cannot open %1: the file does not exist.")
                      .arg(shown);
        return c;
    }
    if (info.isDir()) {
        c.kind = FileClassification::Directory;
        c.error = QCoreApplication::translate("FileClassifier", "Cannot open %1: it is a folder, not a file.")
                      .arg(shown);
        return c;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        c.kind = FileClassification::Unreadable;
        c.error =
            QCoreApplication::translate("FileClassifier", "Cannot open %1: %2.").arg(shown, f.errorString());
        return c;
    }
    // 100 bytes cover the SQLite header up to application_id (offset 68); 8 KiB the opening of a trace
    // document and the first lines of a log.
    const QByteArray head = f.read(8192);
    if (head.size() >= 72 && head.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        const auto* b = reinterpret_cast<const unsigned char*>(head.constData()) + 68;
        const quint32 appId =
            (quint32(b[0]) << 24) | (quint32(b[1]) << 16) | (quint32(b[2]) << 8) | quint32(b[3]);
        // 'WFLR' marks a Watchfloor workspace; 0 is a fresh database nobody claimed yet.
        if (appId == 0x57464C52u) {
            c.kind = FileClassification::Workspace;
            return c;
        }
        c.kind = FileClassification::Unknown;
        c.error =
            QCoreApplication::translate(
                "FileClassifier", "Cannot open %1: it is an SQLite database, but not a Watchfloor workspace.")
                .arg(shown);
        return c;
    }
    if (head.startsWith(QByteArrayLiteral("\x1f\x8b"))) {
        c.kind = FileClassification::LogFile;
        return c;
    }
    if (looksLikeTraceDocument(head)) {
        c.kind = FileClassification::TraceFile;
        return c;
    }
    // Dashboards: a JSON object (Grafana, Watchfloor, Perses) or Perses' YAML. A UTF-8 byte order mark
    // and leading blank space are allowed. Before log text, since a one-line dashboard is also a
    // JSON line; after it for other JSON objects, which the importer then judges with a message.
    QByteArray start = head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head;
    start = start.trimmed();
    const bool jsonObject = start.startsWith('{');
    const bool dashboardish = head.contains("\"panels\"") || head.contains("\"watchfloorDashboard\"") ||
                              head.contains("\"dashboard\"") || head.contains("\"kind\"");
    if ((jsonObject && dashboardish) || start.startsWith("kind:") || start.startsWith("---")) {
        c.kind = FileClassification::Dashboard;
        return c;
    }
    if (looksLikeLogText(head)) {
        c.kind = FileClassification::LogFile;
        return c;
    }
    if (jsonObject) {
        c.kind = FileClassification::Dashboard;
        return c;
    }
    c.kind = FileClassification::Unknown;
    c.error =
        head.isEmpty()
            ? QCoreApplication::translate("FileClassifier", "Cannot open %1: the file is empty.").arg(shown)
            : QCoreApplication::translate(
                  "FileClassifier",
                  "Cannot open %1: Watchfloor does not recognise this type of file. It opens "
                  "Watchfloor workspaces, incident files, dashboards (Grafana, Perses or Watchfloor "
                  "JSON), trace files (Jaeger or OTLP JSON) and log files (plain text with timestamps "
                  "or levels, JSON lines, gzip).")
                  .arg(shown);
    return c;
}

} // namespace wf
