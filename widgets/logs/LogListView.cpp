#include "logs/LogListView.h"

#include "common/SemanticDelegate.h"
#include "items/LogListModel.h"
#include "live/LiveLogFeed.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {

namespace {

std::optional<Semantic> levelMeaning(const QModelIndex& index)
{
    using items::LogLevel;
    switch (LogLevel(index.data(items::LogListModel::LevelRole).toInt())) {
    case LogLevel::Fatal:
    case LogLevel::Error:
        return Semantic::Critical;
    case LogLevel::Warn:
        return Semantic::Warning;
    case LogLevel::Info:
        return Semantic::Info;
    case LogLevel::Trace:
    case LogLevel::Debug:
        return Semantic::Unknown;
    case LogLevel::Unspecified:
        break;
    }
    return std::nullopt;
}

} // namespace

LogListView::LogListView(items::LogListModel* model, live::LiveLogFeed* feed, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_feed(feed)
    , m_search(new QLineEdit(this))
    , m_pause(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_table(new QTableView(this))
    , m_pin(new QAction(tr("Pin to incident"), this))
{
    setObjectName(QStringLiteral("logListView"));
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search logs (Ctrl+Shift+F)"));
    m_search->setToolTip(tr("Full-text search over log messages. All words must occur; the last word also "
                            "matches as a prefix; \"quoted words\" match as a phrase."));
    m_pause->setObjectName(QStringLiteral("logPause"));
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Stop following new log records so the list holds still for reading"));

    m_table->setModel(model);
    m_table->setObjectName(QStringLiteral("logTable"));
    // Pinning keeps the line itself in the incident (not a link into a store that rotates).
    m_pin->setObjectName(QStringLiteral("actionPinLogLine"));
    m_pin->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pin->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_pin->setToolTip(tr("Pin the selected log line to the active incident's timeline (%1)")
                          .arg(m_pin->shortcut().toString(QKeySequence::NativeText)));
    m_table->addAction(m_pin);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_pin, &QAction::triggered, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid() && current.row() < m_model->rowCount())
            Q_EMIT pinRequested(m_model->row(current.row()));
    });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Uniform row heights: the view never measures rows, so thousands of records scroll smoothly.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setColumnWidth(items::LogListModel::TimeColumn,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    m_table->setColumnWidth(items::LogListModel::LevelColumn,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("ERROR")) + 24);
    m_table->setColumnWidth(items::LogListModel::ServiceColumn,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("payments-xx")) + 16);
    m_table->setItemDelegateForColumn(items::LogListModel::LevelColumn,
                                      new SemanticDelegate(levelMeaning, true, m_table));

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_pause);
    bar->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    // Typing is debounced so the store is not asked once per key.
    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { m_feed->setSearchText(m_search->text()); });
    connect(m_pause, &QToolButton::toggled, this, [this](bool on) {
        m_feed->setPaused(on);
        m_pause->setText(on ? tr("Resume") : tr("Pause"));
        updateStatus();
    });
    connect(m_feed, &live::LiveLogFeed::refreshed, this, &LogListView::updateStatus);
    connect(m_feed, &live::LiveLogFeed::queryFailed, this, [this](const QString& message) {
        m_error = message;
        updateStatus();
    });
    updateStatus();
}

void LogListView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LogListView::updateStatus()
{
    if (!m_error.isEmpty()) {
        m_status->setText(tr("Search failed"));
        m_status->setToolTip(m_error);
        return;
    }
    m_status->setToolTip(QString());
    const int rows = m_model->rowCount();
    m_status->setText(m_feed->isPaused() ? tr("Paused · %n record(s)", nullptr, rows)
                                         : tr("%n record(s)", nullptr, rows));
}

} // namespace wf::ui
