#include "traces/TraceSearchView.h"

#include "common/SemanticDelegate.h"
#include "items/TraceListModel.h"
#include "theme/Theme.h"
#include "traces/TraceScatter.h"
#include "traces/TraceSearchSource.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace wf::ui {

TraceSearchView::TraceSearchView(QWidget* parent)
    : QWidget(parent)
    , m_source(new QComboBox(this))
    , m_service(new QComboBox(this))
    , m_operation(new QComboBox(this))
    , m_tags(new QLineEdit(this))
    , m_minDuration(new QLineEdit(this))
    , m_maxDuration(new QLineEdit(this))
    , m_errorsOnly(new QCheckBox(tr("Errors only"), this))
    , m_range(new QComboBox(this))
    , m_searchButton(new QPushButton(tr("Search"), this))
    , m_status(new QLabel(this))
    , m_scatter(new TraceScatter(this))
    , m_table(new QTableView(this))
    , m_model(new items::TraceListModel(this))
    , m_compare(new QAction(tr("Compare with…"), this))
{
    setObjectName(QStringLiteral("traceSearchView"));
    m_source->setObjectName(QStringLiteral("traceSearchSource"));
    m_source->setToolTip(tr("Where to search: the local store of received spans, Jaeger or Tempo"));
    for (QComboBox* box : {m_service, m_operation}) {
        box->setEditable(true);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->setMinimumContentsLength(14);
    }
    m_service->setObjectName(QStringLiteral("traceSearchService"));
    m_service->setToolTip(tr("A service the trace passes through (empty: any)"));
    m_operation->setObjectName(QStringLiteral("traceSearchOperation"));
    m_operation->setToolTip(tr("An operation (span name) of that service (empty: any)"));
    m_tags->setObjectName(QStringLiteral("traceSearchTags"));
    m_tags->setPlaceholderText(tr("http.status_code=500 customer=\"ACME Corp\""));
    m_tags->setToolTip(
        tr("Span or resource attributes, key=value separated by spaces; quote values with spaces"));
    m_minDuration->setObjectName(QStringLiteral("traceSearchMinDuration"));
    m_maxDuration->setObjectName(QStringLiteral("traceSearchMaxDuration"));
    for (QLineEdit* e : {m_minDuration, m_maxDuration}) {
        e->setPlaceholderText(tr("e.g. 250ms, 1.5s"));
        e->setMaximumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000.0ms ")) * 2);
    }
    m_minDuration->setToolTip(tr("Only traces at least this long (ns, us, ms, s, m; a bare number is ms)"));
    m_maxDuration->setToolTip(tr("Only traces at most this long (empty: no limit)"));
    m_errorsOnly->setObjectName(QStringLiteral("traceSearchErrorsOnly"));
    m_errorsOnly->setToolTip(tr("Only traces with at least one failed span"));
    m_range->setObjectName(QStringLiteral("traceSearchRange"));
    m_range->addItems(
        {tr("Last 15 minutes"), tr("Last hour"), tr("Last 6 hours"), tr("Last 24 hours"), tr("Any time")});
    m_range->setCurrentIndex(LastHour);
    m_range->setToolTip(tr("When the traces started"));
    m_searchButton->setObjectName(QStringLiteral("traceSearchButton"));
    m_searchButton->setDefault(true);
    m_searchButton->setToolTip(tr("Search (Enter in any field)"));
    m_status->setObjectName(QStringLiteral("traceSearchStatus"));
    m_status->setTextFormat(Qt::PlainText); // server messages are shown as they are, never as markup
    m_status->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("traceSearchTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(items::TraceListModel::OperationColumn,
                                                      QHeaderView::Stretch);
    m_table->setToolTip(
        tr("Enter or double-click opens the trace; select two and press Ctrl+D to compare them"));
    const auto errorMeaning = [](const QModelIndex& index) -> std::optional<Semantic> {
        if (index.data(items::TraceListModel::HasErrorsRole).toBool())
            return Semantic::Critical;
        return std::nullopt;
    };
    m_table->setItemDelegateForColumn(items::TraceListModel::ErrorsColumn,
                                      new SemanticDelegate(errorMeaning, true, m_table));

    m_compare->setObjectName(QStringLiteral("actionCompareTraces"));
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_compare->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_compare->setToolTip(tr("Compare the two selected traces, or pick this one as the baseline and then "
                             "open the trace to compare it with (%1)")
                              .arg(m_compare->shortcut().toString(QKeySequence::NativeText)));
    m_table->addAction(m_compare);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    addAction(m_compare);
    connect(m_compare, &QAction::triggered, this, &TraceSearchView::compareSelected);

    // Layout: the form in two rows, then scatter over list.
    auto* row1 = new QHBoxLayout;
    row1->addWidget(new QLabel(tr("Source"), this));
    row1->addWidget(m_source);
    row1->addWidget(new QLabel(tr("Service"), this));
    row1->addWidget(m_service, 1);
    row1->addWidget(new QLabel(tr("Operation"), this));
    row1->addWidget(m_operation, 1);
    row1->addWidget(m_range);
    auto* row2 = new QHBoxLayout;
    row2->addWidget(new QLabel(tr("Tags"), this));
    row2->addWidget(m_tags, 2);
    row2->addWidget(new QLabel(tr("Min"), this));
    row2->addWidget(m_minDuration);
    row2->addWidget(new QLabel(tr("Max"), this));
    row2->addWidget(m_maxDuration);
    row2->addWidget(m_errorsOnly);
    row2->addWidget(m_searchButton);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_scatter);
    split->addWidget(m_table);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(row1);
    layout->addLayout(row2);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);

    connect(m_searchButton, &QPushButton::clicked, this, &TraceSearchView::search);
    for (QLineEdit* e :
         {m_tags, m_minDuration, m_maxDuration, m_service->lineEdit(), m_operation->lineEdit()})
        connect(e, &QLineEdit::returnPressed, this, &TraceSearchView::search);
    connect(m_source, &QComboBox::currentIndexChanged, this, &TraceSearchView::loadNames);
    connect(m_service, &QComboBox::activated, this, [this] {
        traces::TraceSearchSource* source = currentSource();
        if (!source)
            return;
        source->operations(m_service->currentText(), this, [this](const traces::NameListResult& r) {
            const QString typed = m_operation->currentText();
            m_operation->clear();
            m_operation->addItem(QString());
            m_operation->addItems(r.names);
            m_operation->setEditText(typed);
        });
    });
    // Dot and row selections follow each other.
    connect(m_scatter, &TraceScatter::selected, this, [this](int index) {
        if (index < 0)
            return;
        const int row = rowOf(m_scatter->traces()[std::size_t(index)].traceId);
        if (row >= 0 && m_table->currentIndex().row() != row)
            m_table->setCurrentIndex(m_model->index(row, 0));
    });
    connect(m_scatter, &TraceScatter::activated, this,
            [this](int index) { openTrace(rowOf(m_scatter->traces()[std::size_t(index)].traceId)); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid())
                    return;
                const auto& traces = m_scatter->traces();
                for (int i = 0; i < int(traces.size()); ++i) {
                    if (traces[std::size_t(i)].traceId == m_model->row(current.row()).traceId)
                        m_scatter->setSelectedIndex(i);
                }
            });
    connect(m_table, &QAbstractItemView::activated, this,
            [this](const QModelIndex& index) { openTrace(index.row()); });
    setStatus(tr("Choose a source and search"));
}

void TraceSearchView::addSource(traces::TraceSearchSource* source)
{
    m_sources.append(source);
    m_source->addItem(source->displayName());
    connect(source, &QObject::destroyed, this, [this] {
        for (int k = 0; k < m_sources.size(); ++k) {
            if (!m_sources[k]) {
                m_sources.removeAt(k);
                m_source->removeItem(k);
                break;
            }
        }
    });
    if (m_sources.size() == 1)
        loadNames();
}

traces::TraceSearchSource* TraceSearchView::currentSource() const
{
    const int i = m_source->currentIndex();
    return i >= 0 && i < m_sources.size() ? m_sources[i].data() : nullptr;
}

void TraceSearchView::loadNames()
{
    traces::TraceSearchSource* source = currentSource();
    if (!source)
        return;
    source->services(this, [this](const traces::NameListResult& r) {
        if (!r.ok())
            return; // the search reports the source's trouble; an empty list is fine here
        const QString typed = m_service->currentText();
        m_service->clear();
        m_service->addItem(QString());
        m_service->addItems(r.names);
        m_service->setEditText(typed);
    });
}

void TraceSearchView::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText, error ? semanticColor(Semantic::Critical, palette())
                                             : palette().color(QPalette::WindowText));
    m_status->setPalette(pal);
}

QString TraceSearchView::statusText() const
{
    return m_status->text();
}

bool TraceSearchView::buildQuery(traces::TraceSearchQuery* q, QString* error) const
{
    q->service = m_service->currentText().trimmed();
    q->operation = m_operation->currentText().trimmed();
    if (!traces::parseTagFilter(m_tags->text(), &q->tags, error))
        return false;
    if (!traces::parseDurationText(m_minDuration->text(), &q->minDurationNs)) {
        *error =
            tr("The minimum duration \"%1\" is not a duration like 250ms or 1.5s").arg(m_minDuration->text());
        return false;
    }
    if (!traces::parseDurationText(m_maxDuration->text(), &q->maxDurationNs)) {
        *error =
            tr("The maximum duration \"%1\" is not a duration like 250ms or 1.5s").arg(m_maxDuration->text());
        return false;
    }
    if (q->maxDurationNs > 0 && q->maxDurationNs < q->minDurationNs) {
        *error = tr("The maximum duration is shorter than the minimum");
        return false;
    }
    q->errorsOnly = m_errorsOnly->isChecked();
    static const qint64 windowMinutes[] = {15, 60, 360, 1440, 0};
    const qint64 minutes = windowMinutes[std::clamp(m_range->currentIndex(), 0, int(AnyTime))];
    if (minutes > 0) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
        q->toNs = now;
        q->fromNs = now - minutes * 60'000'000'000LL;
    }
    return true;
}

void TraceSearchView::search()
{
    traces::TraceSearchSource* source = currentSource();
    if (!source) {
        setStatus(tr("No trace source is configured"), true);
        return;
    }
    traces::TraceSearchQuery query;
    QString error;
    if (!buildQuery(&query, &error)) {
        setStatus(error, true);
        Q_EMIT searchFinished(0, error);
        return;
    }
    const quint64 generation = ++m_generation;
    m_pendingBaseline = -1;
    setStatus(tr("Searching %1…").arg(source->displayName()));
    source->search(query, this,
                   [this, generation, source = QPointer<traces::TraceSearchSource>(source)](
                       const traces::TraceSearchResult& r) {
                       if (generation != m_generation)
                           return; // a newer search is on its way
                       m_resultSource = source;
                       showResult(r);
                   });
}

void TraceSearchView::showResult(const traces::TraceSearchResult& r)
{
    m_cached.clear();
    if (!r.ok()) {
        m_model->setRows({});
        m_scatter->setTraces({});
        setStatus(tr("Search failed: %1").arg(r.error), true);
        Q_EMIT searchFinished(0, r.error);
        return;
    }
    for (std::size_t i = 0; i < r.spans.size() && i < r.traces.size(); ++i)
        m_cached.insert(r.traces[i].traceId, r.spans[i]);
    m_model->setRows(r.traces);
    m_scatter->setTraces(r.traces);
    const int n = int(r.traces.size());
    QString text = tr("%n trace(s)", nullptr, n);
    if (!r.note.isEmpty())
        text += QStringLiteral(" · ") + r.note;
    setStatus(text);
    Q_EMIT searchFinished(n, QString());
}

int TraceSearchView::rowOf(const telemetry::TraceId& id) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->row(row).traceId == id)
            return row;
    }
    return -1;
}

void TraceSearchView::fetch(int row, std::function<void(const telemetry::SpanBatch&)> then)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const signalstore::TraceSummary summary = m_model->row(row);
    const auto cached = m_cached.constFind(summary.traceId);
    if (cached != m_cached.cend()) {
        then(*cached);
        return;
    }
    if (!m_resultSource) {
        Q_EMIT fetchFailed(tr("The source of these results is gone"));
        return;
    }
    setStatus(tr("Loading trace %1…").arg(summary.traceId.toHex()));
    const quint64 generation = m_generation;
    m_resultSource->fetchTrace(
        summary.traceId, this, [this, generation, summary, then](const traces::TraceFetchResult& r) {
            if (generation != m_generation)
                return;
            if (!r.ok()) {
                const QString message =
                    tr("Trace %1 could not be loaded: %2").arg(summary.traceId.toHex(), r.error);
                setStatus(message, true);
                Q_EMIT fetchFailed(message);
                return;
            }
            m_cached.insert(summary.traceId, r.spans);
            setStatus(tr("%n trace(s)", nullptr, m_model->rowCount()));
            then(r.spans);
        });
}

void TraceSearchView::openTrace(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    if (m_pendingBaseline >= 0 && m_pendingBaseline != row) {
        const int baseline = m_pendingBaseline;
        m_pendingBaseline = -1;
        compareRows(baseline, row);
        return;
    }
    const signalstore::TraceSummary summary = m_model->row(row);
    fetch(row, [this, summary](const telemetry::SpanBatch& spans) { Q_EMIT traceOpened(spans, summary); });
}

void TraceSearchView::compareRows(int baselineRow, int otherRow)
{
    if (baselineRow < 0 || otherRow < 0 || baselineRow >= m_model->rowCount() ||
        otherRow >= m_model->rowCount())
        return;
    const signalstore::TraceSummary a = m_model->row(baselineRow);
    const signalstore::TraceSummary b = m_model->row(otherRow);
    fetch(baselineRow, [this, otherRow, a, b](const telemetry::SpanBatch& spansA) {
        fetch(otherRow, [this, spansA, a, b](const telemetry::SpanBatch& spansB) {
            Q_EMIT compareRequested(spansA, a, spansB, b);
        });
    });
}

void TraceSearchView::compareSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.size() == 2) {
        // The faster one is the baseline: the question is what the slow one did differently.
        int a = rows[0].row(), b = rows[1].row();
        if (m_model->row(a).durationNs > m_model->row(b).durationNs)
            std::swap(a, b);
        compareRows(a, b);
        return;
    }
    const int current = m_table->currentIndex().row();
    if (current < 0) {
        setStatus(tr("Select a trace first"), true);
        return;
    }
    m_pendingBaseline = current;
    setStatus(
        tr("Baseline: %1 (%2). Now open the trace to compare it with.")
            .arg(m_model->row(current).rootName, items::formatDuration(m_model->row(current).durationNs)));
}

} // namespace wf::ui
