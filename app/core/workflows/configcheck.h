// The checks a workflow configuration's fields pass, shared by `workflows configs add|set` and the
// Workflows page's configuration dialog. FIELD names the field in each message: "--repo" on the command
// line, "GitHub repository" in the dialog, so either says in one line which input is wrong.
#pragma once

#include "error.h"
#include "workflowtypes.h"

namespace fleetscope {

inline constexpr double kMaxFileMbLimit = 1024;    // --max-file-mb and the dialog's size: above 0, at most this
inline constexpr qint64 kMaxCostGpuCount = 1024;   // --gpu-count and the dialog's count: 1 to this

struct GitHubRepoName {
    QString owner;
    QString repo;
};

// "OWNER/REPO", or a github.com address of the repository ("https://github.com/OWNER/REPO",
// ".git" and any path after the name allowed).
Result<GitHubRepoName> parseGitHubRepo(const QString &text, const QString &field);
// A size in MB, above 0 and at most kMaxFileMbLimit: in bytes.
Result<qint64> parseMaxFileMb(const QString &text, const QString &field);
// A whole number of GPUs from 1 to kMaxCostGpuCount.
Result<qint64> parseCostGpuCount(const QString &text, const QString &field);
// A GPU type, in its canonical name where the GPU-name table knows it ("h100 sxm" → "H100 SXM").
Result<QString> parseCostGpuType(const QString &text, const QString &field);

// Kubernetes names as the API accepts them: a namespace is a DNS label, an object name a DNS subdomain.
bool isKubernetesNamespace(const QString &text);
bool isKubernetesName(const QString &text);

// The checks of a whole configuration, whatever its fields came from: a name, owner and repository,
// patterns that are globs, a max file size and GPU count in range, the runner set's namespace and name
// both or neither (Kubernetes names, and set when a runner cluster is), and priced by a connection or a
// GPU type, not both. The first problem, naming its field.
Result<void> checkWorkflowConfig(const WorkflowConfig &config);

} // namespace fleetscope
