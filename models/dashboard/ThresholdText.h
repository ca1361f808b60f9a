#pragma once

// Thresholds as one line the panel editor can show and take back: "green; 80 orange; 90 red" (the base
// colour first, then "value colour" steps in ascending order; a trailing "%" on the first value makes
// them percentages of the panel's min..max).

#include "Panel.h"

#include <QString>

#include <optional>

namespace wf::dashboard {

QString thresholdsToText(const Thresholds& thresholds);
// nullopt with `error` set (translated, naming the bad part) when the text is not valid; an empty
// text is no thresholds.
std::optional<Thresholds> thresholdsFromText(const QString& text, QString* error);

} // namespace wf::dashboard
