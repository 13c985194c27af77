// Mapping fetched items through a list's fields and the descriptor's translation tables.
#include "normalize.h"

#include "gpunames.h"

#include <QJsonObject>

namespace fleetscope::generic {
namespace {

class ItemValues
{
public:
    ItemValues(const ListSpec &list, const FetchedItem &item, qint64 nowMs)
        : m_list(list), m_item(item), m_scope{item.key, item.parent, nowMs}
    {
    }

    QJsonValue raw(const QString &field) const
    {
        const auto it = m_list.fields.constFind(field);
        return it == m_list.fields.cend() ? QJsonValue(QJsonValue::Undefined) : it->evaluate(m_item.value, m_scope);
    }
    std::optional<QString> text(const QString &field) const { return textOf(raw(field)); }
    std::optional<double> number(const QString &field) const { return numberOf(raw(field)); }
    std::optional<qint64> integer(const QString &field) const { return integerOf(raw(field)); }
    std::optional<bool> boolean(const QString &field) const { return boolOf(raw(field)); }

    // Missing, null, 0, false, "" and empty containers all count as absent.
    bool present(const QString &field) const
    {
        const QJsonValue value = raw(field);
        return applyTransform(Transform{Transform::Kind::NotEmpty, 1, {}, {}}, value, 0).toBool() && !value.isUndefined() && !value.isNull();
    }

    QJsonObject extra() const
    {
        QJsonObject object;
        for (auto it = m_list.extra.cbegin(); it != m_list.extra.cend(); ++it) {
            const QJsonValue value = it->evaluate(m_item.value, m_scope);
            if (!value.isUndefined() && !value.isNull())
                object.insert(it.key(), value);
        }
        return object;
    }

private:
    const ListSpec &m_list;
    const FetchedItem &m_item;
    ItemScope m_scope;
};

QString translated(const QMap<QString, QString> &table, const std::optional<QString> &value)
{
    if (!value)
        return {};
    return table.value(value->toLower(), *value);
}

QString gpuName(const ApiSpec &api, const std::optional<QString> &value)
{
    const QString name = translated(api.gpuTypes, value);
    return name.isEmpty() ? name : canonicalGpuName(name);
}

} // namespace

qsizetype appendRows(WriteBatch &batch, const ApiSpec &api, const ListSpec &list, const QList<FetchedItem> &items, const RowContext &row)
{
    const QDateTime ts = QDateTime::fromMSecsSinceEpoch(row.nowMs, Qt::UTC);
    qsizetype skipped = 0;
    for (const FetchedItem &item : items) {
        const ItemValues v(list, item, row.nowMs);
        const bool complete = std::all_of(list.requireFields.cbegin(), list.requireFields.cend(), [&v](const QString &f) { return v.present(f); });
        if (!complete) {
            ++skipped;
            continue;
        }
        switch (list.target) {
        case ListTarget::Instances: {
            InstanceSnapshot s;
            s.instanceId = v.text(QStringLiteral("instanceId")).value_or(QString());
            if (s.instanceId.isEmpty()) {
                ++skipped;
                continue;
            }
            s.snapshotTs = ts;
            s.connectionId = row.connectionId;
            s.provider = row.provider;
            s.name = v.text(QStringLiteral("name")).value_or(QString());
            s.gpuType = gpuName(api, v.text(QStringLiteral("gpuType")));
            s.gpuCount = v.integer(QStringLiteral("gpuCount"));
            s.vcpuCount = v.integer(QStringLiteral("vcpuCount"));
            s.memoryGb = v.number(QStringLiteral("memoryGb"));
            s.region = translated(api.regions, v.text(QStringLiteral("region")));
            s.status = v.text(QStringLiteral("status")).value_or(QString());
            s.uptimeSeconds = v.integer(QStringLiteral("uptimeSeconds"));
            s.costPerHour = v.number(QStringLiteral("costPerHour"));
            s.gpuUtilPercent = v.number(QStringLiteral("gpuUtilPercent"));
            s.metadata = v.extra();
            batch.instances << s;
            break;
        }
        case ListTarget::Offers: {
            GpuOffer o;
            o.observedTs = ts;
            o.connectionId = row.connectionId;
            o.provider = row.provider;
            o.providerGpuId = v.text(QStringLiteral("providerGpuId")).value_or(QString());
            o.gpuType = gpuName(api, v.text(QStringLiteral("gpuType")));
            o.region = translated(api.regions, v.text(QStringLiteral("region")));
            o.tier = v.text(QStringLiteral("tier")).value_or(QString());
            o.gpuCount = v.integer(QStringLiteral("gpuCount"));
            o.memoryGb = v.number(QStringLiteral("memoryGb"));
            o.pricePerHour = v.number(QStringLiteral("pricePerHour"));
            o.spotPricePerHour = v.number(QStringLiteral("spotPricePerHour"));
            o.available = v.boolean(QStringLiteral("available"));
            o.metadata = v.extra();
            batch.offers << o;
            break;
        }
        case ListTarget::Billing: {
            BillingSnapshot b;
            b.snapshotTs = ts;
            b.connectionId = row.connectionId;
            b.currentSpendPerHr = v.number(QStringLiteral("currentSpendPerHr"));
            b.lifetimeSpend = v.number(QStringLiteral("lifetimeSpend"));
            b.monthToDateSpend = v.number(QStringLiteral("monthToDateSpend"));
            b.balance = v.number(QStringLiteral("balance"));
            b.spendLimit = v.number(QStringLiteral("spendLimit"));
            b.spendBreakdown = v.extra();
            batch.billing << b;
            break;
        }
        }
    }
    return skipped;
}

} // namespace fleetscope::generic
