// Engine → store wiring shared by the window and the headless collector.
#include "storelink.h"

#include "engine.h"
#include "store/storeservice.h"

namespace fleetscope {

void linkEngineToStore(Engine &engine, StoreService &store)
{
    QObject::connect(&engine, &Engine::batchReady, &store, [&store](const WriteBatch &batch) { store.submit(batch); });
    QObject::connect(&engine, &Engine::connectionStateChanged, &store, [&store](qint64 id, const ConnectionState &state) {
        if (state.phase != ConnectionState::Phase::Ok && state.phase != ConnectionState::Phase::Failed)
            return;
        WriteBatch batch;
        batch.source = QStringLiteral("connection %1 status").arg(id);
        const bool ok = state.phase == ConnectionState::Phase::Ok;
        batch.statuses << ConnectionStatus{id, ok ? state.lastSyncAt : QDateTime::currentDateTimeUtc(),
                                           ok ? QStringLiteral("ok") : QStringLiteral("failed"),
                                           state.error ? describe(*state.error) : QString()};
        store.submit(batch);
    });
}

} // namespace fleetscope
