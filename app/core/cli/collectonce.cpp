// One pass of the engine over the stored connections: each enabled connection synced at once (no
// first-cycle spread), the engine stopped as soon as every one has succeeded or failed, and what it
// collected committed before returning.
#include "collectonce.h"

#include "engine/collectors.h"
#include "engine/engine.h"
#include "engine/storelink.h"
#include "providers/connectionsetup.h"
#include "store/storeservice.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSet>

namespace fleetscope {

Result<CollectOnceOutcome> collectStoredOnce(const CommandContext &ctx, StoreService &store, const QString &skip)
{
    Result<QList<ConnectionRecord>> enabled = enabledConnections(store);
    if (!enabled)
        return std::unexpected(enabled.error());
    QList<ConnectionRecord> connections;
    QHash<qint64, QString> names;
    for (const ConnectionRecord &c : std::as_const(*enabled)) {
        if (c.name != skip) {
            connections << c;
            names.insert(c.id, c.name);
        }
    }
    CollectOnceOutcome outcome;
    if (connections.isEmpty())
        return outcome;

    Engine engine(builtinCollectors());
    linkEngineToStore(engine, store);
    QEventLoop loop;
    QSet<qint64> waiting(names.keyBegin(), names.keyEnd());
    QObject::connect(&engine, &Engine::connectionStateChanged, &loop, [&](qint64 id, const ConnectionState &state) {
        if (state.phase != ConnectionState::Phase::Ok && state.phase != ConnectionState::Phase::Failed)
            return;
        if (!waiting.remove(id))
            return;   // a second cycle: only the first counts
        ++outcome.collected;
        if (state.phase == ConnectionState::Phase::Failed) {
            ++outcome.failed;
            ctx.err << "fleetscope: " << names.value(id) << ": " << (state.error ? describe(*state.error) : QStringLiteral("failed")) << Qt::endl;
        }
        if (waiting.isEmpty())
            loop.quit();
    });
    QObject::connect(&store, &StoreService::batchCommitted, &loop, [&](const WriteSummary &summary) {
        if (summary.rowsWritten > 0 || summary.samplesWritten > 0)
            ctx.out << QStringLiteral("%1: %2 rows and %3 samples stored, %4 ms")
                           .arg(summary.source).arg(summary.rowsWritten).arg(summary.samplesWritten).arg(summary.elapsedMs)
                    << Qt::endl;
    });
    QObject::connect(&store, &StoreService::batchFailed, &loop, [&](const QString &source, const Error &error) {
        ++outcome.failed;
        ctx.err << "fleetscope: " << source << ": not stored: " << describe(error) << Qt::endl;
    });

    engine.setConnections(connections);
    engine.start();
    for (const ConnectionRecord &c : std::as_const(connections))
        engine.syncNow(c.id);
    loop.exec();
    engine.stop();
    // The last batches and statuses may still be queued to this thread: hand them to the writer and
    // wait until they are committed (their lines are printed on the way).
    QCoreApplication::sendPostedEvents();
    store.flush();
    QCoreApplication::sendPostedEvents();
    return outcome;
}

} // namespace fleetscope
