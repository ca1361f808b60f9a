// The dashboard's user-facing editing over a scripted metrics source, offscreen: the variable bar
// (controls per variable, picks re-running the panels' queries, picks remembered per dashboard), the
// panel editor (PromQL completion popup from the source's names, legend preview, validation, Apply as
// one undo step), undo of a keyboard move, and annotations from a PromQL annotation query and the
// workspace on the time series charts. WF_SHOTS=<dir> saves a picture of the bar and the editor.

#include "charts/TimeSeriesChart.h"
#include "dashboard/VariableSelection.h"
#include "dashboards/DashboardPanelWidget.h"
#include "dashboards/DashboardView.h"
#include "dashboards/VariableBar.h"
#include "dashboards/editor/PanelEditorDialog.h"
#include "dashboards/editor/PromQLEditor.h"
#include "dashboards/grid/DashboardGrid.h"
#include "dashboards/grid/PanelFrame.h"
#include "prometheus/MetricsSource.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace wf;

namespace {

constexpr qint64 kNow = 1'700'000'000'000;

// Answers like a small Prometheus: `up` has jobs api and db on hosts a and b; "deploys" is 1 for
// three steps in the middle of the range; count by (x) (...) gives the values of x.
class FakeSource : public prometheus::MetricsSource
{
public:
    QStringList exprs;

    static signalstore::SeriesSet series(const QString& name, const QString& job, const QString& host)
    {
        signalstore::SeriesSet s;
        s.labels = {{u"__name__"_s, name}, {u"instance"_s, host}, {u"job"_s, job}};
        return s;
    }

    prometheus::MetricsCall queryRange(const prometheus::RangeQuery& q, QObject* context,
                                       Callback done) override
    {
        exprs << q.expr;
        prometheus::MetricsResult r;
        if (q.expr == u"deploys"_s) {
            signalstore::SeriesSet s = series(u"deploys"_s, u"api"_s, u"a"_s);
            const qint64 mid = q.startMs + (q.endMs - q.startMs) / 2;
            for (qint64 t = q.startMs; t <= q.endMs; t += q.stepMs) {
                s.timesNs.push_back(t * 1'000'000);
                s.values.push_back(t >= mid && t < mid + 3 * q.stepMs ? 1.0 : 0.0);
            }
            r.series.push_back(s);
        } else {
            for (const QString& host : {u"a"_s, u"b"_s}) {
                signalstore::SeriesSet s = series(u"node_load1"_s, u"api"_s, host);
                for (qint64 t = q.startMs; t <= q.endMs; t += q.stepMs) {
                    s.timesNs.push_back(t * 1'000'000);
                    s.values.push_back(host == u"a"_s ? 1.0 : 2.0);
                }
                r.series.push_back(std::move(s));
            }
        }
        QTimer::singleShot(0, context, [done, r] { done(r); });
        return prometheus::MetricsCall::create();
    }

    prometheus::MetricsCall queryInstant(const prometheus::InstantQuery& q, QObject* context,
                                         Callback done) override
    {
        exprs << q.expr;
        prometheus::MetricsResult r;
        if (q.expr.startsWith(u"count by (__name__)"_s)) {
            for (const QString& name :
                 {u"node_load1"_s, u"node_load5"_s, u"node_memory_Active_bytes"_s, u"up"_s}) {
                signalstore::SeriesSet s;
                s.labels = {{u"__name__"_s, name}};
                r.series.push_back(s);
            }
        } else {
            for (const QString& job : {u"api"_s, u"db"_s})
                for (const QString& host : {u"a"_s, u"b"_s})
                    r.series.push_back(series(u"up"_s, job, host));
        }
        for (auto& s : r.series) {
            s.timesNs = {kNow * 1'000'000};
            s.values = {1};
        }
        QTimer::singleShot(0, context, [done, r] { done(r); });
        return prometheus::MetricsCall::create();
    }
    QString queryLanguageNote() const override { return {}; }
};

dashboard::Dashboard makeDashboard()
{
    dashboard::Dashboard d;
    d.uid = u"node-overview"_s;
    d.title = u"Node overview"_s;
    d.time = {u"now-1h"_s, u"now"_s};
    dashboard::Variable job;
    job.name = u"job"_s;
    job.label = u"Job"_s;
    job.kind = dashboard::VariableKind::Query;
    job.query = u"label_values(up, job)"_s;
    job.multi = true;
    job.includeAll = true;
    job.current = {dashboard::kAllValue.toString()};
    dashboard::Variable instance;
    instance.name = u"instance"_s;
    instance.kind = dashboard::VariableKind::Custom;
    instance.query = u"a, b"_s;
    instance.options = dashboard::parseCustomOptions(instance.query);
    instance.current = {u"a"_s};
    dashboard::Variable region;
    region.name = u"region"_s;
    region.kind = dashboard::VariableKind::Constant;
    region.query = u"eu-west"_s;
    region.current = {u"eu-west"_s};
    d.variables = {job, instance, region};

    for (int i = 1; i <= 2; ++i) {
        dashboard::Panel p;
        p.id = i;
        p.title = i == 1 ? u"Load"_s : u"Memory"_s;
        p.gridPos = {(i - 1) * 12, 0, 12, 9};
        p.targets = {{u"A"_s, u"node_load1{job=~\"$job\", instance=\"$instance\"}"_s, u"{{instance}}"_s}};
        d.panels << p;
    }
    dashboard::AnnotationQuery deploys;
    deploys.name = u"Deploys"_s;
    deploys.expr = u"deploys"_s;
    deploys.titleFormat = u"deploy to {{job}}"_s;
    d.annotations = {deploys};
    return d;
}

} // namespace

class TestDashboardEditing : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QSettings* settings()
    {
        static QSettings s(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        return &s;
    }

private Q_SLOTS:
    void variableBarDrivesQueriesAndIsRemembered()
    {
        FakeSource source;
        {
            ui::DashboardView view(makeDashboard(), {}, &source);
            view.setClock([] { return kNow; });
            view.setSelectionSettings(settings());
            view.resize(1200, 700);
            view.show();
            view.start();
            ui::VariableBar* bar = view.variableBar();
            QVERIFY(bar->isVisible());
            // One control per variable, of the kind it calls for.
            auto* job = qobject_cast<QToolButton*>(bar->controlFor(u"job"_s));
            auto* instance = qobject_cast<QComboBox*>(bar->controlFor(u"instance"_s));
            auto* region = qobject_cast<QLabel*>(bar->controlFor(u"region"_s));
            QVERIFY(job && instance && region);
            QCOMPARE(region->text(), u"eu-west"_s);
            QCOMPARE(instance->count(), 2);
            QTRY_VERIFY(view.panelWidget(1)->hasData());
            // The query variable's options came from the source (count by (job) (up)), off the UI thread.
            QTRY_VERIFY(qobject_cast<QToolButton*>(bar->controlFor(u"job"_s)));
            job = qobject_cast<QToolButton*>(bar->controlFor(u"job"_s));
            QStringList menuTexts;
            for (QAction* a : job->menu()->actions())
                if (!a->isSeparator())
                    menuTexts << a->text();
            QCOMPARE(menuTexts, (QStringList{u"All"_s, u"api"_s, u"db"_s}));
            QCOMPARE(bar->shownText(u"job"_s), u"All"_s);
            QVERIFY(source.exprs.join(u'\n').contains(u"instance=\"a\""_s));

            // Pick "db" in the multi-value menu: All goes, db is the selection, panels query again.
            source.exprs.clear();
            QAction* db = nullptr;
            for (QAction* a : job->menu()->actions())
                if (a->data().toString() == u"db"_s)
                    db = a;
            QVERIFY(db);
            db->trigger();
            QTRY_VERIFY(source.exprs.join(u'\n').contains(u"job=~\"db\""_s));
            QCOMPARE(view.variables().at(0).current, QStringList{u"db"_s});
            QTRY_COMPARE(view.variableBar()->shownText(u"job"_s), u"db"_s);

            // Pick host b in the combo box.
            source.exprs.clear();
            instance = qobject_cast<QComboBox*>(view.variableBar()->controlFor(u"instance"_s));
            instance->setCurrentIndex(1);
            Q_EMIT instance->activated(1);
            QTRY_VERIFY(source.exprs.join(u'\n').contains(u"instance=\"b\""_s));
        }
        // The same dashboard opened again starts with the picks.
        ui::DashboardView again(makeDashboard(), {}, &source);
        again.setClock([] { return kNow; });
        again.setSelectionSettings(settings());
        again.start();
        QCOMPARE(again.variables().at(0).current, QStringList{u"db"_s});
        QCOMPARE(again.variables().at(1).current, QStringList{u"b"_s});
        QCOMPARE(again.variableBar()->shownText(u"instance"_s), u"b"_s);
    }

    void panelEditorCompletesPreviewsAndApplies()
    {
        FakeSource source;
        dashboard::Dashboard d = makeDashboard();
        d.uid = u"editor-test"_s;
        ui::DashboardView view(d, {}, &source);
        view.setClock([] { return kNow; });
        view.setSelectionSettings(settings());
        view.resize(1200, 700);
        view.show();
        view.start();
        QTRY_VERIFY(view.panelWidget(1)->hasData());

        // E on a focused panel opens the editor.
        ui::PanelFrame* frame = view.grid()->frameFor(1);
        frame->setFocus();
        QTest::keyClick(frame, Qt::Key_E);
        ui::PanelEditorDialog* editor = view.panelEditor();
        QVERIFY(editor);
        QVERIFY(QTest::qWaitForWindowExposed(editor));
        QCOMPARE(editor->panel().id, 1);
        QVERIFY(!frame->editButton()->toolTip().isEmpty());

        // The preview runs the panel's queries; the legend preview names the series.
        QTRY_VERIFY(editor->preview() && editor->preview()->hasData());
        QTRY_COMPARE(editor->legendPreviewNames(), (QStringList{u"a"_s, u"b"_s}));
        editor->legendEdit()->clear();
        QTest::keyClicks(editor->legendEdit(), u"host {{instance}}"_s);
        QCOMPARE(editor->legendPreviewNames(), (QStringList{u"host a"_s, u"host b"_s}));
        QVERIFY(editor->legendPreview()->text().contains(u"host a"_s));

        // Completion: metric names from the source as you type.
        ui::PromQLEditor* query = editor->queryEditor();
        query->setFocus();
        query->selectAll();
        QTest::keyClick(query, Qt::Key_Delete);
        QTest::keyClicks(query, u"rate(node_lo"_s);
        QTRY_VERIFY(query->isPopupVisible());
        QCOMPARE(query->shownCandidates(), (QStringList{u"node_load1"_s, u"node_load5"_s}));
        QTest::keyClick(query, Qt::Key_Return);
        QCOMPARE(query->toPlainText(), u"rate(node_load1"_s);
        // Label names after the brace, label values after label=".
        QTest::keyClicks(query, u"{"_s);
        QTRY_COMPARE(query->shownCandidates(), (QStringList{u"instance"_s, u"job"_s}));
        QTest::keyClicks(query, u"job=\""_s);
        QTRY_COMPARE(query->shownCandidates(), (QStringList{u"api"_s, u"db"_s}));
        QTest::keyClick(query, Qt::Key_Down);
        QTest::keyClick(query, Qt::Key_Return);
        QCOMPARE(query->toPlainText(), u"rate(node_load1{job=\"db\""_s); // the closing quote added
        QTest::keyClicks(query, u"}[5m])"_s);
        shootEditor(view, *editor);

        // A bad threshold blocks Apply and says why.
        editor->thresholdsEdit()->clear();
        QTest::keyClicks(editor->thresholdsEdit(), u"green; lots red"_s);
        QVERIFY(!editor->buttons()->button(QDialogButtonBox::Apply)->isEnabled());
        QVERIFY(editor->problem().contains(u"lots"_s));
        editor->thresholdsEdit()->clear();
        QTest::keyClicks(editor->thresholdsEdit(), u"green; 2 red"_s);
        QVERIFY(editor->buttons()->button(QDialogButtonBox::Apply)->isEnabled());
        editor->unitChooser()->setCurrentText(u"percent"_s);

        // Apply: the dashboard's panel changes, as one undoable step.
        editor->buttons()->button(QDialogButtonBox::Apply)->click();
        const dashboard::Panel* edited = view.dashboard().panel(1);
        QVERIFY(edited);
        QCOMPARE(edited->targets.at(0).expr, u"rate(node_load1{job=\"db\"}[5m])"_s);
        QCOMPARE(edited->targets.at(0).legendFormat, u"host {{instance}}"_s);
        QCOMPARE(edited->unit, u"percent"_s);
        QCOMPARE(edited->thresholds.steps.size(), 2);
        QCOMPARE(view.undoStack()->count(), 1);
        QCOMPARE(view.undoStack()->undoText(), u"Edit “Load”"_s);
        QTRY_VERIFY(view.panelWidget(1) && view.panelWidget(1)->hasData());
        QTRY_COMPARE(view.panelWidget(1)->chart()->lineNames(), (QStringList{u"host a"_s, u"host b"_s}));
        view.undoStack()->undo();
        QCOMPARE(view.dashboard().panel(1)->targets.at(0).expr, d.panels.at(0).targets.at(0).expr);
        editor->reject();
    }

    void keyboardResizeUndoes()
    {
        FakeSource source;
        ui::DashboardView view(makeDashboard(), {}, &source);
        view.setClock([] { return kNow; });
        view.setSelectionSettings(settings());
        view.resize(1200, 700);
        view.show();
        ui::PanelFrame* frame = view.grid()->frameFor(2);
        frame->setFocus();
        const auto resize = Qt::ControlModifier | Qt::ShiftModifier;
        QTest::keyClick(frame, Qt::Key_Down, resize);
        QTest::keyClick(view.grid()->frameFor(2), Qt::Key_Down, resize);
        QCOMPARE(view.dashboard().panel(2)->gridPos.h, 11);
        // Two steps of one panel are one entry.
        QCOMPARE(view.undoStack()->count(), 1);
        QCOMPARE(view.undoStack()->undoText(), u"Resize “Memory”"_s);
        QVERIFY(view.findChild<QToolButton*>(u"undoLayout"_s)->isEnabled());
        view.undoStack()->undo();
        QCOMPARE(view.dashboard().panel(2)->gridPos.h, 9);
        QVERIFY(!view.findChild<QToolButton*>(u"undoLayout"_s)->isEnabled());
        view.undoStack()->redo();
        QCOMPARE(view.dashboard().panel(2)->gridPos.h, 11);
    }

    void annotationsFromQueriesAndWorkspace()
    {
        FakeSource source;
        ui::DashboardView view(makeDashboard(), {}, &source);
        view.setClock([] { return kNow; });
        view.setSelectionSettings(settings());
        view.resize(1200, 700);
        view.show();
        view.start();
        QTRY_VERIFY(!view.annotations().isEmpty());
        const QList<dashboard::Annotation> fromQuery = view.annotations();
        QCOMPARE(fromQuery.size(), 1);
        QVERIFY(fromQuery.first().isRegion());
        QCOMPARE(fromQuery.first().text, u"deploy to api"_s);

        view.setWorkspaceAnnotations({{kNow - 600'000, 0, u"Declared SEV2: checkout errors"_s},
                                      {kNow - 100 * 3'600'000, 0, u"long ago"_s}});
        QCOMPARE(view.annotations().size(), 2); // the one outside the hour is not drawn
        QTRY_VERIFY(view.panelWidget(1)->hasData());
        for (int id : {1, 2})
            QTRY_COMPARE(view.panelWidget(id)->chart()->visibleAnnotationCount(), 2);
    }

private:
    // The dashboard with its variable bar, and the editor with its completion list open, in one image.
    void shootEditor(ui::DashboardView& view, ui::PanelEditorDialog& editor)
    {
        const QString dir = qEnvironmentVariable("WF_SHOTS");
        if (dir.isEmpty())
            return;
        ui::PromQLEditor* query = editor.queryEditor();
        query->moveCursor(QTextCursor::End);
        query->setPlainText(u"sum by (instance) (rate(node_lo"_s);
        query->moveCursor(QTextCursor::End);
        query->showCompletions(true);
        QTRY_VERIFY(query->isPopupVisible());
        QImage image(view.width() + 40, std::max(view.height(), editor.height() + 120),
                     QImage::Format_ARGB32);
        image.fill(Qt::darkGray);
        QPainter p(&image);
        p.drawPixmap(0, 0, view.grab());
        const QPoint at(view.width() - editor.width() + 20, 100);
        p.drawPixmap(at, editor.grab());
        QWidget* popup = query->completer()->popup();
        p.drawPixmap(at + query->mapTo(&editor, query->cursorRect().bottomLeft()), popup->grab());
        p.end();
        QVERIFY(image.save(dir + u"/dashboard-editor.png"_s));
        query->setPlainText(u"rate(node_load1{job=\"db\"}[5m])"_s);
    }
};

QTEST_MAIN(TestDashboardEditing)
#include "tst_dashboard_editing.moc"
