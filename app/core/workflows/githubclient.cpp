// GitHubClient: requests waited for in a local event loop, rate limits waited out, pages followed by Link.
#include "githubclient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <optional>

namespace fleetscope {
namespace {

constexpr int kPerPage = 100;
constexpr int kResultCap = 1000;             // GitHub answers at most this many results per filtered list
constexpr int kMaxPages = kResultCap / kPerPage;
constexpr int kMaxRateLimitRetries = 6;
constexpr qint64 kSecondaryLimitWaitMs = 60'000;   // GitHub: wait at least a minute without Retry-After

QString oneLine(QString text)
{
    return text.replace(QLatin1Char('\n'), QLatin1Char(' ')).simplified().left(200);
}

QString githubMessage(QByteArrayView body)
{
    return oneLine(QJsonDocument::fromJson(body.toByteArray()).object().value(QLatin1String("message")).toString());
}

// Link: <https://api.github.com/...&page=2>; rel="next", <...>; rel="last"
QUrl nextLink(const QByteArray &link)
{
    static const QRegularExpression part(QStringLiteral("<([^>]*)>\\s*;\\s*rel=\"?next\"?"));
    const QRegularExpressionMatch match = part.match(QString::fromLatin1(link));
    return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
}

QDateTime timeOf(const QJsonObject &object, QLatin1String key)
{
    QDateTime time = QDateTime::fromString(object.value(key).toString(), Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString githubTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

Result<QJsonObject> jsonObject(const HttpResponse &response, const QString &what)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorClass::BadData, QStringLiteral("github: %1: not a JSON object (%2 at byte %3)").arg(what, error.errorString()).arg(error.offset));
    return document.object();
}

} // namespace

GitHubEtagCache &GitHubEtagCache::shared()
{
    static GitHubEtagCache cache;
    return cache;
}

std::optional<GitHubEtagCache::Entry> GitHubEtagCache::find(const QString &url) const
{
    const QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(url);
    return it == m_entries.cend() ? std::nullopt : std::optional<Entry>(*it);
}

void GitHubEtagCache::insert(const QString &url, Entry entry)
{
    const QMutexLocker lock(&m_mutex);
    if (m_entries.size() >= 256 && !m_entries.contains(url))
        m_entries.clear();   // a bounded cache; losing it costs one full answer per page
    m_entries.insert(url, std::move(entry));
}

void GitHubEtagCache::clear()
{
    const QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

GitHubClient::GitHubClient(HttpClient &http, Clock &waitClock, Options options, GitHubEtagCache &cache)
    : m_http(http)
    , m_waitClock(waitClock)
    , m_options(std::move(options))
    , m_cache(cache)
{
}

QUrl GitHubClient::apiUrl(const QString &path) const
{
    QUrl url = m_options.apiUrl;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

HttpRequest GitHubClient::apiRequest(const QUrl &url) const
{
    HttpRequest request;
    request.url = url;
    request.source = QStringLiteral("github");
    request.headers = {{"Accept", "application/vnd.github+json"}, {"X-GitHub-Api-Version", "2022-11-28"}};
    if (!m_options.token.isEmpty()) {
        request.headers.append({"Authorization", "Bearer " + m_options.token.bytes()});
        request.carriesCredential = true;
    }
    request.passStatuses = {403, 429};
    request.explainError = [](int, QByteArrayView body, Error &error) {
        if (const QString message = githubMessage(body); !message.isEmpty())
            error.message += QStringLiteral(": ") + message;
    };
    return request;
}

Result<HttpResponse> GitHubClient::sendOnce(const HttpRequest &request)
{
    QEventLoop loop;
    QObject context;
    std::optional<Result<HttpResponse>> outcome;
    m_http.send(request, &context, [&outcome, &loop](Result<HttpResponse> result) {
        outcome = std::move(result);
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return std::move(*outcome);
}

Result<void> GitHubClient::waitMs(qint64 ms, const QString &why)
{
    if (ms <= 0)
        return {};
    if (ms > m_options.maxRateLimitWaitMs)
        return fail(ErrorClass::RateLimited, QStringLiteral("github: %1; it asks for a wait of %2 s, longer than the %3 s this fetch waits")
                                                 .arg(why).arg(ms / 1000).arg(m_options.maxRateLimitWaitMs / 1000));
    if (m_options.notice)
        m_options.notice(QStringLiteral("%1; waiting %2 s").arg(why).arg((ms + 999) / 1000));
    QEventLoop loop;
    QObject context;
    m_waitClock.schedule(ms, &context, [&loop] { loop.quit(); });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [this, &loop] {
        if (isCancelled())
            loop.quit();
    });
    poll.start(200);
    loop.exec();
    if (isCancelled())
        return fail(ErrorClass::Cancelled, QStringLiteral("github: cancelled"));
    return {};
}

Result<HttpResponse> GitHubClient::send(HttpRequest request)
{
    for (int attempt = 1;; ++attempt) {
        if (isCancelled())
            return fail(ErrorClass::Cancelled, QStringLiteral("github: cancelled"));
        if (Result<void> waited = waitMs(m_resumeAtMs - m_waitClock.nowMs(), QStringLiteral("GitHub API rate limit used up")); !waited)
            return std::unexpected(waited.error());
        Result<HttpResponse> response = sendOnce(request);
        ++m_apiCalls;
        if (!response)
            return response;
        const QByteArray remaining = response->header("x-ratelimit-remaining");
        const qint64 resetMs = response->header("x-ratelimit-reset").toLongLong() * 1000;
        if (remaining == "0" && resetMs > 0)
            m_resumeAtMs = resetMs;
        if (response->status != 403 && response->status != 429)
            return response;

        // Primary limit (remaining 0), secondary limit (Retry-After or its message), or a real refusal.
        const QString message = githubMessage(response->body);
        const std::optional<qint64> retryAfter = parseRetryAfter(response->header("retry-after"), m_waitClock.nowMs());
        const bool limited = retryAfter || remaining == "0" || response->status == 429
                             || message.contains(QLatin1String("rate limit"), Qt::CaseInsensitive);
        const QString target = redactedTarget(request.url);
        if (!limited)
            return fail(ErrorClass::Auth, QStringLiteral("github: GET %1 answered HTTP 403 (access denied)%2")
                                              .arg(target, message.isEmpty() ? QString() : QStringLiteral(": ") + message));
        if (attempt >= kMaxRateLimitRetries)
            return fail(ErrorClass::RateLimited, QStringLiteral("github: GET %1 still rate limited after %2 attempts").arg(target).arg(attempt));
        qint64 delay = kSecondaryLimitWaitMs << (attempt - 1);
        if (retryAfter)
            delay = *retryAfter;
        else if (remaining == "0" && resetMs > 0)
            delay = resetMs - m_waitClock.nowMs();
        const QString why = remaining == "0" && !retryAfter ? QStringLiteral("GitHub API rate limit used up")
                                                             : QStringLiteral("GitHub secondary rate limit (HTTP %1)").arg(response->status);
        if (Result<void> waited = waitMs(qMax<qint64>(delay, 1000), why); !waited)
            return std::unexpected(waited.error());
    }
}

QUrl GitHubClient::runsUrl(const GitHubRunQuery &query, const QDateTime &from, const QDateTime &to) const
{
    const QString repo = QStringLiteral("/repos/%1/%2/actions").arg(query.owner, query.repo);
    QUrl url = apiUrl(query.workflow.isEmpty() ? repo + QStringLiteral("/runs")
                                               : repo + QStringLiteral("/workflows/%1/runs").arg(query.workflow));
    QUrlQuery params;
    params.addQueryItem(QStringLiteral("status"), QStringLiteral("completed"));
    if (!query.branch.isEmpty())
        params.addQueryItem(QStringLiteral("branch"), query.branch);
    // created= takes inclusive bounds; [FROM, TO) ends a second before TO.
    if (from.isValid() && to.isValid())
        params.addQueryItem(QStringLiteral("created"), githubTime(from) + QStringLiteral("..") + githubTime(to.addSecs(-1)));
    else if (from.isValid())
        params.addQueryItem(QStringLiteral("created"), QStringLiteral(">=") + githubTime(from));
    else if (to.isValid())
        params.addQueryItem(QStringLiteral("created"), QStringLiteral("<") + githubTime(to));
    params.addQueryItem(QStringLiteral("per_page"), QString::number(kPerPage));
    url.setQuery(params);
    return url;
}

Result<GitHubClient::Page> GitHubClient::runsPage(const QUrl &url)
{
    HttpRequest request = apiRequest(url);
    const QString key = url.toString(QUrl::FullyEncoded);
    const std::optional<GitHubEtagCache::Entry> cached = m_cache.find(key);
    if (cached)
        request.headers.append({"If-None-Match", cached->etag});
    request.passStatuses << 304;
    Result<HttpResponse> response = send(request);
    if (!response)
        return std::unexpected(response.error());
    if (response->status == 304 && cached) {
        response->body = cached->body;
        response->headers.append({"Link", cached->link});
    } else if (const QByteArray etag = response->header("ETag"); !etag.isEmpty() && response->status == 200) {
        m_cache.insert(key, {etag, response->body, response->header("Link")});
    }
    Result<QJsonObject> object = jsonObject(*response, QStringLiteral("runs list of %1").arg(redactedTarget(url)));
    if (!object)
        return std::unexpected(object.error());
    Page page;
    page.totalCount = object->value(QLatin1String("total_count")).toInteger();
    for (const QJsonValue &value : object->value(QLatin1String("workflow_runs")).toArray()) {
        const QJsonObject o = value.toObject();
        if (o.value(QLatin1String("status")).toString() != QLatin1String("completed"))
            continue;
        GitHubRun run;
        run.id = o.value(QLatin1String("id")).toInteger();
        run.runNumber = o.value(QLatin1String("run_number")).toInteger();
        run.headSha = o.value(QLatin1String("head_sha")).toString();
        run.headBranch = o.value(QLatin1String("head_branch")).toString();
        run.workflowPath = o.value(QLatin1String("path")).toString();
        run.conclusion = o.value(QLatin1String("conclusion")).toString();
        run.createdAt = timeOf(o, QLatin1String("created_at"));
        run.runStartedAt = timeOf(o, QLatin1String("run_started_at"));
        run.updatedAt = timeOf(o, QLatin1String("updated_at"));
        if (run.id > 0)
            page.runs << run;
    }
    page.next = nextLink(response->header("Link"));
    // The token goes only where the API lives.
    if (page.next.isValid() && (page.next.host() != url.host() || page.next.port() != url.port() || page.next.scheme() != url.scheme()))
        return fail(ErrorClass::BadData, QStringLiteral("github: the next page of %1 is on another host (%2)").arg(redactedTarget(url), page.next.host()));
    return page;
}

Result<QList<GitHubRun>> GitHubClient::listRange(const GitHubRunQuery &query, const QDateTime &from, const QDateTime &to,
                                                 const std::function<bool(const QList<GitHubRun> &)> &shouldContinue, bool *stopped)
{
    Result<Page> page = runsPage(runsUrl(query, from, to));
    if (!page)
        return std::unexpected(page.error());
    // Over the cap and splittable: the newer half first, so the whole list stays newest first.
    if (page->totalCount > kResultCap && from.isValid() && to.isValid() && from.secsTo(to) > 1) {
        const QDateTime middle = from.addSecs(from.secsTo(to) / 2);
        Result<QList<GitHubRun>> newer = listRange(query, middle, to, shouldContinue, stopped);
        if (!newer || *stopped)
            return newer;
        Result<QList<GitHubRun>> older = listRange(query, from, middle, shouldContinue, stopped);
        if (!older)
            return older;
        return *newer + *older;
    }
    QList<GitHubRun> runs;
    for (int pages = 1;; ++pages) {
        runs += page->runs;
        if (shouldContinue && !shouldContinue(page->runs)) {
            *stopped = true;
            return runs;
        }
        if (!page->next.isValid() || pages >= kMaxPages)
            return runs;
        page = runsPage(page->next);
        if (!page)
            return std::unexpected(page.error());
    }
}

QDateTime GitHubClient::rangeEnd(const GitHubRunQuery &query) const
{
    // A range open at the end ends tomorrow, so that it can be split when it holds too many runs.
    if (query.until.isValid() || !query.since.isValid())
        return query.until;
    return QDateTime::fromMSecsSinceEpoch(m_waitClock.nowMs(), Qt::UTC).addDays(1);
}

Result<QList<GitHubRun>> GitHubClient::listCompletedRuns(const GitHubRunQuery &query,
                                                         const std::function<bool(const QList<GitHubRun> &)> &shouldContinue)
{
    bool stopped = false;
    return listRange(query, query.since, rangeEnd(query), shouldContinue, &stopped);
}

Result<qint64> GitHubClient::countRange(const GitHubRunQuery &query, const QDateTime &from, const QDateTime &to, qint64 *calls)
{
    Result<Page> page = runsPage(runsUrl(query, from, to));
    if (!page)
        return std::unexpected(page.error());
    ++*calls;
    if (page->totalCount > kResultCap && from.isValid() && to.isValid() && from.secsTo(to) > 1) {
        const QDateTime middle = from.addSecs(from.secsTo(to) / 2);
        Result<qint64> newer = countRange(query, middle, to, calls);
        if (!newer)
            return newer;
        Result<qint64> older = countRange(query, from, middle, calls);
        if (!older)
            return older;
        return *newer + *older;
    }
    const qint64 listed = qMin<qint64>(page->totalCount, kResultCap);
    *calls += qMax<qint64>(0, (listed + kPerPage - 1) / kPerPage - 1);
    return listed;
}

Result<GitHubClient::RunCount> GitHubClient::countCompletedRuns(const GitHubRunQuery &query)
{
    RunCount count;
    Result<qint64> runs = countRange(query, query.since, rangeEnd(query), &count.listCalls);
    if (!runs)
        return std::unexpected(runs.error());
    count.runs = *runs;
    return count;
}

Result<QList<GitHubArtifact>> GitHubClient::listArtifacts(const QString &owner, const QString &repo, qint64 runId)
{
    QUrl url = apiUrl(QStringLiteral("/repos/%1/%2/actions/runs/%3/artifacts").arg(owner, repo).arg(runId));
    url.setQuery(QStringLiteral("per_page=%1").arg(kPerPage));
    QList<GitHubArtifact> artifacts;
    for (int pages = 1; pages <= kMaxPages && url.isValid(); ++pages) {
        Result<HttpResponse> response = send(apiRequest(url));
        if (!response)
            return std::unexpected(response.error());
        Result<QJsonObject> object = jsonObject(*response, QStringLiteral("artifacts of run %1").arg(runId));
        if (!object)
            return std::unexpected(object.error());
        for (const QJsonValue &value : object->value(QLatin1String("artifacts")).toArray()) {
            const QJsonObject o = value.toObject();
            artifacts << GitHubArtifact{o.value(QLatin1String("id")).toInteger(), o.value(QLatin1String("name")).toString(),
                                        o.value(QLatin1String("size_in_bytes")).toInteger(), o.value(QLatin1String("expired")).toBool()};
        }
        const QUrl next = nextLink(response->header("Link"));
        url = next.isValid() && next.host() == url.host() && next.port() == url.port() ? next : QUrl();
    }
    return artifacts;
}

Result<QByteArray> GitHubClient::downloadArtifact(const QString &owner, const QString &repo, qint64 artifactId)
{
    const QUrl url = apiUrl(QStringLiteral("/repos/%1/%2/actions/artifacts/%3/zip").arg(owner, repo).arg(artifactId));
    HttpRequest request = apiRequest(url);
    request.passStatuses << 302;
    request.maxBodyBytes = m_options.maxArtifactBytes;
    Result<HttpResponse> response = send(request);
    if (!response)
        return std::unexpected(response.error());
    if (response->status == 200)
        return response->body;
    const QUrl storage = url.resolved(QUrl::fromEncoded(response->header("Location")));
    if (response->status != 302 || !storage.isValid() || storage.host().isEmpty())
        return fail(ErrorClass::BadData, QStringLiteral("github: artifact %1: HTTP %2 without a usable Location").arg(artifactId).arg(response->status));
    // The storage URL is signed by itself: it gets no Authorization header, and is used once, now.
    HttpRequest download;
    download.url = storage;
    download.source = QStringLiteral("github artifact %1").arg(artifactId);
    download.secretPath = true;
    download.maxBodyBytes = m_options.maxArtifactBytes;
    download.timeoutMs = 120'000;
    Result<HttpResponse> zip = sendOnce(download);
    if (!zip)
        return std::unexpected(zip.error());
    return zip->body;
}

} // namespace fleetscope
