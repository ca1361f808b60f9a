#include "Dashboard.h"

#include <algorithm>
#include <tuple>

namespace wf::dashboard {

Panel* Dashboard::panel(int id)
{
    for (Panel& p : panels) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const Panel* Dashboard::panel(int id) const
{
    return const_cast<Dashboard*>(this)->panel(id);
}

QList<const Panel*> Dashboard::allPanels() const
{
    // Sort key: grid row, then "inside a collapsed row header" after the header itself, then position.
    using Key = std::tuple<int, int, int, int>;
    QList<std::pair<Key, const Panel*>> keyed;
    for (const Panel& p : panels)
        keyed.append({Key{p.gridPos.y, 0, 0, p.gridPos.x}, &p});
    for (const Row& r : rows) {
        for (const Panel& p : r.panels)
            keyed.append({Key{r.y, 1, p.gridPos.y, p.gridPos.x}, &p});
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QList<const Panel*> out;
    out.reserve(keyed.size());
    for (const auto& k : std::as_const(keyed))
        out.append(k.second);
    return out;
}

const Row* Dashboard::rowOf(const Panel& panel) const
{
    const Row* found = nullptr;
    for (const Row& r : rows) {
        if (r.y < panel.gridPos.y && (!found || r.y > found->y))
            found = &r;
    }
    return found;
}

int Dashboard::nextId() const
{
    int maxId = 0;
    for (const Panel* p : allPanels())
        maxId = std::max(maxId, p->id);
    for (const Row& r : rows)
        maxId = std::max(maxId, r.id);
    return maxId + 1;
}

} // namespace wf::dashboard
