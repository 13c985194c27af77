// Connection and keychain entry changed together: the order of steps is what keeps them consistent.
#include "connectionsetup.h"

#include "credentials/secretref.h"
#include "providers/catalog.h"
#include "store/storeservice.h"

namespace fleetscope {
namespace {

Result<void> write(StoreService &store, WriteBatch batch)
{
    Result<WriteSummary> written = store.writeBlocking(batch);
    if (!written)
        return std::unexpected(written.error());
    return {};
}

} // namespace

Result<ConnectionRecord> findConnection(StoreService &store, const QString &name)
{
    Result<QList<ConnectionRecord>> stored = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
    if (!stored)
        return std::unexpected(stored.error());
    for (const ConnectionRecord &c : std::as_const(*stored)) {
        if (c.name == name)
            return c;
    }
    return fail(ErrorClass::Config, QStringLiteral("no connection named '%1'").arg(name));
}

Result<QList<ConnectionRecord>> enabledConnections(StoreService &store)
{
    Result<QList<ConnectionRecord>> all = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
    if (!all)
        return all;
    QList<ConnectionRecord> enabled;
    for (const ConnectionRecord &c : std::as_const(*all)) {
        if (c.enabled)
            enabled << c;
    }
    return enabled;
}

Result<ConnectionRecord> addConnection(StoreService &store, const Credentials &credentials, ConnectionRecord connection,
                                       const std::optional<Secret> &secret)
{
    if (findConnection(store, connection.name))
        return fail(ErrorClass::Config, QStringLiteral("a connection named '%1' exists already").arg(connection.name));
    WriteBatch add;
    add.source = QStringLiteral("add connection %1").arg(connection.name);
    add.connections << connection;
    if (Result<void> written = write(store, add); !written)
        return std::unexpected(written.error());
    Result<ConnectionRecord> row = findConnection(store, connection.name);
    if (!row)
        return fail(ErrorClass::Storage, QStringLiteral("%1: the connection was not stored").arg(connection.name));
    if (!secret)
        return row;
    // The secret goes to the keychain under the new row's id; if that fails, the row goes too.
    if (Result<void> kept = credentials.storeBlocking(row->id, *secret); !kept) {
        WriteBatch undo;
        undo.source = QStringLiteral("add connection %1: undo").arg(connection.name);
        undo.purgedConnections << row->id;
        write(store, undo);
        credentials.removeBlocking(row->id);   // a timed-out store may still land
        return fail(kept.error().kind, QStringLiteral("%1: nothing saved: %2").arg(connection.name, kept.error().message));
    }
    return row;
}

Result<ConnectionRecord> updateConnection(StoreService &store, const Credentials &credentials, const ConnectionRecord &connection,
                                          const std::optional<Secret> &newSecret)
{
    if (newSecret) {
        if (Result<void> kept = credentials.storeBlocking(connection.id, *newSecret); !kept)
            return fail(kept.error().kind, QStringLiteral("%1: nothing changed: %2").arg(connection.name, kept.error().message));
    }
    WriteBatch batch;
    batch.source = QStringLiteral("change connection %1").arg(connection.name);
    batch.connections << connection;
    if (Result<void> written = write(store, batch); !written)
        return std::unexpected(written.error());
    return findConnection(store, connection.name);
}

Result<void> removeConnection(StoreService &store, const Credentials &credentials, const ConnectionRecord &connection, bool deleteData)
{
    // The keychain first: a secret left behind for a connection that is gone is worse than a
    // connection still listed, which the user can simply remove again.
    if (usesSecret(connection) && SecretRef::forConnection(connection).source() == SecretRef::Source::Keychain) {
        if (Result<void> removed = credentials.removeBlocking(connection.id); !removed)
            return fail(removed.error().kind, QStringLiteral("%1: nothing removed: %2").arg(connection.name, removed.error().message));
    }
    WriteBatch batch;
    batch.source = QStringLiteral("remove connection %1").arg(connection.name);
    if (deleteData)
        batch.purgedConnections << connection.id;
    else
        batch.removedConnections << connection.id;
    return write(store, batch);
}

} // namespace fleetscope
