#include "runbook/RunbooksDialog.h"

#include "runbook/RunbookRunner.h"
#include "runbook/RunbookView.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace wf::ui {

RunbooksDialog::RunbooksDialog(RunnerFactory makeRunner, QWidget* parent)
    : QDialog(parent)
    , m_makeRunner(std::move(makeRunner))
{
    setObjectName(QStringLiteral("runbooksDialog"));
    setWindowTitle(tr("Runbooks"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("runbookList"));
    auto* folder = new QPushButton(tr("Open folder…"), this);
    folder->setToolTip(tr("Add the runbooks (*.md) of a folder, e.g. your team's runbook repository"));
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_pages = new QStackedWidget(this);
    auto* placeholder = new QLabel(tr("Choose a runbook on the left."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    m_pages->addWidget(placeholder);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(folder);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_error);
    rightLayout->addWidget(m_pages, 1);
    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(split);
    resize(1100, 700);

    connect(m_list, &QListWidget::currentRowChanged, this, &RunbooksDialog::select);
    connect(folder, &QPushButton::clicked, this, &RunbooksDialog::chooseFolderRequested);
}

void RunbooksDialog::setPresetValues(const QHash<QString, QString>& values)
{
    m_presets = values;
    for (QWidget* page : std::as_const(m_views)) {
        if (auto* view = page->findChild<RunbookView*>()) {
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                if (view->value(it.key()).isEmpty())
                    view->setValue(it.key(), it.value());
            }
        }
    }
}

void RunbooksDialog::setRunbooks(const QList<runbook::RunbookFile>& files)
{
    m_files = files;
    m_list->clear();
    for (QWidget* v : std::as_const(m_views)) {
        m_pages->removeWidget(v);
        v->deleteLater();
    }
    m_views.clear();
    for (const runbook::RunbookFile& f : files) {
        auto* item = new QListWidgetItem(
            f.result.ok() ? f.result.runbook->title : QFileInfo(f.path).fileName(), m_list);
        item->setToolTip(f.result.ok() ? f.path : f.result.error.text());
        if (!f.result.ok())
            item->setForeground(palette().color(QPalette::PlaceholderText));
    }
}

void RunbooksDialog::select(int row)
{
    m_error->clear();
    if (row < 0 || row >= m_files.size()) {
        m_pages->setCurrentIndex(0);
        return;
    }
    const runbook::RunbookFile& f = m_files.at(row);
    if (!f.result.ok()) {
        m_error->setText(
            tr("%1 cannot be used: %2").arg(QFileInfo(f.path).fileName(), f.result.error.text()));
        m_pages->setCurrentIndex(0);
        return;
    }
    QWidget* view = m_views.value(row);
    if (!view) {
        auto* page = new QWidget(this);
        runbook::RunbookRunner* runner = m_makeRunner(*f.result.runbook, page);
        auto* rv = new RunbookView(runner, page);
        for (auto it = m_presets.cbegin(); it != m_presets.cend(); ++it)
            rv->setValue(it.key(), it.value());
        auto* l = new QVBoxLayout(page);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(rv);
        m_pages->addWidget(page);
        m_views.insert(row, page);
        view = page;
    }
    m_pages->setCurrentWidget(view);
}

} // namespace wf::ui
