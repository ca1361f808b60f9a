#pragma once

#include <QLabel>

namespace wf::ui {

// Which workspace the window shows. An empty path means none is open (opening it failed).
struct WorkspaceInfo
{
    QString path;
    bool temporary = false; // the --demo workspace, deleted on exit
    bool readOnly = false;
};

// The status bar's permanent note of the workspace file, so nobody edits the wrong incident.
class WorkspaceLabel : public QLabel
{
    Q_OBJECT

public:
    explicit WorkspaceLabel(QWidget* parent = nullptr);
    void setWorkspace(const WorkspaceInfo& info);
};

} // namespace wf::ui
