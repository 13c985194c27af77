// The alert rules, one function per kind, over a FleetView.
#include "alertevaluator.h"

#include "gpunames.h"
#include "store/store.h"
#include "workflows/regression.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace fleetscope {
namespace {

QString money(double value)
{
    return QStringLiteral("$%1").arg(value, 0, 'f', 2);
}

double param(const AlertRule &rule, const char *key)
{
    return rule.params.value(QString::fromLatin1(key)).toDouble();
}

bool applies(const AlertRule &rule, qint64 connectionId)
{
    return rule.connectionId == 0 || rule.connectionId == connectionId;
}

QString instanceName(const InstanceSnapshot &s)
{
    return s.name.isEmpty() ? s.instanceId : s.name;
}

struct Context {
    const AlertRule &rule;
    const FleetView &view;
    QHash<qint64, QString> names;
    QList<AlertFinding> &out;

    void found(qint64 connectionId, const QString &resource, const QString &message, const QString &severity = {}) const
    {
        AlertFinding f;
        f.ruleId = rule.id;
        f.key = QStringLiteral("%1:%2:%3").arg(rule.id).arg(connectionId).arg(resource);
        f.kind = rule.kind;
        f.severity = severity.isEmpty() ? rule.severity : severity;
        f.connectionId = connectionId;
        f.resourceId = resource;
        f.message = message;
        out << f;
    }
    QString name(qint64 connectionId) const { return names.value(connectionId, QString::number(connectionId)); }
};

void gpuIdle(const Context &c)
{
    const double threshold = param(c.rule, "threshold_percent");
    const double minutes = param(c.rule, "minutes");
    for (const IdleInstance &idle : idleInstances(c.view, threshold, minutes, c.rule.connectionId)) {
        const InstanceSnapshot &pod = idle.latest;
        c.found(pod.connectionId, pod.instanceId,
                QStringLiteral("%1 (%2): GPU util under %3 % for %4 min while paying %5/hr")
                    .arg(instanceName(pod), c.name(pod.connectionId)).arg(threshold).arg(minutes).arg(money(*pod.costPerHour)));
    }
}

// A connection's burn rate: what billing reports, else what its running instances cost.
std::optional<double> burnRate(const FleetView &view, qint64 connectionId)
{
    for (const BillingSnapshot &b : view.latestBilling) {
        if (b.connectionId == connectionId && b.currentSpendPerHr)
            return b.currentSpendPerHr;
    }
    std::optional<double> sum;
    for (const InstanceSnapshot &s : view.latestInstances) {
        if (s.connectionId == connectionId && isRunning(s) && s.costPerHour)
            sum = sum.value_or(0) + *s.costPerHour;
    }
    return sum;
}

void burnRateOver(const Context &c)
{
    const double cap = param(c.rule, "max_per_hour");
    std::optional<double> total;
    for (const ConnectionRecord &connection : c.view.connections) {
        if (!connection.enabled || !applies(c.rule, connection.id))
            continue;
        if (const std::optional<double> rate = burnRate(c.view, connection.id))
            total = total.value_or(0) + *rate;
    }
    if (!total || *total <= cap)
        return;
    if (c.rule.connectionId)
        c.found(c.rule.connectionId, QStringLiteral("burn-rate"),
                QStringLiteral("%1 burns %2/hr, over the cap of %3/hr").arg(c.name(c.rule.connectionId), money(*total), money(cap)));
    else
        c.found(0, QStringLiteral("fleet"), QStringLiteral("the fleet burns %1/hr, over the cap of %2/hr").arg(money(*total), money(cap)));
}

void balanceRunway(const Context &c)
{
    const double days = param(c.rule, "days");
    for (const BillingSnapshot &b : c.view.latestBilling) {
        if (!applies(c.rule, b.connectionId) || !b.balance || !b.currentSpendPerHr || *b.currentSpendPerHr <= 0)
            continue;
        const double left = *b.balance / *b.currentSpendPerHr / 24.0;
        if (left < days)
            c.found(b.connectionId, QStringLiteral("balance"),
                    QStringLiteral("%1: the balance of %2 lasts %3 days at %4/hr")
                        .arg(c.name(b.connectionId), money(*b.balance)).arg(left, 0, 'f', 1).arg(money(*b.currentSpendPerHr)));
    }
}

void connectionFailing(const Context &c)
{
    const double cycles = param(c.rule, "cycles");
    for (const ConnectionRecord &connection : c.view.connections) {
        if (!connection.enabled || !applies(c.rule, connection.id) || connection.lastStatus != QLatin1String("failed"))
            continue;
        const QDateTime since = connection.lastSuccessAt.isValid() ? connection.lastSuccessAt : connection.createdAt;
        if (!since.isValid() || since.msecsTo(c.view.now) <= qint64(cycles * connection.cadenceSeconds * 1000))
            continue;
        const QString good = connection.lastSuccessAt.isValid()
            ? QStringLiteral("no good sync since %1").arg(connection.lastSuccessAt.toUTC().toString(Qt::ISODate))
            : QStringLiteral("never synced");
        c.found(connection.id, QStringLiteral("connection"),
                QStringLiteral("%1 is failing (%2): %3").arg(connection.name, good, connection.lastError.left(200)));
    }
}

void endpointUnhealthy(const Context &c)
{
    const double failurePercent = param(c.rule, "failure_percent");
    QHash<QString, QList<const EndpointHealth *>> byEndpoint;
    for (const EndpointHealth &h : c.view.recentHealth) {
        if (applies(c.rule, h.connectionId))
            byEndpoint[QStringLiteral("%1:%2").arg(h.connectionId).arg(h.endpointId)] << &h;
    }
    for (const QList<const EndpointHealth *> &history : std::as_const(byEndpoint)) {
        const EndpointHealth &now = *history.constLast();
        QStringList reasons;
        if (now.workersUnhealthy.value_or(0) > 0)
            reasons << QStringLiteral("%1 unhealthy workers").arg(*now.workersUnhealthy);
        if (history.size() >= 2) {
            const EndpointHealth &before = *history.at(history.size() - 2);
            if (now.jobsInQueue && before.jobsInQueue && *now.jobsInQueue > *before.jobsInQueue && now.workersRunning.value_or(0) == 0)
                reasons << QStringLiteral("queue grew from %1 to %2 with no running worker").arg(*before.jobsInQueue).arg(*now.jobsInQueue);
        }
        const qint64 done = now.jobsCompleted.value_or(0) + now.jobsFailed.value_or(0);
        if (done >= 10 && 100.0 * double(now.jobsFailed.value_or(0)) / double(done) > failurePercent)
            reasons << QStringLiteral("%1 % of jobs failed").arg(100.0 * double(now.jobsFailed.value_or(0)) / double(done), 0, 'f', 1);
        if (!reasons.isEmpty())
            c.found(now.connectionId, now.endpointId,
                    QStringLiteral("endpoint %1 (%2): %3").arg(now.endpointId, c.name(now.connectionId), reasons.join(QStringLiteral("; "))));
    }
}

// The cheapest offer per canonical GPU type that is not known to be unavailable.
QHash<QString, const GpuOffer *> cheapestOffers(const FleetView &view)
{
    QHash<QString, const GpuOffer *> cheapest;
    for (const GpuOffer &offer : view.latestOffers) {
        if (!offer.pricePerHour || offer.available == std::optional<bool>(false))
            continue;
        const GpuOffer *&best = cheapest[offer.gpuType];
        if (!best || *offer.pricePerHour < *best->pricePerHour)
            best = &offer;
    }
    return cheapest;
}

void cheaperOffer(const Context &c)
{
    const double percent = param(c.rule, "percent");
    const QHash<QString, const GpuOffer *> cheapest = cheapestOffers(c.view);
    for (const InstanceSnapshot &pod : c.view.latestInstances) {
        if (!applies(c.rule, pod.connectionId) || !isRunning(pod) || pod.gpuType.isEmpty() || !pod.costPerHour || pod.gpuCount.value_or(0) < 1)
            continue;
        const GpuOffer *offer = cheapest.value(pod.gpuType);
        const double perGpu = *pod.costPerHour / double(*pod.gpuCount);
        if (!offer || *offer->pricePerHour >= perGpu * (1.0 - percent / 100.0))
            continue;
        c.found(pod.connectionId, pod.instanceId,
                QStringLiteral("%1 pays %2 per %3 GPU-hour; %4 %5 offers it at %6 (%7 % less)")
                    .arg(instanceName(pod), money(perGpu), pod.gpuType, offer->provider, offer->tier, money(*offer->pricePerHour))
                    .arg(100.0 * (1.0 - *offer->pricePerHour / perGpu), 0, 'f', 0));
    }
}

void priceBelow(const Context &c)
{
    const QString gpuType = canonicalGpuName(c.rule.params.value(QStringLiteral("gpu_type")).toString());
    const double maxPrice = param(c.rule, "max_price");
    for (const GpuOffer &offer : c.view.latestOffers) {
        if (offer.gpuType != gpuType || !offer.pricePerHour || *offer.pricePerHour > maxPrice || offer.available == std::optional<bool>(false))
            continue;
        c.found(offer.connectionId, QStringLiteral("%1/%2/%3").arg(offer.provider, gpuType, offer.tier),
                QStringLiteral("%1 at %2/hr on %3 %4 (alert at %5)").arg(gpuType, money(*offer.pricePerHour), offer.provider, offer.tier, money(maxPrice)));
    }
}

// The budgets a budget rule watches: the one it names, or every budget.
QList<const BudgetStatus *> watchedBudgets(const Context &c)
{
    const QString name = c.rule.params.value(QStringLiteral("budget")).toString();
    QList<const BudgetStatus *> watched;
    for (const BudgetStatus &status : c.view.budgets) {
        if (name.isEmpty() || name == QLatin1String("0") || name == status.budget.name)
            watched << &status;
    }
    return watched;
}

qint64 budgetConnection(const Budget &budget)
{
    return budget.scope == QLatin1String("connection") ? budget.connectionId : 0;
}

// One finding per threshold the spend has crossed, keyed by budget, period and level, so crossing
// the next level opens a new alert; the higher the level, the more severe.
void budgetLevels(const Context &c)
{
    const QList<double> levels = budgetThresholds(c.rule.params);
    for (const BudgetStatus *status : watchedBudgets(c)) {
        const Budget &budget = status->budget;
        auto check = [&](const QString &period, std::optional<double> cap, double spent, std::optional<double> percent, const QString &tail) {
            if (!cap || !percent)
                return;
            for (const double level : levels) {
                if (*percent < level)
                    continue;
                const QString severity = level >= 100 ? QStringLiteral("critical") : level >= 80 ? QStringLiteral("warning") : QStringLiteral("info");
                c.found(budgetConnection(budget), QStringLiteral("budget/%1/%2/%3").arg(budget.name, period).arg(level),
                        QStringLiteral("Budget %1: %2 of %3 %4 (%5 %)%6")
                            .arg(budget.name, money(spent), money(*cap), period).arg(*percent, 0, 'f', 0).arg(tail),
                        severity);
            }
        };
        check(QStringLiteral("monthly"), budget.monthlyCap, status->month.spent, status->monthlyPercent(),
              QStringLiteral(", forecast %1").arg(money(status->forecast)));
        check(QStringLiteral("daily"), budget.dailyCap, status->day.spent, status->dailyPercent(), QString());
        if (budget.burnRateCap && status->ratePerHour && *status->ratePerHour > *budget.burnRateCap)
            c.found(budgetConnection(budget), QStringLiteral("budget/%1/burn-rate").arg(budget.name),
                    QStringLiteral("Budget %1: burning %2/hr, over its cap of %3/hr").arg(budget.name, money(*status->ratePerHour), money(*budget.burnRateCap)));
    }
}

void budgetForecast(const Context &c)
{
    for (const BudgetStatus *status : watchedBudgets(c)) {
        const Budget &budget = status->budget;
        if (!budget.monthlyCap || status->forecast <= *budget.monthlyCap)
            continue;
        c.found(budgetConnection(budget), QStringLiteral("budget/%1/forecast").arg(budget.name),
                QStringLiteral("Budget %1: forecast %2 by month end, over the %3 monthly cap (%4 spent, %5/hr)")
                    .arg(budget.name, money(status->forecast), money(*budget.monthlyCap), money(status->month.spent),
                         money(status->ratePerHour.value_or(0))));
    }
}

} // namespace

QList<IdleInstance> idleInstances(const FleetView &view, double thresholdPercent, double minutes, qint64 connectionId)
{
    QList<IdleInstance> idle;
    const qint64 windowStart = view.now.toMSecsSinceEpoch() - qint64(minutes * 60'000);
    for (const InstanceSnapshot &pod : view.latestInstances) {
        if ((connectionId && pod.connectionId != connectionId) || !isRunning(pod) || pod.costPerHour.value_or(0) <= 0)
            continue;
        QList<const InstanceSnapshot *> history;
        for (const InstanceSnapshot &s : view.recentInstances) {
            if (s.connectionId == pod.connectionId && s.instanceId == pod.instanceId)
                history << &s;
        }
        qsizetype from = -1;
        for (qsizetype i = 0; i < history.size(); ++i) {
            if (history[i]->snapshotTs.toMSecsSinceEpoch() <= windowStart)
                from = i;
        }
        if (from < 0)
            continue;   // not watched for the whole window yet
        const bool quiet = std::all_of(history.cbegin() + from, history.cend(), [thresholdPercent](const InstanceSnapshot *s) {
            return s->gpuUtilPercent && *s->gpuUtilPercent < thresholdPercent && isRunning(*s);
        });
        if (!quiet)
            continue;
        IdleInstance found{pod, history[from]->snapshotTs, 0};
        for (auto it = history.cbegin() + from; it != history.cend(); ++it)
            found.maxUtilPercent = std::max(found.maxUtilPercent, *(*it)->gpuUtilPercent);
        idle << found;
    }
    return idle;
}

Result<FleetView> readFleetView(Store &store, const QDateTime &now)
{
    FleetView view;
    view.now = now;
    const QDateTime recent = now.addSecs(-3600LL * FleetView::kRecentHours);
    auto take = [](auto result, auto &target) -> std::optional<Error> {
        if (!result)
            return result.error();
        target = std::move(*result);
        return std::nullopt;
    };
    for (const std::optional<Error> &error : {take(store.connections(), view.connections), take(store.latestInstances(), view.latestInstances),
                                              take(store.instanceSnapshots(recent, now.addMSecs(1)), view.recentInstances),
                                              take(store.latestBilling(), view.latestBilling), take(store.latestOffers(), view.latestOffers)}) {
        if (error)
            return std::unexpected(*error);
    }
    // Budget spend reads the month's snapshots: only when an enabled rule watches budgets.
    Result<QList<AlertRule>> rules = store.alertRules();
    if (!rules)
        return std::unexpected(rules.error());
    if (std::any_of(rules->cbegin(), rules->cend(), [](const AlertRule &r) { return r.enabled && r.kind.startsWith(QLatin1String("budget")); })) {
        if (const std::optional<Error> error = take(readBudgetStatuses(store, now), view.budgets))
            return std::unexpected(*error);
    }
    // Workflow metrics of the configurations a workflow_regression rule watches (enabled ones when it names none).
    QStringList configs;
    bool everyConfig = false;
    for (const AlertRule &r : std::as_const(*rules)) {
        if (!r.enabled || r.kind != QLatin1String("workflow_regression"))
            continue;
        const QString name = r.params.value(QStringLiteral("config")).toString();
        everyConfig |= name.isEmpty();
        if (!name.isEmpty() && !configs.contains(name))
            configs << name;
    }
    if (everyConfig) {
        Result<QList<WorkflowConfig>> all = store.workflowConfigs();
        if (!all)
            return std::unexpected(all.error());
        for (const WorkflowConfig &config : std::as_const(*all)) {
            if (config.enabled && !configs.contains(config.name))
                configs << config.name;
        }
    }
    for (const QString &config : std::as_const(configs)) {
        MetricQuery query;   // per run, every dimension grouped: the series `workflows regressions` judges
        query.filter.config = config;
        Result<QList<WorkflowMetricRow>> rows = store.workflowMetricRows(query.filter);
        if (!rows)
            return std::unexpected(rows.error());
        view.workflowSeries.insert(config, aggregateMetrics(*rows, query));
    }
    Result<QList<EndpointHealth>> latest = store.latestEndpointHealth();
    if (!latest)
        return std::unexpected(latest.error());
    for (const EndpointHealth &h : std::as_const(*latest)) {
        Result<QList<EndpointHealth>> history = store.endpointHealthHistory(h.endpointId, now.addSecs(-3600), now.addMSecs(1));
        if (!history)
            return std::unexpected(history.error());
        for (const EndpointHealth &each : std::as_const(*history)) {
            if (each.connectionId == h.connectionId)
                view.recentHealth << each;
        }
    }
    return view;
}

// One finding per metric series whose newest run is a regression, keyed by configuration, metric and
// group: while later runs stay worse it is one alert; a run back within the limit resolves it.
static void workflowRegression(const Context &c)
{
    const QString only = c.rule.params.value(QStringLiteral("config")).toString();
    RegressionSettings settings;
    settings.window = std::max(1, int(param(c.rule, "window")));
    settings.thresholdPercent = param(c.rule, "threshold_percent");
    settings.madK = param(c.rule, "mad_k");
    settings.method = parseRegressionMethod(c.rule.params.value(QStringLiteral("method")).toString()).value_or(RegressionMethod::Mad);
    settings.zThreshold = param(c.rule, "z");
    settings.recentRuns = std::max(1, int(param(c.rule, "k")));
    settings.alpha = param(c.rule, "alpha");
    for (auto it = c.view.workflowSeries.cbegin(); it != c.view.workflowSeries.cend(); ++it) {
        if (!only.isEmpty() && it.key() != only)
            continue;
        for (const SeriesVerdict &v : detectRegressions(it.value(), settings)) {
            if (v.verdict != Verdict::Regression)
                continue;
            const QString group = groupText(v.group);
            const QString unit = v.unit.isEmpty() ? QString() : QLatin1Char(' ') + v.unit;
            const QString commit = v.latest.headSha.isEmpty() ? QString() : QStringLiteral(" at %1").arg(v.latest.headSha.left(7));
            const QString judged = v.judgedRuns > 1 ? QStringLiteral(" (median of the last %1 runs, p %2)")
                                                          .arg(v.judgedRuns).arg(v.p.value_or(1), 0, 'g', 2) : QString();
            c.found(0, QStringLiteral("%1/%2/%3").arg(it.key(), v.metric, group),
                    QStringLiteral("%1: %2%3 %4%5%11, %6 vs the median %7%5 of %8 runs before (%9 is better)%10")
                        .arg(it.key(), v.metric, group.isEmpty() ? QString() : QStringLiteral(" {%1}").arg(group))
                        .arg(v.judgedValue, 0, 'g', 6).arg(unit)
                        .arg(QStringLiteral("%1%2 %").arg(v.changePercent >= 0 ? QStringLiteral("+") : QString()).arg(v.changePercent, 0, 'f', 1))
                        .arg(v.baselineMedian, 0, 'g', 6).arg(v.baselineRuns)
                        .arg(v.direction == MetricDirection::LowerIsBetter ? QStringLiteral("lower") : QStringLiteral("higher"), commit, judged));
        }
    }
}

AlertEvaluation evaluateAlerts(const QList<AlertRule> &rules, const FleetView &view)
{
    AlertEvaluation evaluation;
    evaluation.at = view.now;
    QHash<qint64, QString> names;
    for (const ConnectionRecord &c : view.connections)
        names.insert(c.id, c.name);
    using Check = void (*)(const Context &);
    static const QHash<QString, Check> checks{
        {QStringLiteral("gpu_idle"), gpuIdle}, {QStringLiteral("burn_rate"), burnRateOver}, {QStringLiteral("balance_runway"), balanceRunway},
        {QStringLiteral("connection_failing"), connectionFailing}, {QStringLiteral("endpoint_unhealthy"), endpointUnhealthy},
        {QStringLiteral("cheaper_offer"), cheaperOffer}, {QStringLiteral("price_below"), priceBelow},
        {QStringLiteral("budget"), budgetLevels}, {QStringLiteral("budget_forecast"), budgetForecast},
        {QStringLiteral("workflow_regression"), workflowRegression}};
    for (const AlertRule &stored : rules) {
        if (!stored.enabled)
            continue;
        Result<AlertRule> rule = validateAlertRule(stored);   // fills the defaults of parameters left out
        const Check check = checks.value(stored.kind);
        if (!rule || !check)
            continue;
        evaluation.ruleIds << stored.id;
        check(Context{*rule, view, names, evaluation.findings});
    }
    return evaluation;
}

} // namespace fleetscope
