// Typed reads of a stored connection's settings, each error naming its key: for collectors that
// must not trust settings written by an older build or edited by hand.
#pragma once

#include "error.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace fleetscope {

// An http(s) URL with a host; REQUIRED makes a missing key an error, else an empty QUrl comes back.
Result<QUrl> urlSetting(const QJsonObject &settings, const QString &key, bool required);
// A whole number in MIN..MAX, FALLBACK when the key is missing or null.
Result<int> integerSetting(const QJsonObject &settings, const QString &key, int fallback, int min, int max);
// One of CHOICES, FALLBACK when the key is missing.
Result<QString> choiceSetting(const QJsonObject &settings, const QString &key, const QString &fallback, const QStringList &choices);

} // namespace fleetscope
