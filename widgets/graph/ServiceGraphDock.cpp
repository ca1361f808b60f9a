#include "ServiceGraphDock.h"

#include "BlastRadiusPanel.h"
#include "ServiceGraphView.h"
#include "graph/BlastRadius.h"
#include "graph/SymptomRanking.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace wf::ui {

ServiceGraphDock::ServiceGraphDock(QWidget* parent)
    : QWidget(parent)
    , m_view(new ServiceGraphView(this))
    , m_panel(new BlastRadiusPanel(this))
    , m_search(new QLineEdit(this))
    , m_errorsOnly(new QCheckBox(tr("Errors only"), this))
    , m_hops(new QSpinBox(this))
    , m_status(new QLabel(this))
    , m_pin(new QPushButton(tr("Pin blast radius"), this))
{
    m_pin->setObjectName(QStringLiteral("pinBlastRadius"));
    m_pin->setEnabled(false);
    m_pin->setToolTip(tr("Declare an incident first: the blast radius is pinned to the active incident"));
    m_search->setPlaceholderText(tr("Find a node (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_hops->setRange(0, 9);
    m_hops->setSpecialValueText(tr("All hops"));
    m_hops->setSuffix(tr(" hops"));
    m_hops->setToolTip(tr("Only nodes within this many calls of the selected node"));
    m_errorsOnly->setToolTip(tr("Only nodes with errors or breaching their baseline"));
    m_status->setTextFormat(Qt::PlainText);
    auto* fit = new QPushButton(tr("Fit"), this);
    fit->setToolTip(tr("Fit the whole graph in view (F)"));
    auto* blast = new QPushButton(tr("Blast radius"), this);
    blast->setToolTip(tr("Blast radius of the selected node, or of the nodes breaching their baseline (B)"));

    auto* bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_errorsOnly);
    bar->addWidget(m_hops);
    bar->addWidget(fit);
    bar->addWidget(blast);
    bar->addWidget(m_pin);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(m_panel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({3000, 1000}); // proportions: the panel's long evidence lines must not squeeze the graph
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (!m_view->findNode(m_search->text()))
            m_status->setText(tr("No node matches “%1”").arg(m_search->text()));
    });
    connect(m_errorsOnly, &QCheckBox::toggled, m_view, &ServiceGraphView::setErrorsOnly);
    connect(m_hops, &QSpinBox::valueChanged, m_view, &ServiceGraphView::setHopFilter);
    connect(fit, &QPushButton::clicked, m_view, &ServiceGraphView::fitAll);
    connect(blast, &QPushButton::clicked, this, &ServiceGraphDock::showBlastRadius);
    connect(m_pin, &QPushButton::clicked, this, &ServiceGraphDock::pinRequested);
    connect(new QShortcut(QKeySequence::Find, this), &QShortcut::activated, m_search,
            qOverload<>(&QWidget::setFocus));
    connect(new QShortcut(QKeySequence(Qt::Key_B), this), &QShortcut::activated, this,
            &ServiceGraphDock::showBlastRadius);
    connect(m_view, &ServiceGraphView::nodeActivated, this, [this] {
        if (m_hops->value() > 0)
            m_view->setHopFilter(m_hops->value());
    });
    connect(m_view, &ServiceGraphView::layoutApplied, this, [this] {
        const graph::LayoutResult& l = m_view->lastLayout();
        m_status->setText(tr("%1 nodes, %2 edges · layout %3 in %4 ms")
                              .arg(m_view->graph().nodeCount())
                              .arg(m_view->graph().edgeCount())
                              .arg(graph::layoutEngineName(l.engine))
                              .arg(qRound(l.milliseconds)));
    });
}

void ServiceGraphDock::setPinAvailable(bool available, const QString& why)
{
    m_pin->setEnabled(available);
    m_pin->setToolTip(why);
}

void ServiceGraphDock::setGraph(graph::ServiceGraph g)
{
    m_view->setGraph(std::move(g));
    m_panel->clear();
}

void ServiceGraphDock::showBlastRadiusOf(const QStringList& failingKeys)
{
    const graph::ServiceGraph& g = m_view->graph();
    std::vector<int> failing;
    for (const QString& k : failingKeys) {
        if (const int n = g.findNode(k); n >= 0)
            failing.push_back(n);
    }
    const graph::BlastRadius r = graph::computeBlastRadius(g, failing);
    m_view->setBlastRadius(r);
    m_panel->setBlastRadius(g, r);
}

void ServiceGraphDock::showBlastRadius()
{
    const graph::ServiceGraph& g = m_view->graph();
    const QString selected = m_view->selectedNode();
    QStringList keys;
    if (!selected.isEmpty()) {
        keys << selected;
    } else {
        for (int n : graph::pickFailingNodes(g))
            keys << g.node(n).key();
    }
    showBlastRadiusOf(keys);
    if (!selected.isEmpty())
        showSymptom(selected);
}

void ServiceGraphDock::showSymptom(const QString& key)
{
    const graph::ServiceGraph& g = m_view->graph();
    const int symptom = g.findNode(key);
    m_panel->setRanking(g, symptom, graph::rankSymptomCauses(g, symptom));
}

} // namespace wf::ui
