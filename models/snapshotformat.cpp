// SnapshotFormat: localised numbers with fixed precision, so every page shows a value the same way.
#include "snapshotformat.h"

#include <QLocale>

#include <cmath>

namespace fleetscope {

QString SnapshotFormat::unknown()
{
    return QStringLiteral("—");
}

QString SnapshotFormat::money(std::optional<double> dollars)
{
    if (!dollars)
        return unknown();
    // "-$67.51", not "$-67.51": an amount owed reads with its sign first.
    const double cents = std::round(*dollars * 100);
    if (cents < 0)
        return tr("-$%1").arg(QLocale().toString(-cents / 100, 'f', 2));
    return tr("$%1").arg(QLocale().toString(cents / 100, 'f', 2));
}

QString SnapshotFormat::moneyPerHour(std::optional<double> dollars)
{
    if (!dollars)
        return unknown();
    return tr("%1/hr").arg(money(dollars));
}

QString SnapshotFormat::percent(std::optional<double> value)
{
    if (!value)
        return unknown();
    // Below 10 % a decimal tells idle from barely used; above it the digit is noise.
    return tr("%1 %").arg(QLocale().toString(*value, 'f', std::abs(*value) < 10 ? 1 : 0));
}

QString SnapshotFormat::duration(std::optional<qint64> seconds)
{
    if (!seconds)
        return unknown();
    const qint64 s = std::max<qint64>(0, *seconds);
    const qint64 d = s / 86400;
    const qint64 h = s % 86400 / 3600;
    const qint64 m = s % 3600 / 60;
    if (d > 0)
        return tr("%1 d %2 h").arg(d).arg(h);
    if (h > 0)
        return tr("%1 h %2 min").arg(h).arg(m);
    if (m > 0)
        return tr("%1 min").arg(m);
    return tr("%1 s").arg(s);
}

QString SnapshotFormat::count(std::optional<qint64> value)
{
    return value ? QLocale().toString(*value) : unknown();
}

QString SnapshotFormat::days(std::optional<double> value)
{
    if (!value)
        return unknown();
    return tr("%1 days").arg(QLocale().toString(*value, 'f', 1));
}

QString SnapshotFormat::clockTime(const QDateTime &ts)
{
    const QDateTime local = ts.toLocalTime();
    if (local.date() == QDate::currentDate())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return QLocale().toString(local, QLocale::ShortFormat);
}

} // namespace fleetscope
