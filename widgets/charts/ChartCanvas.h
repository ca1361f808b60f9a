#pragma once
// Part of the chart adapter (widgets/charts only): the surface a TimeSeriesChart shows. It paints the
// chart's cached frame and, over it, the crosshair and the zoom rectangle, and turns mouse input into
// the chart's hover, crosshair and range-selection signals.

#include "charts/TimeSeriesChart.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWidget>

#include <algorithm>

namespace wf::ui {

class ChartCanvas : public QWidget
{
public:
    explicit ChartCanvas(TimeSeriesChart* chart)
        : QWidget(chart)
        , m_chart(chart)
    {
        setMouseTracking(true);
        setFocusPolicy(Qt::ClickFocus);
        setAttribute(Qt::WA_OpaquePaintEvent);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
        setObjectName(QStringLiteral("chartCanvas"));
    }

    bool dragging() const { return m_dragStart >= 0; }
    QRectF dragRect() const
    {
        const QRectF plot = m_chart->plotArea();
        return QRectF(QPointF(std::min(m_dragStart, m_dragEnd), plot.top()),
                      QPointF(std::max(m_dragStart, m_dragEnd), plot.bottom()));
    }

protected:
    void paintEvent(QPaintEvent* event) override
    {
        QPainter p(this);
        m_chart->paintCanvas(p, event->rect());
    }
    void resizeEvent(QResizeEvent*) override { m_chart->canvasResized(); }
    void mousePressEvent(QMouseEvent* e) override
    {
        if (e->button() == Qt::LeftButton && m_chart->plotArea().contains(e->position())) {
            m_dragStart = m_dragEnd = e->position().x();
            update();
        }
    }
    void mouseMoveEvent(QMouseEvent* e) override
    {
        if (dragging()) {
            const QRectF plot = m_chart->plotArea();
            m_dragEnd = std::clamp(e->position().x(), plot.left(), plot.right());
            update();
        }
        m_chart->hoverAt(e->position().toPoint(), e->globalPosition().toPoint());
    }
    void mouseReleaseEvent(QMouseEvent* e) override
    {
        if (e->button() != Qt::LeftButton || !dragging())
            return;
        const double a = std::min(m_dragStart, m_dragEnd);
        const double b = std::max(m_dragStart, m_dragEnd);
        m_dragStart = -1;
        update();
        if (b - a >= 4) // a click is not a zoom
            Q_EMIT m_chart->rangeSelected(m_chart->timeForX(a), m_chart->timeForX(b));
    }
    void keyPressEvent(QKeyEvent* e) override
    {
        if (e->key() == Qt::Key_Escape && dragging()) {
            m_dragStart = -1;
            update();
            return;
        }
        QWidget::keyPressEvent(e);
    }
    void leaveEvent(QEvent*) override { m_chart->leaveCanvas(); }

private:
    TimeSeriesChart* m_chart;
    double m_dragStart = -1;
    double m_dragEnd = -1;
};

} // namespace wf::ui
