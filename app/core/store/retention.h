// Retention: prunes snapshots, samples and jobs older than N days, shortly after start and then daily.
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

    // FIRST_DELAY keeps pruning out of start-up; INTERVAL is a day unless a test says otherwise.
    Retention(StoreService &store, int days, std::chrono::milliseconds firstDelay = std::chrono::minutes(1),
              std::chrono::milliseconds interval = std::chrono::hours(24), QObject *parent = nullptr);

    int days() const { return m_days; }
    void pruneNow();

private:
    StoreService &m_store;
    int m_days;
    QTimer m_timer;
    std::chrono::milliseconds m_interval;
};

} // namespace fleetscope
