// Postmortem export by file type, and the PDF: a valid PDF whose page count pdfinfo confirms, whose
// text (pdftotext, poppler-utils) holds every event's UTC time in order and the incident's text as
// inert text. Set WF_POSTMORTEM_OUT to a folder to keep the exported files for a look.

#include "export/PostmortemExport.h"
#include "export/PostmortemPdf.h"
#include "incident/EvidenceStore.h"
#include "incident/IncidentFile.h"
#include "incident/TimelineStore.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;
using namespace wf::incident;
using wf::StoreResult;

namespace {

QByteArray chartPng()
{
    // An error-rate chart: a spike in the middle of a quiet line.
    QImage img(900, 300, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(220, 225, 232), 1));
    for (int y = 50; y < 300; y += 50)
        p.drawLine(0, y, 900, y);
    QPolygonF line;
    for (int x = 0; x <= 900; x += 10) {
        const double spike = std::exp(-std::pow((x - 450) / 60.0, 2));
        line << QPointF(x, 270 - 10 * std::sin(x / 25.0) - 220 * spike);
    }
    p.setPen(QPen(QColor(200, 40, 40), 3));
    p.drawPolyline(line);
    p.end();
    QByteArray bytes;
    QBuffer b(&bytes);
    b.open(QIODevice::WriteOnly);
    img.save(&b, "PNG");
    return bytes;
}

QString run(const QString& tool, const QStringList& args)
{
    QProcess p;
    p.start(tool, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestPostmortemExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<wf::Workspace> m_ws;
    PostmortemData m_data;

    QString out(const QString& name) const
    {
        const QString keep = qEnvironmentVariable("WF_POSTMORTEM_OUT");
        return keep.isEmpty() ? m_dir.filePath(name) : QDir(keep).filePath(name);
    }

    template<typename Call>
    void wait(Call call)
    {
        std::optional<StoreResult> r;
        call([&](const StoreResult& res, const auto&...) { r = res; });
        QVERIFY(QTest::qWaitFor([&] { return r.has_value(); }, 10000));
        QVERIFY2(r->ok, qPrintable(r->error));
    }

private Q_SLOTS:
    void initTestCase()
    {
        wf::OpenResult r =
            wf::Workspace::open(m_dir.filePath(u"w.watchfloor"_s), wf::OpenMode::CreateIfMissing);
        QVERIFY2(r, qPrintable(r.message));
        TimelineStore store(*r.workspace);
        std::optional<qint64> id;
        store.declare(
            {u"Checkout payments failing"_s, Severity::Sev2, {u"checkout"_s, u"payments"_s}, u"ana"_s},
            u"ana"_s, this, [&](const StoreResult& res, qint64 i) {
                if (res.ok)
                    id = i;
            });
        QVERIFY(QTest::qWaitFor([&] { return id.has_value(); }, 10000));
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
        const QStringList notes{u"Error rate on /pay above 20% since 09:12"_s, u"<script>alert(1)</script>"_s,
                                u"**bold** | pipe"_s, u"Rolled back payments to v41"_s};
        for (int i = 0; i < 24; ++i) { // enough rows for a second page
            TimelineEvent ev;
            ev.incidentId = *id;
            ev.kind = EventKind::Note;
            ev.author = u"bo"_s;
            ev.atMs = t0 + (i + 1) * 61'000;
            ev.payload = QJsonObject{{u"text"_s, notes[i % notes.size()]}};
            wait([&](auto done) { store.append(ev, this, done); });
        }
        wait([&](auto done) { store.assignRole(*id, u"operations"_s, u"cy"_s, u"ana"_s, this, done); });
        EvidenceStore evidence(*r.workspace);
        wait([&](auto done) {
            evidence.pinPanel(*id, u"Payment error rate"_s, chartPng(),
                              QJsonObject{{u"query"_s, u"sum(rate(http_errors_total{route=\"/pay\"}[1m]))"_s},
                                          {u"points"_s, QJsonArray{0.01, 0.02, 0.23, 0.25, 0.04}}},
                              u"bo"_s, this, done);
        });
        wait([&](auto done) {
            store.changeStatus(*id, Status::Resolved, u"ana"_s, u"v41 restored"_s, this, done);
        });
        std::optional<PostmortemData> data;
        loadPostmortemData(*r.workspace, *id, this, [&](const StoreResult& res, const PostmortemData& d) {
            if (res.ok)
                data = d;
        });
        QVERIFY(QTest::qWaitFor([&] { return data.has_value(); }, 10000));
        m_data = *data;
        m_ws = std::move(r.workspace);
    }

    void incidentFileOfTheSameIncident()
    {
        // Mostly for a look (WF_POSTMORTEM_OUT): `watchfloor incident.watchfloor` opens it read-only.
        const QString path = out(u"incident.watchfloor"_s);
        std::optional<IncidentFileResult> r;
        exportIncidentFile(*m_ws, m_data.incident.id, path, this,
                           [&](const IncidentFileResult& res) { r = res; });
        QVERIFY(QTest::qWaitFor([&] { return r.has_value(); }, 20000));
        QVERIFY2(r->ok, qPrintable(r->error));
        QCOMPARE(r->events, m_data.events.size());
        QVERIFY(isIncidentFile(path));
    }

    void formatFollowsTheFileName()
    {
        using wf::ui::PostmortemFormat;
        QCOMPARE(wf::ui::postmortemFormatFor(u"a.MD"_s), PostmortemFormat::Markdown);
        QCOMPARE(wf::ui::postmortemFormatFor(u"a.htm"_s), PostmortemFormat::Html);
        QCOMPARE(wf::ui::postmortemFormatFor(u"a.pdf"_s), PostmortemFormat::Pdf);
        QCOMPARE(wf::ui::postmortemFormatFor(u"a.docx"_s), PostmortemFormat::Unknown);
        const PostmortemWriteResult bad = wf::ui::writePostmortem(m_data, m_dir.filePath(u"pm.docx"_s));
        QVERIFY(!bad.ok);
        QVERIFY(bad.error.contains(u".pdf"_s));
        QVERIFY(!QFile::exists(m_dir.filePath(u"pm.docx"_s)));
    }

    void markdownAndHtmlFiles()
    {
        const PostmortemWriteResult md = wf::ui::writePostmortem(m_data, out(u"postmortem.md"_s));
        QVERIFY2(md.ok, qPrintable(md.error));
        QCOMPARE(md.written.size(), 2); // the text and the chart
        QVERIFY(QImage(md.written[1]).width() == 900);
        const PostmortemWriteResult html = wf::ui::writePostmortem(m_data, out(u"postmortem.html"_s));
        QVERIFY2(html.ok, qPrintable(html.error));
        QFile f(html.written[0]);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains("<script"));
        QVERIFY(bytes.contains("data:image/png;base64,"));
    }

    void pdfIsValidAndComplete()
    {
        const wf::ui::PdfResult pdf = wf::ui::renderPostmortemPdf(buildPostmortem(m_data));
        QVERIFY(pdf.pdf.startsWith("%PDF-"));
        QVERIFY(pdf.pdf.trimmed().endsWith("%%EOF"));
        QVERIFY2(pdf.pages >= 2, qPrintable(QString::number(pdf.pages)));
        const QString path = out(u"postmortem.pdf"_s);
        const PostmortemWriteResult written = wf::ui::writePostmortem(m_data, path);
        QVERIFY2(written.ok, qPrintable(written.error));

        if (QStandardPaths::findExecutable(u"pdftotext"_s).isEmpty())
            QSKIP(
                "pdftotext/pdfinfo (poppler-utils) not installed; packaging/install-deps.sh test adds them");
        const QString info = run(u"pdfinfo"_s, {path});
        const QRegularExpressionMatch pages = QRegularExpression(u"Pages:\\s+(\\d+)"_s).match(info);
        QVERIFY2(pages.hasMatch(), qPrintable(info));
        QCOMPARE(pages.captured(1).toInt(), pdf.pages);
        QVERIFY(info.contains(u"Postmortem: Checkout payments failing"_s));

        // Table cells wrap; compare without whitespace.
        QString text = run(u"pdftotext"_s, {path, u"-"_s}).remove(QRegularExpression(u"\\s+"_s));
        QVERIFY(!text.isEmpty());
        // The note is shown as the text it is: had it reached QTextDocument as markup, the tags would
        // be gone and only "alert(1)" would be left.
        QVERIFY2(text.contains(u"<script>alert(1)</script>"_s), qPrintable(text.left(3000)));
        QVERIFY(text.contains(u"**bold**|pipe"_s));
        qsizetype at = text.indexOf(u"Time(UTC)"_s);
        QVERIFY(at > 0);
        for (const TimelineEvent& e : chronological(m_data.events)) {
            const qsizetype next = text.indexOf(formatUtc(e.atMs).remove(u' '), at);
            QVERIFY2(next >= at, qPrintable(u"event %1 at %2"_s.arg(e.seq).arg(formatUtc(e.atMs))));
            at = next + 1;
        }
        for (const QString& h : {u"Summary"_s, u"Impact"_s, u"Contributingfactors"_s, u"Actionitems"_s,
                                 u"E1:Paymenterrorrate"_s, u"Page1of"_s})
            QVERIFY2(text.contains(h), qPrintable(h));
    }
};

QTEST_MAIN(TestPostmortemExport)
#include "tst_postmortemexport.moc"
