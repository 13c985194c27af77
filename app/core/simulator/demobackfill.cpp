// DemoBackfill: one full RunPod cycle per simulated five minutes, on a thread of its own.
#include "demobackfill.h"

#include "credentials/secret.h"
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
            ++m_done;
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, done = m_done, total = m_total] { Q_EMIT owner->progress(done, total); },
                                      Qt::QueuedConnection);
            QMetaObject::invokeMethod(this, [this] { next(); }, Qt::QueuedConnection);
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

void DemoBackfill::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [worker = static_cast<BackfillWorker *>(m_worker)] { worker->run(); }, Qt::QueuedConnection);
}

} // namespace fleetscope
