// RunPod serverless job requests, the polling that follows a job, and their rows for the store.
#include "runpodjobs.h"

#include "credentials/credentials.h"
#include "engine/engine.h"
#include "http/httpclient.h"
#include "runpodparse.h"
#include "store/storeservice.h"

#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>

namespace fleetscope::runpod {
namespace {

// Endpoint and job ids go into a path: accept only what RunPod issues.
bool isValidId(const QString &id)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_-]{1,80}$"));
    return valid.match(id).hasMatch();
}

// Fails asynchronously, as the HTTP client does, so DONE never runs inside the call.
template<typename Done>
void failLater(QObject *context, Done done, ErrorClass kind, QString message)
{
    QMetaObject::invokeMethod(context, [done = std::move(done), kind, message = std::move(message)] { done(fail(kind, message)); },
                              Qt::QueuedConnection);
}

HttpRequest jobHttpRequest(const Settings &settings, const Secret &apiKey, const QString &endpointId, const QString &operation)
{
    HttpRequest request;
    QUrl url = settings.serverlessUrl;
    url.setPath(url.path() + QLatin1Char('/') + endpointId + QLatin1Char('/') + operation);
    request.url = url;
    request.headers = {{"Authorization", "Bearer " + apiKey.bytes()}};
    request.carriesCredential = true;
    request.source = QStringLiteral("runpod serverless %1").arg(operation.section(QLatin1Char('/'), 0, 0));
    return request;
}

// One job being followed; lives as long as its requests and timers hold it.
struct Follow {
    HttpClient *http = nullptr;
    Settings settings;
    Secret key;
    JobRequest request;
    QPointer<QObject> context;
    JobProgress progress;
    JobDone done;
    qint64 startMs = 0;
    int requests = 0;
};

void handleAnswer(const std::shared_ptr<Follow> &follow, Result<HttpResponse> response, const QString &jobId);

void pollStatus(const std::shared_ptr<Follow> &follow, const QString &jobId)
{
    HttpRequest request = jobHttpRequest(follow->settings, follow->key, follow->request.endpointId, QStringLiteral("status/") + jobId);
    ++follow->requests;
    follow->http->send(request, follow->context, [follow, jobId](Result<HttpResponse> response) { handleAnswer(follow, std::move(response), jobId); });
}

void handleAnswer(const std::shared_ptr<Follow> &follow, Result<HttpResponse> response, const QString &jobId)
{
    if (!response)
        return follow->done(std::unexpected(response.error()));
    const QString source = QStringLiteral("runpod serverless job on %1").arg(follow->request.endpointId);
    Result<JobAnswer> answer = parseJobAnswer(response->body, source, jobId);
    if (!answer)
        return follow->done(std::unexpected(answer.error()));
    if (answer->id.isEmpty() || !isValidId(answer->id))
        return follow->done(fail(ErrorClass::BadData, source + QStringLiteral(": the answer names no usable job id")));
    const qint64 now = follow->http->clock().nowMs();
    JobObservation observation{*std::move(answer), now - follow->startMs, follow->requests};
    if (follow->progress)
        follow->progress(observation);
    if (isFinal(observation.answer.status))
        return follow->done(observation);
    if (follow->request.stop.stop_requested())
        return follow->done(fail(ErrorClass::Cancelled, QStringLiteral("stopped following job %1; it may still run").arg(observation.answer.id)));
    if (observation.roundTripMs >= follow->request.maxWaitMs)
        return follow->done(fail(ErrorClass::Unavailable, QStringLiteral("job %1 is still %2 after %3 s; stopped following it")
                                                              .arg(observation.answer.id, observation.answer.statusName)
                                                              .arg(observation.roundTripMs / 1000)));
    const QString id = observation.answer.id;
    follow->http->clock().schedule(follow->request.pollIntervalMs, follow->context, [follow, id] {
        if (follow->request.stop.stop_requested())
            return follow->done(fail(ErrorClass::Cancelled, QStringLiteral("stopped following job %1; it may still run").arg(id)));
        pollStatus(follow, id);
    });
}

bool sameRow(const JobRecord &a, const JobRecord &b)
{
    return a.status == b.status && a.delayMs == b.delayMs && a.executionMs == b.executionMs;
}

} // namespace

JobStatus jobStatusFromName(const QString &name)
{
    static const std::pair<const char *, JobStatus> kNames[] = {
        {"IN_QUEUE", JobStatus::InQueue},   {"IN_PROGRESS", JobStatus::InProgress}, {"COMPLETED", JobStatus::Completed},
        {"FAILED", JobStatus::Failed},      {"CANCELLED", JobStatus::Cancelled},    {"TIMED_OUT", JobStatus::TimedOut},
    };
    for (const auto &[text, status] : kNames) {
        if (name.compare(QLatin1String(text), Qt::CaseInsensitive) == 0)
            return status;
    }
    return JobStatus::Unknown;
}

bool isFinal(JobStatus status)
{
    return status == JobStatus::Completed || status == JobStatus::Failed || status == JobStatus::Cancelled || status == JobStatus::TimedOut;
}

Result<JobAnswer> parseJobAnswer(const QByteArray &body, const QString &source, const QString &fallbackId)
{
    Result<QJsonObject> object = parseObject(body, source);
    if (!object)
        return std::unexpected(object.error());
    JobAnswer answer;
    answer.statusName = object->value(QStringLiteral("status")).toString().trimmed();
    if (answer.statusName.isEmpty())
        return fail(ErrorClass::BadData, source + QStringLiteral(": job answer without a status"));
    answer.status = jobStatusFromName(answer.statusName);
    answer.id = object->value(QStringLiteral("id")).toString();
    if (answer.id.isEmpty())
        answer.id = fallbackId;
    answer.delayMs = integer(object->value(QStringLiteral("delayTime")));
    answer.executionMs = integer(object->value(QStringLiteral("executionTime")));
    answer.output = object->value(QStringLiteral("output"));
    const QJsonValue error = object->value(QStringLiteral("error"));
    answer.error = error.isString() ? error.toString() : error.isObject() ? QString::fromUtf8(QJsonDocument(error.toObject()).toJson(QJsonDocument::Compact)) : QString();
    return answer;
}

JobRecord jobRecord(const JobObservation &observation, const JobRequest &request, const QDateTime &observedTs)
{
    JobRecord record;
    record.observedTs = observedTs;
    record.connectionId = request.connectionId;
    record.endpointId = request.endpointId;
    record.jobId = observation.answer.id;
    record.status = observation.answer.statusName;
    record.delayMs = observation.answer.delayMs;
    record.executionMs = observation.answer.executionMs;
    record.metadata.insert(QStringLiteral("mode"), request.mode == JobMode::RunSync ? QStringLiteral("runsync") : QStringLiteral("run"));
    record.metadata.insert(QStringLiteral("round_trip_ms"), observation.roundTripMs);
    if (!observation.answer.error.isEmpty())
        record.metadata.insert(QStringLiteral("error"), observation.answer.error.left(500));
    return record;
}

void runEndpointJob(HttpClient &http, const Settings &settings, const Secret &apiKey, JobRequest request, QObject *context,
                    JobProgress progress, JobDone done)
{
    if (!isValidId(request.endpointId))
        return failLater(context, std::move(done), ErrorClass::Config, QStringLiteral("runpod serverless: not an endpoint id"));
    const bool sync = request.mode == JobMode::RunSync;
    HttpRequest submit = jobHttpRequest(settings, apiKey, request.endpointId, sync ? QStringLiteral("runsync") : QStringLiteral("run"));
    submit.method = "POST";
    submit.headers.append(std::pair{QByteArray("Content-Type"), QByteArray("application/json")});
    submit.body = QJsonDocument(request.payload).toJson(QJsonDocument::Compact);
    submit.maxAttempts = 1;   // a repeated submit would be a second job
    if (sync)
        submit.timeoutMs = 150'000;   // RunPod holds a runsync open for up to about two minutes
    auto follow = std::make_shared<Follow>(Follow{&http, settings, apiKey, std::move(request), context, std::move(progress), std::move(done),
                                                  http.clock().nowMs(), 1});
    http.send(submit, context, [follow](Result<HttpResponse> response) { handleAnswer(follow, std::move(response), QString()); });
}

void cancelEndpointJob(HttpClient &http, const Settings &settings, const Secret &apiKey, const QString &endpointId,
                       const QString &jobId, QObject *context, CancelDone done)
{
    if (!isValidId(endpointId) || !isValidId(jobId))
        return failLater(context, std::move(done), ErrorClass::Config, QStringLiteral("runpod serverless cancel: not an endpoint or job id"));
    HttpRequest request = jobHttpRequest(settings, apiKey, endpointId, QStringLiteral("cancel/") + jobId);
    request.method = "POST";
    http.send(request, context, [jobId, endpointId, done = std::move(done)](Result<HttpResponse> response) {
        if (!response)
            return done(std::unexpected(response.error()));
        done(parseJobAnswer(response->body, QStringLiteral("runpod serverless cancel on %1").arg(endpointId), jobId));
    });
}

void runEndpointJob(Engine &engine, StoreService &store, const ConnectionRecord &connection, JobRequest request,
                    QObject *receiver, JobProgress progress, JobDone done)
{
    // Observations cross to RECEIVER in order, ahead of the engine's completion, which is queued
    // from the same thread after them: DONE finds the final one in LAST.
    QPointer<QObject> target(receiver);
    auto last = std::make_shared<std::optional<JobObservation>>();
    auto toReceiver = [target, progress = std::move(progress), last](const JobObservation &observation) {
        if (target)
            QMetaObject::invokeMethod(target, [progress, last, observation] {
                *last = observation;
                if (progress)
                    progress(observation);
            }, Qt::QueuedConnection);
    };
    auto job = [connection, request = std::move(request), &store, toReceiver](HttpClient &http, QObject *context, Engine::JobDone finished) {
        Result<Settings> settings = Settings::fromJson(connection.settings);
        if (!settings)
            return finished(std::unexpected(settings.error()));
        SecretRef::forConnection(connection).resolve(Credentials(), context,
            [&http, &store, settings = *settings, request, context, toReceiver, finished, name = connection.name](Result<Secret> key) {
                if (!key)
                    return finished(std::unexpected(key.error()));
                auto stored = std::make_shared<std::optional<JobRecord>>();
                auto observe = [&http, &store, request, stored, toReceiver, name](const JobObservation &observation) {
                    JobRecord row = jobRecord(observation, request, QDateTime::fromMSecsSinceEpoch(http.clock().nowMs(), Qt::UTC));
                    if (!*stored || !sameRow(**stored, row)) {
                        *stored = row;
                        WriteBatch batch;
                        batch.source = QStringLiteral("%1 job %2").arg(name, row.jobId);
                        batch.jobs << row;
                        store.submit(std::move(batch));
                    }
                    toReceiver(observation);
                };
                runEndpointJob(http, settings, *key, request, context, observe, [finished](Result<JobObservation> result) {
                    finished(result ? Result<QString>(result->answer.statusName) : Result<QString>(std::unexpected(result.error())));
                });
            });
    };
    engine.runJob(std::move(job), receiver, [done = std::move(done), last](Result<QString> result) {
        if (!result)
            return done(std::unexpected(result.error()));
        if (!*last)
            return done(fail(ErrorClass::BadData, QStringLiteral("runpod serverless: the job ended without an answer")));
        done(**last);
    });
}

void cancelEndpointJob(Engine &engine, const ConnectionRecord &connection, const QString &endpointId, const QString &jobId,
                       QObject *receiver, Engine::JobDone done)
{
    auto job = [connection, endpointId, jobId](HttpClient &http, QObject *context, Engine::JobDone finished) {
        Result<Settings> settings = Settings::fromJson(connection.settings);
        if (!settings)
            return finished(std::unexpected(settings.error()));
        SecretRef::forConnection(connection).resolve(Credentials(), context,
            [&http, settings = *settings, endpointId, jobId, context, finished](Result<Secret> key) {
                if (!key)
                    return finished(std::unexpected(key.error()));
                cancelEndpointJob(http, settings, *key, endpointId, jobId, context, [finished](Result<JobAnswer> answer) {
                    finished(answer ? Result<QString>(answer->statusName) : Result<QString>(std::unexpected(answer.error())));
                });
            });
    };
    engine.runJob(std::move(job), receiver, std::move(done));
}

} // namespace fleetscope::runpod
