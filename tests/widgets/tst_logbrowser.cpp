// The stored-log view offscreen: what it shows (rows newest first, level colours, highlighted
// matches, histogram bars), and what clicks and keys do (jump from a bar, scroll, wrap, copy, open
// trace, filters). Saves build/.../logbrowser.png for a person to look at.
#include "items/LogListModel.h"
#include "logs/LogBrowserView.h"
#include "logs/LogHistogramWidget.h"
#include "logs/LogRowsView.h"
#include "logs/LogViewModel.h"
#include "signalstore/LogBrowser.h"
#include "signalstore/SignalStore.h"
#include "theme/Theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace wf;
using namespace wf::signalstore;

namespace {

constexpr qint64 kT0 = 1'764'583'200'000'000'000; // 2025-12-01T10:00:00Z
constexpr qint64 kSecond = 1'000'000'000;
constexpr int kLines = 1800; // one a second for 30 minutes

telemetry::TraceId traceOf(int i)
{
    std::array<std::uint8_t, 16> b{};
    b[0] = 0x5a;
    b[14] = std::uint8_t(i >> 8);
    b[15] = std::uint8_t(i);
    return telemetry::TraceId(b);
}

// Minutes 20-24 are an incident: payments logs "db pool exhausted" errors every other second.
std::shared_ptr<const telemetry::LogBatch> shopLogs()
{
    const QStringList services = {QStringLiteral("checkout"), QStringLiteral("payments"),
                                  QStringLiteral("cart")};
    std::vector<telemetry::Resource> resources;
    for (const QString& s : services)
        resources.emplace_back(telemetry::Attributes(
            telemetry::KeyValueList{{QStringLiteral("service.name"), telemetry::AnyValue::fromString(s)}}));
    std::vector<telemetry::LogRecord> records;
    for (int i = 0; i < kLines; ++i) {
        telemetry::LogRecord r;
        r.timeNs = kT0 + qint64(i) * kSecond;
        const bool incident = i >= 1200 && i < 1500 && i % 2 == 0;
        r.resourceIndex = incident ? 1 : i % 3;
        if (incident) {
            r.severityNumber = 17;
            r.bodyText = QStringLiteral("db pool exhausted: waited %1 ms for a connection").arg(1000 + i);
            r.traceId = traceOf(i);
        } else if (i % 10 == 3) {
            r.severityNumber = 13;
            r.bodyText = QStringLiteral("slow upstream call took %1 ms").arg(300 + i % 500);
        } else if (i % 4 == 1) {
            r.severityNumber = 9;
            r.bodyText =
                QStringLiteral("{\"event\":\"order placed\",\"order\":{\"id\":%1},\"cents\":4599}").arg(i);
            r.traceId = traceOf(i);
        } else {
            r.severityNumber = 9;
            r.bodyText = QStringLiteral("GET /api/cart/%1 200 in %2 ms").arg(i).arg(i % 90);
        }
        if (i == 1799)
            r.bodyText = QStringLiteral("<b>not bold</b> ") + QString(600, QLatin1Char('w')) +
                         QStringLiteral(" end of a very long line");
        r.body = telemetry::AnyValue::fromString(r.bodyText);
        records.push_back(std::move(r));
    }
    return std::make_shared<const telemetry::LogBatch>(std::move(resources), std::vector<telemetry::Scope>{},
                                                       std::move(records));
}

} // namespace

class TestLogBrowser : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<LogBrowser> m_browser;
    std::unique_ptr<ui::LogBrowserView> m_view;

    const std::vector<LogRow>& rows() const { return m_view->model()->rows(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("signals.db"));
        QString error;
        {
            auto store = SignalStore::open(path, {}, &error);
            QVERIFY2(store, qPrintable(error));
            QVERIFY(store->ingest(shopLogs()));
            store->flush();
        }
        m_browser = LogBrowser::open(path, &error);
        QVERIFY2(m_browser, qPrintable(error));
        m_view = std::make_unique<ui::LogBrowserView>();
        m_view->resize(1100, 640);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->setBrowser(m_browser.get());
        QTRY_VERIFY(!rows().empty());
        QTRY_COMPARE(m_view->histogram()->barCount(), 120);
    }

    void showsNewestLinesAsPlainText()
    {
        // Newest on top; the row count fills the viewport, never the store.
        QCOMPARE(rows().front().timeNs, kT0 + qint64(kLines - 1) * kSecond);
        const int visible = m_view->rowsView()->viewport()->height() / m_view->rowsView()->lineHeight() + 1;
        QCOMPARE(int(rows().size()), visible);
        m_view->rowsView()->viewport()->repaint();
        QVERIFY(m_view->rowsView()->paintedRowCount() >= visible - 1);
        // Markup in telemetry is text: the row's body still holds the tags, and they were laid out as
        // characters (the painted row of a wrapped line is taller because the text is long, not bold).
        QVERIFY(rows().front().body.startsWith(QStringLiteral("<b>not bold</b>")));
        QVERIFY(m_view->statusText().contains(QStringLiteral("1,800")) ||
                m_view->statusText().contains(QStringLiteral("1800")));
    }

    void histogramShowsVolumeByLevel()
    {
        auto* h = m_view->histogram();
        qint64 total = 0;
        for (int b = 0; b < h->barCount(); ++b)
            total += h->bucketTotal(b);
        QCOMPARE(total, qint64(kLines));
        const auto& hist = m_view->model()->histogram();
        QVERIFY(!hist.estimated);
        // The incident's minutes hold the errors: every error count sits in buckets 80-99.
        qint64 errorsInside = 0, errorsOutside = 0;
        for (int b = 0; b < h->barCount(); ++b) {
            const qint64 e = hist.counts[std::size_t(b)][std::size_t(items::LogLevel::Error)];
            (b >= 80 && b < 100 ? errorsInside : errorsOutside) += e;
        }
        QCOMPARE(errorsInside, qint64(150));
        QCOMPARE(errorsOutside, qint64(0));
        // Errors are stacked on top in the error colour (bucket 85), info at the base.
        const QImage image = h->grab().toImage();
        const QRect bar = h->barRect(85);
        QVERIFY(bar.isValid());
        const QColor top = image.pixelColor(bar.center().x(), bar.top() + 2);
        const QColor base = image.pixelColor(bar.center().x(), bar.bottom() - 2);
        QVERIFY2(base.blue() > base.red(), qPrintable(base.name()));
        QVERIFY2(top.red() > top.green() && top.red() > top.blue(), qPrintable(top.name()));
        QCOMPARE(h->currentBucket(), 119);
    }

    void clickingABarJumpsToItsTime()
    {
        auto* h = m_view->histogram();
        const QRect bar = h->barRect(40);
        QTest::mouseClick(h, Qt::LeftButton, {}, bar.center());
        const qint64 bucketEnd = kT0 + (qint64(kLines) * kSecond / 120) * 41;
        QTRY_VERIFY(!rows().empty() && rows().front().timeNs < bucketEnd);
        QVERIFY(rows().front().timeNs >= bucketEnd - 2 * kSecond);
        QCOMPARE(h->currentBucket(), 40);
        // The scroll bar follows, as a position in time.
        const double f = m_view->model()->positionFraction();
        QVERIFY2(f > 0.6 && f < 0.7, qPrintable(QString::number(f)));
        // Page down moves by lines, to older ones.
        const qint64 before = rows().front().timeNs;
        m_view->rowsView()->setFocus();
        QTest::keyClick(m_view->rowsView(), Qt::Key_PageDown);
        QTRY_VERIFY(rows().front().timeNs < before);
        QTest::keyClick(m_view->rowsView(), Qt::Key_Home);
        QTRY_COMPARE(rows().front().timeNs, kT0 + qint64(kLines - 1) * kSecond);
    }

    void searchHighlightsMatches()
    {
        m_view->searchField()->setText(QStringLiteral("pool exh"));
        m_view->applySearch();
        QTRY_VERIFY(!rows().empty() && rows().front().body.contains(QStringLiteral("pool exhausted")));
        for (const LogRow& r : rows())
            QVERIFY(r.body.contains(QStringLiteral("pool exhausted")));
        m_view->rowsView()->viewport()->repaint();
        const QList<QRect> marks = m_view->rowsView()->paintedHighlights(0);
        QCOMPARE(marks.size(), 2); // "pool" and the prefix "exhausted"
        // The highlight is painted: the pixel at its centre is the warning colour, not the base.
        const QImage image = m_view->rowsView()->viewport()->grab().toImage();
        const QColor c = image.pixelColor(marks[0].left() + 1, marks[0].center().y());
        QVERIFY2(c != m_view->rowsView()->palette().color(QPalette::Base), qPrintable(c.name()));

        // A regular expression streams its matches, highlighted the same way.
        m_view->modeBox()->setCurrentIndex(1);
        m_view->searchField()->setText(QStringLiteral("waited 24\\d\\d ms"));
        m_view->applySearch();
        QTRY_VERIFY(m_view->model()->scanMatches() > 0 && !m_view->model()->isScanning());
        QCOMPARE(m_view->model()->scanMatches(),
                 qint64(50)); // seconds 1400-1499 (waited 2400-2499 ms), even ones only
        m_view->rowsView()->viewport()->repaint();
        QCOMPARE(m_view->rowsView()->paintedHighlights(0).size(), 1);
        // Column edges are measured once per font, and again when it changes.
        ui::LogRowsView* rowsView = m_view->rowsView();
        const QFont original = rowsView->font();
        const int messageX = rowsView->messageX();
        const int markX = rowsView->paintedHighlights(0).front().left();
        QVERIFY(markX >= messageX);
        QFont big = original;
        big.setPointSizeF(original.pointSizeF() * 2);
        rowsView->setFont(big);
        rowsView->viewport()->repaint();
        QVERIFY(rowsView->messageX() > messageX);
        QVERIFY(rowsView->paintedHighlights(0).front().left() >= rowsView->messageX());
        rowsView->setFont(original);
        QCOMPARE(rowsView->messageX(), messageX);
        // A broken one says so and keeps the last results.
        m_view->searchField()->setText(QStringLiteral("waited (24"));
        m_view->applySearch();
        QVERIFY(m_view->statusText().contains(QStringLiteral("Invalid")));
        QCOMPARE(m_view->model()->scanMatches(), qint64(50));
    }

    void savesAScreenshot()
    {
        m_view->modeBox()->setCurrentIndex(0);
        m_view->searchField()->setText(QStringLiteral("exhausted"));
        m_view->applySearch();
        QTRY_VERIFY(!rows().empty() && rows().front().body.contains(QStringLiteral("exhausted")));
        m_view->rowsView()->setCurrentRow(2);
        QTest::qWait(50);
        const QString out = QCoreApplication::applicationDirPath() + QStringLiteral("/logbrowser.png");
        QVERIFY(m_view->grab().save(out));
        qInfo("screenshot: %s", qPrintable(out));
        // And in the dark theme: rows, levels and highlights take their colours from the palette.
        const QPalette light = m_view->palette();
        m_view->setPalette(ui::darkPalette());
        QTest::qWait(20);
        const QString dark = QCoreApplication::applicationDirPath() + QStringLiteral("/logbrowser-dark.png");
        QVERIFY(m_view->grab().save(dark));
        const QImage image = m_view->rowsView()->viewport()->grab().toImage();
        QVERIFY(image.pixelColor(image.width() - 5, image.height() - 5).lightness() < 100);
        m_view->setPalette(light);
    }

    void detailsCopyAndOpenTrace()
    {
        // The selected error line carries a trace id: Open trace is enabled and emits it.
        m_view->rowsView()->setCurrentRow(0);
        QVERIFY(rows().front().traceId.isValid());
        QVERIFY(m_view->rowsView()->openTraceAction()->isEnabled());
        QSignalSpy open(m_view.get(), &ui::LogBrowserView::openTraceRequested);
        m_view->rowsView()->openTraceAction()->trigger();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.front().front().value<telemetry::TraceId>(), rows().front().traceId);
        m_view->rowsView()->copyAction()->trigger();
        QCOMPARE(QApplication::clipboard()->text(), m_view->rowsView()->copyText());
        QVERIFY(QApplication::clipboard()->text().endsWith(rows().front().body));
        QVERIFY(m_view->details()->toPlainText().contains(rows().front().traceId.toHex()));

        // JSON lines show their fields.
        m_view->searchField()->setText(QStringLiteral("order placed"));
        m_view->applySearch();
        QTRY_VERIFY(!rows().empty() && rows().front().body.contains(QStringLiteral("order placed")));
        m_view->rowsView()->setCurrentRow(0);
        QVERIFY(m_view->details()->toPlainText().contains(QStringLiteral("order.id = ")));
        QVERIFY(m_view->details()->toPlainText().contains(QStringLiteral("cents = 4599")));
    }

    void filtersAndWrap()
    {
        m_view->searchField()->clear();
        m_view->applySearch();
        m_view->levelBox()->setCurrentIndex(4); // errors and above
        m_view->serviceField()->setText(QStringLiteral("payments"));
        m_view->applyFilters();
        QTRY_VERIFY(!rows().empty() && rows().front().severityNumber == 17);
        for (const LogRow& r : rows()) {
            QCOMPARE(r.service, QStringLiteral("payments"));
            QVERIFY(r.severityNumber >= 17);
        }
        m_view->levelBox()->setCurrentIndex(0);
        m_view->serviceField()->clear();
        m_view->applyFilters();
        QTRY_COMPARE(rows().front().timeNs, kT0 + qint64(kLines - 1) * kSecond);

        // Wrapping makes the long top line taller.
        m_view->rowsView()->viewport()->repaint();
        const int oneLine = m_view->rowsView()->paintedRowRect(0).height();
        m_view->wrapButton()->setChecked(true);
        m_view->rowsView()->viewport()->repaint();
        QVERIFY(m_view->rowsView()->paintedRowRect(0).height() > 2 * oneLine);
        m_view->wrapButton()->setChecked(false);

        // The dashboard's range narrows everything.
        m_view->setTimeRange(kT0 + 600 * kSecond, kT0 + 660 * kSecond);
        QTRY_VERIFY(!rows().empty() && rows().front().timeNs == kT0 + 659 * kSecond);
        QTRY_COMPARE(m_view->model()->histogram().total(), qint64(60));
    }

    void searchSetsModeAndTextAsOne()
    {
        // As a pattern double-clicked in the app does: a regex over the field, the mode switched.
        m_view->setTimeRange(0, signalstore::kNoLimitNs);
        m_view->search(QStringLiteral("waited 24\\d\\d ms"), logs::LogSearchMode::Regex);
        QCOMPARE(m_view->searchField()->text(), QStringLiteral("waited 24\\d\\d ms"));
        QCOMPARE(m_view->modeBox()->currentData().toInt(), int(logs::LogSearchMode::Regex));
        QCOMPARE(m_view->model()->searchMode(), logs::LogSearchMode::Regex);
        QTRY_VERIFY(!m_view->model()->isScanning() && m_view->model()->scanMatches() == 50);
        QVERIFY(!m_view->model()->followNewest()); // a scan is a snapshot: Follow leaves it alone
        QVERIFY(m_view->followButton()->isChecked());
        QVERIFY(m_view->followButton()->toolTip().contains(m_view->followButton()->shortcut().toString()));
        m_view->search(QString(), logs::LogSearchMode::FullText);
        QTRY_VERIFY(!rows().empty() && rows().front().timeNs == kT0 + qint64(kLines - 1) * kSecond);
        QVERIFY(m_view->model()->isAtNewest());
    }

    void cleanupTestCase()
    {
        m_view.reset();
        m_browser.reset();
    }
};

QTEST_MAIN(TestLogBrowser)
#include "tst_logbrowser.moc"
