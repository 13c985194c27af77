// A loopback GitHub Actions API for tests: completed runs with Link pagination, ETag/304, artifact lists,
// and artifact zips behind a 302 to a second server (another origin) that must never see the token.
// Run and artifact objects are the real ones of the recorded fixtures, with the test's values put in.
#pragma once

#include "simulator/loopbackserver.h"

#include <QDateTime>
#include <QJsonObject>

#include <memory>

namespace fleetscope::test {

struct SimulatedArtifact {
    qint64 id = 0;
    QString name;
    QByteArray zip;
    bool expired = false;
};

struct SimulatedRun {
    qint64 id = 0;
    QString headSha;
    QString headBranch = QStringLiteral("main");
    QString workflowPath = QStringLiteral(".github/workflows/bench.yml");
    QDateTime createdAt;
    QString status = QStringLiteral("completed");
    QList<SimulatedArtifact> artifacts;
};

class GitHubSimulator
{
public:
    GitHubSimulator(QString owner, QString repo, QByteArray token);
    ~GitHubSimulator();

    Result<void> start();
    QUrl apiUrl() const;

    QList<SimulatedRun> runs;            // any order; served newest first by createdAt
    int secondaryLimitOnRequest = 0;     // that API request (1-based) answers 403 with Retry-After once
    int retryAfterSeconds = 60;
    int rateLimitUsedUpOnRequest = 0;    // that API request's answer says 0 remaining until 120 s from now
    int rejectTokenFromRequest = 0;      // from that API request on, the token is refused (401); 0: never

    // What the servers saw.
    int apiRequests = 0;
    int notModified = 0;                 // 304 answers
    int secondaryLimitsServed = 0;
    int unauthorized = 0;                // API requests without the right token
    int storageRequests = 0;
    int storageRequestsWithAuthorization = 0;
    QStringList apiTargets;              // "GET /repos/...?..." of every API request

private:
    LoopbackResponse answerApi(const LoopbackRequest &request);
    LoopbackResponse answerStorage(const LoopbackRequest &request);
    LoopbackResponse listRuns(const LoopbackRequest &request, const QString &workflow);
    LoopbackResponse json(const LoopbackRequest &request, const QByteArray &body, const QByteArray &link = {});

    QString m_owner;
    QString m_repo;
    QByteArray m_token;
    QJsonObject m_runTemplate;
    QJsonObject m_artifactTemplate;
    std::unique_ptr<LoopbackServer> m_api;
    std::unique_ptr<LoopbackServer> m_storage;
};

} // namespace fleetscope::test
