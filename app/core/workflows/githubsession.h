// The clients one GitHub fetch needs, made and used on one thread (the CLI's, or a worker of the GUI).
#pragma once

#include "githubclient.h"

#include <QNetworkAccessManager>

#include <memory>

namespace fleetscope {

struct GitHubSessionOptions {
    QString apiUrl;                                    // empty: $GITHUB_API_URL, else https://api.github.com
    QString tokenEnv;                                  // empty: the keychain entry of the API host
    std::function<void(const QString &)> notice;       // rate-limit waits
    const std::atomic_bool *cancelled = nullptr;
};

struct GitHubSession {
    QNetworkAccessManager nam;
    SystemClock clock;
    std::unique_ptr<HttpClient> http;
    std::unique_ptr<GitHubClient> client;
};

// Resolves the API URL and the token (Config/Auth/Unavailable errors naming them, never the token)
// and makes the clients.
Result<std::unique_ptr<GitHubSession>> openGitHubSession(const GitHubSessionOptions &options);

} // namespace fleetscope
