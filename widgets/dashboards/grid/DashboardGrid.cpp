#include "DashboardGrid.h"

#include "PanelFrame.h"
#include "dashboard/GridLayout.h"

#include <QPainter>
#include <QToolButton>

#include <cmath>

namespace wf::ui {

using namespace wf::dashboard;

DashboardGrid::DashboardGrid(PanelFactory factory, QWidget* parent)
    : QWidget(parent)
    , m_factory(std::move(factory))
{
    setAccessibleName(tr("Dashboard"));
}

void DashboardGrid::setDashboard(const Dashboard& dashboard)
{
    m_dashboard = dashboard;
    // Files may overlap panels; the grid shows them as Grafana would after compaction.
    QList<GridItem> items = gridItems(m_dashboard);
    compact(items);
    applyGridItems(m_dashboard, items);
    rebuild();
}

double DashboardGrid::columnWidth() const
{
    return std::max(1.0, double(width() - kGap) / kGridColumns);
}

QRect DashboardGrid::cellRect(const GridPos& pos) const
{
    const double col = columnWidth();
    const int x = kGap + int(std::lround(pos.x * col));
    const int right = kGap + int(std::lround((pos.x + pos.w) * col)) - kGap;
    const int y = kGap + pos.y * kRowHeight;
    return QRect(x, y, std::max(1, right - x), std::max(1, pos.h * kRowHeight - kGap));
}

PanelFrame* DashboardGrid::frameFor(int panelId) const
{
    return m_frames.value(panelId);
}

QToolButton* DashboardGrid::rowHeaderFor(int rowId) const
{
    return m_rowHeaders.value(rowId);
}

int DashboardGrid::contentHeight() const
{
    int bottom = 0;
    for (const GridItem& item : gridItems(m_dashboard))
        bottom = std::max(bottom, item.pos.y + item.pos.h);
    return kGap + bottom * kRowHeight;
}

QSize DashboardGrid::sizeHint() const
{
    return QSize(1200, std::max(200, contentHeight()));
}

QSize DashboardGrid::minimumSizeHint() const
{
    return QSize(kGridColumns * 12, contentHeight());
}

void DashboardGrid::rebuild()
{
    for (const QPointer<PanelFrame>& f : std::as_const(m_frames))
        delete f.data();
    for (const QPointer<QToolButton>& b : std::as_const(m_rowHeaders))
        delete b.data();
    m_frames.clear();
    m_rowHeaders.clear();

    for (const Panel& panel : std::as_const(m_dashboard.panels)) {
        QWidget* content = m_factory ? m_factory(panel) : nullptr;
        auto* frame = new PanelFrame(panel.id, panel.title, panel.description, content, this);
        connect(frame, &PanelFrame::dragMoved, this, &DashboardGrid::onDragMoved);
        connect(frame, &PanelFrame::dragFinished, this, &DashboardGrid::onDragFinished);
        connect(frame, &PanelFrame::resizeMoved, this, &DashboardGrid::onResizeMoved);
        connect(frame, &PanelFrame::resizeFinished, this, &DashboardGrid::onResizeFinished);
        connect(frame, &PanelFrame::stepRequested, this, &DashboardGrid::onStep);
        connect(frame, &PanelFrame::editRequested, this, &DashboardGrid::editRequested);
        frame->show();
        m_frames.insert(panel.id, frame);
    }
    for (const Row& row : std::as_const(m_dashboard.rows)) {
        auto* header = new QToolButton(this);
        header->setAutoRaise(true);
        header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        header->setArrowType(row.collapsed ? Qt::RightArrow : Qt::DownArrow);
        const int hidden = int(row.panels.size());
        if (!row.collapsed)
            header->setText(row.title);
        else if (hidden == 1)
            header->setText(tr("%1 (1 panel)").arg(row.title));
        else
            header->setText(tr("%1 (%2 panels)").arg(row.title).arg(hidden));
        header->setToolTip(row.collapsed ? tr("Expand row") : tr("Collapse row"));
        QFont bold = header->font();
        bold.setBold(true);
        header->setFont(bold);
        const int id = row.id;
        connect(header, &QToolButton::clicked, this, [this, id] { onRowClicked(id); });
        header->show();
        m_rowHeaders.insert(row.id, header);
    }
    relayout();
}

void DashboardGrid::relayout()
{
    for (const Panel& panel : std::as_const(m_dashboard.panels)) {
        if (PanelFrame* f = frameFor(panel.id))
            f->setGeometry(cellRect(panel.gridPos));
    }
    for (const Row& row : std::as_const(m_dashboard.rows)) {
        if (QToolButton* b = rowHeaderFor(row.id))
            b->setGeometry(cellRect(GridPos{0, row.y, kGridColumns, 1}));
    }
    setMinimumHeight(contentHeight());
    updateGeometry();
    update();
}

void DashboardGrid::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void DashboardGrid::paintEvent(QPaintEvent*)
{
    if (!m_preview)
        return;
    QPainter p(this);
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(60);
    p.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
    p.setBrush(fill);
    p.drawRect(cellRect(*m_preview));
}

GridPos DashboardGrid::snap(QPoint topLeft, const GridPos& current) const
{
    GridPos pos = current;
    pos.x = std::clamp(int(std::lround((topLeft.x() - kGap) / columnWidth())), 0, kGridColumns - pos.w);
    pos.y = std::max(0, int(std::lround(double(topLeft.y() - kGap) / kRowHeight)));
    return pos;
}

void DashboardGrid::onDragMoved(int panelId, QPoint topLeft)
{
    const Panel* panel = m_dashboard.panel(panelId);
    PanelFrame* frame = frameFor(panelId);
    if (!panel || !frame)
        return;
    frame->raise();
    frame->move(topLeft);
    m_preview = snap(topLeft, panel->gridPos);
    update();
}

void DashboardGrid::onDragFinished(int panelId)
{
    if (m_preview && m_dashboard.panel(panelId)) {
        movePanel(m_dashboard, panelId, m_preview->x, m_preview->y);
        m_lastChangedPanel = panelId;
        emit dashboardChanged();
    }
    m_preview.reset();
    relayout();
}

void DashboardGrid::onResizeMoved(int panelId, QPoint bottomRight)
{
    const Panel* panel = m_dashboard.panel(panelId);
    PanelFrame* frame = frameFor(panelId);
    if (!panel || !frame)
        return;
    GridPos pos = panel->gridPos;
    const QRect cell = cellRect(pos);
    pos.w = std::clamp(int(std::lround((bottomRight.x() - cell.left() + kGap) / columnWidth())), 1,
                       kGridColumns - pos.x);
    pos.h = std::max(1, int(std::lround(double(bottomRight.y() - cell.top() + kGap) / kRowHeight)));
    frame->raise();
    frame->resize(std::max(40, bottomRight.x() - cell.left()), std::max(30, bottomRight.y() - cell.top()));
    m_preview = pos;
    update();
}

void DashboardGrid::onResizeFinished(int panelId)
{
    if (m_preview && m_dashboard.panel(panelId)) {
        resizePanel(m_dashboard, panelId, m_preview->w, m_preview->h);
        m_lastChangedPanel = panelId;
        emit dashboardChanged();
    }
    m_preview.reset();
    relayout();
}

void DashboardGrid::onStep(int panelId, int dx, int dy, bool resize)
{
    const Panel* panel = m_dashboard.panel(panelId);
    if (!panel)
        return;
    const GridPos pos = panel->gridPos;
    if (resize)
        resizePanel(m_dashboard, panelId, pos.w + dx, pos.h + dy);
    else
        movePanel(m_dashboard, panelId, pos.x + dx,
                  dy < 0 ? std::max(0, pos.y - 1) : pos.y + dy * (pos.h + 1));
    m_lastChangedPanel = panelId;
    relayout();
    emit dashboardChanged();
}

void DashboardGrid::onRowClicked(int rowId)
{
    if (!toggleRow(m_dashboard, rowId))
        return;
    // Deferred: the clicked header is deleted by rebuild().
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_lastChangedPanel = 0;
            rebuild();
            emit dashboardChanged();
        },
        Qt::QueuedConnection);
}

} // namespace wf::ui
