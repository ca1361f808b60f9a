#include "Panel.h"

#include <array>
#include <utility>

namespace wf::dashboard {

namespace {

template<typename E, size_t N>
QString nameOf(const std::array<std::pair<E, const char16_t*>, N>& table, E value)
{
    for (const auto& [e, name] : table) {
        if (e == value)
            return QString::fromUtf16(name);
    }
    return {};
}

template<typename E, size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char16_t*>, N>& table, const QString& name)
{
    for (const auto& [e, n] : table) {
        if (name == QStringView(n))
            return e;
    }
    return std::nullopt;
}

constexpr std::array kPanelTypes{std::pair{PanelType::TimeSeries, u"timeseries"},
                                 std::pair{PanelType::Stat, u"stat"},
                                 std::pair{PanelType::Gauge, u"gauge"},
                                 std::pair{PanelType::BarGauge, u"bargauge"},
                                 std::pair{PanelType::Table, u"table"},
                                 std::pair{PanelType::Heatmap, u"heatmap"},
                                 std::pair{PanelType::Text, u"text"},
                                 std::pair{PanelType::Logs, u"logs"},
                                 std::pair{PanelType::Unknown, u"unknown"}};

constexpr std::array kDrawStyles{std::pair{DrawStyle::Lines, u"line"}, std::pair{DrawStyle::Bars, u"bars"},
                                 std::pair{DrawStyle::Points, u"points"}};

constexpr std::array kStackings{std::pair{Stacking::None, u"none"}, std::pair{Stacking::Normal, u"normal"},
                                std::pair{Stacking::Percent, u"percent"}};

constexpr std::array kLegendCalcs{
    std::pair{LegendCalc::Min, u"min"},   std::pair{LegendCalc::Max, u"max"},
    std::pair{LegendCalc::Mean, u"mean"}, std::pair{LegendCalc::Last, u"last"},
    std::pair{LegendCalc::Mean, u"avg"},  std::pair{LegendCalc::Last, u"lastNotNull"}};

} // namespace

QString panelTypeName(PanelType type)
{
    return nameOf(kPanelTypes, type);
}

PanelType panelTypeFromName(const QString& name)
{
    return valueOf(kPanelTypes, name).value_or(PanelType::Unknown);
}

QString drawStyleName(DrawStyle style)
{
    return nameOf(kDrawStyles, style);
}

std::optional<DrawStyle> drawStyleFromName(const QString& name)
{
    return valueOf(kDrawStyles, name);
}

QString stackingName(Stacking stacking)
{
    return nameOf(kStackings, stacking);
}

std::optional<Stacking> stackingFromName(const QString& name)
{
    return valueOf(kStackings, name);
}

QString legendCalcName(LegendCalc calc)
{
    return nameOf(kLegendCalcs, calc);
}

std::optional<LegendCalc> legendCalcFromName(const QString& name)
{
    return valueOf(kLegendCalcs, name);
}

} // namespace wf::dashboard
