// How monitoring connections (metrics endpoints, Prometheus) authenticate: none, a bearer token,
// or HTTP basic with the secret as password; and their secret, which only some of them have.
#pragma once

#include "credentials/secret.h"
#include "credentials/secretref.h"
#include "http/httpclient.h"

#include <optional>

namespace fleetscope {

enum class HttpAuth { None, Bearer, Basic };

// From setting "auth" ("none", "bearer", "basic"), limited to ALLOWED.
Result<HttpAuth> httpAuthSetting(const QJsonObject &settings, const QStringList &allowed);

// Adds the Authorization header AUTH calls for and marks REQUEST as carrying a credential.
void authorize(HttpRequest &request, HttpAuth auth, const QString &username, const Secret &secret);

// Resolves REF when the connection has a secret; without one DONE gets an empty Secret and no
// keychain is asked. DONE runs later, on CONTEXT's thread, in both cases.
void resolveOptionalSecret(const std::optional<SecretRef> &ref, QObject *context, Credentials::SecretDone done);

} // namespace fleetscope
