// Workflows: one configuration's runs, a metric's trend per run with flagged regressions marked, and the regression
// verdicts; configurations added, edited and removed, failed runs retried and metrics exported (workflowspageconfigs.cpp).
#pragma once

#include "page.h"
#include "schemadialog.h"
#include "workflowfigures.h"
#include "workflowquerytrend.h"
#include "workflows/aischema.h"
#include "workflows/runcost.h"

class QAction;
class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QToolButton;

namespace fleetscope {

class GitHubFetchBar;
class MetricQueryBar;
class SchemaProposalJob;
class RunComparisonDialog;
class TableView;
class TimeSeriesChart;
class WorkflowConfigDialog;
class WorkflowRunsModel;
class WorkflowSummaryModel;
class WorkflowVerdictsModel;

class WorkflowsPage : public Page
{
    Q_OBJECT
public:
    explicit WorkflowsPage(StoreService &store, QWidget *parent = nullptr);

    void reload() override;

    // The OpenAI-compatible endpoint "Propose with AI…" asks; nullopt: that entry is disabled.
    void setAiEndpoint(const std::optional<AiEndpoint> &endpoint);
    // Proposes a schema for the chosen configuration from PATH (with the AI endpoint when USEAI) and
    // opens the review dialog once it is there; Confirm stores it. The dialog is returned through
    // schemaDialogOpened for tests.
    void proposeSchemaFrom(const QString &path, bool useAi);
    QToolButton *schemaButton() const { return m_schemaButton; }

    QComboBox *configPicker() const { return m_config; }
    QPushButton *addConfigButton() const { return m_addConfig; }
    QPushButton *editConfigButton() const { return m_editConfig; }
    QPushButton *removeConfigButton() const { return m_removeConfig; }
    // Open the configuration dialog (OK stores through the store's writer); nullptr when refused (read-only).
    WorkflowConfigDialog *addConfig();
    WorkflowConfigDialog *editConfig();
    // Removes the chosen configuration with its runs and metrics, after asking when CONFIRM.
    void removeConfig(bool confirm = true);
    // The last thing done here (a configuration saved, a retry started, an export written), or why not.
    QLabel *message() const { return m_message; }
    QComboBox *metricPicker() const { return m_metric; }
    // The "all"-or-one-value picker of a dimension of the chosen metric; nullptr when it has none.
    QComboBox *dimensionPicker(const QString &dimension) const;
    QLabel *configSummary() const { return m_configSummary; }
    GitHubFetchBar *fetchBar() const { return m_fetchBar; }
    PageState *analysisState() const { return m_analysisState; }
    PageState *trendState() const { return m_trendState; }
    TimeSeriesChart *chart() const { return m_chart; }
    QTabWidget *tabs() const { return m_tabs; }
    WorkflowRunsModel *runsModel() const { return m_runs; }
    QSortFilterProxyModel *runsProxy() const { return m_runsProxy; }
    TableView *runsView() const { return m_runsTable; }
    QLineEdit *runsFilter() const { return m_runsFilter; }
    // Enabled while two runs are selected in the runs table.
    QPushButton *compareButton() const { return m_compare; }
    // Opens the comparison of the two selected runs, the older as A; nullptr unless two are selected.
    RunComparisonDialog *compareSelectedRuns();
    // "Retry failed": collects the failed runs among the selected ones, or every failed run of the
    // configuration, from GitHub again (the fetch bar shows progress); false when none or refused.
    QToolButton *retryButton() const { return m_retry; }
    bool retryFailedRuns(bool selectedOnly, const QString &tokenEnv = QString());
    // "Export metrics…": the chosen configuration's rows of the workflow-metrics export, as CSV at PATH,
    // written on a reader thread; metricsExported follows.
    QPushButton *exportMetricsButton() const { return m_exportMetrics; }
    void exportMetrics(const QString &path);
    WorkflowVerdictsModel *verdictsModel() const { return m_verdicts; }
    TableView *verdictsView() const { return m_verdictsTable; }
    QCheckBox *showAllVerdicts() const { return m_showAll; }
    // The regression method the verdicts and chart flags use (item data: its name, as `--method` takes it).
    QComboBox *methodPicker() const { return m_method; }
    QLabel *verdictsSummary() const { return m_verdictsSummary; }
    const WorkflowTrend &trend() const { return m_trend; }
    // Interval, aggregation and group-by of the trend (and the Summary tab's interval and aggregation).
    MetricQueryBar *queryBar() const { return m_queryBar; }
    // What the chart draws while dimensions are grouped: one line per group; empty otherwise.
    const GroupedTrend &grouped() const { return m_grouped; }
    WorkflowSummaryModel *summaryModel() const { return m_summary; }
    // Whether the Summary is being recomputed (on a worker thread) for the latest analysis or query.
    bool summaryPending() const { return m_summaryPending; }
    TableView *summaryView() const { return m_summaryTable; }

    // What one configuration's stored runs amount to; computed on a reader thread.
    struct Analysis {
        WorkflowConfig config;
        QList<WorkflowRun> runs;
        QList<WorkflowMetricRow> rows;
        QList<MetricSeries> series;
        QList<SeriesVerdict> verdicts;
        QList<RunFlag> flags;
        QHash<qint64, RunPrice> prices;   // $/hr of the runs, where the configuration is priced
        QStringList varying;   // the dimensions that tell the series apart
    };

Q_SIGNALS:
    void schemaDialogOpened(fleetscope::SchemaReviewDialog *dialog);
    // An export of metrics ended: OK and the rows written, or false and the error in MESSAGE.
    void metricsExported(bool ok, const QString &message);

private:
    // The constructor's parts.
    QHBoxLayout *buildConfigRow(QWidget *content);
    void setUpSchemaProposals();
    QWidget *buildTrendPane(QWidget *parent);
    QWidget *buildVerdictsTab();
    QWidget *buildRunsTab();
    QWidget *buildSummaryTab();
    void connectAnalysis();

    void loadConfig();
    void showAnalysis(Analysis analysis);
    void rebuildDimensionPickers();
    void updateTrend();
    void showGroupedTrend(const QString &metric, const QMap<QString, QString> &dimensions, const QStringList &filterText,
                          const QDateTime &from, const QDateTime &to);
    void updateSummary();
    void showVerdictSeries(const QModelIndex &current);
    // The trend of METRIC with the dimension pickers set to GROUP's values ("all" where it has none).
    void showSeries(const QString &metric, const QJsonObject &group);
    QString configText(const WorkflowConfig &config, qsizetype runs) const;
    std::optional<WorkflowConfig> currentConfig() const;
    void showMessage(const QString &text, bool ok);
    // In workflowspageconfigs.cpp: the configuration and run actions' connections, and the actions.
    void connectConfigActions();
    QList<WorkflowRun> failedRuns(bool selectedOnly) const;
    void updateRunActions();

    QComboBox *m_config = nullptr;
    QPushButton *m_addConfig = nullptr;
    QPushButton *m_editConfig = nullptr;
    QPushButton *m_removeConfig = nullptr;
    QToolButton *m_retry = nullptr;
    QAction *m_retrySelected = nullptr;
    QAction *m_retryAll = nullptr;
    QPushButton *m_exportMetrics = nullptr;
    QLabel *m_configSummary = nullptr;
    GitHubFetchBar *m_fetchBar = nullptr;
    PageState *m_analysisState = nullptr;
    QComboBox *m_metric = nullptr;
    QWidget *m_dimensionBox = nullptr;
    QHBoxLayout *m_dimensionLayout = nullptr;
    QMap<QString, QComboBox *> m_dimensionPickers;
    MetricQueryBar *m_queryBar = nullptr;
    PageState *m_trendState = nullptr;
    TimeSeriesChart *m_chart = nullptr;
    QTabWidget *m_tabs = nullptr;
    WorkflowRunsModel *m_runs = nullptr;
    QSortFilterProxyModel *m_runsProxy = nullptr;
    TableView *m_runsTable = nullptr;
    QLineEdit *m_runsFilter = nullptr;
    QPushButton *m_compare = nullptr;
    WorkflowVerdictsModel *m_verdicts = nullptr;
    QSortFilterProxyModel *m_verdictsProxy = nullptr;
    TableView *m_verdictsTable = nullptr;
    QCheckBox *m_showAll = nullptr;
    QComboBox *m_method = nullptr;
    QLabel *m_verdictsSummary = nullptr;
    WorkflowSummaryModel *m_summary = nullptr;
    QSortFilterProxyModel *m_summaryProxy = nullptr;
    TableView *m_summaryTable = nullptr;
    QLabel *m_summaryNote = nullptr;

    QToolButton *m_schemaButton = nullptr;
    QLabel *m_message = nullptr;
    SchemaProposalJob *m_proposalJob = nullptr;
    qint64 m_proposalConfigId = 0;   // the configuration the running proposal is for
    std::optional<AiEndpoint> m_aiEndpoint;
    QAction *m_proposeWithAi = nullptr;

    QList<WorkflowConfig> m_configs;
    QList<ConnectionRecord> m_connections;   // what the configuration dialog's cost picker offers
    QString m_selectAfterReload;             // a configuration just added: chosen once it is read back
    Analysis m_analysis;
    WorkflowTrend m_trend;
    GroupedTrend m_grouped;
    LatestRequest m_request;
    LatestRequest m_configRequest;
    LatestRequest m_exportRequest;
    LatestRequest m_summaryRequest;
    LatestRequest m_addRequest;
    bool m_summaryPending = false;
};

} // namespace fleetscope
