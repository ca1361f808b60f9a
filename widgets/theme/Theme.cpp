#include "theme/Theme.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace wf::ui {
namespace {

const auto kSettingsKey = QStringLiteral("ui/theme");

struct Colours
{
    QColor window, windowText, base, alternateBase, text, button, buttonText, brightText;
    QColor light, midlight, mid, dark, shadow;
    QColor highlight, highlightedText, link, linkVisited, toolTipBase, toolTipText, placeholder;
    // Disabled group: readable but clearly inactive, on the same backgrounds.
    QColor disabledText, disabledButton, disabledHighlight, disabledHighlightedText;
};

QPalette makePalette(const Colours& c)
{
    QPalette p;
    for (const auto group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        p.setColor(group, QPalette::Window, c.window);
        p.setColor(group, QPalette::WindowText, c.windowText);
        p.setColor(group, QPalette::Base, c.base);
        p.setColor(group, QPalette::AlternateBase, c.alternateBase);
        p.setColor(group, QPalette::Text, c.text);
        p.setColor(group, QPalette::Button, c.button);
        p.setColor(group, QPalette::ButtonText, c.buttonText);
        p.setColor(group, QPalette::BrightText, c.brightText);
        p.setColor(group, QPalette::Light, c.light);
        p.setColor(group, QPalette::Midlight, c.midlight);
        p.setColor(group, QPalette::Mid, c.mid);
        p.setColor(group, QPalette::Dark, c.dark);
        p.setColor(group, QPalette::Shadow, c.shadow);
        p.setColor(group, QPalette::Highlight, c.highlight);
        p.setColor(group, QPalette::HighlightedText, c.highlightedText);
        p.setColor(group, QPalette::Link, c.link);
        p.setColor(group, QPalette::LinkVisited, c.linkVisited);
        p.setColor(group, QPalette::ToolTipBase, c.toolTipBase);
        p.setColor(group, QPalette::ToolTipText, c.toolTipText);
        p.setColor(group, QPalette::PlaceholderText, c.placeholder);
    }
    for (const auto role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText})
        p.setColor(QPalette::Disabled, role, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::Button, c.disabledButton);
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.disabledHighlight);
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, c.disabledHighlightedText);
    p.setColor(QPalette::Disabled, QPalette::Link, c.disabledText);
    p.setColor(QPalette::Disabled, QPalette::LinkVisited, c.disabledText);
    // Fusion tints an unfocused window's selection; keep it legible rather than washed out.
    p.setColor(QPalette::Inactive, QPalette::Highlight,
               c.highlight.darker(c.window.lightness() < 128 ? 130 : 110));
    return p;
}

bool systemPrefersDark()
{
    // Captured once, before any theme of ours replaces the application palette.
    static const bool dark = isDark(QGuiApplication::palette());
    return dark;
}

} // namespace

QString themeKey(ThemeChoice choice)
{
    switch (choice) {
    case ThemeChoice::Light:
        return QStringLiteral("light");
    case ThemeChoice::Dark:
        return QStringLiteral("dark");
    case ThemeChoice::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<ThemeChoice> themeFromKey(const QString& key)
{
    for (const auto c : {ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark}) {
        if (key.compare(themeKey(c), Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

QPalette lightPalette()
{
    Colours c;
    c.window = QColor(0xf3, 0xf4, 0xf6);
    c.windowText = QColor(0x1f, 0x23, 0x28);
    c.base = QColor(0xff, 0xff, 0xff);
    c.alternateBase = QColor(0xf6, 0xf8, 0xfa);
    c.text = c.windowText;
    c.button = QColor(0xe9, 0xec, 0xf0);
    c.buttonText = c.windowText;
    c.brightText = QColor(0xff, 0xff, 0xff);
    c.light = QColor(0xff, 0xff, 0xff);
    c.midlight = QColor(0xe4, 0xe7, 0xeb);
    c.mid = QColor(0xc4, 0xc9, 0xd0);
    c.dark = QColor(0x9a, 0xa1, 0xab);
    c.shadow = QColor(0x6e, 0x77, 0x81);
    c.highlight = QColor(0x2f, 0x6f, 0xde);
    c.highlightedText = QColor(0xff, 0xff, 0xff);
    c.link = QColor(0x1f, 0x5f, 0xc4);
    c.linkVisited = QColor(0x6f, 0x42, 0xc1);
    c.toolTipBase = QColor(0xff, 0xff, 0xff);
    c.toolTipText = c.windowText;
    c.placeholder = QColor(0x5c, 0x65, 0x70);
    c.disabledText = QColor(0x9a, 0xa1, 0xab);
    c.disabledButton = QColor(0xee, 0xf0, 0xf3);
    c.disabledHighlight = QColor(0xc4, 0xc9, 0xd0);
    c.disabledHighlightedText = QColor(0x5c, 0x65, 0x70);
    return makePalette(c);
}

QPalette darkPalette()
{
    // Near-black blue-grey, like the canvas of modern observability tools: easier on the eyes in a
    // dark war room than pure black, and panels (Base) sit a step darker than the chrome (Window).
    Colours c;
    c.window = QColor(0x1b, 0x1f, 0x26);
    c.windowText = QColor(0xd8, 0xde, 0xe9);
    c.base = QColor(0x13, 0x16, 0x1b);
    c.alternateBase = QColor(0x1e, 0x23, 0x2b);
    c.text = c.windowText;
    c.button = QColor(0x26, 0x2c, 0x36);
    c.buttonText = c.windowText;
    c.brightText = QColor(0xff, 0xff, 0xff);
    c.light = QColor(0x3a, 0x42, 0x4f);
    c.midlight = QColor(0x30, 0x37, 0x42);
    c.mid = QColor(0x24, 0x29, 0x32);
    c.dark = QColor(0x10, 0x12, 0x16);
    c.shadow = QColor(0x08, 0x09, 0x0b);
    c.highlight = QColor(0x3d, 0x71, 0xd9);
    c.highlightedText = QColor(0xff, 0xff, 0xff);
    c.link = QColor(0x6e, 0xa8, 0xfe);
    c.linkVisited = QColor(0xb3, 0x92, 0xf0);
    c.toolTipBase = QColor(0x2b, 0x31, 0x3b);
    c.toolTipText = QColor(0xe5, 0xe9, 0xf0);
    c.placeholder = QColor(0x8f, 0x98, 0xa6);
    c.disabledText = QColor(0x5f, 0x67, 0x73);
    c.disabledButton = QColor(0x21, 0x26, 0x2e);
    c.disabledHighlight = QColor(0x30, 0x37, 0x42);
    c.disabledHighlightedText = QColor(0x8f, 0x98, 0xa6);
    return makePalette(c);
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Active, QPalette::Window).lightness() < 128;
}

QColor semanticColor(Semantic meaning, const QPalette& palette)
{
    // Dark theme: brighter tones; light theme: deeper ones, so both pass about 3:1 against the panel.
    const bool dark = isDark(palette);
    switch (meaning) {
    case Semantic::Ok:
        return dark ? QColor(0x73, 0xbf, 0x69) : QColor(0x1a, 0x7f, 0x37);
    case Semantic::Warning:
        return dark ? QColor(0xf5, 0xa6, 0x23) : QColor(0xb3, 0x5c, 0x00);
    case Semantic::Critical:
        return dark ? QColor(0xf2, 0x49, 0x5c) : QColor(0xcf, 0x22, 0x2e);
    case Semantic::Info:
        return dark ? QColor(0x6e, 0xa8, 0xfe) : QColor(0x1f, 0x5f, 0xc4);
    case Semantic::Unknown:
        break;
    }
    return dark ? QColor(0x8f, 0x98, 0xa6) : QColor(0x6e, 0x77, 0x81);
}

QColor semanticColor(Semantic meaning)
{
    return semanticColor(meaning, QGuiApplication::palette());
}

ThemeManager::ThemeManager(QSettings* settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_systemIsDark(systemPrefersDark())
{}

bool ThemeManager::dark() const
{
    return m_choice == ThemeChoice::Dark || (m_choice == ThemeChoice::System && m_systemIsDark);
}

void ThemeManager::applyInitial(std::optional<ThemeChoice> overrideForThisRun)
{
    ThemeChoice choice = ThemeChoice::System;
    if (overrideForThisRun)
        choice = *overrideForThisRun;
    else if (m_settings)
        choice = themeFromKey(m_settings->value(kSettingsKey).toString()).value_or(ThemeChoice::System);
    apply(choice);
}

void ThemeManager::setChoice(ThemeChoice choice)
{
    if (m_settings)
        m_settings->setValue(kSettingsKey, themeKey(choice));
    apply(choice);
}

void ThemeManager::apply(ThemeChoice choice)
{
    m_choice = choice;
    // Fusion draws everything from the palette, so our colours look the same on every platform.
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(dark() ? darkPalette() : lightPalette());
    Q_EMIT themeChanged(choice);
}

} // namespace wf::ui
