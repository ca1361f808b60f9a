#include "FileClassifier.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace wf {
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
    // 100 bytes covers the SQLite header up to application_id (offset 68), the only magic we need now.
    const QByteArray head = f.read(100);
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
    // Dashboards: a JSON object (Grafana, Watchfloor, Perses) or Perses' YAML. A UTF-8 byte order mark
    // and leading blank space are allowed.
    QByteArray start = head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head;
    start = start.trimmed();
    if (start.startsWith('{') || start.startsWith("kind:") || start.startsWith("---")) {
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
                  "Watchfloor workspaces and dashboards (Grafana, Perses or Watchfloor JSON); "
                  "traces, logs and incident files follow in later versions.")
                  .arg(shown);
    return c;
}

} // namespace wf
