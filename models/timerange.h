// The global time range every page follows: a preset relative to now, or a fixed custom span.
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace fleetscope {

class TimeRange
{
public:
    enum class Preset { LastHour, Last6Hours, Last24Hours, Last7Days, Last30Days, Custom };

    TimeRange() = default;
    static TimeRange preset(Preset preset);
    static TimeRange custom(QDateTime from, QDateTime to);

    Preset kind() const { return m_preset; }
    // Resolved against NOW for presets; custom ranges ignore it.
    QDateTime from(const QDateTime &now) const;
    QDateTime to(const QDateTime &now) const;

    QString label() const;           // "Last 24 hours", translated
    QString settingsKey() const;     // "24h", "custom:<from>/<to>"
    static TimeRange fromSettingsKey(const QString &key);   // unknown keys: last 24 hours

    friend bool operator==(const TimeRange &, const TimeRange &) = default;

private:
    Preset m_preset = Preset::Last24Hours;
    QDateTime m_from;
    QDateTime m_to;
};

} // namespace fleetscope

Q_DECLARE_METATYPE(fleetscope::TimeRange)
