#include "runbook/RunbookLibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace wf::runbook {

QString shippedRunbooksPath()
{
    return QStringLiteral(":/runbooks");
}

QList<RunbookFile> loadRunbooks(const QString& directory)
{
    QList<RunbookFile> out;
    const QDir dir(directory);
    const QStringList names =
        dir.entryList({QStringLiteral("*.md")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString& name : names) {
        RunbookFile f;
        f.path = dir.filePath(name);
        QFile file(f.path);
        if (file.size() > kMaxRunbookBytes) {
            f.result.error.message = QCoreApplication::translate("Runbook", "the file is larger than 1 MiB");
        } else if (!file.open(QIODevice::ReadOnly)) {
            f.result.error.message =
                QCoreApplication::translate("Runbook", "cannot read: %1").arg(file.errorString());
        } else {
            f.result = parseRunbook(file.readAll(), f.path);
        }
        out.append(std::move(f));
    }
    return out;
}

} // namespace wf::runbook
