#pragma once

#include "store/DataSourceStore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace wf::ui {

// Adds or edits one data source. The same validation the store applies runs as the user types, so
// OK is only offered for something that will be saved; secrets are not asked for here (they belong in
// the OS keychain, which the sources that need them add).
class DataSourceDialog : public QDialog
{
    Q_OBJECT

public:
    // `existing` null: a new source.
    explicit DataSourceDialog(const DataSource* existing, QWidget* parent = nullptr);

    DataSource source() const;

    static QString kindLabel(const QString& kind);
    static QString defaultUrl(const QString& kind);

private:
    void revalidate();

    qint64 m_id = 0;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QLineEdit* m_url;
    QCheckBox* m_insecure;
    QLabel* m_insecureWarning;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace wf::ui
