// How snapshot values read in tables and cards: money, percentages, durations; "—" for what is unknown.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <optional>

namespace fleetscope {

class SnapshotFormat
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotFormat)
public:
    // Shown for nullopt: an unknown value must never read as 0.
    static QString unknown();
    static QString money(std::optional<double> dollars);          // "$1.23"
    static QString moneyPerHour(std::optional<double> dollars);   // "$1.23/hr"
    static QString percent(std::optional<double> value);         // "7.5 %", "42 %"
    static QString duration(std::optional<qint64> seconds);      // "3 d 4 h", "5 h 12 min", "45 s"
    static QString count(std::optional<qint64> value);
    static QString days(std::optional<double> value);            // "12.3 days"
    // A moment in local time: the time alone when it is today, date and time otherwise.
    static QString clockTime(const QDateTime &ts);
};

} // namespace fleetscope
