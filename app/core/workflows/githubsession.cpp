// openGitHubSession: URL and token first, so nothing is built when either is missing.
#include "githubsession.h"

#include "githubtoken.h"

namespace fleetscope {

Result<std::unique_ptr<GitHubSession>> openGitHubSession(const GitHubSessionOptions &options)
{
    Result<QUrl> apiUrl = gitHubApiUrl(options.apiUrl);
    if (!apiUrl)
        return std::unexpected(apiUrl.error());
    Result<Secret> token = resolveGitHubToken(*apiUrl, options.tokenEnv);
    if (!token)
        return std::unexpected(token.error());
    auto session = std::make_unique<GitHubSession>();
    session->http = std::make_unique<HttpClient>(&session->nam, session->clock);
    GitHubClient::Options client;
    client.apiUrl = *apiUrl;
    client.token = std::move(*token);
    client.notice = options.notice;
    client.cancelled = options.cancelled;
    session->client = std::make_unique<GitHubClient>(*session->http, session->clock, std::move(client));
    return session;
}

} // namespace fleetscope
