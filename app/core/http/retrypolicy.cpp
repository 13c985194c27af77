// Backoff arithmetic and the Retry-After parser (HTTP-date parsed by hand: Qt rejects "GMT").
#include "retrypolicy.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace fleetscope {

qint64 RetryPolicy::backoffMs(int failedAttempts, double unit) const
{
    const int doublings = std::clamp(failedAttempts - 1, 0, 30);
    const double exponential = std::min<double>(double(baseDelayMs) * std::pow(2.0, doublings), double(maxDelayMs));
    const double factor = 1.0 + jitter * (2.0 * std::clamp(unit, 0.0, 1.0) - 1.0);
    return std::clamp<qint64>(qint64(std::llround(exponential * factor)), 0, maxDelayMs);
}

bool isRetryableStatus(int status)
{
    return status == 429 || (status >= 500 && status <= 599);
}

namespace {

std::optional<qint64> parseHttpDate(const QByteArray &value)
{
    static const char *const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    int month = 0;
    QList<int> numbers;   // day, then year, in all three formats
    QTime time;
    QByteArray token;
    const QByteArray input = value + ' ';
    for (char c : input) {
        if (c != ' ' && c != ',' && c != '-') {
            token += c;
            continue;
        }
        if (token.isEmpty())
            continue;
        if (token.contains(':')) {
            time = QTime::fromString(QString::fromLatin1(token), QStringLiteral("HH:mm:ss"));
        } else if (bool ok = false; token.toInt(&ok), ok) {
            numbers.append(token.toInt());
        } else {
            for (int m = 0; m < 12; ++m) {
                if (token.size() == 3 && qstrnicmp(token.constData(), months[m], 3) == 0)
                    month = m + 1;
            }
        }
        token.clear();
    }
    if (month == 0 || numbers.size() != 2 || !time.isValid())
        return std::nullopt;
    int year = numbers.at(1);
    if (year < 100)   // RFC 850 two-digit years: RFC 9110 reads them as the nearest past century
        year += year < 70 ? 2000 : 1900;
    const QDate date(year, month, numbers.at(0));
    if (!date.isValid())
        return std::nullopt;
    return QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

std::optional<qint64> parseRetryAfter(QByteArrayView value, qint64 nowMs)
{
    const QByteArray trimmed = value.toByteArray().trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    if (isNumber) {
        if (seconds < 0)
            return std::nullopt;
        // Clamped only so the multiplication cannot overflow; the policy applies the real cap.
        return std::min<qint64>(seconds, 365LL * 24 * 3600) * 1000;
    }
    const std::optional<qint64> at = parseHttpDate(trimmed);
    if (!at)
        return std::nullopt;
    return std::max<qint64>(0, *at - nowMs);
}

} // namespace fleetscope
