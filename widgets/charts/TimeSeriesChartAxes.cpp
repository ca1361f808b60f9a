#include "analysis/UnitFormat.h"
#include "charts/TimeSeriesChart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLogValueAxis>
#include <QSet>

#include <cmath>

// The chart's axes: time format by span, the value axis linear (labels in the chart's unit at nice
// steps) or logarithmic.

namespace wf::ui {

namespace {

QString timeFormatFor(qint64 spanMs)
{
    if (spanMs <= 15 * 60'000)
        return QStringLiteral("HH:mm:ss");
    if (spanMs <= 2 * 86'400'000)
        return QStringLiteral("HH:mm");
    return QStringLiteral("MM-dd HH:mm");
}

} // namespace

double TimeSeriesChart::niceStep(double rough)
{
    if (!(rough > 0) || !std::isfinite(rough))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double n = rough / magnitude;
    const double nice = n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10;
    return nice * magnitude;
}

void TimeSeriesChart::updateAxes()
{
    const qint64 fromMs = m_fromNs / 1'000'000;
    const qint64 toMs = m_toNs / 1'000'000;
    m_x->setFormat(timeFormatFor(toMs - fromMs));
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(fromMs),
                  QDateTime::fromMSecsSinceEpoch(std::max(toMs, fromMs + 1)));

    const bool wantLog = m_options.logScale;
    const bool haveLog = qobject_cast<QLogValueAxis*>(m_y) != nullptr;
    if (!m_y || wantLog != haveLog) {
        const auto series = m_chart->series();
        if (m_y) {
            m_chart->removeAxis(m_y);
            delete m_y;
        }
        if (wantLog) {
            auto* axis = new QLogValueAxis(m_chart);
            axis->setBase(10);
            axis->setLabelFormat(QStringLiteral("%g"));
            m_y = axis;
        } else {
            m_y = new QCategoryAxis(m_chart);
        }
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        m_y->setLabelsFont(small);
        m_chart->addAxis(m_y, Qt::AlignLeft);
        for (QAbstractSeries* s : series)
            s->attachAxis(m_y);
        applyPalette();
    }
    if (auto* log = qobject_cast<QLogValueAxis*>(m_y)) {
        log->setRange(m_yMin, m_yMax);
        QString title = m_format.unit;
        if (title.isEmpty() && !m_format.unitId.isEmpty())
            title = analysis::formatValue(1, m_format.unitId, 0).suffix.trimmed();
        log->setTitleText(title);
        return;
    }
    auto* axis = static_cast<QCategoryAxis*>(m_y);
    for (const QString& label : axis->categoriesLabels())
        axis->remove(label);
    const double step = niceStep((m_yMax - m_yMin) / 4);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setStartValue(m_yMin - step);
    axis->setRange(m_yMin, m_yMax);
    axis->setTitleText(m_format.unitId.isEmpty() ? m_format.unit : QString());
    // Labels must be unique in a category axis: more decimals until they are.
    const int stepDecimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    for (int extra = 0; extra < 4; ++extra) {
        QStringList labels;
        QList<double> values;
        for (double v = m_yMin; v <= m_yMax + step * 1e-6; v += step) {
            const double tick = std::abs(v) < step * 1e-9 ? 0.0 : v;
            QString text;
            if (m_format.unitId.isEmpty())
                text = QString::number(tick, 'f',
                                       std::clamp(std::max(m_format.decimals, stepDecimals) + extra, 0, 8));
            else
                text = analysis::formatValueText(tick, m_format.unitId,
                                                 analysis::isScaledUnit(m_format.unitId) && extra == 0
                                                     ? analysis::kAutoDecimals
                                                     : stepDecimals + extra);
            labels << text;
            values << tick;
        }
        const bool unique = QSet<QString>(labels.begin(), labels.end()).size() == labels.size();
        if (unique || extra == 3) {
            for (qsizetype i = 0; i < labels.size(); ++i)
                axis->append(unique ? labels[i] : labels[i] + QString(i, QChar(u' ')), values[i]);
            break;
        }
    }
}

} // namespace wf::ui
