// testHint: one sentence per error class, naming the provider's own page where it has one.
#include "testhint.h"

#include <QCoreApplication>

namespace fleetscope {

QString testHint(const Error &error, const ProviderKind &kind)
{
    // lupdate files these under the namespace, so they are looked up there.
    auto tr = [](const char *text) { return QCoreApplication::translate("fleetscope", text); };
    switch (error.kind) {
    case ErrorClass::Auth:
        if (!kind.secretHelpUrl.isEmpty())
            return tr("The %1 was rejected; create a key with read access at %2.").arg(kind.secretLabel, kind.secretHelpUrl);
        return tr("The credentials were rejected; check them with %1.").arg(kind.displayName);
    case ErrorClass::RateLimited:
        return tr("%1 is limiting requests right now; test again in a minute.").arg(kind.displayName);
    case ErrorClass::Unavailable:
        return tr("%1 could not be reached; check the URL, your network and any proxy.").arg(kind.displayName);
    case ErrorClass::BadData:
        return tr("The answer is not what %1 sends; check that the URL points at its API.").arg(kind.displayName);
    case ErrorClass::Billing:
        return tr("The %1 account has a billing problem; check it in the provider's console.").arg(kind.displayName);
    case ErrorClass::Config:
        return tr("Check the connection's settings.");
    case ErrorClass::Storage:
    case ErrorClass::Cancelled:
        break;
    }
    return QString();
}

} // namespace fleetscope
