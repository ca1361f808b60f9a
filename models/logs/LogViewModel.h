#pragma once
// The state of the stored-log view: which window of the store is on screen, the filters, the search,
// and the volume histogram. It never holds more than the visible window (plus scan results, capped):
// every move asks LogBrowser for one screen by keyset, so a store of 100 M lines opens and jumps as
// fast as one of 100.
//
// Modes: browsing (no search) walks (time, id), newest on top; a full-text search lists the matches
// newest first (by arrival, see LogPaging.h); a regex or substring search streams scan results into a
// capped list while the user reads the first ones. The scroll position is a fraction of the time
// span (browsing) or of the id span (searching), so no row is ever counted.
#include "LogLineText.h"
#include "signalstore/LogBrowser.h"

#include <QObject>

#include <vector>

namespace wf::logs {

class LogViewModel : public QObject
{
    Q_OBJECT
public:
    explicit LogViewModel(QObject* parent = nullptr);
    ~LogViewModel() override;

    // Not owned; must outlive this model or be reset to null first.
    void setBrowser(signalstore::LogBrowser* browser);
    void setVisibleRows(int rows); // the screen's row count (a page)

    void setFilter(const signalstore::LogFilter& filter); // its time range is replaced by setTimeRange
    // The dashboard's range (the app calls this when it changes); the histogram covers it. 0/max: all.
    void setTimeRange(qint64 fromNs, qint64 toNs);
    // Empty text: browsing. A regex that does not compile sets searchError() and changes nothing else.
    void setSearch(const QString& text, LogSearchMode mode);
    void refresh(); // re-reads the extent, the window and the histogram
    // Live tail: re-reads when the newest rows are on screen, the range has no end and no regex or
    // substring scan is involved (a scan restarted every tick would read the whole store each time).
    // Returns whether it re-read. Scrolled away from the newest rows, it does nothing: that pauses it.
    bool followNewest();
    bool isAtNewest() const;

    void jumpToTime(qint64 timeNs);         // the newest rows at or before it on top
    void scrollRows(int delta);             // > 0: towards older rows
    void scrollToFraction(double fraction); // 0: newest, 1: oldest

    const std::vector<signalstore::LogRow>& rows() const { return m_rows; }
    double positionFraction() const;
    const signalstore::LogExtent& extent() const { return m_extent; }
    const signalstore::LogHistogram& histogram() const { return m_histogram; }
    const LogHighlighter& highlighter() const { return m_highlighter; }
    const QString& searchText() const { return m_searchText; }
    LogSearchMode searchMode() const { return m_searchMode; }
    const QString& searchError() const { return m_searchError; }
    bool isScanning() const { return m_scanning; }
    qint64 scanMatches() const { return qint64(m_scanRows.size()); }
    qint64 timeFromNs() const;
    qint64 timeToNs() const;

    static constexpr int kMaxScanMatches = 10'000;

Q_SIGNALS:
    void rowsChanged();
    void histogramChanged();
    void extentChanged();
    void scanStateChanged();
    void failed(const QString& message);

private:
    bool searching() const { return !m_searchText.isEmpty(); }
    signalstore::LogFilter effectiveFilter() const;
    void requestHistogram();
    void requestBrowse(signalstore::LogKey key, signalstore::PageDirection direction, int count,
                       int keepNewer);
    void requestMatches(qint64 beforeId, qint64 atTimeNs);
    void startScan();
    void showScanWindow();
    void acceptPage(signalstore::QueryResult<signalstore::LogPage> result, quint64 generation);

    signalstore::LogBrowser* m_browser = nullptr;
    int m_visibleRows = 40;
    signalstore::LogFilter m_filter;
    qint64 m_fromNs = 0;
    qint64 m_toNs = signalstore::kNoLimitNs;
    QString m_searchText;
    LogSearchMode m_searchMode = LogSearchMode::FullText;
    QString m_searchError;
    LogHighlighter m_highlighter;

    signalstore::LogExtent m_extent;
    signalstore::LogHistogram m_histogram;
    std::vector<signalstore::LogRow> m_rows;
    std::vector<signalstore::LogRow> m_scanRows; // regex/substring results so far, newest first
    int m_scanOffset = 0;
    bool m_scanning = false;
    std::vector<qint64> m_matchTops; // full-text: the beforeId of earlier screens, to scroll back up
    bool m_matchesAtNewest = true;   // full-text: the first screen of matches is shown
    quint64 m_generation = 0;        // of the window: older answers are dropped
};

} // namespace wf::logs
