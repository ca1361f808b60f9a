#include "YamlToJson.h"

#include "DashboardFormat.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>
#include <yaml-cpp/yaml.h>

namespace wf::dashboard {

namespace {

struct TooDeep
{};
struct TooLarge
{};

// Aliases let a small YAML file describe an exponentially large tree ("billion laughs"); converting
// stops after this many nodes.
constexpr int kMaxNodes = 500000;

QJsonValue scalar(const YAML::Node& node)
{
    const std::string& text = node.Scalar();
    const QString s = QString::fromStdString(text);
    if (node.Tag() != "?") // quoted or explicitly tagged: a string
        return s;
    if (s == u"true" || s == u"True" || s == u"TRUE")
        return true;
    if (s == u"false" || s == u"False" || s == u"FALSE")
        return false;
    if (s.isEmpty() || s == u"~" || s == u"null" || s == u"Null" || s == u"NULL")
        return QJsonValue(QJsonValue::Null);
    bool isNumber = false;
    const double d = s.toDouble(&isNumber);
    if (isNumber && std::isfinite(d) && !s.startsWith(u'+'))
        return d;
    return s;
}

QJsonValue convert(const YAML::Node& node, int depth, int& budget)
{
    if (depth > kMaxJsonDepth)
        throw TooDeep{};
    if (--budget < 0)
        throw TooLarge{};
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return scalar(node);
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node& item : node)
            array.append(convert(item, depth + 1, budget));
        return array;
    }
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto& item : node) {
            if (!item.first.IsScalar())
                continue; // complex keys have no JSON form; no dashboard uses them
            object.insert(QString::fromStdString(item.first.Scalar()),
                          convert(item.second, depth + 1, budget));
        }
        return object;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

} // namespace

std::optional<QJsonObject> yamlToJson(const QByteArray& bytes, QString* error)
{
    try {
        const YAML::Node root = YAML::Load(bytes.toStdString());
        if (!root.IsMap()) {
            *error = QCoreApplication::translate("DashboardFormat", "The YAML file does not hold a mapping.");
            return std::nullopt;
        }
        int budget = kMaxNodes;
        return convert(root, 0, budget).toObject();
    } catch (const TooDeep&) {
        *error =
            QCoreApplication::translate(
                "DashboardFormat", "The file nests objects more than %1 levels deep; no dashboard does that.")
                .arg(kMaxJsonDepth);
    } catch (const TooLarge&) {
        *error =
            QCoreApplication::translate(
                "DashboardFormat", "The YAML file expands to more than %1 values; no dashboard does that.")
                .arg(kMaxNodes);
    } catch (const YAML::Exception& e) {
        *error = QCoreApplication::translate("DashboardFormat",
                                             "The file is neither valid JSON nor valid YAML (%1).")
                     .arg(QString::fromStdString(e.what()).left(300));
    }
    return std::nullopt;
}

} // namespace wf::dashboard
