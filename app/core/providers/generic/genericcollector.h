// The one adapter for descriptor kinds: each cycle fetches every list of the descriptor's api
// section and maps the items to instances, GPU offers and billing snapshots.
#pragma once

#include "credentials/secretref.h"
#include "engine/collector.h"
#include "session.h"

#include <QHash>

#include <optional>

namespace fleetscope::generic {

class GenericCollector final : public Collector
{
public:
    // SECRET is nullopt when the connection has none (its kind's secret rule): no keychain is asked.
    GenericCollector(ProviderKind kind, std::shared_ptr<const ApiSpec> api, std::optional<SecretRef> secret);

    // The descriptor of CONNECTION's kind has an api section, and its settings hold together.
    static Result<std::unique_ptr<Collector>> create(const ConnectionRecord &connection);

    void collect(CollectContext &context, Done done) override;

private:
    ProviderKind m_kind;
    std::shared_ptr<const ApiSpec> m_api;
    std::optional<SecretRef> m_secret;
    std::shared_ptr<RatePacer> m_pacer;   // across cycles, so the rate limit holds between them too
    std::shared_ptr<QHash<QString, qint64>> m_fetchedAtMs;   // per list: when a cycle last fetched it
};

// Whether KIND is run by the generic adapter (its descriptor has an api section).
bool isGenericKind(const QString &kind);

// For connection tests: the first page of the descriptor's test list, described in one line
// ("Vultr answered: 3 items on the first page of instances").
void testGenericConnection(HttpClient &http, const ConnectionRecord &connection, const Secret &secret, QObject *context,
                           std::function<void(Result<QString>)> done);

} // namespace fleetscope::generic
