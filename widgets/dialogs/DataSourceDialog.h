#pragma once

#include "sources/SourceCredentials.h"
#include "store/DataSourceStore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace wf::ui {

// Adds or edits one data source. The same validation the store applies runs as the user types, so
// OK is only offered for something that will be saved. Credentials (basic auth, bearer token, custom
// headers) are edited here too but returned apart from the source: they go to the OS keychain, never
// into the workspace.
class DataSourceDialog : public QDialog
{
    Q_OBJECT

public:
    // `existing` null: a new source.
    explicit DataSourceDialog(const DataSource* existing, QWidget* parent = nullptr,
                              const SourceCredentials& credentials = {});

    DataSource source() const;
    SourceCredentials credentials() const;

    static QString kindLabel(const QString& kind);
    static QString defaultUrl(const QString& kind);

private:
    void revalidate();
    // Empty when the credential fields are usable, else what is wrong.
    QString credentialsProblem() const;

    qint64 m_id = 0;
    QLineEdit* m_name;
    QComboBox* m_kind;
    QLineEdit* m_url;
    QCheckBox* m_insecure;
    QLabel* m_insecureWarning;
    QComboBox* m_authMode;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QLineEdit* m_token;
    QPlainTextEdit* m_headers;
    QLabel* m_authNote;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace wf::ui
