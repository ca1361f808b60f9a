#include "waterfall/ServiceColors.h"

#include "theme/Theme.h"

#include <algorithm>

namespace wf::ui {

QColor serviceColor(const QString& service, const QPalette& palette)
{
    // FNV-1a over UTF-16: stable across runs and Qt versions, unlike qHash with its random seed.
    quint32 h = 2166136261u;
    for (QChar c : service) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    // Golden-ratio spacing of the hue spreads similar names apart.
    const int hue = int((quint64(h) * 0x9E3779B9ull >> 32) % 360);
    const int saturation = 150 + int((h >> 8) % 60);
    return isDark(palette) ? QColor::fromHsl(hue, saturation, 150) : QColor::fromHsl(hue, saturation, 110);
}

void ServicePalette::setServices(QStringList services)
{
    services.sort();
    services.removeDuplicates();
    m_index.clear();
    for (int i = 0; i < services.size(); ++i)
        m_index.insert(services[i], i);
}

QColor ServicePalette::color(const QString& service, const QPalette& palette) const
{
    const auto it = m_index.constFind(service);
    if (it == m_index.cend())
        return serviceColor(service, palette);
    const int n = std::max<int>(1, int(m_index.size()));
    // Skip the reds (hue 340..20): red means error in every view.
    const int hue = (30 + *it * 300 / n) % 360;
    const int lightness = (*it % 2) ? 10 : 0; // neighbours also differ in lightness
    return isDark(palette) ? QColor::fromHsl(hue, 170, 150 + lightness)
                           : QColor::fromHsl(hue, 170, 105 + lightness);
}

} // namespace wf::ui
