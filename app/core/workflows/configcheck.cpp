// The workflow configuration checks: one set of rules and messages for the command line and the GUI.
#include "configcheck.h"

#include "gpunames.h"
#include "resultfiles.h"

#include <QRegularExpression>
#include <QUrl>

namespace fleetscope {
namespace {

std::unexpected<Error> problem(const QString &field, const QString &text)
{
    return fail(ErrorClass::Config, QStringLiteral("%1 %2").arg(field, text));
}

// GitHub's own rules: owners are letters, digits and inner hyphens (and '_' in Enterprise Managed
// User handles, "handle_shortcode"); repositories add '.' and '_'.
bool isOwnerName(const QString &name)
{
    static const QRegularExpression owner(QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,38})$"));
    return owner.match(name).hasMatch();
}

bool isRepoName(const QString &name)
{
    static const QRegularExpression repo(QStringLiteral("^[A-Za-z0-9._-]{1,100}$"));
    return repo.match(name).hasMatch() && name != QLatin1String(".") && name != QLatin1String("..");
}

} // namespace

Result<GitHubRepoName> parseGitHubRepo(const QString &text, const QString &field)
{
    const QString trimmed = text.trimmed();
    QString path = trimmed;
    const bool looksLikeUrl = trimmed.contains(QLatin1String("://")) || trimmed.startsWith(QLatin1String("github.com/"), Qt::CaseInsensitive)
                           || trimmed.startsWith(QLatin1String("www.github.com/"), Qt::CaseInsensitive);
    if (looksLikeUrl) {
        const QUrl url = QUrl::fromUserInput(trimmed);
        const QString host = url.host().toLower();
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
            || (host != QLatin1String("github.com") && host != QLatin1String("www.github.com")))
            return problem(field, QStringLiteral("wants OWNER/REPO or a github.com address, got '%1'").arg(trimmed));
        // https://github.com/OWNER/REPO/tree/main: the first two segments.
        const QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
        path = segments.mid(0, 2).join(QLatin1Char('/'));
        if (path.endsWith(QLatin1String(".git")))
            path.chop(4);
    }
    const QStringList parts = path.split(QLatin1Char('/'));
    if (parts.size() != 2 || parts.first().trimmed().isEmpty() || parts.last().trimmed().isEmpty())
        return problem(field, QStringLiteral("wants OWNER/REPO or a github.com address, got '%1'").arg(trimmed));
    const GitHubRepoName name{parts.first().trimmed(), parts.last().trimmed()};
    if (!isOwnerName(name.owner))
        return problem(field, QStringLiteral("'%1' is not a GitHub owner name (letters, digits and hyphens)").arg(name.owner));
    if (!isRepoName(name.repo))
        return problem(field, QStringLiteral("'%1' is not a GitHub repository name (letters, digits, '.', '-' and '_')").arg(name.repo));
    return name;
}

Result<qint64> parseMaxFileMb(const QString &text, const QString &field)
{
    bool ok = false;
    const double mb = text.trimmed().toDouble(&ok);
    if (!ok || !(mb > 0) || mb > kMaxFileMbLimit)
        return problem(field, QStringLiteral("wants a size in MB between 0 and %1").arg(kMaxFileMbLimit));
    return qint64(mb * 1024 * 1024);
}

Result<qint64> parseCostGpuCount(const QString &text, const QString &field)
{
    bool ok = false;
    const qint64 count = text.trimmed().toLongLong(&ok);
    if (!ok || count < 1 || count > kMaxCostGpuCount)
        return problem(field, QStringLiteral("wants a whole number from 1 to %1").arg(kMaxCostGpuCount));
    return count;
}

Result<QString> parseCostGpuType(const QString &text, const QString &field)
{
    const QString canonical = canonicalGpuName(text);
    if (canonical.isEmpty())
        return problem(field, QStringLiteral("wants a GPU type such as H100"));
    return canonical;
}

bool isKubernetesNamespace(const QString &text)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    return label.match(text).hasMatch();
}

bool isKubernetesName(const QString &text)
{
    static const QRegularExpression subdomain(QStringLiteral("^[a-z0-9]([-.a-z0-9]{0,251}[a-z0-9])?$"));
    return subdomain.match(text).hasMatch();
}

Result<void> checkWorkflowConfig(const WorkflowConfig &config)
{
    if (config.name.trimmed().isEmpty())
        return problem(QStringLiteral("name"), QStringLiteral("is empty; give the configuration a name"));
    if (config.name != config.name.trimmed())
        return problem(QStringLiteral("name"), QStringLiteral("'%1' starts or ends with a space").arg(config.name));
    if (Result<GitHubRepoName> repo = parseGitHubRepo(config.githubOwner + QLatin1Char('/') + config.githubRepo, QStringLiteral("GitHub repository")); !repo)
        return std::unexpected(repo.error());
    for (const QString &pattern : config.filePatterns) {
        if (pattern.trimmed().isEmpty())
            return problem(QStringLiteral("file pattern"), QStringLiteral("is empty"));
        if (pattern.startsWith(QLatin1Char('/')))
            return problem(QStringLiteral("file pattern"), QStringLiteral("'%1' must be relative to the run's files, not start with /").arg(pattern));
        if (!globToRegularExpression(pattern).isValid())
            return problem(QStringLiteral("file pattern"), QStringLiteral("'%1' is not a glob such as bench/**/*.json").arg(pattern));
    }
    if (config.maxFileBytes <= 0 || config.maxFileBytes > qint64(kMaxFileMbLimit * 1024 * 1024))
        return problem(QStringLiteral("max file size"), QStringLiteral("wants a size in MB between 0 and %1").arg(kMaxFileMbLimit));
    if (config.runnerSetNamespace.trimmed().isEmpty() != config.runnerSetName.trimmed().isEmpty())
        return problem(QStringLiteral("AutoscalingRunnerSet"), QStringLiteral("wants both its namespace and its name, or neither"));
    if (!config.runnerSetNamespace.isEmpty() && (!isKubernetesNamespace(config.runnerSetNamespace) || !isKubernetesName(config.runnerSetName)))
        return problem(QStringLiteral("AutoscalingRunnerSet"), QStringLiteral("'%1/%2' is not a namespace and name as Kubernetes writes them (lowercase letters, digits, '-')")
                                                                   .arg(config.runnerSetNamespace, config.runnerSetName));
    if (config.clusterConnectionId && config.runnerSetNamespace.isEmpty())
        return problem(QStringLiteral("AutoscalingRunnerSet"), QStringLiteral("is needed with a runner cluster: give its namespace and name"));
    if (config.costConnectionId && !config.gpuType.isEmpty())
        return problem(QStringLiteral("cost"), QStringLiteral("is priced by a connection or by a GPU type, not both"));
    if (config.gpuCount < 1 || config.gpuCount > kMaxCostGpuCount)
        return problem(QStringLiteral("GPU count"), QStringLiteral("wants a whole number from 1 to %1").arg(kMaxCostGpuCount));
    return {};
}

} // namespace fleetscope
