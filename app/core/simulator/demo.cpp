// The demo connection.
#include "demo.h"

#include "credentials/secretref.h"
#include "engine/collectors.h"

namespace fleetscope {

ConnectionRecord demoConnection(quint16 port)
{
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    ConnectionRecord connection;
    connection.kind = QStringLiteral("runpod");
    connection.name = QStringLiteral("Demo account (simulated)");
    connection.settings = QJsonObject{
        {QStringLiteral("graphql_url"), base + QStringLiteral("/graphql")},
        {QStringLiteral("rest_url"), base + QStringLiteral("/v2")},
        {QStringLiteral("serverless_url"), base + QStringLiteral("/v2")},
        {QStringLiteral("collection_interval_seconds"), 30},
        {QStringLiteral("health_poll_seconds"), 10},
        {SecretRef::secretEnvSetting(), QString::fromLatin1(kDemoKeyVariable)},
    };
    connection.cadenceSeconds = schedulerCadenceSeconds(connection.kind, connection.settings, connection.cadenceSeconds);
    return connection;
}

ConnectionRecord demoDigitalOceanConnection(quint16 port)
{
    ConnectionRecord connection;
    connection.kind = QStringLiteral("digitalocean");
    connection.name = QStringLiteral("Demo DigitalOcean (simulated)");
    connection.settings = QJsonObject{
        {QStringLiteral("base_url"), QStringLiteral("http://127.0.0.1:%1/v2").arg(port)},
        {SecretRef::secretEnvSetting(), QString::fromLatin1(kDemoKeyVariable)},
    };
    connection.cadenceSeconds = 60;
    return connection;
}

QList<Budget> demoBudgets()
{
    Budget fleet;
    fleet.name = QStringLiteral("Demo fleet");
    fleet.monthlyCap = 12000.0;
    fleet.dailyCap = 400.0;
    Budget gpus;
    gpus.name = QStringLiteral("RunPod GPUs");
    gpus.scope = QStringLiteral("provider");
    gpus.provider = QStringLiteral("runpod");
    gpus.monthlyCap = 1500.0;
    gpus.burnRateCap = 15.0;
    Budget droplets;
    droplets.name = QStringLiteral("DigitalOcean Droplets");
    droplets.scope = QStringLiteral("provider");
    droplets.provider = QStringLiteral("digitalocean");
    droplets.monthlyCap = 2500.0;
    droplets.dailyCap = 120.0;
    return {fleet, gpus, droplets};
}

QList<AlertRule> demoAlertRules()
{
    return {
        AlertRule{0, QStringLiteral("Idle GPUs"), QStringLiteral("gpu_idle"), 0,
                  QJsonObject{{QStringLiteral("threshold_percent"), 20}, {QStringLiteral("minutes"), 30}}, QStringLiteral("warning"), true},
        AlertRule{0, QStringLiteral("Budgets"), QStringLiteral("budget"), 0,
                  QJsonObject{{QStringLiteral("budget"), QString()}, {QStringLiteral("thresholds"), QStringLiteral("50,80,100")}}, QStringLiteral("warning"), true},
        AlertRule{0, QStringLiteral("Budget forecasts"), QStringLiteral("budget_forecast"), 0, QJsonObject{{QStringLiteral("budget"), QString()}},
                  QStringLiteral("warning"), true},
        AlertRule{0, QStringLiteral("Cheaper elsewhere"), QStringLiteral("cheaper_offer"), 0, QJsonObject{{QStringLiteral("percent"), 20}},
                  QStringLiteral("info"), true},
    };
}

GuardrailPolicy demoGuardrailPolicy(qint64 connectionId)
{
    GuardrailPolicy policy;
    policy.connectionId = connectionId;
    policy.stopIdleEnabled = true;
    policy.idleMinutes = 30;
    policy.idleUtilPercent = 20;   // the simulator's idle GPUs read anywhere from 0 to about 17 %
    policy.dryRun = true;
    return policy;
}

} // namespace fleetscope
