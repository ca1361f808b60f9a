#pragma once

// One colour per service name, the same in every view and every run (a hash of the name picks the
// hue), with lightness and saturation tuned to the palette so bars stay readable in light and dark.

#include <QColor>
#include <QHash>
#include <QPalette>
#include <QString>
#include <QStringList>

namespace wf::ui {

QColor serviceColor(const QString& service, const QPalette& palette);

// Colours for a known set of services (one trace): evenly spaced hues in the order of the sorted
// names, so the few services of a trace never share a colour; the same set always gets the same ones.
class ServicePalette
{
public:
    void setServices(QStringList services);                              // any order, duplicates allowed
    QColor color(const QString& service, const QPalette& palette) const; // hash colour for unknown ones

private:
    QHash<QString, int> m_index;
};

} // namespace wf::ui
