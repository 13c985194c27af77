// Composition root: parses the command line, then runs a headless command or builds the window.
#include "alerts/alertmonitor.h"
#include "cli/commandline.h"
#include "cli/commands.h"
#include "engine/collectors.h"
#include "engine/engine.h"
#include "engine/storelink.h"
#include "guardrails/auditedaction.h"
#include "guardrails/guardrailmonitor.h"
#include "connectioncontroller.h"
#include "logging.h"
#include "mainwindow.h"
#include "plurals.h"
#include "providers/generic/registry.h"
#include "providers/runpod/runpodjobs.h"
#include "providers/runpod/runpodlifecycle.h"
#include "storeread.h"
#include "simulator/demo.h"
#include "simulator/demobackfill.h"
#include "simulator/runpodsimulator.h"
#include "store/retention.h"
#include "store/sqlitestore.h"
#include "store/storeservice.h"
#include "workflows/workflowwatcher.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QLibraryInfo>
#include <QLocale>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>

#include <algorithm>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>

using namespace fleetscope;

namespace {

void installTranslations(QCoreApplication &app)
{
    // The locale's translation (it brings its plural forms); else English, whose plural forms turn
    // "%n row(s)" into "1 row" and "2 rows". An English locale finds those as fleetscope_en.
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("fleetscope"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
    else
        installEnglishPlurals(app);
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
}

bool displayAvailable()
{
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

// FLEETSCOPE_EXIT_AFTER_FIRST_PAINT=1 makes the app print the time to its first painted
// window and quit: the cold-start benchmark uses it.
class FirstPaintProbe : public QObject
{
public:
    explicit FirstPaintProbe(const QElapsedTimer &sinceStart, QObject *parent) : QObject(parent), m_sinceStart(sinceStart) {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::printf("first-paint-ms %lld\n", static_cast<long long>(m_sinceStart.elapsed()));
            std::fflush(stdout);
            QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_sinceStart;
    bool m_done = false;
};

int runGui(int argc, char **argv, const CommandLine &line, const QElapsedTimer &sinceStart)
{
    QTextStream err(stderr);
    if (!displayAvailable()) {
        err << "fleetscope: no display available (DISPLAY and WAYLAND_DISPLAY are unset); "
               "use a command such as 'fleetscope connections list', or see --help" << Qt::endl;
        return ExitFailure;
    }
    QApplication app(argc, argv);
    // The demo keeps its data apart from the user's: a store in a temporary folder, gone on exit.
    QTemporaryDir demoDir;
    // The simulated account starts a day in the past; the history backfill brings it to now.
    constexpr int kDemoHistoryHours = 24;
    ShiftedClock demoClock;
    demoClock.setBehindMs(kDemoHistoryHours * 3'600'000LL);
    std::unique_ptr<SimulatorThread> simulator;
    if (line.demo) {
        SimulatorOptions options;
        options.now = [&demoClock] { return demoClock.nowMs(); };
        simulator = std::make_unique<SimulatorThread>(options);
        for (const Result<quint16> &port : {simulator->start(), simulator->startDigitalOcean()}) {
            if (!port) {
                err << "fleetscope: --demo: " << port.error().message << Qt::endl;
                return ExitFailure;
            }
        }
        qputenv(kDemoKeyVariable, simulatorkeys::kDemo);
    }
    Result<StoreLocation> location = StoreLocation::parse(line.demo ? QString() : line.store, line.demo ? demoDir.path() : line.dataDir);
    if (!location) {
        err << "fleetscope: " << location.error().message << Qt::endl;
        return ExitFailure;
    }

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fleetscope.svg")));
    QApplication::setDesktopFileName(QStringLiteral("io.github.fleetscope.Fleetscope"));
    installTranslations(app);
    const AppPaths paths = appPaths(line);
    installFileLog(paths.logDir, true);
    generic::installUserDescriptors(paths.providersDir);

    QSettings settings(paths.settingsFile, QSettings::IniFormat);
    StoreService store(*location);
    Retention retention(store, settings.value(QStringLiteral("retention/days"), Retention::kDefaultDays).toInt(),
                        Retention::jobDaysFromEnvironment());
    Engine engine(builtinCollectors());
    linkEngineToStore(engine, store);
    // Realtime GitHub fetches of the enabled workflow configurations (started with the engine).
    WorkflowWatcher workflowWatcher(store);
    MainWindow window(store, settings, line.demo ? demoDir.path() : paths.dataDir);
    // Rules are evaluated after each committed sync, as in the headless collector; new alerts notify.
    AlertMonitor alertMonitor(store);
    window.setAlertMonitor(&alertMonitor);
    // Guardrails likewise (off unless a connection's policy enables them); they stop through the engine.
    GuardrailMonitor guardrails(store, GuardrailMonitor::engineStopper(engine));
    QObject::connect(&guardrails, &GuardrailMonitor::audited, &window, [&window](const QList<AuditEntry> &entries) {
        for (const AuditEntry &e : entries) {
            if (e.outcome != QLatin1String("would"))
                window.statusBar()->showMessage(QObject::tr("Guardrail: %1").arg(e.message), 15'000);
        }
    });
    QObject::connect(&guardrails, &GuardrailMonitor::evaluationFailed, &window, [&window](const Error &error) {
        qCWarning(lcEngine).noquote() << "guardrails not evaluated:" << describe(error);
        window.statusBar()->showMessage(QObject::tr("Guardrails could not be evaluated: %1").arg(describe(error)), 10'000);
    });
    QObject::connect(&workflowWatcher, &WorkflowWatcher::statusChanged, &window, [&window](const QString &config, const QString &line) {
        if (!line.isEmpty())
            window.statusBar()->showMessage(QObject::tr("Workflow %1 not fetched: %2").arg(config, line), 15'000);
    });
    if (line.demo) {
        window.setWindowTitle(QObject::tr("Fleetscope — Demo data (simulated account)"));
        auto *label = new QLabel(QObject::tr("Demo data"), &window);
        label->setAccessibleName(QObject::tr("Demo data"));
        label->setStyleSheet(QStringLiteral("font-weight: bold; padding: 0 8px;"));
        window.statusBar()->addPermanentWidget(label);
    }
    // Connections as the engine last saw them: pod actions and endpoint jobs use them too.
    ConnectionController connections(store, engine);
    window.setConnectionController(&connections);
    window.setPodActionHandler([&engine, &connections, &store](const InstanceSnapshot &pod, PodAction action, QObject *receiver,
                                                               std::function<void(Result<QString>)> done) {
        const std::optional<ConnectionRecord> connection = connections.connection(pod.connectionId);
        if (!connection)
            return done(fail(ErrorClass::Config, QObject::tr("the pod's connection is not configured any more")));
        // Every action a person starts is audited, whatever its outcome.
        runAuditedPodAction(engine, store, *connection, pod, action, QStringLiteral("user"), receiver, std::move(done));
    });
    window.setLaunchHandler([&engine, &connections, &store](const GpuOffer &offer, const LaunchRequest &request, QObject *receiver,
                                                             std::function<void(Result<QString>)> done) {
        const std::optional<ConnectionRecord> connection = connections.connection(offer.connectionId);
        if (!connection)
            return done(fail(ErrorClass::Config, QObject::tr("the offer's connection is not configured any more")));
        runAuditedLaunch(engine, store, *connection, request, QStringLiteral("user"), receiver, std::move(done));
    });
    // Endpoint test jobs likewise; each change of a job's status is stored as a `jobs` row.
    auto connectionOf = [&connections](qint64 id) { return connections.connection(id); };
    EndpointJobHandler jobHandler;
    jobHandler.run = [&engine, &store, connectionOf](runpod::JobRequest request, QObject *receiver, runpod::JobProgress progress,
                                                     runpod::JobDone done) {
        const std::optional<ConnectionRecord> connection = connectionOf(request.connectionId);
        if (!connection)
            return done(fail(ErrorClass::Config, QObject::tr("the endpoint's connection is not configured any more")));
        runpod::runEndpointJob(engine, store, *connection, std::move(request), receiver, std::move(progress), std::move(done));
    };
    jobHandler.cancel = [&engine, connectionOf](qint64 connectionId, const QString &endpointId, const QString &jobId, QObject *receiver,
                                                std::function<void(Result<QString>)> done) {
        const std::optional<ConnectionRecord> connection = connectionOf(connectionId);
        if (!connection)
            return done(fail(ErrorClass::Config, QObject::tr("the endpoint's connection is not configured any more")));
        runpod::cancelEndpointJob(engine, *connection, endpointId, jobId, receiver, std::move(done));
    };
    window.setEndpointJobHandler(std::move(jobHandler));
    if (qEnvironmentVariableIntValue("FLEETSCOPE_EXIT_AFTER_FIRST_PAINT"))
        window.installEventFilter(new FirstPaintProbe(sinceStart, &window));
    window.show();
    // Opening and migrating runs on the writer thread; the window shows its loading state meanwhile.
    auto *started = new QFutureWatcher<Result<int>>(&window);
    LatestRequest engineRequest;
    QObject::connect(started, &QFutureWatcher<Result<int>>::finished, &window, [started, &window, &store, &engine, &simulator, &engineRequest, &demoClock, &connections, &alertMonitor, &workflowWatcher] {
        const Result<int> result = started->result();
        if (!result) {
            qCCritical(lcUi).noquote() << describe(result.error());
            QMessageBox::critical(&window, QObject::tr("Fleetscope cannot open its store"), result.error().message);
            QCoreApplication::exit(ExitFailure);
            return;
        }
        if (store.writable())
            alertMonitor.evaluateNow();   // what holds already, before the first cycle's data
        auto startLive = [&window, &engine, &connections, &store, &workflowWatcher] {
            window.refresh();
            if (store.writable()) {   // a role that can only read collects nothing: it could not store it
                engine.start();
                workflowWatcher.start();
            }
            connections.reload();
        };
        if (!simulator)
            return startLive();
        WriteBatch demo;
        demo.source = QStringLiteral("demo connection");
        demo.connections << demoConnection(simulator->port()) << demoDigitalOceanConnection(simulator->digitalOceanPort());
        demo.budgets << demoBudgets();
        demo.alertRules << demoAlertRules();
        // Read the connection's id once the writer has committed it (a read submitted now could run first).
        auto *afterDemo = new QObject(&window);
        QObject::connect(&store, &StoreService::batchFailed, afterDemo, [afterDemo, startLive](const QString &source) {
            if (source == QLatin1String("demo connection")) {
                afterDemo->deleteLater();
                startLive();
            }
        });
        QObject::connect(&store, &StoreService::batchCommitted, afterDemo, [&, afterDemo, startLive](const WriteSummary &summary) {
            if (summary.source != QLatin1String("demo connection"))
                return;
            afterDemo->deleteLater();
            readLatest<QList<ConnectionRecord>>(store, &window, engineRequest, [](Store &s) { return s.connections(); },
                                                [&, startLive](const Result<QList<ConnectionRecord>> &connections) {
                if (!connections)
                    return startLive();
                const auto runpod = std::find_if(connections->cbegin(), connections->cend(),
                                                 [](const ConnectionRecord &c) { return c.kind == QLatin1String("runpod"); });
                if (runpod == connections->cend())
                    return startLive();
                WriteBatch guardrail;
                guardrail.source = QStringLiteral("demo guardrail policy");
                guardrail.guardrailPolicies << demoGuardrailPolicy(runpod->id);
                store.submit(guardrail);
                auto *backfill = new DemoBackfill(store, demoClock, runpod->id, simulator->port(), kDemoHistoryHours, &window);
                QList<ConnectionRecord> others = *connections;
                others.removeIf([](const ConnectionRecord &c) { return c.kind == QLatin1String("runpod"); });
                backfill->alsoCollect(others);
                QObject::connect(backfill, &DemoBackfill::progress, &window, [&window](int done, int total) {
                    window.statusBar()->showMessage(QObject::tr("Loading the demo account's last day… %1 %").arg(done * 100 / total));
                });
                // No flush here: the GUI thread never waits for the writer, and the window refreshes
                // itself as the last history batches commit.
                QObject::connect(backfill, &DemoBackfill::finished, &window, [&window, startLive](bool ok, const QString &error) {
                    window.statusBar()->showMessage(ok ? QString() : QObject::tr("Demo history incomplete: %1").arg(error), ok ? 1 : 10'000);
                    startLive();
                });
                backfill->start();
            });
        });
        store.submit(demo);
    });
    started->setFuture(store.start());
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    configureSqliteForProcess();
    QCoreApplication::setApplicationName(QStringLiteral("fleetscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLEETSCOPE_VERSION));

    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    auto line = parseCommandLine(args);
    if (line && line->command.isEmpty() && !line->help && !line->version)
        return runGui(argc, argv, *line, sinceStart);

    // Everything else is headless, translated like the window.
    QCoreApplication app(argc, argv);
    installTranslations(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!line) {
        err << "fleetscope: " << line.error().message << "\n\n" << globalUsage() << Qt::flush;
        return ExitUsage;
    }
    if (line->help) {
        out << globalUsage() << Qt::flush;
        return ExitOk;
    }
    if (line->version) {
        out << "fleetscope " << FLEETSCOPE_VERSION << Qt::endl;
        return ExitOk;
    }
    installFileLog(appPaths(*line).logDir, false);
    generic::installUserDescriptors(appPaths(*line).providersDir);
    return runCommand(*line, out, err);
}
