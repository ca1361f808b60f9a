#include "receiver/ReceiverStatsView.h"

#include "receiver/ReceiverStatsModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace wf::ui {

ReceiverStatsView::ReceiverStatsView(receiver::ReceiverStatsModel* model, QWidget* parent)
    : QWidget(parent)
    , m_endpoint(new QLabel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("receiverStatsView"));
    auto* title = new QLabel(tr("OTLP receiver"), this);
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    m_endpoint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_endpoint->setWordWrap(true);
    m_table->setModel(model);
    m_table->setObjectName(QStringLiteral("receiverStatsTable"));
    m_table->setToolTip(tr("Counters of Watchfloor's own OTLP/HTTP receiver since it started"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(title);
    layout->addWidget(m_endpoint);
    layout->addWidget(m_table, 1);
}

void ReceiverStatsView::setEndpoint(const QString& text, const QString& tooltip)
{
    m_endpoint->setText(text);
    m_endpoint->setToolTip(tooltip);
}

QString ReceiverStatsView::endpointText() const
{
    return m_endpoint->text();
}

} // namespace wf::ui
