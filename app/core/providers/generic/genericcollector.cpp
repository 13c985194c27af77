// The generic adapter: sessions, lists in turn, rows into one batch; and its connection test.
#include "genericcollector.h"

#include "logging.h"
#include "normalize.h"
#include "providers/monitoring/httpauth.h"
#include "providers/settingvalues.h"
#include "registry.h"

namespace fleetscope::generic {
namespace {

struct Cycle {
    std::shared_ptr<Session> session;
    QObject *context = nullptr;
    const Clock *rowClock = nullptr;   // the engine's clock: stamps rows, and "now" for seconds-since
    qint64 connectionId = 0;
    WriteBatch batch;
    qsizetype nextList = 0;
    Collector::Done done;
    std::shared_ptr<QHash<QString, qint64>> fetchedAtMs;   // the collector's, across cycles
    QHash<QString, qint64> fetchedNow;                     // this cycle's, merged in when it succeeds
    bool bypassCache = false;
};

void runLists(std::shared_ptr<Cycle> cycle)
{
    const ApiSpec &api = *cycle->session->api;
    if (cycle->nextList >= api.lists.size()) {
        cycle->fetchedAtMs->insert(cycle->fetchedNow);   // only a whole cycle counts: a failed one stores nothing
        return cycle->done(std::move(cycle->batch));
    }
    const ListSpec &list = api.lists.at(cycle->nextList++);
    const qint64 startedMs = cycle->rowClock->nowMs();
    const auto fetchedAt = cycle->fetchedAtMs->constFind(list.name);
    if (!cycle->bypassCache && fetchedAt != cycle->fetchedAtMs->cend() && startedMs - *fetchedAt < list.cacheSeconds * 1000LL) {
        // Fetched a moment ago: its rows are stored already, and the provider is not asked again.
        QMetaObject::invokeMethod(cycle->context, [cycle] { runLists(cycle); }, Qt::QueuedConnection);
        return;
    }
    fetchList(cycle->session, list, 0, cycle->context, [cycle, &list, startedMs](Result<FetchedList> fetched) {
        if (!fetched)
            return cycle->done(std::unexpected(fetched.error()));
        cycle->fetchedNow.insert(list.name, startedMs);
        const RowContext row{cycle->session->kind.kind, cycle->connectionId, cycle->rowClock->nowMs()};
        const qsizetype skipped = appendRows(cycle->batch, *cycle->session->api, list, fetched->items, row);
        if (skipped > 0 && list.requireFields.isEmpty())
            qCWarning(lcEngine).noquote() << cycle->session->name << list.name << "left out" << skipped << "items without an instanceId";
        runLists(cycle);
    });
}

Error named(const QString &name, const Error &error)
{
    return Error::make(error.kind, QStringLiteral("%1: %2").arg(name, error.message));
}

} // namespace

GenericCollector::GenericCollector(ProviderKind kind, std::shared_ptr<const ApiSpec> api, std::optional<SecretRef> secret)
    : m_kind(std::move(kind))
    , m_api(std::move(api))
    , m_secret(std::move(secret))
    , m_pacer(std::make_shared<RatePacer>(m_api->requestsPerSecond))
    , m_fetchedAtMs(std::make_shared<QHash<QString, qint64>>())
{
}

Result<std::unique_ptr<Collector>> GenericCollector::create(const ConnectionRecord &connection)
{
    const DescriptorEntry *entry = findDescriptor(connection.kind);
    if (!entry || !entry->descriptor.api)
        return fail(ErrorClass::Config, QStringLiteral("%1: provider kind '%2' has no api descriptor").arg(connection.name, connection.kind));
    const ProviderKind &kind = entry->descriptor.kind;
    const bool hasSecret = usesSecret(kind, connection.settings);
    // Checks the base URL now, so a broken connection says so before its first cycle.
    if (Result<QUrl> base = urlSetting(connection.settings, QStringLiteral("base_url"), false); !base)
        return std::unexpected(named(connection.name, base.error()));
    return std::make_unique<GenericCollector>(kind, entry->descriptor.api,
                                              hasSecret ? std::optional<SecretRef>(SecretRef::forConnection(connection)) : std::nullopt);
}

void GenericCollector::collect(CollectContext &context, Done done)
{
    CollectContext *ctx = &context;
    resolveOptionalSecret(m_secret, &context, [this, ctx, done = std::move(done)](Result<Secret> secret) {
        const ConnectionRecord &connection = ctx->connection();
        if (!secret)
            return done(std::unexpected(secret.error()));
        Result<std::shared_ptr<Session>> session = Session::create(m_kind, m_api, connection, std::move(*secret), ctx->http(), m_pacer);
        if (!session)
            return done(std::unexpected(named(connection.name, session.error())));
        auto cycle = std::make_shared<Cycle>();
        cycle->session = *session;
        cycle->context = ctx;
        cycle->rowClock = &ctx->clock();
        cycle->connectionId = connection.id;
        cycle->batch.source = connection.name + QStringLiteral(" lists");
        cycle->done = std::move(done);
        cycle->fetchedAtMs = m_fetchedAtMs;
        cycle->bypassCache = ctx->bypassCache();
        afterServerTime(cycle->session, ctx, [cycle](Result<void> synced) {
            if (!synced)
                return cycle->done(std::unexpected(synced.error()));
            runLists(cycle);
        });
    });
}

bool isGenericKind(const QString &kind)
{
    const DescriptorEntry *entry = findDescriptor(kind);
    return entry && entry->descriptor.api;
}

void testGenericConnection(HttpClient &http, const ConnectionRecord &connection, const Secret &secret, QObject *context,
                           std::function<void(Result<QString>)> done)
{
    auto failLater = [context, done](const Error &error) {
        QMetaObject::invokeMethod(context, [done, error] { done(std::unexpected(error)); }, Qt::QueuedConnection);
    };
    const DescriptorEntry *entry = findDescriptor(connection.kind);
    if (!entry || !entry->descriptor.api)
        return failLater(Error::make(ErrorClass::Config, QStringLiteral("provider kind '%1' has no api descriptor").arg(connection.kind)));
    const ProviderKind &kind = entry->descriptor.kind;
    Result<std::shared_ptr<Session>> created = Session::create(kind, entry->descriptor.api, connection, secret, http, nullptr);
    if (!created)
        return failLater(created.error());
    std::shared_ptr<Session> session = *created;
    const ListSpec *list = session->api->list(session->api->testList);
    afterServerTime(session, context, [session, list, context, done, displayName = kind.displayName](Result<void> synced) {
        if (!synced)
            return done(std::unexpected(synced.error()));
        fetchList(session, *list, 1, context, [list, done, displayName](Result<FetchedList> fetched) {
            if (!fetched)
                return done(std::unexpected(fetched.error()));
            const qsizetype n = fetched->items.size();
            done(QStringLiteral("%1 answered: %2 %3 on the first page of %4%5")
                     .arg(displayName)
                     .arg(n)
                     .arg(n == 1 ? QStringLiteral("item") : QStringLiteral("items"), list->name,
                          fetched->more ? QStringLiteral(" (more pages follow)") : QString()));
        });
    });
}

} // namespace fleetscope::generic
