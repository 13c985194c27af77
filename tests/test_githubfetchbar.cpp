// The Workflows page's GitHub controls over the loopback GitHub simulator: Fetch now runs on the job's
// worker thread with progress and leaves the GUI thread free; Cancel ends a fetch waiting out a rate limit.
#include "fixtures.h"
#include "simulator/githubsimulator.h"
#include "simulator/zipwriter.h"

#include "githubfetchbar.h"
#include "githubfetchjob.h"
#include "store/storeservice.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

const QByteArray kToken = "ghp_FetchBarTestToken";

void populate(GitHubSimulator &sim)
{
    for (int i = 0; i < 3; ++i) {
        SimulatedRun run;
        run.id = 2001 + i;
        run.headSha = QStringLiteral("abc%1").arg(i);
        run.createdAt = QDateTime(QDate(2026, 11, 3), QTime(i, 0), Qt::UTC);
        run.artifacts << SimulatedArtifact{3001 + i, QStringLiteral("results"),
                                                 buildZip({{QStringLiteral("bench/gbench.json"), test::fixtureBytes(QStringLiteral("bench/gbench-googlecpp_output.json"))}})};
        sim.runs << run;
    }
}

} // namespace

class TestGitHubFetchBar : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    WorkflowConfig m_config;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<StoreService>(*StoreLocation::parse(QString(), m_dir.path()));
        QVERIFY(m_store->startBlocking());
        m_config.name = QStringLiteral("bench");
        m_config.githubOwner = QStringLiteral("octo");
        m_config.githubRepo = QStringLiteral("engine");
        WriteBatch batch;
        batch.workflowConfigs << m_config;
        QVERIFY(m_store->writeBlocking(batch));
        m_config = m_store->read<QList<WorkflowConfig>>([](Store &s) { return s.workflowConfigs(); }).result()->first();
        qputenv("GH_BAR_TOKEN", kToken);
    }

    void fetchNowRunsOffTheGuiThread()
    {
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        populate(sim);
        QVERIFY(sim.start());
        qputenv("GITHUB_API_URL", sim.apiUrl().toEncoded());
        GitHubFetchBar bar(*m_store, [this] { return std::optional<WorkflowConfig>(m_config); });
        QSignalSpy progressed(bar.job(), &GitHubFetchJob::progressed);
        QSignalSpy finished(bar.job(), &GitHubFetchJob::finished);
        bar.fetchNow(QStringLiteral("GH_BAR_TOKEN"));
        QVERIFY(!bar.fetchButton()->isEnabled());
        QVERIFY(!bar.cancelButton()->isHidden());
        QVERIFY(finished.wait(20'000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(bar.statusLabel()->text(), QStringLiteral("3 new run(s): 3 completed, 0 failed, 0 skipped"));
        QCOMPARE(progressed.size(), 3);
        QCOMPARE(progressed.last().at(0).toLongLong(), 3);
        QVERIFY(bar.fetchButton()->isEnabled());
        QVERIFY(bar.cancelButton()->isHidden());
        QVERIFY(!bar.job()->isRunning());
        const auto runs = m_store->read<QList<WorkflowRun>>([](Store &s) { return s.workflowRuns(QStringLiteral("bench")); }).result();
        QCOMPARE(runs->size(), 3);
        QCOMPARE(sim.storageRequestsWithAuthorization, 0);
    }

    void cancelEndsARateLimitWait()
    {
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        populate(sim);
        sim.runs.first().id = 2101;   // one run not stored yet
        sim.secondaryLimitOnRequest = 2;
        sim.retryAfterSeconds = 600;
        QVERIFY(sim.start());
        qputenv("GITHUB_API_URL", sim.apiUrl().toEncoded());
        GitHubFetchBar bar(*m_store, [this] { return std::optional<WorkflowConfig>(m_config); });
        QSignalSpy progressed(bar.job(), &GitHubFetchJob::progressed);
        QSignalSpy finished(bar.job(), &GitHubFetchJob::finished);
        bar.fetchNow(QStringLiteral("GH_BAR_TOKEN"));
        QVERIFY(progressed.wait(20'000));
        QCOMPARE(progressed.first().at(2).toString(), QStringLiteral("GitHub secondary rate limit (HTTP 403); waiting 600 s"));
        QElapsedTimer elapsed;
        elapsed.start();
        bar.cancelButton()->click();
        QVERIFY(finished.wait(5'000));
        QVERIFY(elapsed.elapsed() < 3'000);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(bar.statusLabel()->text(), QStringLiteral("GitHub: github: cancelled"));
        // The run it was collecting is left pending for the next fetch.
        const auto runs = m_store->read<QList<WorkflowRun>>([](Store &s) { return s.workflowRuns(QStringLiteral("bench")); }).result();
        const auto it = std::find_if(runs->cbegin(), runs->cend(), [](const WorkflowRun &r) { return r.githubRunId == 2101; });
        QVERIFY(it != runs->cend());
        QCOMPARE(it->status, RunStatus::Pending);
    }
};

QTEST_MAIN(TestGitHubFetchBar)
#include "test_githubfetchbar.moc"
