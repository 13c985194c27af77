// TimeRange resolution, labels and persistence keys.
#include "timerange.h"

#include <QCoreApplication>

namespace fleetscope {
namespace {

struct PresetInfo {
    TimeRange::Preset preset;
    const char *key;
    qint64 seconds;
    const char *label;
};

constexpr PresetInfo kPresets[] = {
    {TimeRange::Preset::LastHour, "1h", 3600, QT_TRANSLATE_NOOP("TimeRange", "Last hour")},
    {TimeRange::Preset::Last6Hours, "6h", 6 * 3600, QT_TRANSLATE_NOOP("TimeRange", "Last 6 hours")},
    {TimeRange::Preset::Last24Hours, "24h", 24 * 3600, QT_TRANSLATE_NOOP("TimeRange", "Last 24 hours")},
    {TimeRange::Preset::Last7Days, "7d", 7 * 24 * 3600, QT_TRANSLATE_NOOP("TimeRange", "Last 7 days")},
    {TimeRange::Preset::Last30Days, "30d", 30 * 24 * 3600, QT_TRANSLATE_NOOP("TimeRange", "Last 30 days")},
};

const PresetInfo *infoFor(TimeRange::Preset preset)
{
    for (const PresetInfo &info : kPresets) {
        if (info.preset == preset)
            return &info;
    }
    return nullptr;
}

} // namespace

TimeRange TimeRange::preset(Preset preset)
{
    TimeRange range;
    range.m_preset = preset == Preset::Custom ? Preset::Last24Hours : preset;
    return range;
}

TimeRange TimeRange::custom(QDateTime from, QDateTime to)
{
    TimeRange range;
    range.m_preset = Preset::Custom;
    range.m_from = from.toUTC();
    range.m_to = to.toUTC();
    if (range.m_to < range.m_from)
        std::swap(range.m_from, range.m_to);
    return range;
}

QDateTime TimeRange::from(const QDateTime &now) const
{
    if (m_preset == Preset::Custom)
        return m_from;
    return now.addSecs(-infoFor(m_preset)->seconds);
}

QDateTime TimeRange::to(const QDateTime &now) const
{
    return m_preset == Preset::Custom ? m_to : now;
}

QString TimeRange::label() const
{
    if (m_preset == Preset::Custom) {
        return QCoreApplication::translate("TimeRange", "%1 – %2")
            .arg(m_from.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                 m_to.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));   // stored in UTC, read in local time
    }
    return QCoreApplication::translate("TimeRange", infoFor(m_preset)->label);
}

QString TimeRange::settingsKey() const
{
    if (m_preset == Preset::Custom)
        return QStringLiteral("custom:") + m_from.toString(Qt::ISODate) + QLatin1Char('/') + m_to.toString(Qt::ISODate);
    return QString::fromLatin1(infoFor(m_preset)->key);
}

TimeRange TimeRange::fromSettingsKey(const QString &key)
{
    for (const PresetInfo &info : kPresets) {
        if (key == QLatin1String(info.key))
            return preset(info.preset);
    }
    if (key.startsWith(QLatin1String("custom:"))) {
        const QStringList parts = key.mid(7).split(QLatin1Char('/'));
        if (parts.size() == 2) {
            const QDateTime from = QDateTime::fromString(parts[0], Qt::ISODate);
            const QDateTime to = QDateTime::fromString(parts[1], Qt::ISODate);
            if (from.isValid() && to.isValid())
                return custom(from, to);
        }
    }
    return preset(Preset::Last24Hours);
}

} // namespace fleetscope
