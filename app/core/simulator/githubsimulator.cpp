// The GitHub simulator's two loopback servers and its answers.
#include "githubsimulator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace fleetscope {
namespace {

// An embedded recorded object (resources/github, taken from PyGithub's replays of api.github.com).
QJsonObject recordedObject(const QString &resource)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing embedded resource %s", qPrintable(resource));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString githubTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QDateTime parseTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODate).toUTC();
}

// created=A..B, >=A, <B (the forms GitHub's search syntax allows and the client sends).
bool createdMatches(const QString &filter, const QDateTime &created)
{
    if (filter.isEmpty())
        return true;
    if (const qsizetype dots = filter.indexOf(QLatin1String("..")); dots > 0)
        return created >= parseTime(filter.left(dots)) && created <= parseTime(filter.mid(dots + 2));
    if (filter.startsWith(QLatin1String(">=")))
        return created >= parseTime(filter.mid(2));
    if (filter.startsWith(QLatin1Char('<')))
        return created < parseTime(filter.mid(1));
    return false;
}

} // namespace

GitHubSimulator::GitHubSimulator(QString owner, QString repo, QByteArray token)
    : m_owner(std::move(owner))
    , m_repo(std::move(repo))
    , m_token(std::move(token))
{
    m_runTemplate = recordedObject(QStringLiteral(":/github/workflow-run.json"));
    m_artifactTemplate = recordedObject(QStringLiteral(":/github/artifact.json"));
    m_api = std::make_unique<LoopbackServer>([this](const LoopbackRequest &r) { return answerApi(r); });
    m_storage = std::make_unique<LoopbackServer>([this](const LoopbackRequest &r) { return answerStorage(r); });
}

GitHubSimulator::~GitHubSimulator() = default;

Result<void> GitHubSimulator::start()
{
    if (Result<quint16> port = m_api->listen(); !port)
        return std::unexpected(port.error());
    if (Result<quint16> port = m_storage->listen(); !port)
        return std::unexpected(port.error());
    return {};
}

QUrl GitHubSimulator::apiUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_api->port()));
}

LoopbackResponse GitHubSimulator::json(const LoopbackRequest &request, const QByteArray &body, const QByteArray &link)
{
    const QByteArray etag = "W/\"" + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex() + "\"";
    LoopbackResponse response = LoopbackResponse::withBody(200, "application/json; charset=utf-8", body);
    if (request.header("If-None-Match") == etag) {
        ++notModified;
        response = LoopbackResponse{304, {}, {}};
    }
    response.headers.append({"ETag", etag});
    if (!link.isEmpty())
        response.headers.append({"Link", link});
    return response;
}

LoopbackResponse GitHubSimulator::answerApi(const LoopbackRequest &request)
{
    ++apiRequests;
    QString target = QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path;
    if (!request.query.isEmpty())
        target += QLatin1Char('?') + request.query.toString(QUrl::FullyDecoded);
    apiTargets << target;
    LoopbackResponse response;
    const bool revoked = rejectTokenFromRequest > 0 && apiRequests >= rejectTokenFromRequest;
    if (request.header("Authorization") != "Bearer " + m_token || revoked) {
        ++unauthorized;
        response = LoopbackResponse::withBody(401, "application/json", R"({"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"})");
    } else if (apiRequests == secondaryLimitOnRequest) {
        ++secondaryLimitsServed;
        response = LoopbackResponse::withBody(403, "application/json",
                                              R"({"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"})");
        response.headers.append({"retry-after", QByteArray::number(retryAfterSeconds)});
    } else {
        static const QRegularExpression workflowRuns(QStringLiteral("^/repos/([^/]+)/([^/]+)/actions/workflows/([^/]+)/runs$"));
        static const QRegularExpression allRuns(QStringLiteral("^/repos/([^/]+)/([^/]+)/actions/runs$"));
        static const QRegularExpression artifacts(QStringLiteral("^/repos/([^/]+)/([^/]+)/actions/runs/(\\d+)/artifacts$"));
        static const QRegularExpression zip(QStringLiteral("^/repos/([^/]+)/([^/]+)/actions/artifacts/(\\d+)/zip$"));
        QRegularExpressionMatch m;
        const auto repoIs = [this](const QRegularExpressionMatch &match) { return match.captured(1) == m_owner && match.captured(2) == m_repo; };
        if ((m = workflowRuns.match(request.path)).hasMatch() && repoIs(m)) {
            response = listRuns(request, m.captured(3));
        } else if ((m = allRuns.match(request.path)).hasMatch() && repoIs(m)) {
            response = listRuns(request, QString());
        } else if ((m = artifacts.match(request.path)).hasMatch() && repoIs(m)) {
            const auto run = std::find_if(runs.cbegin(), runs.cend(), [&m](const SimulatedRun &r) { return r.id == m.captured(3).toLongLong(); });
            QJsonArray list;
            for (const SimulatedArtifact &a : run == runs.cend() ? QList<SimulatedArtifact>() : run->artifacts) {
                QJsonObject o = m_artifactTemplate;
                o[QStringLiteral("id")] = a.id;
                o[QStringLiteral("name")] = a.name;
                o[QStringLiteral("size_in_bytes")] = a.zip.size();
                o[QStringLiteral("expired")] = a.expired;
                o[QStringLiteral("archive_download_url")] = apiUrl().toString() + QStringLiteral("/repos/%1/%2/actions/artifacts/%3/zip").arg(m_owner, m_repo).arg(a.id);
                list.append(o);
            }
            response = json(request, QJsonDocument(QJsonObject{{QStringLiteral("total_count"), list.size()}, {QStringLiteral("artifacts"), list}}).toJson(QJsonDocument::Compact));
        } else if ((m = zip.match(request.path)).hasMatch() && repoIs(m)) {
            response = LoopbackResponse{302, {{"Location", QStringLiteral("http://127.0.0.1:%1/blob/%2?sig=signed-by-storage").arg(m_storage->port()).arg(m.captured(3)).toUtf8()}}, {}};
        } else {
            response = LoopbackResponse::withBody(404, "application/json", R"({"message":"Not Found","documentation_url":"https://docs.github.com/rest"})");
        }
    }
    response.headers.append({QByteArray("X-RateLimit-Limit"), QByteArray("5000")});
    const bool usedUp = apiRequests == rateLimitUsedUpOnRequest;
    response.headers.append({"X-RateLimit-Remaining", QByteArray::number(usedUp ? 0 : qMax(0, 5000 - apiRequests))});
    response.headers.append({"X-RateLimit-Reset", QByteArray::number(QDateTime::currentSecsSinceEpoch() + (usedUp ? 120 : 3600))});
    response.headers.append({QByteArray("X-RateLimit-Resource"), QByteArray("core")});
    return response;
}

LoopbackResponse GitHubSimulator::listRuns(const LoopbackRequest &request, const QString &workflow)
{
    const QString branch = request.query.queryItemValue(QStringLiteral("branch"), QUrl::FullyDecoded);
    const QString status = request.query.queryItemValue(QStringLiteral("status"));
    const QString created = request.query.queryItemValue(QStringLiteral("created"), QUrl::FullyDecoded);
    QList<SimulatedRun> matching;
    for (const SimulatedRun &run : std::as_const(runs)) {
        if ((workflow.isEmpty() || run.workflowPath.endsWith(QLatin1Char('/') + workflow)) && (branch.isEmpty() || run.headBranch == branch)
            && (status.isEmpty() || run.status == status) && createdMatches(created, run.createdAt))
            matching << run;
    }
    std::sort(matching.begin(), matching.end(), [](const SimulatedRun &a, const SimulatedRun &b) { return a.createdAt > b.createdAt; });
    int perPage = request.query.queryItemValue(QStringLiteral("per_page")).toInt();
    perPage = perPage > 0 ? qMin(perPage, 100) : 30;
    const int page = qMax(1, request.query.queryItemValue(QStringLiteral("page")).toInt());
    // Like GitHub: a filtered list reaches its first 1000 results only.
    const qsizetype reachable = qMin<qsizetype>(matching.size(), 1000);
    QJsonArray list;
    for (qsizetype i = qsizetype(page - 1) * perPage; i < qMin<qsizetype>(reachable, qsizetype(page) * perPage); ++i) {
        const SimulatedRun &run = matching.at(i);
        QJsonObject o = m_runTemplate;
        o[QStringLiteral("id")] = run.id;
        o[QStringLiteral("run_number")] = run.id % 100'000;
        o[QStringLiteral("head_sha")] = run.headSha;
        o[QStringLiteral("head_branch")] = run.headBranch;
        o[QStringLiteral("path")] = run.workflowPath;
        o[QStringLiteral("status")] = run.status;
        o[QStringLiteral("conclusion")] = run.status == QLatin1String("completed") ? QJsonValue(QStringLiteral("success")) : QJsonValue();
        o[QStringLiteral("created_at")] = githubTime(run.createdAt);
        o[QStringLiteral("run_started_at")] = githubTime(run.createdAt.addSecs(5));
        o[QStringLiteral("updated_at")] = githubTime(run.createdAt.addSecs(600));
        list.append(o);
    }
    QByteArray link;
    if (qsizetype(page) * perPage < reachable) {
        QUrlQuery next = request.query;
        next.removeAllQueryItems(QStringLiteral("page"));
        next.addQueryItem(QStringLiteral("page"), QString::number(page + 1));
        QUrl url = apiUrl();
        url.setPath(request.path);
        url.setQuery(next);
        link = "<" + url.toEncoded() + ">; rel=\"next\"";
    }
    const QJsonObject body{{QStringLiteral("total_count"), matching.size()}, {QStringLiteral("workflow_runs"), list}};
    return json(request, QJsonDocument(body).toJson(QJsonDocument::Compact), link);
}

LoopbackResponse GitHubSimulator::answerStorage(const LoopbackRequest &request)
{
    ++storageRequests;
    if (!request.header("Authorization").isEmpty())
        ++storageRequestsWithAuthorization;
    static const QRegularExpression blob(QStringLiteral("^/blob/(\\d+)$"));
    const QRegularExpressionMatch m = blob.match(request.path);
    for (const SimulatedRun &run : std::as_const(runs)) {
        for (const SimulatedArtifact &a : run.artifacts) {
            if (m.hasMatch() && a.id == m.captured(1).toLongLong() && request.query.queryItemValue(QStringLiteral("sig")) == QLatin1String("signed-by-storage"))
                return LoopbackResponse::withBody(200, "application/zip", a.zip);
        }
    }
    return LoopbackResponse::withBody(404, "application/xml", "<Error><Code>BlobNotFound</Code></Error>");
}

} // namespace fleetscope
