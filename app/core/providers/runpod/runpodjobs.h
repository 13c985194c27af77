// RunPod serverless jobs: runsync, run, status and cancel against one endpoint, following a job by
// polling until it is final; every change a job goes through becomes a row of the `jobs` table.
#pragma once

#include "runpodcollector.h"

#include <QJsonValue>

#include <stop_token>

namespace fleetscope {
class Engine;
class StoreService;
} // namespace fleetscope

namespace fleetscope::runpod {

enum class JobStatus { InQueue, InProgress, Completed, Failed, Cancelled, TimedOut, Unknown };

// IN_QUEUE, IN_PROGRESS, COMPLETED, FAILED, CANCELLED, TIMED_OUT; anything else is Unknown.
JobStatus jobStatusFromName(const QString &name);
bool isFinal(JobStatus status);

// One answer of /run, /runsync, /status/{id} or /cancel/{id}. Numbers may arrive as strings or
// null (then nullopt); unknown fields are ignored.
struct JobAnswer {
    QString id;
    JobStatus status = JobStatus::Unknown;
    QString statusName;                  // as sent, so a status newer than this build still shows
    std::optional<qint64> delayMs;
    std::optional<qint64> executionMs;
    QJsonValue output;                   // Undefined when the answer has none
    QString error;                       // the handler's error, when FAILED
};

// A JSON object with a status is required; a missing id is taken from FALLBACK_ID (the polled job).
Result<JobAnswer> parseJobAnswer(const QByteArray &body, const QString &source, const QString &fallbackId = QString());

enum class JobMode {
    RunSync,      // POST /runsync: RunPod waits for the result (and may answer before it is final)
    RunAndPoll,   // POST /run, then GET /status/{id}
};

struct JobRequest {
    qint64 connectionId = 0;
    QString endpointId;
    JobMode mode = JobMode::RunSync;
    QJsonObject payload;                 // the body, {"input": {...}}, sent as it is
    int pollIntervalMs = 1000;
    int maxWaitMs = 15 * 60'000;         // stop following after this; the job itself may go on
    std::stop_token stop;                // stop following (the dialog was closed)
};

// What following a job has shown so far.
struct JobObservation {
    JobAnswer answer;
    qint64 roundTripMs = 0;              // from sending the job to this answer, measured here
    int requests = 0;                    // the submit and every poll
};

// The `jobs` row for an observation; metadata keeps the mode, our round trip and a failure's error.
JobRecord jobRecord(const JobObservation &observation, const JobRequest &request, const QDateTime &observedTs);

using JobProgress = std::function<void(const JobObservation &)>;
using JobDone = std::function<void(Result<JobObservation>)>;
using CancelDone = std::function<void(Result<JobAnswer>)>;

// Sends REQUEST and, while the job is not final, polls its status; PROGRESS gets every answer,
// DONE the final observation or the first failure. The submit is never repeated behind the
// caller's back (a second submit would be a second job).
void runEndpointJob(HttpClient &http, const Settings &settings, const Secret &apiKey, JobRequest request, QObject *context,
                    JobProgress progress, JobDone done);
void cancelEndpointJob(HttpClient &http, const Settings &settings, const Secret &apiKey, const QString &endpointId,
                       const QString &jobId, QObject *context, CancelDone done);

// The same through ENGINE's thread for CONNECTION (its secret resolved there, like pod actions):
// PROGRESS and DONE run on RECEIVER's thread unless it is gone, and every change of the job's
// status or timings is submitted to STORE as a `jobs` row.
void runEndpointJob(Engine &engine, StoreService &store, const ConnectionRecord &connection, JobRequest request,
                    QObject *receiver, JobProgress progress, JobDone done);
// DONE gets the job's status after the cancel ("CANCELLED", or "COMPLETED" when it was too late).
void cancelEndpointJob(Engine &engine, const ConnectionRecord &connection, const QString &endpointId, const QString &jobId,
                       QObject *receiver, std::function<void(Result<QString>)> done);

} // namespace fleetscope::runpod
