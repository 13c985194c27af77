// Connection setting reads with the same rules the catalog applies when settings are entered.
#include "settingvalues.h"

#include <cmath>

namespace fleetscope {

Result<QUrl> urlSetting(const QJsonObject &settings, const QString &key, bool required)
{
    const QString text = settings.value(key).toString().trimmed();
    if (text.isEmpty()) {
        if (required)
            return fail(ErrorClass::Config, QStringLiteral("%1: required").arg(key));
        return QUrl();
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return fail(ErrorClass::Config, QStringLiteral("%1: not an http(s) URL").arg(key));
    return url;
}

Result<int> integerSetting(const QJsonObject &settings, const QString &key, int fallback, int min, int max)
{
    const QJsonValue value = settings.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    const double n = value.isString() ? value.toString().toDouble() : value.toDouble(std::nan(""));
    if (!std::isfinite(n) || n != std::floor(n) || n < min || n > max)
        return fail(ErrorClass::Config, QStringLiteral("%1: expected a whole number between %2 and %3").arg(key).arg(min).arg(max));
    return int(n);
}

Result<QString> choiceSetting(const QJsonObject &settings, const QString &key, const QString &fallback, const QStringList &choices)
{
    const QJsonValue value = settings.value(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!choices.contains(value.toString()))
        return fail(ErrorClass::Config, QStringLiteral("%1: expected one of %2").arg(key, choices.join(QStringLiteral(", "))));
    return value.toString();
}

} // namespace fleetscope
