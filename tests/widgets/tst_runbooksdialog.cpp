// The runbook library dialog: shipped runbooks listed, a broken file listed with its error, a runner
// made by the application's factory for the selected one, and preset values (the demo shop's control
// port) filled in.

#include "runbook/RunbookRunner.h"
#include "runbook/RunbooksDialog.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf;

class TestRunbooksDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsRunbooksAndMakesRunnersOnSelection()
    {
        QTemporaryDir dir;
        QFile broken(dir.filePath(u"broken.md"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("---\nid: x\n---\n```step\nid: [unclosed\n```\n");
        broken.close();

        QList<runbook::RunbookFile> files = runbook::loadRunbooks(runbook::shippedRunbooksPath());
        QVERIFY(files.size() >= 7);
        files += runbook::loadRunbooks(dir.path());
        QStringList made;
        ui::RunbooksDialog dialog([&](const runbook::Runbook& rb, QObject* parent) {
            made << rb.id;
            return new runbook::RunbookRunner(rb, parent);
        });
        dialog.setPresetValues({{u"control_port"_s, u"40123"_s}});
        dialog.setRunbooks(files);
        QCOMPARE(dialog.list()->count(), files.size());

        int demoRow = -1;
        for (int i = 0; i < files.size(); ++i) {
            if (files[i].result.ok() && files[i].result.runbook->id == u"demo-payments-db-pool"_s)
                demoRow = i;
        }
        QVERIFY(demoRow >= 0);
        dialog.list()->setCurrentRow(demoRow);
        QCOMPARE(made, QStringList{u"demo-payments-db-pool"_s});
        bool preset = false;
        for (const QLineEdit* e : dialog.findChildren<QLineEdit*>())
            preset = preset || e->text() == u"40123"_s;
        QVERIFY2(preset, "the control port preset was not filled in");
        for (const QLabel* l : dialog.findChildren<QLabel*>())
            QVERIFY2(!l->text().contains(u"control_port"_s) || !l->text().contains(u"required"_s),
                     qPrintable(l->text()));

        dialog.list()->setCurrentRow(demoRow == 0 ? 1 : 0);
        dialog.list()->setCurrentRow(demoRow); // the same runner again, not a new one
        QCOMPARE(made.size(), 2);

        // A preset that arrives later (the shop printed its port) fills an empty field, never a typed one.
        for (QLineEdit* e : dialog.findChildren<QLineEdit*>()) {
            if (e->text() == u"40123"_s)
                e->clear();
        }
        dialog.setPresetValues({{u"control_port"_s, u"40999"_s}, {u"service"_s, u"other"_s}});
        bool late = false, keptService = false;
        for (const QLineEdit* e : dialog.findChildren<QLineEdit*>()) {
            late = late || e->text() == u"40999"_s;
            keptService = keptService || e->text() == u"payments"_s;
        }
        QVERIFY(late);
        QVERIFY(keptService);

        dialog.list()->setCurrentRow(files.size() - 1); // the broken file
        QCOMPARE(made.size(), 2);
        bool explained = false;
        for (const QLabel* l : dialog.findChildren<QLabel*>())
            explained = explained || (l->text().contains(u"broken.md"_s) && l->text().contains(u"line"_s));
        QVERIFY(explained);

        if (const QString out = qEnvironmentVariable("WF_SHOT"); !out.isEmpty()) {
            dialog.list()->setCurrentRow(demoRow);
            dialog.grab().save(out);
        }
    }
};

QTEST_MAIN(TestRunbooksDialog)
#include "tst_runbooksdialog.moc"
