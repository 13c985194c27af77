// Retention timer.
#include "retention.h"

#include "storeservice.h"

namespace fleetscope {

Retention::Retention(StoreService &store, int days, std::chrono::milliseconds firstDelay, std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent), m_store(store), m_days(days > 0 ? days : kDefaultDays), m_interval(interval)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        pruneNow();
        m_timer.start(m_interval);
    });
    m_timer.start(firstDelay);
}

void Retention::pruneNow()
{
    m_store.pruneOlderThan(QDateTime::currentDateTimeUtc().addDays(-m_days));
}

} // namespace fleetscope
