#include "SavedDashboardsDialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace wf::ui {

SavedDashboardsDialog::SavedDashboardsDialog(const QList<dashboard::DashboardSummary>& dashboards,
                                             QWidget* parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_remove(new QPushButton(tr("&Delete"), this))
{
    setObjectName(QStringLiteral("savedDashboards"));
    setWindowTitle(tr("Saved dashboards"));
    resize(520, 420);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        dashboards.isEmpty() ? tr("No dashboards are saved in this workspace yet. Open a dashboard file and "
                                  "save it with File ▸ Save dashboard (Ctrl+S).")
                             : tr("Dashboards saved in this workspace:"),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    for (const dashboard::DashboardSummary& d : dashboards) {
        const QString when =
            QDateTime::fromMSecsSinceEpoch(d.updatedAtMs).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        auto* item =
            new QListWidgetItem(tr("%1 — saved %2").arg(d.title.isEmpty() ? d.uid : d.title, when), m_list);
        item->setData(Qt::UserRole, d.uid);
        item->setData(Qt::UserRole + 1, d.title);
        item->setToolTip(d.uid);
    }
    layout->addWidget(m_list, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_open, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_remove, QDialogButtonBox::DestructiveRole);
    m_open->setToolTip(tr("Open the dashboard as a tab"));
    m_remove->setToolTip(tr("Delete the dashboard from the workspace"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!selectedUid().isEmpty()) {
            Q_EMIT openRequested(selectedUid());
            accept();
        }
    });
    connect(m_list, &QListWidget::itemActivated, m_open, &QPushButton::click);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem* item = m_list->currentItem())
            Q_EMIT removeRequested(item->data(Qt::UserRole).toString(),
                                   item->data(Qt::UserRole + 1).toString());
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &SavedDashboardsDialog::updateButtons);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

QString SavedDashboardsDialog::selectedUid() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void SavedDashboardsDialog::removeUid(const QString& uid)
{
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->data(Qt::UserRole).toString() == uid)
            delete m_list->takeItem(row--);
    updateButtons();
}

void SavedDashboardsDialog::updateButtons()
{
    m_open->setEnabled(m_list->currentItem() != nullptr);
    m_remove->setEnabled(m_list->currentItem() != nullptr);
}

} // namespace wf::ui
