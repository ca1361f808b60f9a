#include "traces/TraceLogsView.h"

#include "items/LogListModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace wf::ui {

TraceLogsView::TraceLogsView(QWidget* parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new items::LogListModel(this))
{
    setObjectName(QStringLiteral("traceLogsView"));
    m_status->setTextFormat(Qt::PlainText);
    m_table->setObjectName(QStringLiteral("traceLogsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(items::LogListModel::BodyColumn, QHeaderView::Stretch);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
}

void TraceLogsView::setRows(const QString& traceIdHex, std::vector<signalstore::LogRow> rows)
{
    m_status->setText(tr("%n log record(s) of trace %1", nullptr, int(rows.size())).arg(traceIdHex));
    m_model->setRows(std::move(rows));
}

void TraceLogsView::setError(const QString& message)
{
    m_status->setText(tr("The logs could not be read: %1").arg(message));
}

QString TraceLogsView::statusText() const
{
    return m_status->text();
}

} // namespace wf::ui
