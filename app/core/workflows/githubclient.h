// The GitHub Actions REST calls the workflow collector needs, made one at a time and waited for on the
// calling thread (the CLI, or a worker thread of the GUI): completed runs with Link pagination, ETags
// and the 1000-result cap, a run's artifacts, and artifact zips behind their 302.
#pragma once

#include "credentials/secret.h"
#include "http/httpclient.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>

#include <atomic>
#include <optional>

namespace fleetscope {

struct GitHubRun {
    qint64 id = 0;
    qint64 runNumber = 0;
    QString headSha;
    QString headBranch;
    QString workflowPath;      // ".github/workflows/bench.yml"
    QString conclusion;        // success, failure, cancelled, ...
    QDateTime createdAt;
    QDateTime runStartedAt;
    QDateTime updatedAt;       // when a completed run finished
};

struct GitHubArtifact {
    qint64 id = 0;
    QString name;
    qint64 sizeBytes = 0;
    bool expired = false;
};

// Which runs: completed runs of OWNER/REPO, of one workflow file and branch when given, created in
// [SINCE, UNTIL) when those are valid.
struct GitHubRunQuery {
    QString owner;
    QString repo;
    QString workflow;
    QString branch;
    QDateTime since;
    QDateTime until;
};

// ETags and bodies of list pages, shared by every client of the process: a 304 answer replays the
// page it confirms, and does not count against the rate limit.
class GitHubEtagCache
{
public:
    static GitHubEtagCache &shared();
    struct Entry {
        QByteArray etag;
        QByteArray body;
        QByteArray link;
    };
    std::optional<Entry> find(const QString &url) const;
    void insert(const QString &url, Entry entry);
    void clear();

private:
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

class GitHubClient
{
public:
    struct Options {
        QUrl apiUrl = QUrl(QStringLiteral("https://api.github.com"));
        Secret token;                            // may be empty for public repositories
        qint64 maxArtifactBytes = 256LL * 1024 * 1024;
        qint64 maxRateLimitWaitMs = 60 * 60'000; // longer waits fail as RateLimited
        std::function<void(const QString &)> notice;   // rate-limit waits, for progress output
        const std::atomic_bool *cancelled = nullptr;   // checked before every request and wait
    };

    // HTTP sends the requests; WAITCLOCK paces rate-limit waits (a test clock makes them instant).
    GitHubClient(HttpClient &http, Clock &waitClock, Options options, GitHubEtagCache &cache = GitHubEtagCache::shared());

    // Completed runs matching QUERY, newest first. Ranges over GitHub's 1000-result cap are split by
    // creation date; SHOULDCONTINUE sees each page's runs and returns false to stop listing (a fetch
    // stops at a page it has seen already).
    Result<QList<GitHubRun>> listCompletedRuns(const GitHubRunQuery &query,
                                               const std::function<bool(const QList<GitHubRun> &page)> &shouldContinue = {});
    // How many completed runs QUERY matches, and how many list calls listing them takes.
    struct RunCount {
        qint64 runs = 0;
        qint64 listCalls = 0;
    };
    Result<RunCount> countCompletedRuns(const GitHubRunQuery &query);

    Result<QList<GitHubArtifact>> listArtifacts(const QString &owner, const QString &repo, qint64 runId);
    // The artifact's zip: the API answers 302 to a short-lived storage URL, fetched at once without
    // the token.
    Result<QByteArray> downloadArtifact(const QString &owner, const QString &repo, qint64 artifactId);

    qint64 apiCalls() const { return m_apiCalls; }
    qint64 maxArtifactBytes() const { return m_options.maxArtifactBytes; }

private:
    struct Page {
        QList<GitHubRun> runs;
        qint64 totalCount = 0;
        QUrl next;
    };
    Result<Page> runsPage(const QUrl &url);
    QDateTime rangeEnd(const GitHubRunQuery &query) const;
    QUrl runsUrl(const GitHubRunQuery &query, const QDateTime &from, const QDateTime &to) const;
    Result<QList<GitHubRun>> listRange(const GitHubRunQuery &query, const QDateTime &from, const QDateTime &to,
                                       const std::function<bool(const QList<GitHubRun> &)> &shouldContinue, bool *stopped);
    Result<qint64> countRange(const GitHubRunQuery &query, const QDateTime &from, const QDateTime &to, qint64 *calls);

    // One request, waited for; rate limits answered by waiting and asking again.
    Result<HttpResponse> send(HttpRequest request);
    Result<HttpResponse> sendOnce(const HttpRequest &request);
    Result<void> waitMs(qint64 ms, const QString &why);
    HttpRequest apiRequest(const QUrl &url) const;
    QUrl apiUrl(const QString &path) const;
    bool isCancelled() const { return m_options.cancelled && m_options.cancelled->load(); }

    HttpClient &m_http;
    Clock &m_waitClock;
    Options m_options;
    GitHubEtagCache &m_cache;
    qint64 m_apiCalls = 0;
    qint64 m_resumeAtMs = 0;   // primary limit used up: no request before this time
};

} // namespace fleetscope
