// A month of a 20-pod fleet snapshotted every 5 minutes (172,800 instance rows): how long the budget
// statuses take to read and compute, beside the alert view read without budgets (the baseline every
// evaluation pays already) — budget statuses are read on every alert evaluation.
#include "alerts/alertevaluator.h"
#include "benchutil.h"
#include "store/storeservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace fleetscope;

namespace {

constexpr int kPods = 20;
constexpr int kSteps = 30 * 24 * 12;   // 30 days of 5-minute cycles

double medianMs(StoreService &service, const std::function<bool(Store &)> &read)
{
    QList<double> runs;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        const bool ok = *service.read<bool>([&read](Store &s) -> Result<bool> { return read(s); }).result();
        runs << (ok ? timer.nsecsElapsed() / 1e6 : -1);
    }
    return bench::median(runs);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    StoreService service(*StoreLocation::parse(QString(), dir.filePath(QStringLiteral("data"))));
    if (Result<int> started = service.startBlocking(); !started) {
        std::fprintf(stderr, "bench_budgets: %s\n", qPrintable(started.error().message));
        return 1;
    }
    WriteBatch setup;
    ConnectionRecord prod;
    prod.kind = QStringLiteral("runpod");
    prod.name = QStringLiteral("prod");
    setup.connections << prod;
    service.writeBlocking(setup);
    const qint64 id = service.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result()->first().id;
    const QDateTime now(QDate(2026, 11, 30), QTime(23, 0), Qt::UTC);
    for (int day = 0; day < 30; ++day) {
        WriteBatch batch;
        for (int step = day * 288; step < (day + 1) * 288; ++step) {
            const QDateTime ts = now.addSecs(-qint64(kSteps - step) * 300);
            for (int pod = 0; pod < kPods; ++pod) {
                InstanceSnapshot s;
                s.snapshotTs = ts;
                s.connectionId = id;
                s.provider = prod.kind;
                s.instanceId = QStringLiteral("pod-%1").arg(pod);
                s.status = pod % 4 ? QStringLiteral("RUNNING") : QStringLiteral("EXITED");
                s.costPerHour = 0.5 + pod * 0.1;
                s.metadata.insert(QStringLiteral("volumeInGb"), 50);
                batch.instances << s;
            }
            BillingSnapshot b;
            b.snapshotTs = ts;
            b.connectionId = id;
            b.currentSpendPerHr = 15.0;
            b.lifetimeSpend = 1000.0 + step * 1.25;
            batch.billing << b;
        }
        if (!service.writeBlocking(batch))
            return 1;
    }
    WriteBatch budgets;
    for (const char *name : {"fleet", "runpod", "prod"}) {
        Budget b;
        b.name = QString::fromLatin1(name);
        b.scope = QLatin1String(name) == QLatin1String("fleet") ? QStringLiteral("all") : QLatin1String(name) == QLatin1String("runpod") ? QStringLiteral("provider") : QStringLiteral("connection");
        b.provider = b.scope == QLatin1String("provider") ? QStringLiteral("runpod") : QString();
        b.connectionId = b.scope == QLatin1String("connection") ? id : 0;
        b.monthlyCap = 5000.0;
        budgets.budgets << b;
    }

    AlertRule rule;
    rule.name = QStringLiteral("budgets");
    rule.kind = QStringLiteral("budget");
    budgets.alertRules << *validateAlertRule(rule);
    const double baseline = medianMs(service, [now](Store &s) { return readFleetView(s, now).has_value(); });
    service.writeBlocking(budgets);
    const double statuses = medianMs(service, [now](Store &s) { return readBudgetStatuses(s, now).has_value(); });
    const double view = medianMs(service, [now](Store &s) { return readFleetView(s, now).has_value(); });
    bench::report("budget_statuses_month_172k_rows", statuses, "ms");
    bench::report("alert_view_without_budgets", baseline, "ms");
    bench::report("alert_view_with_3_budgets_watched", view, "ms", QStringLiteral("(%1x the view without budgets)").arg(view / baseline, 0, 'f', 1));
    return 0;
}
