// Retention: prunes snapshots and samples older than N days, and jobs older than their own number
// of days (RUNPOD_JOB_RETENTION_DAYS), shortly after start and then daily.
#pragma once

#include <QObject>
#include <QTimer>

namespace fleetscope {

class StoreService;

class Retention : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultDays = 90;
    static constexpr int kDefaultJobDays = 90;

    // RUNPOD_JOB_RETENTION_DAYS when it is a positive whole number, else kDefaultJobDays.
    static int jobDaysFromEnvironment();

    // Days that are not positive mean the defaults. FIRST_DELAY keeps pruning out of start-up;
    // INTERVAL is a day unless a test says otherwise.
    Retention(StoreService &store, int days, int jobDays, std::chrono::milliseconds firstDelay = std::chrono::minutes(1),
              std::chrono::milliseconds interval = std::chrono::hours(24), QObject *parent = nullptr);

    int days() const { return m_days; }
    int jobDays() const { return m_jobDays; }
    void pruneNow();

private:
    StoreService &m_store;
    int m_days;
    int m_jobDays;
    QTimer m_timer;
    std::chrono::milliseconds m_interval;
};

} // namespace fleetscope
