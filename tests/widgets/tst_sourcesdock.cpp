// The Sources dock and the data source dialog: what the user sees and may do, on the offscreen
// platform. Saving is SourcesController's (tests/integration/tst_sourcescontroller.cpp).

#include "common/EmptyState.h"
#include "dialogs/DataSourceDialog.h"
#include "docks/SourcesDock.h"
#include "items/SourceHealthModel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using wf::DataSource;
using wf::SourceHealth;
using wf::SourceHealthModel;
using wf::ui::DataSourceDialog;
using wf::ui::SourcesDock;

namespace {

SourceHealth row(const QString& name)
{
    SourceHealth h;
    h.name = name;
    h.kind = u"prometheus"_s;
    h.url = QUrl(u"http://localhost:9090"_s);
    return h;
}

QPushButton* okButton(const DataSourceDialog& d)
{
    return d.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestSourcesDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsExplanationUntilThereAreSources()
    {
        SourcesDock dock;
        SourceHealthModel model;
        dock.setModel(&model);
        auto* stack = dock.findChild<QStackedWidget*>();
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget(), static_cast<QWidget*>(dock.emptyState()));

        model.setSources({row(u"prod"_s)});
        QCOMPARE(stack->currentWidget(), static_cast<QWidget*>(dock.findChild<QListView*>(u"sourcesList"_s)));
        model.setSources({});
        QCOMPARE(stack->currentWidget(), static_cast<QWidget*>(dock.emptyState()));
    }

    void actionsFollowSelectionAndAskForTheSelectedSource()
    {
        SourcesDock dock;
        SourceHealthModel model;
        model.setSources({row(u"prod"_s), row(u"staging"_s)});
        dock.setModel(&model);
        auto* edit = dock.findChild<QAction*>(u"editSourceAction"_s);
        auto* remove = dock.findChild<QAction*>(u"removeSourceAction"_s);
        QVERIFY(edit && remove);
        QVERIFY(!edit->isEnabled());
        QVERIFY(!remove->isEnabled());
        QVERIFY(dock.addAction()->isEnabled());

        auto* list = dock.findChild<QListView*>(u"sourcesList"_s);
        list->setCurrentIndex(model.index(1));
        QCOMPARE(dock.selectedSource(), u"staging"_s);
        QVERIFY(edit->isEnabled());
        QVERIFY(remove->isEnabled());

        QSignalSpy editSpy(&dock, &SourcesDock::editRequested);
        QSignalSpy removeSpy(&dock, &SourcesDock::removeRequested);
        edit->trigger();
        remove->trigger();
        QCOMPARE(editSpy.value(0).value(0).toString(), u"staging"_s);
        QCOMPARE(removeSpy.value(0).value(0).toString(), u"staging"_s);

        dock.setEditable(false); // a read-only workspace
        QVERIFY(!dock.addAction()->isEnabled());
        QVERIFY(!edit->isEnabled());
        QVERIFY(!remove->isEnabled());
        QVERIFY(dock.emptyState()->hint().contains(u"read-only"_s));
    }

    void dialogOffersOkOnlyForWhatTheStoreAccepts()
    {
        DataSourceDialog dialog(nullptr);
        auto* name = dialog.findChild<QLineEdit*>(u"sourceName"_s);
        auto* url = dialog.findChild<QLineEdit*>(u"sourceUrl"_s);
        auto* problem = dialog.findChild<QLabel*>(u"sourceProblem"_s);
        QVERIFY(name && url && problem);
        QVERIFY(!okButton(dialog)->isEnabled()); // no name yet
        QVERIFY(!problem->text().isEmpty());

        QTest::keyClicks(name, u"  prod  "_s);
        QVERIFY(okButton(dialog)->isEnabled());
        QVERIFY(problem->isHidden());

        url->setText(u"ftp://example.org"_s);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(problem->text().contains(u"http"_s));

        url->setText(u"https://user:secret@example.org"_s);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(problem->text().contains(u"password"_s));

        url->setText(u"https://prom.example.org"_s);
        QVERIFY(okButton(dialog)->isEnabled());
        const DataSource s = dialog.source();
        QCOMPARE(s.name, u"prod"_s);
        QCOMPARE(s.kind, u"prometheus"_s);
        QCOMPARE(s.url, QUrl(u"https://prom.example.org"_s));
        QVERIFY(!s.insecureTls);
        QCOMPARE(s.id, 0);
    }

    void kindChangeUpdatesOnlyASuggestedAddress()
    {
        DataSourceDialog dialog(nullptr);
        auto* kind = dialog.findChild<QComboBox*>(u"sourceKind"_s);
        auto* url = dialog.findChild<QLineEdit*>(u"sourceUrl"_s);
        QCOMPARE(url->text(), DataSourceDialog::defaultUrl(u"prometheus"_s));
        kind->setCurrentIndex(kind->findData(u"loki"_s));
        QCOMPARE(url->text(), DataSourceDialog::defaultUrl(u"loki"_s));
        url->setText(u"https://logs.example.org"_s);
        kind->setCurrentIndex(kind->findData(u"tempo"_s));
        QCOMPARE(url->text(), u"https://logs.example.org"_s); // the user's own address stays
    }

    void editingKeepsTheIdAndShowsTheInsecureWarning()
    {
        const DataSource existing{42, u"lab"_s, u"jaeger"_s, QUrl(u"https://jaeger.lab:16686"_s), true};
        DataSourceDialog dialog(&existing);
        QCOMPARE(dialog.windowTitle(), u"Edit data source"_s);
        QCOMPARE(dialog.source(), existing);
        dialog.show();
        QVERIFY(dialog.findChild<QCheckBox*>(u"sourceInsecure"_s)->isChecked());
        bool warned = false;
        for (const QLabel* l : dialog.findChildren<QLabel*>())
            warned = warned || (l->isVisible() && l->text().contains(u"insecure"_s));
        QVERIFY(warned);
    }

    void credentialsAreEditedApartFromTheSource()
    {
        const DataSource existing{7, u"prod"_s, u"prometheus"_s, QUrl(u"https://prom.example.org"_s), false};
        wf::SourceCredentials stored;
        stored.mode = wf::SourceCredentials::Mode::Basic;
        stored.user = u"ops"_s;
        stored.password = u"s3cret-Pass"_s;
        stored.headers = {{"X-Scope-OrgID", "tenant-1"}};
        DataSourceDialog dialog(&existing, nullptr, stored);
        dialog.show();
        QCOMPARE(dialog.credentials(), stored);
        QCOMPARE(dialog.source(), existing); // the source itself carries no secret
        auto* password = dialog.findChild<QLineEdit*>(u"sourcePassword"_s);
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QVERIFY(!dialog.findChild<QLineEdit*>(u"sourceToken"_s)->isEnabled());

        // Switch to a bearer token: only the token is kept, the password is not carried along.
        auto* mode = dialog.findChild<QComboBox*>(u"sourceAuthMode"_s);
        mode->setCurrentIndex(mode->findData(int(wf::SourceCredentials::Mode::Bearer)));
        QVERIFY(!okButton(dialog)->isEnabled()); // a bearer mode without a token
        auto* token = dialog.findChild<QLineEdit*>(u"sourceToken"_s);
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        token->setText(u"tok-1"_s);
        QVERIFY(okButton(dialog)->isEnabled());
        QCOMPARE(dialog.credentials().mode, wf::SourceCredentials::Mode::Bearer);
        QVERIFY(dialog.credentials().password.isEmpty());
        QCOMPARE(dialog.credentials().token, QByteArray("tok-1"));

        // A header line that is not "Name: value" blocks OK and says which line.
        auto* headers = dialog.findChild<QPlainTextEdit*>(u"sourceHeaders"_s);
        headers->setPlainText(u"X-Scope-OrgID: tenant-1\nnot a header"_s);
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(dialog.findChild<QLabel*>(u"sourceProblem"_s)->text().contains(u"line 2"_s));
        headers->setPlainText(u"X-Scope-OrgID: tenant-1"_s);
        QVERIFY(okButton(dialog)->isEnabled());

        mode->setCurrentIndex(mode->findData(int(wf::SourceCredentials::Mode::Basic)));
        dialog.adjustSize();
        QCoreApplication::processEvents();
        const QString shot =
            qEnvironmentVariable("WF_SHOT_DIR", QDir::tempPath()) + u"/datasource_dialog.png"_s;
        QVERIFY(dialog.grab().save(shot));
    }
};

QTEST_MAIN(TestSourcesDock)
#include "tst_sourcesdock.moc"
