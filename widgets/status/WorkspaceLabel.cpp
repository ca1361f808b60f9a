#include "status/WorkspaceLabel.h"

#include <QDir>
#include <QFileInfo>

namespace wf::ui {

WorkspaceLabel::WorkspaceLabel(QWidget* parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("workspaceLabel"));
    setTextFormat(Qt::PlainText);
    setWorkspace({});
}

void WorkspaceLabel::setWorkspace(const WorkspaceInfo& info)
{
    QString text;
    QString tip;
    if (info.temporary) {
        text = tr("Temporary demo workspace");
        tip = tr("A temporary workspace, deleted when Watchfloor quits.");
    } else if (info.path.isEmpty()) {
        text = tr("No workspace open");
        tip = tr("Choose one with Open workspace… in the File menu.");
    } else {
        // The file name fits the status bar; the full path is one hover away.
        text = tr("Workspace: %1").arg(QFileInfo(info.path).fileName());
        tip = QDir::toNativeSeparators(info.path);
    }
    if (info.readOnly) {
        text = tr("%1 (read-only)").arg(text);
        tip += QLatin1Char('\n') + tr("Read-only: changes cannot be saved to this workspace.");
    }
    setText(text);
    setToolTip(tip);
    setAccessibleName(text);
}

} // namespace wf::ui
