#include "SourcesPresenter.h"

#include "dialogs/DataSourceDialog.h"
#include "docks/SourcesDock.h"
#include "sources/SourcesController.h"

#include <QAbstractButton>
#include <QMessageBox>

#include <cstdio>

namespace wf::app {

SourcesPresenter::SourcesPresenter(ui::SourcesDock* dock, SourcesController* controller, bool interactive,
                                   QObject* parent)
    : QObject(parent)
    , m_dock(dock)
    , m_controller(controller)
    , m_interactive(interactive)
{
    connect(dock, &ui::SourcesDock::addRequested, this, &SourcesPresenter::add);
    connect(dock, &ui::SourcesDock::editRequested, this, &SourcesPresenter::edit);
    connect(dock, &ui::SourcesDock::removeRequested, this, &SourcesPresenter::remove);
    connect(dock, &ui::SourcesDock::checkNowRequested, controller, &SourcesController::checkNow);
    connect(controller, &SourcesController::failed, this, &SourcesPresenter::showError);
    connect(controller, &SourcesController::warning, this, &SourcesPresenter::showError);
    workspaceChanged();
}

void SourcesPresenter::workspaceChanged()
{
    if (m_dock)
        m_dock->setEditable(!m_controller->isReadOnly());
}

void SourcesPresenter::add()
{
    // open(), not exec(): no nested event loop, so health probes and live data keep flowing.
    auto* dialog = new ui::DataSourceDialog(nullptr, m_dock);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_controller->add(dialog->source(), dialog->credentials()); });
    dialog->open();
}

void SourcesPresenter::edit(const QString& name)
{
    const std::optional<DataSource> existing = m_controller->source(name);
    if (!existing)
        return;
    auto* dialog = new ui::DataSourceDialog(&*existing, m_dock, m_controller->credentials(existing->id));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_controller->update(dialog->source(), dialog->credentials()); });
    dialog->open();
}

void SourcesPresenter::remove(const QString& name)
{
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Remove data source"),
        tr("Remove “%1” from this workspace? Panels that query it will show no data.").arg(name),
        QMessageBox::Cancel, m_dock);
    box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, name](QAbstractButton* button) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            m_controller->remove(name);
    });
    box->open();
}

void SourcesPresenter::showError(const QString& message)
{
    if (!m_interactive) {
        std::fprintf(stderr, "watchfloor: %s\n", qUtf8Printable(message));
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Data sources"), message, QMessageBox::Ok, m_dock);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace wf::app
