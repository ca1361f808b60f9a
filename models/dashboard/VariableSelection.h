#pragma once

// What the user picks in a dashboard's variable bar: the rules of a multi-value selection with "All",
// and remembering the picks per dashboard across runs (QSettings; values only, never credentials).

#include "Variable.h"

#include <QList>
#include <QString>
#include <QStringList>

class QSettings;

namespace wf::dashboard {

// Applies a pick to the variable's `current`: "All" (kAllValue) replaces every other value; a value
// picked while "All" was selected replaces "All"; a single-value variable keeps only the first; an
// empty pick falls back to "All" when offered, else the first option. Returns true when it changed.
bool applySelection(Variable& variable, const QStringList& picked);

// The settings key of a dashboard: its uid, or its title when it has none yet.
QString selectionKey(const QString& uid, const QString& title);

// Remembers the selections of the variables a user can pick (not constants, not hidden ones).
void saveSelections(QSettings& settings, const QString& dashboardKey, const QList<Variable>& variables);
// Puts remembered selections into `variables` (by name; bounded in count and length). Values that are
// no longer options are dropped later by reconcileSelection. Returns how many variables it changed.
int restoreSelections(const QSettings& settings, const QString& dashboardKey, QList<Variable>& variables);

// The variable through which a dashboard shows one service (a span's "metrics of this service" link):
// the first pickable one named like a service label (service, service_name, job, app, application,
// container, case-insensitive) that offers `service` as a value, or that takes free values (custom
// text box). -1 when there is none: the dashboard is then only moved in time.
int serviceVariableIndex(const QList<Variable>& variables, const QString& service);

} // namespace wf::dashboard
