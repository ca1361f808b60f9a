#pragma once

#include <QColor>
#include <QObject>
#include <QPalette>
#include <QString>

#include <optional>

class QSettings;

namespace wf::ui {

// Light and Dark are our own palettes on the Fusion style, so the app looks the same on every desktop;
// System follows the desktop's light/dark preference as reported by its palette at start-up.
enum class ThemeChoice { System, Light, Dark };

QString themeKey(ThemeChoice choice); // "system", "light", "dark": what QSettings and --theme use
std::optional<ThemeChoice> themeFromKey(const QString& key);

QPalette lightPalette();
QPalette darkPalette();
bool isDark(const QPalette& palette);

// Meanings that panels and health chips colour the same way everywhere, tuned per theme for contrast
// against the palette's Window and Base colours.
enum class Semantic { Ok, Warning, Critical, Unknown, Info };
QColor semanticColor(Semantic meaning, const QPalette& palette);
QColor semanticColor(Semantic meaning); // for the current application palette

// Applies a theme to the whole application and remembers the user's choice. One instance per
// application; widgets that need to react listen to themeChanged (or to QEvent::PaletteChange).
class ThemeManager : public QObject
{
    Q_OBJECT

public:
    // settings may be null (nothing is remembered); it must outlive the manager.
    explicit ThemeManager(QSettings* settings, QObject* parent = nullptr);

    ThemeChoice choice() const { return m_choice; }
    bool dark() const; // what the current choice resolves to

    // Applies the remembered choice (System when none), or the override for this run only.
    void applyInitial(std::optional<ThemeChoice> overrideForThisRun = std::nullopt);
    // A choice made by the user: applied live and remembered.
    void setChoice(ThemeChoice choice);

Q_SIGNALS:
    void themeChanged(wf::ui::ThemeChoice choice);

private:
    void apply(ThemeChoice choice);

    QSettings* m_settings;
    ThemeChoice m_choice = ThemeChoice::System;
    bool m_systemIsDark = false;
};

} // namespace wf::ui
