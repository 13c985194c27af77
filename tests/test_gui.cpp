// GUI smoke tests (offscreen): every page empty, seeded and failing, chart and table exports, screenshots of each page.
#include "alertnotifier.h"
#include "alertruledialog.h"
#include "alerts/alertmonitor.h"
#include "alertsmodel.h"
#include "alertspage.h"
#include "budgetdialog.h"
#include "budgetsmodel.h"
#include "budgetspanel.h"
#include "connectionsmodel.h"
#include "costpage.h"
#include "endpointsmodel.h"
#include "endpointspage.h"
#include "figurecard.h"
#include "guardraildialog.h"
#include "fleetconnectionsmodel.h"
#include "gputypesmodel.h"
#include "mainwindow.h"
#include "plurals.h"
#include "metricquerybar.h"
#include "offersmodel.h"
#include "offerspage.h"
#include "overviewpage.h"
#include "page.h"
#include "pagestate.h"
#include "podsmodel.h"
#include "podspage.h"
#include "providerspage.h"
#include "schemadialog.h"
#include "runcomparisondialog.h"
#include "snapshotformat.h"
#include "stalebanner.h"
#include "syncstatusbar.h"
#include "tableview.h"
#include "timelinemodel.h"
#include "timelinepage.h"
#include "timerangepicker.h"
#include "timeserieschart.h"
#include "workflowcomparisonmodel.h"
#include "workflowrunsmodel.h"
#include "workflowspage.h"
#include "workflowsummarymodel.h"
#include "workflowverdictsmodel.h"
#include "workflows/runimport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QRadioButton>
#include <QSpinBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QTabWidget>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QRandomGenerator>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QToolButton>
#include <QMenu>
#include <QAction>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <memory>

using namespace fleetscope;

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr int kGpus = 3;
constexpr int kSamplesPerGpu = 24 * 60;   // a day at 60 s

// Empty-state text each page must show for an empty store, by page (sidebar order).
const QStringList kEmptyTexts = {
    QStringLiteral("No providers yet"),             // Overview
    QStringLiteral("No billing data yet"),          // Cost
    QStringLiteral("No serverless endpoints yet"),  // Endpoints
    QStringLiteral("No pods or instances yet"),     // Pods
    QStringLiteral("No GPU offers yet"),            // GPU Offers
    QStringLiteral("No workflow configurations yet"),   // Workflows
    QStringLiteral("No alert rules yet"),               // Alerts
    QStringLiteral("No events"),                        // Timeline
    QStringLiteral("No providers yet"),             // Providers
};

// A temporary data directory with a started store in it.
struct TestStore {
    QTemporaryDir dir;
    std::unique_ptr<StoreService> service;

    bool start()
    {
        const Result<StoreLocation> location = StoreLocation::parse(QString(), dir.path());
        if (!location)
            return false;
        service = std::make_unique<StoreService>(*location);
        return service->startBlocking().has_value();
    }
};

// Stores one connection that synced just now and returns its id (0 if it was not stored).
qint64 seedConnection(StoreService &store, const QString &kind, const QString &name, int cadenceSeconds)
{
    ConnectionRecord connection;
    connection.kind = kind;
    connection.name = name;
    connection.cadenceSeconds = cadenceSeconds;
    connection.lastSyncAt = QDateTime::currentDateTimeUtc();
    connection.lastSuccessAt = connection.lastSyncAt;
    connection.lastStatus = QStringLiteral("ok");
    WriteBatch connectionBatch;
    connectionBatch.source = QStringLiteral("test connection");
    connectionBatch.connections << connection;
    store.submit(connectionBatch);
    store.flush();
    const Result<QList<ConnectionRecord>> stored =
        store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
    if (!stored)
        return 0;
    for (const ConnectionRecord &c : *stored) {
        if (c.name == name)
            return c.id;
    }
    return 0;
}

// Test data, clearly: one Prometheus/DCGM connection and a day of GPU utilisation per GPU at 60 s,
// busy in working hours and idle at night, with a little fixed-seed noise. NEWEST_MEAN, when given,
// receives the mean of the GPUs' newest samples.
qint64 seedGpuDay(StoreService &store, double *newestMean = nullptr)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 connectionId = seedConnection(store, QStringLiteral("prometheus"), QStringLiteral("lab-dcgm"), 60);
    if (connectionId == 0)
        return 0;

    QRandomGenerator noise(20260314);
    WriteBatch samples;
    samples.source = QStringLiteral("test samples");
    double newestSum = 0;
    const qint64 endMs = now.toMSecsSinceEpoch() / kMinuteMs * kMinuteMs;
    for (int gpu = 0; gpu < kGpus; ++gpu) {
        SeriesSamples series;
        series.key.connectionId = connectionId;
        series.key.metric = QStringLiteral("gpu_util_percent");   // the canonical name DCGM collectors store
        series.key.labelsJson = QStringLiteral(R"({"Hostname":"node-a","gpu":"%1"})").arg(gpu);
        for (int i = 0; i < kSamplesPerGpu; ++i) {
            const qint64 ts = endMs - qint64(kSamplesPerGpu - 1 - i) * kMinuteMs;
            const double hour = QDateTime::fromMSecsSinceEpoch(ts).toLocalTime().time().msecsSinceStartOfDay() / 3.6e6;
            const double working = std::max(0.0, std::sin(std::numbers::pi * (hour - 7.0) / 13.0));
            const double value = 8.0 + 80.0 * working - 10.0 * gpu + noise.bounded(12.0);
            series.samples.append(Sample{ts, std::clamp(value, 0.0, 100.0)});
        }
        newestSum += series.samples.last().value;
        samples.series << series;
    }
    if (newestMean)
        *newestMean = newestSum / kGpus;
    store.submit(samples);
    store.flush();
    return connectionId;
}

// Test data, clearly: one RunPod connection and a day of its snapshots — pods every 5 min (one
// exited, with no runtime values), endpoint health every 2 min (sdxl-batch starving: its queue
// grows over the last half hour with no worker running), billing every 5 min, balance falling.
struct RunPodDay {
    qint64 connectionId = 0;
    int pods = 0;
    int runningPods = 0;
    double burnPerHour = 0;     // the latest billing snapshot's, equal to the running pods' cost
    double balance = 0;         // the latest billing snapshot's
    int offers = 0;             // rows of the newest GPU catalog
};

struct SeedPod {
    const char *id;
    const char *name;
    const char *gpu;
    qint64 gpus;
    double cost;
    double util;                // typical GPU util; below 10 counts as idle
    const char *region;
    bool running;
};

const SeedPod kSeedPods[] = {
    {"p-01", "trainer-llama", "NVIDIA H100 80GB HBM3", 4, 11.96, 91, "US-TX-3", true},
    {"p-02", "finetune-mistral", "NVIDIA A100 80GB PCIe", 2, 3.28, 74, "EU-RO-1", true},
    {"p-03", "notebook-ana", "NVIDIA RTX A6000", 1, 0.79, 3, "EU-SE-1", true},
    {"p-04", "eval-harness", "NVIDIA L40S", 1, 0.86, 48, "US-OR-1", true},
    {"p-05", "render-farm-1", "NVIDIA GeForce RTX 4090", 2, 1.38, 63, "CA-MTL-1", true},
    {"p-06", "dev-box", "NVIDIA RTX A5000", 1, 0.36, 6, "EU-CZ-1", true},
    {"p-07", "embeddings", "NVIDIA L4", 1, 0.43, 35, "US-GA-1", true},
    {"p-08", "old-experiment", "NVIDIA A40", 1, 0.35, 0, "EU-NL-1", false},
};

RunPodDay seedRunPodDay(StoreService &store)
{
    RunPodDay day;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    day.connectionId = seedConnection(store, QStringLiteral("runpod"), QStringLiteral("runpod-prod"), 300);
    if (day.connectionId == 0)
        return day;

    QRandomGenerator noise(20260315);
    WriteBatch batch;
    batch.source = QStringLiteral("test runpod day");
    const qint64 endMs = now.toMSecsSinceEpoch() / kMinuteMs * kMinuteMs - kMinuteMs;
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(endMs, Qt::UTC);
    constexpr int kPodSteps = 24 * 12;   // 5 min
    double balance = 1200.0;
    for (int step = 0; step < kPodSteps; ++step) {
        const QDateTime ts = end.addSecs(-qint64(kPodSteps - 1 - step) * 300);
        double burn = 0;
        for (const SeedPod &p : kSeedPods) {
            InstanceSnapshot s;
            s.snapshotTs = ts;
            s.connectionId = day.connectionId;
            s.provider = QStringLiteral("runpod");
            s.instanceId = QString::fromLatin1(p.id);
            s.name = QString::fromLatin1(p.name);
            s.gpuType = QString::fromLatin1(p.gpu);
            s.gpuCount = p.gpus;
            s.vcpuCount = 8 * p.gpus;
            s.memoryGb = 62.0 * double(p.gpus);
            s.region = QString::fromLatin1(p.region);
            // The exited pod ran for the first half of the day; the eval pod started 6 hours ago.
            const bool exitedNow = !p.running && step >= kPodSteps / 2;
            const bool notStarted = QLatin1String(p.id) == QLatin1String("p-04") && step < kPodSteps * 3 / 4;
            const bool running = !exitedNow && !notStarted;
            s.status = running ? QStringLiteral("RUNNING") : QStringLiteral("EXITED");
            s.costPerHour = p.cost;
            if (running) {
                const int startStep = notStarted || QLatin1String(p.id) != QLatin1String("p-04") ? 0 : kPodSteps * 3 / 4;
                s.uptimeSeconds = qint64(step - startStep + 1) * 300 + (startStep == 0 ? 3 * 86400 : 0);
                const double wave = p.util < 10 ? noise.bounded(4.0) : 12.0 * std::sin(step / 9.0) + noise.bounded(8.0);
                s.gpuUtilPercent = std::clamp(p.util + wave - 4.0, 0.0, 100.0);
                burn += p.cost;
            }
            batch.instances << s;
        }
        balance -= burn / 12.0;
        BillingSnapshot b;
        b.snapshotTs = ts;
        b.connectionId = day.connectionId;
        b.currentSpendPerHr = burn;
        b.balance = balance;
        b.lifetimeSpend = 4180.0 + (1200.0 - balance);
        b.spendLimit = 40.0;
        batch.billing << b;
        day.burnPerHour = burn;
        day.balance = balance;
    }
    for (const SeedPod &p : kSeedPods)
        day.runningPods += p.running ? 1 : 0;
    day.pods = int(std::size(kSeedPods));

    struct SeedEndpoint { const char *id; const char *name; const char *gpus; };
    const SeedEndpoint endpoints[] = {{"ep-whisper", "whisper-large", "AMPERE_16"},
                                      {"ep-sdxl", "sdxl-batch", "ADA_24,AMPERE_24"},
                                      {"ep-llm", "llm-chat", "HOPPER_141"}};
    for (const SeedEndpoint &e : endpoints) {
        EndpointSnapshot snapshot;
        snapshot.snapshotTs = end;
        snapshot.connectionId = day.connectionId;
        snapshot.endpointId = QString::fromLatin1(e.id);
        snapshot.name = QString::fromLatin1(e.name);
        snapshot.computeType = QStringLiteral("GPU");
        snapshot.gpuTypeIds = QString::fromLatin1(e.gpus);
        snapshot.workersMin = 0;
        snapshot.workersMax = 3;
        snapshot.scalerType = QStringLiteral("QUEUE_DELAY");
        snapshot.scalerValue = 4;
        snapshot.idleTimeout = 5;
        batch.endpoints << snapshot;
    }
    constexpr int kHealthSteps = 24 * 30;   // 2 min
    for (int step = 0; step < kHealthSteps; ++step) {
        const QDateTime ts = end.addSecs(-qint64(kHealthSteps - 1 - step) * 120);
        const double phase = step / 30.0;
        for (const SeedEndpoint &e : endpoints) {
            EndpointHealth h;
            h.observedTs = ts;
            h.connectionId = day.connectionId;
            h.endpointId = QString::fromLatin1(e.id);
            const QLatin1String id(e.id);
            const qint64 busy = qint64(std::lround(1.5 + 1.5 * std::sin(phase)));
            if (id == QLatin1String("ep-sdxl")) {
                const bool starving = step >= kHealthSteps - 15;   // the last half hour
                h.workersRunning = starving ? 0 : busy;
                h.workersIdle = 0;
                h.workersInitializing = starving ? 1 : 0;
                h.jobsInQueue = starving ? 2 + (step - (kHealthSteps - 15)) : qint64(noise.bounded(3));
                h.jobsCompleted = 400 + step;
                h.jobsFailed = 2;
            } else {
                h.workersRunning = busy;
                h.workersIdle = 3 - busy;
                h.workersInitializing = 0;
                h.jobsInQueue = qint64(noise.bounded(2 + int(busy)));
                h.jobsCompleted = 900 + 3 * step;
                h.jobsFailed = id == QLatin1String("ep-llm") ? 180 + step / 2 : 1;   // llm-chat fails often
            }
            h.workersThrottled = 0;
            h.workersUnhealthy = 0;
            h.jobsInProgress = h.workersRunning;
            h.jobsRetried = 0;
            batch.endpointHealth << h;
        }
    }
    // The GPU catalog hourly: secure and community prices, the community ones drifting with demand.
    struct SeedOffer { const char *gpu; double memory; double secure; double community; double spot; };
    const SeedOffer offers[] = {
        {"NVIDIA H100 80GB HBM3", 80, 2.99, 2.69, 1.75}, {"NVIDIA A100 80GB PCIe", 80, 1.64, 1.19, 0.82},
        {"NVIDIA L40S", 48, 0.86, 0.79, 0.53},           {"NVIDIA RTX A6000", 48, 0.49, 0.33, 0.25},
        {"NVIDIA GeForce RTX 4090", 24, 0.69, 0.34, 0.35}, {"NVIDIA L4", 24, 0.43, 0.0, 0.22},
    };
    for (int hour = 0; hour < 24; ++hour) {
        const QDateTime ts = end.addSecs(-qint64(23 - hour) * 3600);
        for (const SeedOffer &o : offers) {
            for (const bool secure : {true, false}) {
                const double base = secure ? o.secure : o.community;
                if (base <= 0)
                    continue;   // not offered in that tier
                GpuOffer offer;
                offer.observedTs = ts;
                offer.provider = QStringLiteral("runpod");
                offer.gpuType = QString::fromLatin1(o.gpu);
                offer.providerGpuId = offer.gpuType;
                offer.tier = secure ? QStringLiteral("secure") : QStringLiteral("community");
                offer.gpuCount = 1;
                offer.memoryGb = o.memory;
                const double drift = secure ? 0.0 : 0.08 * std::sin(hour / 3.0);
                offer.pricePerHour = std::round(base * (1.0 + drift) * 100.0) / 100.0;
                if (secure)
                    offer.spotPricePerHour = o.spot;
                offer.available = !(hour == 23 && !secure && QLatin1String(o.gpu) == QLatin1String("NVIDIA H100 80GB HBM3"));
                batch.offers << offer;
                if (hour == 23)
                    ++day.offers;
            }
        }
    }
    store.submit(batch);
    store.flush();
    return day;
}

// Test data, clearly: a second cloud, a Lambda account with a day of instance snapshots every 5 min
// ending 10 min ago (an H100 ×8 sweep, an idle A10 notebook, a stopped A100 box) and its GPU catalog;
// its last sync failed 5 min ago.
struct LambdaDay {
    qint64 connectionId = 0;
    QString error;
};

LambdaDay seedLambdaDay(StoreService &store)
{
    LambdaDay day;
    day.connectionId = seedConnection(store, QStringLiteral("lambda"), QStringLiteral("lambda-research"), 300);
    if (day.connectionId == 0)
        return day;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch() / kMinuteMs * kMinuteMs, Qt::UTC).addSecs(-600);
    struct Instance { const char *id; const char *name; const char *gpu; qint64 gpus; double cost; double util; bool running; };
    const Instance instances[] = {
        {"l-01", "sweep-h100", "NVIDIA H100 80GB HBM3", 8, 23.92, 85, true},
        {"l-02", "jupyter-a10", "NVIDIA A10", 1, 0.75, 2, true},
        {"l-03", "batch-a100", "NVIDIA A100 80GB PCIe", 4, 5.16, 0, false},
    };
    WriteBatch batch;
    batch.source = QStringLiteral("test lambda day");
    constexpr int kSteps = 24 * 12;
    for (int step = 0; step < kSteps; ++step) {
        const QDateTime ts = end.addSecs(-qint64(kSteps - 1 - step) * 300);
        for (const Instance &i : instances) {
            InstanceSnapshot s;
            s.snapshotTs = ts;
            s.connectionId = day.connectionId;
            s.provider = QStringLiteral("lambda");
            s.instanceId = QString::fromLatin1(i.id);
            s.name = QString::fromLatin1(i.name);
            s.gpuType = QString::fromLatin1(i.gpu);
            s.gpuCount = i.gpus;
            s.region = QStringLiteral("us-east-1");
            // The sweep started 8 hours ago; before that only the notebook ran.
            const bool running = i.running && (QLatin1String(i.id) != QLatin1String("l-01") || step >= kSteps / 3);
            s.status = running ? QStringLiteral("RUNNING") : QStringLiteral("STOPPED");
            s.costPerHour = i.cost;
            if (running)
                s.gpuUtilPercent = i.util + (i.util > 10 ? 6.0 * std::sin(step / 7.0) : 0.0);
            batch.instances << s;
        }
    }
    struct Offer { const char *gpu; double price; };
    for (const Offer &o : {Offer{"NVIDIA H100 80GB HBM3", 2.49}, Offer{"NVIDIA A100 80GB PCIe", 1.29}, Offer{"NVIDIA A10", 0.75}}) {
        GpuOffer offer;
        offer.observedTs = end;
        offer.provider = QStringLiteral("lambda");
        offer.gpuType = QString::fromLatin1(o.gpu);
        offer.providerGpuId = offer.gpuType;
        offer.tier = QStringLiteral("on-demand");
        offer.gpuCount = 1;
        offer.pricePerHour = o.price;
        offer.available = true;
        batch.offers << offer;
    }
    day.error = QStringLiteral("unavailable: cloud.lambdalabs.com/api/v1/instances: HTTP 503 Service Unavailable");
    batch.statuses << ConnectionStatus{day.connectionId, now.addSecs(-300), QStringLiteral("failed"), day.error};
    store.submit(batch);
    store.flush();
    return day;
}

// Test data, clearly: a workflow configuration and ten nightly-ish runs of the vLLM serving benchmark
// fixture over the last day (two result files a run, at concurrency 2 and 8), every timing within 1 %
// of the fixture's, then in the newest run median TTFT at concurrency 2 up 40 % (a regression) and
// output throughput at concurrency 8 up 25 % (an improvement); one more run whose only file is broken.
struct WorkflowSeed {
    QString config;
    QList<QDateTime> times;      // of the ten good runs, oldest first
    double baselineTtft = 0;     // the fixture's median TTFT: the median of the nine runs before the newest
};

WorkflowSeed seedWorkflowRuns(StoreService &store)
{
    WorkflowSeed seed;
    seed.config = QStringLiteral("vllm-serve-bench");
    WorkflowConfig config;
    config.name = seed.config;
    config.githubOwner = QStringLiteral("acme");
    config.githubRepo = QStringLiteral("llm-serving");
    config.workflowFilter = QStringLiteral("bench.yml");
    config.branchFilter = QStringLiteral("main");
    config.filePatterns = {QStringLiteral("results/*.json")};
    WorkflowConfig idle;
    idle.name = QStringLiteral("train-nightly");
    idle.githubOwner = QStringLiteral("acme");
    idle.githubRepo = QStringLiteral("trainer");
    WriteBatch configs;
    configs.source = QStringLiteral("test workflow configurations");
    configs.workflowConfigs << config << idle;
    store.submit(configs);
    store.flush();
    const Result<QList<WorkflowConfig>> stored = store.read<QList<WorkflowConfig>>([](Store &s) { return s.workflowConfigs(); }).result();
    if (!stored)
        return {};
    for (const WorkflowConfig &c : *stored) {
        if (c.name == seed.config)
            config = c;
    }

    QFile fixture(QStringLiteral(FLEETSCOPE_FIXTURES "/bench/vllm-bench-serve-v0.25.1.json"));
    if (!fixture.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject original = QJsonDocument::fromJson(fixture.readAll()).object();
    seed.baselineTtft = original.value(QLatin1String("median_ttft_ms")).toDouble();
    const QStringList timings{QStringLiteral("mean_ttft_ms"), QStringLiteral("median_ttft_ms"), QStringLiteral("p99_ttft_ms"),
                              QStringLiteral("mean_itl_ms"), QStringLiteral("median_itl_ms"), QStringLiteral("mean_tpot_ms"),
                              QStringLiteral("output_throughput"), QStringLiteral("request_throughput"),
                              QStringLiteral("total_token_throughput"), QStringLiteral("duration")};
    const double noise[] = {0, 0.008, -0.006, 0.003, -0.009, 0.005, -0.002, 0.007, -0.004, 0};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    WriteBatch runs;
    runs.source = QStringLiteral("test workflow runs");
    constexpr int kRuns = 10;
    for (int i = 0; i < kRuns; ++i) {
        const bool newest = i + 1 == kRuns;
        CollectedFiles files;
        for (const int concurrency : {2, 8}) {
            QJsonObject result = original;
            result.insert(QStringLiteral("max_concurrency"), concurrency);
            for (const QString &key : timings) {
                double value = original.value(key).toDouble() * (1 + noise[i]) * (concurrency == 8 && key.endsWith(QLatin1String("throughput")) ? 3 : 1);
                if (newest && concurrency == 2 && key == QLatin1String("median_ttft_ms"))
                    value *= 1.4;
                if (newest && concurrency == 8 && key == QLatin1String("output_throughput"))
                    value *= 1.25;
                result.insert(key, i == 0 && key == QLatin1String("median_ttft_ms") ? original.value(key).toDouble() : value);
            }
            files.files << ResultFile{QStringLiteral("results/serve-c%1.json").arg(concurrency), QJsonDocument(result).toJson()};
        }
        RunOptions options;
        options.runId = QString::number(7'310'400 + i * 17);
        options.headSha = QString::fromLatin1(QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha1).toHex());
        options.headBranch = QStringLiteral("main");
        options.startedAt = now.addSecs(-qint64(kRuns - 1 - i) * 2 * 3600 - 1800);
        options.collectedAt = options.startedAt.addSecs(600);
        options.triggerSource = i < 5 ? TriggerSource::Backfill : TriggerSource::Realtime;
        seed.times << options.startedAt;
        runs.workflowRuns << buildRun(config, files, options).write;
    }
    CollectedFiles broken;
    broken.files << ResultFile{QStringLiteral("results/serve-c2.json"), QByteArrayLiteral("{\"backend\": \"vllm\", \"median_ttft_ms\": ")};
    RunOptions options;
    options.runId = QStringLiteral("7310600");
    options.headSha = QStringLiteral("deadbeefcafe0123456789");
    options.headBranch = QStringLiteral("fix/tokenizer");
    options.startedAt = now.addSecs(-3 * 3600);
    options.collectedAt = options.startedAt.addSecs(600);
    runs.workflowRuns << buildRun(config, broken, options).write;
    store.submit(runs);
    store.flush();
    return seed;
}

// Test data, clearly: eight weeks of a serving benchmark matrix, a run every two days, each run a CSV with
// three repetitions of TTFT for two models on two GPUs. llama-8b slows by 0.3 % a run, qwen-7b speeds up by as
// much; the newest run's llama-8b on h100 is 40 % slower (a regression).
struct QueryValue {
    QDateTime time;
    QString model;
    QString gpu;
    double value = 0;
};

struct QuerySeed {
    QString config = QStringLiteral("serve-matrix");
    QList<QueryValue> values;
    QDateTime newest;
};

QuerySeed seedQueryRuns(StoreService &store)
{
    QuerySeed seed;
    WorkflowConfig config;
    config.name = seed.config;
    config.githubOwner = QStringLiteral("acme");
    config.githubRepo = QStringLiteral("serving-matrix");
    WriteBatch configs;
    configs.source = QStringLiteral("test workflow configuration");
    configs.workflowConfigs << config;
    store.submit(configs);
    store.flush();
    const Result<QList<WorkflowConfig>> stored = store.read<QList<WorkflowConfig>>([](Store &s) { return s.workflowConfigs(); }).result();
    if (!stored || stored->isEmpty())
        return {};
    config = stored->first();
    const QMap<QString, double> base{{QStringLiteral("llama-8b/h100"), 40}, {QStringLiteral("llama-8b/a100"), 60},
                                     {QStringLiteral("qwen-7b/h100"), 50}, {QStringLiteral("qwen-7b/a100"), 70}};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    constexpr int kRuns = 28;
    WriteBatch runs;
    runs.source = QStringLiteral("test workflow runs");
    for (int i = 0; i < kRuns; ++i) {
        const QDateTime time = now.addDays(-2 * (kRuns - 1 - i)).addSecs(-3600);
        QByteArray csv = "model,gpu,ttft_ms\n";
        for (auto it = base.cbegin(); it != base.cend(); ++it) {
            const QString model = it.key().section(QLatin1Char('/'), 0, 0);
            const QString gpu = it.key().section(QLatin1Char('/'), 1);
            const double drift = model == QLatin1String("llama-8b") ? 1 + 0.003 * i : 1 - 0.003 * i;
            const double planted = i + 1 == kRuns && it.key() == QLatin1String("llama-8b/h100") ? 1.4 : 1.0;
            for (int rep = 0; rep < 3; ++rep) {
                const double value = (*it * drift + rep) * planted;
                csv += QStringLiteral("%1,%2,%3\n").arg(model, gpu, QString::number(value, 'g', 17)).toUtf8();
                seed.values << QueryValue{time, model, gpu, value};
            }
        }
        CollectedFiles files;
        files.files << ResultFile{QStringLiteral("results/ttft.csv"), csv};
        RunOptions options;
        options.runId = QString::number(9'100 + i);
        options.headBranch = QStringLiteral("main");
        options.startedAt = time;
        options.collectedAt = time.addSecs(600);
        runs.workflowRuns << buildRun(config, files, options).write;
        seed.newest = time;
    }
    store.submit(runs);
    store.flush();
    return seed;
}

QString screenshotPath(const QString &scenario, int index, const Page *page)
{
    return QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/%1-%2-%3.png")
        .arg(scenario, QString::number(index + 1).rightJustified(2, QLatin1Char('0')), page->objectName());
}

// True when a label with TEXT in it is on screen inside WIDGET.
bool showsText(const QWidget *widget, const QString &text)
{
    for (const QLabel *label : widget->findChildren<QLabel *>()) {
        if (label->isVisible() && label->text().contains(text))
            return true;
    }
    return false;
}

QPushButton *visibleButton(const QWidget *widget, const QString &text)
{
    for (QPushButton *button : widget->findChildren<QPushButton *>()) {
        if (button->isVisible() && button->text() == text)
            return button;
    }
    return nullptr;
}

} // namespace

class TestGui : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settingsDir;
    std::unique_ptr<QSettings> m_settings;
    // Shows page INDEX, waits until it has loaded, and saves a screenshot of the window.
    void visit(MainWindow &window, int index, const QString &scenario)
    {
        window.showPage(index);
        Page *page = window.currentPage();
        QCOMPARE(page, window.pages().at(index));
        QTRY_VERIFY(page->pageState()->state() != PageState::State::Loading);
        if (auto *overview = qobject_cast<OverviewPage *>(page); overview && page->pageState()->state() == PageState::State::Content)
            QTRY_VERIFY(overview->chartState()->state() != PageState::State::Loading);
        QTest::qWait(100);   // let the chart's coalesced redraw and the layout settle before the grab
        const QImage shot = window.grab().toImage();
        QCOMPARE(shot.size(), QSize(1280, 800));
        QVERIFY(shot.save(screenshotPath(scenario, index, page)));
    }

    // Saves the window as it is now under the scenario's name for page INDEX.
    void grabPage(MainWindow &window, int index, const QString &scenario)
    {
        QTest::qWait(150);   // the charts' coalesced redraws and the layout settle first
        QVERIFY(window.grab().toImage().save(screenshotPath(scenario, index, window.pages().at(index))));
    }

    std::unique_ptr<MainWindow> openWindow(StoreService &store, const QString &dataDir)
    {
        auto window = std::make_unique<MainWindow>(store, *m_settings, dataDir);
        window->resize(1280, 800);
        window->show();
        window->refresh();   // as main() does once the store has started
        if (!QTest::qWaitForWindowExposed(window.get()))
            return nullptr;
        return window;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots")));
        // As main() does for a locale without a translation: "%n row(s)" reads "1 row", "2 rows".
        QVERIFY(installEnglishPlurals(*QCoreApplication::instance()));
        QCOMPARE(QCoreApplication::translate("fleetscope::TableView", "%n row(s)", nullptr, 1), QStringLiteral("1 row"));
        QCOMPARE(QCoreApplication::translate("fleetscope::TableView", "%n row(s)", nullptr, 46), QStringLiteral("46 rows"));
    }

    void init()
    {
        // Each test starts from empty settings in its own file, as main() gives the window.
        QFile::remove(m_settingsDir.filePath(QStringLiteral("fleetscope.conf")));
        m_settings = std::make_unique<QSettings>(m_settingsDir.filePath(QStringLiteral("fleetscope.conf")), QSettings::IniFormat);
    }

    void emptyStoreShowsWhatToDoNext()
    {
        TestStore store;
        QVERIFY(store.start());
        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        QCOMPARE(window->pages().size(), kEmptyTexts.size());

        for (int i = 0; i < window->pages().size(); ++i) {
            visit(*window, i, QStringLiteral("empty"));
            if (QTest::currentTestFailed())
                return;
            Page *page = window->pages().at(i);
            QCOMPARE(page->pageState()->state(), PageState::State::Empty);
            QVERIFY2(page->pageState()->message().contains(kEmptyTexts.at(i)), qPrintable(page->pageState()->message()));
            QVERIFY2(showsText(page, kEmptyTexts.at(i)), qPrintable(page->objectName()));
        }
        QTRY_COMPARE(window->syncStatusBar()->texts(), QStringList{QStringLiteral("No providers configured")});

        // "Add a provider…" leads to the Providers page.
        window->showPage(0);
        QPushButton *add = visibleButton(window->pages().first(), QStringLiteral("Add a provider…"));
        QVERIFY(add);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(window->currentPage()->objectName(), QStringLiteral("providers"));
    }

    void seededStoreShowsDataOnEveryPage()
    {
        TestStore store;
        QVERIFY(store.start());
        double newestMean = 0;
        QVERIFY(seedGpuDay(*store.service, &newestMean) > 0);
        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);

        for (int i = 0; i < window->pages().size(); ++i) {
            visit(*window, i, QStringLiteral("seeded"));
            if (QTest::currentTestFailed())
                return;
        }

        window->showPage(0);
        auto *overview = qobject_cast<OverviewPage *>(window->pages().first());
        QVERIFY(overview);
        QCOMPARE(overview->pageState()->state(), PageState::State::Content);
        // Metrics only: util from the GPUs' newest samples; nothing runs or costs that anyone reports.
        QCOMPARE(overview->utilCard()->valueLabel()->text(), SnapshotFormat::percent(newestMean));
        QCOMPARE(overview->utilCard()->detail(), QStringLiteral("mean over 3 GPUs, now"));
        for (FigureCard *card : {overview->runningCard(), overview->gpusCard(), overview->burnCard(), overview->balanceCard(),
                                 overview->idleCard()})
            QCOMPARE(card->valueLabel()->text(), QStringLiteral("—"));
        QCOMPARE(overview->connectionsModel()->rowCount(), 1);
        QCOMPARE(overview->connectionsModel()->index(0, FleetConnectionsModel::Instances).data().toString(), QStringLiteral("—"));
        QCOMPARE(overview->gpuTypesModel()->rowCount(), 0);
        QCOMPARE(overview->gpuTypesState()->state(), PageState::State::Empty);
        QCOMPARE(overview->gpusCard()->detail(), QStringLiteral("no running instance reports its GPUs\n3 DCGM GPUs report metrics"));
        // ...and the fleet's util over the range in the chart: the band spans the GPUs, the line is their mean.
        TimeSeriesChart *chart = overview->chart();
        QTRY_VERIFY(chart->bucketCount() > 0);
        QVERIFY2(chart->title().startsWith(QStringLiteral("Fleet GPU util (%), mean and range over 3 DCGM GPUs")), qPrintable(chart->title()));
        const qint64 middle = QDateTime::currentMSecsSinceEpoch() - 12 * 3600 * 1000LL;
        QVERIFY2(chart->describeBucketAt(middle).contains(QStringLiteral("avg")), qPrintable(chart->describeBucketAt(middle)));

        auto *providers = qobject_cast<ProvidersPage *>(window->pages().last());
        QVERIFY(providers);
        QCOMPARE(providers->pageState()->state(), PageState::State::Content);
        QCOMPARE(providers->model()->rowCount(), 1);
        QCOMPARE(providers->model()->data(providers->model()->index(0, ConnectionsModel::Name)).toString(), QStringLiteral("lab-dcgm"));
        QCOMPARE(providers->model()->data(providers->model()->index(0, ConnectionsModel::Status)).toString(), QStringLiteral("OK"));
        window->showPage(int(window->pages().size()) - 1);
        QVERIFY(providers->tableView()->table()->isVisible());

        // A Prometheus connection collects none of these: they say which provider would.
        for (int i = 1; i < window->pages().size() - 1; ++i)
            QVERIFY2(window->pages().at(i)->pageState()->message().contains(kEmptyTexts.at(i)), qPrintable(window->pages().at(i)->objectName()));

        QTRY_COMPARE(window->syncStatusBar()->texts().size(), 1);
        QVERIFY(window->syncStatusBar()->texts().first().startsWith(QStringLiteral("lab-dcgm: synced")));
    }

    void guardrailDialogPreviewsAndAsksBeforeActing()
    {
        TestStore store;
        QVERIFY(store.start());
        const RunPodDay day = seedRunPodDay(*store.service);
        QVERIFY(day.connectionId > 0);
        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        ProvidersPage *providers = window->providersPage();
        window->showPage(int(window->pages().indexOf(providers)));
        QTRY_COMPARE(providers->model()->rowCount(), 1);
        QVERIFY(providers->selectConnection(day.connectionId));
        QVERIFY(providers->button(QStringLiteral("guardrails"))->isEnabled());
        GuardrailDialog *dialog = providers->editGuardrails();
        QVERIFY(dialog);
        QVERIFY(!dialog->enableBox()->isChecked());   // off by default
        QVERIFY(!dialog->actButton()->isChecked());   // and a dry run
        QVERIFY(!dialog->dailyCapBox()->isChecked());
        QVERIFY(!dialog->actButton()->isEnabled());   // nothing to act on while both rules are off
        dialog->dailyCapBox()->setChecked(true);
        QVERIFY(dialog->actButton()->isEnabled());
        dialog->enableBox()->setChecked(true);
        dialog->minutesBox()->setValue(30);
        dialog->utilBox()->setValue(5);
        dialog->previewButton()->click();
        QTRY_VERIFY(dialog->previewLabel()->text().contains(QLatin1String("would be stopped now")));
        QVERIFY2(dialog->previewLabel()->text().contains(QLatin1String("notebook-ana")), qPrintable(dialog->previewLabel()->text()));
        QVERIFY(!dialog->previewLabel()->text().contains(QLatin1String("trainer-llama")));
        QVERIFY(dialog->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/guardrails-dialog.png")));

        // Acting needs a yes: declined, the dialog stays open and nothing is saved.
        dialog->actButton()->setChecked(true);
        int asked = 0;
        dialog->setConfirmAct([&asked] { ++asked; return false; });
        dialog->accept();
        QCOMPARE(asked, 1);
        QVERIFY(dialog->isVisible());
        store.service->flush();
        QVERIFY(store.service->read<QList<GuardrailPolicy>>([](Store &s) { return s.guardrailPolicies(); }).result()->isEmpty());
        dialog->setConfirmAct([&asked] { ++asked; return true; });
        dialog->accept();
        QCOMPARE(asked, 2);
        store.service->flush();
        const QList<GuardrailPolicy> saved = store.service->read<QList<GuardrailPolicy>>([](Store &s) { return s.guardrailPolicies(); }).result().value();
        QCOMPARE(saved.size(), 1);
        QVERIFY(saved.first().acts());
        QVERIFY(saved.first().stopAtDailyCap);
        QCOMPARE(saved.first().idleMinutes, 30);
    }

    void runpodPagesShowStoredSnapshots()
    {
        TestStore store;
        QVERIFY(store.start());
        const RunPodDay day = seedRunPodDay(*store.service);
        QVERIFY(day.connectionId > 0);
        WriteBatch budgets;
        budgets.source = QStringLiteral("test budgets");
        Budget team;
        team.name = QStringLiteral("team-gpu");
        team.monthlyCap = 2500.0;
        team.dailyCap = 600.0;
        Budget prod;
        prod.name = QStringLiteral("runpod-prod");
        prod.scope = QStringLiteral("connection");
        prod.connectionId = day.connectionId;
        prod.monthlyCap = 400.0;
        prod.burnRateCap = 25.0;
        budgets.budgets << team << prod;
        store.service->submit(budgets);
        store.service->flush();
        // Two audited actions for the Timeline: a guardrail's preview and a person's stop.
        WriteBatch audit;
        audit.source = QStringLiteral("test audit");
        const QDateTime auditAt = QDateTime::currentDateTimeUtc().addSecs(-1800);
        audit.auditEntries << AuditEntry{0, auditAt, QStringLiteral("guardrail"), day.connectionId, QStringLiteral("p-03"), QStringLiteral("stop"), true,
                                         QStringLiteral("would"), QStringLiteral("would stop p-03: GPU util at most 3 % for 60 min"), QStringLiteral("stop idle > 60 min under 5 % (dry run)")}
                           << podActionAudit(QStringLiteral("user"), day.connectionId, QStringLiteral("p-01"), QStringLiteral("stop"),
                                             Result<QString>(QStringLiteral("EXITED")), auditAt.addSecs(600));
        QVERIFY(store.service->writeBlocking(audit));
        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        const QString scenario = QStringLiteral("runpod");
        for (int i = 0; i < window->pages().size(); ++i) {
            visit(*window, i, scenario);
            if (QTest::currentTestFailed())
                return;
        }

        // Overview: the pods' prices add up to the billed burn rate; idle as on the Cost page.
        auto *overview = qobject_cast<OverviewPage *>(window->pages().first());
        QVERIFY(overview);
        QCOMPARE(overview->burnCard()->valueLabel()->text(), QStringLiteral("$%1/hr").arg(day.burnPerHour, 0, 'f', 2));
        QCOMPARE(overview->balanceCard()->valueLabel()->text(), QStringLiteral("$%1").arg(day.balance, 0, 'f', 2));
        QCOMPARE(overview->runningCard()->valueLabel()->text(), QString::number(day.runningPods));
        QCOMPARE(overview->idleCard()->valueLabel()->text(), QStringLiteral("$1.15/hr"));
        QVERIFY(overview->staleBanner()->isHidden());
        QTRY_VERIFY(overview->chart()->title().startsWith(QStringLiteral("Fleet burn rate")));

        // Cost: the latest billing snapshot's figures, the burn chart, running pods by cost.
        window->showPage(1);
        auto *cost = qobject_cast<CostPage *>(window->currentPage());
        QVERIFY(cost);
        QCOMPARE(cost->pageState()->state(), PageState::State::Content);
        QCOMPARE(cost->burnCard()->valueLabel()->text(), QStringLiteral("$%1/hr").arg(day.burnPerHour, 0, 'f', 2));
        QCOMPARE(cost->balanceCard()->valueLabel()->text(), QStringLiteral("$%1").arg(day.balance, 0, 'f', 2));
        QCOMPARE(cost->spendLimitCard()->valueLabel()->text(), QStringLiteral("$40.00"));
        QCOMPARE(cost->daysLeftCard()->valueLabel()->text(),
                 QStringLiteral("%1 days").arg(day.balance / (day.burnPerHour * 24), 0, 'f', 1));
        // notebook-ana and dev-box idled all hour: $0.79 + $0.36.
        QCOMPARE(cost->idleCard()->valueLabel()->text(), QStringLiteral("$1.15/hr"));
        QVERIFY2(cost->idleCard()->detail().contains(QStringLiteral("notebook-ana, dev-box")), qPrintable(cost->idleCard()->detail()));
        QCOMPARE(cost->podCostModel()->rowCount(), day.runningPods);
        QCOMPARE(cost->tableView()->table()->model()->index(0, PodsModel::Name).data().toString(), QStringLiteral("trainer-llama"));
        QTRY_VERIFY(cost->chart()->bucketCount() > 200);
        QCOMPARE(cost->chartState()->state(), PageState::State::Content);
        // Budgets: billed (RunPod reports lifetime spend) beside estimated; a day of pods over $400 forecasts over the cap.
        BudgetsPanel *panel = cost->budgetsPanel();
        QCOMPARE(panel->state()->state(), PageState::State::Content);
        QCOMPARE(panel->model()->rowCount(), 2);
        const QModelIndex prodRow = panel->model()->index(panel->model()->rowOf(QStringLiteral("runpod-prod")), BudgetsModel::Billed);
        QVERIFY2(prodRow.data().toString().startsWith(QLatin1Char('$')), qPrintable(prodRow.data().toString()));
        QVERIFY(prodRow.siblingAtColumn(BudgetsModel::Forecast).data(BudgetsModel::OverRole).toBool());
        QVERIFY(panel->model()->index(0, BudgetsModel::Used).data(BudgetsModel::PercentRole).toDouble() > 0);
        grabPage(*window, 1, scenario);
        // A budget through the dialog: no cap is refused inline; a valid one is stored and listed.
        panel->tableView()->table()->clearSelection();
        BudgetDialog *dialog = panel->addBudget();
        dialog->nameEdit()->setText(QStringLiteral("lab"));
        QVERIFY(!dialog->canAccept());
        QVERIFY(dialog->problemLabel()->text().contains(QLatin1String("at least one cap")));
        dialog->monthlyEdit()->setText(QStringLiteral("-3"));
        QVERIFY(!dialog->canAccept());
        dialog->monthlyEdit()->setText(QStringLiteral("150"));
        QVERIFY(dialog->canAccept());
        dialog->accept();
        QTRY_COMPARE(panel->model()->rowCount(), 3);

        // Endpoints: the starving one says so; its charts follow the selection.
        window->showPage(2);
        auto *endpoints = qobject_cast<EndpointsPage *>(window->currentPage());
        QVERIFY(endpoints);
        QCOMPARE(endpoints->model()->rowCount(), 3);
        const int sdxl = endpoints->model()->rowOf(QStringLiteral("ep-sdxl"));
        QVERIFY(sdxl >= 0);
        QCOMPARE(endpoints->model()->index(sdxl, EndpointsModel::Health).data().toString(),
                 QStringLiteral("queue growing, no worker running"));
        QCOMPARE(endpoints->model()->index(sdxl, EndpointsModel::Running).data().toString(), QStringLiteral("0"));
        QCOMPARE(endpoints->model()->index(sdxl, EndpointsModel::Queue).data().toString(), QStringLiteral("16"));
        const int llm = endpoints->model()->rowOf(QStringLiteral("ep-llm"));
        QVERIFY(endpoints->model()->index(llm, EndpointsModel::Health).data().toString().startsWith(QStringLiteral("failure rate ")));
        QCOMPARE(endpoints->model()->index(endpoints->model()->rowOf(QStringLiteral("ep-whisper")), EndpointsModel::Health).data().toString(),
                 QStringLiteral("healthy"));
        QTableView *endpointTable = endpoints->tableView()->table();
        endpointTable->setCurrentIndex(endpoints->proxy()->mapFromSource(endpoints->model()->index(sdxl, EndpointsModel::Name)));
        QCOMPARE(endpoints->selectedEndpointId(), QStringLiteral("ep-sdxl"));
        QTRY_COMPARE(endpoints->chartsState()->state(), PageState::State::Content);
        QTRY_VERIFY(endpoints->queueChart()->bucketCount() > 600);
        QVERIFY(endpoints->workersChart()->bucketCount() > 600);
        QVERIFY(showsText(endpoints, QStringLiteral("sdxl-batch — queue growing, no worker running")));
        grabPage(*window, 2, scenario);

        // Pods: every pod, the exited one without runtime values; the chart follows the selection.
        window->showPage(3);
        auto *pods = qobject_cast<PodsPage *>(window->currentPage());
        QVERIFY(pods);
        QCOMPARE(pods->model()->rowCount(), day.pods);
        QCOMPARE(pods->proxy()->rowCount(), day.pods);
        const int exited = pods->model()->rowOf(QStringLiteral("p-08"));
        QCOMPARE(pods->model()->index(exited, PodsModel::Status).data().toString(), QStringLiteral("EXITED"));
        QCOMPARE(pods->model()->index(exited, PodsModel::Util).data().toString(), QStringLiteral("—"));
        QCOMPARE(pods->model()->index(exited, PodsModel::Uptime).data().toString(), QStringLiteral("—"));
        QTableView *podTable = pods->tableView()->table();
        podTable->setCurrentIndex(pods->proxy()->mapFromSource(pods->model()->index(exited, PodsModel::Name)));
        // Its util history covers the morning only; within the last hour it has none, and says so.
        window->timeRangePicker()->setRange(TimeRange::preset(TimeRange::Preset::LastHour));
        QTRY_COMPARE(pods->detailState()->state(), PageState::State::Empty);
        QVERIFY(pods->detailState()->message().contains(QStringLiteral("old-experiment")));
        window->timeRangePicker()->setRange(TimeRange::preset(TimeRange::Preset::Last24Hours));
        pods->filterEdit()->setText(QStringLiteral("h100"));
        QCOMPARE(pods->proxy()->rowCount(), 1);
        pods->filterEdit()->clear();
        QCOMPARE(pods->proxy()->rowCount(), day.pods);
        podTable->setCurrentIndex(pods->proxy()->mapFromSource(pods->model()->index(pods->model()->rowOf(QStringLiteral("p-01")), PodsModel::Name)));
        QCOMPARE(pods->selectedInstanceId(), QStringLiteral("p-01"));
        QTRY_COMPARE(pods->detailState()->state(), PageState::State::Content);
        QTRY_VERIFY(pods->chart()->bucketCount() > 250);
        QVERIFY(pods->chart()->title().contains(QStringLiteral("trainer-llama")));
        grabPage(*window, 3, scenario);

        // GPU Offers: the newest catalog, the cheapest of each GPU marked, filters, the selected offer's price history.
        window->showPage(4);
        auto *offers = qobject_cast<OffersPage *>(window->currentPage());
        QVERIFY(offers);
        QCOMPARE(offers->pageState()->state(), PageState::State::Content);
        QCOMPARE(offers->model()->rowCount(), day.offers);
        QVERIFY(offers->staleBanner()->isHidden());
        const QString rtx = QStringLiteral("NVIDIA GeForce RTX 4090");
        const int community = offers->model()->rowOf(QStringLiteral("runpod"), rtx, QStringLiteral("community"));
        const int secure = offers->model()->rowOf(QStringLiteral("runpod"), rtx, QStringLiteral("secure"));
        QVERIFY(community >= 0 && secure >= 0);
        QVERIFY(offers->model()->isCheapest(community));
        QVERIFY(!offers->model()->isCheapest(secure));
        QCOMPARE(offers->model()->index(community, OffersModel::SpotPrice).data().toString(), QStringLiteral("—"));
        QCOMPARE(offers->model()->index(secure, OffersModel::SpotPrice).data().toString(), QStringLiteral("$0.35/hr"));
        QCOMPARE(offers->model()->index(offers->model()->rowOf(QStringLiteral("runpod"), QStringLiteral("NVIDIA H100 80GB HBM3"),
                                                                QStringLiteral("community")), OffersModel::Available).data().toString(),
                 QStringLiteral("No"));
        offers->filterEdit()->setText(QStringLiteral("4090"));
        QCOMPARE(offers->proxy()->rowCount(), 2);
        offers->tierFilter()->setCurrentIndex(offers->tierFilter()->findData(QStringLiteral("secure")));
        QCOMPARE(offers->proxy()->rowCount(), 1);
        offers->filterEdit()->clear();
        QCOMPARE(offers->proxy()->rowCount(), 6);   // every GPU has a secure price
        offers->tierFilter()->setCurrentIndex(0);
        QCOMPARE(offers->proxy()->rowCount(), day.offers);
        QTableView *offerTable = offers->tableView()->table();
        offerTable->setCurrentIndex(offers->proxy()->mapFromSource(offers->model()->index(community, OffersModel::GpuType)));
        QCOMPARE(offers->selectedRow(), community);
        QTRY_COMPARE(offers->detailState()->state(), PageState::State::Content);
        QTRY_VERIFY(offers->chart()->title().startsWith(QStringLiteral("%1 — RunPod Community").arg(rtx)));
        QCOMPARE(offers->chart()->bucketCount(), 24);   // a day of hourly catalogs
        QVERIFY(showsText(offers, QStringLiteral("the cheapest listed")));
        QTemporaryDir out;
        QVERIFY(offers->chart()->exportPng(out.filePath(QStringLiteral("price.png"))));
        QVERIFY(offers->chart()->exportSvg(out.filePath(QStringLiteral("price.svg"))));
        const Result<qint64> exported = offers->tableView()->exportCsv(out.filePath(QStringLiteral("offers.csv")));
        QVERIFY(exported);
        QCOMPARE(*exported, qint64(day.offers));
        grabPage(*window, 4, scenario);

        // Timeline: pods starting and stopping, price changes and the audited actions; filters; a row opens its pod.
        auto *timeline = window->findChild<TimelinePage *>();
        QVERIFY(timeline);
        window->showPage(int(window->pages().indexOf(timeline)));
        QTRY_COMPARE(timeline->pageState()->state(), PageState::State::Content);
        QVERIFY(timeline->model()->totalCount() > 2);
        timeline->kindCombo()->setCurrentIndex(timeline->kindCombo()->findData(QStringLiteral("action")));
        QCOMPARE(timeline->model()->rowCount(), 2);
        QCOMPARE(timeline->model()->index(1, TimelineModel::Message).data().toString(), QStringLiteral("[user] stop: now EXITED"));
        QCOMPARE(timeline->connectionCombo()->count(), 2);   // all, runpod-prod
        const QModelIndex userStop = timeline->model()->index(1, TimelineModel::Resource);
        Q_EMIT timeline->tableView()->table()->activated(userStop);
        QCOMPARE(window->currentPage()->objectName(), QStringLiteral("pods"));
        QCOMPARE(pods->selectedInstanceId(), QStringLiteral("p-01"));
        window->showPage(int(window->pages().indexOf(timeline)));
        timeline->kindCombo()->setCurrentIndex(0);
        grabPage(*window, int(window->pages().indexOf(timeline)), scenario);

        // A refresh keeps the user's selection.
        window->refresh();
        QTest::qWait(300);
        QCOMPARE(pods->selectedInstanceId(), QStringLiteral("p-01"));
        QCOMPARE(offers->selectedRow(), community);
    }

    void overviewAddsUpEveryProvider()
    {
        TestStore store;
        QVERIFY(store.start());
        const RunPodDay runpod = seedRunPodDay(*store.service);
        QVERIFY(runpod.connectionId > 0);
        const LambdaDay lambda = seedLambdaDay(*store.service);
        QVERIFY(lambda.connectionId > 0);
        QVERIFY(seedGpuDay(*store.service) > 0);
        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        visit(*window, 0, QStringLiteral("providers"));
        auto *overview = qobject_cast<OverviewPage *>(window->currentPage());
        QVERIFY(overview);
        QCOMPARE(overview->pageState()->state(), PageState::State::Content);

        // RunPod runs 7 of 8 pods on 12 GPUs; Lambda (failed, its last good data still counted) 2 of 3 on 9.
        QCOMPARE(overview->runningCard()->valueLabel()->text(), QStringLiteral("9"));
        QCOMPARE(overview->runningCard()->detail(), QStringLiteral("of 11 listed, across 3 connections"));
        QCOMPARE(overview->gpusCard()->valueLabel()->text(), QStringLiteral("21"));
        QCOMPARE(overview->gpusCard()->detail(), QStringLiteral("8 GPU types\n3 DCGM GPUs report metrics"));
        QCOMPARE(overview->gpuTypesState()->state(), PageState::State::Content);
        QCOMPARE(overview->burnCard()->valueLabel()->text(), QStringLiteral("$%1/hr").arg(runpod.burnPerHour + 23.92 + 0.75, 0, 'f', 2));
        QVERIFY2(overview->burnCard()->detail().contains(QStringLiteral("billing reports $%1/hr").arg(runpod.burnPerHour, 0, 'f', 2)),
                 qPrintable(overview->burnCard()->detail()));
        QCOMPARE(overview->balanceCard()->valueLabel()->text(), QStringLiteral("$%1").arg(runpod.balance, 0, 'f', 2));
        QCOMPARE(overview->balanceCard()->detail(), QStringLiteral("reported by 1 of 3 connections"));
        // Util over 12 + 9 instance GPUs and 3 DCGM GPUs.
        QVERIFY(overview->utilCard()->valueLabel()->text().endsWith(QStringLiteral(" %")));
        QCOMPARE(overview->utilCard()->detail(), QStringLiteral("mean over 24 GPUs, now"));
        // notebook-ana, dev-box and jupyter-a10 idled all hour: $0.79 + $0.36 + $0.75.
        QCOMPARE(overview->idleCard()->valueLabel()->text(), QStringLiteral("$1.90/hr"));
        QVERIFY2(overview->idleCard()->detail().contains(QStringLiteral("jupyter-a10")), qPrintable(overview->idleCard()->detail()));

        // The failed connection under the banner, and one row per connection.
        QVERIFY(overview->staleBanner()->isVisible());
        QVERIFY2(overview->staleBanner()->text().startsWith(QStringLiteral("Lambda “lambda-research” failed at ")),
                 qPrintable(overview->staleBanner()->text()));
        FleetConnectionsModel *connections = overview->connectionsModel();
        QCOMPARE(connections->rowCount(), 3);
        auto cell = [connections](qint64 id, int column, int role = Qt::DisplayRole) {
            return connections->index(connections->rowOf(id), column).data(role).toString();
        };
        QCOMPARE(cell(runpod.connectionId, FleetConnectionsModel::Status), QStringLiteral("OK"));
        QCOMPARE(cell(runpod.connectionId, FleetConnectionsModel::Instances), QStringLiteral("7 / 8"));
        QCOMPARE(cell(runpod.connectionId, FleetConnectionsModel::Gpus), QStringLiteral("12"));
        QCOMPARE(cell(runpod.connectionId, FleetConnectionsModel::Balance), QStringLiteral("$%1").arg(runpod.balance, 0, 'f', 2));
        QCOMPARE(cell(lambda.connectionId, FleetConnectionsModel::Status), QStringLiteral("Failed"));
        QCOMPARE(cell(lambda.connectionId, FleetConnectionsModel::Status, Qt::ToolTipRole), lambda.error);
        QCOMPARE(cell(lambda.connectionId, FleetConnectionsModel::Instances), QStringLiteral("2 / 3"));
        QCOMPARE(cell(lambda.connectionId, FleetConnectionsModel::CostPerHour), QStringLiteral("$24.67/hr"));
        QCOMPARE(cell(lambda.connectionId, FleetConnectionsModel::Balance), QStringLiteral("—"));
        QTableView *table = overview->connectionsView()->table();
        QCOMPARE(table->model()->index(0, FleetConnectionsModel::Connection).data().toString(), QStringLiteral("lab-dcgm"));   // by name
        QCOMPARE(table->model()->index(0, FleetConnectionsModel::Instances).data().toString(), QStringLiteral("—"));

        // H100s at both clouds pay $2.99 per GPU; Lambda lists them at $2.49.
        GpuTypesModel *types = overview->gpuTypesModel();
        const QString h100 = QStringLiteral("NVIDIA H100 80GB HBM3");
        const int lambdaH100 = types->rowOf(h100, QStringLiteral("lambda"));
        const int runpodH100 = types->rowOf(h100, QStringLiteral("runpod"));
        QVERIFY(lambdaH100 >= 0 && runpodH100 >= 0);
        QCOMPARE(types->index(lambdaH100, GpuTypesModel::Gpus).data().toString(), QStringLiteral("8"));
        QCOMPARE(types->index(lambdaH100, GpuTypesModel::Paying).data().toString(), QStringLiteral("$2.99"));
        QCOMPARE(types->index(lambdaH100, GpuTypesModel::Cheapest).data().toString(), QStringLiteral("$2.49"));
        QCOMPARE(types->index(lambdaH100, GpuTypesModel::Saving).data().toString(), QStringLiteral("$4.00/hr"));
        QCOMPARE(types->index(runpodH100, GpuTypesModel::Gpus).data().toString(), QStringLiteral("4"));
        QCOMPARE(types->index(runpodH100, GpuTypesModel::Saving).data().toString(), QStringLiteral("$2.00/hr"));
        QCOMPARE(overview->gpuTypesView()->table()->model()->index(0, GpuTypesModel::Gpus).data().toString(), QStringLiteral("8"));

        // The fleet's burn rate over the day, from both clouds' pods.
        QTRY_VERIFY(overview->chart()->bucketCount() > 200);
        QVERIFY(overview->chart()->title().startsWith(QStringLiteral("Fleet burn rate")));
        QTest::qWait(150);
        QVERIFY(window->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/overview.png")));

        QTemporaryDir out;
        const Result<qint64> csv = overview->connectionsView()->exportCsv(out.filePath(QStringLiteral("connections.csv")));
        QVERIFY(csv);
        QCOMPARE(*csv, qint64(3));
        QVERIFY(overview->gpuTypesView()->exportCsv(out.filePath(QStringLiteral("gpu-types.csv"))));
        QVERIFY(overview->chart()->exportSvg(out.filePath(QStringLiteral("burn.svg"))));

        // Activating a row: a healthy cloud opens its pods, the failing one the Providers page.
        QSignalSpy activated(overview, &OverviewPage::connectionActivated);
        auto rowOf = [table](const QString &name) {
            for (int row = 0; row < table->model()->rowCount(); ++row) {
                if (table->model()->index(row, FleetConnectionsModel::Connection).data().toString() == name)
                    return table->model()->index(row, FleetConnectionsModel::Connection);
            }
            return QModelIndex();
        };
        const QModelIndex runpodRow = rowOf(QStringLiteral("runpod-prod"));
        const QPoint runpodPoint = table->visualRect(runpodRow).center();
        // A real double-click starts with a press on the row; QTest::mouseDClick alone sends none, so click first.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, runpodPoint);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, runpodPoint);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toLongLong(), runpod.connectionId);
        QCOMPARE(activated.first().at(1).value<OverviewPage::Destination>(), OverviewPage::Destination::Pods);
        QCOMPARE(window->currentPage()->objectName(), QStringLiteral("pods"));
        window->showPage(0);
        table->setFocus();
        table->setCurrentIndex(rowOf(QStringLiteral("lambda-research")));
        QTest::keyClick(table, Qt::Key_Return);   // the keyboard's way to activate
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.last().at(1).value<OverviewPage::Destination>(), OverviewPage::Destination::Providers);
        QCOMPARE(window->currentPage()->objectName(), QStringLiteral("providers"));
        const QModelIndexList selected = window->providersPage()->tableView()->table()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(window->providersPage()->model()->connection(selected.first().row()).name, QStringLiteral("lambda-research"));
    }

    void workflowsPageShowsRunsTrendAndRegressions()
    {
        TestStore store;
        QVERIFY(store.start());
        const WorkflowSeed seed = seedWorkflowRuns(*store.service);
        QCOMPARE(seed.times.size(), 10);
        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        const int index = int(window->pages().indexOf(window->findChild<WorkflowsPage *>()));
        QVERIFY(index >= 0);
        visit(*window, index, QStringLiteral("workflows"));
        auto *page = qobject_cast<WorkflowsPage *>(window->currentPage());
        QVERIFY(page);
        QCOMPARE(page->pageState()->state(), PageState::State::Content);
        QTRY_COMPARE(page->analysisState()->state(), PageState::State::Content);

        // Both configurations by name; the one with the newest run is shown first.
        QCOMPARE(page->configPicker()->count(), 2);
        QCOMPARE(page->configPicker()->currentText(), seed.config);
        QVERIFY2(page->configSummary()->text().contains(QStringLiteral("acme/llm-serving")), qPrintable(page->configSummary()->text()));
        QVERIFY2(page->configSummary()->text().contains(QStringLiteral("11 runs stored")), qPrintable(page->configSummary()->text()));

        // Runs: ten completed with two files each, one failed on its broken file.
        WorkflowRunsModel *runs = page->runsModel();
        QCOMPARE(runs->rowCount(), 11);
        int failed = 0;
        for (int row = 0; row < runs->rowCount(); ++row) {
            if (runs->run(row).status == RunStatus::Failed) {
                ++failed;
                QCOMPARE(runs->index(row, WorkflowRunsModel::Run).data().toString(), QStringLiteral("7310600"));
                QCOMPARE(runs->index(row, WorkflowRunsModel::Files).data().toString(), QStringLiteral("0 / 1"));
                QCOMPARE(runs->index(row, WorkflowRunsModel::Commit).data().toString(), QStringLiteral("deadbee"));
                QVERIFY(!runs->index(row, WorkflowRunsModel::Error).data().toString().isEmpty());
            } else {
                QCOMPARE(runs->index(row, WorkflowRunsModel::Files).data().toString(), QStringLiteral("2 / 2"));
            }
        }
        QCOMPARE(failed, 1);
        QCOMPARE(page->tabs()->tabText(1), QStringLiteral("Runs (11)"));
        // Newest first in the view; the filter narrows it, the export keeps every run.
        QTableView *runsTable = page->runsView()->table();
        QCOMPARE(runsTable->model()->index(0, WorkflowRunsModel::Run).data().toString(), QStringLiteral("7310553"));
        page->runsFilter()->setText(QStringLiteral("tokenizer"));
        QCOMPARE(runsTable->model()->rowCount(), 1);
        page->runsFilter()->clear();
        QCOMPARE(runsTable->model()->rowCount(), 11);

        // Two runs selected: Compare opens them side by side, the older as A, exportable like every table.
        QVERIFY(!page->compareButton()->isEnabled());
        const auto selectRun = [runsTable](const QString &label) {
            for (int row = 0; row < runsTable->model()->rowCount(); ++row) {
                if (runsTable->model()->index(row, WorkflowRunsModel::Run).data().toString() == label)
                    runsTable->selectionModel()->select(runsTable->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
            }
        };
        selectRun(QStringLiteral("7310553"));
        QVERIFY(!page->compareButton()->isEnabled());
        selectRun(QStringLiteral("7310536"));
        QVERIFY(page->compareButton()->isEnabled());
        RunComparisonDialog *comparison = page->compareSelectedRuns();
        QVERIFY(comparison);
        WorkflowComparisonModel *compared = comparison->model();
        QAbstractItemModelTester comparisonTester(compared, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(compared->headerData(WorkflowComparisonModel::A, Qt::Horizontal).toString(), QStringLiteral("A: 7310536"));
        QCOMPARE(compared->headerData(WorkflowComparisonModel::B, Qt::Horizontal).toString(), QStringLiteral("B: 7310553"));
        QCOMPARE(compared->count(RunChange::OnlyInA) + compared->count(RunChange::OnlyInB), qsizetype(0));
        bool sawTtft = false;
        for (int row = 0; row < compared->rowCount(); ++row) {
            const RunComparisonRow &r = compared->row(row);
            if (r.metric == QLatin1String("median_ttft_ms") && r.group.value(QLatin1String("max_concurrency")).toInt() == 2) {
                sawTtft = true;
                QCOMPARE(r.change, RunChange::Worse);
                QCOMPARE(compared->index(row, WorkflowComparisonModel::DeltaPercent).data().toString(), QStringLiteral("+40.6 %"));
            }
        }
        QVERIFY(sawTtft);
        QVERIFY2(comparison->summary()->text().contains(QStringLiteral("worse in B")), qPrintable(comparison->summary()->text()));
        QTemporaryDir comparedOut;
        const Result<qint64> comparedCsv = comparison->view()->exportCsv(comparedOut.filePath(QStringLiteral("compare.csv")));
        QVERIFY(comparedCsv);
        QCOMPARE(*comparedCsv, qint64(compared->rowCount()));
        QVERIFY(comparison->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/workflows-compare.png")));
        comparison->close();
        runsTable->clearSelection();
        QVERIFY(!page->compareButton()->isEnabled());

        // Regressions: the planted one, first in the table, and the improvement after it.
        WorkflowVerdictsModel *verdicts = page->verdictsModel();
        QCOMPARE(verdicts->count(Verdict::Regression), qsizetype(1));
        QCOMPARE(verdicts->count(Verdict::Improvement), qsizetype(1));
        QCOMPARE(page->tabs()->tabText(0), QStringLiteral("Regressions (1)"));
        QAbstractItemModel *shown = page->verdictsView()->table()->model();
        QCOMPARE(shown->index(0, WorkflowVerdictsModel::Metric).data().toString(), QStringLiteral("median_ttft_ms"));
        // Only the dimension that tells the series apart; backend, model and the rest are the same on all.
        QCOMPARE(shown->index(0, WorkflowVerdictsModel::Dimensions).data().toString(), QStringLiteral("max_concurrency=2"));
        QCOMPARE(shown->index(0, WorkflowVerdictsModel::Change).data().toString(), QStringLiteral("+40.0 %"));
        QCOMPARE(shown->index(0, WorkflowVerdictsModel::Outcome).data().toString(), QStringLiteral("Regression"));
        QCOMPARE(shown->index(1, WorkflowVerdictsModel::Metric).data().toString(), QStringLiteral("output_throughput"));
        QCOMPARE(shown->index(1, WorkflowVerdictsModel::Outcome).data().toString(), QStringLiteral("Improvement"));
        // Changes only, until asked for every series.
        QCOMPARE(shown->rowCount(), 2);
        QVERIFY2(page->verdictsSummary()->text().startsWith(QStringLiteral("Newest runs of %1 series: 1 regressed, 1 improved, ")
                                                                .arg(verdicts->rowCount())),
                 qPrintable(page->verdictsSummary()->text()));
        page->showAllVerdicts()->setChecked(true);
        QCOMPARE(shown->rowCount(), verdicts->rowCount());
        QCOMPARE(shown->index(0, WorkflowVerdictsModel::Outcome).data().toString(), QStringLiteral("Regression"));
        page->showAllVerdicts()->setChecked(false);
        QCOMPARE(shown->rowCount(), 2);

        // The chart opens on the regressed metric: both concurrencies' average and range per run, the newest run marked red.
        QCOMPARE(page->metricPicker()->currentData().toString(), QStringLiteral("median_ttft_ms"));
        QCOMPARE(page->metricPicker()->currentText(), QStringLiteral("median_ttft_ms (ms)"));
        QComboBox *concurrency = page->dimensionPicker(QStringLiteral("max_concurrency"));
        QVERIFY(concurrency);
        QCOMPARE(concurrency->count(), 3);
        QCOMPARE(concurrency->itemText(0), QStringLiteral("all"));
        QCOMPARE(page->trendState()->state(), PageState::State::Content);
        QCOMPARE(page->trend().series, 2);
        QCOMPARE(page->trend().points.size(), 10);
        TimeSeriesChart *chart = page->chart();
        QTRY_COMPARE(chart->bucketCount(), qsizetype(10));
        QCOMPARE(chart->markers().size(), 1);
        const TimeSeriesChart::Marker marker = chart->markers().first();
        QCOMPARE(marker.kind, TimeSeriesChart::Marker::Kind::Bad);
        QCOMPARE(marker.tMs, seed.times.last().toMSecsSinceEpoch());
        QVERIFY2(marker.text.startsWith(QStringLiteral("Run 7310553 (")), qPrintable(marker.text));
        QVERIFY2(marker.text.endsWith(QStringLiteral("): Regression: median_ttft_ms (max_concurrency=2) +40.0 % vs median 55.681 ms")),
                 qPrintable(marker.text));
        QVERIFY2(chart->describeBucketAt(marker.tMs).contains(QStringLiteral("Regression")), qPrintable(chart->describeBucketAt(marker.tMs)));
        QVERIFY(!chart->describeBucketAt(seed.times.first().toMSecsSinceEpoch()).contains(QStringLiteral("Regression")));
        QVERIFY2(chart->title().startsWith(QStringLiteral("median_ttft_ms (ms) per run, average and range of 2 series")), qPrintable(chart->title()));

        // Concurrency 2 alone: its own line, the regressed value marked on it.
        concurrency->setCurrentIndex(concurrency->findData(QStringLiteral("2")));
        QCOMPARE(page->trend().series, 1);
        QTRY_VERIFY(chart->title().startsWith(QStringLiteral("median_ttft_ms (ms) per run, max_concurrency=2")));
        QCOMPARE(chart->markers().size(), 1);
        QCOMPARE(chart->markers().first().value, seed.baselineTtft * 1.4);
        QCOMPARE(page->trend().points.first().avg, seed.baselineTtft);
        QTest::qWait(150);
        QVERIFY(window->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/workflows.png")));

        // Output throughput: concurrency 2 chosen still; nothing flagged there, so no marker.
        page->metricPicker()->setCurrentIndex(page->metricPicker()->findData(QStringLiteral("output_throughput")));
        QTRY_VERIFY(chart->title().startsWith(QStringLiteral("output_throughput (tok/s) per run, max_concurrency=2")));
        QVERIFY(chart->markers().isEmpty());
        concurrency = page->dimensionPicker(QStringLiteral("max_concurrency"));
        QVERIFY(concurrency);
        concurrency->setCurrentIndex(concurrency->findData(QStringLiteral("8")));
        QTRY_VERIFY(chart->title().startsWith(QStringLiteral("output_throughput (tok/s) per run, max_concurrency=8")));
        QCOMPARE(chart->markers().size(), 1);
        QCOMPARE(chart->markers().first().kind, TimeSeriesChart::Marker::Kind::Good);
        QVERIFY2(chart->markers().first().text.contains(QStringLiteral("Improvement: output_throughput (")), qPrintable(chart->markers().first().text));
        page->tabs()->setCurrentIndex(1);
        QTest::qWait(150);
        QVERIFY(window->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/workflows-runs.png")));

        // Choosing a verdict shows its series: the regression at concurrency 2, marked red.
        page->tabs()->setCurrentIndex(0);
        page->verdictsView()->table()->setCurrentIndex(shown->index(0, WorkflowVerdictsModel::Metric));
        QCOMPARE(page->metricPicker()->currentData().toString(), QStringLiteral("median_ttft_ms"));
        QCOMPARE(page->dimensionPicker(QStringLiteral("max_concurrency"))->currentData().toString(), QStringLiteral("2"));
        QCOMPARE(page->trend().series, 1);
        QTRY_VERIFY(chart->title().startsWith(QStringLiteral("median_ttft_ms (ms) per run, max_concurrency=2")));
        QCOMPARE(chart->markers().size(), 1);
        QCOMPARE(chart->markers().first().kind, TimeSeriesChart::Marker::Kind::Bad);
        page->verdictsView()->table()->setCurrentIndex(shown->index(1, WorkflowVerdictsModel::Metric));
        QCOMPARE(page->metricPicker()->currentData().toString(), QStringLiteral("output_throughput"));
        QCOMPARE(page->dimensionPicker(QStringLiteral("max_concurrency"))->currentData().toString(), QStringLiteral("8"));

        // Exports: both tables as CSV, the chart as PNG and SVG.
        QTemporaryDir out;
        const Result<qint64> runsCsv = page->runsView()->exportCsv(out.filePath(QStringLiteral("runs.csv")));
        QVERIFY(runsCsv);
        QCOMPARE(*runsCsv, qint64(11));
        const Result<qint64> verdictsCsv = page->verdictsView()->exportCsv(out.filePath(QStringLiteral("regressions.csv")));
        QVERIFY(verdictsCsv);
        QCOMPARE(*verdictsCsv, qint64(verdicts->rowCount()));
        QVERIFY(chart->exportPng(out.filePath(QStringLiteral("trend.png"))));
        QVERIFY(chart->exportSvg(out.filePath(QStringLiteral("trend.svg"))));

        // The rank test over the newest five runs: one bad run among them is no sustained shift.
        page->methodPicker()->setCurrentIndex(page->methodPicker()->findData(QStringLiteral("mannwhitney")));
        QTRY_COMPARE(page->tabs()->tabText(0), QStringLiteral("Regressions (0)"));
        QCOMPARE(verdicts->verdict(0).method, RegressionMethod::MannWhitney);
        QCOMPARE(verdicts->headerData(WorkflowVerdictsModel::Latest, Qt::Horizontal).toString(), QStringLiteral("Newest 5 (median)"));
        page->methodPicker()->setCurrentIndex(page->methodPicker()->findData(QStringLiteral("zscore")));
        QTRY_COMPARE(page->tabs()->tabText(0), QStringLiteral("Regressions (1)"));
        QCOMPARE(verdicts->verdict(0).method, RegressionMethod::ZScore);
        page->methodPicker()->setCurrentIndex(page->methodPicker()->findData(QStringLiteral("mad")));
        QTRY_COMPARE(verdicts->verdict(0).method, RegressionMethod::Mad);

        // A shorter range than the runs span: the trend says where the newest run is.
        window->timeRangePicker()->setRange(TimeRange::preset(TimeRange::Preset::LastHour));
        QTRY_COMPARE(page->trend().points.size(), qsizetype(1));
        QCOMPARE(page->trendState()->state(), PageState::State::Content);
        QCOMPARE(page->metricPicker()->currentData().toString(), QStringLiteral("output_throughput"));   // the user's choice stays
        QCOMPARE(page->dimensionPicker(QStringLiteral("max_concurrency"))->currentData().toString(), QStringLiteral("8"));

        // The configuration without runs says how to get some.
        page->configPicker()->setCurrentIndex(page->configPicker()->findText(QStringLiteral("train-nightly")));
        QTRY_COMPARE(page->analysisState()->state(), PageState::State::Empty);
        QVERIFY2(page->analysisState()->message().contains(QStringLiteral("fleetscope workflows import train-nightly PATH")),
                 qPrintable(page->analysisState()->message()));
        QCOMPARE(page->runsModel()->rowCount(), 0);
        QTest::qWait(150);
        QVERIFY(window->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/workflows-no-runs.png")));
    }

    // The trend's query controls: group-by, interval and aggregation redraw the chart with one line per group
    // and the values the test computes itself; markers stay with per-run points; the Summary tab follows.
    void workflowsTrendQueriesGroupsAndSummarises()
    {
        TestStore store;
        QVERIFY(store.start());
        const QuerySeed seed = seedQueryRuns(*store.service);
        QCOMPARE(seed.values.size(), 28 * 12);
        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        window->timeRangePicker()->setRange(TimeRange::custom(seed.newest.addDays(-60), seed.newest.addSecs(3600)));
        const int index = int(window->pages().indexOf(window->findChild<WorkflowsPage *>()));
        window->showPage(index);
        auto *page = qobject_cast<WorkflowsPage *>(window->currentPage());
        QVERIFY(page);
        QTRY_COMPARE(page->analysisState()->state(), PageState::State::Content);
        QCOMPARE(page->metricPicker()->currentData().toString(), QStringLiteral("ttft_ms"));
        MetricQueryBar *bar = page->queryBar();
        QVERIFY(bar->isDefault());
        TimeSeriesChart *chart = page->chart();
        QTRY_COMPARE(chart->bucketCount(), qsizetype(28));
        QVERIFY(chart->lines().isEmpty());   // no grouping: the range of the four series, as before
        QCOMPARE(page->trend().series, 4);
        QCOMPARE(chart->markers().size(), 1);

        // Group by model and gpu, per run: four lines; the regression marked on llama-8b on h100 at the newest run.
        QMenu *menu = bar->groupByButton()->menu();
        QVERIFY(menu);
        const auto groupBy = [menu](const QString &dimension, bool on) {
            for (QAction *action : menu->actions()) {
                if (action->data().toString() == dimension)
                    action->setChecked(on);
            }
        };
        QCOMPARE(menu->actions().size(), 2);
        groupBy(QStringLiteral("model"), true);
        groupBy(QStringLiteral("gpu"), true);
        QCOMPARE(bar->groupBy(), (QStringList{QStringLiteral("gpu"), QStringLiteral("model")}));
        QCOMPARE(bar->groupByButton()->text(), QStringLiteral("Group by: gpu, model"));
        QTRY_COMPARE(chart->lines().size(), qsizetype(4));
        QCOMPARE(page->grouped().lines.size(), 4);
        const auto h100Line = std::find_if(chart->lines().cbegin(), chart->lines().cend(),
                                           [](const TimeSeriesChart::Line &l) { return l.name == QLatin1String("gpu=h100, model=llama-8b"); });
        QVERIFY(h100Line != chart->lines().cend());
        const TimeSeriesChart::Line llamaH100 = *h100Line;
        QCOMPARE(llamaH100.points.size(), 28);
        QCOMPARE(llamaH100.points.first().y(), 41.0);   // the median of 40, 41, 42
        QCOMPARE(chart->markers().size(), 1);
        QCOMPARE(chart->markers().first().kind, TimeSeriesChart::Marker::Kind::Bad);
        QCOMPARE(chart->markers().first().tMs, seed.newest.toMSecsSinceEpoch());
        QCOMPARE(chart->markers().first().value, llamaH100.points.last().y());
        QVERIFY2(chart->markers().first().text.contains(QStringLiteral("Regression: ttft_ms (gpu=h100, model=llama-8b)")),
                 qPrintable(chart->markers().first().text));
        QVERIFY2(chart->title().startsWith(QStringLiteral("ttft_ms (ms) median (p50) per run by gpu, model — lower is better")), qPrintable(chart->title()));

        // By model only, weekly maximum: two lines whose points are each week's largest value of that model.
        groupBy(QStringLiteral("gpu"), false);
        bar->aggregationPicker()->setCurrentIndex(bar->aggregationPicker()->findData(QStringLiteral("max")));
        bar->intervalPicker()->setCurrentIndex(bar->intervalPicker()->findData(QStringLiteral("week")));
        QTRY_VERIFY(chart->title().startsWith(QStringLiteral("ttft_ms (ms) maximum per week by model")));
        QCOMPARE(chart->lines().size(), 2);
        QVERIFY(chart->markers().isEmpty());   // a week is not a run: the per-run flags are not drawn on it
        QVERIFY2(chart->title().endsWith(QStringLiteral("(regressions are marked per run)")), qPrintable(chart->title()));
        for (const TimeSeriesChart::Line &line : chart->lines()) {
            const QString model = line.name.section(QLatin1Char('='), 1);
            QMap<qint64, double> expected;
            for (const QueryValue &v : seed.values) {
                if (v.model != model)
                    continue;
                const qint64 week = intervalStart(v.time, MetricInterval::Week).toMSecsSinceEpoch();
                expected[week] = std::max(expected.value(week, 0.0), v.value);
            }
            QCOMPARE(line.points.size(), expected.size());
            for (const QPointF &point : line.points)
                QCOMPARE(point.y(), expected.value(qint64(point.x())));
        }
        const qint64 lastWeek = qint64(chart->lines().first().points.last().x());
        QVERIFY2(chart->describeBucketAt(lastWeek).contains(QStringLiteral("model=llama-8b: ")) && chart->describeBucketAt(lastWeek).contains(QStringLiteral("model=qwen-7b: ")),
                 qPrintable(chart->describeBucketAt(lastWeek)));
        // Count: every value of the week, summed over the lines, is every value stored.
        bar->aggregationPicker()->setCurrentIndex(bar->aggregationPicker()->findData(QStringLiteral("count")));
        QTRY_VERIFY(chart->title().startsWith(QStringLiteral("ttft_ms (ms) count per week by model")));
        double counted = 0;
        for (const TimeSeriesChart::Line &line : chart->lines()) {
            for (const QPointF &point : line.points)
                counted += point.y();
        }
        QCOMPARE(counted, double(seed.values.size()));

        // A dimension filter narrows the lines to its rows.
        QComboBox *gpu = page->dimensionPicker(QStringLiteral("gpu"));
        QVERIFY(gpu);
        gpu->setCurrentIndex(gpu->findData(QStringLiteral("h100")));
        QTRY_VERIFY(chart->title().contains(QStringLiteral("by model, gpu=h100")));
        double countedH100 = 0;
        for (const TimeSeriesChart::Line &line : chart->lines()) {
            for (const QPointF &point : line.points)
                countedH100 += point.y();
        }
        QCOMPARE(countedH100, counted / 2);
        // The pickers are rebuilt whenever the stored runs are read again: ask for this one anew.
        QVERIFY(page->dimensionPicker(QStringLiteral("gpu")));
        page->dimensionPicker(QStringLiteral("gpu"))->setCurrentIndex(0);

        // The Summary tab: per run and median by default, then the bar's interval and aggregation.
        groupBy(QStringLiteral("model"), false);
        bar->intervalPicker()->setCurrentIndex(bar->intervalPicker()->findData(QStringLiteral("run")));
        bar->aggregationPicker()->setCurrentIndex(bar->aggregationPicker()->findData(QStringLiteral("p50")));
        QVERIFY(bar->isDefault());
        QTRY_VERIFY(chart->lines().isEmpty());
        QCOMPARE(chart->markers().size(), 1);
        WorkflowSummaryModel *summary = page->summaryModel();
        QAbstractItemModelTester tester(summary, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(!page->summaryPending());   // computed on a worker thread
        QCOMPARE(summary->rowCount(), 4);
        QCOMPARE(page->tabs()->tabText(2), QStringLiteral("Summary (4)"));
        int regressed = -1;
        for (int row = 0; row < summary->rowCount(); ++row) {
            if (summary->summary(row).group == QJsonObject{{QStringLiteral("gpu"), QStringLiteral("h100")}, {QStringLiteral("model"), QStringLiteral("llama-8b")}})
                regressed = row;
        }
        QVERIFY(regressed >= 0);
        const SeriesSummary &s = summary->summary(regressed);
        const double latest = (40 * (1 + 0.003 * 27) + 1) * 1.4;
        const double previous = 40 * (1 + 0.003 * 26) + 1;
        QVERIFY(std::abs(s.latest.value - latest) < 1e-9);
        QVERIFY(std::abs(s.previous->value - previous) < 1e-9);
        QCOMPARE(s.lookbackPoints, qsizetype(27));
        QVERIFY(std::abs(*s.lookbackMedian - (40 * (1 + 0.003 * 13) + 1)) < 1e-9);   // the median of runs 0..26
        QCOMPARE(summary->index(regressed, WorkflowSummaryModel::Change).data().toString(), changeText((latest - previous) / previous * 100));
        QCOMPARE(summary->headerData(WorkflowSummaryModel::LookbackMedian, Qt::Horizontal).toString(), QStringLiteral("Median of last 30"));
        bar->intervalPicker()->setCurrentIndex(bar->intervalPicker()->findData(QStringLiteral("week")));
        QTRY_VERIFY(!page->summaryPending());
        QVERIFY(summary->summary(0).points < 28);
        QVERIFY2(page->tabs()->widget(2)->findChild<QLabel *>()->text().contains(QStringLiteral("median (p50) per week")),
                 qPrintable(page->tabs()->widget(2)->findChild<QLabel *>()->text()));
        QTemporaryDir out;
        const Result<qint64> csv = page->summaryView()->exportCsv(out.filePath(QStringLiteral("summary.csv")));
        QVERIFY(csv);
        QCOMPARE(*csv, qint64(4));

        // The screenshot: weekly p95 per model, the Summary tab below.
        bar->aggregationPicker()->setCurrentIndex(bar->aggregationPicker()->findData(QStringLiteral("p95")));
        groupBy(QStringLiteral("model"), true);
        QTRY_COMPARE(chart->lines().size(), qsizetype(2));
        page->tabs()->setCurrentIndex(2);
        QTest::qWait(150);
        QVERIFY(window->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/workflows-query.png")));

        // Choosing a summary row charts its series: its dimensions chosen, one line left of the two models.
        QTableView *summaryTable = page->summaryView()->table();
        for (int row = 0; row < summaryTable->model()->rowCount(); ++row) {
            if (summaryTable->model()->index(row, WorkflowSummaryModel::Dimensions).data().toString() == QLatin1String("gpu=h100, model=llama-8b"))
                summaryTable->setCurrentIndex(summaryTable->model()->index(row, WorkflowSummaryModel::Metric));
        }
        QCOMPARE(page->dimensionPicker(QStringLiteral("gpu"))->currentData().toString(), QStringLiteral("h100"));
        QCOMPARE(page->dimensionPicker(QStringLiteral("model"))->currentData().toString(), QStringLiteral("llama-8b"));
        QTRY_COMPARE(chart->lines().size(), qsizetype(1));
    }

    // "Schema…" → "Propose from file…": the review dialog shows the fields, the sample and the rows they
    // extract; an edit updates the preview, a bad path disables Confirm, Confirm stores a version, Cancel nothing.
    void workflowsSchemaDialogEditsPreviewsAndConfirms()
    {
        TestStore store;
        QVERIFY(store.start());
        WorkflowConfig config;
        config.name = QStringLiteral("serving");
        config.githubOwner = QStringLiteral("acme");
        config.githubRepo = QStringLiteral("llm");
        WriteBatch configs;
        configs.workflowConfigs << config;
        QVERIFY(store.service->writeBlocking(configs));
        const QString sample = store.dir.filePath(QStringLiteral("serving.json"));
        QFile file(sample);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"gpu": "H100", "runs": [{"model": "llama-8b", "tokens_per_s": 1500.5, "p50_ms": 12.5},
                                              {"model": "llama-70b", "tokens_per_s": 410, "p50_ms": 48}]})");
        file.close();

        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        const int index = int(window->pages().indexOf(window->findChild<WorkflowsPage *>()));
        visit(*window, index, QStringLiteral("schema"));
        auto *page = qobject_cast<WorkflowsPage *>(window->currentPage());
        QVERIFY(page && page->schemaButton()->isVisible());
        QSignalSpy opened(page, &WorkflowsPage::schemaDialogOpened);
        page->proposeSchemaFrom(sample, false);
        QTRY_COMPARE(opened.size(), 1);
        auto *dialog = opened.first().first().value<SchemaReviewDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        SchemaReview *review = dialog->review();
        QAbstractItemModelTester fieldsTester(review->fields(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester previewTester(review->preview(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(review->fields()->rowCount(), 4);
        QCOMPARE(review->preview()->rowCount(), 2);
        QCOMPARE(review->preview()->columnCount(), 4);
        QCOMPARE(review->preview()->headerData(3, Qt::Horizontal).toString(), QStringLiteral("tokens_per_s (tok/s)"));
        QCOMPARE(review->preview()->index(1, 3).data(Qt::UserRole).toDouble(), 410.0);
        QVERIFY(dialog->confirmButton()->isEnabled());
        QVERIFY(showsText(dialog, QStringLiteral("2 rows extracted from the sample.")));

        // Rename the metric and change its unit: the preview follows.
        SchemaFieldsModel *fields = review->fields();
        QVERIFY(fields->setData(fields->index(3, SchemaFieldsModel::NameColumn), QStringLiteral("throughput")));
        QVERIFY(fields->setData(fields->index(3, SchemaFieldsModel::UnitColumn), QStringLiteral("tokens/s")));
        QCOMPARE(review->preview()->headerData(3, Qt::Horizontal).toString(), QStringLiteral("throughput (tokens/s)"));
        QVERIFY(!fields->setData(fields->index(3, SchemaFieldsModel::DirectionColumn), QStringLiteral("sideways")));
        // A path the sample lacks: said in red, Confirm disabled; put back, enabled again.
        QVERIFY(fields->setData(fields->index(2, SchemaFieldsModel::PathColumn), QStringLiteral("$.runs[*].p50")));
        QVERIFY(!dialog->confirmButton()->isEnabled());
        QVERIFY2(dialog->status()->text().contains(QStringLiteral("paths not in the sample: $.runs[*].p50")), qPrintable(dialog->status()->text()));
        QVERIFY(fields->setData(fields->index(2, SchemaFieldsModel::PathColumn), QStringLiteral("$.runs[*].p50_ms")));
        QVERIFY(dialog->confirmButton()->isEnabled());
        // The model as a dimension: role changes, so do the preview's columns.
        QVERIFY(fields->setData(fields->index(1, SchemaFieldsModel::RoleColumn), QStringLiteral("metric")));
        QVERIFY(!dialog->confirmButton()->isEnabled());   // text is no number
        QVERIFY(fields->setData(fields->index(1, SchemaFieldsModel::RoleColumn), QStringLiteral("dimension")));
        QVERIFY(dialog->confirmButton()->isEnabled());
        QVERIFY(dialog->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/workflows-schema-review.png")));

        auto versions = [&store] {
            return store.service->read<QList<MetricSchema>>([](Store &s) { return s.workflowSchemas(QStringLiteral("serving")); }).result();
        };
        dialog->confirmButton()->click();
        store.service->flush();
        QTRY_COMPARE(versions()->size(), 1);
        QCOMPARE(versions()->first().source, QStringLiteral("user"));   // edited
        QVERIFY(versions()->first().active);
        QCOMPARE(versions()->first().fields.at(3).name, QStringLiteral("throughput"));
        QTRY_VERIFY(showsText(page, QStringLiteral("Schema confirmed for “serving”")));

        // Cancel stores nothing.
        page->proposeSchemaFrom(sample, false);
        QTRY_COMPARE(opened.size(), 2);
        auto *second = opened.at(1).first().value<SchemaReviewDialog *>();
        QCOMPARE(second->review()->confirmedSchema().source, QStringLiteral("heuristic"));   // not edited
        second->reject();
        store.service->flush();
        QCOMPARE(versions()->size(), 1);

        // A file that is no JSON is said on the page, with its name.
        page->proposeSchemaFrom(store.dir.filePath(QStringLiteral("missing.json")), false);
        QTRY_VERIFY(showsText(page, QStringLiteral("missing.json")));
        QCOMPARE(opened.size(), 2);
    }

    void workflowsPageWithoutConfigurations()
    {
        TestStore store;
        QVERIFY(store.start());
        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        const int index = int(window->pages().indexOf(window->findChild<WorkflowsPage *>()));
        visit(*window, index, QStringLiteral("empty"));
        QCOMPARE(window->currentPage()->pageState()->state(), PageState::State::Empty);
        QVERIFY(showsText(window->currentPage(), QStringLiteral("fleetscope workflows configs add NAME --repo OWNER/REPO")));
        QVERIFY(window->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/workflows-empty.png")));
    }

    void failedConnectionKeepsItsDataMarkedStale()
    {
        TestStore store;
        QVERIFY(store.start());
        const RunPodDay day = seedRunPodDay(*store.service);
        QVERIFY(day.connectionId > 0);
        const QDateTime failedAt = QDateTime::currentDateTimeUtc();
        const QString error = QStringLiteral("auth: api.runpod.io/graphql: HTTP 401 Unauthorized — the API key was rejected");
        WriteBatch status;
        status.source = QStringLiteral("test status");
        status.statuses << ConnectionStatus{day.connectionId, failedAt, QStringLiteral("failed"), error};
        store.service->submit(status);
        store.service->flush();
        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);

        // Cost, Endpoints, Pods and GPU Offers keep their data on screen under a banner naming the failure.
        const QString scenario = QStringLiteral("stale");
        for (const int index : {1, 2, 3, 4}) {
            visit(*window, index, scenario);
            if (QTest::currentTestFailed())
                return;
            auto *page = qobject_cast<CollectedDataPage *>(window->pages().at(index));
            QVERIFY(page);
            QCOMPARE(page->pageState()->state(), PageState::State::Content);
            QVERIFY2(page->staleBanner()->isVisible(), qPrintable(page->objectName()));
            const QString text = page->staleBanner()->text();
            QVERIFY2(text.startsWith(QStringLiteral("RunPod “runpod-prod” failed at %1 — auth: ").arg(SnapshotFormat::clockTime(failedAt))),
                     qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("HTTP 401 Unauthorized")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("; showing data from ")), qPrintable(text));
            QVERIFY(showsText(page, QStringLiteral("showing data from")));
        }
        // The Overview says so too, and still counts the connection's last good data.
        visit(*window, 0, scenario);
        auto *overview = qobject_cast<OverviewPage *>(window->pages().at(0));
        QVERIFY(overview);
        QVERIFY(overview->staleBanner()->isVisible());
        QVERIFY2(overview->staleBanner()->text().startsWith(QStringLiteral("RunPod “runpod-prod” failed at ")), qPrintable(overview->staleBanner()->text()));
        QCOMPARE(overview->connectionsModel()->index(0, FleetConnectionsModel::Status).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(overview->connectionsModel()->index(0, FleetConnectionsModel::Status).data(Qt::ToolTipRole).toString(), error);
        QCOMPARE(overview->runningCard()->valueLabel()->text(), QString::number(day.runningPods));
        QCOMPARE(qobject_cast<PodsPage *>(window->pages().at(3))->model()->rowCount(), day.pods);

        // The next good sync clears the banners.
        status.statuses = {ConnectionStatus{day.connectionId, failedAt.addSecs(60), QStringLiteral("ok"), QString()}};
        store.service->submit(status);   // batchCommitted refreshes the window
        for (const int index : {1, 2, 3, 4}) {
            auto *page = qobject_cast<CollectedDataPage *>(window->pages().at(index));
            QTRY_VERIFY2(page->staleBanner()->isHidden(), qPrintable(page->objectName()));
            QCOMPARE(page->staleBanner()->text(), QString());
        }
        QTRY_VERIFY(overview->staleBanner()->isHidden());
        QCOMPARE(overview->connectionsModel()->index(0, FleetConnectionsModel::Status).data().toString(), QStringLiteral("OK"));
    }

    void timeRangeChangeReloadsAndDropsStaleAnswers()
    {
        TestStore store;
        QVERIFY(store.start());
        QVERIFY(seedGpuDay(*store.service) > 0);
        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        auto *overview = qobject_cast<OverviewPage *>(window->pages().first());
        TimeSeriesChart *chart = overview->chart();
        QTRY_VERIFY(chart->bucketCount() > 0);
        QTRY_VERIFY(qAbs(chart->shownFrom().secsTo(chart->shownTo()) - 24 * 3600) < 5);

        window->timeRangePicker()->setRange(TimeRange::preset(TimeRange::Preset::LastHour));
        QTRY_VERIFY(qAbs(chart->shownFrom().secsTo(chart->shownTo()) - 3600) < 5);
        QVERIFY(chart->bucketCount() > 0);
        QVERIFY(chart->bucketCount() <= 60);   // an hour of 60 s samples

        // A span before any data: the chart says so instead of keeping the old line.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const TimeRange past = TimeRange::custom(now.addDays(-10), now.addDays(-9));
        window->timeRangePicker()->setRange(past);
        QTRY_COMPARE(chart->shownFrom(), past.from(now));
        QCOMPARE(chart->bucketCount(), 0);

        // Two changes in a row: only the answer for the last one may be drawn.
        window->timeRangePicker()->setRange(TimeRange::preset(TimeRange::Preset::LastHour));
        window->timeRangePicker()->setRange(TimeRange::preset(TimeRange::Preset::Last7Days));
        QTRY_VERIFY(qAbs(chart->shownFrom().secsTo(chart->shownTo()) - 7 * 24 * 3600) < 5);
        QTest::qWait(300);
        QVERIFY(qAbs(chart->shownFrom().secsTo(chart->shownTo()) - 7 * 24 * 3600) < 5);
        for (Page *page : window->pages())
            QCOMPARE(page->timeRange(), TimeRange::preset(TimeRange::Preset::Last7Days));
    }

    void chartAndTableExport()
    {
        TestStore store;
        QVERIFY(store.start());
        QVERIFY(seedGpuDay(*store.service) > 0);
        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        auto *overview = qobject_cast<OverviewPage *>(window->pages().first());
        QTRY_VERIFY(overview->chart()->bucketCount() > 0);

        QTemporaryDir out;
        const QString png = out.filePath(QStringLiteral("gpu.png"));
        QVERIFY(overview->chart()->exportPng(png));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 100 && image.height() > 100);

        const QString svg = out.filePath(QStringLiteral("gpu.svg"));
        QVERIFY(overview->chart()->exportSvg(svg));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.startsWith("<?xml"));
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("Fleet GPU util"));   // the title travels with the drawing
        QVERIFY(!overview->chart()->exportSvg(out.filePath(QStringLiteral("missing/gpu.svg"))));

        window->showPage(int(window->pages().size()) - 1);
        auto *providers = qobject_cast<ProvidersPage *>(window->currentPage());
        QTRY_COMPARE(providers->model()->rowCount(), 1);
        const QString csv = out.filePath(QStringLiteral("connections.csv"));
        const Result<qint64> written = providers->tableView()->exportCsv(csv);
        QVERIFY(written);
        QCOMPARE(*written, qint64(1));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csvFile.readAll().split('\n');
        QCOMPARE(lines.first(), QByteArray("kind,name,enabled,cadence_seconds,last_sync_at,last_success_at,last_status,last_error\r"));
        QVERIFY(lines.at(1).startsWith("prometheus,lab-dcgm,true,60,"));
        QVERIFY(lines.at(1).contains("Z,ok,"));   // exported in UTC
    }

    void chartFollowsDarkPalette()
    {
        TestStore store;
        QVERIFY(store.start());
        QVERIFY(seedGpuDay(*store.service) > 0);
        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            dark.setColor(role, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8b, 0xd9));
        window->setPalette(dark);
        auto *overview = qobject_cast<OverviewPage *>(window->pages().first());
        QTRY_VERIFY(overview->chart()->bucketCount() > 0);
        visit(*window, 0, QStringLiteral("dark"));
        // The plot background follows the palette: a pixel inside the plot area is dark.
        const QImage chart = overview->chart()->grab().toImage();
        QVERIFY(chart.pixelColor(chart.width() / 2, chart.height() - 80).lightness() < 128);
    }

    void unreadableStoreShowsErrorWithRetry()
    {
        QTemporaryDir dir;
        QFile garbage(dir.filePath(QStringLiteral("fleetscope.sqlite")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(4096, 'x'));
        garbage.close();
        const Result<StoreLocation> location = StoreLocation::parse(QString(), dir.path());
        QVERIFY(location);
        StoreService service(*location);
        auto window = openWindow(service, dir.path());
        QVERIFY(window);

        Page *overview = window->pages().first();
        QTRY_COMPARE(overview->pageState()->state(), PageState::State::Error);
        QVERIFY(overview->pageState()->message().contains(QStringLiteral("(storage)")));
        QVERIFY(overview->pageState()->message().contains(QStringLiteral("not a SQLite database")));
        QVERIFY(showsText(overview, QStringLiteral("(storage)")));
        QPushButton *retry = visibleButton(overview, QStringLiteral("Retry"));
        QVERIFY(retry);
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE(overview->pageState()->state(), PageState::State::Error);
        visit(*window, 0, QStringLiteral("error"));
    }

    void closingWhileReadsAreInFlightIsSafe()
    {
        TestStore store;
        QVERIFY(store.start());
        QVERIFY(seedGpuDay(*store.service) > 0);
        for (int i = 0; i < 5; ++i) {
            auto window = std::make_unique<MainWindow>(*store.service, *m_settings, store.dir.path());
            window->refresh();
            window->refresh();   // reads still on their way when the window goes
        }
        QTest::qWait(300);       // their answers arrive to no one, and nothing touches a dead page
        store.service->flush();
    }

    // Issue 9: a rule fires after collected data, the user is notified, the click opens the pod,
    // the sidebar counts it until it is acknowledged; a rule added in the dialog is stored.
    void alertsReachTheUser()
    {
        TestStore store;
        QVERIFY(store.start());
        const qint64 connectionId = seedConnection(*store.service, QStringLiteral("runpod"), QStringLiteral("prod"), 300);
        QVERIFY(connectionId > 0);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        WriteBatch setup;
        setup.source = QStringLiteral("test alerts");
        Result<AlertRule> idle = validateAlertRule(AlertRule{0, QStringLiteral("idle pods"), QStringLiteral("gpu_idle"), 0,
                                                             QJsonObject{{QStringLiteral("minutes"), 10}}, QStringLiteral("warning"), true});
        QVERIFY(idle);
        setup.alertRules << *idle;
        for (const int minutesAgo : {15, 10, 5, 0}) {
            InstanceSnapshot s;
            s.snapshotTs = now.addSecs(-60LL * minutesAgo);
            s.connectionId = connectionId;
            s.provider = QStringLiteral("runpod");
            s.instanceId = QStringLiteral("pod-a");
            s.name = QStringLiteral("pod-a");
            s.gpuType = QStringLiteral("NVIDIA H100 80GB HBM3");
            s.gpuCount = 2;
            s.status = QStringLiteral("RUNNING");
            s.costPerHour = 6.0;
            s.gpuUtilPercent = 2;
            setup.instances << s;
        }
        QVERIFY(store.service->writeBlocking(setup));

        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        AlertMonitor monitor(*store.service, [now] { return now; });
        window->setAlertMonitor(&monitor, false);   // offscreen has no tray: the same path, recorded
        AlertNotifier *notifier = window->alertNotifier();
        QVERIFY(notifier);
        QVERIFY(!notifier->hasTray());
        monitor.evaluateNow();
        QTRY_COMPARE(notifier->shown().size(), 1);
        QCOMPARE(notifier->shown().first().title, QStringLiteral("Fleetscope: gpu_idle"));
        QCOMPARE(notifier->shown().first().message, QStringLiteral("pod-a (prod): GPU util under 10 % for 10 min while paying $6.00/hr"));

        AlertsPage *alerts = window->alertsPage();
        const int alertsIndex = int(window->pages().indexOf(alerts));
        auto *sidebar = window->findChild<QListWidget *>();
        QVERIFY(sidebar);
        QTRY_COMPARE(sidebar->item(alertsIndex)->text(), QStringLiteral("Alerts (1)"));

        // The notification's click: the Pods page with the idle pod selected.
        notifier->activate();
        QCOMPARE(window->currentPage()->objectName(), QStringLiteral("pods"));
        auto *pods = qobject_cast<PodsPage *>(window->currentPage());
        QVERIFY(pods);
        QTRY_COMPARE(pods->selectedInstanceId(), QStringLiteral("pod-a"));

        visit(*window, alertsIndex, QStringLiteral("alerts"));
        QCOMPARE(alerts->pageState()->state(), PageState::State::Content);
        QCOMPARE(alerts->alertsState()->state(), PageState::State::Content);
        QCOMPARE(alerts->alertsModel()->rowCount(), 1);
        QCOMPARE(alerts->alertsModel()->index(0, AlertsModel::State).data().toString(), QStringLiteral("Open"));
        QVERIFY(!alerts->acknowledgeButton()->isEnabled());
        alerts->alertsTable()->table()->selectRow(0);
        QVERIFY(alerts->acknowledgeButton()->isEnabled());
        QVERIFY(window->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/alerts.png")));

        // A double-click on the row goes where the notification went.
        window->showPage(alertsIndex);
        const QTableView *table = alerts->alertsTable()->table();
        const QPoint cell = table->visualRect(table->model()->index(0, AlertsModel::Message)).center();
        QTest::mousePress(table->viewport(), Qt::LeftButton, {}, cell);   // the view opens only the row it was pressed on
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell);
        QCOMPARE(window->currentPage()->objectName(), QStringLiteral("pods"));
        window->showPage(alertsIndex);

        QTest::mouseClick(alerts->acknowledgeButton(), Qt::LeftButton);
        QTRY_COMPARE(sidebar->item(alertsIndex)->text(), QStringLiteral("Alerts"));
        QTRY_COMPARE(alerts->alertsModel()->index(0, AlertsModel::State).data().toString(), QStringLiteral("Acknowledged"));
        QVERIFY(alerts->alertsModel()->alert(0).acknowledged);

        // A rule through the dialog: inline validation, then stored.
        alerts->tabs()->setCurrentIndex(1);
        QCOMPARE(alerts->rulesModel()->rowCount(), 1);
        AlertRuleDialog *dialog = alerts->addRule();
        QVERIFY(dialog);
        QVERIFY(!dialog->canAccept());   // no name yet
        dialog->nameEdit()->setText(QStringLiteral("cheap H100"));
        dialog->kindCombo()->setCurrentIndex(dialog->kindCombo()->findData(QStringLiteral("price_below")));
        QVERIFY(dialog->paramEdit(QStringLiteral("max_price")));
        QVERIFY(!dialog->canAccept());   // gpu_type is required
        QVERIFY2(dialog->problemLabel()->text().contains(QLatin1String("gpu_type")), qPrintable(dialog->problemLabel()->text()));
        dialog->paramEdit(QStringLiteral("gpu_type"))->setText(QStringLiteral("NVIDIA H100 80GB HBM3"));
        dialog->paramEdit(QStringLiteral("max_price"))->setText(QStringLiteral("cheap"));
        QVERIFY(!dialog->canAccept());
        QVERIFY2(dialog->problemLabel()->text().contains(QLatin1String("max_price")), qPrintable(dialog->problemLabel()->text()));
        dialog->paramEdit(QStringLiteral("max_price"))->setText(QStringLiteral("2.5"));
        dialog->connectionCombo()->setCurrentIndex(dialog->connectionCombo()->findData(connectionId));
        dialog->severityCombo()->setCurrentIndex(dialog->severityCombo()->findData(QStringLiteral("critical")));
        QVERIFY(dialog->canAccept());
        QVERIFY(dialog->problemLabel()->isHidden());
        QTest::qWait(50);
        QVERIFY(dialog->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/alerts-rule-dialog.png")));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

        QTRY_COMPARE(alerts->rulesModel()->rowCount(), 2);
        const Result<QList<AlertRule>> rules = store.service->read<QList<AlertRule>>([](Store &s) { return s.alertRules(); }).result();
        QVERIFY(rules);
        QCOMPARE(rules->size(), 2);
        const AlertRule &added = rules->first();   // by name
        QCOMPARE(added.name, QStringLiteral("cheap H100"));
        QCOMPARE(added.kind, QStringLiteral("price_below"));
        QCOMPARE(added.connectionId, connectionId);
        QCOMPARE(added.severity, QStringLiteral("critical"));
        QCOMPARE(added.params.value(QStringLiteral("max_price")).toDouble(), 2.5);
        QCOMPARE(added.params.value(QStringLiteral("gpu_type")).toString(), QStringLiteral("NVIDIA H100 80GB HBM3"));
        alerts->rulesTable()->table()->selectRow(alerts->rulesModel()->rowOf(QStringLiteral("cheap H100")));
        QTest::qWait(150);
        QVERIFY(window->grab().toImage().save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/alerts-rules.png")));

        alerts->removeSelectedRule(false);
        QTRY_COMPARE(alerts->rulesModel()->rowCount(), 1);
        store.service->flush();
    }

    void keyboardAndSettings()
    {
        TestStore store;
        QVERIFY(store.start());
        {
            auto window = openWindow(*store.service, store.dir.path());
            QVERIFY(window);
            QApplication::setActiveWindow(window.get());
            QVERIFY(QTest::qWaitForWindowActive(window.get()));
            QTest::keyClick(window.get(), Qt::Key_3, Qt::ControlModifier);
            QCOMPARE(window->currentPage()->objectName(), QStringLiteral("endpoints"));
            auto *sidebar = window->findChild<QListWidget *>();
            QVERIFY(sidebar);
            sidebar->setFocus();
            QTest::keyClick(sidebar, Qt::Key_Down);
            QCOMPARE(window->currentPage()->objectName(), QStringLiteral("pods"));
            window->timeRangePicker()->setRange(TimeRange::preset(TimeRange::Preset::Last7Days));
            window->close();
        }
        // Restored before anything is read: the window can show while the store still opens.
        MainWindow unstarted(*store.service, *m_settings, store.dir.path());
        QCOMPARE(unstarted.currentPage()->objectName(), QStringLiteral("pods"));
        QCOMPARE(unstarted.currentPage()->pageState()->state(), PageState::State::Loading);
        QTest::qWait(100);
        QCOMPARE(unstarted.currentPage()->pageState()->state(), PageState::State::Loading);

        auto window = openWindow(*store.service, store.dir.path());
        QVERIFY(window);
        QCOMPARE(window->currentPage()->objectName(), QStringLiteral("pods"));
        QCOMPARE(window->timeRangePicker()->range(), TimeRange::preset(TimeRange::Preset::Last7Days));
        QCOMPARE(window->currentPage()->timeRange(), TimeRange::preset(TimeRange::Preset::Last7Days));
    }
};

QTEST_MAIN(TestGui)
#include "test_gui.moc"
