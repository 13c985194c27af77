// Errors as values: every module boundary returns Result<T>, and the class drives both retry policy and UI.
#pragma once

#include <QString>
#include <QMetaType>
#include <expected>

namespace fleetscope {

enum class ErrorClass {
    Auth,          // credential missing, rejected or expired
    RateLimited,   // 429 or a provider's own throttle signal
    Unavailable,   // network failure, timeout, 5xx, circuit open
    BadData,       // the answer or the file could not be understood
    Billing,       // account out of funds or over a spend limit
    Config,        // the user's settings are wrong or incomplete
    Storage,       // the local or shared store failed
    Cancelled,     // the user or shutdown cancelled the work
};

struct Error {
    ErrorClass kind = ErrorClass::Config;
    QString message;           // one line, names its source, never a secret
    int retryAfterMs = -1;     // from Retry-After when the server gave one

    static Error make(ErrorClass kind, QString message) { return Error{kind, std::move(message), -1}; }
    bool isTransient() const { return kind == ErrorClass::Unavailable || kind == ErrorClass::RateLimited; }
};

QString errorClassName(ErrorClass kind);   // stable, lowercase: "auth", "rate-limited", ...
QString describe(const Error &error);      // "rate-limited: <message>"

template<typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorClass kind, QString message)
{
    return std::unexpected<Error>(Error::make(kind, std::move(message)));
}

} // namespace fleetscope

Q_DECLARE_METATYPE(fleetscope::Error)
