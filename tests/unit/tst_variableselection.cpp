// Picking variable values: the rules of "All" in multi-value variables, and selections remembered per
// dashboard in settings (bounded, by name, not for constants).

#include "dashboard/VariableSelection.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wf::dashboard;

namespace {

Variable multiJob()
{
    Variable v;
    v.name = u"job"_s;
    v.kind = VariableKind::Query;
    v.multi = true;
    v.includeAll = true;
    v.options = {{u"api"_s, u"api"_s}, {u"db"_s, u"db"_s}, {u"web"_s, u"web"_s}};
    v.current = {u"api"_s};
    return v;
}

} // namespace

class TestVariableSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void allRules()
    {
        const QString all = kAllValue.toString();
        Variable v = multiJob();
        QVERIFY(applySelection(v, {u"api"_s, u"db"_s}));
        QCOMPARE(v.current, (QStringList{u"api"_s, u"db"_s}));
        // Picking All replaces the values.
        QVERIFY(applySelection(v, {u"api"_s, u"db"_s, all}));
        QCOMPARE(v.current, QStringList{all});
        // A value picked while All is on replaces All.
        QVERIFY(applySelection(v, {all, u"web"_s}));
        QCOMPARE(v.current, QStringList{u"web"_s});
        // Nothing picked: All, since it is offered.
        QVERIFY(applySelection(v, {}));
        QCOMPARE(v.current, QStringList{all});
        QVERIFY(!applySelection(v, {all}));

        Variable single = multiJob();
        single.multi = false;
        single.includeAll = false;
        QVERIFY(applySelection(single, {u"db"_s, u"web"_s}));
        QCOMPARE(single.current, QStringList{u"db"_s});
        QVERIFY(applySelection(single, {}));
        QCOMPARE(single.current, QStringList{u"api"_s});
    }

    void rememberedPerDashboard()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        Variable job = multiJob();
        job.current = {u"db"_s, u"web"_s};
        Variable constant;
        constant.name = u"prefix"_s;
        constant.kind = VariableKind::Constant;
        constant.current = {u"secret-ish"_s};
        const QString key = selectionKey(u"node/full"_s, u"Node"_s);
        saveSelections(settings, key, {job, constant});
        settings.sync();

        QSettings reread(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        QList<Variable> fresh = {multiJob(), constant};
        fresh[1].current = {u"other"_s};
        QCOMPARE(restoreSelections(reread, key, fresh), 1);
        QCOMPARE(fresh[0].current, (QStringList{u"db"_s, u"web"_s}));
        QCOMPARE(fresh[1].current, QStringList{u"other"_s}); // constants are not picked, so not restored

        // Another dashboard does not see them.
        QList<Variable> elsewhere = {multiJob()};
        QCOMPARE(restoreSelections(reread, selectionKey(u"other"_s, u"Node"_s), elsewhere), 0);
        QCOMPARE(elsewhere[0].current, QStringList{u"api"_s});
        // A dashboard without uid is known by its title.
        QCOMPARE(selectionKey({}, u"Node"_s), u"title:Node"_s);
        QVERIFY(selectionKey(u"x"_s, u"Node"_s) != selectionKey({}, u"Node"_s));
    }

    void restoredSingleValueKeepsOne()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        Variable job = multiJob();
        job.current = {u"db"_s, u"web"_s};
        saveSelections(settings, u"k"_s, {job});
        QList<Variable> now = {multiJob()};
        now[0].multi = false; // the dashboard changed since
        QCOMPARE(restoreSelections(settings, u"k"_s, now), 1);
        QCOMPARE(now[0].current, QStringList{u"db"_s});
    }

    void serviceVariableForASpansService()
    {
        Variable job = multiJob();
        Variable service = multiJob();
        service.name = u"Service"_s; // names compare case-insensitively
        service.options = {{u"checkout"_s, u"checkout"_s}, {u"payments"_s, u"payments"_s}};
        Variable constant;
        constant.name = u"service_name"_s;
        constant.kind = VariableKind::Constant;
        constant.query = u"checkout"_s;
        constant.options = {{u"checkout"_s, u"checkout"_s}};

        // $service beats $job when both offer the value; a constant is never picked.
        job.options.append({u"checkout"_s, u"checkout"_s});
        QCOMPARE(serviceVariableIndex({constant, job, service}, u"checkout"_s), 2);
        // Only $job offers "api".
        QCOMPARE(serviceVariableIndex({constant, job, service}, u"api"_s), 1);
        // Nobody offers it, no free-text variable: none.
        QCOMPARE(serviceVariableIndex({constant, job, service}, u"gateway"_s), -1);
        QCOMPARE(serviceVariableIndex({job}, QString()), -1);
        // A text box takes any value.
        Variable box;
        box.name = u"app"_s;
        box.kind = VariableKind::TextBox;
        QCOMPARE(serviceVariableIndex({job, box}, u"gateway"_s), 1);
        // Hidden ones and other names are not the service.
        service.hidden = true;
        Variable other = multiJob();
        other.name = u"instance"_s;
        other.options = {{u"checkout"_s, u"checkout"_s}};
        QCOMPARE(serviceVariableIndex({service, other}, u"checkout"_s), -1);
    }
};

QTEST_GUILESS_MAIN(TestVariableSelection)
#include "tst_variableselection.moc"
