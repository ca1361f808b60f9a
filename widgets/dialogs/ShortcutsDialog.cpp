#include "dialogs/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wf::ui {
namespace {

QString withoutMnemonic(QString text)
{
    // "&&" is a literal ampersand; a single "&" marks the mnemonic letter.
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

void collect(const QMenu* menu, const QString& path, QList<ShortcutEntry>& out)
{
    for (const QAction* action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (const QMenu* sub = action->menu()) {
            collect(sub, path + QStringLiteral(" › ") + withoutMnemonic(sub->title()), out);
            continue;
        }
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty())
            continue;
        QStringList texts;
        for (const QKeySequence& k : keys)
            texts << k.toString(QKeySequence::NativeText);
        out.append({path, withoutMnemonic(action->text()), texts.join(QStringLiteral(", "))});
    }
}

} // namespace

QList<ShortcutEntry> collectShortcuts(const QMenuBar* menuBar)
{
    QList<ShortcutEntry> out;
    for (const QAction* top : menuBar->actions()) {
        if (const QMenu* menu = top->menu())
            collect(menu, withoutMnemonic(menu->title()), out);
    }
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menuBar, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));

    auto* tree = new QTreeWidget(this);
    tree->setObjectName(QStringLiteral("shortcutsTree"));
    tree->setColumnCount(2);
    tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    tree->setRootIsDecorated(false);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->setAlternatingRowColors(true);

    QTreeWidgetItem* group = nullptr;
    for (const ShortcutEntry& e : collectShortcuts(menuBar)) {
        if (!group || group->text(0) != e.menu) {
            group = new QTreeWidgetItem(tree, {e.menu});
            group->setFirstColumnSpanned(true);
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
        }
        new QTreeWidgetItem(tree, {QStringLiteral("    ") + e.action, e.keys});
    }
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tree);
    layout->addWidget(buttons);
    resize(460, 440);
}

} // namespace wf::ui
