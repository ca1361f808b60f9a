#include "PanelEditorDialog.h"

#include "PromQLEditor.h"
#include "dashboard/Duration.h"
#include "dashboard/ThresholdText.h"
#include "dashboards/DashboardPanelWidget.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace wf::ui {

namespace {

constexpr int kPreviewDelayMs = 400;
constexpr int kLegendPreviewNames = 6;

QString nextRefId(const QList<dashboard::Target>& targets)
{
    for (char c = 'A'; c <= 'Z'; ++c) {
        const QString id(QLatin1Char{c});
        if (std::none_of(targets.begin(), targets.end(),
                         [&](const dashboard::Target& t) { return t.refId == id; }))
            return id;
    }
    return QString::number(targets.size() + 1);
}

} // namespace

PanelEditorDialog::PanelEditorDialog(const dashboard::Panel& panel, prometheus::QueryNameSource names,
                                     QWidget* parent)
    : QDialog(parent)
    , m_panel(panel)
    , m_previewHolder(new QVBoxLayout)
    , m_title(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_target(new QComboBox(this))
    , m_query(new PromQLEditor(this))
    , m_legend(new QLineEdit(this))
    , m_legendPreview(new QLabel(this))
    , m_unit(new QComboBox(this))
    , m_thresholds(new QLineEdit(this))
    , m_minInterval(new QLineEdit(this))
    , m_maxDataPoints(new QSpinBox(this))
    , m_problemLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("panelEditor"));
    setWindowTitle(tr("Edit panel “%1”").arg(panel.title));
    resize(900, 680);
    m_query->setNameSource(std::move(names));

    using dashboard::PanelType;
    for (PanelType t : {PanelType::TimeSeries, PanelType::Stat, PanelType::Gauge, PanelType::BarGauge,
                        PanelType::Table, PanelType::Heatmap, PanelType::Text})
        m_type->addItem(dashboard::panelTypeName(t), int(t));
    m_type->setToolTip(tr("How the panel shows its data"));
    m_title->setMaxLength(200);

    auto* addQuery = new QToolButton(this);
    addQuery->setText(tr("Add query"));
    addQuery->setToolTip(tr("Add another PromQL query to this panel"));
    auto* targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(addQuery);
    m_target->setToolTip(tr("The panel's queries, by reference id"));

    m_legend->setPlaceholderText(tr("{{instance}} – {{mode}}; empty: the series' labels"));
    m_legend->setToolTip(tr("Series names: {{label}} is replaced by the series' value of that label"));
    m_legendPreview->setObjectName(QStringLiteral("legendPreview"));
    m_legendPreview->setTextFormat(Qt::PlainText); // label values are telemetry: never rich text
    m_legendPreview->setWordWrap(true);
    m_legendPreview->setForegroundRole(QPalette::PlaceholderText);

    m_unit->setEditable(true);
    for (const char* unit : {"", "short", "percent", "percentunit", "bytes", "decbytes", "bps", "Bps", "s",
                             "ms", "reqps", "ops", "none"})
        m_unit->addItem(QString::fromLatin1(unit));
    m_unit->setToolTip(tr("Grafana unit id (bytes, percent, s, reqps, …)"));
    m_thresholds->setPlaceholderText(tr("green; 80 orange; 90 red"));
    m_thresholds->setToolTip(tr("A base colour, then “value colour” steps in increasing order; 50% for "
                                "percentages of min..max"));
    m_minInterval->setPlaceholderText(tr("e.g. 30s; empty: the scrape interval"));
    m_minInterval->setToolTip(tr("Lower bound for $__interval and the query step"));
    m_maxDataPoints->setRange(0, 100000);
    m_maxDataPoints->setSpecialValueText(tr("auto (panel width)"));
    m_maxDataPoints->setToolTip(tr("At most this many points per series; auto uses the panel's width"));
    m_problemLabel->setObjectName(QStringLiteral("editorProblem"));
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->hide();

    auto* form = new QFormLayout;
    form->addRow(tr("&Title"), m_title);
    form->addRow(tr("T&ype"), m_type);
    form->addRow(tr("Query"), targetRow); // no mnemonic: a layout cannot be a buddy
    form->addRow(QString(), m_query);
    form->addRow(tr("&Legend"), m_legend);
    form->addRow(QString(), m_legendPreview);
    form->addRow(tr("&Unit"), m_unit);
    form->addRow(tr("T&hresholds"), m_thresholds);
    form->addRow(tr("&Min interval"), m_minInterval);
    form->addRow(tr("Max &data points"), m_maxDataPoints);

    auto* previewBox = new QWidget(this);
    previewBox->setLayout(m_previewHolder);
    m_previewHolder->setContentsMargins(0, 0, 0, 0);
    previewBox->setMinimumHeight(200);
    auto* formBox = new QWidget(this);
    formBox->setLayout(form);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(previewBox);
    split->addWidget(formBox);
    split->setStretchFactor(0, 1);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_problemLabel);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Apply)
        ->setToolTip(tr("Show the changes on the dashboard (undoable)"));
    m_buttons->button(QDialogButtonBox::Cancel)->setToolTip(tr("Close without changing the panel"));

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(kPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &PanelEditorDialog::rebuildPreview);

    // Fill the fields from the panel.
    m_loading = true;
    m_title->setText(panel.title);
    m_type->setCurrentIndex(std::max(0, m_type->findData(int(panel.type))));
    m_unit->setCurrentText(panel.unit);
    m_thresholds->setText(dashboard::thresholdsToText(panel.thresholds));
    m_minInterval->setText(panel.minInterval);
    m_maxDataPoints->setValue(panel.maxDataPoints);
    if (m_panel.targets.isEmpty() && panel.type != PanelType::Text)
        m_panel.targets.append({QStringLiteral("A"), QString(), QString()});
    for (const dashboard::Target& t : std::as_const(m_panel.targets))
        m_target->addItem(t.refId);
    m_loading = false;
    showTarget(0);

    connect(m_target, &QComboBox::currentIndexChanged, this, &PanelEditorDialog::showTarget);
    connect(addQuery, &QToolButton::clicked, this, [this] {
        readFields();
        const QString id = nextRefId(m_panel.targets);
        m_panel.targets.append({id, QString(), QString()});
        m_target->addItem(id);
        m_target->setCurrentIndex(m_target->count() - 1);
        m_query->setFocus();
    });
    for (QLineEdit* edit : {m_title, m_thresholds, m_minInterval})
        connect(edit, &QLineEdit::textEdited, this, [this] {
            readFields();
            schedulePreview();
        });
    connect(m_legend, &QLineEdit::textEdited, this, [this] {
        readFields();
        updateLegendPreview(); // names change at once; the chart follows with the preview
        schedulePreview();
    });
    connect(m_query, &PromQLEditor::queryEdited, this, [this] {
        readFields();
        schedulePreview();
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        readFields();
        schedulePreview();
    });
    connect(m_unit, &QComboBox::currentTextChanged, this, [this] {
        readFields();
        schedulePreview();
    });
    connect(m_maxDataPoints, &QSpinBox::valueChanged, this, [this] {
        readFields();
        schedulePreview();
    });
    connect(m_buttons, &QDialogButtonBox::clicked, this, [this](QAbstractButton* button) {
        const auto role = m_buttons->buttonRole(button);
        if (role == QDialogButtonBox::RejectRole) {
            reject();
            return;
        }
        readFields();
        if (!m_problem.isEmpty())
            return;
        Q_EMIT applied(m_panel);
        if (role == QDialogButtonBox::AcceptRole)
            accept();
    });
    // The preview comes up with the dialog.
    QTimer::singleShot(0, this, &PanelEditorDialog::rebuildPreview);
}

void PanelEditorDialog::showTarget(int index)
{
    if (m_loading)
        return;
    readFields();
    m_targetIndex = index;
    const bool has = index >= 0 && index < m_panel.targets.size();
    m_loading = true;
    m_query->setPlainText(has ? m_panel.targets.at(index).expr : QString());
    m_legend->setText(has ? m_panel.targets.at(index).legendFormat : QString());
    m_loading = false;
    m_query->setEnabled(has);
    m_legend->setEnabled(has);
    updateLegendPreview();
}

void PanelEditorDialog::readFields()
{
    if (m_loading)
        return;
    m_panel.title = m_title->text();
    m_panel.type = dashboard::PanelType(m_type->currentData().toInt());
    m_panel.unit = m_unit->currentText().trimmed().left(100);
    m_panel.maxDataPoints = m_maxDataPoints->value();
    if (m_targetIndex >= 0 && m_targetIndex < m_panel.targets.size()) {
        m_panel.targets[m_targetIndex].expr = m_query->toPlainText();
        m_panel.targets[m_targetIndex].legendFormat = m_legend->text();
    }
    QStringList problems;
    QString error;
    if (const auto thresholds = dashboard::thresholdsFromText(m_thresholds->text(), &error))
        m_panel.thresholds = *thresholds;
    else
        problems << tr("Thresholds: %1").arg(error);
    const QString interval = m_minInterval->text().trimmed();
    if (interval.isEmpty() || dashboard::parseDurationMs(interval))
        m_panel.minInterval = interval;
    else
        problems << tr("Min interval: “%1” is not a duration like 30s or 1m.").arg(interval);
    m_problem = problems.join(QLatin1Char('\n'));
    m_problemLabel->setText(m_problem);
    m_problemLabel->setVisible(!m_problem.isEmpty());
    for (auto which : {QDialogButtonBox::Ok, QDialogButtonBox::Apply})
        m_buttons->button(which)->setEnabled(m_problem.isEmpty());
}

void PanelEditorDialog::setPreviewLabels(const QList<dashboard::LabelSet>& labels)
{
    m_previewLabels = labels;
    updateLegendPreview();
}

void PanelEditorDialog::updateLegendPreview()
{
    m_legendNames.clear();
    for (const dashboard::LabelSet& labels : std::as_const(m_previewLabels))
        m_legendNames << dashboard::formatLegend(m_legend->text(), labels);
    if (m_previewLabels.isEmpty()) {
        m_legendPreview->setText(tr("Series names appear here once the query returns data."));
        return;
    }
    QStringList shown = m_legendNames.mid(0, kLegendPreviewNames);
    if (m_legendNames.size() > kLegendPreviewNames)
        shown << tr("… and %1 more").arg(m_legendNames.size() - kLegendPreviewNames);
    m_legendPreview->setText(tr("Series: %1").arg(shown.join(QStringLiteral(", "))));
}

void PanelEditorDialog::schedulePreview()
{
    if (!m_loading)
        m_previewTimer->start();
}

void PanelEditorDialog::rebuildPreview()
{
    delete m_preview;
    m_preview = new DashboardPanelWidget(m_panel, QString(), this);
    m_preview->setObjectName(QStringLiteral("panelPreview"));
    m_previewHolder->addWidget(m_preview);
    Q_EMIT previewRequested(m_panel);
}

} // namespace wf::ui
