#include "status/SourceHealthChip.h"

#include "theme/Theme.h"

#include <QPainter>
#include <QPainterPath>

namespace wf::ui {
namespace {

constexpr int kPad = 6;
constexpr int kGap = 5;

int dotSize(const QFontMetrics& fm)
{
    return qMax(8, fm.height() / 2);
}

} // namespace

Semantic semanticForHealth(HealthState state)
{
    switch (state) {
    case HealthState::Up:
        return Semantic::Ok;
    case HealthState::Degraded:
        return Semantic::Warning;
    case HealthState::Down:
        return Semantic::Critical;
    case HealthState::Unknown:
        break;
    }
    return Semantic::Unknown;
}

SourceHealthChip::SourceHealthChip(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void SourceHealthChip::setSource(const QString& name, const QString& detail, HealthState state,
                                 bool insecureTls)
{
    const bool geometryChanged = name != m_name || insecureTls != m_insecure;
    m_name = name;
    m_state = state;
    m_insecure = insecureTls;

    const QString summary = tr("%1: %2").arg(name, SourceHealthModel::stateText(state));
    // The model's tooltip already names the source and its state; a bare model gets a summary.
    QString tip = detail.isEmpty() ? summary : detail;
    const QString tlsOff = tr("TLS verification off: the server's identity is not checked.");
    if (insecureTls && !tip.contains(tlsOff))
        tip += QLatin1Char('\n') + tlsOff;
    setToolTip(tip);
    setAccessibleName(summary);
    setAccessibleDescription(tip);

    if (geometryChanged)
        updateGeometry();
    update();
}

QSize SourceHealthChip::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    int w = kPad + dotSize(fm) + kGap + fm.horizontalAdvance(m_name) + kPad;
    if (m_insecure)
        w += kGap + fm.height();
    return {w, fm.height() + 4};
}

void SourceHealthChip::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int d = dotSize(fm);
    const int cy = height() / 2;

    p.setPen(Qt::NoPen);
    p.setBrush(semanticColor(semanticForHealth(m_state), palette()));
    p.drawEllipse(QRectF(kPad, cy - d / 2.0, d, d));

    int x = kPad + d + kGap;
    const int textWidth = fm.horizontalAdvance(m_name);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(x, 0, textWidth, height()), Qt::AlignVCenter | Qt::AlignLeft, m_name);
    x += textWidth + kGap;

    if (m_insecure) {
        // A warning triangle drawn, not a font glyph, so it shows even where no font has U+26A0.
        const qreal s = fm.height() * 0.85;
        const QRectF r(x, cy - s / 2, s, s);
        QPainterPath tri;
        tri.moveTo(r.center().x(), r.top());
        tri.lineTo(r.right(), r.bottom());
        tri.lineTo(r.left(), r.bottom());
        tri.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(semanticColor(Semantic::Warning, palette()));
        p.drawPath(tri);
        p.setPen(QPen(isDark(palette()) ? QColor(0x13, 0x16, 0x1b) : QColor(0xff, 0xff, 0xff), s / 8));
        const qreal cx = r.center().x();
        p.drawLine(QPointF(cx, r.top() + s * 0.35), QPointF(cx, r.top() + s * 0.68));
        p.drawPoint(QPointF(cx, r.top() + s * 0.82));
    }
}

} // namespace wf::ui
