// AlertMonitor: store reads off this thread, evaluation here, the outcome as one batch.
#include "alertmonitor.h"

#include "alerts/alertevaluator.h"
#include "store/storeservice.h"

#include <QFutureWatcher>
#include <QSet>

namespace fleetscope {
namespace {

struct Inputs {
    QList<AlertRule> rules;
    FleetView view;
    QSet<QString> openKeys;
};

} // namespace

AlertMonitor::AlertMonitor(StoreService &store, Now now, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_now(now ? std::move(now) : Now([] { return QDateTime::currentDateTimeUtc(); }))
    // Collected data and sync outcomes change what holds; the monitor's own evaluations do not.
    , m_pacer(store, [](const QString &source) { return !source.startsWith(QLatin1String("alerts ")); }, [this] { evaluate(); })
{
}

void AlertMonitor::schedule()
{
    m_pacer.schedule();
}

void AlertMonitor::evaluateNow()
{
    m_pacer.runNow();
}

void AlertMonitor::evaluate()
{
    const QDateTime now = m_now();
    auto *watcher = new QFutureWatcher<Result<Inputs>>(this);
    connect(watcher, &QFutureWatcher<Result<Inputs>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<Inputs> inputs = watcher->result();
        if (!inputs) {
            Q_EMIT evaluationFailed(inputs.error());
        } else {
            WriteBatch batch;
            batch.source = QStringLiteral("alerts evaluation");
            batch.alertEvaluations << evaluateAlerts(inputs->rules, inputs->view);
            // New: neither open in the store nor found last time (that evaluation may not be committed yet).
            QList<AlertFinding> raised;
            QSet<QString> found;
            for (const AlertFinding &finding : std::as_const(batch.alertEvaluations.first().findings)) {
                found.insert(finding.key);
                if (!inputs->openKeys.contains(finding.key) && !m_lastFound.contains(finding.key))
                    raised << finding;
            }
            m_lastFound = found;
            m_store.submit(batch);
            Q_EMIT alertsRaised(raised);
        }
        m_pacer.finished();
    });
    watcher->setFuture(m_store.read<Inputs>([now](Store &store) -> Result<Inputs> {
        Inputs inputs;
        Result<QList<AlertRule>> rules = store.alertRules();
        if (!rules)
            return std::unexpected(rules.error());
        inputs.rules = *rules;
        Result<FleetView> view = readFleetView(store, now);
        if (!view)
            return std::unexpected(view.error());
        inputs.view = *view;
        Result<QList<AlertRecord>> open = store.alerts(true);
        if (!open)
            return std::unexpected(open.error());
        for (const AlertRecord &alert : std::as_const(*open))
            inputs.openKeys.insert(alert.finding.key);
        return inputs;
    }));
}

} // namespace fleetscope
