// The Workflows page's configuration management (offscreen): the configuration dialog adds, edits and
// refuses bad input with a message naming the field; Remove takes the runs and metrics along; Retry failed
// collects failed runs from the loopback GitHub simulator again; Export metrics writes the long-form CSV
// of `fleetscope export workflow-metrics` for the chosen configuration. And a screenshot of the dialog.
#include "fixtures.h"
#include "simulator/githubsimulator.h"
#include "simulator/zipwriter.h"
#include "teststore.h"

#include "githubfetchbar.h"
#include "githubfetchjob.h"
#include "store/storeservice.h"
#include "workflowconfigdialog.h"
#include "workflowrunsmodel.h"
#include "workflowspage.h"
#include "workflows/runimport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include "tableview.h"

using namespace fleetscope;

namespace {

const QByteArray kToken = "ghp_ConfigDialogTestToken";

QByteArray gbench()
{
    return test::fixtureBytes(QStringLiteral("bench/gbench-googlecpp_output.json"));
}

SimulatedRun simulatedRun(qint64 id, int hour, const QByteArray &file)
{
    SimulatedRun run;
    run.id = id;
    run.headSha = QStringLiteral("%1").arg(id, 40, 10, QLatin1Char('0'));
    run.createdAt = QDateTime(QDate(2026, 11, 3), QTime(hour, 0), Qt::UTC);
    run.artifacts << SimulatedArtifact{id + 1000, QStringLiteral("results"), buildZip({{QStringLiteral("bench/gbench.json"), file}})};
    return run;
}

// One run of CONFIG (named by its name) read from a Google Benchmark file, as `workflows import` stores it.
bool storeImportedRun(StoreService &store, const QString &config, const QString &runId)
{
    WorkflowConfig named;
    named.name = config;
    CollectedFiles files;
    files.files << ResultFile{QStringLiteral("bench/gbench.json"), gbench()};
    RunOptions options;
    options.runId = runId;
    options.collectedAt = QDateTime::currentDateTimeUtc();
    WriteBatch batch;
    batch.workflowRuns << buildRun(named, files, options).write;
    return store.writeBlocking(batch).has_value();
}

QPushButton *okButton(QDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestWorkflowConfigsGui : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreService> m_store;
    qint64 m_labId = 0;
    qint64 m_clusterId = 0;

    QList<WorkflowConfig> configs()
    {
        m_store->flush();
        return *m_store->read<QList<WorkflowConfig>>([](Store &s) { return s.workflowConfigs(); }).result();
    }

    QList<WorkflowRun> runs(const QString &config)
    {
        m_store->flush();
        return *m_store->read<QList<WorkflowRun>>([config](Store &s) { return s.workflowRuns(config); }).result();
    }

    static qsizetype failedShown(const WorkflowsPage &page)
    {
        qsizetype failed = 0;
        for (int row = 0; row < page.runsModel()->rowCount(); ++row)
            failed += page.runsModel()->run(row).status == RunStatus::Failed ? 1 : 0;
        return failed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<StoreService>(*StoreLocation::parse(QString(), m_dir.path()));
        QVERIFY(m_store->startBlocking());
        QVERIFY(m_store->writeBlocking(test::connectionBatch(QStringLiteral("lab"), QStringLiteral("runpod"))));
        const auto connections = m_store->read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
        m_labId = connections->first().id;
        QVERIFY(m_store->writeBlocking(test::connectionBatch(QStringLiteral("k8s"), QStringLiteral("kubernetes"))));
        const auto withCluster = m_store->read<QList<ConnectionRecord>>([](Store &s) { return s.connections(); }).result();
        for (const ConnectionRecord &c : *withCluster)
            m_clusterId = c.kind == QLatin1String("kubernetes") ? c.id : m_clusterId;
        QVERIFY(m_clusterId > 0);
        qputenv("GH_DIALOG_TOKEN", kToken);
        QVERIFY(QDir().mkpath(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots")));
    }

    void addEditAndRemoveThroughTheDialog()
    {
        WorkflowsPage page(*m_store);
        page.resize(1200, 800);
        page.show();
        page.reload();   // as the window does after every commit
        QTRY_COMPARE(page.pageState()->state(), PageState::State::Empty);

        // The empty page's button opens the dialog; OK waits for a name and a repository, and says what is missing.
        const QList<QPushButton *> buttons = page.findChildren<QPushButton *>();
        const auto addButton = std::find_if(buttons.cbegin(), buttons.cend(), [](const QPushButton *b) {
            return b->isVisible() && b->text() == QStringLiteral("Add a configuration…");
        });
        QVERIFY(addButton != buttons.cend());
        QTest::mouseClick(*addButton, Qt::LeftButton);
        auto *dialog = page.findChild<WorkflowConfigDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(!dialog->canAccept());
        QCOMPARE(dialog->problem(), QStringLiteral("Name is empty; give the configuration a name"));
        QVERIFY(dialog->problemLabel()->isVisible());
        QCOMPARE(dialog->costConnectionCombo()->count(), 2);
        QCOMPARE(dialog->runnerClusterCombo()->count(), 2);   // none, and the Kubernetes connection only

        dialog->nameEdit()->setText(QStringLiteral("serving"));
        // Bad input, field by field: a message naming the field, OK disabled.
        dialog->repoEdit()->setText(QStringLiteral("acme"));
        QVERIFY(!dialog->canAccept());
        QCOMPARE(dialog->problem(), QStringLiteral("GitHub repository wants OWNER/REPO or a github.com address, got 'acme'"));
        dialog->repoEdit()->setText(QStringLiteral("https://gitlab.com/acme/llm"));
        QVERIFY(dialog->problem().startsWith(QStringLiteral("GitHub repository wants OWNER/REPO")));
        dialog->repoEdit()->setText(QStringLiteral("https://github.com/acme/llm-serving.git"));
        QVERIFY2(dialog->canAccept(), qPrintable(dialog->problem()));
        QVERIFY(!dialog->problemLabel()->isVisible());
        QCOMPARE(dialog->config().githubOwner, QStringLiteral("acme"));
        QCOMPARE(dialog->config().githubRepo, QStringLiteral("llm-serving"));
        dialog->patternsEdit()->setPlainText(QStringLiteral("bench/**/*.json\n\n  results/[z-a].csv"));
        QVERIFY(!dialog->canAccept());
        QCOMPARE(dialog->problem(), QStringLiteral("File pattern 'results/[z-a].csv' is not a glob such as bench/**/*.json"));
        dialog->patternsEdit()->setPlainText(QStringLiteral("bench/**/*.json\n\n  results/*.csv  \n"));   // blank lines and spaces dropped
        QCOMPARE(dialog->config().filePatterns, (QStringList{QStringLiteral("bench/**/*.json"), QStringLiteral("results/*.csv")}));
        dialog->patternsEdit()->setPlainText(QStringLiteral("bench/**/*.json\nresults/*.csv"));
        dialog->runnerSetNamespaceEdit()->setText(QStringLiteral("arc-runners"));
        QCOMPARE(dialog->problem(), QStringLiteral("AutoscalingRunnerSet wants both its namespace and its name, or neither"));
        dialog->runnerSetNameEdit()->setText(QStringLiteral("gpu-bench"));
        QCOMPARE(dialog->problem(), QStringLiteral("Runner cluster: choose the Kubernetes connection the runner set runs in."));
        dialog->runnerClusterCombo()->setCurrentIndex(dialog->runnerClusterCombo()->findData(m_clusterId));
        dialog->runnerSetNameEdit()->setText(QStringLiteral("GPU_bench"));
        QVERIFY2(dialog->problem().startsWith(QStringLiteral("AutoscalingRunnerSet 'arc-runners/GPU_bench' is not a namespace and name")), qPrintable(dialog->problem()));
        dialog->runnerSetNameEdit()->setText(QStringLiteral("gpu-bench"));
        dialog->costCombo()->setCurrentIndex(dialog->costCombo()->findData(int(WorkflowConfigDialog::Cost::GpuType)));
        dialog->gpuTypeCombo()->setCurrentText(QString());
        QCOMPARE(dialog->problem(), QStringLiteral("GPU type wants a GPU type such as H100"));
        // OK is disabled: a click stores nothing.
        QVERIFY(!okButton(dialog)->isEnabled());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(configs().isEmpty());

        dialog->gpuTypeCombo()->setCurrentText(QStringLiteral("h100 sxm"));
        dialog->gpuCountSpin()->setValue(8);
        dialog->workflowEdit()->setText(QStringLiteral("bench.yml"));
        dialog->branchEdit()->setText(QStringLiteral("main"));
        dialog->descriptionEdit()->setText(QStringLiteral("vLLM serving benchmarks"));
        dialog->maxFileMb()->setValue(12.5);
        QVERIFY2(dialog->canAccept(), qPrintable(dialog->problem()));
        // Every field in view, none cut off (looked at by eye as well).
        QTest::qWait(50);
        const QImage shot = dialog->grab().toImage();
        QVERIFY(shot.save(QStringLiteral(FLEETSCOPE_BUILD_DIR "/screenshots/workflows-config-dialog.png")));
        for (QWidget *field : {static_cast<QWidget *>(dialog->nameEdit()), static_cast<QWidget *>(dialog->patternsEdit()),
                               static_cast<QWidget *>(dialog->gpuCountSpin()), static_cast<QWidget *>(okButton(dialog))}) {
            const QRect area(field->mapTo(dialog, QPoint(0, 0)), field->size());
            QVERIFY2(dialog->rect().contains(area), qPrintable(field->accessibleName()));
        }
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);

        QTRY_COMPARE(configs().size(), qsizetype(1));   // names are asked again before the write
        QList<WorkflowConfig> stored = configs();
        WorkflowConfig config = stored.first();
        QCOMPARE(config.name, QStringLiteral("serving"));
        QCOMPARE(config.description, QStringLiteral("vLLM serving benchmarks"));
        QCOMPARE(config.githubOwner, QStringLiteral("acme"));
        QCOMPARE(config.githubRepo, QStringLiteral("llm-serving"));
        QCOMPARE(config.workflowFilter, QStringLiteral("bench.yml"));
        QCOMPARE(config.branchFilter, QStringLiteral("main"));
        QCOMPARE(config.filePatterns, (QStringList{QStringLiteral("bench/**/*.json"), QStringLiteral("results/*.csv")}));
        QCOMPARE(config.maxFileBytes, qint64(12.5 * 1024 * 1024));
        QVERIFY(config.enabled);
        QCOMPARE(config.runnerSetNamespace, QStringLiteral("arc-runners"));
        QCOMPARE(config.runnerSetName, QStringLiteral("gpu-bench"));
        QCOMPARE(config.clusterConnectionId, std::optional<qint64>(m_clusterId));
        QCOMPARE(config.gpuType, QStringLiteral("NVIDIA H100 80GB HBM3"));
        QCOMPARE(config.gpuCount, qint64(8));
        QVERIFY(!config.costConnectionId);
        page.reload();
        QTRY_COMPARE(page.configPicker()->currentText(), QStringLiteral("serving"));
        QVERIFY2(page.message()->text().startsWith(QStringLiteral("Configuration “serving” added for acme/llm-serving")), qPrintable(page.message()->text()));

        // A second configuration of the same name is refused in the dialog.
        dialog = page.addConfig();
        dialog->nameEdit()->setText(QStringLiteral("serving"));
        dialog->repoEdit()->setText(QStringLiteral("acme/other"));
        QVERIFY(!dialog->canAccept());
        QVERIFY2(dialog->problem().startsWith(QStringLiteral("Name: a configuration named “serving” exists already")), qPrintable(dialog->problem()));
        dialog->reject();

        // Edit: the stored fields shown, the name fixed; priced by the connection now, disabled.
        dialog = page.editConfig();
        QVERIFY(dialog);
        QVERIFY(dialog->nameEdit()->isReadOnly());
        QCOMPARE(dialog->repoEdit()->text(), QStringLiteral("acme/llm-serving"));
        QCOMPARE(dialog->patternsEdit()->toPlainText(), QStringLiteral("bench/**/*.json\nresults/*.csv"));
        QCOMPARE(dialog->maxFileMb()->value(), 12.5);
        QCOMPARE(dialog->costCombo()->currentData().toInt(), int(WorkflowConfigDialog::Cost::GpuType));
        QCOMPARE(dialog->gpuTypeCombo()->currentText(), QStringLiteral("NVIDIA H100 80GB HBM3"));
        QCOMPARE(dialog->gpuCountSpin()->value(), 8);
        QVERIFY(dialog->canAccept());
        dialog->costCombo()->setCurrentIndex(dialog->costCombo()->findData(int(WorkflowConfigDialog::Cost::Connection)));
        dialog->costConnectionCombo()->setCurrentIndex(dialog->costConnectionCombo()->findData(m_labId));
        QVERIFY(!dialog->gpuTypeCombo()->isEnabled());
        QCOMPARE(dialog->runnerClusterCombo()->currentData().toLongLong(), m_clusterId);
        dialog->branchEdit()->setText(QStringLiteral("release"));
        dialog->enabledBox()->setChecked(false);
        dialog->runnerSetNamespaceEdit()->clear();
        dialog->runnerSetNameEdit()->clear();
        QCOMPARE(dialog->problem(), QStringLiteral("AutoscalingRunnerSet is needed with a runner cluster: give its namespace and name"));
        dialog->runnerClusterCombo()->setCurrentIndex(0);
        QVERIFY2(dialog->canAccept(), qPrintable(dialog->problem()));
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        stored = configs();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().id, config.id);
        QCOMPARE(stored.first().branchFilter, QStringLiteral("release"));
        QVERIFY(!stored.first().enabled);
        QVERIFY(stored.first().costConnectionId == m_labId);
        QVERIFY(stored.first().gpuType.isEmpty());
        QVERIFY(stored.first().runnerSetName.isEmpty());
        QVERIFY(!stored.first().clusterConnectionId);
        page.reload();
        QTRY_VERIFY2(page.configSummary()->text().contains(QStringLiteral("priced by its connection's instances")), qPrintable(page.configSummary()->text()));

        // Remove: says what goes with it, and takes it along.
        QVERIFY(storeImportedRun(*m_store, QStringLiteral("serving"), QStringLiteral("77")));
        page.reload();
        QTRY_COMPARE(page.runsModel()->rowCount(), 1);
        const qsizetype values = page.runsModel()->run(0).metricsCount;
        QVERIFY(values > 0);
        page.removeConfig(false);
        QCOMPARE(page.message()->text(), QStringLiteral("Configuration “serving” removed with its 1 run(s) and their %1 metric value(s).").arg(values));
        QVERIFY(configs().isEmpty());
        QVERIFY(runs(QString()).isEmpty());
        page.reload();
        QTRY_COMPARE(page.pageState()->state(), PageState::State::Empty);
    }

    // Another window (or the CLI) adds the same name while the dialog is open: Add stores nothing and
    // says so, and the other configuration is kept as it was.
    void addingANameTakenMeanwhileChangesNothing()
    {
        WorkflowsPage page(*m_store);
        page.reload();
        QTRY_COMPARE(page.pageState()->state(), PageState::State::Empty);
        WorkflowConfigDialog *dialog = page.addConfig();
        QVERIFY(dialog);
        dialog->nameEdit()->setText(QStringLiteral("race"));
        dialog->repoEdit()->setText(QStringLiteral("acme/mine"));
        QVERIFY2(dialog->canAccept(), qPrintable(dialog->problem()));

        WorkflowConfig theirs;
        theirs.name = QStringLiteral("race");
        theirs.githubOwner = QStringLiteral("acme");
        theirs.githubRepo = QStringLiteral("theirs");
        WriteBatch elsewhere;
        elsewhere.workflowConfigs << theirs;
        QVERIFY(m_store->writeBlocking(elsewhere));

        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_VERIFY2(page.message()->text().contains(QStringLiteral("was added meanwhile")), qPrintable(page.message()->text()));
        const QList<WorkflowConfig> stored = configs();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().githubRepo, QStringLiteral("theirs"));
        WriteBatch cleanup;
        cleanup.removedWorkflowConfigs << QStringLiteral("race");
        QVERIFY(m_store->writeBlocking(cleanup));
    }

    // The size shows in tenths of a MB; saving without touching it keeps the stored bytes exactly.
    void untouchedSizeKeepsItsBytes()
    {
        WorkflowConfig stored;
        stored.id = 42;
        stored.name = QStringLiteral("exact");
        stored.githubOwner = QStringLiteral("acme");
        stored.githubRepo = QStringLiteral("llm");
        stored.maxFileBytes = 5'000'000;   // 4.77 MB, shown as 4.8
        WorkflowConfigDialog dialog(stored, {}, {});
        QCOMPARE(dialog.maxFileMb()->value(), 4.8);
        QVERIFY2(dialog.canAccept(), qPrintable(dialog.problem()));
        QCOMPARE(dialog.config().maxFileBytes, qint64(5'000'000));
        dialog.maxFileMb()->setValue(3);
        QCOMPARE(dialog.config().maxFileBytes, qint64(3 * 1024 * 1024));
        dialog.maxFileMb()->setValue(4.8);
        QCOMPARE(dialog.config().maxFileBytes, qint64(5'000'000));
    }

    void retryFailedRunsAndExportMetrics()
    {
        GitHubSimulator sim(QStringLiteral("octo"), QStringLiteral("engine"), kToken);
        sim.runs << simulatedRun(4001, 1, gbench()) << simulatedRun(4002, 2, gbench().left(300)) << simulatedRun(4003, 3, gbench().left(200));
        QVERIFY(sim.start());
        qputenv("GITHUB_API_URL", sim.apiUrl().toEncoded());
        WorkflowConfig config;
        config.name = QStringLiteral("engine");
        config.githubOwner = QStringLiteral("octo");
        config.githubRepo = QStringLiteral("engine");
        WriteBatch batch;
        batch.workflowConfigs << config;
        QVERIFY(m_store->writeBlocking(batch));
        // A second configuration's metrics must stay out of the export.
        config.name = QStringLiteral("other");
        batch.workflowConfigs = {config};
        QVERIFY(m_store->writeBlocking(batch));
        QVERIFY(storeImportedRun(*m_store, QStringLiteral("other"), QStringLiteral("88")));

        WorkflowsPage page(*m_store);
        page.resize(1200, 800);
        page.reload();
        QTRY_COMPARE(page.configPicker()->count(), 2);
        page.configPicker()->setCurrentIndex(page.configPicker()->findText(QStringLiteral("engine")));
        QTRY_COMPARE(page.analysisState()->state(), PageState::State::Empty);   // no runs yet
        QVERIFY(!page.retryButton()->isEnabled());
        QVERIFY(!page.retryFailedRuns(false, QStringLiteral("GH_DIALOG_TOKEN")));
        QCOMPARE(page.message()->text(), QStringLiteral("No run of “engine” failed."));

        QSignalSpy finished(page.fetchBar()->job(), &GitHubFetchJob::finished);
        page.fetchBar()->fetchNow(QStringLiteral("GH_DIALOG_TOKEN"));
        QVERIFY(finished.wait(20'000));
        QCOMPARE(page.fetchBar()->statusLabel()->text(), QStringLiteral("3 new run(s): 1 completed, 2 failed, 0 skipped"));
        page.reload();
        QTRY_COMPARE(page.runsModel()->rowCount(), 3);
        QCOMPARE(failedShown(page), qsizetype(2));
        QVERIFY(page.retryButton()->isEnabled());

        // The selected failed run alone: fixed on GitHub now, collected again with its retry counted.
        sim.runs[1].artifacts[0].zip = buildZip({{QStringLiteral("bench/gbench.json"), gbench()}});
        QTableView *table = page.runsView()->table();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, WorkflowRunsModel::Run).data().toString() == QLatin1String("4002"))
                table->selectRow(row);
        }
        QVERIFY(page.retryFailedRuns(true, QStringLiteral("GH_DIALOG_TOKEN")));
        QVERIFY(finished.wait(20'000));
        QCOMPARE(page.fetchBar()->statusLabel()->text(), QStringLiteral("1 run(s) retried: 0 failed again"));
        QList<WorkflowRun> stored = runs(QStringLiteral("engine"));
        for (const WorkflowRun &run : std::as_const(stored)) {
            if (run.githubRunId == 4002) {
                QCOMPARE(run.status, RunStatus::Completed);
                QCOMPARE(run.retryCount, qint64(1));
            } else if (run.githubRunId == 4003) {
                QCOMPARE(run.status, RunStatus::Failed);
                QCOMPARE(run.retryCount, qint64(0));
            }
        }

        // Every failed run: 4003 is still broken on GitHub, so it fails again, counted.
        page.reload();
        QTRY_COMPARE(failedShown(page), qsizetype(1));
        QVERIFY(page.retryFailedRuns(false, QStringLiteral("GH_DIALOG_TOKEN")));
        QVERIFY(finished.wait(20'000));
        QCOMPARE(page.fetchBar()->statusLabel()->text(), QStringLiteral("1 run(s) retried: 1 failed again"));
        stored = runs(QStringLiteral("engine"));
        const auto broken = std::find_if(stored.cbegin(), stored.cend(), [](const WorkflowRun &r) { return r.githubRunId == 4003; });
        QVERIFY(broken != stored.cend());
        QCOMPARE(broken->status, RunStatus::Failed);
        QCOMPARE(broken->retryCount, qint64(1));

        // Export metrics: the long form of `fleetscope export workflow-metrics`, this configuration's rows only.
        QVERIFY(page.exportMetricsButton()->isEnabled());
        QSignalSpy exported(&page, &WorkflowsPage::metricsExported);
        const QString path = m_dir.filePath(QStringLiteral("engine-metrics.csv"));
        page.exportMetrics(path);
        QVERIFY(exported.wait(10'000));
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.first(), QByteArray("config,github_run_id,head_sha,timestamp,source_file,dimensions,metric,value,unit\r"));
        qsizetype values = 0;
        for (const WorkflowRun &run : std::as_const(stored))
            values += run.metricsCount;
        QCOMPARE(lines.size(), values + 2);   // header, one line per value, and the empty rest after the last CRLF
        QVERIFY(lines.last().isEmpty());
        QVERIFY2(exported.first().at(1).toString().startsWith(QStringLiteral("Exported %1 metric value(s) of “engine” to ").arg(values)),
                 qPrintable(exported.first().at(1).toString()));
        QSet<QByteArray> runIds;
        for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
            QVERIFY2(lines.at(i).startsWith("engine,"), lines.at(i).constData());
            runIds.insert(lines.at(i).split(',').at(1));
        }
        QVERIFY(runIds == (QSet<QByteArray>{"4001", "4002"}));
        const QByteArray firstRow = lines.at(1);
        QVERIFY2(firstRow.contains(",bench/gbench.json,") || firstRow.contains("results/bench/gbench.json"), firstRow.constData());
        QVERIFY2(firstRow.contains("\"{\"\""), firstRow.constData());   // the dimensions as JSON text, quoted
    }
};

QTEST_MAIN(TestWorkflowConfigsGui)
#include "test_workflowconfigs_gui.moc"
