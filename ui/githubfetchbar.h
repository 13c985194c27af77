// The Workflows page's GitHub Actions controls: Fetch now, Backfill… (a date range, counted first), a
// progress bar with counts, and Cancel, also for the page's retries of failed runs; the work itself runs
// on GitHubFetchJob's worker thread.
#pragma once

#include "workflows/workflowtypes.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace fleetscope {

class GitHubFetchJob;
class StoreService;

class GitHubFetchBar : public QWidget
{
    Q_OBJECT
public:
    using ConfigSource = std::function<std::optional<WorkflowConfig>()>;
    GitHubFetchBar(StoreService &store, ConfigSource currentConfig, QWidget *parent = nullptr);

    QPushButton *fetchButton() const { return m_fetch; }
    QPushButton *backfillButton() const { return m_backfill; }
    QPushButton *cancelButton() const { return m_cancel; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *statusLabel() const { return m_status; }
    GitHubFetchJob *job() const { return m_job; }

    // Starts a fetch (tests pass TOKENENV; the page leaves it empty: the keychain).
    void fetchNow(const QString &tokenEnv = QString());
    // Collects FAILED, stored failed runs of the current configuration, again; false when a job is running.
    bool retryRuns(const QList<WorkflowRun> &failed, const QString &tokenEnv = QString());

private:
    void askBackfill();
    void handleProgress(qint64 done, qint64 total, const QString &line);
    void handleCounted(qint64 runs, qint64 apiCalls);
    void handleFinished(bool ok, const QString &summary);
    void setBusy(bool busy);

    StoreService &m_store;
    ConfigSource m_currentConfig;
    GitHubFetchJob *m_job;
    QPushButton *m_fetch;
    QPushButton *m_backfill;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    // A counted backfill waiting for the user's yes.
    std::optional<WorkflowConfig> m_backfillConfig;
    QDateTime m_since;
    QDateTime m_until;
    qint64 m_countedRuns = -1;
    qint64 m_countedCalls = 0;
};

} // namespace fleetscope
