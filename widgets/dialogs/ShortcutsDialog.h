#pragma once

#include <QDialog>
#include <QList>

class QMenuBar;

namespace wf::ui {

struct ShortcutEntry
{
    QString menu;   // "View › Theme"
    QString action; // without mnemonic ampersands
    QString keys;   // native text, several shortcuts separated by ", "
};

// Every action reachable from the menu bar that has a shortcut, in menu order. Generated, so the
// dialog can never disagree with what the keys actually do.
QList<ShortcutEntry> collectShortcuts(const QMenuBar* menuBar);

class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QMenuBar* menuBar, QWidget* parent = nullptr);
};

} // namespace wf::ui
