#include "BlastRadiusPanel.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace wf::ui {

namespace {

QTreeWidget* makeTree(const QStringList& headers, QWidget* parent)
{
    auto* t = new QTreeWidget(parent);
    t->setHeaderLabels(headers);
    t->setRootIsDecorated(false);
    t->setUniformRowHeights(true);
    t->setAlternatingRowColors(true);
    t->setTextElideMode(Qt::ElideMiddle);
    // The panel is a quarter of the window: the name column takes what the numbers leave and elides
    // (the whole name is in the tooltip), so no column is cut off behind a horizontal scroll bar.
    t->header()->setStretchLastSection(false);
    t->header()->setMinimumSectionSize(24);
    t->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return t;
}

// At most six names and a count of the rest: a graph of 1,000 nodes touches many groups.
QString shortList(const QStringList& names)
{
    constexpr int kShown = 6;
    if (names.size() <= kShown)
        return names.join(u", "_s);
    return names.first(kShown).join(u", "_s) + u' ' +
           QCoreApplication::translate("BlastRadiusPanel", "and %1 more").arg(names.size() - kShown);
}

QString percent(double share)
{
    return QString::number(share * 100, 'f', 1) + u" %"_s;
}

} // namespace

BlastRadiusPanel::BlastRadiusPanel(QWidget* parent)
    : QWidget(parent)
    , m_verdict(new QLabel(this))
    , m_regions(new QLabel(this))
    , m_nodes(makeTree({tr("Node"), tr("Role"), tr("Hops"), tr("Errors"), tr("p95")}, this))
    , m_entries(makeTree({tr("Entry point"), tr("Through failure"), tr("Traces")}, this))
    , m_symptom(new QLabel(this))
    , m_ranking(makeTree({tr("Candidate"), tr("Score"), tr("Evidence")}, this))
{
    auto* layout = new QVBoxLayout(this);
    QFont big = m_verdict->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_verdict->setFont(big);
    m_verdict->setTextFormat(Qt::PlainText);
    m_regions->setTextFormat(Qt::PlainText);
    m_regions->setWordWrap(true);
    // Two lines at least: a wrapped label in a box layout otherwise gets one line's height and is cut.
    m_regions->setMinimumHeight(m_regions->fontMetrics().lineSpacing() * 2 + 4);
    m_symptom->setTextFormat(Qt::PlainText);
    m_symptom->setWordWrap(true);
    layout->addWidget(m_verdict);
    layout->addWidget(m_regions);
    layout->addWidget(m_nodes, 3);
    layout->addWidget(m_entries, 1);
    layout->addWidget(m_symptom);
    layout->addWidget(m_ranking, 2);
    // Evidence lines are long: elided here, whole in the tooltip.
    m_ranking->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_ranking->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_ranking->header()->resizeSection(0, 130);
    m_entries->headerItem()->setToolTip(
        1, tr("Share of the entry point's traffic that passed through the failure"));
    setMinimumWidth(320);
    m_nodes->setToolTip(tr("The failing nodes and every dependent that calls them, directly or not"));
    m_entries->setToolTip(
        tr("Share of each entry point's traces in the window that passed through the failure"));
    m_ranking->setToolTip(
        tr("Dependencies of the symptom ordered by how well their own errors and latency explain it"));
    clear();
}

void BlastRadiusPanel::clear()
{
    m_verdict->setText(tr("Blast radius: select a failing node or press B"));
    m_regions->clear();
    m_nodes->clear();
    m_entries->clear();
    m_symptom->clear();
    m_ranking->clear();
}

QString BlastRadiusPanel::verdictText() const
{
    return m_verdict->text();
}

int BlastRadiusPanel::affectedRowCount() const
{
    return m_nodes->topLevelItemCount();
}

void BlastRadiusPanel::setBlastRadius(const graph::ServiceGraph& g, const graph::BlastRadius& r)
{
    m_verdict->setText(tr("Blast radius: %1").arg(graph::verdictText(r.verdict)));
    m_regions->setText(tr("Regions: %1 · Groups: %2 · %3 dependents affected")
                           .arg(r.regions.isEmpty() ? tr("none known") : r.regions.join(u", "_s),
                                r.groups.isEmpty() ? tr("none known") : shortList(r.groups))
                           .arg(r.affected.size()));
    m_nodes->clear();
    // Within one region the region is in the line above: the narrow name column shows bare names.
    const bool oneRegion = r.regions.size() <= 1;
    auto addRow = [&](int n, const QString& role, int hops) {
        const graph::GraphNode& node = g.node(n);
        auto* item = new QTreeWidgetItem(m_nodes, {oneRegion ? node.name : node.key(), role,
                                                   QString::number(hops), percent(node.stats.errorRate()),
                                                   QString::number(qRound(node.stats.p95Ms())) + u" ms"_s});
        item->setData(0, Qt::UserRole, node.key());
        item->setToolTip(0, tr("%1 (%2)").arg(node.key(), graph::nodeKindName(node.kind)).toHtmlEscaped());
    };
    for (int f : r.failing)
        addRow(f, tr("failing"), 0);
    for (size_t i = 0; i < r.affected.size(); ++i)
        addRow(r.affected[i], tr("affected"), r.hops[i]);
    m_entries->clear();
    for (const graph::EntryImpact& e : r.entries) {
        auto* item = new QTreeWidgetItem(
            m_entries, {g.node(e.entry).key(), e.traces > 0 ? percent(e.share()) : tr("unknown (no traces)"),
                        tr("%1 of %2").arg(e.throughFailing).arg(e.traces)});
        item->setToolTip(0, g.node(e.entry).key().toHtmlEscaped());
    }
}

void BlastRadiusPanel::setRanking(const graph::ServiceGraph& g, int symptom,
                                  const std::vector<graph::SymptomCandidate>& ranking)
{
    m_ranking->clear();
    if (symptom < 0) {
        m_symptom->clear();
        return;
    }
    m_symptom->setText(tr("Likely causes of %1's symptoms:").arg(g.node(symptom).key()));
    QSet<QString> regions;
    for (const graph::SymptomCandidate& c : ranking)
        regions.insert(g.node(c.node).region);
    const bool oneRegion = regions.size() <= 1;
    for (const graph::SymptomCandidate& c : ranking) {
        const graph::GraphNode& node = g.node(c.node);
        auto* item = new QTreeWidgetItem(
            m_ranking, {oneRegion ? node.name : node.key(), QString::number(c.score, 'f', 2), c.evidence});
        item->setToolTip(0, g.node(c.node).key().toHtmlEscaped());
        item->setToolTip(2, c.evidence.toHtmlEscaped());
    }
}

} // namespace wf::ui
