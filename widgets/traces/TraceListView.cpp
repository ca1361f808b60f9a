#include "traces/TraceListView.h"

#include "common/SemanticDelegate.h"
#include "items/TraceListModel.h"
#include "live/LiveTraceFeed.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {

TraceListView::TraceListView(items::TraceListModel* model, live::LiveTraceFeed* feed, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_errorsOnly(new QCheckBox(tr("Errors only"), this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_pin(new QAction(tr("Pin to incident"), this))
    , m_search(new QAction(tr("Search traces…"), this))
{
    setObjectName(QStringLiteral("traceListView"));
    m_errorsOnly->setToolTip(tr("Show only traces with at least one failed span"));
    m_table->setObjectName(QStringLiteral("traceTable"));
    m_table->setModel(model);
    m_pin->setObjectName(QStringLiteral("actionPinTrace"));
    m_pin->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pin->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_pin->setToolTip(tr("Pin the selected trace, with its spans, to the active incident's timeline (%1)")
                          .arg(m_pin->shortcut().toString(QKeySequence::NativeText)));
    m_table->addAction(m_pin);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_pin, &QAction::triggered, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid() && current.row() < m_model->rowCount())
            Q_EMIT pinRequested(m_model->row(current.row()));
    });
    m_table->setToolTip(tr("Double-click a trace, or press Enter, to open its waterfall"));
    // activated: a double-click, or Enter on the current row (the platform decides which gestures).
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        if (index.isValid() && index.row() < m_model->rowCount())
            Q_EMIT openRequested(m_model->row(index.row()));
    });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(items::TraceListModel::OperationColumn,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(items::TraceListModel::StartColumn,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    const auto errorMeaning = [](const QModelIndex& index) -> std::optional<Semantic> {
        if (index.data(items::TraceListModel::HasErrorsRole).toBool())
            return Semantic::Critical;
        return std::nullopt;
    };
    // Failing traces stand out in the columns the eye scans: operation and error count.
    m_table->setItemDelegateForColumn(items::TraceListModel::ErrorsColumn,
                                      new SemanticDelegate(errorMeaning, true, m_table));
    m_table->setItemDelegateForColumn(items::TraceListModel::OperationColumn,
                                      new SemanticDelegate(errorMeaning, false, m_table));

    m_search->setObjectName(QStringLiteral("actionSearchTraces"));
    m_search->setToolTip(tr("Search traces by service, operation, tags, duration and errors, and compare "
                            "two of them (Ctrl+Shift+T)"));
    connect(m_search, &QAction::triggered, this, &TraceListView::searchRequested);
    auto* searchButton = new QToolButton(this);
    searchButton->setDefaultAction(m_search);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    bar->addWidget(m_errorsOnly);
    bar->addWidget(searchButton);
    bar->addStretch(1);
    bar->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_errorsOnly, &QCheckBox::toggled, feed, &live::LiveTraceFeed::setErrorsOnly);
    connect(feed, &live::LiveTraceFeed::refreshed, this,
            [this](int rows) { m_status->setText(tr("%n trace(s)", nullptr, rows)); });
    connect(feed, &live::LiveTraceFeed::queryFailed, this, [this](const QString& message) {
        if (!message.isEmpty())
            m_status->setText(tr("Query failed: %1").arg(message));
    });
}

} // namespace wf::ui
