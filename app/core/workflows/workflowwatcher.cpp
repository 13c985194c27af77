// WorkflowWatcher: the worker reads the enabled configurations, opens one GitHub session and per configuration
// scans its ARC binding (when it has one), then runs the collector; outcomes are posted back to the watcher's thread.
#include "workflowwatcher.h"

#include "arcbinding.h"
#include "credentials/credentials.h"
#include "githubcollector.h"
#include "githubsession.h"
#include "logging.h"
#include "store/storeservice.h"

#include <QPointer>
#include <QThread>

#include <utility>

namespace fleetscope {

WorkflowWatcher::WorkflowWatcher(StoreService &store, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_options(std::move(options))
{
    m_timer.setInterval(m_options.intervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!tick())
            qCDebug(lcEngine) << "workflow watcher: previous fetch still running; tick skipped";
    });
}

WorkflowWatcher::~WorkflowWatcher()
{
    stop();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void WorkflowWatcher::start()
{
    m_timer.start();
}

void WorkflowWatcher::stop()
{
    m_timer.stop();
    if (m_cancelled)
        m_cancelled->store(true);
}

void WorkflowWatcher::report(const QString &config, const QString &error, qint64 stored)
{
    if (stored > 0)
        Q_EMIT runsStored(config, stored);
    if (m_status.value(config) == error)
        return;
    m_status.insert(config, error);
    if (error.isEmpty())
        qCInfo(lcEngine).noquote() << QStringLiteral("workflow watcher: %1: fetching again").arg(config);
    else
        qCWarning(lcEngine).noquote() << QStringLiteral("workflow watcher: %1: %2").arg(config, error);
    Q_EMIT statusChanged(config, error);
}

bool WorkflowWatcher::tick()
{
    if (m_thread)
        return false;
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    const QPointer<WorkflowWatcher> self(this);
    const auto post = [self](const QString &config, const QString &error, qint64 stored) {
        QMetaObject::invokeMethod(self.data(), [self, config, error, stored] { if (self) self->report(config, error, stored); },
                                  Qt::QueuedConnection);
    };
    StoreService *store = &m_store;
    const Options options = m_options;
    m_thread = QThread::create([store, options, cancelled = m_cancelled, post] {
        Result<QList<WorkflowConfig>> configs = store->read<QList<WorkflowConfig>>([](Store &s) { return s.workflowConfigs(); }).result();
        if (!configs) {
            qCWarning(lcEngine).noquote() << "workflow watcher: configurations not read:" << describe(configs.error());
            return;
        }
        QList<WorkflowConfig> enabled;
        for (const WorkflowConfig &c : std::as_const(*configs)) {
            if (c.enabled)
                enabled << c;
        }
        if (enabled.isEmpty())
            return;
        GitHubSessionOptions sessionOptions;
        sessionOptions.apiUrl = options.apiUrl;
        sessionOptions.tokenEnv = options.tokenEnv;
        sessionOptions.cancelled = cancelled.get();
        Result<std::unique_ptr<GitHubSession>> session = openGitHubSession(sessionOptions);
        const Credentials credentials;
        for (const WorkflowConfig &config : std::as_const(enabled)) {
            if (cancelled->load())
                return;
            // The ARC binding first: the runs its runners name are recorded pending, for this fetch to collect.
            QString arcError;
            if (hasArcBinding(config)) {
                ArcBinding arc(*store, config);
                arc.setCancelled(cancelled.get());
                if (Result<ArcScanReport> scanned = arc.scan(credentials); !scanned)
                    arcError = scanned.error().message;
            }
            const auto line = [&arcError](const QString &github) {
                return github.isEmpty() || arcError.isEmpty() ? github + arcError : github + QStringLiteral("; ") + arcError;
            };
            if (!session) {
                post(config.name, line(session.error().message), 0);
                continue;
            }
            GitHubCollector collector(*(*session)->client, *store, config);
            GitHubFetchOptions fetch;
            fetch.trigger = TriggerSource::Realtime;
            fetch.stopAtKnownPage = true;
            Result<GitHubFetchReport> report = collector.fetch(fetch);
            if (cancelled->load())
                return;   // stopped: a fetch cut short is not the configuration's error
            if (!report)
                post(config.name, line(report.error().message), 0);
            else
                post(config.name, line(QString()), report->collected.size());
        }
    });
    m_thread->setObjectName(QStringLiteral("fleetscope-workflows"));
    connect(m_thread, &QThread::finished, this, [this] {
        m_thread->deleteLater();
        m_thread = nullptr;
        Q_EMIT fetchFinished();
    });
    m_thread->start();
    return true;
}

} // namespace fleetscope
