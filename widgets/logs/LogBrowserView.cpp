#include "logs/LogBrowserView.h"

#include "items/LogListModel.h"
#include "logs/LogHistogramWidget.h"
#include "logs/LogRowsView.h"
#include "logs/LogViewModel.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf::ui {

LogBrowserView::LogBrowserView(QWidget* parent)
    : QWidget(parent)
    , m_model(new logs::LogViewModel(this))
    , m_search(new QLineEdit(this))
    , m_mode(new QComboBox(this))
    , m_services(new QLineEdit(this))
    , m_level(new QComboBox(this))
    , m_attribute(new QLineEdit(this))
    , m_wrap(new QToolButton(this))
    , m_follow(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_histogram(new LogHistogramWidget(this))
    , m_rows(new LogRowsView(m_model, this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("logBrowserView"));
    m_search->setObjectName(QStringLiteral("logBrowserSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search stored logs"));
    m_search->setToolTip(
        tr("Full text: all words must occur, the last also as a prefix, \"quoted words\" as a "
           "phrase. Regular expression and substring search scan the lines, newest first."));
    m_mode->setObjectName(QStringLiteral("logBrowserMode"));
    m_mode->addItem(tr("Full text"), int(logs::LogSearchMode::FullText));
    m_mode->addItem(tr("Regex"), int(logs::LogSearchMode::Regex));
    m_mode->addItem(tr("Substring"), int(logs::LogSearchMode::Substring));
    m_mode->setToolTip(tr("How the search text is matched"));
    m_services->setObjectName(QStringLiteral("logBrowserServices"));
    m_services->setPlaceholderText(tr("Services"));
    m_services->setToolTip(tr("Only these services (comma separated); empty: all"));
    m_level->setObjectName(QStringLiteral("logBrowserLevel"));
    m_level->addItem(tr("All levels"), 0);
    m_level->addItem(tr("Debug and above"), 5);
    m_level->addItem(tr("Info and above"), 9);
    m_level->addItem(tr("Warnings and above"), 13);
    m_level->addItem(tr("Errors and above"), 17);
    m_level->setToolTip(tr("Minimum level"));
    m_attribute->setObjectName(QStringLiteral("logBrowserAttribute"));
    m_attribute->setPlaceholderText(tr("attribute=value"));
    m_attribute->setToolTip(tr("Only lines with this attribute (key, or key=value)"));
    m_wrap->setObjectName(QStringLiteral("logBrowserWrap"));
    m_wrap->setText(tr("Wrap"));
    m_wrap->setCheckable(true);
    m_wrap->setShortcut(QKeySequence(Qt::ALT | Qt::Key_W));
    m_wrap->setToolTip(tr("Wrap long lines (%1)").arg(m_wrap->shortcut().toString()));
    m_follow->setObjectName(QStringLiteral("logBrowserFollow"));
    m_follow->setText(tr("Follow"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setShortcut(QKeySequence(Qt::ALT | Qt::Key_N));
    m_follow->setToolTip(tr("Show new lines as they arrive while the newest are on screen; scrolling "
                            "down or unchecking pauses (%1)")
                             .arg(m_follow->shortcut().toString()));
    m_status->setObjectName(QStringLiteral("logBrowserStatus"));
    m_details->setObjectName(QStringLiteral("logBrowserDetails"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a line to see its fields"));
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    bar->addWidget(m_search, 3);
    bar->addWidget(m_mode);
    bar->addWidget(m_services, 1);
    bar->addWidget(m_level);
    bar->addWidget(m_attribute, 1);
    bar->addWidget(m_wrap);
    bar->addWidget(m_follow);
    bar->addWidget(m_status);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_rows);
    split->addWidget(m_details);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_histogram);
    layout->addWidget(split, 1);

    auto* debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, &LogBrowserView::applySearch);
    connect(m_search, &QLineEdit::returnPressed, this, &LogBrowserView::applySearch);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &LogBrowserView::applySearch);
    connect(m_services, &QLineEdit::editingFinished, this, &LogBrowserView::applyFilters);
    connect(m_attribute, &QLineEdit::editingFinished, this, &LogBrowserView::applyFilters);
    connect(m_level, &QComboBox::currentIndexChanged, this, &LogBrowserView::applyFilters);
    connect(m_wrap, &QToolButton::toggled, m_rows, &LogRowsView::setWrap);
    auto* follow = new QTimer(this);
    follow->setInterval(kFollowMs);
    connect(follow, &QTimer::timeout, this, [this] {
        // A line being read (selected, keyboard in the list) would slide away under the cursor.
        const bool reading = m_rows->hasFocus() && m_rows->currentRow() >= 0;
        if (m_follow->isChecked() && isVisible() && !reading)
            m_model->followNewest();
    });
    follow->start();
    connect(m_histogram, &LogHistogramWidget::timeClicked, m_model, &logs::LogViewModel::jumpToTime);
    connect(m_model, &logs::LogViewModel::histogramChanged, this,
            [this] { m_histogram->setHistogram(m_model->histogram()); });
    connect(m_model, &logs::LogViewModel::rowsChanged, this, [this] {
        if (!m_model->rows().empty())
            m_histogram->setCurrentTime(m_model->rows().front().timeNs);
        else
            m_details->clear();
        updateStatus();
    });
    connect(m_model, &logs::LogViewModel::scanStateChanged, this, &LogBrowserView::updateStatus);
    connect(m_model, &logs::LogViewModel::failed, this, [this](const QString& message) {
        m_error = message;
        updateStatus();
    });
    connect(m_rows, &LogRowsView::currentRowChanged, this, &LogBrowserView::showDetails);
    connect(m_rows, &LogRowsView::openTraceRequested, this, &LogBrowserView::openTraceRequested);
    updateStatus();
}

void LogBrowserView::setBrowser(signalstore::LogBrowser* browser)
{
    m_error.clear();
    m_model->setBrowser(browser);
}

void LogBrowserView::setTimeRange(qint64 fromNs, qint64 toNs)
{
    m_model->setTimeRange(fromNs, toNs);
}

void LogBrowserView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LogBrowserView::applySearch()
{
    m_error.clear();
    m_model->setSearch(m_search->text(), logs::LogSearchMode(m_mode->currentData().toInt()));
    updateStatus();
}

void LogBrowserView::search(const QString& text, logs::LogSearchMode mode)
{
    {
        // One search, not one per changed field.
        const QSignalBlocker blockMode(m_mode);
        const QSignalBlocker blockText(m_search);
        m_mode->setCurrentIndex(std::max(0, m_mode->findData(int(mode))));
        m_search->setText(text);
    }
    applySearch();
}

void LogBrowserView::applyFilters()
{
    signalstore::LogFilter filter;
    for (const QString& s : m_services->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString t = s.trimmed(); !t.isEmpty())
            filter.services.append(t);
    filter.minSeverityNumber = m_level->currentData().toInt();
    const QString attribute = m_attribute->text().trimmed();
    const qsizetype eq = attribute.indexOf(QLatin1Char('='));
    filter.attributeKey = (eq < 0 ? attribute : attribute.left(eq)).trimmed();
    filter.attributeValue = eq < 0 ? QString() : attribute.mid(eq + 1).trimmed();
    m_error.clear();
    m_model->setFilter(filter);
}

QString LogBrowserView::statusText() const
{
    return m_status->text();
}

void LogBrowserView::updateStatus()
{
    const QString& searchError = m_model->searchError();
    if (!searchError.isEmpty() || !m_error.isEmpty()) {
        m_status->setText(searchError.isEmpty() ? tr("Read failed") : tr("Invalid search"));
        m_status->setToolTip(searchError.isEmpty() ? m_error : searchError);
        return;
    }
    m_status->setToolTip(QString());
    if (m_model->isScanning())
        m_status->setText(tr("Scanning… %n match(es)", nullptr, int(m_model->scanMatches())));
    else if (!m_model->searchText().isEmpty() && m_model->searchMode() != logs::LogSearchMode::FullText)
        m_status->setText(tr("%n match(es)", nullptr, int(m_model->scanMatches())));
    else
        m_status->setText(tr("~%L1 lines").arg(m_model->extent().approximateCount()));
}

void LogBrowserView::showDetails(const signalstore::LogRow& row)
{
    // Plain text only: a QPlainTextEdit never interprets markup in telemetry.
    QStringList lines;
    lines << QDateTime::fromMSecsSinceEpoch(row.timeNs / 1'000'000, Qt::UTC).toString(Qt::ISODateWithMs) +
                 QLatin1Char(' ') + items::logLevelName(items::logLevelOf(row.severityNumber)) +
                 QLatin1Char(' ') + row.service;
    if (row.traceId.isValid())
        lines << tr("trace: %1 (Ctrl+T opens it)").arg(row.traceId.toHex());
    for (const auto& [key, value] : row.attributes)
        lines << key + QStringLiteral(" = ") + value;
    const auto fields = logs::jsonFieldsOf(row.body);
    if (!fields.isEmpty()) {
        lines << tr("JSON fields:");
        for (const auto& [key, value] : fields)
            lines << QStringLiteral("  ") + key + QStringLiteral(" = ") + value;
    }
    lines << QString() << row.body.left(64 * 1024);
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace wf::ui
