// Names of error classes, shared by the CLI, the logs and the UI.
#include "error.h"

namespace fleetscope {

QString errorClassName(ErrorClass kind)
{
    switch (kind) {
    case ErrorClass::Auth: return QStringLiteral("auth");
    case ErrorClass::RateLimited: return QStringLiteral("rate-limited");
    case ErrorClass::Unavailable: return QStringLiteral("unavailable");
    case ErrorClass::BadData: return QStringLiteral("bad-data");
    case ErrorClass::Billing: return QStringLiteral("billing");
    case ErrorClass::Config: return QStringLiteral("config");
    case ErrorClass::Storage: return QStringLiteral("storage");
    case ErrorClass::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString describe(const Error &error)
{
    return errorClassName(error.kind) + QStringLiteral(": ") + error.message;
}

} // namespace fleetscope
