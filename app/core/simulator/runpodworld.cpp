// How the simulated account is seeded and how it evolves tick by tick: util drift, queues, events, billing.
#include "simulator/runpodworld.h"

#include "simulator/loopbackserver.h"

#include <QDateTime>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace fleetscope {
namespace {

using namespace Qt::StringLiterals;

constexpr qint64 kMinuteMs = 60'000;
constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kJobRetentionMs = 30 * kMinuteMs;   // RunPod keeps /run results for 30 minutes
constexpr qint64 kMaxCatchUpMs = 24 * kHourMs;       // a longer gap is billed in one step
constexpr int kWarmUpTicks = 60;

struct CatalogRow {
    const char16_t *id;
    const char16_t *displayName;
    int memoryInGb;
    double securePrice;         // 0: not offered on that cloud
    double communityPrice;
    double secureSpotPrice;
    double communitySpotPrice;
};

// GPU ids and display names as RunPod spells them; prices in USD per GPU-hour, 2025 levels.
constexpr CatalogRow kCatalog[] = {
    {u"NVIDIA H200", u"H200 SXM", 141, 3.99, 3.59, 2.29, 1.99},
    {u"NVIDIA H100 80GB HBM3", u"H100 SXM", 80, 2.99, 2.69, 1.75, 1.45},
    {u"NVIDIA H100 PCIe", u"H100 PCIe", 80, 2.39, 1.99, 1.25, 1.05},
    {u"NVIDIA H100 NVL", u"H100 NVL", 94, 2.79, 2.59, 1.55, 1.39},
    {u"NVIDIA A100-SXM4-80GB", u"A100 SXM", 80, 1.89, 1.49, 0.99, 0.79},
    {u"NVIDIA A100 80GB PCIe", u"A100 PCIe", 80, 1.64, 1.19, 0.82, 0.60},
    {u"NVIDIA L40S", u"L40S", 48, 0.86, 0.79, 0.53, 0.40},
    {u"NVIDIA RTX 6000 Ada Generation", u"RTX 6000 Ada", 48, 0.77, 0.74, 0.49, 0.41},
    {u"NVIDIA RTX A6000", u"RTX A6000", 48, 0.49, 0.33, 0.25, 0.17},
    {u"NVIDIA GeForce RTX 4090", u"RTX 4090", 24, 0.69, 0.34, 0.35, 0.20},
    {u"NVIDIA GeForce RTX 3090", u"RTX 3090", 24, 0.43, 0.22, 0.21, 0.11},
    {u"NVIDIA L4", u"L4", 24, 0.43, 0.0, 0.22, 0.0},
    {u"NVIDIA RTX A5000", u"RTX A5000", 24, 0.29, 0.16, 0.15, 0.10},
    {u"NVIDIA RTX A4000", u"RTX A4000", 16, 0.32, 0.17, 0.16, 0.09},
};

struct Workload {
    const char16_t *name;
    const char16_t *image;
};

constexpr Workload kWorkloads[] = {
    {u"llama-finetune", u"runpod/pytorch:2.4.0-py3.11-cuda12.4.1-devel-ubuntu22.04"},
    {u"vllm-serve", u"vllm/vllm-openai:v0.6.3"},
    {u"comfyui", u"runpod/stable-diffusion:comfy-ui-6.0.0"},
    {u"jupyter", u"runpod/pytorch:2.1.0-py3.10-cuda11.8.0-devel-ubuntu22.04"},
    {u"whisper-batch", u"ghcr.io/ggerganov/whisper.cpp:main-cuda"},
    {u"tgi-mixtral", u"ghcr.io/huggingface/text-generation-inference:2.3.1"},
    {u"axolotl-sft", u"winglian/axolotl-cloud:main-latest"},
    {u"kohya-sdxl", u"runpod/kohya:24.1.6"},
    {u"eval-harness", u"runpod/pytorch:2.4.0-py3.11-cuda12.4.1-devel-ubuntu22.04"},
    {u"tensorflow", u"runpod/tensorflow"},
};

constexpr const char16_t *kEndpointNames[] = {
    u"sdxl-turbo", u"whisper-large-v3", u"llama3-8b-vllm", u"bge-m3-embeddings",
    u"flux-schnell", u"qwen2-72b-awq", u"xtts-v2", u"yolov8-detect",
};
constexpr const char16_t *kGpuPools[] = {
    u"AMPERE_16", u"ADA_24,AMPERE_24", u"ADA_24", u"AMPERE_48", u"ADA_48_PRO", u"AMPERE_80", u"ADA_80_PRO", u"HOPPER_141",
};
constexpr const char16_t *kSecureDataCenters[] = {u"US-TX-3", u"US-KS-2", u"US-GA-1", u"EU-RO-1", u"EU-SE-1", u"CA-MTL-1", u"EUR-IS-1"};
constexpr const char16_t *kCommunityDataCenters[] = {u"US-CA-2", u"EU-CZ-1", u"AP-JP-1", u"EU-NL-1", u"US-OR-1"};
constexpr const char16_t *kStock[] = {u"High", u"High", u"Medium", u"Medium", u"Low", u"None"};

template<typename T, std::size_t N>
const T &pick(QRandomGenerator &random, const T (&items)[N])
{
    return items[random.bounded(quint32(N))];
}

double round2(double value)
{
    return std::round(value * 100.0) / 100.0;
}

int clampPercent(int value)
{
    return std::clamp(value, 0, 100);
}

double podPrice(const SimGpuType &type, bool secure)
{
    return secure ? type.securePrice : type.communityPrice;
}

quint32 drawQuirks(QRandomGenerator &random, bool enabled, std::initializer_list<SimQuirk> candidates)
{
    quint32 mask = QuirkNone;
    for (SimQuirk quirk : candidates) {
        // Drawn whether or not quirks are on, so switching them off changes nothing else.
        const bool hit = random.bounded(4) == 0;
        if (enabled && hit)
            mask |= quirk;
    }
    return mask;
}

int newTarget(QRandomGenerator &random, int previous)
{
    // Idle GPUs mostly stay idle and busy ones busy: the idle-cost view needs both kinds to persist.
    const bool wasIdle = previous < 10;
    const bool idle = random.bounded(10) == 0 ? !wasIdle : wasIdle;
    return idle ? int(random.bounded(0, 9)) : int(random.bounded(50, 101));
}

} // namespace

QString SimPod::desiredStatus() const
{
    return running ? u"RUNNING"_s : u"EXITED"_s;
}

QString jobStatusName(SimJobStatus status)
{
    switch (status) {
    case SimJobStatus::InQueue: return u"IN_QUEUE"_s;
    case SimJobStatus::InProgress: return u"IN_PROGRESS"_s;
    case SimJobStatus::Completed: return u"COMPLETED"_s;
    case SimJobStatus::Failed: return u"FAILED"_s;
    case SimJobStatus::Cancelled: return u"CANCELLED"_s;
    }
    return {};
}

RunPodWorld::RunPodWorld(WorldOptions options, NowFn now)
    : m_options(options)
    , m_now(now ? std::move(now) : NowFn([] { return QDateTime::currentMSecsSinceEpoch(); }))
    , m_setupRandom(quint32(options.seed ^ (options.seed >> 32)))
    , m_tickRandom(quint32(options.seed ^ (options.seed >> 32)) ^ 0x7e1c0001u)
    , m_jobRandom(quint32(options.seed ^ (options.seed >> 32)) ^ 0x10b50002u)
{
    m_clockMs = m_now();
    populate();
}

void RunPodWorld::populate()
{
    QRandomGenerator &random = m_setupRandom;
    const qint64 startMs = m_clockMs;
    m_accountId = u"user_"_s + randomId(random, 24);
    m_email = u"demo@fleetscope.invalid"_s;
    m_balance = round2(250.0 + random.bounded(1250) + random.bounded(100) / 100.0);
    m_spendLimit = 80;

    for (const CatalogRow &row : kCatalog) {
        SimGpuType type;
        type.id = QString::fromUtf16(row.id);
        type.displayName = QString::fromUtf16(row.displayName);
        type.memoryInGb = row.memoryInGb;
        type.secureCloud = row.securePrice > 0;
        type.communityCloud = row.communityPrice > 0;
        type.securePrice = row.securePrice;
        type.communityPrice = row.communityPrice;
        type.secureSpotPrice = row.secureSpotPrice;
        type.communitySpotPrice = row.communitySpotPrice;
        type.stockStatus = QString::fromUtf16(pick(random, kStock));
        type.quirks = drawQuirks(random, m_options.quirks, {QuirkPriceAsString, QuirkSpotPriceNull, QuirkBidPriceNull});
        m_gpuTypes.append(type);
    }

    for (int i = 0; i < m_options.pods; ++i) {
        const Workload &workload = kWorkloads[i % std::size(kWorkloads)];
        const int round = i / int(std::size(kWorkloads));
        SimPod pod;
        pod.id = randomId(random, 14);
        pod.name = QString::fromUtf16(workload.name) + (round > 0 ? u"-%1"_s.arg(round + 1) : QString());
        pod.imageName = QString::fromUtf16(workload.image);
        const SimGpuType &type = m_gpuTypes.at(random.bounded(int(m_gpuTypes.size())));
        pod.gpuTypeId = type.id;
        pod.gpuDisplayName = type.displayName;
        const int countDraw = random.bounded(100);
        pod.gpuCount = countDraw < 60 ? 1 : countDraw < 80 ? 2 : countDraw < 92 ? 4 : 8;
        pod.secureCloud = type.communityCloud ? random.bounded(10) < 7 : true;
        pod.dataCenterId = QString::fromUtf16(pod.secureCloud ? pick(random, kSecureDataCenters) : pick(random, kCommunityDataCenters));
        pod.machineId = randomId(random, 12);
        pod.publicIp = u"%1.%2.%3.%4"_s.arg(random.bounded(64, 214)).arg(random.bounded(256)).arg(random.bounded(256)).arg(random.bounded(1, 255));
        pod.vcpuCount = pod.gpuCount * std::array{8, 12, 16}[random.bounded(3)];
        pod.memoryInGb = pod.gpuCount * std::array{31, 62, 125}[random.bounded(3)];
        pod.volumeInGb = std::array{0, 20, 50, 100, 200}[random.bounded(5)];
        pod.containerDiskInGb = std::array{20, 50, 100}[random.bounded(3)];
        pod.running = random.bounded(4) != 0;
        const qint64 sinceStart = random.bounded(5 * kMinuteMs, 72 * kHourMs);
        pod.startedAtMs = startMs - sinceStart;
        pod.createdAtMs = pod.startedAtMs - random.bounded(qint64(10 * 24) * kHourMs);
        pod.costPerHr = round2(podPrice(type, pod.secureCloud) * pod.gpuCount);
        pod.publicPort = random.bounded(10'000, 60'000);
        const bool idlePod = random.bounded(4) == 0;
        for (int g = 0; g < pod.gpuCount; ++g) {
            SimGpu gpu;
            gpu.id = u"GPU-"_s + randomUuid(random);
            gpu.targetUtil = idlePod ? int(random.bounded(0, 9)) : int(random.bounded(50, 101));
            gpu.util = pod.running ? clampPercent(gpu.targetUtil + random.bounded(-5, 6)) : 0;
            gpu.memoryUtil = pod.running ? clampPercent(gpu.targetUtil > 10 ? 40 + gpu.targetUtil / 2 : 5) : 0;
            pod.gpus.append(gpu);
        }
        pod.cpuPercent = pod.running ? int(random.bounded(2, 60)) : 0;
        pod.memoryPercent = pod.running ? int(random.bounded(10, 80)) : 0;
        pod.quirks = drawQuirks(random, m_options.quirks,
                                {QuirkCostAsString, QuirkMemoryAsString, QuirkAdjustedCostNull, QuirkGpuMemoryUtilNull});
        m_pods.append(pod);
    }

    for (int i = 0; i < m_options.endpoints; ++i) {
        const int round = i / int(std::size(kEndpointNames));
        SimEndpoint endpoint;
        endpoint.id = randomId(random, 14);
        endpoint.name = QString::fromUtf16(kEndpointNames[i % std::size(kEndpointNames)]) + (round > 0 ? u"-%1"_s.arg(round + 1) : QString());
        endpoint.gpuIds = QString::fromUtf16(pick(random, kGpuPools));
        endpoint.templateId = randomId(random, 10);
        endpoint.locations = std::array{u"US"_s, u"EU"_s, QString()}[random.bounded(3)];
        const bool queueDelay = random.bounded(3) != 0;
        endpoint.scalerType = queueDelay ? u"QUEUE_DELAY"_s : u"REQUEST_COUNT"_s;
        endpoint.scalerValue = queueDelay ? 4 : int(random.bounded(1, 5));
        endpoint.workersMin = random.bounded(3) == 0 ? 1 : 0;
        endpoint.workersMax = random.bounded(2, 11);
        endpoint.idleTimeout = std::array{5, 30, 60}[random.bounded(3)];
        endpoint.executionTimeoutMs = std::array{300'000, 600'000}[random.bounded(2)];
        endpoint.jobsPerMinute = random.bounded(3, 41);
        endpoint.phase = random.generateDouble() * 2 * std::numbers::pi;
        endpoint.meanExecutionMs = random.bounded(1'500, 6'001);
        endpoint.load.completed = random.bounded(100, 50'000);
        endpoint.load.failed = endpoint.load.completed / 40;
        endpoint.load.retried = endpoint.load.failed / 10;
        endpoint.load.idle = endpoint.workersMin;
        m_endpoints.append(endpoint);
    }
    // A few minutes of traffic before time zero, so the first look shows workers and a queue.
    for (int t = kWarmUpTicks; t > 0; --t) {
        for (SimEndpoint &endpoint : m_endpoints)
            serveEndpoint(endpoint, startMs - t * kTickMs);
    }
}

void RunPodWorld::catchUp()
{
    const qint64 now = m_now();
    if (now - m_clockMs > kMaxCatchUpMs) {
        const qint64 skipped = (now - m_clockMs - kMaxCatchUpMs) / kTickMs * kTickMs;
        m_balance = std::max(0.0, m_balance - currentSpendPerHr() * double(skipped) / double(kHourMs));
        m_clockMs += skipped;
    }
    while (m_clockMs + kTickMs <= now) {
        m_clockMs += kTickMs;
        tick(m_clockMs);
    }
}

double RunPodWorld::currentSpendPerHr() const
{
    double sum = 0;
    for (const SimPod &pod : m_pods) {
        if (pod.running)
            sum += pod.costPerHr;
    }
    return std::round(sum * 10'000.0) / 10'000.0;
}

void RunPodWorld::tick(qint64 tickEndMs)
{
    // Billing first, at the rate that held during the tick that just ended.
    m_balance -= currentSpendPerHr() * double(kTickMs) / double(kHourMs);
    if (m_balance <= 0) {
        m_balance = 0;
        // What RunPod does when the balance runs out: every pod stops.
        for (SimPod &pod : m_pods) {
            if (pod.running) {
                pod.running = false;
                qCInfo(lcSimulator).noquote() << "balance exhausted, stopped pod" << pod.id;
            }
        }
    }
    for (SimPod &pod : m_pods) {
        if (pod.running)
            driftPod(pod);
    }
    for (SimEndpoint &endpoint : m_endpoints)
        serveEndpoint(endpoint, tickEndMs);
    if (m_options.randomEvents)
        randomEvent();
    for (SimEndpoint &endpoint : m_endpoints) {
        endpoint.jobs.removeIf([tickEndMs](const SimJob &job) {
            const qint64 doneMs = job.cancelledMs >= 0 ? job.cancelledMs : job.submittedMs + job.delayTime + job.executionTime;
            return doneMs < tickEndMs - kJobRetentionMs;
        });
    }
}

void RunPodWorld::driftPod(SimPod &pod)
{
    QRandomGenerator &random = m_tickRandom;
    int utilSum = 0;
    for (SimGpu &gpu : pod.gpus) {
        if (random.bounded(50) == 0)
            gpu.targetUtil = newTarget(random, gpu.targetUtil);
        gpu.util = clampPercent(gpu.util + int(std::lround((gpu.targetUtil - gpu.util) * 0.3)) + random.bounded(-5, 6));
        const int memoryTarget = gpu.targetUtil > 10 ? 40 + gpu.targetUtil / 2 : 5;
        gpu.memoryUtil = clampPercent(gpu.memoryUtil + int(std::lround((memoryTarget - gpu.memoryUtil) * 0.1)) + random.bounded(-2, 3));
        utilSum += gpu.util;
    }
    const int cpuTarget = pod.gpus.isEmpty() ? 10 : 5 + utilSum / int(pod.gpus.size()) / 2;
    pod.cpuPercent = clampPercent(pod.cpuPercent + int(std::lround((cpuTarget - pod.cpuPercent) * 0.3)) + random.bounded(-3, 4));
    pod.memoryPercent = clampPercent(pod.memoryPercent + random.bounded(-1, 2));
}

void RunPodWorld::serveEndpoint(SimEndpoint &endpoint, qint64 tickEndMs)
{
    QRandomGenerator &random = m_tickRandom;
    SimEndpointHealth &load = endpoint.load;
    // Traffic swells and ebbs over twenty minutes, so queues fill when it peaks above what the
    // workers can take and drain afterwards.
    const double seconds = double(tickEndMs) / 1000.0;
    const double perMinute = endpoint.jobsPerMinute * (1.0 + 0.9 * std::sin(2 * std::numbers::pi * seconds / 1200.0 + endpoint.phase));
    load.inQueue += int(std::floor(perMinute * double(kTickMs) / double(kMinuteMs) + random.generateDouble()));

    load.idle += load.initializing;   // workers that booted during the last tick
    load.initializing = 0;
    const int pool = load.idle + load.running;

    // Each job on a worker finishes within the tick with a chance set by the mean execution time.
    const double finishChance = std::min(1.0, double(kTickMs) / endpoint.meanExecutionMs);
    int finished = 0;
    int failedNow = 0;
    for (int i = 0; i < load.inProgress; ++i) {
        if (random.generateDouble() >= finishChance)
            continue;
        ++finished;
        failedNow += random.bounded(100) < 3 ? 1 : 0;
    }
    load.completed += finished - failedNow;
    load.failed += failedNow;
    if (failedNow > 0 && random.bounded(3) == 0)
        ++load.retried;
    load.inProgress -= finished;

    // Free workers take jobs from the queue.
    const int taken = std::min(load.inQueue, std::max(0, pool - load.inProgress));
    load.inQueue -= taken;
    load.inProgress += taken;
    load.running = std::min(pool, load.inProgress);
    load.idle = pool - load.running;

    // QUEUE_DELAY: enough workers that the backlog clears within scalerValue seconds;
    // REQUEST_COUNT: one worker per scalerValue outstanding requests.
    const int outstanding = load.inQueue + load.inProgress;
    const double perWorker = endpoint.scalerType == QLatin1String("QUEUE_DELAY")
        ? 1.0 + endpoint.scalerValue * 1000.0 / endpoint.meanExecutionMs
        : double(std::max(1, endpoint.scalerValue));
    const int unclamped = int(std::ceil(outstanding / perWorker));
    const int want = std::clamp(unclamped, endpoint.workersMin, endpoint.workersMax);
    load.throttled = load.inQueue > 0 ? std::clamp(unclamped - endpoint.workersMax, 0, 2) : 0;
    if (want > pool) {
        load.initializing = std::min(want - pool, 2);   // workers boot a couple at a time
        endpoint.idleTicks = 0;
    } else if (pool > want && load.idle > 0) {
        if (++endpoint.idleTicks * kTickMs >= endpoint.idleTimeout * 1000LL) {
            load.idle -= std::min(load.idle, pool - want);
            endpoint.idleTicks = 0;
        }
    } else {
        endpoint.idleTicks = 0;
    }
    load.ready = load.idle;
    const int healthDraw = random.bounded(1000);
    if (load.unhealthy == 0 && healthDraw < 2)
        load.unhealthy = 1;
    else if (load.unhealthy > 0 && healthDraw < 50)
        load.unhealthy = 0;
}

void RunPodWorld::randomEvent()
{
    QRandomGenerator &random = m_tickRandom;
    // Chances per tick: a pod stops about every 20 minutes, one resumes as often, and a price
    // moves about every 10 minutes.
    const double stopChance = double(kTickMs) / double(20 * kMinuteMs);
    const double priceChance = double(kTickMs) / double(10 * kMinuteMs);
    const double stopDraw = random.generateDouble();
    const double resumeDraw = random.generateDouble();
    const double priceDraw = random.generateDouble();
    const quint32 which = random.generate();

    QList<SimPod *> running;
    QList<SimPod *> exited;
    for (SimPod &pod : m_pods)
        (pod.running ? running : exited).append(&pod);
    if (stopDraw < stopChance && running.size() > 1) {
        SimPod *pod = running.at(which % running.size());
        pod->running = false;
        qCDebug(lcSimulator).noquote() << "pod stopped on its own:" << pod->id;
    }
    if (resumeDraw < stopChance && !exited.isEmpty() && m_balance > 0) {
        SimPod *pod = exited.at(which % exited.size());
        startPod(*pod, m_clockMs, random);
        qCDebug(lcSimulator).noquote() << "pod resumed:" << pod->id;
    }
    if (priceDraw < priceChance && !m_gpuTypes.isEmpty()) {
        SimGpuType &type = m_gpuTypes[which % m_gpuTypes.size()];
        const double factor = 0.9 + 0.2 * random.generateDouble();
        if (type.communityCloud)
            type.communityPrice = std::max(0.01, round2(type.communityPrice * factor));
        type.secureSpotPrice = std::max(0.01, round2(type.secureSpotPrice * factor));
        if (type.communitySpotPrice > 0)
            type.communitySpotPrice = std::max(0.01, round2(type.communitySpotPrice * factor));
        type.stockStatus = QString::fromUtf16(pick(random, kStock));
        qCDebug(lcSimulator).noquote() << "price moved:" << type.id;
    }
}

void RunPodWorld::startPod(SimPod &pod, qint64 atMs, QRandomGenerator &random)
{
    pod.running = true;
    pod.startedAtMs = atMs;
    if (const SimGpuType *type = gpuType(pod.gpuTypeId))
        pod.costPerHr = round2(podPrice(*type, pod.secureCloud) * pod.gpuCount);
    while (pod.gpus.size() < pod.gpuCount) {
        SimGpu gpu;
        gpu.id = u"GPU-"_s + randomUuid(random);
        gpu.targetUtil = pod.gpus.isEmpty() ? int(random.bounded(50, 101)) : pod.gpus.constFirst().targetUtil;
        pod.gpus.append(gpu);
    }
    pod.gpus.resize(pod.gpuCount);
    for (SimGpu &gpu : pod.gpus) {
        gpu.util = 0;   // a fresh container has not loaded anything yet
        gpu.memoryUtil = 0;
    }
    pod.cpuPercent = 5;
    pod.memoryPercent = 10;
    pod.publicPort = random.bounded(10'000, 60'000);
}

const SimPod *RunPodWorld::pod(const QString &id) const
{
    const auto it = std::find_if(m_pods.cbegin(), m_pods.cend(), [&id](const SimPod &p) { return p.id == id; });
    return it == m_pods.cend() ? nullptr : &*it;
}

SimPod *RunPodWorld::findPod(const QString &id)
{
    return const_cast<SimPod *>(std::as_const(*this).pod(id));
}

const SimGpuType *RunPodWorld::gpuType(const QString &id) const
{
    const auto it = std::find_if(m_gpuTypes.cbegin(), m_gpuTypes.cend(), [&id](const SimGpuType &t) { return t.id == id; });
    return it == m_gpuTypes.cend() ? nullptr : &*it;
}

std::expected<SimPod, PodActionError> RunPodWorld::stopPod(const QString &id)
{
    catchUp();
    SimPod *pod = findPod(id);
    if (!pod)
        return std::unexpected(PodActionError::NotFound);
    if (!pod->running)
        return std::unexpected(PodActionError::WrongState);
    pod->running = false;
    return *pod;
}

std::expected<SimPod, PodActionError> RunPodWorld::resumePod(const QString &id, int gpuCount)
{
    catchUp();
    SimPod *pod = findPod(id);
    if (!pod)
        return std::unexpected(PodActionError::NotFound);
    if (pod->running)
        return std::unexpected(PodActionError::WrongState);
    if (gpuCount > 0) {
        pod->vcpuCount = pod->vcpuCount / pod->gpuCount * gpuCount;
        pod->memoryInGb = pod->memoryInGb / pod->gpuCount * gpuCount;
        pod->gpuCount = gpuCount;
    }
    startPod(*pod, m_now(), m_jobRandom);
    return *pod;
}

std::expected<SimPod, QString> RunPodWorld::createPod(const SimPodSpec &spec)
{
    catchUp();
    const SimGpuType *type = gpuType(spec.gpuTypeId);
    if (!type)
        return std::unexpected(u"gpuTypeIds: unknown GPU type '%1'"_s.arg(spec.gpuTypeId));
    if (spec.secureCloud ? !type->secureCloud : !type->communityCloud)
        return std::unexpected(u"There are no instances of %1 available in %2 cloud"_s.arg(type->id, spec.secureCloud ? u"SECURE"_s : u"COMMUNITY"_s));
    QStringList centers;
    if (spec.secureCloud)
        std::transform(std::begin(kSecureDataCenters), std::end(kSecureDataCenters), std::back_inserter(centers), [](const char16_t *c) { return QString::fromUtf16(c); });
    else
        std::transform(std::begin(kCommunityDataCenters), std::end(kCommunityDataCenters), std::back_inserter(centers), [](const char16_t *c) { return QString::fromUtf16(c); });
    if (!spec.dataCenterId.isEmpty() && !centers.contains(spec.dataCenterId))
        return std::unexpected(u"dataCenterIds: unknown data center '%1'"_s.arg(spec.dataCenterId));
    SimPod pod;
    pod.id = randomId(m_jobRandom, 14);
    pod.name = spec.name;
    pod.imageName = spec.imageName;
    pod.gpuTypeId = type->id;
    pod.gpuDisplayName = type->displayName;
    pod.gpuCount = std::max(1, spec.gpuCount);
    pod.secureCloud = spec.secureCloud;
    pod.dataCenterId = spec.dataCenterId.isEmpty() ? centers.at(m_jobRandom.bounded(int(centers.size()))) : spec.dataCenterId;
    pod.machineId = randomId(m_jobRandom, 12);
    pod.publicIp = u"%1.%2.%3.%4"_s.arg(m_jobRandom.bounded(64, 214)).arg(m_jobRandom.bounded(256)).arg(m_jobRandom.bounded(256)).arg(m_jobRandom.bounded(1, 255));
    pod.vcpuCount = pod.gpuCount * 8;
    pod.memoryInGb = pod.gpuCount * 31;
    pod.createdAtMs = m_now();
    startPod(pod, pod.createdAtMs, m_jobRandom);
    if (spec.interruptible) {
        const double spot = spec.secureCloud ? type->secureSpotPrice : type->communitySpotPrice;
        if (spot > 0)
            pod.costPerHr = round2(spot * pod.gpuCount);
    }
    m_pods.append(pod);
    return pod;
}

std::expected<SimPod, PodActionError> RunPodWorld::restartPod(const QString &id)
{
    catchUp();
    SimPod *pod = findPod(id);
    if (!pod)
        return std::unexpected(PodActionError::NotFound);
    if (!pod->running)
        return std::unexpected(PodActionError::WrongState);
    const double keptRate = pod->costPerHr;   // a restart keeps the machine and its rate
    startPod(*pod, m_now(), m_jobRandom);
    pod->costPerHr = keptRate;
    return *pod;
}

std::expected<void, PodActionError> RunPodWorld::terminatePod(const QString &id)
{
    catchUp();
    const qsizetype removed = m_pods.removeIf([&id](const SimPod &p) { return p.id == id; });
    if (removed == 0)
        return std::unexpected(PodActionError::NotFound);
    return {};
}

const SimEndpoint *RunPodWorld::endpoint(const QString &id) const
{
    const auto it = std::find_if(m_endpoints.cbegin(), m_endpoints.cend(), [&id](const SimEndpoint &e) { return e.id == id; });
    return it == m_endpoints.cend() ? nullptr : &*it;
}

SimEndpoint *RunPodWorld::findEndpoint(const QString &id)
{
    return const_cast<SimEndpoint *>(std::as_const(*this).endpoint(id));
}

std::optional<SimEndpointHealth> RunPodWorld::health(const QString &endpointId) const
{
    const SimEndpoint *endpoint = this->endpoint(endpointId);
    if (!endpoint)
        return std::nullopt;
    SimEndpointHealth health = endpoint->load;
    for (const SimJob &job : endpoint->jobs) {
        switch (view(job).status) {
        case SimJobStatus::InQueue: ++health.inQueue; break;
        case SimJobStatus::InProgress: ++health.inProgress; break;
        case SimJobStatus::Completed: ++health.completed; break;
        case SimJobStatus::Failed: ++health.failed; break;
        case SimJobStatus::Cancelled: break;
        }
    }
    return health;
}

std::optional<SimJobView> RunPodWorld::submitJob(const QString &endpointId, const QJsonValue &input, bool sync)
{
    catchUp();
    SimEndpoint *endpoint = findEndpoint(endpointId);
    if (!endpoint)
        return std::nullopt;
    SimJob job;
    job.id = sync ? u"sync-"_s + randomUuid(m_jobRandom) : randomUuid(m_jobRandom) + u"-u1"_s;
    job.input = input;
    job.delayTime = m_jobRandom.bounded(80, 2'500);
    job.executionTime = std::max(100, int(m_jobRandom.bounded(endpoint->meanExecutionMs / 2, endpoint->meanExecutionMs * 3 / 2)));
    job.fails = input.toObject().value(u"fail"_s).toBool();
    // A /runsync caller waits until the job is done, so it is done by the time it answers.
    job.submittedMs = sync ? m_now() - job.delayTime - job.executionTime : m_now();
    endpoint->jobs.append(job);
    return view(job);
}

std::optional<SimJobView> RunPodWorld::job(const QString &endpointId, const QString &jobId) const
{
    const SimEndpoint *endpoint = this->endpoint(endpointId);
    if (!endpoint)
        return std::nullopt;
    for (const SimJob &job : endpoint->jobs) {
        if (job.id == jobId)
            return view(job);
    }
    return std::nullopt;
}

std::optional<SimJobView> RunPodWorld::cancelJob(const QString &endpointId, const QString &jobId)
{
    catchUp();
    SimEndpoint *endpoint = findEndpoint(endpointId);
    if (!endpoint)
        return std::nullopt;
    for (SimJob &job : endpoint->jobs) {
        if (job.id != jobId)
            continue;
        const SimJobStatus status = view(job).status;
        if (status == SimJobStatus::InQueue || status == SimJobStatus::InProgress)
            job.cancelledMs = m_now();
        return view(job);
    }
    return std::nullopt;
}

SimJobView RunPodWorld::view(const SimJob &job) const
{
    SimJobView view;
    view.id = job.id;
    view.delayTime = job.delayTime;
    view.executionTime = job.executionTime;
    const qint64 now = m_now();
    const qint64 startedMs = job.submittedMs + job.delayTime;
    const qint64 doneMs = startedMs + job.executionTime;
    if (job.cancelledMs >= 0 && job.cancelledMs < doneMs) {
        view.status = SimJobStatus::Cancelled;
        view.delayTime = int(std::min<qint64>(job.delayTime, job.cancelledMs - job.submittedMs));
        view.executionTime = int(std::max<qint64>(0, job.cancelledMs - startedMs));
    } else if (now < startedMs) {
        view.status = SimJobStatus::InQueue;
    } else if (now < doneMs) {
        view.status = SimJobStatus::InProgress;
    } else if (job.fails) {
        view.status = SimJobStatus::Failed;
        view.error = u"simulated failure: the handler raised an exception"_s;
    } else {
        view.status = SimJobStatus::Completed;
        view.output = job.input;
    }
    return view;
}

QString RunPodWorld::randomId(QRandomGenerator &random, int length)
{
    static constexpr char16_t kAlphabet[] = u"abcdefghijklmnopqrstuvwxyz0123456789";
    QString id(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        id[i] = QChar(kAlphabet[random.bounded(int(std::size(kAlphabet) - 1))]);
    return id;
}

QString RunPodWorld::randomUuid(QRandomGenerator &random)
{
    QString hex;
    for (int i = 0; i < 4; ++i)
        hex += u"%1"_s.arg(random.generate(), 8, 16, QLatin1Char('0'));
    return u"%1-%2-%3-%4-%5"_s.arg(hex.left(8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20, 12));
}

} // namespace fleetscope
