#pragma once

#include <QAbstractTableModel>
#include <QList>

#include <algorithm>
#include <type_traits>
#include <vector>

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

// A table of newest-first rows that refreshes by inserting on top and cutting the tail (see
// freshRowsOnTop) rather than resetting, so selection and scroll position survive a live refresh.
template<typename Row>
class NewestFirstTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    // Shows `rows` (newest first; keyOf gives a row's identity). Returns how many of them are fresh
    // (inserted on top; rows[fresh..] were already shown and may be compared by the caller), or -1
    // when the model was reset and took them.
    template<typename KeyOf>
    qsizetype replaceNewestFirst(std::vector<Row>& rows, KeyOf keyOf)
    {
        using Key = std::decay_t<std::invoke_result_t<KeyOf, const Row&>>;
        QList<Key> oldKeys;
        QList<Key> newKeys;
        oldKeys.reserve(qsizetype(m_rows.size()));
        newKeys.reserve(qsizetype(rows.size()));
        for (const Row& r : m_rows)
            oldKeys.append(keyOf(r));
        for (const Row& r : rows)
            newKeys.append(keyOf(r));
        const qsizetype fresh = freshRowsOnTop(oldKeys, newKeys);
        if (fresh < 0 || m_rows.empty()) {
            beginResetModel();
            m_rows = std::move(rows);
            endResetModel();
            return -1;
        }
        const qsizetype kept = newKeys.size() - fresh;
        if (kept < qsizetype(m_rows.size())) {
            beginRemoveRows({}, int(kept), int(m_rows.size()) - 1);
            m_rows.resize(size_t(kept));
            endRemoveRows();
        }
        if (fresh > 0) {
            beginInsertRows({}, 0, int(fresh) - 1);
            m_rows.insert(m_rows.begin(), rows.begin(), rows.begin() + fresh);
            endInsertRows();
        }
        return fresh;
    }

    std::vector<Row> m_rows;
};

} // namespace wf::items
