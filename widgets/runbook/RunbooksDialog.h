#pragma once
// The runbook library next to the one being run: the shipped runbooks and those of a folder the user
// picks (files that do not parse are listed with their error), and a RunbookView for the selected one.
// Runners come from the application (`makeRunner`), which knows the incident, the operator, the HTTP
// client and the stores; this dialog only shows and asks.
#include "runbook/RunbookLibrary.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace wf::runbook {
class RunbookRunner;
}

namespace wf::ui {

class RunbooksDialog : public QDialog
{
    Q_OBJECT

public:
    using RunnerFactory = std::function<runbook::RunbookRunner*(const runbook::Runbook&, QObject* parent)>;

    RunbooksDialog(RunnerFactory makeRunner, QWidget* parent = nullptr);

    void setRunbooks(const QList<runbook::RunbookFile>& files);
    // Values filled into every runbook that has a parameter of that name: into runbooks opened later,
    // and into open ones where the field is still empty (never over what the user typed).
    void setPresetValues(const QHash<QString, QString>& values);
    QListWidget* list() const { return m_list; }

Q_SIGNALS:
    void chooseFolderRequested();

private:
    void select(int row);

    RunnerFactory m_makeRunner;
    QHash<QString, QString> m_presets;
    QList<runbook::RunbookFile> m_files;
    QListWidget* m_list;
    QStackedWidget* m_pages;
    QLabel* m_error;
    QHash<int, QWidget*> m_views; // row -> its view, kept so a run in progress survives reselection
};

} // namespace wf::ui
