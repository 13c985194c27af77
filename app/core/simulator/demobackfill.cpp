// DemoBackfill: one full RunPod cycle per simulated five minutes, then, every fifteen, one cycle of
// each other demo connection, on a thread of its own.
#include "demobackfill.h"

#include "credentials/secret.h"
#include "engine/collectors.h"
#include "http/httpclient.h"
#include "providers/runpod/runpodcollector.h"
#include "simulator/runpodsimulator.h"
#include "store/storeservice.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QPointer>

namespace fleetscope {
namespace {

constexpr qint64 kStepMs = 5 * 60'000;
// Other connections every third step (15 minutes, what a spend estimate bridges): their descriptors'
// rate limits pace each cycle, so every step would make the history take minutes to load.
constexpr int kOthersEverySteps = 3;

class BackfillWorker : public QObject
{
public:
    BackfillWorker(StoreService &store, ShiftedClock &clock, qint64 connectionId, quint16 port, int hours, DemoBackfill *owner)
        : m_store(store), m_clock(clock), m_connectionId(connectionId), m_owner(owner)
    {
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        m_settings.graphqlUrl = QUrl(base + QStringLiteral("/graphql"));
        m_settings.serverlessUrl = QUrl(base + QStringLiteral("/v2"));
        m_settings.healthConcurrency = 4;
        m_total = int(hours * 3'600'000LL / kStepMs);
    }

    QList<ConnectionRecord> others;

    void run()
    {
        m_nam = new QNetworkAccessManager(this);
        m_http = new HttpClient(m_nam, m_clock, this);
        next();
    }

private:
    void next()
    {
        if (m_done == m_total) {
            m_clock.setBehindMs(0);
            finish(true, QString());
            return;
        }
        m_clock.setBehindMs((m_total - m_done) * kStepMs);
        runpod::runCycle(*m_http, m_clock, m_settings, m_connectionId, Secret::fromUtf8(simulatorkeys::kDemo), true, {}, this,
                         [this](Result<runpod::CycleResult> result) {
            if (!result) {
                m_clock.setBehindMs(0);
                finish(false, describe(result.error()));
                return;
            }
            result->batch.source = QStringLiteral("demo history");
            m_store.submit(std::move(result->batch));
            // ... and at the last step, so their newest snapshot is fresh when live collection takes over.
            const bool withOthers = (m_total - m_done) % kOthersEverySteps == 0 || m_done + 1 == m_total;
            collectOthers(withOthers ? 0 : others.size());
        });
    }

    void collectOthers(qsizetype index)
    {
        if (index == others.size()) {
            ++m_done;
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, done = m_done, total = m_total] { Q_EMIT owner->progress(done, total); },
                                      Qt::QueuedConnection);
            QMetaObject::invokeMethod(this, [this] { next(); }, Qt::QueuedConnection);
            return;
        }
        Result<std::unique_ptr<Collector>> made = builtinCollectors()(others.at(index));
        if (!made) {
            m_clock.setBehindMs(0);
            finish(false, describe(made.error()));
            return;
        }
        m_collector = std::move(*made);   // the previous one has finished: this runs queued after its callback
        auto *ctx = new CollectContext(others.at(index), *m_http, m_clock, this);
        m_collector->collect(*ctx, [this, index, ctx](Result<WriteBatch> batch) {
            ctx->deleteLater();
            if (!batch) {
                m_clock.setBehindMs(0);
                finish(false, describe(batch.error()));
                return;
            }
            batch->source = QStringLiteral("demo history");
            m_store.submit(std::move(*batch));
            QMetaObject::invokeMethod(this, [this, index] { collectOthers(index + 1); }, Qt::QueuedConnection);
        });
    }

    void finish(bool ok, const QString &error)
    {
        QMetaObject::invokeMethod(m_owner, [owner = m_owner, ok, error] { Q_EMIT owner->finished(ok, error); }, Qt::QueuedConnection);
    }

    StoreService &m_store;
    ShiftedClock &m_clock;
    qint64 m_connectionId;
    QPointer<DemoBackfill> m_owner;
    runpod::Settings m_settings;
    QNetworkAccessManager *m_nam = nullptr;
    HttpClient *m_http = nullptr;
    std::unique_ptr<Collector> m_collector;
    int m_total = 0;
    int m_done = 0;
};

} // namespace

qint64 ShiftedClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() - m_behindMs.load();
}

void ShiftedClock::schedule(qint64 delayMs, QObject *context, std::function<void()> fn)
{
    m_system.schedule(delayMs, context, std::move(fn));
}

DemoBackfill::DemoBackfill(StoreService &store, ShiftedClock &clock, qint64 connectionId, quint16 port, int hours, QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("fleetscope-demo-history"));
    m_worker = new BackfillWorker(store, clock, connectionId, port, hours, this);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

DemoBackfill::~DemoBackfill()
{
    m_thread.quit();
    m_thread.wait();
}

void DemoBackfill::alsoCollect(const QList<ConnectionRecord> &connections)
{
    static_cast<BackfillWorker *>(m_worker)->others = connections;
}

void DemoBackfill::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [worker = static_cast<BackfillWorker *>(m_worker)] { worker->run(); }, Qt::QueuedConnection);
}

} // namespace fleetscope
