// The Incident dock's panel and the declare dialog on the offscreen platform: a note leaves the field
// only when saved (and stays in it when saving fails), filters narrow the timeline, the dialog offers
// Declare only for a valid draft.

#include "dialogs/DeclareIncidentDialog.h"
#include "incident/IncidentPanel.h"
#include "items/TimelineModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace wf::incident;
using wf::ui::DeclareIncidentDialog;
using wf::ui::IncidentPanel;

namespace {

TimelineEvent makeEvent(qint64 seq, EventKind kind, const QString& text)
{
    TimelineEvent e;
    e.seq = seq;
    e.incidentId = 1;
    e.kind = kind;
    e.atMs = 1'700'000'000'000 + seq * 1000;
    e.author = u"ana"_s;
    e.payload = QJsonObject{{u"text"_s, text}};
    return e;
}

} // namespace

class TestIncidentPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noteLeavesTheFieldOnlyWhenSaved()
    {
        IncidentPanel panel;
        QSignalSpy submitted(&panel, &IncidentPanel::noteSubmitted);
        QLineEdit* note = panel.noteField();
        QTest::keyClicks(note, u"restarted payments"_s);
        QTest::keyClick(note, Qt::Key_Return);
        QCOMPARE(submitted.size(), 1);
        QCOMPARE(submitted.at(0).at(0).toString(), u"restarted payments"_s);
        QVERIFY(!note->isEnabled());
        QCOMPARE(note->text(), u"restarted payments"_s);

        panel.noteFailed(u"disk full"_s);
        QVERIFY(note->isEnabled());
        QCOMPARE(note->text(), u"restarted payments"_s); // nothing typed is lost

        QTest::keyClick(note, Qt::Key_Return);
        panel.noteSaved();
        QVERIFY(note->text().isEmpty());
        QVERIFY(note->isEnabled());

        QTest::keyClick(note, Qt::Key_Return); // empty: nothing to save
        QCOMPARE(submitted.size(), 2);
    }

    void filtersNarrowTheTimeline()
    {
        wf::TimelineModel model;
        model.append({makeEvent(1, EventKind::Note, u"pool exhausted"_s),
                      makeEvent(2, EventKind::AlertFired, u"CheckoutErrors"_s),
                      makeEvent(3, EventKind::Note, u"rolled back"_s)});
        model.append({makeEvent(2, EventKind::Note, u"duplicate"_s)}); // overlap from a refresh: ignored
        QCOMPARE(model.rowCount(), 3);
        IncidentPanel panel;
        panel.setTimelineModel(&model);
        auto* view = panel.findChild<QTreeView*>(u"timelineView"_s);
        auto* kind = panel.findChild<QComboBox*>(u"timelineKindFilter"_s);
        auto* search = panel.findChild<QLineEdit*>(u"timelineSearch"_s);
        QCOMPARE(view->model()->rowCount(), 3);
        kind->setCurrentIndex(kind->findData(int(EventKind::Note)));
        QCOMPARE(view->model()->rowCount(), 2);
        search->setText(u"ROLLED"_s);
        QCOMPARE(view->model()->rowCount(), 1);
        kind->setCurrentIndex(0);
        search->setText(u"checkout"_s);
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, wf::TimelineModel::WhatColumn).data().toString(),
                 u"Alert fired: CheckoutErrors"_s);
    }

    void statusChangesAreRequestedNotApplied()
    {
        IncidentPanel panel;
        Incident inc;
        inc.title = u"Checkout errors"_s;
        inc.status = Status::Investigating;
        inc.roles = {{u"commander"_s, u"ana"_s}};
        panel.setIncident(inc);
        QSignalSpy status(&panel, &IncidentPanel::statusChangeRequested);
        auto* combo = panel.findChild<QComboBox*>(u"incidentStatus"_s);
        combo->activated(combo->findData(int(Status::Mitigated)));
        QCOMPARE(status.size(), 1);
        QCOMPARE(status.at(0).at(0).value<Status>(), Status::Mitigated);
        panel.setIncident(inc); // the store refused: the panel shows what is saved again
        QCOMPARE(combo->currentData().toInt(), int(Status::Investigating));
        QCOMPARE(status.size(), 1); // setting it programmatically requests nothing
    }

    void declareDialogNeedsATitle()
    {
        DeclareIncidentDialog dialog(u"ana"_s);
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        dialog.findChild<QLineEdit*>(u"incidentTitleField"_s)->setText(u"Checkout fails"_s);
        dialog.findChild<QLineEdit*>(u"incidentServicesField"_s)->setText(u" checkout, ,payments "_s);
        QVERIFY(ok->isEnabled());
        const IncidentDraft d = dialog.draft();
        QCOMPARE(d.title, u"Checkout fails"_s);
        QCOMPARE(d.services, (QStringList{u"checkout"_s, u"payments"_s}));
        QCOMPARE(d.commander, u"ana"_s);
        QCOMPARE(d.severity, Severity::Sev3);
    }
};

QTEST_MAIN(TestIncidentPanel)
#include "tst_incidentpanel.moc"
