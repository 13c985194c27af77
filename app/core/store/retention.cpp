// Retention timer and the job retention setting.
#include "retention.h"

#include "logging.h"
#include "storeservice.h"

namespace fleetscope {

int Retention::jobDaysFromEnvironment()
{
    const QByteArray value = qgetenv("RUNPOD_JOB_RETENTION_DAYS").trimmed();
    if (value.isEmpty())
        return kDefaultJobDays;
    bool ok = false;
    const int days = value.toInt(&ok);
    if (ok && days > 0)
        return days;
    qCWarning(lcStore) << "RUNPOD_JOB_RETENTION_DAYS is not a positive number of days; keeping jobs" << kDefaultJobDays << "days";
    return kDefaultJobDays;
}

Retention::Retention(StoreService &store, int days, int jobDays, std::chrono::milliseconds firstDelay, std::chrono::milliseconds interval,
                     QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_days(days > 0 ? days : kDefaultDays)
    , m_jobDays(jobDays > 0 ? jobDays : kDefaultJobDays)
    , m_interval(interval)
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
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_store.pruneOlderThan(now.addDays(-m_days), now.addDays(-m_jobDays));
}

} // namespace fleetscope
