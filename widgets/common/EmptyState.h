#pragma once

#include <QWidget>

class QLabel;

namespace wf::ui {

// What a panel shows before it has data: a title saying what is missing, a sentence saying what will
// appear here, and a hint saying what to do about it. Every empty panel explains itself this way, so
// the user never faces an unexplained grey area.
class EmptyState : public QWidget
{
    Q_OBJECT

public:
    EmptyState(const QString& title, const QString& explanation, const QString& hint = {},
               QWidget* parent = nullptr);

    QString title() const;
    QString explanation() const;
    QString hint() const;
    void setHint(const QString& hint);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateFonts();

    QLabel* m_title;
    QLabel* m_explanation;
    QLabel* m_hint;
};

} // namespace wf::ui
