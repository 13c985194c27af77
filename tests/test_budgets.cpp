// Budgets: spend on synthetic stored data at an injected moment (estimated integration with capped
// gaps and stopped-pod storage, billed month-to-date readings and lifetime deltas, "not reported",
// forecast, the month boundary), the budget alert kinds (fire per level, deduplicate, resolve), the store round trip,
// and (test_budgets_cli) the budgets command with bad input.
#include "alerts/alertevaluator.h"
#include "budgets/budgetspend.h"
#include "budgets/budgettable.h"
#include "store/storeservice.h"

#ifdef FLEETSCOPE_TEST_CLI
#include "clirun.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#endif

#include <QMap>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace fleetscope;

namespace {

// Monday 23 November 2026, noon UTC: 180 hours (7.5 days) left in the month.
const QDateTime kNow(QDate(2026, 11, 23), QTime(12, 0), Qt::UTC);

ConnectionRecord connection(qint64 id, const QString &name, const QString &kind)
{
    ConnectionRecord c;
    c.id = id;
    c.kind = kind;
    c.name = name;
    c.cadenceSeconds = 300;
    return c;
}

InstanceSnapshot pod(qint64 connectionId, const QString &id, const QDateTime &ts, double cost, bool running = true)
{
    InstanceSnapshot s;
    s.snapshotTs = ts;
    s.connectionId = connectionId;
    s.provider = connectionId == 1 ? QStringLiteral("runpod") : QStringLiteral("vultr");
    s.instanceId = id;
    s.status = running ? QStringLiteral("RUNNING") : QStringLiteral("EXITED");
    s.costPerHour = cost;
    return s;
}

BillingSnapshot billing(const QDateTime &ts, double lifetime, std::optional<double> perHour = std::nullopt)
{
    BillingSnapshot b;
    b.snapshotTs = ts;
    b.connectionId = 1;
    b.lifetimeSpend = lifetime;
    b.currentSpendPerHr = perHour;
    return b;
}

// A month-to-date reading (DigitalOcean's month_to_date_usage, Vultr's pending_charges) of CONNECTION_ID.
BillingSnapshot monthToDate(qint64 connectionId, const QDateTime &ts, double value)
{
    BillingSnapshot b;
    b.snapshotTs = ts;
    b.connectionId = connectionId;
    b.monthToDateSpend = value;
    return b;
}

QList<BillingSnapshot> byTime(QList<BillingSnapshot> billing)
{
    std::stable_sort(billing.begin(), billing.end(), [](const BillingSnapshot &a, const BillingSnapshot &b) { return a.snapshotTs < b.snapshotTs; });
    return billing;
}

// prod (runpod, billed) and lab (vultr, no billing). prod: a pod at $3/hr every 5 min over the
// last hour, a stopped pod keeping a 730 GB volume ($0.20/hr), a snapshot just before the month
// (its state holds 10 minutes into November, capped at 15 min), and a gap of an hour earlier today
// (capped). lab: a $1/hr pod over the last hour.
QList<InstanceSnapshot> snapshots()
{
    QList<InstanceSnapshot> all;
    all << pod(1, QStringLiteral("old"), QDateTime(QDate(2026, 10, 31), QTime(23, 55), Qt::UTC), 3.0);
    all << pod(1, QStringLiteral("gap"), kNow.addSecs(-3 * 3600), 4.0);   // 09:00; next snapshot 11:00: 15 min count
    for (int minute = 0; minute < 60; minute += 5) {
        const QDateTime ts = kNow.addSecs(-3600 + 60 * minute);
        all << pod(1, QStringLiteral("trainer"), ts, 3.0);
        InstanceSnapshot stopped = pod(1, QStringLiteral("parked"), ts, 0.5, false);
        stopped.metadata.insert(QStringLiteral("volumeInGb"), 730);
        all << stopped;
        all << pod(2, QStringLiteral("lab-1"), ts, 1.0);
    }
    return all;
}

// SNAPSHOTS summed per connection and time, as Store::instanceTotals does in SQL.
QList<InstanceTotals> totalsOf(const QList<InstanceSnapshot> &snapshots)
{
    QMap<std::pair<qint64, qint64>, InstanceTotals> totals;
    for (const InstanceSnapshot &s : snapshots) {
        InstanceTotals &t = totals[{s.snapshotTs.toMSecsSinceEpoch(), s.connectionId}];
        t.snapshotTs = s.snapshotTs;
        t.connectionId = s.connectionId;
        if (isRunning(s))
            t.runningCostPerHour = t.runningCostPerHour.value_or(0) + s.costPerHour.value_or(0);
        else if (s.metadata.contains(QStringLiteral("volumeInGb")))
            t.stoppedVolumeGb = t.stoppedVolumeGb.value_or(0) + s.metadata.value(QStringLiteral("volumeInGb")).toDouble();
    }
    return totals.values();
}

// Billing for prod: lifetime 100 before the month, 150 on the 10th, 184 now; $3.20/hr now.
SpendInputs fleet()
{
    SpendInputs in;
    in.now = kNow;
    in.connections = {connection(1, QStringLiteral("prod"), QStringLiteral("runpod")), connection(2, QStringLiteral("lab"), QStringLiteral("vultr"))};
    in.instances = totalsOf(snapshots());
    in.billing = {billing(QDateTime(QDate(2026, 10, 30), QTime(8, 0), Qt::UTC), 100), billing(QDateTime(QDate(2026, 11, 10), QTime(8, 0), Qt::UTC), 150),
                  billing(kNow.addSecs(-3600), 180, 3.5), billing(kNow.addSecs(-300), 184, 3.2)};
    return in;
}

// fleet() with lab (vultr) reporting its month's charges: $95 for October, $2 early on the 1st, $40
// yesterday evening, $43 and $46.50 today, and a reading after now that must not count.
SpendInputs fleetWithLabMonthToDate()
{
    SpendInputs in = fleet();
    in.billing = byTime(in.billing + QList<BillingSnapshot>{
        monthToDate(2, QDateTime(QDate(2026, 10, 31), QTime(23, 0), Qt::UTC), 95), monthToDate(2, QDateTime(QDate(2026, 11, 1), QTime(6, 0), Qt::UTC), 2),
        monthToDate(2, QDateTime(QDate(2026, 11, 22), QTime(20, 0), Qt::UTC), 40), monthToDate(2, kNow.addSecs(-6 * 3600), 43),
        monthToDate(2, kNow.addSecs(-300), 46.5), monthToDate(2, kNow.addSecs(3600), 99)});
    return in;
}

Budget budget(const QString &name, const QString &scope = QStringLiteral("all"), std::optional<double> monthly = 1000.0)
{
    Budget b;
    b.name = name;
    b.scope = scope;
    b.monthlyCap = monthly;
    if (scope == QLatin1String("provider"))
        b.provider = QStringLiteral("vultr");
    if (scope == QLatin1String("connection"))
        b.connectionId = 1;
    return b;
}

BudgetStatus spentStatus(double spent, double forecast, std::optional<double> rate = std::nullopt)
{
    BudgetStatus s;
    s.budget = budget(QStringLiteral("team-gpu"), QStringLiteral("all"), 500.0);
    s.budget.id = 3;
    s.now = kNow;
    s.month.spent = spent;
    s.month.estimated = spent;
    s.forecast = forecast;
    s.ratePerHour = rate;
    return s;
}

AlertRule budgetRule(const QString &kind, QJsonObject params = {})
{
    AlertRule r;
    r.id = 9;
    r.name = kind;
    r.kind = kind;
    r.params = std::move(params);
    return *validateAlertRule(r);
}

QStringList keys(const AlertEvaluation &evaluation)
{
    QStringList result;
    for (const AlertFinding &f : evaluation.findings)
        result << f.key + QLatin1Char(' ') + f.severity;
    return result;
}

} // namespace

class TestBudgets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void utcPeriods()
    {
        QCOMPARE(utcMonthStart(kNow), QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(utcNextMonthStart(kNow), QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(utcDayStart(kNow), QDateTime(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC));
        // 23:30 on the 30th in UTC-5 is already December in UTC.
        const QDateTime lateLocal(QDate(2026, 11, 30), QTime(23, 30), QTimeZone(-5 * 3600));
        QCOMPARE(utcMonthStart(lateLocal), QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(snapshotGapCapSeconds(300), qint64(900));
        QCOMPARE(snapshotGapCapSeconds(3600), qint64(7200));
    }

    void estimatedBilledAndForecast()
    {
        const BudgetStatus all = budgetStatus(budget(QStringLiteral("everything")), fleet());
        // prod: $3 × 1 h + $0.20 × 1 h storage + $4 × 15 min (the gap) + $3 × 10 min of November = $4.70; lab: $1.
        QCOMPARE(all.month.estimated, 5.70);
        QCOMPARE(*all.month.billed, 84.0);                 // 184 − 100, the baseline from before the month
        QCOMPARE(*all.month.difference, 4.70 - 84.0);      // prod only: lab reports no billing
        QCOMPARE(all.month.spent, 85.0);                   // billed for prod, estimated for lab
        QCOMPARE(*all.ratePerHour, 4.2);                   // prod's billed $3.20/hr + lab's $1/hr from its latest snapshot
        QCOMPARE(all.forecast, 85.0 + 4.2 * 180);
        QCOMPARE(*all.monthlyPercent(), 8.5);
        // Today: the month-boundary snapshot is not in it; billed from the 10th's reading.
        QCOMPARE(all.day.estimated, 5.20);
        QCOMPARE(*all.day.billed, 34.0);

        const BudgetStatus lab = budgetStatus(budget(QStringLiteral("lab"), QStringLiteral("provider")), fleet());
        QCOMPARE(lab.month.estimated, 1.0);
        QVERIFY(!lab.month.billed);        // not reported, never 0
        QVERIFY(!lab.month.difference);
        QCOMPARE(lab.month.spent, 1.0);
        QCOMPARE(lab.forecast, 1.0 + 1.0 * 180);

        const BudgetStatus prod = budgetStatus(budget(QStringLiteral("prod"), QStringLiteral("connection")), fleet());
        QCOMPARE(prod.month.estimated, 4.70);
        QCOMPARE(*prod.month.billed, 84.0);
        QCOMPARE(*prod.ratePerHour, 3.2);
    }

    void billedWithoutBaselineAndAfterAReset()
    {
        SpendInputs in = fleet();
        in.billing = {billing(kNow.addDays(-2), 500), billing(kNow.addDays(-1), 520), billing(kNow.addSecs(-7200), 10), billing(kNow.addSecs(-60), 15)};
        const BudgetStatus s = budgetStatus(budget(QStringLiteral("prod"), QStringLiteral("connection")), in);
        QCOMPARE(*s.month.billed, 25.0);   // 20 from the first reading in the month, the reset adds nothing, then 5
        QCOMPARE(*s.ratePerHour, 3.2);     // no billed rate: the latest snapshot's trainer $3 + parked volume $0.20
        in.billing.clear();
        QVERIFY(!budgetStatus(budget(QStringLiteral("prod"), QStringLiteral("connection")), in).month.billed);
        // An hour after the last readings nothing is known about now: no rate, the forecast is what was spent.
        in.now = kNow.addSecs(3600);
        const BudgetStatus later = budgetStatus(budget(QStringLiteral("prod"), QStringLiteral("connection")), in);
        QVERIFY(!later.ratePerHour);
        QCOMPARE(later.forecast, later.month.spent);
    }

    // Mixed connections: lab's month-to-date readings, prod's lifetime growth, summed.
    void billedFromMonthToDate()
    {
        const SpendInputs in = fleetWithLabMonthToDate();
        const BudgetStatus lab = budgetStatus(budget(QStringLiteral("lab"), QStringLiteral("provider")), in);
        QCOMPARE(*lab.month.billed, 46.5);           // the newest reading in the month, not a growth
        QCOMPARE(*lab.month.difference, 1.0 - 46.5);
        QCOMPARE(lab.month.spent, 46.5);
        QCOMPARE(*lab.day.billed, 6.5);              // 46.50 − 40 from yesterday evening
        QCOMPARE(lab.forecast, 46.5 + 1.0 * 180);

        const BudgetStatus all = budgetStatus(budget(QStringLiteral("everything")), in);
        QCOMPARE(*all.month.billed, 84.0 + 46.5);
        QCOMPARE(*all.month.difference, (4.70 - 84.0) + (1.0 - 46.5));
        QCOMPARE(all.month.spent, 130.5);
        QCOMPARE(*all.day.billed, 34.0 + 6.5);
        QCOMPARE(*budgetStatus(budget(QStringLiteral("prod"), QStringLiteral("connection")), in).month.billed, 84.0);

        // With no reading before today, today's growth starts from its first reading.
        SpendInputs todayOnly = in;
        todayOnly.billing.removeIf([](const BillingSnapshot &b) { return b.connectionId == 2 && b.snapshotTs < utcDayStart(kNow); });
        QCOMPARE(*budgetStatus(budget(QStringLiteral("lab"), QStringLiteral("provider")), todayOnly).day.billed, 3.5);
    }

    // The month turns: last month's charges never count for this one; on the 1st the day is the
    // month; a reading that went down began the month and counts in full.
    void monthToDateAcrossTheMonthBoundary()
    {
        SpendInputs in;
        in.connections = {connection(2, QStringLiteral("lab"), QStringLiteral("vultr"))};
        const QDateTime december(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
        in.billing = {monthToDate(2, december.addSecs(-2 * 3600), 180)};
        const Budget lab = budget(QStringLiteral("lab"), QStringLiteral("provider"));
        in.now = december.addSecs(300);
        QVERIFY(!budgetStatus(lab, in).month.billed);   // only November's reading: not reported yet
        QVERIFY(!budgetStatus(lab, in).day.billed);

        in.billing << monthToDate(2, december.addSecs(600), 0.4) << monthToDate(2, december.addSecs(4 * 3600), 2.5);
        in.now = december.addSecs(5 * 3600);
        QCOMPARE(*budgetStatus(lab, in).month.billed, 2.5);
        QCOMPARE(*budgetStatus(lab, in).day.billed, 2.5);   // the month began today: the reading itself

        in.billing << monthToDate(2, december.addSecs(26 * 3600), 5.0);
        in.now = december.addSecs(27 * 3600);
        QCOMPARE(*budgetStatus(lab, in).month.billed, 5.0);
        QCOMPARE(*budgetStatus(lab, in).day.billed, 2.5);   // 5 − 2.5 from the 1st's last reading

        // No reading on the 1st: the 2nd's first reading dropped below November's, so it counts in full.
        in.billing = {monthToDate(2, december.addSecs(-2 * 3600), 180), monthToDate(2, december.addSecs(26 * 3600), 5.0)};
        QCOMPARE(*budgetStatus(lab, in).month.billed, 5.0);
        QCOMPARE(*budgetStatus(lab, in).day.billed, 5.0);
    }

    void budgetsAreValidated()
    {
        QVERIFY(validateBudget(budget(QStringLiteral("ok"))));
        QVERIFY(!validateBudget(budget(QStringLiteral("none"), QStringLiteral("all"), std::nullopt)));
        QVERIFY(!validateBudget(budget(QStringLiteral("negative"), QStringLiteral("all"), -5.0)));
        Budget provider = budget(QStringLiteral("p"), QStringLiteral("provider"));
        provider.provider.clear();
        QVERIFY(!validateBudget(provider));
        QVERIFY(!validateBudget(budget(QStringLiteral("bad"), QStringLiteral("team"))));
        const Result<Budget> error = validateBudget(budget(QStringLiteral("none"), QStringLiteral("all"), std::nullopt));
        QCOMPARE(error.error().message, QStringLiteral("budget none: give at least one cap (monthly, daily or burn rate)"));
    }

    void budgetKindFiresPerLevel()
    {
        FleetView view;
        view.now = kNow;
        view.budgets = {spentStatus(410, 731.2)};
        const AlertRule levels = budgetRule(QStringLiteral("budget"));
        const AlertEvaluation at82 = evaluateAlerts({levels}, view);
        QCOMPARE(keys(at82), (QStringList{QStringLiteral("9:0:budget/team-gpu/monthly/50 info"), QStringLiteral("9:0:budget/team-gpu/monthly/80 warning")}));
        QCOMPARE(at82.findings.last().message, QStringLiteral("Budget team-gpu: $410.00 of $500.00 monthly (82 %), forecast $731.20"));
        view.budgets = {spentStatus(510, 731.2)};
        QCOMPARE(evaluateAlerts({levels}, view).findings.last().key, QStringLiteral("9:0:budget/team-gpu/monthly/100"));
        QCOMPARE(evaluateAlerts({levels}, view).findings.last().severity, QStringLiteral("critical"));
        view.budgets = {spentStatus(100, 200)};
        QVERIFY(evaluateAlerts({levels}, view).findings.isEmpty());
        // Another budget named: this one is not watched. Custom thresholds.
        QVERIFY(evaluateAlerts({budgetRule(QStringLiteral("budget"), {{QStringLiteral("budget"), QStringLiteral("other")}, {QStringLiteral("thresholds"), QStringLiteral("10")}})}, view).findings.isEmpty());
        QCOMPARE(evaluateAlerts({budgetRule(QStringLiteral("budget"), {{QStringLiteral("thresholds"), QStringLiteral("10, 20")}})}, view).findings.size(), 2);
        AlertRule bad = budgetRule(QStringLiteral("budget"));
        bad.params.insert(QStringLiteral("thresholds"), QStringLiteral("50,lots"));
        QVERIFY(!validateAlertRule(bad));
        // The burn-rate cap, checked by the same kind.
        view.budgets = {spentStatus(100, 200, 12.4)};
        view.budgets.first().budget.burnRateCap = 10.0;
        QCOMPARE(evaluateAlerts({levels}, view).findings.first().message, QStringLiteral("Budget team-gpu: burning $12.40/hr, over its cap of $10.00/hr"));
    }

    void forecastKind()
    {
        FleetView view;
        view.now = kNow;
        view.budgets = {spentStatus(412.5, 731.2, 1.77)};
        const AlertEvaluation over = evaluateAlerts({budgetRule(QStringLiteral("budget_forecast"))}, view);
        QCOMPARE(over.findings.size(), 1);
        QCOMPARE(over.findings.first().message,
                 QStringLiteral("Budget team-gpu: forecast $731.20 by month end, over the $500.00 monthly cap ($412.50 spent, $1.77/hr)"));
        view.budgets = {spentStatus(300, 480)};
        QVERIFY(evaluateAlerts({budgetRule(QStringLiteral("budget_forecast"))}, view).findings.isEmpty());
    }

    // Through the store: budgets written, read, changed and removed; a bad one refused with nothing
    // changed; the budget alerts opened per level, kept while they hold, resolved when they clear.
    void storeRoundTripAndAlertLifecycle()
    {
        QTemporaryDir dir;
        StoreService store(*StoreLocation::parse(QString(), dir.path()));
        QVERIFY(store.startBlocking());
        WriteBatch setup;
        setup.connections << connection(0, QStringLiteral("prod"), QStringLiteral("runpod"));
        QVERIFY(store.writeBlocking(setup));
        const qint64 prodId = store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result()->first().id;
        Budget team = budget(QStringLiteral("team-gpu"), QStringLiteral("all"), 500.0);
        team.dailyCap = 40.0;
        Budget prod = budget(QStringLiteral("prod"), QStringLiteral("connection"), std::nullopt);
        prod.connectionId = prodId;
        prod.burnRateCap = 5.0;
        WriteBatch write;
        write.budgets << team << prod;
        QVERIFY(store.writeBlocking(write));
        auto budgets = [&store] { return *store.read<QList<Budget>>([](Store &s) { return s.budgets(); }).result(); };
        QCOMPARE(budgets().size(), 2);
        QCOMPARE(budgets().at(0).name, QStringLiteral("prod"));
        QCOMPARE(budgets().at(0).connectionId, prodId);
        QVERIFY(!budgets().at(0).monthlyCap);
        QCOMPARE(*budgets().at(1).dailyCap, 40.0);

        WriteBatch bad;
        Budget changed = team;
        changed.monthlyCap = 600.0;
        bad.budgets << changed << budget(QStringLiteral("broken"), QStringLiteral("all"), -1.0);
        QVERIFY(!store.writeBlocking(bad));
        QCOMPARE(*budgets().at(1).monthlyCap, 500.0);   // the whole batch was refused
        WriteBatch unknown;
        unknown.removedBudgets << QStringLiteral("nope");
        QVERIFY(store.writeBlocking(unknown).error().message.endsWith(QStringLiteral(": no budget named 'nope'")));

        WriteBatch rule;
        rule.alertRules << budgetRule(QStringLiteral("budget"));
        QVERIFY(store.writeBlocking(rule));
        const AlertRule stored = store.read<QList<AlertRule>>([](Store &s) { return s.alertRules(); }).result()->first();
        auto evaluate = [&](double spent) {
            FleetView view;
            view.now = kNow;
            BudgetStatus s = spentStatus(spent, spent);
            s.budget = budgets().at(1);
            view.budgets = {s};
            WriteBatch batch;
            batch.alertEvaluations << evaluateAlerts({stored}, view);
            QVERIFY(store.writeBlocking(batch));
        };
        auto open = [&store] {
            QStringList open;
            const QList<AlertRecord> alerts = *store.read<QList<AlertRecord>>([](Store &s) { return s.alerts(true); }).result();
            for (const AlertRecord &a : alerts)
                open << QStringLiteral("%1 %2").arg(a.id).arg(a.finding.resourceId);
            open.sort();
            return open;
        };
        evaluate(260);
        const QStringList at52 = open();
        QCOMPARE(at52.size(), 1);
        evaluate(270);
        QCOMPARE(open(), at52);   // the same alert, not a second one
        evaluate(410);
        QCOMPARE(open().size(), 2);
        QVERIFY(open().contains(at52.first()));   // 50 % stays the same alert; 80 % is a new one
        evaluate(10);
        QVERIFY(open().isEmpty());   // a new month: both resolved

        WriteBatch remove;
        remove.removedBudgets << QStringLiteral("prod");
        QVERIFY(store.writeBlocking(remove));
        QCOMPARE(budgets().size(), 1);
    }

    // The statuses read from a store equal those computed from the same data in memory.
    void readFromTheStore()
    {
        QTemporaryDir dir;
        StoreService store(*StoreLocation::parse(QString(), dir.path()));
        QVERIFY(store.startBlocking());
        SpendInputs in = fleetWithLabMonthToDate();
        WriteBatch setup;
        for (ConnectionRecord c : in.connections) {
            c.id = 0;
            setup.connections << c;
        }
        QVERIFY(store.writeBlocking(setup));
        QHash<qint64, qint64> ids;   // synthetic id → stored id
        const QList<ConnectionRecord> stored = *store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
        for (const ConnectionRecord &c : stored)
            ids.insert(c.name == QLatin1String("prod") ? 1 : 2, c.id);
        WriteBatch data;
        for (InstanceSnapshot s : snapshots()) {
            s.connectionId = ids.value(s.connectionId);
            data.instances << s;
        }
        for (BillingSnapshot b : in.billing) {
            b.connectionId = ids.value(b.connectionId);
            data.billing << b;
        }
        data.budgets << budget(QStringLiteral("everything"));
        QVERIFY(store.writeBlocking(data));
        QVERIFY(store.read<QList<BudgetStatus>>([](Store &s) { return readBudgetStatuses(s, kNow.addYears(1)); }).result());
        const QList<BudgetStatus> statuses = *store.read<QList<BudgetStatus>>([](Store &s) { return readBudgetStatuses(s, kNow); }).result();
        QCOMPARE(statuses.size(), 1);
        QCOMPARE(statuses.first().month.estimated, 5.70);
        QCOMPARE(*statuses.first().month.billed, 84.0 + 46.5);   // prod's lifetime growth + lab's month to date
        QCOMPARE(*statuses.first().day.billed, 34.0 + 6.5);
        QCOMPARE(statuses.first().forecast, 130.5 + 4.2 * 180);
        const TableData table = budgetStatusTable(statuses, {});
        QCOMPARE(table.rows.first().at(table.columns.indexOf(QStringLiteral("difference"))).toDouble(), -124.8);
    }

#ifdef FLEETSCOPE_TEST_CLI
    void commandRoundTripAndBadInput()
    {
        QTemporaryDir dir;
        {
            StoreService store(*StoreLocation::parse(QString(), dir.path()));
            QVERIFY(store.startBlocking());
            QVERIFY(store.writeBlocking(test::connectionBatch(QStringLiteral("prod"), QStringLiteral("runpod"))));
        }
        auto cli = [&dir](const QStringList &args) { return test::runFleetscope(QStringList{QStringLiteral("--data-dir"), dir.path(), QStringLiteral("budgets")} + args); };
        auto refused = [&cli](const QStringList &args, const QString &message) {
            const test::CliRun run = cli(args);
            QCOMPARE(run.exitCode, 1);
            QCOMPARE(run.err.trimmed().count(QLatin1Char('\n')), qsizetype(0));
            QVERIFY2(run.err.contains(message), qPrintable(run.err));
        };
        const test::CliRun empty = cli({QStringLiteral("list")});
        QCOMPARE(empty.exitCode, 0);
        QVERIFY2(empty.out.contains(QLatin1String("No budgets.")), qPrintable(empty.out));
        refused({QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--connection"), QStringLiteral("nowhere"), QStringLiteral("--monthly"), QStringLiteral("5")},
                QStringLiteral("budgets add x: no connection named 'nowhere'"));
        refused({QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--monthly"), QStringLiteral("-5")}, QStringLiteral("budget x: the monthly cap must be a number above 0"));
        refused({QStringLiteral("add"), QStringLiteral("x"), QStringLiteral("--daily"), QStringLiteral("lots")}, QStringLiteral("budgets add x: --daily must be a dollar amount, not 'lots'"));
        refused({QStringLiteral("add"), QStringLiteral("x")}, QStringLiteral("budget x: give at least one cap"));
        refused({QStringLiteral("set"), QStringLiteral("ghost"), QStringLiteral("--monthly"), QStringLiteral("5")}, QStringLiteral("no budget named 'ghost'"));
        refused({QStringLiteral("remove"), QStringLiteral("ghost")}, QStringLiteral("budgets remove ghost: no budget named 'ghost'"));
        QVERIFY(cli({QStringLiteral("list")}).out.contains(QLatin1String("No budgets.")));   // nothing stored by the refusals

        QCOMPARE(cli({QStringLiteral("add"), QStringLiteral("team-gpu"), QStringLiteral("--monthly"), QStringLiteral("500"), QStringLiteral("--burn-rate"), QStringLiteral("12")}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("add"), QStringLiteral("prod"), QStringLiteral("--connection"), QStringLiteral("prod"), QStringLiteral("--daily"), QStringLiteral("$40")}).exitCode, 0);
        refused({QStringLiteral("add"), QStringLiteral("prod"), QStringLiteral("--daily"), QStringLiteral("1")}, QStringLiteral("a budget named 'prod' exists already"));
        refused({QStringLiteral("set"), QStringLiteral("prod"), QStringLiteral("--daily"), QStringLiteral("none")}, QStringLiteral("budget prod: give at least one cap"));
        QCOMPARE(cli({QStringLiteral("set"), QStringLiteral("team-gpu"), QStringLiteral("--monthly"), QStringLiteral("600"), QStringLiteral("--burn-rate"), QStringLiteral("none")}).exitCode, 0);

        const QJsonArray listed = QJsonDocument::fromJson(cli({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}).out.toUtf8()).array();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("scope")).toString(), QStringLiteral("connection prod"));
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("daily_cap")).toDouble(), 40.0);
        QCOMPARE(listed.at(1).toObject().value(QStringLiteral("monthly_cap")).toDouble(), 600.0);
        QVERIFY(listed.at(1).toObject().value(QStringLiteral("burn_rate_cap")).isNull());

        const test::CliRun status = cli({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(status.exitCode, 0);
        const QJsonObject team = QJsonDocument::fromJson(status.out.toUtf8()).array().at(1).toObject();
        QCOMPARE(team.value(QStringLiteral("estimated")).toDouble(), 0.0);
        QVERIFY(team.value(QStringLiteral("billed")).isNull());   // nothing reports billing: not reported, not 0
        QCOMPARE(team.value(QStringLiteral("percent")).toDouble(), 0.0);
        const test::CliRun table = cli({QStringLiteral("status")});
        QVERIFY2(table.out.contains(QLatin1String("ESTIMATED")) && table.out.contains(QLatin1String("team-gpu")), qPrintable(table.out));
        QCOMPARE(cli({QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("xml")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("remove"), QStringLiteral("prod")}).exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(cli({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}).out.toUtf8()).array().size(), 1);
    }
#endif
};

QTEST_GUILESS_MAIN(TestBudgets)
#include "test_budgets.moc"
