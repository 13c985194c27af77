// The headless collector: engine and store wired as in the window, a log line per event, a clean stop.
#include "collectdaemon.h"

#include "alerts/alertmonitor.h"
#include "guardrails/guardrailmonitor.h"
#include "cli/terminationwatcher.h"
#include "engine/collectors.h"
#include "engine/engine.h"
#include "engine/storelink.h"
#include "providers/connectionsetup.h"
#include "store/collectorlease.h"
#include "store/retention.h"
#include "workflows/workflowwatcher.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QProcessEnvironment>
#include <QSysInfo>
#include <QTimer>

namespace fleetscope {
namespace {

constexpr int kReloadMs = 30'000;   // how soon connections added elsewhere (the window, the CLI) are collected

// Lines on stderr. Under systemd (JOURNAL_STREAM set) each carries its sd-daemon priority prefix,
// so journald files it at the right level; timestamps come from the journal.
class DaemonLog
{
public:
    explicit DaemonLog(QTextStream &err)
        : m_err(err), m_journal(!qEnvironmentVariableIsEmpty("JOURNAL_STREAM"))
    {
    }
    void info(const QString &line) { write(6, line); }
    void warning(const QString &line) { write(4, line); }
    void error(const QString &line) { write(3, line); }

private:
    void write(int priority, const QString &line)
    {
        if (m_journal)
            m_err << '<' << priority << '>';
        m_err << "fleetscope collect: " << line << Qt::endl;
    }
    QTextStream &m_err;
    bool m_journal;
};

} // namespace

QString collectJournalPath(const QString &dataDir, const StoreLocation &location)
{
    const QByteArray id = QCryptographicHash::hash(location.display().toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    return dataDir + QStringLiteral("/collect-%1.journal").arg(QString::fromLatin1(id));
}

int runCollectDaemon(const CommandContext &ctx, const std::optional<ConnectionRecord> &fromEnvironment,
                     const std::optional<AlertWebhook> &webhook)
{
    Result<std::unique_ptr<StoreService>> opened = openService(ctx.line);
    if (!opened)
        return ctx.failure(opened.error().message);
    StoreService &store = **opened;
    DaemonLog log(ctx.err);
    QObject logged;   // the context of the lambdas below that write to LOG
    // Batches an outage of the store kept are written (those of an earlier run before collecting).
    QDir().mkpath(ctx.line.dataDir);
    QObject::connect(&store, &StoreService::journalNotice, &logged, [&](const QString &line) { log.warning(line); });
    QObject::connect(&store, &StoreService::journalWritten, &logged, [&](qsizetype written) {
        log.info(QStringLiteral("store reachable: %1 batch(es) written from the journal").arg(written));
    });
    if (Result<qsizetype> waiting = store.useJournalBlocking(collectJournalPath(ctx.line.dataDir, store.location())); !waiting)
        return ctx.failure(waiting.error().message);
    QCoreApplication::sendPostedEvents(&store);   // the replay's lines before "collecting"
    if (fromEnvironment) {
        WriteBatch setup;
        setup.source = QStringLiteral("collect: connection");
        setup.connections << *fromEnvironment;
        if (Result<WriteSummary> stored = store.writeBlocking(setup); !stored)
            return ctx.failure(stored.error().message);
    }
    const QString holder = QStringLiteral("fleetscope collect on %1, pid %2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid());
    Result<std::unique_ptr<CollectorLease>> lease = CollectorLease::open(store.location(), holder);
    if (!lease)
        return ctx.failure(lease.error().message);
    // The enabled connections no other collector holds; those another one holds are named once.
    QHash<qint64, QString> elsewhere;
    auto ownConnections = [&]() -> Result<QList<ConnectionRecord>> {
        Result<QList<ConnectionRecord>> enabled = enabledConnections(store);
        if (!enabled)
            return enabled;
        QList<qint64> ids;
        for (const ConnectionRecord &c : std::as_const(*enabled))
            ids << c.id;
        Result<QSet<qint64>> held = (*lease)->claim(ids);
        if (!held)
            return std::unexpected(held.error());
        Result<QHash<qint64, QString>> holders = (*lease)->holders(ids);
        if (!holders)
            return std::unexpected(holders.error());
        QList<ConnectionRecord> own;
        for (const ConnectionRecord &c : std::as_const(*enabled)) {
            if (held->contains(c.id))
                own << c;
            else if (holders->value(c.id) != elsewhere.value(c.id))
                log.info(QStringLiteral("%1: collected by %2, not here").arg(c.name, holders->value(c.id, QStringLiteral("another collector"))));
        }
        elsewhere = *holders;
        return own;
    };
    Result<QList<ConnectionRecord>> connections = ownConnections();
    if (!connections)
        return ctx.failure(connections.error().message);

    QHash<qint64, QString> names;
    auto remember = [&names](const QList<ConnectionRecord> &list) {
        names.clear();
        for (const ConnectionRecord &c : list)
            names.insert(c.id, c.name);
    };
    remember(*connections);

    Engine engine(builtinCollectors());
    linkEngineToStore(engine, store);
    Retention retention(store, Retention::kDefaultDays, Retention::jobDaysFromEnvironment());
    QEventLoop loop;
    QObject::connect(&engine, &Engine::connectionStateChanged, &loop, [&](qint64 id, const ConnectionState &state) {
        const QString name = names.value(id, QString::number(id));
        if (state.phase == ConnectionState::Phase::Failed)
            log.warning(QStringLiteral("%1: %2").arg(name, state.error ? describe(*state.error) : QStringLiteral("failed")));
    });
    QObject::connect(&store, &StoreService::batchCommitted, &loop, [&](const WriteSummary &summary) {
        if (summary.rowsWritten > 0 || summary.samplesWritten > 0)
            log.info(QStringLiteral("%1: %2 rows and %3 samples stored in %4 ms")
                         .arg(summary.source).arg(summary.rowsWritten).arg(summary.samplesWritten).arg(summary.elapsedMs));
    });
    QObject::connect(&store, &StoreService::batchFailed, &loop, [&](const QString &source, const Error &error) {
        log.error(QStringLiteral("%1: not stored: %2").arg(source, describe(error)));
    });
    QObject::connect(&store, &StoreService::batchDeferred, &loop, [&](const QString &source, const Error &, qsizetype waiting) {
        log.warning(QStringLiteral("%1: kept in the journal until the store is back (%2 waiting)").arg(source).arg(waiting));
    });
    QObject::connect(&store, &StoreService::retryFailed, &loop, [&](const Error &error, int retryMs, qsizetype waiting) {
        log.warning(QStringLiteral("store unavailable, %1 batch(es) waiting; next try in %2 s: %3")
                        .arg(waiting).arg(retryMs / 1000.0).arg(describe(error)));
    });

    // Alert rules are evaluated after each batch of collected data; a new alert is logged.
    AlertMonitor alerts(store);
    QObject::connect(&alerts, &AlertMonitor::alertsRaised, &loop, [&](const QList<AlertFinding> &raised) {
        for (const AlertFinding &finding : raised)
            log.warning(QStringLiteral("alert (%1, %2): %3").arg(finding.severity, finding.kind, finding.message));
        if (!webhook || raised.isEmpty())
            return;
        const HttpRequest request = webhook->request(raised, QDateTime::currentDateTimeUtc());
        const qsizetype count = raised.size();
        engine.runJob([request](HttpClient &http, QObject *context, Engine::JobDone done) {
            http.send(request, context, [done](Result<HttpResponse> response) {
                if (!response)
                    return done(std::unexpected(response.error()));
                done(QStringLiteral("HTTP %1").arg(response->status));
            });
        }, &loop, [&log, count](Result<QString> posted) {
            if (posted)
                log.info(QStringLiteral("alert webhook: %1 alert(s) posted (%2)").arg(count).arg(*posted));
            else
                log.error(QStringLiteral("alert webhook: %1").arg(describe(posted.error())));
        });
    });
    QObject::connect(&alerts, &AlertMonitor::evaluationFailed, &loop, [&](const Error &error) {
        log.error(QStringLiteral("alerts not evaluated: %1").arg(describe(error)));
    });

    // Guardrails (off unless a connection's policy enables them) after each batch, on what this collector collects.
    GuardrailMonitor guardrails(store, GuardrailMonitor::engineStopper(engine));
    guardrails.setOwnership([&names](qint64 id) { return names.contains(id); });
    QObject::connect(&guardrails, &GuardrailMonitor::audited, &loop, [&](const QList<AuditEntry> &entries) {
        for (const AuditEntry &e : entries)
            log.info(QStringLiteral("guardrail (%1): %2").arg(e.outcome, e.message));
    });
    QObject::connect(&guardrails, &GuardrailMonitor::evaluationFailed, &loop, [&](const Error &error) {
        log.error(QStringLiteral("guardrails not evaluated: %1").arg(describe(error)));
    });

    // Realtime GitHub fetches of the enabled workflow configurations; a configuration that cannot be
    // fetched is logged once, when its status changes.
    WorkflowWatcher workflows(store);
    QObject::connect(&workflows, &WorkflowWatcher::statusChanged, &loop, [&](const QString &config, const QString &line) {
        if (line.isEmpty())
            log.info(QStringLiteral("workflow %1: fetching again").arg(config));
        else
            log.warning(QStringLiteral("workflow %1: not fetched: %2").arg(config, line));
    });
    QObject::connect(&workflows, &WorkflowWatcher::runsStored, &loop, [&](const QString &config, qint64 count) {
        log.info(QStringLiteral("workflow %1: %2 new run(s) stored").arg(config).arg(count));
    });

    QTimer reload;
    reload.setInterval(kReloadMs);
    QObject::connect(&reload, &QTimer::timeout, &loop, [&] {
        Result<QList<ConnectionRecord>> current = ownConnections();
        if (!current)
            return log.error(QStringLiteral("connections not reloaded: %1").arg(describe(current.error())));
        remember(*current);
        engine.setConnections(*current);   // unchanged connections keep their schedule
    });

    TerminationWatcher watcher;
    int stoppedBy = 0;
    QObject::connect(&watcher, &TerminationWatcher::terminationRequested, &loop, [&](int signalNumber) {
        stoppedBy = signalNumber;
        loop.quit();
    });

    engine.setConnections(*connections);
    engine.start();
    workflows.start();
    reload.start();
    log.info(QStringLiteral("collecting %1 %2 into %3")
                 .arg(connections->size())
                 .arg(connections->size() == 1 ? QStringLiteral("connection") : QStringLiteral("connections"), store.location().display()));
    loop.exec();

    log.info(QStringLiteral("signal %1: stopping; committing what was collected").arg(stoppedBy));
    reload.stop();
    workflows.stop();
    engine.stop();
    // Batches the engine finished before stopping may still be queued to this thread: hand them to
    // the writer, then wait until everything is committed.
    QCoreApplication::sendPostedEvents();
    store.flush();
    log.info(QStringLiteral("stopped"));
    return ExitOk;
}

} // namespace fleetscope
