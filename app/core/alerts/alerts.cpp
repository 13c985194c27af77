// Alert kinds and rule validation.
#include "alerts.h"

namespace fleetscope {

const QList<AlertKindInfo> &alertKinds()
{
    static const QList<AlertKindInfo> kinds = {
        {QStringLiteral("gpu_idle"), QStringLiteral("a paid, running instance whose GPU util stayed under threshold_percent for minutes"),
         QJsonObject{{QStringLiteral("threshold_percent"), 10}, {QStringLiteral("minutes"), 30}}},
        {QStringLiteral("burn_rate"), QStringLiteral("spend per hour over max_per_hour (one connection, or the whole fleet)"),
         QJsonObject{{QStringLiteral("max_per_hour"), 10}}},
        {QStringLiteral("balance_runway"), QStringLiteral("the balance runs out within days at the current burn rate"),
         QJsonObject{{QStringLiteral("days"), 7}}},
        {QStringLiteral("connection_failing"), QStringLiteral("a connection failing or without a good sync for more than cycles cycles"),
         QJsonObject{{QStringLiteral("cycles"), 3}}},
        {QStringLiteral("endpoint_unhealthy"), QStringLiteral("unhealthy workers, a queue growing with no running worker, or failures over failure_percent"),
         QJsonObject{{QStringLiteral("failure_percent"), 10}}},
        {QStringLiteral("cheaper_offer"), QStringLiteral("an offer of a running instance's GPU type cheaper per GPU by more than percent"),
         QJsonObject{{QStringLiteral("percent"), 20}}},
        {QStringLiteral("price_below"), QStringLiteral("an offer of gpu_type at or under max_price per GPU-hour"),
         QJsonObject{{QStringLiteral("gpu_type"), QString()}, {QStringLiteral("max_price"), 1}}},
    };
    return kinds;
}

const AlertKindInfo *findAlertKind(const QString &kind)
{
    for (const AlertKindInfo &info : alertKinds()) {
        if (info.kind == kind)
            return &info;
    }
    return nullptr;
}

Result<AlertRule> validateAlertRule(AlertRule rule)
{
    if (rule.name.trimmed().isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("alert rule: a name is needed"));
    const AlertKindInfo *info = findAlertKind(rule.kind);
    if (!info) {
        QStringList known;
        for (const AlertKindInfo &each : alertKinds())
            known << each.kind;
        return fail(ErrorClass::Config, QStringLiteral("alert rule %1: unknown kind '%2' (known: %3)").arg(rule.name, rule.kind, known.join(QStringLiteral(", "))));
    }
    if (!QStringList{QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("critical")}.contains(rule.severity))
        return fail(ErrorClass::Config, QStringLiteral("alert rule %1: severity must be info, warning or critical").arg(rule.name));
    QJsonObject params = info->defaults;
    for (auto it = rule.params.begin(); it != rule.params.end(); ++it) {
        if (!info->defaults.contains(it.key()))
            return fail(ErrorClass::Config, QStringLiteral("alert rule %1: %2 has no parameter '%3'").arg(rule.name, rule.kind, it.key()));
        QJsonValue value = it.value();
        if (info->defaults.value(it.key()).isDouble()) {
            bool ok = value.isDouble();
            double number = value.toDouble();
            if (value.isString())
                number = value.toString().toDouble(&ok);
            if (!ok || number < 0)
                return fail(ErrorClass::Config, QStringLiteral("alert rule %1: %2 must be a number not below 0").arg(rule.name, it.key()));
            value = number;
        }
        params.insert(it.key(), value);
    }
    if (rule.kind == QLatin1String("price_below") && params.value(QStringLiteral("gpu_type")).toString().isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("alert rule %1: price_below needs gpu_type").arg(rule.name));
    rule.params = params;
    return rule;
}

} // namespace fleetscope
