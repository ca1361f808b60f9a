#include "VariableBar.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

namespace wf::ui {

namespace {

// Long option lists stay usable; Grafana caps its drop-downs similarly.
constexpr int kMaxShownOptions = 1000;

QString optionText(const dashboard::Variable& v, const QString& value)
{
    if (value == dashboard::kAllValue)
        return VariableBar::tr("All");
    for (const dashboard::VariableOption& o : v.options)
        if (o.value == value)
            return o.text;
    return value;
}

QString selectionText(const dashboard::Variable& v)
{
    QStringList texts;
    for (const QString& value : v.current)
        texts << optionText(v, value);
    return texts.isEmpty() ? VariableBar::tr("None") : texts.join(QStringLiteral(" + "));
}

} // namespace

VariableBar::VariableBar(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
    , m_busy(new QLabel(tr("Updating options…"), this))
{
    setObjectName(QStringLiteral("variableBar"));
    setAccessibleName(tr("Dashboard variables"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    m_busy->setForegroundRole(QPalette::PlaceholderText);
    m_busy->hide();
    m_layout->addStretch(1);
    m_layout->addWidget(m_busy);
    hide();
}

void VariableBar::setBusy(bool busy)
{
    m_busy->setVisible(busy && !m_controls.isEmpty());
}

QString VariableBar::shownText(const QString& name) const
{
    QWidget* w = controlFor(name);
    if (auto* combo = qobject_cast<QComboBox*>(w))
        return combo->currentText();
    if (auto* button = qobject_cast<QToolButton*>(w))
        return button->text();
    if (auto* edit = qobject_cast<QLineEdit*>(w))
        return edit->text();
    if (auto* label = qobject_cast<QLabel*>(w))
        return label->text();
    return {};
}

void VariableBar::setVariables(const QList<dashboard::Variable>& variables)
{
    qDeleteAll(m_owned);
    m_owned.clear();
    m_controls.clear();
    int index = 0;
    for (const dashboard::Variable& v : variables) {
        if (v.hidden)
            continue;
        auto* label = new QLabel(v.label.isEmpty() ? v.name : v.label, this);
        label->setTextFormat(Qt::PlainText);
        QWidget* control = makeControl(v);
        control->setObjectName(QStringLiteral("variable_") + v.name);
        control->setAccessibleName(label->text());
        label->setBuddy(control);
        m_layout->insertWidget(index++, label);
        m_layout->insertWidget(index++, control);
        m_owned << label << control;
        m_controls.insert(v.name, control);
    }
    setVisible(!m_controls.isEmpty());
}

QWidget* VariableBar::makeControl(const dashboard::Variable& v)
{
    using dashboard::VariableKind;
    const QString name = v.name;
    if (v.kind == VariableKind::Constant) {
        auto* value = new QLabel(v.current.isEmpty() ? v.query : v.current.join(QStringLiteral(", ")), this);
        value->setTextFormat(Qt::PlainText);
        value->setToolTip(tr("Constant: set by the dashboard"));
        return value;
    }
    if (v.kind == VariableKind::TextBox) {
        auto* edit = new QLineEdit(v.current.value(0, v.query), this);
        edit->setMaxLength(1000);
        edit->setToolTip(tr("Type a value and press Enter"));
        connect(edit, &QLineEdit::editingFinished, this,
                [this, name, edit] { Q_EMIT selectionChanged(name, {edit->text()}); });
        return edit;
    }
    if (v.multi)
        return makeMultiControl(v);

    auto* combo = new QComboBox(this);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    combo->setMaximumWidth(320);
    if (v.includeAll)
        combo->addItem(tr("All"), dashboard::kAllValue.toString());
    for (const dashboard::VariableOption& o : v.options.mid(0, kMaxShownOptions))
        combo->addItem(o.text, o.value);
    const QString selected = v.current.value(0);
    int at = combo->findData(selected);
    if (at < 0 && !selected.isEmpty()) {
        // A saved value the source no longer offers (or options not resolved yet): still shown.
        combo->addItem(selected, selected);
        at = combo->count() - 1;
    }
    combo->setCurrentIndex(std::max(0, at));
    combo->setToolTip(tr("%1: pick a value; panels query again").arg(v.label.isEmpty() ? v.name : v.label));
    connect(combo, &QComboBox::activated, this,
            [this, name, combo](int i) { Q_EMIT selectionChanged(name, {combo->itemData(i).toString()}); });
    return combo;
}

QWidget* VariableBar::makeMultiControl(const dashboard::Variable& v)
{
    auto* button = new QToolButton(this);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setText(selectionText(v));
    button->setToolTip(
        tr("%1: pick one or more values; panels query again").arg(v.label.isEmpty() ? v.name : v.label));
    auto* menu = new QMenu(button);
    menu->setObjectName(QStringLiteral("variableMenu_") + v.name);
    const QString name = v.name;
    const auto addOption = [&](const QString& text, const QString& value) {
        QAction* a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(v.current.contains(value));
        a->setData(value);
    };
    if (v.includeAll) {
        addOption(tr("All"), dashboard::kAllValue.toString());
        menu->addSeparator();
    }
    for (const dashboard::VariableOption& o : v.options.mid(0, kMaxShownOptions))
        addOption(o.text, o.value);
    connect(menu, &QMenu::triggered, this, [this, name, menu](QAction* triggered) {
        QStringList picked;
        for (QAction* a : menu->actions())
            if (a->isChecked() && !a->isSeparator())
                picked << a->data().toString();
        // "All" ticked now: the pick is All; the model's rules sort out the rest.
        if (triggered->isChecked() && triggered->data().toString() == dashboard::kAllValue)
            picked = {dashboard::kAllValue.toString()};
        Q_EMIT selectionChanged(name, picked);
    });
    button->setMenu(menu);
    return button;
}

} // namespace wf::ui
