#include "waterfall/TraceView.h"

#include "theme/Theme.h"
#include "traces/SpanDetails.h"
#include "traces/TraceFile.h"
#include "waterfall/ServiceColors.h"
#include "waterfall/TraceWaterfall.h"

#include <QAction>
#include <QFile>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {

TraceView::TraceView(QWidget* parent)
    : QWidget(parent)
    , m_waterfall(new TraceWaterfall(this))
    , m_title(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_findBar(new QWidget(this))
    , m_find(new QLineEdit(m_findBar))
    , m_findStatus(new QLabel(m_findBar))
    , m_details(new QPlainTextEdit(this))
    , m_selfTime(new QTableWidget(this))
    , m_logsAction(new QAction(tr("Logs of this trace"), this))
    , m_metricsAction(new QAction(tr("Metrics of this service"), this))
{
    m_title->setTextFormat(Qt::PlainText);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    m_problems->setVisible(false);
    QPalette warn = m_problems->palette();
    warn.setColor(QPalette::WindowText, semanticColor(Semantic::Warning, palette()));
    m_problems->setPalette(warn);

    auto* findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    m_find->setPlaceholderText(tr("Find in trace: service, operation, span id, attribute value"));
    m_find->setClearButtonEnabled(true);
    auto* prev = new QToolButton(m_findBar);
    prev->setText(tr("Previous"));
    prev->setToolTip(tr("Previous match (Shift+Enter)"));
    auto* next = new QToolButton(m_findBar);
    next->setText(tr("Next"));
    next->setToolTip(tr("Next match (Enter, F3)"));
    auto* close = new QToolButton(m_findBar);
    close->setText(tr("Close"));
    close->setToolTip(tr("Close the find bar (Esc)"));
    m_findStatus->setTextFormat(Qt::PlainText);
    findLayout->addWidget(m_find, 1);
    findLayout->addWidget(m_findStatus);
    findLayout->addWidget(prev);
    findLayout->addWidget(next);
    findLayout->addWidget(close);
    m_findBar->setVisible(false);

    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setPlaceholderText(tr("Select a span to see its attributes, events, links and status."));
    m_details->setMaximumBlockCount(5000);

    m_selfTime->setColumnCount(4);
    m_selfTime->setHorizontalHeaderLabels({tr("Service"), tr("Self time"), tr("Spans"), tr("Errors")});
    m_selfTime->verticalHeader()->setVisible(false);
    m_selfTime->horizontalHeader()->setStretchLastSection(true);
    m_selfTime->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_selfTime->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_selfTime->setToolTip(tr("Time spent in each service itself, not waiting for its children: the service "
                              "with the most self time slowed the request down"));

    auto* bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_details);
    bottom->addWidget(m_selfTime);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_waterfall);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    // Links out of the trace: its logs, and the metrics of the selected span's service.
    m_logsAction->setObjectName(QStringLiteral("actionTraceLogs"));
    m_logsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_logsAction->setToolTip(tr("Show the log records that carry this trace's id (%1)")
                                 .arg(m_logsAction->shortcut().toString(QKeySequence::NativeText)));
    m_metricsAction->setObjectName(QStringLiteral("actionServiceMetrics"));
    m_metricsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_metricsAction->setToolTip(
        tr("Show the selected span's service on the dashboard around the span's time (%1)")
            .arg(m_metricsAction->shortcut().toString(QKeySequence::NativeText)));
    for (QAction* a : {m_logsAction, m_metricsAction}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setEnabled(false);
        addAction(a);
        m_waterfall->addAction(a);
    }
    m_waterfall->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_logsAction, &QAction::triggered, this, [this] {
        const int node = linkNode();
        if (node >= 0)
            Q_EMIT logsRequested(m_tree->span(node).traceId, m_tree->span(node).spanId);
    });
    connect(m_metricsAction, &QAction::triggered, this, [this] {
        const int node = linkNode();
        if (node >= 0)
            Q_EMIT metricsRequested(m_tree->serviceOf(node), m_tree->node(node).startNs,
                                    m_tree->node(node).endNs);
    });
    auto* logsButton = new QToolButton(this);
    logsButton->setDefaultAction(m_logsAction);
    auto* metricsButton = new QToolButton(this);
    metricsButton->setDefaultAction(m_metricsAction);
    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(logsButton);
    header->addWidget(metricsButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addWidget(m_problems);
    layout->addWidget(m_findBar);
    layout->addWidget(split, 1);

    auto* findShortcut = new QShortcut(QKeySequence::Find, this);
    findShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(findShortcut, &QShortcut::activated, this, &TraceView::showFindBar);
    auto* nextShortcut = new QShortcut(QKeySequence::FindNext, this);
    nextShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(nextShortcut, &QShortcut::activated, m_waterfall, &TraceWaterfall::findNext);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_findBar);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QShortcut::activated, m_findBar, [this] {
        m_findBar->setVisible(false);
        m_waterfall->setFocus();
    });
    connect(close, &QToolButton::clicked, m_findBar, [this] { m_findBar->setVisible(false); });
    connect(m_find, &QLineEdit::textChanged, m_waterfall, &TraceWaterfall::setFindText);
    connect(m_find, &QLineEdit::returnPressed, m_waterfall, [this] {
        if (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier)
            m_waterfall->findPrevious();
        else
            m_waterfall->findNext();
    });
    connect(next, &QToolButton::clicked, m_waterfall, &TraceWaterfall::findNext);
    connect(prev, &QToolButton::clicked, m_waterfall, &TraceWaterfall::findPrevious);
    connect(m_waterfall, &TraceWaterfall::matchesChanged, this, &TraceView::updateFindStatus);
    connect(m_waterfall, &TraceWaterfall::nodeSelected, this, &TraceView::showDetails);
    connect(m_selfTime, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        // Jump to the service's span with the most self time.
        if (!m_tree)
            return;
        const QString service = selfTimeServiceAt(row);
        int best = -1;
        for (int i = 0; i < m_tree->size(); ++i)
            if (m_tree->serviceOf(i) == service &&
                (best < 0 || m_tree->node(i).selfNs > m_tree->node(best).selfNs))
                best = i;
        if (best >= 0)
            m_waterfall->selectNode(best);
    });
}

void TraceView::setBatch(const telemetry::SpanBatch& spans)
{
    setTree(std::make_shared<const traces::TraceTree>(traces::TraceTree::build(spans)));
}

void TraceView::setTree(std::shared_ptr<const traces::TraceTree> tree)
{
    ++m_generation;
    m_tree = std::move(tree);
    m_waterfall->setTree(m_tree);
    m_details->clear();
    m_logsAction->setEnabled(m_tree && !m_tree->isEmpty());
    m_metricsAction->setEnabled(m_tree && !m_tree->isEmpty());
    updateSummary();
    if (!m_find->text().isEmpty())
        m_waterfall->setFindText(m_find->text());
    Q_EMIT traceLoaded();
}

void TraceView::openFile(const QString& path)
{
    const quint64 generation = ++m_generation;
    m_title->setText(tr("Opening %1 …").arg(path));
    QPointer<TraceView> self(this);
    QThreadPool::globalInstance()->start([self, path, generation] {
        QString error;
        std::shared_ptr<const traces::TraceTree> tree;
        int traceCount = 0;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            error = f.errorString();
        } else if (f.size() > traces::TraceFileLimits().maxBytes) {
            error =
                tr("The file is larger than %1 MB").arg(traces::TraceFileLimits().maxBytes / (1024 * 1024));
        } else {
            const auto result = traces::parseTraceDocument(f.readAll());
            error = result.error;
            traceCount = int(result.traces.size());
            if (result.ok() && traceCount == 0)
                error = tr("The file holds no spans");
            if (error.isEmpty())
                tree = std::make_shared<const traces::TraceTree>(
                    traces::TraceTree::build(result.traces.front().spans));
        }
        if (!self)
            return;
        QMetaObject::invokeMethod(self.data(), [self, generation, tree, error, path, traceCount] {
            if (!self || self->m_generation != generation)
                return; // a newer trace was opened meanwhile
            if (!error.isEmpty()) {
                self->setTree(nullptr);
                self->m_title->setText(tr("Cannot open %1: %2").arg(path, error));
                return;
            }
            self->setTree(tree);
            if (traceCount > 1)
                self->m_title->setText(self->m_title->text() +
                                       tr(" (first of %1 traces in the file)").arg(traceCount));
        });
    });
}

int TraceView::linkNode() const
{
    if (!m_tree || m_tree->isEmpty())
        return -1;
    const int selected = m_waterfall->selectedNode();
    if (selected >= 0)
        return selected;
    return m_tree->mainRoot() >= 0 ? m_tree->mainRoot() : 0;
}

void TraceView::updateSummary()
{
    m_selfTime->setRowCount(0);
    if (!m_tree || m_tree->isEmpty()) {
        m_title->setText(tr("No trace"));
        m_problems->setVisible(false);
        return;
    }
    const int root = m_tree->mainRoot();
    m_title->setText(
        tr("%1: %2 · %3 · %n spans · %4 errors · critical path drawn as a dark core", nullptr, m_tree->size())
            .arg(traces::truncateForDisplay(m_tree->serviceOf(root), 100),
                 traces::truncateForDisplay(m_tree->span(root).name, 200),
                 traces::formatDuration(m_tree->endNs() - m_tree->startNs()))
            .arg(m_tree->errorNodes().size()));
    const QString problems = problemsText();
    m_problems->setText(problems);
    m_problems->setVisible(!problems.isEmpty());

    const auto& times = m_tree->selfTimeByService();
    m_selfTime->setRowCount(int(times.size()));
    for (int r = 0; r < int(times.size()); ++r) {
        const auto& t = times[std::size_t(r)];
        auto* name = new QTableWidgetItem(traces::truncateForDisplay(t.service, 200));
        name->setForeground(m_waterfall->colorOf(t.service));
        m_selfTime->setItem(r, 0, name);
        m_selfTime->setItem(r, 1, new QTableWidgetItem(traces::formatDuration(t.selfNs)));
        m_selfTime->setItem(r, 2, new QTableWidgetItem(QString::number(t.spanCount)));
        m_selfTime->setItem(r, 3, new QTableWidgetItem(QString::number(t.errorCount)));
    }
    m_selfTime->resizeColumnsToContents();
}

QString TraceView::problemsText() const
{
    if (!m_tree || m_tree->problemCount() == 0)
        return QString();
    QString text = tr("%n problem(s) in this trace: ", nullptr, m_tree->problemCount());
    const int shown = std::min<int>(3, int(m_tree->problems().size()));
    for (int i = 0; i < shown; ++i)
        text += (i ? QStringLiteral("; ") : QString()) +
                traces::truncateForDisplay(m_tree->problems()[i].message, 200);
    if (m_tree->problemCount() > shown)
        text += tr("; and %n more", nullptr, m_tree->problemCount() - shown);
    return text;
}

QString TraceView::titleText() const
{
    return m_title->text();
}

QString TraceView::selfTimeServiceAt(int row) const
{
    if (!m_tree || row < 0 || row >= int(m_tree->selfTimeByService().size()))
        return QString();
    return m_tree->selfTimeByService()[std::size_t(row)].service;
}

QString TraceView::detailsText() const
{
    return m_details->toPlainText();
}

void TraceView::showDetails(int node)
{
    if (!m_tree || node < 0) {
        m_details->clear();
        return;
    }
    m_details->setPlainText(traces::spanDetailsText(*m_tree, node));
}

void TraceView::showFindBar()
{
    m_findBar->setVisible(true);
    m_find->setFocus();
    m_find->selectAll();
}

void TraceView::updateFindStatus(int current, int count)
{
    m_findStatus->setText(count == 0 ? (m_find->text().isEmpty() ? QString() : tr("No match"))
                                     : tr("%1 of %2").arg(current + 1).arg(count));
}

} // namespace wf::ui
