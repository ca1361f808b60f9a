#pragma once

// A PromQL text editor with autocomplete: as you type, models/prometheus/PromQLCompletion decides what
// fits at the cursor (metric names and functions, label names after `{`, label values after
// `label="`, durations in `[...]`) and the names are fetched from the data source once (labels,
// label values, metadata), then kept. Ctrl+Space opens the list explicitly; Enter or Tab takes the
// highlighted candidate, Escape closes it.

#include "prometheus/PromQLCompletion.h"
#include "prometheus/QueryNames.h"

#include <QHash>
#include <QPlainTextEdit>
#include <QSet>

class QCompleter;
class QStandardItemModel;

namespace wf::ui {

class PromQLEditor : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit PromQLEditor(QWidget* parent = nullptr);

    void setNameSource(prometheus::QueryNameSource names);

    // Computes the completion at the cursor and shows the list when there is something to offer
    // (`explicitly`: also at the start of an expression with nothing typed).
    void showCompletions(bool explicitly = false);
    QCompleter* completer() const { return m_completer; }
    bool isPopupVisible() const;
    QStringList shownCandidates() const; // what the list offers now
    const prometheus::Completion& lastCompletion() const { return m_last; }
    // Takes a candidate of the last completion (what Enter on the list does).
    void acceptCandidate(int row);

    QSize sizeHint() const override;

Q_SIGNALS:
    // The query text changed by typing or completion.
    void queryEdited();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;

private:
    prometheus::KnownNames knownFor(const prometheus::CompletionContext& context);
    void fetchFor(const prometheus::CompletionContext& context);
    void refreshIfStill(int cursor, const QString& text);

    prometheus::QueryNameSource m_names;
    QCompleter* m_completer;
    QStandardItemModel* m_model;
    prometheus::Completion m_last;
    bool m_explicit = false;
    bool m_applying = false;
    bool m_typing = false;
    int m_waitingAt = -1; // cursor position a name fetch should update the list for

    QStringList m_metrics;
    QHash<QString, QString> m_help;
    bool m_metricsFetched = false;
    QHash<QString, QStringList> m_labelsByMetric; // metric ("" for all) -> label names
    QHash<QString, QStringList> m_valuesByLabel;  // metric + '\x1f' + label -> values
    QSet<QString> m_inFlight;
};

} // namespace wf::ui
