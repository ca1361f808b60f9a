#pragma once

#include <QList>

#include <algorithm>

namespace wf::items {

// How a newest-first list changed between two refreshes, so a view can keep its selection and scroll
// position instead of being reset: `fresh` rows arrived on top and the rest is the old list cut short.
// Returns the number of fresh rows, or -1 when the new list is not of that shape (a new search, a
// pause lifted after the old rows aged out) and the model must reset.
template<typename Key>
qsizetype freshRowsOnTop(const QList<Key>& oldKeys, const QList<Key>& newKeys)
{
    if (oldKeys.isEmpty())
        return newKeys.size();
    const qsizetype at = newKeys.indexOf(oldKeys.first());
    if (at < 0)
        return -1; // the old top is gone: more rows arrived than the list holds, or another query
    const qsizetype kept = newKeys.size() - at;
    if (kept > oldKeys.size())
        return -1;
    if (!std::equal(newKeys.cbegin() + at, newKeys.cend(), oldKeys.cbegin()))
        return -1;
    return at;
}

} // namespace wf::items
