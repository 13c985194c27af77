// The local-gpu connection against a fake NVML (tests/fakenvml) loaded exactly as the driver's library
// would be: exact readings, unsupported figures as missing values, process names from /proc, driver
// failures in one line, the collector's batch in a store, the connection test and `fleetscope gpus`.
#include "http/localhttp.h"
#include "clirun.h"
#include "engine/collectors.h"
#include "providers/catalog.h"
#include "providers/connectiontest.h"
#include "providers/localgpu/localgpu.h"
#include "providers/localgpu/nvml.h"
#include "store/store.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTimer>
#include <QTest>

#include <dlfcn.h>

using namespace fleetscope;

namespace {

const QString kFake = QStringLiteral(FAKE_NVML);
const QString kFakeOldDriver = QStringLiteral(FAKE_NVML_OLD_DRIVER);
const QString kH100 = QStringLiteral("GPU-5f0e1a2b-7c3d-4e8f-9a0b-1c2d3e4f5a6b");
const QString kA10G = QStringLiteral("GPU-0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d");
constexpr qint64 kMiB = 1024 * 1024;
constexpr quint32 kGonePid = 4'000'000'000U;   // beyond any pid_max: no /proc entry

Result<localgpu::Reading> readAsync(localgpu::Sampler &sampler)
{
    return runWithLocalHttp<localgpu::Reading>([&sampler](HttpClient &, QObject *context, std::function<void(Result<localgpu::Reading>)> done) {
        sampler.read(context, std::move(done));
    });
}

QString labels(const QString &uuid, const QString &gpu, const QString &model, const QString &process = QString())
{
    QJsonObject object{{QStringLiteral("Hostname"), QSysInfo::machineHostName()}, {QStringLiteral("UUID"), uuid},
                       {QStringLiteral("gpu"), gpu}, {QStringLiteral("modelName"), model}};
    if (!process.isEmpty())
        object.insert(QStringLiteral("process"), process);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

class TestLocalGpu : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_configPath;
    QList<QProcess *> m_sleepers;   // real processes named "sleep", reported as using the H100
    void *m_fakeHandle = nullptr;   // keeps the fake loaded so its session count can be read

    // Two GPUs: an H100 that reports everything, an A10G that reports a real 0 % utilisation and
    // refuses or lacks power, temperature, energy and its process list.
    QJsonObject twoGpus() const
    {
        const QJsonArray processes{
            QJsonObject{{QStringLiteral("pid"), QCoreApplication::applicationPid()}, {QStringLiteral("used_bytes"), 1000 * kMiB}},
            QJsonObject{{QStringLiteral("pid"), m_sleepers.at(0)->processId()}, {QStringLiteral("used_bytes"), 500 * kMiB}},
            QJsonObject{{QStringLiteral("pid"), m_sleepers.at(1)->processId()}, {QStringLiteral("used_bytes"), 250 * kMiB}},
            QJsonObject{{QStringLiteral("pid"), qint64(kGonePid)}, {QStringLiteral("used_bytes"), QJsonValue::Null}},
        };
        const QJsonObject h100{
            {QStringLiteral("name"), QStringLiteral("NVIDIA H100 80GB HBM3")},
            {QStringLiteral("uuid"), kH100},
            {QStringLiteral("utilization"), 87},
            // used is 40960.5 MiB: reported in whole MiB, as nvidia-smi does. The 480 MiB the driver
            // reserves count as used only through the v1 call, which nvidia-smi no longer reads.
            {QStringLiteral("memory"), QJsonObject{{QStringLiteral("total"), 81559 * kMiB}, {QStringLiteral("used"), 40960 * kMiB + kMiB / 2},
                                                   {QStringLiteral("free"), 40118 * kMiB + kMiB / 2}, {QStringLiteral("reserved"), 480 * kMiB}}},
            {QStringLiteral("power_mw"), 312456},
            {QStringLiteral("temperature"), 64},
            {QStringLiteral("sm_clock"), 1980},
            {QStringLiteral("energy_mj"), 123456789},
            {QStringLiteral("processes"), processes},
        };
        const QJsonObject a10g{
            {QStringLiteral("name"), QStringLiteral("NVIDIA A10G")},
            {QStringLiteral("uuid"), kA10G},
            {QStringLiteral("utilization"), 0},
            {QStringLiteral("memory"), QJsonObject{{QStringLiteral("total"), 23028 * kMiB}, {QStringLiteral("used"), 0}, {QStringLiteral("free"), 22515 * kMiB}}},
            {QStringLiteral("temperature"), QJsonObject{{QStringLiteral("error"), 4}}},   // NO_PERMISSION
            {QStringLiteral("energy_mj"), QJsonObject{{QStringLiteral("error"), 3}}},     // NOT_SUPPORTED, said outright
            {QStringLiteral("sm_clock"), 210},
        };
        return {{QStringLiteral("driver"), QStringLiteral("550.54.15")}, {QStringLiteral("gpus"), QJsonArray{h100, a10g}}};
    }

    void configure(const QJsonObject &config)
    {
        QFile file(m_configPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(config).toJson());
    }

    int fakeSessions() const
    {
        auto sessions = reinterpret_cast<int (*)()>(dlsym(m_fakeHandle, "fakeNvmlSessions"));
        return sessions ? sessions() : -1;
    }

    QProcessEnvironment cliEnvironment(const QString &library = kFake) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FLEETSCOPE_NVML_LIBRARY"), library);
        env.insert(QStringLiteral("FLEETSCOPE_FAKE_NVML"), m_configPath);
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_configPath = m_dir.filePath(QStringLiteral("nvml.json"));
        qputenv("FLEETSCOPE_FAKE_NVML", QFile::encodeName(m_configPath));
        qunsetenv("FLEETSCOPE_NVML_LIBRARY");
        for (int i = 0; i < 2; ++i) {
            auto *sleeper = new QProcess(this);
            sleeper->start(QStringLiteral("sleep"), {QStringLiteral("120")});
            QVERIFY(sleeper->waitForStarted());
            m_sleepers << sleeper;
        }
        m_fakeHandle = dlopen(QFile::encodeName(kFake).constData(), RTLD_NOW | RTLD_LOCAL);
        QVERIFY2(m_fakeHandle, dlerror());
    }

    void init()
    {
        configure(twoGpus());
    }

    void cleanupTestCase()
    {
        for (QProcess *sleeper : std::as_const(m_sleepers)) {
            sleeper->kill();
            sleeper->waitForFinished();
        }
        if (m_fakeHandle)
            dlclose(m_fakeHandle);
    }

    void exactReadings()
    {
        localgpu::Sampler sampler(kFake);
        const Result<localgpu::Reading> reading = sampler.readNow();
        QVERIFY2(reading, qPrintable(reading ? QString() : reading.error().message));
        QCOMPARE(reading->driverVersion, QStringLiteral("550.54.15"));
        QCOMPARE(reading->gpus.size(), 2);

        const GpuReading &h100 = reading->gpus.at(0).reading;
        QCOMPARE(h100.hostname, QSysInfo::machineHostName());
        QCOMPARE(h100.gpu, QStringLiteral("0"));
        QCOMPARE(h100.uuid, kH100);
        QCOMPARE(h100.modelName, QStringLiteral("NVIDIA H100 80GB HBM3"));
        QCOMPARE(h100.gpuUtilPercent, std::optional<double>(87));
        QCOMPARE(h100.memoryUsedMiB, std::optional<double>(40960));
        QCOMPARE(h100.memoryFreeMiB, std::optional<double>(40118));
        QCOMPARE(h100.powerW, std::optional<double>(312.456));
        QCOMPARE(h100.temperatureC, std::optional<double>(64));
        QCOMPARE(h100.energyJ, std::optional<double>(123456.789));
        QCOMPARE(h100.smClockMHz, std::optional<double>(1980));
        QVERIFY(!h100.xidErrors);
        QVERIFY(h100.migInstance.isEmpty() && h100.pod.isEmpty());

        // Not supported or not permitted: missing, never 0; a real 0 stays 0.
        const GpuReading &a10g = reading->gpus.at(1).reading;
        QCOMPARE(a10g.gpu, QStringLiteral("1"));
        QCOMPARE(a10g.gpuUtilPercent, std::optional<double>(0));
        QCOMPARE(a10g.memoryUsedMiB, std::optional<double>(0));
        QCOMPARE(a10g.memoryFreeMiB, std::optional<double>(22515));
        QVERIFY(!a10g.powerW);
        QVERIFY(!a10g.temperatureC);
        QVERIFY(!a10g.energyJ);
        QCOMPARE(a10g.smClockMHz, std::optional<double>(210));
        QCOMPARE(reading->describe(), QStringLiteral("local-gpu: 2 GPUs (NVIDIA H100 80GB HBM3, NVIDIA A10G), driver 550.54.15"));
    }

    void processesWithNames()
    {
        localgpu::Sampler sampler(kFake);
        const Result<localgpu::Reading> reading = sampler.readNow();
        QVERIFY(reading);
        QVERIFY(reading->gpus.at(0).processes);
        const QList<localgpu::GpuProcess> &processes = *reading->gpus.at(0).processes;
        QCOMPARE(processes.size(), 4);
        QCOMPARE(processes[0].pid, quint32(QCoreApplication::applicationPid()));
        QCOMPARE(processes[0].name, QStringLiteral("test_localgpu"));
        QCOMPARE(processes[0].usedMemoryMiB, std::optional<double>(1000));
        QCOMPARE(processes[1].name, QStringLiteral("sleep"));
        QCOMPARE(processes[2].usedMemoryMiB, std::optional<double>(250));
        QCOMPARE(processes[3].pid, kGonePid);
        QVERIFY(processes[3].name.isEmpty());          // exited or hidden
        QVERIFY(!processes[3].usedMemoryMiB);          // NVML_VALUE_NOT_AVAILABLE
        QVERIFY(!reading->gpus.at(1).processes);       // cannot be listed: unknown, not "none"
        QCOMPARE(localgpu::processName(quint32(QCoreApplication::applicationPid())), QStringLiteral("test_localgpu"));
    }

    void olderDriverWithoutV3OrEnergy()
    {
        localgpu::Sampler sampler(kFakeOldDriver);
        const Result<localgpu::Reading> reading = sampler.readNow();
        QVERIFY(reading);
        QVERIFY(!reading->gpus.at(0).reading.energyJ);
        QCOMPARE(reading->gpus.at(0).reading.powerW, std::optional<double>(312.456));
        // No nvmlDeviceGetMemoryInfo_v2: the v1 call's used, reserved memory included.
        QCOMPARE(reading->gpus.at(0).reading.memoryUsedMiB, std::optional<double>(41440));
        QCOMPARE(reading->gpus.at(0).reading.memoryFreeMiB, std::optional<double>(40118));
        QVERIFY(reading->gpus.at(0).processes);   // through nvmlDeviceGetComputeRunningProcesses_v2
        QCOMPARE(reading->gpus.at(0).processes->size(), 4);
    }

    void series()
    {
        localgpu::Sampler sampler(kFake);
        const Result<localgpu::Reading> reading = sampler.readNow();
        QVERIFY(reading);
        const QList<SeriesSamples> series = reading->series(7, 1'700'000'000'000);
        QStringList keys;
        for (const SeriesSamples &s : series) {
            QCOMPARE(s.key.connectionId, qint64(7));
            QCOMPARE(s.samples.size(), 1);
            QCOMPARE(s.samples.first().tsMs, qint64(1'700'000'000'000));
            keys << s.key.metric + QLatin1Char(' ') + s.key.labelsJson + QLatin1Char('=') + QString::number(s.samples.first().value, 'g', 12);
        }
        const QString h100 = labels(kH100, QStringLiteral("0"), QStringLiteral("NVIDIA H100 80GB HBM3"));
        const QString a10g = labels(kA10G, QStringLiteral("1"), QStringLiteral("NVIDIA A10G"));
        const QStringList expected{
            QStringLiteral("gpu_util_percent %1=87").arg(h100), QStringLiteral("memory_used_mib %1=40960").arg(h100),
            QStringLiteral("memory_free_mib %1=40118").arg(h100), QStringLiteral("power_w %1=312.456").arg(h100),
            QStringLiteral("temperature_c %1=64").arg(h100), QStringLiteral("energy_j %1=123456.789").arg(h100),
            QStringLiteral("sm_clock_mhz %1=1980").arg(h100),
            QStringLiteral("gpu_util_percent %1=0").arg(a10g), QStringLiteral("memory_used_mib %1=0").arg(a10g),
            QStringLiteral("memory_free_mib %1=22515").arg(a10g), QStringLiteral("sm_clock_mhz %1=210").arg(a10g),
            // Processes: the count per GPU, memory per command name (the two sleeps summed, the unaccounted one left out).
            QStringLiteral("process_count %1=4").arg(h100),
            QStringLiteral("process_memory_mib %1=750").arg(labels(kH100, QStringLiteral("0"), QStringLiteral("NVIDIA H100 80GB HBM3"), QStringLiteral("sleep"))),
            QStringLiteral("process_memory_mib %1=1000").arg(labels(kH100, QStringLiteral("0"), QStringLiteral("NVIDIA H100 80GB HBM3"), QStringLiteral("test_localgpu"))),
        };
        QCOMPARE(keys, expected);
    }

    void failures_data()
    {
        QTest::addColumn<QString>("library");
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<int>("errorClass");
        QTest::addColumn<QString>("message");
        QTest::addRow("no driver (soname)") << QStringLiteral("libnvidia-ml-absent.so.1") << QJsonObject() << int(ErrorClass::Unavailable)
                                            << QStringLiteral("local-gpu: no NVIDIA driver on this computer (libnvidia-ml-absent.so.1 not found)");
        QTest::addRow("no driver (path)") << QStringLiteral("/nonexistent/libnvidia-ml.so.1") << QJsonObject() << int(ErrorClass::Unavailable)
                                          << QStringLiteral("local-gpu: no NVIDIA driver on this computer (/nonexistent/libnvidia-ml.so.1 not found)");
        QTest::addRow("not NVML") << QStringLiteral(FLEETSCOPE_QTCORE_LIBRARY) << QJsonObject() << int(ErrorClass::Config)
                                  << QStringLiteral("local-gpu: %1 is not NVML or is too old (no nvmlInit_v2)").arg(QStringLiteral(FLEETSCOPE_QTCORE_LIBRARY));
        QTest::addRow("driver not loaded") << kFake << QJsonObject{{QStringLiteral("init"), 9}} << int(ErrorClass::Unavailable)
                                           << QStringLiteral("local-gpu: the NVIDIA driver is not loaded: Driver Not Loaded (NVML error 9)");
        QTest::addRow("no permission") << kFake << QJsonObject{{QStringLiteral("init"), 4}} << int(ErrorClass::Unavailable)
                                       << QStringLiteral("local-gpu: NVML did not start: Insufficient Permissions (NVML error 4)");
        QTest::addRow("count fails") << kFake << QJsonObject{{QStringLiteral("count"), QJsonObject{{QStringLiteral("error"), 999}}}}
                                     << int(ErrorClass::Unavailable) << QStringLiteral("local-gpu: NVML cannot count the GPUs: Unknown Error (NVML error 999)");
    }

    void failures()
    {
        QFETCH(QString, library);
        QFETCH(QJsonObject, config);
        QFETCH(int, errorClass);
        QFETCH(QString, message);
        configure(config);
        localgpu::Sampler sampler(library);
        const Result<localgpu::Reading> reading = sampler.readNow();
        QVERIFY(!reading);
        QCOMPARE(reading.error().message, message);
        QCOMPARE(int(reading.error().kind), errorClass);
        QCOMPARE(fakeSessions(), 0);
    }

    void notALibrary()
    {
        const QString path = m_dir.filePath(QStringLiteral("libnvidia-ml.so.1"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not an ELF file\n");
        file.close();
        const Result<localgpu::Reading> reading = localgpu::Sampler(path).readNow();
        QVERIFY(!reading);
        QCOMPARE(int(reading.error().kind), int(ErrorClass::Config));
        QVERIFY2(reading.error().message.startsWith(QStringLiteral("local-gpu: cannot load %1: ").arg(path)), qPrintable(reading.error().message));
        QCOMPARE(reading.error().message.count(path), 1);
        QVERIFY(!reading.error().message.contains(QLatin1Char('\n')));
    }

    // On this computer (no GPU in CI) the default is the driver's soname, and its absence reads plainly.
    void realDriverAbsent()
    {
        if (void *real = dlopen(nvml::kDriverLibrary, RTLD_NOW | RTLD_LOCAL)) {
            dlclose(real);
            QSKIP("this computer has an NVIDIA driver; tests/gpu/check-nvml.sh covers it");
        }
        QCOMPARE(nvml::libraryPath(), QStringLiteral("libnvidia-ml.so.1"));
        const Result<localgpu::Reading> reading = localgpu::Sampler().readNow();
        QVERIFY(!reading);
        QCOMPARE(reading.error().message, QStringLiteral("local-gpu: no NVIDIA driver on this computer (libnvidia-ml.so.1 not found)"));
    }

    void libraryChoice()
    {
        QCOMPARE(nvml::libraryPath(QStringLiteral("/opt/x/libnvidia-ml.so.1")), QStringLiteral("/opt/x/libnvidia-ml.so.1"));
        qputenv("FLEETSCOPE_NVML_LIBRARY", "/from/env/libnvidia-ml.so.1");
        QCOMPARE(nvml::libraryPath(), QStringLiteral("/from/env/libnvidia-ml.so.1"));
        QCOMPARE(nvml::libraryPath(QStringLiteral("/setting/wins.so")), QStringLiteral("/setting/wins.so"));
        qunsetenv("FLEETSCOPE_NVML_LIBRARY");
    }

    // NVML stays initialised between readings and is shut down with the sampler; a lost GPU reloads it.
    void sessionsAreBalanced()
    {
        {
            localgpu::Sampler sampler(kFake);
            QVERIFY(sampler.readNow());
            QCOMPARE(fakeSessions(), 1);
            QVERIFY(sampler.readNow());
            QCOMPARE(fakeSessions(), 1);
        }
        QCOMPARE(fakeSessions(), 0);

        QJsonObject config = twoGpus();
        QJsonArray gpus = config.value(QStringLiteral("gpus")).toArray();
        QJsonObject lost = gpus.at(1).toObject();
        lost.insert(QStringLiteral("handle"), QJsonObject{{QStringLiteral("error"), 15}});   // GPU_IS_LOST
        gpus.replace(1, lost);
        config.insert(QStringLiteral("gpus"), gpus);
        configure(config);
        localgpu::Sampler sampler(kFake);
        const Result<localgpu::Reading> reading = sampler.readNow();
        QVERIFY(reading);
        QCOMPARE(reading->gpus.size(), 1);   // the lost one is left out, the other still counts
        QCOMPARE(fakeSessions(), 0);         // and NVML starts afresh next time
        QVERIFY(sampler.readNow());
    }

    void asyncReadsOneAtATime()
    {
        QJsonObject config = twoGpus();
        config.insert(QStringLiteral("init_delay_ms"), 300);
        configure(config);
        localgpu::Sampler sampler(kFake);
        QEventLoop loop;
        std::optional<Result<localgpu::Reading>> first;
        std::optional<Result<localgpu::Reading>> second;
        sampler.read(&loop, [&](Result<localgpu::Reading> r) {
            first = std::move(r);
            if (second)
                loop.quit();
        });
        sampler.read(&loop, [&](Result<localgpu::Reading> r) {
            second = std::move(r);
            if (first)
                loop.quit();
        });
        QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
        loop.exec();
        QVERIFY(first && second);
        QVERIFY(*first);
        QCOMPARE((*first)->gpus.size(), 2);
        QVERIFY(!*second);
        QCOMPARE(second->error().message, QStringLiteral("local-gpu: NVML has not answered the previous reading yet"));
        QVERIFY(readAsync(sampler));   // free again once the first has answered
    }

    void noAnswerIntoAGoneContext()
    {
        QJsonObject config = twoGpus();
        config.insert(QStringLiteral("init_delay_ms"), 200);
        configure(config);
        localgpu::Sampler sampler(kFake);
        bool answered = false;
        auto *context = new QObject;
        sampler.read(context, [&answered](Result<localgpu::Reading>) { answered = true; });
        delete context;
        QTest::qWait(600);
        QVERIFY(!answered);
        QVERIFY(readAsync(sampler));
    }

    void settingsAndCatalog()
    {
        const Result<localgpu::Settings> defaults = localgpu::Settings::fromJson({});
        QVERIFY(defaults);
        QCOMPARE(defaults->intervalSeconds, 15);
        QVERIFY(defaults->libraryPath.isEmpty());
        QCOMPARE(localgpu::Settings::fromJson({{QStringLiteral("interval_seconds"), 2}}).error().message,
                 QStringLiteral("interval_seconds: expected a whole number between 5 and 3600"));
        QCOMPARE(localgpu::Settings::fromJson({{QStringLiteral("library_path"), 5}}).error().message, QStringLiteral("library_path: expected a file path"));
        QCOMPARE(schedulerCadenceSeconds(QStringLiteral("local-gpu"), {{QStringLiteral("interval_seconds"), 30}}, 300), 30);
        QCOMPARE(schedulerCadenceSeconds(QStringLiteral("local-gpu"), {}, 300), 15);

        const ProviderKind *kind = findProviderKind(QStringLiteral("local-gpu"));
        QVERIFY(kind);
        QCOMPARE(kind->category, QStringLiteral("monitoring"));
        QVERIFY(!kind->secretRequired);
        QVERIFY(!usesSecret(*kind, {}));
        QStringList keys;
        for (const ProviderField &field : kind->fields)
            keys << field.key;
        QCOMPARE(keys, (QStringList{QStringLiteral("interval_seconds"), QStringLiteral("library_path")}));
        const Result<QJsonObject> valid = validateSettings(*kind, {{QStringLiteral("library_path"), kFake}});
        QVERIFY(valid);
        QVERIFY(localgpu::Settings::fromJson(*valid));
        QVERIFY(!validateSettings(*kind, {{QStringLiteral("interval_seconds"), QStringLiteral("1")}}));
    }

    // Through the collector factory and a cycle context, into a store.
    void collectorStoresBatch()
    {
        Result<std::unique_ptr<Store>> store = openStore(StoreLocation{m_dir.filePath(QStringLiteral("s.sqlite"))}, StoreAccess::ReadWrite);
        QVERIFY(store);
        QVERIFY((*store)->write(test::connectionBatch(QStringLiteral("here"), QStringLiteral("local-gpu"))));
        ConnectionRecord connection = (*store)->connections()->first();
        connection.settings = QJsonObject{{QStringLiteral("library_path"), kFake}};
        Result<std::unique_ptr<Collector>> collector = builtinCollectors()(connection);
        QVERIFY(collector);

        auto cycle = [&]() {
            return runWithLocalHttp<WriteBatch>([&](HttpClient &http, QObject *context, std::function<void(Result<WriteBatch>)> done) {
                auto *ctx = new CollectContext(connection, http, http.clock(), context);
                (*collector)->collect(*ctx, std::move(done));
            });
        };
        Result<WriteBatch> batch = cycle();
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().message));
        QCOMPARE(batch->source, QStringLiteral("here local GPUs"));
        QCOMPARE(batch->series.size(), 14);
        QVERIFY(batch->instances.isEmpty() && batch->statuses.isEmpty());
        QVERIFY((*store)->write(*batch));
        QCOMPARE((*store)->series(connection.id)->size(), 14);
        QCOMPARE(*(*store)->sampleCount(), 14);

        configure(QJsonObject{{QStringLiteral("init"), 9}});
        collector = builtinCollectors()(connection);   // a fresh collector loads NVML afresh
        batch = cycle();
        QVERIFY(!batch);
        QCOMPARE(batch.error().message, QStringLiteral("local-gpu: the NVIDIA driver is not loaded: Driver Not Loaded (NVML error 9)"));

        connection.settings = QJsonObject{{QStringLiteral("interval_seconds"), QStringLiteral("often")}};
        const Result<std::unique_ptr<Collector>> refused = builtinCollectors()(connection);
        QVERIFY(!refused);
        QCOMPARE(refused.error().message, QStringLiteral("here: interval_seconds: expected a whole number between 5 and 3600"));
    }

    void connectionTest_data()
    {
        QTest::addColumn<QJsonObject>("settings");
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("answer");
        QTest::addRow("two GPUs") << QJsonObject{{QStringLiteral("library_path"), kFake}} << twoGpus() << true
                                  << QStringLiteral("local-gpu: 2 GPUs (NVIDIA H100 80GB HBM3, NVIDIA A10G), driver 550.54.15");
        QTest::addRow("driver without GPUs") << QJsonObject{{QStringLiteral("library_path"), kFake}}
                                             << QJsonObject{{QStringLiteral("driver"), QStringLiteral("550.54.15")}} << false
                                             << QStringLiteral("local-gpu: NVIDIA driver 550.54.15 sees no GPU");
        QTest::addRow("no driver") << QJsonObject{{QStringLiteral("library_path"), QStringLiteral("libnvidia-ml-absent.so.1")}} << QJsonObject() << false
                                   << QStringLiteral("local-gpu: no NVIDIA driver on this computer (libnvidia-ml-absent.so.1 not found)");
    }

    void connectionTest()
    {
        QFETCH(QJsonObject, settings);
        QFETCH(QJsonObject, config);
        QFETCH(bool, ok);
        QFETCH(QString, answer);
        configure(config);
        ConnectionRecord connection = test::connection(QStringLiteral("here"), QStringLiteral("local-gpu"));
        connection.settings = settings;
        const Result<QString> tested = runWithLocalHttp<QString>([&](HttpClient &http, QObject *context, std::function<void(Result<QString>)> done) {
            testConnection(http, connection, Secret(), context, std::move(done));
        });
        QCOMPARE(bool(tested), ok);
        QCOMPARE(tested ? *tested : tested.error().message, answer);
    }

    void cliCsv()
    {
        const test::CliRun run = test::runFleetscope({QStringLiteral("gpus"), QStringLiteral("--format"), QStringLiteral("csv")}, cliEnvironment());
        QCOMPARE(run.err, QString());
        QCOMPARE(run.exitCode, 0);
        const QString host = QSysInfo::machineHostName();
        QCOMPARE(run.out, QStringLiteral("hostname,gpu,uuid,model,mig_instance,pod,namespace,gpu_util_percent,memory_used_mib,memory_free_mib,"
                                         "power_w,temperature_c,energy_j,sm_clock_mhz,xid_errors\r\n"
                                         "%1,0,%2,NVIDIA H100 80GB HBM3,,,,87,40960,40118,312.456,64,123456.789,1980,\r\n"
                                         "%1,1,%3,NVIDIA A10G,,,,0,0,22515,,,,210,\r\n")
                              .arg(host, kH100, kA10G));
    }

    void cliJson()
    {
        const test::CliRun run = test::runFleetscope({QStringLiteral("gpus"), QStringLiteral("--format"), QStringLiteral("json")}, cliEnvironment());
        QCOMPARE(run.exitCode, 0);
        const QJsonArray gpus = QJsonDocument::fromJson(run.rawOut).array();
        QCOMPARE(gpus.size(), 2);
        const QJsonObject h100 = gpus.at(0).toObject();
        QCOMPARE(h100.value(QStringLiteral("uuid")).toString(), kH100);
        QCOMPARE(h100.value(QStringLiteral("power_w")).toDouble(), 312.456);
        QVERIFY(h100.value(QStringLiteral("xid_errors")).isNull());
        const QJsonArray processes = h100.value(QStringLiteral("processes")).toArray();
        QCOMPARE(processes.size(), 4);
        const QJsonObject self = processes.at(0).toObject();
        QCOMPARE(self.value(QStringLiteral("pid")).toInteger(), QCoreApplication::applicationPid());
        QCOMPARE(self.value(QStringLiteral("name")).toString(), QStringLiteral("test_localgpu"));
        QCOMPARE(self.value(QStringLiteral("used_memory_mib")).toDouble(), 1000.0);
        QVERIFY(processes.at(3).toObject().value(QStringLiteral("name")).isNull());
        QVERIFY(processes.at(3).toObject().value(QStringLiteral("used_memory_mib")).isNull());
        const QJsonObject a10g = gpus.at(1).toObject();
        QCOMPARE(a10g.value(QStringLiteral("gpu_util_percent")).toDouble(-1), 0.0);
        QVERIFY(a10g.value(QStringLiteral("power_w")).isNull());
        QVERIFY(a10g.value(QStringLiteral("temperature_c")).isNull());
        QVERIFY(a10g.value(QStringLiteral("processes")).isNull());
    }

    void cliTable()
    {
        const test::CliRun run = test::runFleetscope({QStringLiteral("gpus")}, cliEnvironment());
        QCOMPARE(run.exitCode, 0);
        QStringList lines;
        for (const QString &line : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            lines << line.simplified();
        QCOMPARE(lines.size(), 3 + 5);
        QCOMPARE(lines[0], QStringLiteral("HOSTNAME GPU UUID MODEL MIG_INSTANCE POD NAMESPACE GPU_UTIL_PERCENT MEMORY_USED_MIB MEMORY_FREE_MIB "
                                          "POWER_W TEMPERATURE_C ENERGY_J SM_CLOCK_MHZ XID_ERRORS"));
        QCOMPARE(lines[2], QStringLiteral("%1 1 %2 NVIDIA A10G - - - 0 0 22515 - - - 210 -").arg(QSysInfo::machineHostName(), kA10G));
        QCOMPARE(lines[3], QStringLiteral("GPU PID PROCESS USED_MIB"));
        QCOMPARE(lines[4], QStringLiteral("0 %1 test_localgpu 1000").arg(QCoreApplication::applicationPid()));
        QCOMPARE(lines[5], QStringLiteral("0 %1 sleep 500").arg(m_sleepers.at(0)->processId()));
        QCOMPARE(lines[7], QStringLiteral("0 %1 - -").arg(kGonePid));
    }

    void cliFailures_data()
    {
        QTest::addColumn<QString>("library");
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("err");
        QTest::addRow("no driver") << QStringLiteral("/nonexistent/libnvidia-ml.so.1") << QJsonObject()
                                   << QStringLiteral("fleetscope: local-gpu: no NVIDIA driver on this computer (/nonexistent/libnvidia-ml.so.1 not found)\n");
        QTest::addRow("init fails") << kFake << QJsonObject{{QStringLiteral("init"), 9}}
                                    << QStringLiteral("fleetscope: local-gpu: the NVIDIA driver is not loaded: Driver Not Loaded (NVML error 9)\n");
    }

    void cliFailures()
    {
        QFETCH(QString, library);
        QFETCH(QJsonObject, config);
        QFETCH(QString, err);
        configure(config);
        const test::CliRun run = test::runFleetscope({QStringLiteral("gpus")}, cliEnvironment(library));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err, err);
        QCOMPARE(run.out, QString());
    }

    void cliWithoutGpusAndUsage()
    {
        configure({{QStringLiteral("driver"), QStringLiteral("550.54.15")}});
        test::CliRun run = test::runFleetscope({QStringLiteral("gpus")}, cliEnvironment());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("local-gpu: NVIDIA driver 550.54.15 sees no GPU\n"));
        run = test::runFleetscope({QStringLiteral("gpus"), QStringLiteral("--format"), QStringLiteral("json")}, cliEnvironment());
        QCOMPARE(run.out.trimmed(), QStringLiteral("[\n]"));
        run = test::runFleetscope({QStringLiteral("gpus"), QStringLiteral("--format"), QStringLiteral("xml")}, cliEnvironment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.startsWith(QStringLiteral("fleetscope: gpus: unknown format 'xml' (table, csv or json)\n")));
        run = test::runFleetscope({QStringLiteral("gpus"), QStringLiteral("now")}, cliEnvironment());
        QCOMPARE(run.exitCode, 2);
    }

    // `connections add` tests the connection first and stores it without a secret or keychain.
    void cliConnectionsAdd()
    {
        const QString dataDir = m_dir.filePath(QStringLiteral("data"));
        const test::CliRun run = test::runFleetscope({QStringLiteral("--data-dir"), dataDir, QStringLiteral("connections"), QStringLiteral("add"),
                                                      QStringLiteral("local-gpu"), QStringLiteral("--name"), QStringLiteral("workstation"),
                                                      QStringLiteral("--set"), QStringLiteral("interval_seconds=10")},
                                                     cliEnvironment());
        QCOMPARE(run.err, QString());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(), QStringLiteral("added local-gpu connection 'workstation'; secret none; test ok: "
                                                   "local-gpu: 2 GPUs (NVIDIA H100 80GB HBM3, NVIDIA A10G), driver 550.54.15"));
    }
};

QTEST_GUILESS_MAIN(TestLocalGpu)
#include "test_localgpu.moc"
