// WorkflowsPage: reads a configuration's runs and metric rows and judges them on a reader thread; the GUI
// thread only filters the chosen metric's per-run series for the chart.
#include "workflowspage.h"

#include "githubfetchbar.h"
#include "logging.h"
#include "metricquerybar.h"
#include "schemadialog.h"
#include "schemaproposaljob.h"
#include "snapshotformat.h"
#include "pointseries.h"
#include "runcomparisondialog.h"
#include "tableview.h"
#include "timeserieschart.h"
#include "workflowrunsmodel.h"
#include "workflowsummarymodel.h"
#include "workflowverdictsmodel.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QMenu>
#include <QToolButton>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

QLabel *fieldLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString metricLabel(const QString &metric, const QString &unit)
{
    return unit.isEmpty() ? metric : WorkflowsPage::tr("%1 (%2)").arg(metric, unit);
}

// What a chart marker says about the FLAGS of run RUN_ID: the run, and each flag with only the dimensions that vary.
QString markerText(const WorkflowsPage::Analysis &analysis, const QList<RunFlag> &flags, qint64 runId)
{
    QStringList texts;
    for (RunFlag flag : flags) {
        flag.group = onlyDimensions(flag.group, analysis.varying);   // backend=vllm on every series says nothing
        texts << flagText(flag);
    }
    const WorkflowRun *run = nullptr;
    for (const WorkflowRun &r : std::as_const(analysis.runs)) {
        if (r.id == runId)
            run = &r;
    }
    const QString runText = run ? (run->headSha.isEmpty() ? WorkflowsPage::tr("Run %1").arg(run->label())
                                                          : WorkflowsPage::tr("Run %1 (%2)").arg(run->label(), run->headSha.left(7)))
                                : QString();
    return runText.isEmpty() ? texts.join(QStringLiteral("; ")) : WorkflowsPage::tr("%1: %2").arg(runText, texts.join(QStringLiteral("; ")));
}

} // namespace

WorkflowsPage::WorkflowsPage(StoreService &store, QWidget *parent)
    : Page(tr("Workflows"), store, parent)
{
    auto *content = new QWidget(this);
    QHBoxLayout *configRow = buildConfigRow(content);
    setUpSchemaProposals();

    m_analysisState = new PageState(content);
    auto *splitter = new QSplitter(Qt::Vertical, m_analysisState);
    splitter->setChildrenCollapsible(false);
    QWidget *trendPane = buildTrendPane(splitter);
    m_tabs = new QTabWidget(splitter);
    m_tabs->addTab(buildVerdictsTab(), tr("Regressions"));
    m_tabs->addTab(buildRunsTab(), tr("Runs"));
    m_tabs->addTab(buildSummaryTab(), tr("Summary"));
    splitter->addWidget(trendPane);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    m_analysisState->setContent(splitter);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(configRow);
    layout->addWidget(m_configSummary);
    layout->addWidget(m_message);
    layout->addWidget(m_analysisState, 1);
    pageState()->setContent(content);
    connectAnalysis();
}

// The configuration picker, its actions, the GitHub fetch bar and the schema menu; the summary and
// message lines under them.
QHBoxLayout *WorkflowsPage::buildConfigRow(QWidget *content)
{
    m_config = new QComboBox(content);
    m_config->setAccessibleName(tr("Workflow configuration"));
    m_config->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_configSummary = new QLabel(content);
    m_configSummary->setTextFormat(Qt::PlainText);
    m_configSummary->setAccessibleName(tr("Configuration details"));
    m_configSummary->setWordWrap(true);   // its own line under the buttons, as long as the configuration is
    m_addConfig = new QPushButton(tr("Add…"), content);
    m_addConfig->setToolTip(tr("Add a workflow configuration: a GitHub repository, its filters and result file patterns"));
    m_editConfig = new QPushButton(tr("Edit…"), content);
    m_editConfig->setToolTip(tr("Edit the chosen configuration"));
    m_removeConfig = new QPushButton(tr("Remove…"), content);
    m_removeConfig->setToolTip(tr("Remove the chosen configuration with its runs and their metrics"));
    auto *configRow = new QHBoxLayout;
    configRow->addWidget(fieldLabel(tr("Configuration"), content));
    configRow->addWidget(m_config);
    configRow->addWidget(m_addConfig);
    configRow->addWidget(m_editConfig);
    configRow->addWidget(m_removeConfig);
    configRow->addSpacing(12);
    m_fetchBar = new GitHubFetchBar(this->store(), [this] { return currentConfig(); }, content);
    configRow->addWidget(m_fetchBar, 1);
    m_schemaButton = new QToolButton(content);
    m_schemaButton->setText(tr("Schema…"));
    m_schemaButton->setToolTip(tr("Propose a metric schema for result files no built-in recognizer knows"));
    m_schemaButton->setPopupMode(QToolButton::InstantPopup);
    auto *schemaMenu = new QMenu(m_schemaButton);
    auto pickAndPropose = [this](bool useAi) {
        const QString path = QFileDialog::getOpenFileName(this, tr("Sample result file"), QString(), tr("JSON files (*.json);;All files (*)"));
        if (!path.isEmpty())
            proposeSchemaFrom(path, useAi);
    };
    schemaMenu->addAction(tr("Propose from file…"), this, [pickAndPropose] { pickAndPropose(false); });
    m_proposeWithAi = schemaMenu->addAction(tr("Propose with AI from file…"), this, [pickAndPropose] { pickAndPropose(true); });
    m_proposeWithAi->setEnabled(false);
    m_proposeWithAi->setToolTip(tr("Set the endpoint with: fleetscope workflows schema ai set"));
    m_schemaButton->setMenu(schemaMenu);
    configRow->addWidget(m_schemaButton);
    m_message = new QLabel(content);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();
    return configRow;
}

// A proposal, when it comes, opens the review dialog; a confirmed schema is stored.
void WorkflowsPage::setUpSchemaProposals()
{
    m_proposalJob = new SchemaProposalJob(this);
    connect(m_proposalJob, &SchemaProposalJob::failed, this, [this](const QString &message) { showMessage(message, false); });
    connect(m_proposalJob, &SchemaProposalJob::proposed, this, [this](const SchemaProposal &proposal, const ResultFile &sample) {
        // The configuration the proposal was asked for, though another may be selected by now.
        const auto config = std::find_if(m_configs.cbegin(), m_configs.cend(), [this](const WorkflowConfig &c) { return c.id == m_proposalConfigId; });
        if (config == m_configs.cend())
            return;   // removed meanwhile
        m_message->hide();
        auto *dialog = new SchemaReviewDialog(*config, proposal, sample, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            const std::optional<WriteBatch> batch = dialog->review()->confirmBatch();
            if (!batch || refuseWhenReadOnly())
                return;
            this->store().submit(*batch);   // the window re-reads every page once it is committed
            showMessage(tr("Schema confirmed for “%1”; later imports and fetches use it. Re-import or fetch files again to "
                           "re-extract runs stored before.").arg(batch->workflowSchemas.first().configName), true);
        });
        dialog->open();
        Q_EMIT schemaDialogOpened(dialog);
    });

}

// The metric picker, the dimension pickers, the query bar and the trend chart.
QWidget *WorkflowsPage::buildTrendPane(QWidget *parent)
{
    auto *trendPane = new QWidget(parent);
    m_metric = new QComboBox(trendPane);
    m_metric->setAccessibleName(tr("Metric"));
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_dimensionBox = new QWidget(trendPane);
    m_dimensionLayout = new QHBoxLayout(m_dimensionBox);
    m_dimensionLayout->setContentsMargins(0, 0, 0, 0);
    m_queryBar = new MetricQueryBar(trendPane);
    auto *metricRow = new QHBoxLayout;
    metricRow->addWidget(fieldLabel(tr("Metric"), trendPane));
    metricRow->addWidget(m_metric);
    metricRow->addSpacing(12);
    metricRow->addWidget(m_dimensionBox);
    metricRow->addSpacing(12);
    metricRow->addWidget(m_queryBar);
    metricRow->addStretch(1);
    m_trendState = new PageState(trendPane);
    m_trendState->setMessageWidth(320, 560);
    m_chart = new TimeSeriesChart(m_trendState);
    m_trendState->setContent(m_chart);
    auto *trendLayout = new QVBoxLayout(trendPane);
    trendLayout->setContentsMargins(0, 0, 0, 0);
    trendLayout->addLayout(metricRow);
    trendLayout->addWidget(m_trendState, 1);

    return trendPane;
}

QWidget *WorkflowsPage::buildVerdictsTab()
{
    auto *verdictsPane = new QWidget(m_tabs);
    m_verdicts = new WorkflowVerdictsModel(this);
    m_verdictsProxy = new QSortFilterProxyModel(this);
    m_verdictsProxy->setSourceModel(m_verdicts);
    m_verdictsProxy->setSortRole(WorkflowVerdictsModel::SortRole);
    m_verdictsProxy->setFilterRole(WorkflowVerdictsModel::ChangedRole);
    m_verdictsProxy->setFilterFixedString(QStringLiteral("true"));   // changes only, until asked for every series
    m_verdictsSummary = new QLabel(verdictsPane);
    m_verdictsSummary->setTextFormat(Qt::PlainText);
    m_verdictsSummary->setWordWrap(true);
    m_showAll = new QCheckBox(tr("Show unchanged and unjudged series"), verdictsPane);
    m_method = new QComboBox(verdictsPane);
    m_method->setAccessibleName(tr("Regression method"));
    m_method->addItem(tr("Median and MAD"), regressionMethodName(RegressionMethod::Mad));
    m_method->addItem(tr("Percent change"), regressionMethodName(RegressionMethod::Percent));
    m_method->addItem(tr("Z-score"), regressionMethodName(RegressionMethod::ZScore));
    m_method->addItem(tr("Mann-Whitney (last 5 runs)"), regressionMethodName(RegressionMethod::MannWhitney));
    m_method->setToolTip(tr("How the newest run is judged against the 30 runs before it; whatever the method, changes under 10 % "
                            "are not flagged.\nMedian and MAD: beyond 3 scaled MADs. Percent change: the 10 % alone. "
                            "Z-score: beyond 3 standard deviations from the mean.\nMann-Whitney: the newest 5 runs by a rank test, p < 0.01."));
    auto *verdictsRow = new QHBoxLayout;
    verdictsRow->addWidget(m_verdictsSummary, 1);
    verdictsRow->addWidget(fieldLabel(tr("Method"), verdictsPane));
    verdictsRow->addWidget(m_method);
    verdictsRow->addWidget(m_showAll);
    m_verdictsTable = new TableView(verdictsPane);
    m_verdictsTable->setModel(m_verdicts);
    m_verdictsTable->table()->setModel(m_verdictsProxy);
    m_verdictsTable->setExportName(QStringLiteral("workflow-regressions"));
    m_verdictsTable->table()->setAccessibleName(tr("Regression verdicts"));
    m_verdictsTable->table()->setSortingEnabled(true);
    m_verdictsTable->table()->sortByColumn(WorkflowVerdictsModel::Outcome, Qt::AscendingOrder);
    m_verdictsTable->table()->setSelectionMode(QAbstractItemView::SingleSelection);
    m_verdictsTable->table()->setToolTip(tr("Select a series to see its trend above."));
    auto *verdictsLayout = new QVBoxLayout(verdictsPane);
    verdictsLayout->setContentsMargins(0, 4, 0, 0);
    verdictsLayout->addLayout(verdictsRow);
    verdictsLayout->addWidget(m_verdictsTable, 1);

    return verdictsPane;
}

QWidget *WorkflowsPage::buildRunsTab()
{
    auto *runsPane = new QWidget(m_tabs);
    m_runs = new WorkflowRunsModel(this);
    m_runsProxy = new QSortFilterProxyModel(this);
    m_runsProxy->setSourceModel(m_runs);
    m_runsProxy->setSortRole(WorkflowRunsModel::SortRole);
    m_runsProxy->setFilterKeyColumn(-1);
    m_runsProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_runsFilter = new QLineEdit(runsPane);
    m_runsFilter->setPlaceholderText(tr("Filter runs by id, branch, commit, status or error…"));
    m_runsFilter->setClearButtonEnabled(true);
    m_runsFilter->setAccessibleName(tr("Filter workflow runs"));
    m_runsTable = new TableView(runsPane);
    m_runsTable->setModel(m_runs);             // row count and CSV export: every run, whatever the filter
    m_runsTable->table()->setModel(m_runsProxy);
    m_runsTable->setExportName(QStringLiteral("workflow-runs"));
    m_runsTable->table()->setAccessibleName(tr("Workflow runs"));
    m_runsTable->table()->setSortingEnabled(true);
    m_runsTable->table()->sortByColumn(WorkflowRunsModel::Started, Qt::DescendingOrder);
    m_runsTable->table()->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runsTable->table()->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_compare = new QPushButton(tr("Compare…"), runsPane);
    m_compare->setToolTip(tr("Select two runs (Ctrl+click) to see every metric of both side by side."));
    m_compare->setEnabled(false);
    m_retry = new QToolButton(runsPane);
    m_retry->setText(tr("Retry failed"));
    m_retry->setToolTip(tr("Collect failed runs from GitHub again"));
    m_retry->setPopupMode(QToolButton::InstantPopup);
    auto *retryMenu = new QMenu(m_retry);
    m_retrySelected = retryMenu->addAction(tr("Selected failed runs"), this, [this] { retryFailedRuns(true); });
    m_retryAll = retryMenu->addAction(tr("All failed runs"), this, [this] { retryFailedRuns(false); });
    m_retry->setMenu(retryMenu);
    m_exportMetrics = new QPushButton(tr("Export metrics…"), runsPane);
    m_exportMetrics->setToolTip(tr("Every metric value of the configuration as CSV, one row per value (as fleetscope export workflow-metrics)"));
    auto *runsRow = new QHBoxLayout;
    runsRow->addWidget(m_runsFilter, 1);
    runsRow->addWidget(m_compare);
    runsRow->addWidget(m_retry);
    runsRow->addWidget(m_exportMetrics);
    auto *runsLayout = new QVBoxLayout(runsPane);
    runsLayout->setContentsMargins(0, 4, 0, 0);
    runsLayout->addLayout(runsRow);
    runsLayout->addWidget(m_runsTable, 1);

    return runsPane;
}

QWidget *WorkflowsPage::buildSummaryTab()
{
    auto *summaryPane = new QWidget(m_tabs);
    m_summary = new WorkflowSummaryModel(this);
    m_summaryProxy = new QSortFilterProxyModel(this);
    m_summaryProxy->setSourceModel(m_summary);
    m_summaryProxy->setSortRole(WorkflowSummaryModel::SortRole);
    m_summaryNote = new QLabel(summaryPane);
    m_summaryNote->setTextFormat(Qt::PlainText);
    m_summaryNote->setWordWrap(true);
    m_summaryTable = new TableView(summaryPane);
    m_summaryTable->setModel(m_summary);
    m_summaryTable->table()->setModel(m_summaryProxy);
    m_summaryTable->setExportName(QStringLiteral("workflow-summary"));
    m_summaryTable->table()->setAccessibleName(tr("Series summary"));
    m_summaryTable->table()->setSortingEnabled(true);
    m_summaryTable->table()->sortByColumn(WorkflowSummaryModel::Metric, Qt::AscendingOrder);
    m_summaryTable->table()->setSelectionMode(QAbstractItemView::SingleSelection);
    m_summaryTable->table()->setToolTip(tr("Select a series to see its trend above."));
    auto *summaryLayout = new QVBoxLayout(summaryPane);
    summaryLayout->setContentsMargins(0, 4, 0, 0);
    summaryLayout->addWidget(m_summaryNote);
    summaryLayout->addWidget(m_summaryTable, 1);

    return summaryPane;
}

void WorkflowsPage::connectAnalysis()
{
    connect(m_config, &QComboBox::currentIndexChanged, this, &WorkflowsPage::loadConfig);
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        rebuildDimensionPickers();
        updateTrend();
    });
    connect(m_method, &QComboBox::currentIndexChanged, this, &WorkflowsPage::loadConfig);
    connect(m_queryBar, &MetricQueryBar::queryChanged, this, &WorkflowsPage::updateTrend);
    connect(m_queryBar->intervalPicker(), &QComboBox::currentIndexChanged, this, &WorkflowsPage::updateSummary);
    connect(m_queryBar->aggregationPicker(), &QComboBox::currentIndexChanged, this, &WorkflowsPage::updateSummary);
    connect(m_showAll, &QCheckBox::toggled, this, [this](bool all) {
        m_verdictsProxy->setFilterFixedString(all ? QString() : QStringLiteral("true"));
    });
    connect(m_verdictsTable->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &WorkflowsPage::showVerdictSeries);
    connect(m_summaryTable->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid()) {
            const SeriesSummary &s = m_summary->summary(m_summaryProxy->mapToSource(current).row());
            showSeries(s.metric, s.group);
        }
    });
    connect(m_runsTable->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this, &WorkflowsPage::updateRunActions);
    connectConfigActions();
    updateRunActions();
    connect(m_compare, &QPushButton::clicked, this, &WorkflowsPage::compareSelectedRuns);
    connect(m_runsFilter, &QLineEdit::textChanged, m_runsProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_analysisState, &PageState::retryRequested, this, &WorkflowsPage::loadConfig);
}

QComboBox *WorkflowsPage::dimensionPicker(const QString &dimension) const
{
    return m_dimensionPickers.value(dimension);
}

void WorkflowsPage::reload()
{
    struct Configs {
        QList<WorkflowConfig> configs;
        QString newest;   // the configuration with the newest run: what to open on
        QList<ConnectionRecord> connections;
    };
    pageState()->showLoading();
    readLatest<Configs>(m_request, [](Store &store) -> Result<Configs> {
        auto configs = store.workflowConfigs();
        if (!configs)
            return std::unexpected(configs.error());
        auto runs = store.workflowRuns(QString());
        if (!runs)
            return std::unexpected(runs.error());
        auto connections = store.connections();
        if (!connections)
            return std::unexpected(connections.error());
        Configs result{*std::move(configs), QString(), *std::move(connections)};
        QDateTime newest;
        for (const WorkflowRun &run : std::as_const(*runs)) {
            if (!newest.isValid() || run.metricTime() > newest) {
                newest = run.metricTime();
                result.newest = run.configName;
            }
        }
        return result;
    }, [this](Result<Configs> configs) {
        if (!configs) {
            pageState()->showError(configs.error());
            return;
        }
        m_configs = std::move(configs->configs);
        m_connections = std::move(configs->connections);
        if (m_configs.isEmpty()) {
            m_configRequest.begin();   // an answer on its way is for a configuration no longer stored
            m_config->clear();
            pageState()->showEmpty(tr("No workflow configurations yet.\n\n"
                                      "Add one here, or from the command line:\n"
                                      "fleetscope workflows configs add NAME --repo OWNER/REPO\n\n"
                                      "then fetch its runs, or import result files as a run:\n"
                                      "fleetscope workflows import NAME PATH…"),
                                   tr("Add a configuration…"));
            return;
        }
        // The user's configuration stays chosen across refreshes; one just added is chosen once it is here.
        QString previous = m_config->currentText().isEmpty() ? configs->newest : m_config->currentText();
        const bool added = std::any_of(m_configs.cbegin(), m_configs.cend(), [this](const WorkflowConfig &c) { return c.name == m_selectAfterReload; });
        if (added)
            previous = std::exchange(m_selectAfterReload, QString());
        {
            // One read below, not one per item the refill passes through.
            const QSignalBlocker blocker(m_config);
            m_config->clear();
            for (const WorkflowConfig &c : std::as_const(m_configs))
                m_config->addItem(c.name);
            m_config->setCurrentIndex(std::max(0, m_config->findText(previous)));
        }
        pageState()->showContent();
        loadConfig();
    });
}

void WorkflowsPage::setAiEndpoint(const std::optional<AiEndpoint> &endpoint)
{
    m_aiEndpoint = endpoint;
    m_proposeWithAi->setEnabled(endpoint.has_value());
    if (endpoint)
        m_proposeWithAi->setToolTip(tr("Asks %1 (%2)").arg(endpoint->baseUrl.host(), endpoint->model));
}

std::optional<WorkflowConfig> WorkflowsPage::currentConfig() const
{
    const qsizetype index = m_config->currentIndex();
    return index >= 0 && index < m_configs.size() ? std::optional<WorkflowConfig>(m_configs.at(index)) : std::nullopt;
}

void WorkflowsPage::proposeSchemaFrom(const QString &path, bool useAi)
{
    const std::optional<WorkflowConfig> config = currentConfig();
    if (!config) {
        showMessage(tr("Add a workflow configuration first."), false);
        return;
    }
    showMessage(useAi && m_aiEndpoint ? tr("Asking %1 for a schema…").arg(m_aiEndpoint->baseUrl.host()) : tr("Proposing a schema…"), true);
    m_proposalConfigId = config->id;
    m_proposalJob->start(path, config->maxFileBytes, useAi ? m_aiEndpoint : std::nullopt);
}

void WorkflowsPage::showMessage(const QString &text, bool ok)
{
    m_message->setText(text);
    m_message->setStyleSheet(ok ? QString() : QStringLiteral("color: #c62828;"));
    m_message->show();
}

QString WorkflowsPage::configText(const WorkflowConfig &config, qsizetype runs) const
{
    QStringList parts;
    if (!config.githubOwner.isEmpty())
        parts << tr("%1/%2").arg(config.githubOwner, config.githubRepo);
    if (!config.workflowFilter.isEmpty())
        parts << config.workflowFilter;
    if (!config.branchFilter.isEmpty())
        parts << tr("branch %1").arg(config.branchFilter);
    parts << (config.filePatterns.isEmpty() ? tr("every result file") : config.filePatterns.join(QStringLiteral(", ")));
    if (!config.enabled)
        parts << tr("disabled");
    if (config.costConnectionId)
        parts << tr("priced by its connection's instances");
    else if (!config.gpuType.isEmpty())
        parts << tr("priced as %1 × %2").arg(config.gpuCount).arg(config.gpuType);
    parts << tr("%n run(s) stored", nullptr, int(runs));
    return parts.join(QStringLiteral("  ·  "));
}

void WorkflowsPage::loadConfig()
{
    const qsizetype index = m_config->currentIndex();
    if (index < 0 || index >= m_configs.size())
        return;
    const WorkflowConfig config = m_configs.at(index);
    m_configSummary->setText(configText(config, 0));
    RegressionSettings settings;
    settings.method = parseRegressionMethod(m_method->currentData().toString()).value_or(RegressionMethod::Mad);
    m_analysisState->showLoading();
    readLatest<Analysis>(m_configRequest, [config, settings](Store &store) -> Result<Analysis> {
        Analysis analysis;
        analysis.config = config;
        auto runs = store.workflowRuns(config.name);
        if (!runs)
            return std::unexpected(runs.error());
        WorkflowMetricFilter filter;
        filter.config = config.name;
        auto rows = store.workflowMetricRows(filter);
        if (!rows)
            return std::unexpected(rows.error());
        analysis.runs = *std::move(runs);
        analysis.rows = *std::move(rows);
        // Judged over the whole history, whatever the time range: a baseline needs the runs before it.
        analysis.series = runSeries(analysis.rows);
        analysis.verdicts = detectRegressions(analysis.series, settings);
        analysis.flags = flagRuns(analysis.series, settings);
        // Prices are extra: a failed read (logged) leaves the verdicts and an empty per-dollar column.
        auto prices = readRunPrices(store, config, analysis.runs);
        if (prices)
            analysis.prices = *std::move(prices);
        else
            qCWarning(lcUi).noquote() << "workflow run prices not read:" << describe(prices.error());
        QList<QJsonObject> groups;
        for (const MetricSeries &s : std::as_const(analysis.series))
            groups << s.group;
        if (!groups.isEmpty())
            analysis.varying = varyingDimensions(groups);
        return analysis;
    }, [this](Result<Analysis> analysis) {
        if (!analysis) {
            m_analysisState->showError(analysis.error());
            return;
        }
        showAnalysis(*std::move(analysis));
    });
}

void WorkflowsPage::showAnalysis(Analysis analysis)
{
    m_analysis = std::move(analysis);
    const WorkflowConfig &config = m_analysis.config;
    m_configSummary->setText(configText(config, m_analysis.runs.size()));
    m_runs->setRuns(m_analysis.runs);
    updateRunActions();
    m_verdicts->setVerdicts(m_analysis.verdicts, m_analysis.prices);
    m_tabs->setTabText(0, tr("Regressions (%1)").arg(m_verdicts->count(Verdict::Regression)));
    m_tabs->setTabText(1, tr("Runs (%1)").arg(m_analysis.runs.size()));
    m_verdictsSummary->setText(tr("Newest runs of %n series: %1 regressed, %2 improved, %3 with too little history to judge.", nullptr,
                                  m_verdicts->rowCount())
                                   .arg(m_verdicts->count(Verdict::Regression))
                                   .arg(m_verdicts->count(Verdict::Improvement))
                                   .arg(m_verdicts->count(Verdict::TooLittleHistory)));
    if (m_analysis.runs.isEmpty()) {
        m_analysisState->showEmpty(tr("No runs stored for “%1” yet. Import benchmark result files as a run with "
                                      "“fleetscope workflows import %1 PATH…”.").arg(config.name));
        return;
    }

    // Keep the user's metric; otherwise open on the first regression, the reason to look at all.
    QString wanted = m_metric->currentData().toString();
    const QList<MetricChoice> choices = metricChoices(m_analysis.rows);
    const bool stillThere = std::any_of(choices.cbegin(), choices.cend(), [&wanted](const MetricChoice &c) { return c.metric == wanted; });
    if (!stillThere) {
        wanted = choices.isEmpty() ? QString() : choices.first().metric;
        for (const SeriesVerdict &v : std::as_const(m_analysis.verdicts)) {
            if (v.verdict == Verdict::Regression) {
                wanted = v.metric;
                break;
            }
        }
    }
    {
        const QSignalBlocker blocker(m_metric);
        m_metric->clear();
        for (const MetricChoice &c : choices)
            m_metric->addItem(metricLabel(c.metric, c.unit), c.metric);
        m_metric->setCurrentIndex(std::max(0, m_metric->findData(wanted)));
    }
    m_metric->setEnabled(!choices.isEmpty());
    m_analysisState->showContent();
    rebuildDimensionPickers();
    updateTrend();
    updateSummary();
}

void WorkflowsPage::rebuildDimensionPickers()
{
    QMap<QString, QString> previous;
    for (auto it = m_dimensionPickers.cbegin(); it != m_dimensionPickers.cend(); ++it)
        previous.insert(it.key(), it.value()->currentData().toString());
    for (QComboBox *picker : std::as_const(m_dimensionPickers))
        picker->deleteLater();
    m_dimensionPickers.clear();
    while (QLayoutItem *item = m_dimensionLayout->takeAt(0)) {
        if (item->widget())
            item->widget()->deleteLater();
        delete item;
    }

    const QMap<QString, QStringList> dimensions = dimensionChoices(m_analysis.rows, m_metric->currentData().toString());
    QStringList groupable;
    for (auto it = dimensions.cbegin(); it != dimensions.cend(); ++it) {
        if (it.value().size() < 2)
            continue;   // one value filters nothing
        groupable << it.key();
        auto *picker = new QComboBox(m_dimensionBox);
        picker->setAccessibleName(tr("Dimension %1").arg(it.key()));
        picker->setMaximumWidth(220);
        picker->addItem(tr("all"), QString());
        for (const QString &value : it.value())
            picker->addItem(value, value);
        picker->setCurrentIndex(std::max(0, picker->findData(previous.value(it.key()))));
        connect(picker, &QComboBox::currentIndexChanged, this, &WorkflowsPage::updateTrend);
        m_dimensionLayout->addWidget(fieldLabel(it.key(), m_dimensionBox));
        m_dimensionLayout->addWidget(picker);
        m_dimensionPickers.insert(it.key(), picker);
    }
    m_queryBar->setDimensions(groupable);
}

// A verdict chosen in the table: the chart shows that series, so a regression is one click from its history.
void WorkflowsPage::showVerdictSeries(const QModelIndex &current)
{
    if (!current.isValid())
        return;
    const SeriesVerdict &v = m_verdicts->verdict(m_verdictsProxy->mapToSource(current).row());
    showSeries(v.metric, v.group);
}

void WorkflowsPage::showSeries(const QString &metric, const QJsonObject &group)
{
    m_metric->setCurrentIndex(std::max(0, m_metric->findData(metric)));
    for (auto it = m_dimensionPickers.cbegin(); it != m_dimensionPickers.cend(); ++it) {
        const QString value = group.contains(it.key()) ? dimensionValueText(group.value(it.key())) : QString();
        it.value()->setCurrentIndex(std::max(0, it.value()->findData(value)));
    }
}

RunComparisonDialog *WorkflowsPage::compareSelectedRuns()
{
    const QModelIndexList selected = m_runsTable->table()->selectionModel()->selectedRows();
    if (selected.size() != 2)
        return nullptr;
    WorkflowRun a = m_runs->run(m_runsProxy->mapToSource(selected.at(0)).row());
    WorkflowRun b = m_runs->run(m_runsProxy->mapToSource(selected.at(1)).row());
    if (b.metricTime() < a.metricTime())
        std::swap(a, b);
    auto *dialog = new RunComparisonDialog(m_analysis.config.name, a, b, m_analysis.rows, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void WorkflowsPage::updateTrend()
{
    const QString metric = m_metric->currentData().toString();
    if (metric.isEmpty()) {
        m_trend = WorkflowTrend();
        m_grouped = GroupedTrend();
        m_trendState->showEmpty(tr("The runs of “%1” hold no metric values. The Runs tab says why each file was not read.")
                                    .arg(m_analysis.config.name));
        return;
    }
    QMap<QString, QString> dimensions;
    QStringList filterText;
    for (auto it = m_dimensionPickers.cbegin(); it != m_dimensionPickers.cend(); ++it) {
        const QString value = it.value()->currentData().toString();
        if (!value.isEmpty()) {
            dimensions.insert(it.key(), value);
            filterText << tr("%1=%2").arg(it.key(), value);
        }
    }
    const MetricInterval interval = m_queryBar->interval();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // A point stands for its whole interval, so the interval the range starts in is shown whole.
    const QDateTime from = intervalStart(timeRange().from(now), interval);
    const QDateTime to = timeRange().to(now);
    if (!m_queryBar->groupBy().isEmpty()) {
        m_trend = WorkflowTrend();
        showGroupedTrend(metric, dimensions, filterText, from, to);
        return;
    }
    m_grouped = GroupedTrend();
    // Regressions are judged per run: markers only where a point is one run.
    const bool perRun = interval == MetricInterval::Run;
    const QList<MetricSeries> series = m_queryBar->isDefault() ? m_analysis.series
                                                               : intervalSeries(m_analysis.rows, metric, interval, m_queryBar->aggregation());
    m_trend = workflowTrend(series, perRun ? m_analysis.flags : QList<RunFlag>(), metric, dimensions, from, to);
    if (m_trend.points.isEmpty()) {
        m_trendState->showEmpty(m_trend.newest.isValid()
            ? tr("No run of “%1” between %2 and %3; the newest is from %4. Choose a longer time range to see its trend.")
                  .arg(metric, SnapshotFormat::clockTime(from), SnapshotFormat::clockTime(to), SnapshotFormat::clockTime(m_trend.newest))
            : tr("No run of “%1” matches this dimension filter.").arg(metric));
        return;
    }

    QList<TimedValue> points;
    QList<TimeSeriesChart::Marker> markers;
    for (const TrendPoint &p : std::as_const(m_trend.points)) {
        points.append({p.time.toMSecsSinceEpoch(), p.avg});
        if (!p.flags.isEmpty())
            markers.append({p.time.toMSecsSinceEpoch(), p.avg, p.regressed() ? TimeSeriesChart::Marker::Kind::Bad : TimeSeriesChart::Marker::Kind::Good,
                            markerText(m_analysis, p.flags, p.runId)});
    }
    BucketSeries bands = pointSeries(points);
    for (qsizetype i = 0; i < bands.buckets.size(); ++i) {
        bands.buckets[i].min = m_trend.points.at(i).min;
        bands.buckets[i].max = m_trend.points.at(i).max;
    }
    const QString label = metricLabel(metric, m_trend.unit);
    const QString better = m_trend.direction == MetricDirection::LowerIsBetter ? tr("lower is better")
                         : m_trend.direction == MetricDirection::HigherIsBetter ? tr("higher is better") : tr("not judged");
    const QString per = m_queryBar->isDefault() ? MetricQueryBar::intervalText(interval)
                                                : tr("%1 %2").arg(MetricQueryBar::aggregationText(m_queryBar->aggregation()), MetricQueryBar::intervalText(interval));
    QString title;
    if (m_trend.series == 1) {
        m_chart->setValueName(label);   // one series: its value per point, read against zero
        title = filterText.isEmpty() ? tr("%1 %2 — %3").arg(label, per, better)
                                     : tr("%1 %2, %3 — %4").arg(label, per, filterText.join(QStringLiteral(", ")), better);
    } else {
        m_chart->setValueName(QString());   // several series: their average per point and their range
        title = filterText.isEmpty()
            ? tr("%1 %2, average and range of %n series — %3", nullptr, m_trend.series).arg(label, per, better)
            : tr("%1 %2, average and range of %n series with %3 — %4", nullptr, m_trend.series)
                  .arg(label, per, filterText.join(QStringLiteral(", ")), better);
    }
    if (!perRun)
        title = tr("%1 (regressions are marked per run)").arg(title);
    m_chart->setLines({});
    m_chart->setMarkers(markers);
    m_chart->setData(bands, from, to, title);
    m_trendState->showContent();
}

void WorkflowsPage::showGroupedTrend(const QString &metric, const QMap<QString, QString> &dimensions, const QStringList &filterText,
                                     const QDateTime &from, const QDateTime &to)
{
    const MetricInterval interval = m_queryBar->interval();
    const Aggregation aggregation = m_queryBar->aggregation();
    const QStringList groupBy = m_queryBar->groupBy();
    m_grouped = groupedTrend(m_analysis.rows, metric, dimensions, groupBy, interval, aggregation, from, to);
    if (m_grouped.lines.isEmpty()) {
        m_trendState->showEmpty(m_grouped.newest.isValid()
            ? tr("No run of “%1” between %2 and %3; the newest is from %4. Choose a longer time range to see its trend.")
                  .arg(metric, SnapshotFormat::clockTime(from), SnapshotFormat::clockTime(to), SnapshotFormat::clockTime(m_grouped.newest))
            : tr("No run of “%1” matches this dimension filter.").arg(metric));
        return;
    }
    QList<TimeSeriesChart::Line> lines;
    QMap<qint64, QList<double>> atTime;
    for (const MetricSeries &line : std::as_const(m_grouped.lines)) {
        TimeSeriesChart::Line drawn{groupText(line.group), {}};
        for (const SeriesPoint &p : line.points) {
            drawn.points << QPointF(qreal(p.time.toMSecsSinceEpoch()), p.value);
            atTime[p.time.toMSecsSinceEpoch()] << p.value;
        }
        lines << drawn;
    }
    // The groups' range at each time is not drawn: it sets the y axis and the readout's buckets.
    QList<TimedValue> points;
    QList<double> highs;
    for (auto it = atTime.cbegin(); it != atTime.cend(); ++it) {
        points.append({it.key(), *std::min_element(it->cbegin(), it->cend())});
        highs << *std::max_element(it->cbegin(), it->cend());
    }
    BucketSeries range = pointSeries(points);
    for (qsizetype i = 0; i < range.buckets.size(); ++i)
        range.buckets[i].max = highs.at(i);
    QList<TimeSeriesChart::Marker> markers;
    if (interval == MetricInterval::Run) {
        for (const LineFlags &placed : flagsOnLines(m_grouped, m_analysis.flags, dimensions))
            markers.append({placed.point.time.toMSecsSinceEpoch(), placed.point.value,
                            placed.regressed() ? TimeSeriesChart::Marker::Kind::Bad : TimeSeriesChart::Marker::Kind::Good,
                            markerText(m_analysis, placed.flags, placed.point.runId)});
    }
    const QString label = metricLabel(metric, m_grouped.unit);
    const QString better = m_grouped.direction == MetricDirection::LowerIsBetter ? tr("lower is better")
                         : m_grouped.direction == MetricDirection::HigherIsBetter ? tr("higher is better") : tr("not judged");
    const QString per = tr("%1 %2").arg(MetricQueryBar::aggregationText(aggregation), MetricQueryBar::intervalText(interval));
    QString title = filterText.isEmpty()
        ? tr("%1 %2 by %3 — %4").arg(label, per, groupBy.join(QStringLiteral(", ")), better)
        : tr("%1 %2 by %3, %4 — %5").arg(label, per, groupBy.join(QStringLiteral(", ")), filterText.join(QStringLiteral(", ")), better);
    if (interval != MetricInterval::Run)
        title = tr("%1 (regressions are marked per run)").arg(title);
    m_chart->setValueName(QString());
    m_chart->setLines(lines);
    m_chart->setMarkers(markers);
    m_chart->setData(range, from, to, title);
    m_trendState->showContent();
}

void WorkflowsPage::updateSummary()
{
    constexpr int kLookback = 30;   // points, as the regression baseline's runs
    const MetricInterval interval = m_queryBar->interval();
    const Aggregation aggregation = m_queryBar->aggregation();
    const bool judged = interval == MetricInterval::Run && aggregation == Aggregation::P50;
    m_summaryNote->setText(tr("Each series' latest point (%1 %2) against the point before it and against the median of up to %3 points before it.")
                               .arg(MetricQueryBar::aggregationText(aggregation), MetricQueryBar::intervalText(interval))
                               .arg(kLookback));
    // Every metric's rows regrouped: on a worker thread, so a large history never stalls the window.
    const quint64 ticket = m_summaryRequest.begin();
    m_summaryPending = true;
    auto *watcher = new QFutureWatcher<QList<SeriesSummary>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        if (!m_summaryRequest.isCurrent(ticket))
            return;
        m_summary->setSummaries(watcher->result(), kLookback);
        m_tabs->setTabText(m_tabs->indexOf(m_summaryTable->parentWidget()), tr("Summary (%1)").arg(m_summary->rowCount()));
        m_summaryPending = false;
    });
    watcher->setFuture(QtConcurrent::run([series = m_analysis.series, rows = m_analysis.rows, judged, interval, aggregation] {
        return summarizeSeries(judged ? series : intervalSeries(rows, QString(), interval, aggregation), kLookback);
    }));
}

} // namespace fleetscope
