#pragma once

#include <QDialog>

namespace wf::ui {

// Versions as loaded at run time (wf::libraryVersions), so a bug report quotes the truth.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget* parent = nullptr);
    static QString aboutHtml();
};

} // namespace wf::ui
