// Alert kinds and rule validation.
#include "alerts.h"

#include "workflows/regression.h"

#include <algorithm>

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
        {QStringLiteral("budget"), QStringLiteral("a budget's monthly or daily spend at each of thresholds (percent of its cap), or its burn rate "
                                                  "over its cap; budget: one budget's name, empty for every budget"),
         QJsonObject{{QStringLiteral("budget"), QString()}, {QStringLiteral("thresholds"), QStringLiteral("50,80,100")}}},
        {QStringLiteral("budget_forecast"), QStringLiteral("a budget's forecast to month end over its monthly cap; budget: one budget's name, empty for every budget"),
         QJsonObject{{QStringLiteral("budget"), QString()}}},
        {QStringLiteral("workflow_regression"),
         QStringLiteral("a workflow metric whose newest run is worse than the median of up to window runs before it by more than "
                        "threshold_percent, judged by method (percent, mad: beyond mad_k scaled MADs, zscore: beyond z standard "
                        "deviations, mannwhitney: the newest k runs by a rank test at alpha), as `workflows regressions`; "
                        "config: one configuration's name, empty for every enabled one"),
         QJsonObject{{QStringLiteral("config"), QString()}, {QStringLiteral("method"), QStringLiteral("mad")}, {QStringLiteral("window"), 30},
                     {QStringLiteral("threshold_percent"), 10}, {QStringLiteral("mad_k"), 3}, {QStringLiteral("z"), 3},
                     {QStringLiteral("k"), 5}, {QStringLiteral("alpha"), 0.01}}},
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
    if (rule.kind == QLatin1String("workflow_regression") && !parseRegressionMethod(params.value(QStringLiteral("method")).toString()))
        return fail(ErrorClass::Config, QStringLiteral("alert rule %1: method must be one of %2")
                                            .arg(rule.name, regressionMethodNames().join(QStringLiteral(", "))));
    if (rule.kind == QLatin1String("budget") && budgetThresholds(params).isEmpty())
        return fail(ErrorClass::Config, QStringLiteral("alert rule %1: thresholds must be percents above 0, like 50,80,100").arg(rule.name));
    rule.params = params;
    return rule;
}

QList<double> budgetThresholds(const QJsonObject &params)
{
    QList<double> levels;
    const QJsonValue value = params.value(QStringLiteral("thresholds"));
    const QStringList parts = value.isDouble() ? QStringList{QString::number(value.toDouble())}
                                               : value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        bool ok = false;
        const double level = part.trimmed().toDouble(&ok);
        if (!ok || level <= 0)
            return {};
        levels << level;
    }
    std::sort(levels.begin(), levels.end());
    return levels;
}

} // namespace fleetscope
