// Where the GitHub API lives and where its token comes from: one keychain entry per API host, or an
// environment variable the user names.
#pragma once

#include "credentials/credentials.h"

#include <QUrl>

namespace fleetscope {

// TEXT, else $GITHUB_API_URL, else https://api.github.com; a Config error for anything but an
// http(s) URL with a host.
Result<QUrl> gitHubApiUrl(const QString &text);

// The keychain entry holding the token for API_URL's host: "github/api.github.com".
Credentials::Entry gitHubTokenEntry(const QUrl &apiUrl);

// The token from ENVVARIABLE when one is named (it must be set), else from the keychain entry of
// API_URL. Errors name the variable or the host, never the token.
Result<Secret> resolveGitHubToken(const QUrl &apiUrl, const QString &envVariable, const Credentials &credentials = Credentials());

} // namespace fleetscope
