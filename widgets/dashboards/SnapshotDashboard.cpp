#include "SnapshotDashboard.h"

#include <QDateTime>
#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace wf::ui {

SnapshotDashboard::SnapshotDashboard(QWidget* parent)
    : QScrollArea(parent)
    , m_page(new QWidget(this))
    , m_layout(new QVBoxLayout(m_page))
    , m_problems(new QLabel(m_page))
{
    setObjectName(QStringLiteral("snapshotDashboard"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setVisible(false);
    m_layout->setContentsMargins(6, 6, 6, 6);
    m_layout->setSpacing(6);
    m_layout->addWidget(m_problems);
    m_layout->addStretch(1);
    setWidget(m_page);
}

void SnapshotDashboard::setSnapshots(const QList<incident::PanelSnapshot>& snapshots,
                                     const QStringList& problems)
{
    qDeleteAll(m_frames);
    m_frames.clear();
    m_charts.clear();
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    int at = 1; // after the problems, before the stretch
    for (const incident::PanelSnapshot& s : snapshots) {
        auto* frame = new QFrame(m_page);
        frame->setFrameShape(QFrame::StyledPanel);
        auto* title = new QLabel(s.title, frame);
        title->setTextFormat(Qt::PlainText);
        QFont f = title->font();
        f.setBold(true);
        title->setFont(f);
        const QString window =
            tr("%1 – %2 UTC, as recorded in the incident file")
                .arg(QDateTime::fromMSecsSinceEpoch(s.fromMs, Qt::UTC)
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     QDateTime::fromMSecsSinceEpoch(s.toMs, Qt::UTC).toString(QStringLiteral("HH:mm")));
        title->setToolTip(window);
        auto* chart = new TimeSeriesChart(frame);
        chart->setMinimumHeight(220);
        chart->setValueFormat({s.unit, s.scale, s.decimals});
        chart->setSeries(s.series, s.dataExtentMs().first * 1'000'000, s.dataExtentMs().second * 1'000'000);
        auto* v = new QVBoxLayout(frame);
        v->setContentsMargins(1, 1, 1, 1);
        v->addWidget(title);
        v->addWidget(chart, 1);
        m_layout->insertWidget(at++, frame);
        m_frames << frame;
        m_charts << chart;
    }
}

void SnapshotDashboard::setAnnotations(const QList<ChartAnnotation>& annotations)
{
    for (TimeSeriesChart* c : std::as_const(m_charts))
        c->setAnnotations(annotations);
}

QString SnapshotDashboard::problemText() const
{
    return m_problems->isVisible() ? m_problems->text() : QString();
}

} // namespace wf::ui
