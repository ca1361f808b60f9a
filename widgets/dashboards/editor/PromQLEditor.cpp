#include "PromQLEditor.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPointer>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTextCursor>

namespace wf::ui {

namespace {

QString valuesKey(const QString& metric, const QString& label)
{
    return metric + QChar(0x1f) + label;
}

// Names kept sorted and unique once, so each keystroke's completion does not sort them again.
QStringList sortedNames(QStringList names)
{
    names.sort();
    names.removeDuplicates();
    return names;
}

QString kindText(prometheus::CompletionCandidate::Kind kind)
{
    using K = prometheus::CompletionCandidate::Kind;
    switch (kind) {
    case K::Metric:
        return PromQLEditor::tr("metric");
    case K::Function:
        return PromQLEditor::tr("function");
    case K::Keyword:
        return PromQLEditor::tr("keyword");
    case K::Label:
        return PromQLEditor::tr("label");
    case K::Value:
        return PromQLEditor::tr("value");
    case K::Duration:
        return PromQLEditor::tr("range");
    }
    return {};
}

} // namespace

PromQLEditor::PromQLEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_completer(new QCompleter(this))
    , m_model(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("promqlEditor"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(true); // Tab takes a completion while the list is open, else moves on
    setPlaceholderText(tr("PromQL, e.g. rate(http_requests_total{job=\"api\"}[$__rate_interval])"));
    setToolTip(tr("PromQL query. Completions appear as you type; Ctrl+Space shows them."));
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_completer->setModel(m_model);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseSensitive);
    m_completer->setMaxVisibleItems(12);
    m_completer->popup()->setObjectName(QStringLiteral("promqlCompletionPopup"));
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            [this](const QModelIndex& index) { acceptCandidate(index.row()); });
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (m_applying)
            return;
        Q_EMIT queryEdited();
        // Only typing opens the list; text set by the program (switching queries) does not.
        if (m_typing)
            showCompletions(m_explicit);
    });
}

void PromQLEditor::setNameSource(prometheus::QueryNameSource names)
{
    m_names = std::move(names);
    m_metricsFetched = false;
    m_metrics.clear();
    m_help.clear();
    m_labelsByMetric.clear();
    m_valuesByLabel.clear();
}

QSize PromQLEditor::sizeHint() const
{
    const QSize base = QPlainTextEdit::sizeHint();
    return {base.width(), fontMetrics().lineSpacing() * 4 + 12};
}

bool PromQLEditor::isPopupVisible() const
{
    return m_completer->popup()->isVisible();
}

QStringList PromQLEditor::shownCandidates() const
{
    QStringList out;
    if (!isPopupVisible())
        return out;
    for (int row = 0; row < m_model->rowCount(); ++row)
        out << m_model->item(row)->data(Qt::UserRole).toString();
    return out;
}

prometheus::KnownNames PromQLEditor::knownFor(const prometheus::CompletionContext& context)
{
    prometheus::KnownNames known;
    known.metrics = m_metrics;
    known.metricHelp = m_help;
    known.labels = m_labelsByMetric.value(context.metric);
    known.values = m_valuesByLabel.value(valuesKey(context.metric, context.label));
    return known;
}

void PromQLEditor::fetchFor(const prometheus::CompletionContext& context)
{
    if (!m_names.isValid())
        return;
    using prometheus::CompletionKind;
    QPointer<PromQLEditor> self(this);
    // When names arrive, the list is updated only if the user is still where they asked.
    const auto again = [self] {
        if (self && self->m_waitingAt == self->textCursor().position())
            self->refreshIfStill(self->m_waitingAt, self->toPlainText());
    };
    if (context.kind == CompletionKind::MetricOrFunction && !m_metricsFetched &&
        !m_inFlight.contains(QString())) {
        m_inFlight.insert(QString());
        m_names.metricNames([self, again](const QStringList& names, const QString&) {
            if (!self)
                return;
            self->m_inFlight.remove(QString());
            self->m_metricsFetched = true;
            self->m_metrics = sortedNames(names);
            again();
        });
        if (m_names.metricHelp)
            m_names.metricHelp([self](const QHash<QString, QString>& help) {
                if (self)
                    self->m_help = help;
            });
    } else if (context.kind == CompletionKind::LabelName && !m_labelsByMetric.contains(context.metric)) {
        const QString key = QStringLiteral("labels:") + context.metric;
        if (m_inFlight.contains(key))
            return;
        m_inFlight.insert(key);
        const QString metric = context.metric;
        m_names.labelNames(metric, [self, key, metric, again](const QStringList& names, const QString&) {
            if (!self)
                return;
            self->m_inFlight.remove(key);
            self->m_labelsByMetric.insert(metric, sortedNames(names));
            again();
        });
    } else if (context.kind == CompletionKind::LabelValue && !context.label.isEmpty() &&
               !m_valuesByLabel.contains(valuesKey(context.metric, context.label))) {
        const QString key = QStringLiteral("values:") + valuesKey(context.metric, context.label);
        if (m_inFlight.contains(key))
            return;
        m_inFlight.insert(key);
        const QString vk = valuesKey(context.metric, context.label);
        m_names.labelValues(context.label, context.metric,
                            [self, key, vk, again](const QStringList& values, const QString&) {
                                if (!self)
                                    return;
                                self->m_inFlight.remove(key);
                                self->m_valuesByLabel.insert(vk, sortedNames(values));
                                again();
                            });
    }
}

void PromQLEditor::refreshIfStill(int cursor, const QString& text)
{
    if (textCursor().position() == cursor && toPlainText() == text)
        showCompletions(m_explicit);
}

void PromQLEditor::showCompletions(bool explicitly)
{
    m_explicit = explicitly;
    const QString text = toPlainText();
    const int cursor = textCursor().position();
    m_waitingAt = cursor;
    const prometheus::CompletionContext context = prometheus::completionContext(text, cursor);
    fetchFor(context);
    m_last = prometheus::complete(text, cursor, knownFor(context), 200);
    using prometheus::CompletionKind;
    // At the start of an expression with nothing typed the list would only get in the way while
    // typing operators and numbers; there it opens on Ctrl+Space.
    const bool wanted = explicitly || !m_last.context.prefix.isEmpty() ||
                        m_last.context.kind == CompletionKind::LabelName ||
                        m_last.context.kind == CompletionKind::LabelValue;
    if (!wanted || m_last.candidates.isEmpty()) {
        m_completer->popup()->hide();
        if (!wanted)
            m_waitingAt = -1;
        return;
    }
    m_model->clear();
    for (const prometheus::CompletionCandidate& c : std::as_const(m_last.candidates)) {
        auto* item = new QStandardItem(c.kind == prometheus::CompletionCandidate::Kind::Value
                                           ? c.text
                                           : c.text + QStringLiteral("  —  ") + kindText(c.kind));
        item->setData(c.text, Qt::UserRole);
        item->setToolTip(c.detail.isEmpty() ? kindText(c.kind) : c.detail);
        item->setEditable(false);
        m_model->appendRow(item);
    }
    QAbstractItemView* popup = m_completer->popup();
    popup->setCurrentIndex(m_model->index(0, 0));
    QRect rect = cursorRect();
    rect.setWidth(
        std::max(280, popup->sizeHintForColumn(0) + popup->verticalScrollBar()->sizeHint().width()));
    m_completer->complete(rect);
}

void PromQLEditor::acceptCandidate(int row)
{
    if (row < 0 || row >= m_last.candidates.size())
        return;
    int cursor = 0;
    const QString next =
        prometheus::applyCompletion(toPlainText(), m_last.context, m_last.candidates.at(row), &cursor);
    m_completer->popup()->hide();
    m_applying = true;
    // One edit block: a single Ctrl+Z takes the completion back.
    QTextCursor c = textCursor();
    c.beginEditBlock();
    c.select(QTextCursor::Document);
    c.insertText(next);
    c.endEditBlock();
    c.setPosition(cursor);
    setTextCursor(c);
    m_applying = false;
    m_explicit = false;
    m_waitingAt = -1;
    Q_EMIT queryEdited();
    // After a metric or a function the next thing may well be a brace or an argument: keep helping.
    showCompletions(false);
}

void PromQLEditor::keyPressEvent(QKeyEvent* event)
{
    if (isPopupVisible()) {
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab: {
            const QModelIndex current = m_completer->popup()->currentIndex();
            acceptCandidate(current.isValid() ? current.row() : 0);
            return;
        }
        case Qt::Key_Escape:
            m_completer->popup()->hide();
            m_explicit = false;
            m_waitingAt = -1;
            return;
        case Qt::Key_Up:
        case Qt::Key_Down: {
            // Keys sent to the editor itself (the popup handles them when it has the keyboard).
            QAbstractItemView* popup = m_completer->popup();
            const int rows = m_model->rowCount();
            const int row = std::clamp(popup->currentIndex().row() + (event->key() == Qt::Key_Down ? 1 : -1),
                                       0, rows - 1);
            popup->setCurrentIndex(m_model->index(row, 0));
            return;
        }
        default:
            break;
        }
    }
    if (event->key() == Qt::Key_Space && event->modifiers().testFlag(Qt::ControlModifier)) {
        showCompletions(true);
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        event->ignore(); // the dialog's Escape
        return;
    }
    m_typing = true;
    QPlainTextEdit::keyPressEvent(event);
    m_typing = false;
}

void PromQLEditor::focusInEvent(QFocusEvent* event)
{
    QPlainTextEdit::focusInEvent(event);
    fetchFor(prometheus::completionContext(toPlainText(), textCursor().position()));
}

} // namespace wf::ui
