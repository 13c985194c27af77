// GitHubFetchBar: buttons and progress on the GUI thread; every request is made by the job's worker.
#include "githubfetchbar.h"

#include "githubfetchjob.h"
#include "page.h"
#include "store/storeservice.h"

#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>

namespace fleetscope {

GitHubFetchBar::GitHubFetchBar(StoreService &store, ConfigSource currentConfig, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_currentConfig(std::move(currentConfig))
    , m_job(new GitHubFetchJob(store, this))
    , m_fetch(new QPushButton(tr("Fetch now"), this))
    , m_backfill(new QPushButton(tr("Backfill…"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    m_fetch->setToolTip(tr("Collect the configuration's new completed GitHub Actions runs and their artifacts"));
    m_backfill->setToolTip(tr("Collect every completed run of a date range; runs already stored are skipped"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAccessibleName(tr("GitHub fetch status"));
    m_progress->setMaximumWidth(160);
    m_progress->setFormat(tr("%v of %m runs"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    layout->addWidget(m_fetch);
    layout->addWidget(m_backfill);
    setBusy(false);

    connect(m_fetch, &QPushButton::clicked, this, [this] { fetchNow(); });
    connect(m_backfill, &QPushButton::clicked, this, &GitHubFetchBar::askBackfill);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_job->cancel();
        m_status->setText(tr("Cancelling…"));
    });
    connect(m_job, &GitHubFetchJob::progressed, this, &GitHubFetchBar::handleProgress);
    connect(m_job, &GitHubFetchJob::counted, this, &GitHubFetchBar::handleCounted);
    connect(m_job, &GitHubFetchJob::finished, this, &GitHubFetchBar::handleFinished);
}

void GitHubFetchBar::setBusy(bool busy)
{
    m_fetch->setEnabled(!busy);
    m_backfill->setEnabled(!busy);
    m_cancel->setVisible(busy);
    m_progress->setVisible(busy);
}

void GitHubFetchBar::fetchNow(const QString &tokenEnv)
{
    if (!m_store.writable()) {
        m_status->setText(Page::readOnlyMessage());
        return;
    }
    const std::optional<WorkflowConfig> config = m_currentConfig();
    if (!config || m_job->isRunning())
        return;
    GitHubFetchJob::Request request;
    request.config = *config;
    request.tokenEnv = tokenEnv;
    m_progress->setRange(0, 0);
    m_status->setText(tr("Listing runs of %1/%2…").arg(config->githubOwner, config->githubRepo));
    setBusy(m_job->start(request));
}

bool GitHubFetchBar::retryRuns(const QList<WorkflowRun> &failed, const QString &tokenEnv)
{
    if (!m_store.writable()) {
        m_status->setText(Page::readOnlyMessage());
        return false;
    }
    const std::optional<WorkflowConfig> config = m_currentConfig();
    if (!config || failed.isEmpty() || m_job->isRunning())
        return false;
    GitHubFetchJob::Request request;
    request.config = *config;
    request.mode = GitHubFetchJob::Mode::Retry;
    request.tokenEnv = tokenEnv;
    request.failed = failed;
    m_progress->setRange(0, int(failed.size()));
    m_progress->setValue(0);
    m_status->setText(tr("Retrying %n failed run(s)…", nullptr, int(failed.size())));
    const bool started = m_job->start(request);
    setBusy(started);
    return started;
}

void GitHubFetchBar::askBackfill()
{
    if (!m_store.writable()) {
        m_status->setText(Page::readOnlyMessage());
        return;
    }
    const std::optional<WorkflowConfig> config = m_currentConfig();
    if (!config || m_job->isRunning())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Backfill %1").arg(config->name));
    auto *since = new QDateTimeEdit(QDateTime::currentDateTimeUtc().addDays(-30), &dialog);
    auto *until = new QDateTimeEdit(QDateTime::currentDateTimeUtc(), &dialog);
    for (QDateTimeEdit *edit : {since, until}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Count runs"));
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Runs created from"), since);
    form->addRow(tr("until"), until);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted || since->dateTime() >= until->dateTime())
        return;
    m_backfillConfig = config;
    m_since = since->dateTime();
    m_until = until->dateTime();
    m_countedRuns = -1;
    GitHubFetchJob::Request request{*config, GitHubFetchJob::Mode::Count, m_since, m_until, QString(), {}};
    m_progress->setRange(0, 0);
    m_status->setText(tr("Counting runs…"));
    setBusy(m_job->start(request));
}

void GitHubFetchBar::handleProgress(qint64 done, qint64 total, const QString &line)
{
    if (total > 0) {
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(done));
    }
    m_status->setText(line);
}

void GitHubFetchBar::handleCounted(qint64 runs, qint64 apiCalls)
{
    m_countedRuns = runs;
    m_countedCalls = apiCalls;
}

void GitHubFetchBar::handleFinished(bool ok, const QString &summary)
{
    setBusy(false);
    m_status->setText(ok ? summary : tr("GitHub: %1").arg(summary));
    if (!ok || m_countedRuns < 0 || !m_backfillConfig)
        return;
    const WorkflowConfig config = *std::exchange(m_backfillConfig, std::nullopt);
    const qint64 runs = std::exchange(m_countedRuns, -1);
    m_status->setText(tr("%n completed run(s) in the range", nullptr, int(runs)));
    const auto answer = QMessageBox::question(this, tr("Backfill %1").arg(config.name),
                                              tr("%n completed run(s) in the range, about %1 API calls. Runs already stored are skipped. Backfill now?",
                                                 nullptr, int(runs)).arg(m_countedCalls));
    if (answer != QMessageBox::Yes || runs == 0)
        return;
    GitHubFetchJob::Request request{config, GitHubFetchJob::Mode::Backfill, m_since, m_until, QString(), {}};
    m_progress->setRange(0, 0);
    m_status->setText(tr("Backfilling…"));
    setBusy(m_job->start(request));
}

} // namespace fleetscope
