// ArcBinding: the runner list goes through the Kubernetes descriptor's session (its URL, bearer token,
// cluster CA and pacing) and the descriptor pager (`continue`), with a list spec of its own.
#include "arcbinding.h"

#include "configcheck.h"
#include "credentials/secretref.h"
#include "http/localhttp.h"
#include "providers/catalog.h"
#include "providers/generic/pagination.h"
#include "providers/generic/registry.h"
#include "runimport.h"

#include <QJsonObject>
#include <QSet>

namespace fleetscope {
namespace {

// ARC's label on every EphemeralRunner of a scale set (an AutoscalingRunnerSet), valued with its name.
const QString kScaleSetLabel = QStringLiteral("actions.github.com/scale-set-name");

EphemeralRunner runnerFrom(const QJsonValue &item)
{
    const QJsonObject metadata = item[QLatin1String("metadata")].toObject();
    const QJsonObject status = item[QLatin1String("status")].toObject();
    EphemeralRunner r;
    r.name = metadata.value(QLatin1String("name")).toString();
    r.createdAt = QDateTime::fromString(metadata.value(QLatin1String("creationTimestamp")).toString(), Qt::ISODate);
    r.phase = status.value(QLatin1String("phase")).toString();
    r.workflowRunId = status.value(QLatin1String("workflowRunId")).toInteger();
    r.jobDisplayName = status.value(QLatin1String("jobDisplayName")).toString();
    r.jobRepositoryName = status.value(QLatin1String("jobRepositoryName")).toString();
    r.jobWorkflowRef = status.value(QLatin1String("jobWorkflowRef")).toString();
    return r;
}

} // namespace

bool hasArcBinding(const WorkflowConfig &config)
{
    return config.clusterConnectionId && !config.runnerSetNamespace.isEmpty() && !config.runnerSetName.isEmpty();
}

bool isKubernetesKind(const QString &kind)
{
    const ProviderKind *found = findProviderKind(kind);
    const generic::DescriptorEntry *descriptor = generic::findDescriptor(kind);
    return found && found->category == QLatin1String("Kubernetes") && descriptor && descriptor->descriptor.api;
}

ArcBinding::ArcBinding(StoreService &store, WorkflowConfig config)
    : m_store(store)
    , m_config(std::move(config))
{
}

Error ArcBinding::failure(const Error &error) const
{
    return Error::make(error.kind, QStringLiteral("ARC binding of %1: %2").arg(m_config.name, error.message));
}

Result<ConnectionRecord> ArcBinding::clusterConnection()
{
    if (!hasArcBinding(m_config))
        return std::unexpected(failure(Error::make(ErrorClass::Config, m_config.runnerSetName.isEmpty()
                                                                           ? QStringLiteral("no runner set and cluster connection configured")
                                                                           : QStringLiteral("no cluster connection (it was removed, or never set)"))));
    // Stored by any client of a shared store: checked again before they go into a URL path.
    if (!isKubernetesNamespace(m_config.runnerSetNamespace) || !isKubernetesName(m_config.runnerSetName))
        return std::unexpected(failure(Error::make(ErrorClass::Config, QStringLiteral("'%1/%2' is not a Kubernetes namespace and name")
                                                                           .arg(m_config.runnerSetNamespace, m_config.runnerSetName))));
    Result<QList<ConnectionRecord>> connections = m_store.read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
    if (!connections)
        return std::unexpected(failure(connections.error()));
    for (const ConnectionRecord &c : std::as_const(*connections)) {
        if (c.id != *m_config.clusterConnectionId)
            continue;
        if (!isKubernetesKind(c.kind))
            return std::unexpected(failure(Error::make(ErrorClass::Config, QStringLiteral("connection '%1' is a %2 connection, not a Kubernetes cluster")
                                                                               .arg(c.name, c.kind))));
        return c;
    }
    return std::unexpected(failure(Error::make(ErrorClass::Config, QStringLiteral("its cluster connection (id %1) no longer exists")
                                                                       .arg(*m_config.clusterConnectionId))));
}

Result<QList<EphemeralRunner>> ArcBinding::listRunners(const ConnectionRecord &cluster, const Credentials &credentials, int *pages)
{
    const generic::DescriptorEntry *entry = generic::findDescriptor(cluster.kind);
    Result<Secret> secret = usesSecret(cluster) ? SecretRef::forConnection(cluster).resolveBlocking(credentials) : Result<Secret>(Secret());
    if (!secret)
        return std::unexpected(Error::make(secret.error().kind, QStringLiteral("%1: %2").arg(cluster.name, secret.error().message)));

    generic::ListSpec list;
    list.name = QStringLiteral("ephemeralrunners");
    // Checked Kubernetes names (clusterConnection), so they go into the path as they are.
    list.path = QStringLiteral("/apis/actions.github.com/v1alpha1/namespaces/%1/ephemeralrunners").arg(m_config.runnerSetNamespace);
    list.query = {{QStringLiteral("labelSelector"), kScaleSetLabel + QLatin1Char('=') + m_config.runnerSetName}};
    list.items = *generic::JsonPath::parse(QStringLiteral("items"));
    list.pagination.style = generic::PageStyle::Cursor;
    list.pagination.param = QStringLiteral("continue");
    list.pagination.next = *generic::JsonPath::parse(QStringLiteral("metadata.continue"));
    list.pagination.sizeParam = QStringLiteral("limit");
    list.pagination.size = m_pageSize;

    Result<generic::FetchedList> fetched = runWithLocalHttp<generic::FetchedList>(
        [&](HttpClient &http, QObject *context, std::function<void(Result<generic::FetchedList>)> done) {
            Result<std::shared_ptr<generic::Session>> session =
                generic::Session::create(entry->descriptor.kind, entry->descriptor.api, cluster, std::move(*secret), http, nullptr);
            if (!session)
                return done(std::unexpected(Error::make(session.error().kind, QStringLiteral("%1: %2").arg(cluster.name, session.error().message))));
            generic::fetchList(*session, list, 0, context, std::move(done));
        });
    if (!fetched) {
        Error error = fetched.error();
        if (error.kind == ErrorClass::Auth)
            error.message += QStringLiteral("; the token must be valid and allowed to list ephemeralrunners.actions.github.com in %1")
                                 .arg(m_config.runnerSetNamespace);
        return std::unexpected(error);
    }
    *pages = fetched->pages;
    QList<EphemeralRunner> runners;
    for (const generic::FetchedItem &item : std::as_const(fetched->items))
        runners << runnerFrom(item.value);
    return runners;
}

QString ArcBinding::filteredOut(const EphemeralRunner &runner) const
{
    // Only runs the GitHub fetch lists (completed runs of the workflow file and branch filtered) are
    // recorded: any other would stay pending for ever. A field a filter needs that the runner lacks
    // leaves the run out.
    const QString repository = m_config.githubOwner + QLatin1Char('/') + m_config.githubRepo;
    if (runner.jobRepositoryName.isEmpty())
        return QStringLiteral("no repository named");
    if (runner.jobRepositoryName.compare(repository, Qt::CaseInsensitive) != 0)
        return QStringLiteral("other repository %1").arg(runner.jobRepositoryName);
    // "owner/repo/.github/workflows/bench.yml@refs/heads/main"
    const qsizetype atSign = runner.jobWorkflowRef.indexOf(QLatin1Char('@'));
    const QString path = runner.jobWorkflowRef.left(atSign);
    const QString ref = atSign < 0 ? QString() : runner.jobWorkflowRef.mid(atSign + 1);
    const QString workflow = path.section(QLatin1Char('/'), -1);
    if (!m_config.workflowFilter.isEmpty() && workflow != m_config.workflowFilter)
        return workflow.isEmpty() ? QStringLiteral("no workflow named") : QStringLiteral("other workflow %1").arg(workflow);
    const QString heads = QStringLiteral("refs/heads/");
    if (!m_config.branchFilter.isEmpty() && ref != heads + m_config.branchFilter) {
        if (ref.startsWith(heads))
            return QStringLiteral("other branch %1").arg(ref.mid(heads.size()));
        return ref.isEmpty() ? QStringLiteral("no branch named") : QStringLiteral("not a branch run (%1)").arg(ref);
    }
    return {};
}

Result<ArcScanReport> ArcBinding::scan(const Credentials &credentials)
{
    Result<ConnectionRecord> cluster = clusterConnection();
    if (!cluster)
        return std::unexpected(cluster.error());
    if (m_cancelled && m_cancelled->load())
        return std::unexpected(failure(Error::make(ErrorClass::Cancelled, QStringLiteral("cancelled"))));
    ArcScanReport report;
    report.runnerSet = m_config.runnerSetNamespace + QLatin1Char('/') + m_config.runnerSetName;
    report.cluster = cluster->name;
    Result<QList<EphemeralRunner>> runners = listRunners(*cluster, credentials, &report.pages);
    if (!runners)
        return std::unexpected(failure(runners.error()));

    const QString name = m_config.name;
    Result<QList<WorkflowRun>> stored = m_store.read<QList<WorkflowRun>>([name](Store &s) { return s.workflowRuns(name); }).result();
    if (!stored)
        return std::unexpected(failure(stored.error()));
    QSet<qint64> known;
    for (const WorkflowRun &run : std::as_const(*stored)) {
        if (run.githubRunId)
            known.insert(*run.githubRunId);
    }

    WriteBatch batch;
    batch.source = QStringLiteral("ARC runs of %1").arg(name);
    for (EphemeralRunner runner : std::as_const(*runners)) {
        if (runner.workflowRunId <= 0) {
            runner.outcome = QStringLiteral("no job yet");
        } else if (const QString filtered = filteredOut(runner); !filtered.isEmpty()) {
            runner.outcome = filtered;
        } else if (known.contains(runner.workflowRunId)) {
            // Several jobs of one run each have a runner: the run is recorded once.
            runner.outcome = report.recorded.contains(runner.workflowRunId) ? QStringLiteral("recorded") : QStringLiteral("stored");
        } else {
            WorkflowRunWrite write;
            WorkflowRun &run = write.run;
            run.configId = m_config.id;
            run.configName = name;
            run.runKey = runKeyFor(QString::number(runner.workflowRunId), {});   // the GitHub fetch's key for this run
            run.githubRunId = runner.workflowRunId;
            run.status = RunStatus::Pending;
            run.triggerSource = TriggerSource::Realtime;
            run.workloadStartedAt = runner.createdAt;
            batch.workflowRuns << write;
            known.insert(runner.workflowRunId);
            report.recorded << runner.workflowRunId;
            runner.outcome = QStringLiteral("recorded");
        }
        report.runners << runner;
    }
    if (!batch.workflowRuns.isEmpty()) {
        if (Result<WriteSummary> written = m_store.writeBlocking(batch); !written)
            return std::unexpected(failure(written.error()));
    }
    return report;
}

} // namespace fleetscope
