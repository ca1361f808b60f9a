#include "patterns/LogPatternsView.h"

#include "logs/LogPatternModel.h"
#include "patterns/SparklineDelegate.h"
#include "theme/Theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace wf::ui {

LogPatternsView::LogPatternsView(QWidget* parent)
    : QWidget(parent)
    , m_model(new logs::LogPatternModel(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableView(this))
    , m_stacks(new QTableWidget(this))
{
    m_summary->setTextFormat(Qt::PlainText);
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(logs::LogPatternModel::TrendColumn, new SparklineDelegate(m_table));
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(logs::LogPatternModel::TrendColumn, 140);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setToolTip(
        tr("Log lines grouped by message template; double-click a pattern to filter the logs to it"));

    m_stacks->setColumnCount(3);
    m_stacks->setHorizontalHeaderLabels({tr("Count"), tr("Exception"), tr("Top frames")});
    m_stacks->verticalHeader()->setVisible(false);
    m_stacks->horizontalHeader()->setStretchLastSection(true);
    m_stacks->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stacks->setWordWrap(false);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_stacks);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);

    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT patternActivated(m_model->patternAt(index.row()).text());
    });
}

void LogPatternsView::setPatterns(const logs::LogPatterns& patterns)
{
    m_model->setPatterns(patterns.patterns());
    int fresh = 0;
    for (const auto& p : patterns.patterns())
        fresh += p.isNew;
    m_summary->setText(
        tr("%n pattern(s) in %1 lines, %2 new since the incident started", nullptr, patterns.size())
            .arg(patterns.lineCount())
            .arg(fresh));
    m_table->resizeColumnToContents(logs::LogPatternModel::CountColumn);
    m_table->resizeColumnToContents(logs::LogPatternModel::NewColumn);

    auto groups = patterns.stackGroups().groups();
    std::stable_sort(groups.begin(), groups.end(),
                     [](const auto& a, const auto& b) { return a.count > b.count; });
    m_stacks->setRowCount(int(groups.size()));
    for (int r = 0; r < int(groups.size()); ++r) {
        const auto& g = groups[std::size_t(r)];
        m_stacks->setItem(r, 0, new QTableWidgetItem(QString::number(g.count)));
        m_stacks->setItem(r, 1, new QTableWidgetItem(g.signature.exceptionType));
        auto* frames = new QTableWidgetItem(g.signature.topFrames.join(QStringLiteral(" ← ")));
        frames->setToolTip(QStringLiteral("<pre>") + g.sample.left(2000).toHtmlEscaped() +
                           QStringLiteral("</pre>"));
        m_stacks->setItem(r, 2, frames);
    }
    m_stacks->resizeColumnsToContents();
    m_stacks->setVisible(!groups.empty());
}

} // namespace wf::ui
