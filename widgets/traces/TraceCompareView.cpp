#include "traces/TraceCompareView.h"

#include "items/TraceListModel.h"
#include "theme/Theme.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace wf::ui {

namespace {

QString signedDuration(qint64 ns)
{
    if (ns == 0)
        return QStringLiteral("0");
    return (ns > 0 ? QStringLiteral("+") : QStringLiteral("−")) + items::formatDuration(ns > 0 ? ns : -ns);
}

} // namespace

TraceCompareView::TraceCompareView(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
{
    setObjectName(QStringLiteral("traceCompareView"));
    m_summary->setObjectName(QStringLiteral("traceCompareSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("traceCompareTable"));
    m_table->setColumnCount(ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Change"), tr("Service : operation path"), tr("Baseline"),
                                        tr("This trace"), tr("Δ duration"), tr("Self (baseline)"),
                                        tr("Self (this)"), tr("Δ self")});
    m_table->horizontalHeaderItem(DeltaColumn)->setToolTip(tr("How much longer the span took in this trace"));
    m_table->horizontalHeaderItem(SelfDeltaColumn)
        ->setToolTip(tr("Change of the span's own time (its duration minus its children's): where the time "
                        "was really added"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(PathColumn, QHeaderView::Stretch);
    m_table->setToolTip(tr("Spans matched by their service:operation path from the root; added spans exist "
                           "only in this trace, missing ones only in the baseline"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

QString TraceCompareView::summaryText() const
{
    return m_summary->text();
}

void TraceCompareView::setTraces(std::shared_ptr<const traces::TraceTree> baseline,
                                 const signalstore::TraceSummary& a,
                                 std::shared_ptr<const traces::TraceTree> other,
                                 const signalstore::TraceSummary& b, const traces::CompareOptions& options)
{
    traces::TraceComparison comparison = traces::compareTraces(*baseline, *other, options);
    setResult(std::move(baseline), a, std::move(other), b, std::move(comparison));
}

void TraceCompareView::setResult(std::shared_ptr<const traces::TraceTree> baseline,
                                 const signalstore::TraceSummary& a,
                                 std::shared_ptr<const traces::TraceTree> other,
                                 const signalstore::TraceSummary& b, traces::TraceComparison comparison)
{
    m_a = std::move(baseline);
    m_b = std::move(other);
    m_comparison = std::move(comparison);
    const auto& c = m_comparison;
    m_summary->setText(tr("Baseline %1 %2 (%3) against %4 %5 (%6): %7 total, %n span(s) added, %8 missing, "
                          "%9 slower",
                          nullptr, c.added)
                           .arg(a.traceId.toHex().left(8), a.rootName, items::formatDuration(c.totalA),
                                b.traceId.toHex().left(8), b.rootName, items::formatDuration(c.totalB),
                                signedDuration(c.totalB - c.totalA))
                           .arg(c.missing)
                           .arg(c.slower));

    const QPalette pal = palette();
    const QColor added = semanticColor(Semantic::Warning, pal);
    const QColor missing = semanticColor(Semantic::Unknown, pal);
    const QColor slower = semanticColor(Semantic::Critical, pal);
    const int rows = int(std::min<std::size_t>(c.diffs.size(), kMaxRows));
    m_table->setUpdatesEnabled(false);
    m_table->clearContents();
    m_table->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        const traces::SpanDiff& d = c.diffs[std::size_t(r)];
        QString change;
        QColor colour;
        switch (d.kind) {
        case traces::SpanDiff::Kind::Added:
            change = tr("added");
            colour = added;
            break;
        case traces::SpanDiff::Kind::Missing:
            change = tr("missing");
            colour = missing;
            break;
        case traces::SpanDiff::Kind::Matched:
            change = d.slower ? tr("slower") : (d.deltaNs() < 0 ? tr("faster") : QString());
            if (d.slower)
                colour = slower;
            break;
        }
        const bool inA = d.nodeA >= 0;
        const bool inB = d.nodeB >= 0;
        const bool both = inA && inB;
        QString path = d.path;
        if (d.occurrence > 0)
            path += tr(" (#%1)").arg(d.occurrence + 1);
        const QString cells[ColumnCount] = {
            change,
            path,
            inA ? items::formatDuration(d.durationA) : QString(),
            inB ? items::formatDuration(d.durationB) : QString(),
            both ? signedDuration(d.deltaNs()) : QString(),
            inA ? items::formatDuration(d.selfA) : QString(),
            inB ? items::formatDuration(d.selfB) : QString(),
            both ? signedDuration(d.selfDeltaNs()) : QString(),
        };
        for (int col = 0; col < ColumnCount; ++col) {
            auto* item = new QTableWidgetItem(cells[col]);
            if (col != PathColumn && col != ChangeColumn)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (colour.isValid() && (col == ChangeColumn || col == DeltaColumn || col == PathColumn))
                item->setForeground(colour);
            if (col == PathColumn)
                item->setToolTip(d.path.toHtmlEscaped()); // tooltips guess rich text: escape telemetry
            m_table->setItem(r, col, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(PathColumn, QHeaderView::Stretch);
    m_table->setUpdatesEnabled(true);
    if (c.diffs.size() > std::size_t(kMaxRows))
        m_summary->setText(m_summary->text() + QLatin1Char(' ') +
                           tr("(the first %L1 of %L2 rows are listed)").arg(kMaxRows).arg(c.diffs.size()));
}

} // namespace wf::ui
