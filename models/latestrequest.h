// Drops answers to questions the user no longer asks: each new request makes older ones stale.
#pragma once

#include <QtGlobal>

namespace fleetscope {

class LatestRequest
{
public:
    // A ticket for a request about to start; every earlier ticket stops being current.
    quint64 begin() { return ++m_current; }
    bool isCurrent(quint64 ticket) const { return ticket == m_current; }

private:
    quint64 m_current = 0;
};

} // namespace fleetscope
