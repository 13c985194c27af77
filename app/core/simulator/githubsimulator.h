// A loopback GitHub Actions API (tests and `simulate --github`): completed runs with Link pagination,
// ETag/304, artifact lists, and artifact zips behind a 302 to a second server (another origin) that
// must never see the token. Run and artifact objects are real recorded ones (resources/github), with
// the simulated values put in.
#pragma once

#include "simulator/loopbackserver.h"

#include <QDateTime>
#include <QJsonObject>

#include <memory>

namespace fleetscope {

// The demo repository `fleetscope simulate --github` serves, and the token it accepts.
namespace githubdemo {
inline constexpr char kOwner[] = "fleetscope-demo";
inline constexpr char kRepo[] = "inference-engine";
inline constexpr char kToken[] = "ghp_simulated_demo_token";
inline constexpr char kWorkflow[] = "bench.yml";
inline constexpr int kRuns = 8;
} // namespace githubdemo

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

    // A demo repository for `simulate --github`: COUNT completed runs of bench.yml on main, twelve hours
    // apart up to NOW, each with a benchmark-results artifact (Google Benchmark JSON and a CSV); the
    // newest run is about 20% slower on one benchmark, a regression to find. SEED varies the noise.
    void addDemoRuns(const QDateTime &now, int count, quint64 seed);

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

} // namespace fleetscope
