// The simulated RunPod account: GPU catalog, pods, serverless endpoints and balance, evolving with a clock.
#pragma once

#include <QJsonValue>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <expected>
#include <functional>
#include <optional>

namespace fleetscope {

// Milliseconds since the epoch; tests inject a manual one.
using NowFn = std::function<qint64()>;

// Which fields of an object come back as a string or as null when quirks are on: the real
// GraphQL API does both, and clients must cope. Drawn per object from the seed.
enum SimQuirk : quint32 {
    QuirkNone = 0,
    QuirkCostAsString = 1u << 0,
    QuirkMemoryAsString = 1u << 1,
    QuirkAdjustedCostNull = 1u << 2,
    QuirkGpuMemoryUtilNull = 1u << 3,
    QuirkPriceAsString = 1u << 4,
    QuirkSpotPriceNull = 1u << 5,
    QuirkBidPriceNull = 1u << 6,
};

struct SimGpuType {
    QString id;             // "NVIDIA H100 80GB HBM3"
    QString displayName;    // "H100 SXM"
    int memoryInGb = 0;
    bool secureCloud = true;
    bool communityCloud = true;
    double securePrice = 0;
    double communityPrice = 0;
    double secureSpotPrice = 0;
    double communitySpotPrice = 0;
    QString stockStatus;    // High, Medium, Low or None
    quint32 quirks = QuirkNone;
};

struct SimGpu {
    QString id;             // "GPU-e0488b7e-6932-795b-a125-4472c16ea72c"
    int util = 0;
    int memoryUtil = 0;
    int targetUtil = 0;     // where util drifts to; moves now and then
};

struct SimPod {
    QString id;
    QString name;
    QString imageName;
    QString gpuTypeId;
    QString gpuDisplayName;
    QString dataCenterId;   // "US-TX-3"
    QString machineId;
    QString publicIp;
    bool secureCloud = true;
    bool running = true;
    int gpuCount = 1;
    int vcpuCount = 8;
    int memoryInGb = 32;
    int volumeInGb = 20;
    int containerDiskInGb = 50;
    int publicPort = 0;
    int cpuPercent = 0;
    int memoryPercent = 0;
    double costPerHr = 0;   // the rate locked in when the pod last started
    qint64 createdAtMs = 0;
    qint64 startedAtMs = 0; // meaningful while running
    QList<SimGpu> gpus;
    quint32 quirks = QuirkNone;

    QString desiredStatus() const;   // RUNNING or EXITED
};

enum class SimJobStatus { InQueue, InProgress, Completed, Failed, Cancelled };
QString jobStatusName(SimJobStatus status);   // IN_QUEUE, IN_PROGRESS, COMPLETED, FAILED, CANCELLED

// A job submitted through /run or /runsync; its status follows from the clock.
struct SimJob {
    QString id;
    QJsonValue input;
    qint64 submittedMs = 0;
    int delayTime = 0;       // ms in the queue
    int executionTime = 0;   // ms on a worker
    bool fails = false;      // the input asked for it: {"fail": true}
    qint64 cancelledMs = -1;
};

struct SimJobView {
    QString id;
    SimJobStatus status = SimJobStatus::InQueue;
    int delayTime = 0;
    int executionTime = 0;
    QJsonValue output;       // the input, echoed, once COMPLETED
    QString error;           // once FAILED
};

struct SimEndpointHealth {
    qint64 completed = 0;
    qint64 failed = 0;
    int inQueue = 0;
    int inProgress = 0;
    qint64 retried = 0;
    int idle = 0;
    int running = 0;
    int throttled = 0;
    int initializing = 0;
    int ready = 0;
    int unhealthy = 0;
};

struct SimEndpoint {
    QString id;
    QString name;
    QString gpuIds;          // "ADA_24,AMPERE_24"
    QString templateId;
    QString locations;
    QString scalerType;      // QUEUE_DELAY or REQUEST_COUNT
    int scalerValue = 4;
    int workersMin = 0;
    int workersMax = 3;
    int idleTimeout = 5;     // seconds
    int executionTimeoutMs = 600'000;

    // Background traffic that makes the queue fill and drain.
    double jobsPerMinute = 10;
    double phase = 0;
    int meanExecutionMs = 3000;
    int idleTicks = 0;
    SimEndpointHealth load;     // counts from background traffic only
    QList<SimJob> jobs;      // submitted through the API
};

enum class PodActionError { NotFound, WrongState };

// What a create-pod call asks for.
struct SimPodSpec {
    QString name;
    QString imageName;
    QString gpuTypeId;
    QString dataCenterId;   // empty: any of the cloud's
    int gpuCount = 1;
    bool secureCloud = true;
    bool interruptible = false;
};

struct WorldOptions {
    quint64 seed = 1;
    int pods = 12;
    int endpoints = 4;
    bool quirks = true;         // strings and nulls in number fields, as the real GraphQL API sends
    bool randomEvents = true;   // pods stop and resume, prices change, now and then
};

class RunPodWorld
{
public:
    // State advances in fixed ticks, so it depends on the seed and the elapsed time only, not on
    // how often it is looked at.
    static constexpr qint64 kTickMs = 5'000;

    explicit RunPodWorld(WorldOptions options = {}, NowFn now = {});

    // Applies every tick that has come due by now(). Readers call this first.
    void catchUp();
    qint64 nowMs() const { return m_now(); }
    const WorldOptions &options() const { return m_options; }

    QString accountId() const { return m_accountId; }
    QString email() const { return m_email; }
    double clientBalance() const { return m_balance; }
    double spendLimit() const { return m_spendLimit; }
    double currentSpendPerHr() const;   // the sum of running pods' costPerHr

    const QList<SimGpuType> &gpuTypes() const { return m_gpuTypes; }
    const QList<SimPod> &pods() const { return m_pods; }
    const SimPod *pod(const QString &id) const;
    const SimGpuType *gpuType(const QString &id) const;

    std::expected<SimPod, PodActionError> stopPod(const QString &id);
    // GPUCOUNT 0 keeps the pod's count. The pod restarts at the GPU type's current price.
    std::expected<SimPod, PodActionError> resumePod(const QString &id, int gpuCount = 0);
    std::expected<SimPod, PodActionError> restartPod(const QString &id);
    std::expected<void, PodActionError> terminatePod(const QString &id);
    // A new running pod; the error is RunPod's message for a GPU type, cloud or data center it lacks.
    std::expected<SimPod, QString> createPod(const SimPodSpec &spec);

    const QList<SimEndpoint> &endpoints() const { return m_endpoints; }
    const SimEndpoint *endpoint(const QString &id) const;
    std::optional<SimEndpointHealth> health(const QString &endpointId) const;
    // SYNC jobs come back already finished (what /runsync waits for). Empty for an unknown endpoint.
    std::optional<SimJobView> submitJob(const QString &endpointId, const QJsonValue &input, bool sync);
    std::optional<SimJobView> job(const QString &endpointId, const QString &jobId) const;
    std::optional<SimJobView> cancelJob(const QString &endpointId, const QString &jobId);

private:
    void populate();
    void tick(qint64 tickEndMs);
    void driftPod(SimPod &pod);
    void serveEndpoint(SimEndpoint &endpoint, qint64 tickEndMs);
    void randomEvent();
    void startPod(SimPod &pod, qint64 atMs, QRandomGenerator &random);
    SimJobView view(const SimJob &job) const;
    static QString randomId(QRandomGenerator &random, int length);
    static QString randomUuid(QRandomGenerator &random);
    SimPod *findPod(const QString &id);
    SimEndpoint *findEndpoint(const QString &id);

    WorldOptions m_options;
    NowFn m_now;
    // Separate streams: requests (job ids, timings) must not shift how the world evolves.
    QRandomGenerator m_setupRandom;
    QRandomGenerator m_tickRandom;
    QRandomGenerator m_jobRandom;
    qint64 m_clockMs = 0;   // the end of the last applied tick
    QString m_accountId;
    QString m_email;
    double m_balance = 0;
    double m_spendLimit = 0;
    QList<SimGpuType> m_gpuTypes;
    QList<SimPod> m_pods;
    QList<SimEndpoint> m_endpoints;
};

} // namespace fleetscope
