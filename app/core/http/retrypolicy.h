// When a failed HTTP attempt is tried again, and after how long: backoff, jitter and Retry-After.
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <optional>

namespace fleetscope {

struct RetryPolicy {
    qint64 baseDelayMs = 500;             // wait after the first failed attempt
    qint64 maxDelayMs = 30'000;           // backoff never grows beyond this
    double jitter = 0.2;                  // ± fraction, so many clients do not retry in step
    qint64 maxRetryAfterMs = 5 * 60'000;  // a server asking for longer than this gets an error instead

    // Delay before the next attempt after FAILEDATTEMPTS (>= 1) failures; UNIT in [0, 1) picks
    // the point inside the jitter band (0.5 is the undisturbed exponential value).
    qint64 backoffMs(int failedAttempts, double unit) const;
};

// Retryable by status alone: server errors and throttling. Other 4xx mean the request is wrong.
bool isRetryableStatus(int status);

// A Retry-After value as milliseconds from NOWMS: delta-seconds or an HTTP-date (IMF-fixdate,
// RFC 850 or asctime). Dates in the past give 0; unparseable values give nullopt.
std::optional<qint64> parseRetryAfter(QByteArrayView value, qint64 nowMs);

} // namespace fleetscope
