// WorkflowsPage, continued: the configuration bar's Add…, Edit… and Remove… and the runs tab's Retry
// failed and Export metrics… (the page's other parts are in workflowspage.cpp).
#include "workflowspage.h"

#include "export/configdataset.h"
#include "export/csvwriter.h"
#include "githubfetchbar.h"
#include "tableview.h"
#include "workflowconfigdialog.h"
#include "workflowrunsmodel.h"

#include <QAction>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>

#include <algorithm>

namespace fleetscope {
namespace {

// The writes this page submits; a failure among them is said on the page.
const QString kSourcePrefix = QStringLiteral("workflows page: ");

} // namespace

void WorkflowsPage::connectConfigActions()
{
    disconnect(pageState(), &PageState::actionRequested, this, &Page::addProviderRequested);
    connect(pageState(), &PageState::actionRequested, this, &WorkflowsPage::addConfig);
    connect(m_addConfig, &QPushButton::clicked, this, &WorkflowsPage::addConfig);
    connect(m_editConfig, &QPushButton::clicked, this, &WorkflowsPage::editConfig);
    connect(m_removeConfig, &QPushButton::clicked, this, [this] { removeConfig(); });
    connect(m_exportMetrics, &QPushButton::clicked, this, [this] {
        const std::optional<WorkflowConfig> config = currentConfig();
        if (!config)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export metrics of %1").arg(config->name),
                                                          QStringLiteral("workflow-metrics-%1.csv").arg(config->name), tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportMetrics(path);
    });
    connect(&store(), &StoreService::batchFailed, this, [this](const QString &source, const Error &error) {
        if (source.startsWith(kSourcePrefix))
            showMessage(tr("Not saved: %1").arg(describe(error)), false);
    });
}

void WorkflowsPage::updateRunActions()
{
    m_compare->setEnabled(m_runsTable->table()->selectionModel()->selectedRows().size() == 2);
    const qsizetype selected = failedRuns(true).size();
    const qsizetype all = failedRuns(false).size();
    m_retrySelected->setEnabled(selected > 0);
    m_retrySelected->setText(tr("Selected failed runs (%1)").arg(selected));
    m_retryAll->setEnabled(all > 0);
    m_retryAll->setText(tr("All failed runs (%1)").arg(all));
    m_retry->setEnabled(all > 0);
    m_exportMetrics->setEnabled(!m_analysis.rows.isEmpty());
}

QList<WorkflowRun> WorkflowsPage::failedRuns(bool selectedOnly) const
{
    QList<WorkflowRun> failed;
    if (selectedOnly) {
        for (const QModelIndex &index : m_runsTable->table()->selectionModel()->selectedRows()) {
            const WorkflowRun &run = m_runs->run(m_runsProxy->mapToSource(index).row());
            if (run.status == RunStatus::Failed)
                failed << run;
        }
        return failed;
    }
    for (const WorkflowRun &run : std::as_const(m_analysis.runs)) {
        if (run.status == RunStatus::Failed)
            failed << run;
    }
    return failed;
}

bool WorkflowsPage::retryFailedRuns(bool selectedOnly, const QString &tokenEnv)
{
    if (refuseWhenReadOnly())
        return false;
    const QList<WorkflowRun> failed = failedRuns(selectedOnly);
    if (failed.isEmpty()) {
        showMessage(selectedOnly ? tr("None of the selected runs failed.") : tr("No run of “%1” failed.").arg(m_analysis.config.name), false);
        return false;
    }
    // Runs imported from files have no GitHub run to collect again: say so before starting.
    for (const WorkflowRun &run : failed) {
        if (!run.githubRunId) {
            showMessage(tr("Run %1 was imported from files, not fetched from GitHub; import its files again instead.").arg(run.label()), false);
            return false;
        }
    }
    if (!m_fetchBar->retryRuns(failed, tokenEnv)) {
        showMessage(tr("A GitHub fetch is running; retry when it has ended."), false);
        return false;
    }
    m_message->hide();
    return true;
}

void WorkflowsPage::exportMetrics(const QString &path)
{
    const std::optional<WorkflowConfig> config = currentConfig();
    if (!config)
        return;
    showMessage(tr("Exporting the metrics of “%1”…").arg(config->name), true);
    const QString name = config->name;
    readLatest<qint64>(m_exportRequest, [name, path](Store &store) -> Result<qint64> {
        // The rows and columns of `fleetscope export workflow-metrics`, this configuration's alone.
        Result<TableData> table = configDataset(store, *findDataset(QStringLiteral("workflow-metrics")), name);
        if (!table)
            return std::unexpected(table.error());
        return writeCsvFile(*table, path);
    }, [this, name, path](Result<qint64> rows) {
        const QString text = rows ? tr("Exported %n metric value(s) of “%1” to %2", nullptr, int(*rows)).arg(name, path)
                                  : tr("Export failed: %1").arg(describe(rows.error()));
        showMessage(text, rows.has_value());
        Q_EMIT metricsExported(rows.has_value(), text);
    });
}

WorkflowConfigDialog *WorkflowsPage::addConfig()
{
    if (refuseWhenReadOnly())
        return nullptr;
    QStringList taken;
    for (const WorkflowConfig &c : std::as_const(m_configs))
        taken << c.name;
    auto *dialog = new WorkflowConfigDialog(WorkflowConfig(), m_connections, taken, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const WorkflowConfig config = dialog->config();
        // Stores upsert by name: asked again just before writing, so a configuration another window or
        // the CLI added meanwhile is not replaced.
        readLatest<bool>(m_addRequest, [name = config.name](Store &s) -> Result<bool> {
            Result<QList<WorkflowConfig>> configs = s.workflowConfigs();
            if (!configs)
                return std::unexpected(configs.error());
            return std::any_of(configs->cbegin(), configs->cend(), [&name](const WorkflowConfig &c) { return c.name == name; });
        }, [this, config](Result<bool> exists) {
            if (!exists || *exists) {
                showMessage(exists ? tr("Not added: a configuration named “%1” was added meanwhile; edit that one or choose another name.").arg(config.name)
                                   : tr("Not added: %1").arg(describe(exists.error())), false);
                return;
            }
            WriteBatch batch;
            batch.source = kSourcePrefix + QStringLiteral("add configuration %1").arg(config.name);
            batch.workflowConfigs << config;
            m_selectAfterReload = config.name;
            store().submit(batch);   // the window re-reads every page once it is committed
            showMessage(tr("Configuration “%1” added for %2/%3. Fetch its runs from GitHub, or import result files with "
                           "“fleetscope workflows import %1 PATH…”.").arg(config.name, config.githubOwner, config.githubRepo), true);
        });
    });
    dialog->open();
    return dialog;
}

WorkflowConfigDialog *WorkflowsPage::editConfig()
{
    if (refuseWhenReadOnly())
        return nullptr;
    const std::optional<WorkflowConfig> config = currentConfig();
    if (!config)
        return nullptr;
    auto *dialog = new WorkflowConfigDialog(*config, m_connections, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const WorkflowConfig edited = dialog->config();
        WriteBatch batch;
        batch.source = kSourcePrefix + QStringLiteral("edit configuration %1").arg(edited.name);
        batch.workflowConfigs << edited;
        store().submit(batch);
        showMessage(tr("Configuration “%1” saved.").arg(edited.name), true);
    });
    dialog->open();
    return dialog;
}

void WorkflowsPage::removeConfig(bool confirm)
{
    if (refuseWhenReadOnly())
        return;
    const std::optional<WorkflowConfig> config = currentConfig();
    if (!config)
        return;
    // What goes with it, as the page read it; unknown while the configuration is still being read.
    const bool known = m_analysis.config.id == config->id;
    const QString what = known ? tr("its %n run(s) and their %1 metric value(s)", nullptr, int(m_analysis.runs.size())).arg(m_analysis.rows.size())
                               : tr("its runs and their metric values");
    if (confirm
        && QMessageBox::question(this, tr("Remove “%1”?").arg(config->name),
                                 tr("The configuration “%1” is removed with %2. This cannot be undone.").arg(config->name, what),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    WriteBatch batch;
    batch.source = kSourcePrefix + QStringLiteral("remove configuration %1").arg(config->name);
    batch.removedWorkflowConfigs << config->name;
    store().submit(batch);
    showMessage(tr("Configuration “%1” removed with %2.").arg(config->name, what), true);
}

} // namespace fleetscope
