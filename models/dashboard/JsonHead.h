#pragma once

// The first `max` elements of a JSON array: how importers bound lists from untrusted files.

#include <QJsonArray>

namespace wf::dashboard {

inline QJsonArray jsonHead(const QJsonArray& array, qsizetype max)
{
    if (array.size() <= max)
        return array;
    QJsonArray out;
    for (qsizetype i = 0; i < max; ++i)
        out.append(array.at(i));
    return out;
}

} // namespace wf::dashboard
