#include "dialogs/DataSourceDialog.h"

#include "theme/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace wf::ui {

QString DataSourceDialog::kindLabel(const QString& kind)
{
    if (kind == u"prometheus")
        return tr("Prometheus (or a compatible API)");
    if (kind == u"alertmanager")
        return tr("Alertmanager");
    if (kind == u"loki")
        return tr("Loki");
    if (kind == u"jaeger")
        return tr("Jaeger");
    if (kind == u"tempo")
        return tr("Tempo");
    if (kind == u"otlp")
        return tr("OTLP/HTTP endpoint");
    return kind;
}

QString DataSourceDialog::defaultUrl(const QString& kind)
{
    if (kind == u"prometheus")
        return QStringLiteral("http://localhost:9090");
    if (kind == u"alertmanager")
        return QStringLiteral("http://localhost:9093");
    if (kind == u"loki")
        return QStringLiteral("http://localhost:3100");
    if (kind == u"jaeger")
        return QStringLiteral("http://localhost:16686");
    if (kind == u"tempo")
        return QStringLiteral("http://localhost:3200");
    if (kind == u"otlp")
        return QStringLiteral("http://localhost:4318");
    return {};
}

DataSourceDialog::DataSourceDialog(const DataSource* existing, QWidget* parent,
                                   const SourceCredentials& credentials)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("dataSourceDialog"));
    setWindowTitle(existing ? tr("Edit data source") : tr("Add data source"));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("sourceName"));
    m_name->setMaxLength(DataSourceStore::kMaxNameLength);
    m_name->setToolTip(tr("Shown in the status bar and on panels; unique in this workspace"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("sourceKind"));
    for (const QString& kind : DataSourceStore::kinds())
        m_kind->addItem(kindLabel(kind), kind);

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("sourceUrl"));
    m_url->setToolTip(tr("Base address of the API, http or https; no user name or password in it"));

    m_insecure = new QCheckBox(tr("Do not verify the TLS certificate"), this);
    m_insecure->setObjectName(QStringLiteral("sourceInsecure"));
    m_insecure->setToolTip(tr("Only for a test server with a self-signed certificate: anyone on the path "
                              "could read and change the data"));
    m_insecureWarning = new QLabel(tr("This source will be marked insecure everywhere it is shown."), this);
    m_insecureWarning->setWordWrap(true);

    m_authMode = new QComboBox(this);
    m_authMode->setObjectName(QStringLiteral("sourceAuthMode"));
    m_authMode->addItem(tr("None"), int(SourceCredentials::Mode::None));
    m_authMode->addItem(tr("Basic (user and password)"), int(SourceCredentials::Mode::Basic));
    m_authMode->addItem(tr("Bearer token"), int(SourceCredentials::Mode::Bearer));
    m_authMode->setToolTip(tr("How Watchfloor signs in to this source"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("sourceUser"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("sourcePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("sourceToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_headers = new QPlainTextEdit(this);
    m_headers->setObjectName(QStringLiteral("sourceHeaders"));
    m_headers->setTabChangesFocus(true);
    m_headers->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_headers->setFixedHeight(m_headers->fontMetrics().lineSpacing() * 4 +
                              2 * (m_headers->frameWidth() + int(m_headers->document()->documentMargin())));
    m_headers->setPlaceholderText(QStringLiteral("X-Scope-OrgID: tenant-1")); // an example, not prose
    m_headers->setToolTip(tr("Sent with every request, one “Name: value” per line (a tenant ID for Mimir, "
                             "an API key for a gateway)"));
    m_authNote = new QLabel(tr("The password, token and header values are kept in the system keychain, "
                               "never in the workspace, settings or exports."),
                            this);
    m_authNote->setWordWrap(true);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("sourceProblem"));
    m_problem->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(existing ? tr("Save") : tr("Add"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Address:"), m_url);
    form->addRow(QString(), m_insecure);
    form->addRow(QString(), m_insecureWarning);
    form->addRow(tr("A&uthentication:"), m_authMode);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(tr("&Headers:"), m_headers);
    form->addRow(QString(), m_authNote);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    if (existing) {
        m_id = existing->id;
        m_name->setText(existing->name);
        m_kind->setCurrentIndex(qMax(0, m_kind->findData(existing->kind)));
        m_url->setText(existing->url.toString());
        m_insecure->setChecked(existing->insecureTls);
    } else {
        m_url->setText(defaultUrl(m_kind->currentData().toString()));
    }

    m_authMode->setCurrentIndex(qMax(0, m_authMode->findData(int(credentials.mode))));
    m_user->setText(credentials.user);
    m_password->setText(credentials.password);
    m_token->setText(QString::fromUtf8(credentials.token));
    m_headers->setPlainText(SourceCredentials::headerLines(credentials.headers));

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        // Follow the kind only while the address is still one of our suggestions.
        const QString url = m_url->text();
        bool suggested = url.isEmpty();
        for (const QString& kind : DataSourceStore::kinds())
            suggested = suggested || url == defaultUrl(kind);
        if (suggested)
            m_url->setText(defaultUrl(m_kind->currentData().toString()));
        revalidate();
    });
    connect(m_name, &QLineEdit::textChanged, this, &DataSourceDialog::revalidate);
    connect(m_url, &QLineEdit::textChanged, this, &DataSourceDialog::revalidate);
    connect(m_insecure, &QCheckBox::toggled, this, &DataSourceDialog::revalidate);
    connect(m_authMode, &QComboBox::currentIndexChanged, this, &DataSourceDialog::revalidate);
    connect(m_user, &QLineEdit::textChanged, this, &DataSourceDialog::revalidate);
    connect(m_password, &QLineEdit::textChanged, this, &DataSourceDialog::revalidate);
    connect(m_token, &QLineEdit::textChanged, this, &DataSourceDialog::revalidate);
    connect(m_headers, &QPlainTextEdit::textChanged, this, &DataSourceDialog::revalidate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    revalidate();
}

DataSource DataSourceDialog::source() const
{
    DataSource s;
    s.id = m_id;
    s.name = m_name->text().trimmed();
    s.kind = m_kind->currentData().toString();
    s.url = QUrl(m_url->text().trimmed(), QUrl::StrictMode);
    s.insecureTls = m_insecure->isChecked();
    return s;
}

SourceCredentials DataSourceDialog::credentials() const
{
    SourceCredentials c;
    c.mode = SourceCredentials::Mode(m_authMode->currentData().toInt());
    if (c.mode == SourceCredentials::Mode::Basic) {
        c.user = m_user->text().trimmed();
        c.password = m_password->text();
    } else if (c.mode == SourceCredentials::Mode::Bearer) {
        c.token = m_token->text().trimmed().toUtf8();
    }
    c.headers = SourceCredentials::parseHeaderLines(m_headers->toPlainText(), nullptr);
    return c;
}

QString DataSourceDialog::credentialsProblem() const
{
    QString error;
    SourceCredentials::parseHeaderLines(m_headers->toPlainText(), &error);
    if (!error.isEmpty())
        return error;
    return credentials().validate();
}

void DataSourceDialog::revalidate()
{
    const auto mode = SourceCredentials::Mode(m_authMode->currentData().toInt());
    m_user->setEnabled(mode == SourceCredentials::Mode::Basic);
    m_password->setEnabled(mode == SourceCredentials::Mode::Basic);
    m_token->setEnabled(mode == SourceCredentials::Mode::Bearer);
    QString problem = DataSourceStore::validate(source());
    if (problem.isEmpty())
        problem = credentialsProblem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    QPalette p = m_problem->palette();
    p.setColor(QPalette::WindowText, semanticColor(Semantic::Critical, palette()));
    m_problem->setPalette(p);
    m_insecureWarning->setVisible(m_insecure->isChecked());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace wf::ui
