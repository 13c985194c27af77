// WorkflowConfigDialog: every edit re-checks the configuration, and OK waits for one that passes.
#include "workflowconfigdialog.h"

#include "gpunames.h"
#include "workflows/arcbinding.h"
#include "workflows/configcheck.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace fleetscope {
namespace {

constexpr double kBytesPerMb = 1024.0 * 1024.0;

QLineEdit *lineEdit(const QString &text, const QString &placeholder, const QString &accessible, QWidget *parent)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(accessible);
    return edit;
}

} // namespace

WorkflowConfigDialog::WorkflowConfigDialog(const WorkflowConfig &config, const QList<ConnectionRecord> &connections,
                                           const QStringList &takenNames, QWidget *parent)
    : QDialog(parent)
    , m_editing(config.id != 0)
    , m_takenNames(takenNames)
    , m_config(config)
{
    setWindowTitle(m_editing ? tr("Edit workflow configuration") : tr("Add workflow configuration"));
    setMinimumWidth(640);

    m_name = lineEdit(config.name, tr("e.g. llm-serving"), tr("Name"), this);
    m_name->setReadOnly(m_editing);
    if (m_editing)
        m_name->setToolTip(tr("Configurations are stored by name; add a new one to use another name."));
    m_description = lineEdit(config.description, tr("optional"), tr("Description"), this);
    const QString repo = config.githubOwner.isEmpty() ? QString() : config.githubOwner + QLatin1Char('/') + config.githubRepo;
    m_repo = lineEdit(repo, tr("owner/repo or https://github.com/owner/repo"), tr("GitHub repository"), this);
    m_workflow = lineEdit(config.workflowFilter, tr("every workflow; e.g. benchmark.yml"), tr("Workflow file"), this);
    m_branch = lineEdit(config.branchFilter, tr("every branch; e.g. main"), tr("Branch"), this);
    m_patterns = new QPlainTextEdit(config.filePatterns.join(QLatin1Char('\n')), this);
    m_patterns->setPlaceholderText(tr("One glob per line, e.g. bench/**/*.json\nNone: every .json, .csv, .md and .xml file"));
    m_patterns->setAccessibleName(tr("File patterns"));
    m_patterns->setTabChangesFocus(true);
    m_patterns->setFixedHeight(QFontMetrics(m_patterns->font()).lineSpacing() * 4 + 12);
    m_maxFileMb = new QDoubleSpinBox(this);
    m_maxFileMb->setDecimals(1);
    m_maxFileMb->setRange(0.1, kMaxFileMbLimit);
    m_maxFileMb->setSuffix(tr(" MB"));
    m_maxFileMb->setValue(double(config.maxFileBytes) / kBytesPerMb);
    m_maxFileMbShown = m_maxFileMb->value();
    m_storedMaxFileBytes = config.maxFileBytes;
    m_maxFileMb->setAccessibleName(tr("Max file size"));
    m_maxFileMb->setToolTip(tr("Larger result files are skipped with a reason, not read."));
    m_enabled = new QCheckBox(tr("Collect runs for this configuration"), this);
    m_enabled->setChecked(config.enabled);

    m_runnerNamespace = lineEdit(config.runnerSetNamespace, tr("namespace"), tr("AutoscalingRunnerSet namespace"), this);
    m_runnerName = lineEdit(config.runnerSetName, tr("name"), tr("AutoscalingRunnerSet name"), this);
    m_runnerCluster = new QComboBox(this);
    m_runnerCluster->setAccessibleName(tr("Runner cluster"));
    m_runnerCluster->setToolTip(tr("The Kubernetes connection whose EphemeralRunners tell which runs the runner set ran"));
    m_runnerCluster->addItem(tr("No runner cluster"), qint64(0));
    for (const ConnectionRecord &c : connections) {
        if (isKubernetesKind(c.kind))
            m_runnerCluster->addItem(tr("%1 (%2)").arg(c.name, c.kind), c.id);
    }
    if (config.clusterConnectionId)
        m_runnerCluster->setCurrentIndex(std::max(0, m_runnerCluster->findData(*config.clusterConnectionId)));
    auto *runnerRow = new QHBoxLayout;
    runnerRow->addWidget(m_runnerNamespace, 3);
    runnerRow->addWidget(new QLabel(QStringLiteral("/"), this));
    runnerRow->addWidget(m_runnerName, 3);
    runnerRow->addWidget(new QLabel(tr("on"), this));
    runnerRow->addWidget(m_runnerCluster, 2);

    m_cost = new QComboBox(this);
    m_cost->setAccessibleName(tr("Cost per result"));
    m_cost->addItem(tr("Not priced"), int(Cost::NotPriced));
    m_cost->addItem(tr("By a connection's running instances"), int(Cost::Connection));
    m_cost->addItem(tr("By a GPU type's cheapest offer"), int(Cost::GpuType));
    m_costConnection = new QComboBox(this);
    m_costConnection->setAccessibleName(tr("Cost connection"));
    for (const ConnectionRecord &c : connections)
        m_costConnection->addItem(tr("%1 (%2)").arg(c.name, c.kind), c.id);
    m_gpuType = new QComboBox(this);
    m_gpuType->setEditable(true);
    m_gpuType->setInsertPolicy(QComboBox::NoInsert);
    m_gpuType->setAccessibleName(tr("GPU type"));
    m_gpuType->addItems(canonicalGpuNames());
    m_gpuType->setCurrentText(config.gpuType);
    m_gpuCount = new QSpinBox(this);
    m_gpuCount->setRange(1, int(kMaxCostGpuCount));
    m_gpuCount->setValue(int(std::clamp<qint64>(config.gpuCount, 1, kMaxCostGpuCount)));
    m_gpuCount->setPrefix(tr("× "));
    m_gpuCount->setAccessibleName(tr("GPU count"));
    auto *gpuRow = new QHBoxLayout;
    gpuRow->addWidget(m_gpuType, 1);
    gpuRow->addWidget(m_gpuCount);
    if (config.costConnectionId) {
        m_cost->setCurrentIndex(m_cost->findData(int(Cost::Connection)));
        m_costConnection->setCurrentIndex(std::max(0, m_costConnection->findData(*config.costConnectionId)));
    } else if (!config.gpuType.isEmpty()) {
        m_cost->setCurrentIndex(m_cost->findData(int(Cost::GpuType)));
    }

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->setAccessibleName(tr("Problem with the configuration"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_editing ? tr("Save") : tr("Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("GitHub &repository:"), m_repo);
    form->addRow(tr("&Workflow file:"), m_workflow);
    form->addRow(tr("&Branch:"), m_branch);
    form->addRow(tr("File &patterns:"), m_patterns);
    form->addRow(tr("&Max file size:"), m_maxFileMb);
    form->addRow(QString(), m_enabled);
    form->addRow(tr("AutoscalingRunnerSet:"), runnerRow);
    form->addRow(tr("&Cost per result:"), m_cost);
    form->addRow(tr("Connection:"), m_costConnection);
    form->addRow(tr("GPU type:"), gpuRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);

    for (QLineEdit *edit : {m_name, m_description, m_repo, m_workflow, m_branch, m_runnerNamespace, m_runnerName})
        connect(edit, &QLineEdit::textChanged, this, &WorkflowConfigDialog::validate);
    connect(m_patterns, &QPlainTextEdit::textChanged, this, &WorkflowConfigDialog::validate);
    connect(m_maxFileMb, &QDoubleSpinBox::valueChanged, this, &WorkflowConfigDialog::validate);
    connect(m_enabled, &QCheckBox::toggled, this, &WorkflowConfigDialog::validate);
    connect(m_cost, &QComboBox::currentIndexChanged, this, [this] {
        showCostFields();
        validate();
    });
    connect(m_costConnection, &QComboBox::currentIndexChanged, this, &WorkflowConfigDialog::validate);
    connect(m_runnerCluster, &QComboBox::currentIndexChanged, this, &WorkflowConfigDialog::validate);
    connect(m_gpuType, &QComboBox::currentTextChanged, this, &WorkflowConfigDialog::validate);
    connect(m_gpuCount, &QSpinBox::valueChanged, this, &WorkflowConfigDialog::validate);
    showCostFields();
    validate();
}

bool WorkflowConfigDialog::canAccept() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

QString WorkflowConfigDialog::problem() const
{
    return m_problem->text();
}

void WorkflowConfigDialog::showCostFields()
{
    const auto cost = Cost(m_cost->currentData().toInt());
    m_costConnection->setEnabled(cost == Cost::Connection);
    m_gpuType->setEnabled(cost == Cost::GpuType);
    m_gpuCount->setEnabled(cost == Cost::GpuType);
}

QString WorkflowConfigDialog::check(WorkflowConfig &candidate) const
{
    // In the order of the form, so the message is about the first field that needs work.
    if (!m_editing && m_takenNames.contains(candidate.name))
        return tr("Name: a configuration named “%1” exists already; edit that one or choose another name.").arg(candidate.name);
    if (!candidate.name.isEmpty()) {
        const Result<GitHubRepoName> repo = parseGitHubRepo(m_repo->text(), tr("GitHub repository"));
        if (!repo)
            return repo.error().message;
        candidate.githubOwner = repo->owner;
        candidate.githubRepo = repo->repo;
    }
    switch (Cost(m_cost->currentData().toInt())) {
    case Cost::NotPriced:
        break;
    case Cost::Connection:
        if (m_costConnection->count() == 0)
            return tr("Cost connection: no connection is stored; add a provider first, or price by a GPU type.");
        candidate.costConnectionId = m_costConnection->currentData().toLongLong();
        break;
    case Cost::GpuType: {
        const Result<QString> gpuType = parseCostGpuType(m_gpuType->currentText(), tr("GPU type"));
        if (!gpuType)
            return gpuType.error().message;
        candidate.gpuType = *gpuType;
        candidate.gpuCount = m_gpuCount->value();
        break;
    }
    }
    if (const Result<void> checked = checkWorkflowConfig(candidate); !checked) {
        QString message = checked.error().message;
        message[0] = message.at(0).toUpper();   // "name is empty; …" opens the line
        return message;
    }
    if (!candidate.runnerSetNamespace.isEmpty() && !candidate.clusterConnectionId)
        return m_runnerCluster->count() > 1 ? tr("Runner cluster: choose the Kubernetes connection the runner set runs in.")
                                            : tr("Runner cluster: no Kubernetes connection is stored; add one to bind a runner set.");
    return {};
}

void WorkflowConfigDialog::validate()
{
    WorkflowConfig candidate = m_config;
    candidate.name = m_name->text().trimmed();
    candidate.description = m_description->text().trimmed();
    candidate.workflowFilter = m_workflow->text().trimmed();
    candidate.branchFilter = m_branch->text().trimmed();
    candidate.filePatterns.clear();
    for (const QString &line : m_patterns->toPlainText().split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            candidate.filePatterns << line.trimmed();
    }
    // The spin box shows tenths of a MB: an untouched size keeps its exact bytes.
    candidate.maxFileBytes = m_maxFileMb->value() == m_maxFileMbShown ? m_storedMaxFileBytes : qint64(m_maxFileMb->value() * kBytesPerMb);
    candidate.enabled = m_enabled->isChecked();
    candidate.runnerSetNamespace = m_runnerNamespace->text().trimmed();
    candidate.runnerSetName = m_runnerName->text().trimmed();
    candidate.clusterConnectionId.reset();
    if (const qint64 cluster = m_runnerCluster->currentData().toLongLong(); cluster > 0)
        candidate.clusterConnectionId = cluster;
    candidate.costConnectionId.reset();
    candidate.gpuType.clear();
    candidate.gpuCount = 1;

    const QString problem = check(candidate);
    if (problem.isEmpty())
        m_config = candidate;
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace fleetscope
