// Adds or edits one workflow configuration: name, description, GitHub repository and filters, file
// patterns, size limit, enabled, AutoscalingRunnerSet binding and cost link, checked inline by the same
// checks as `fleetscope workflows configs add|set` (workflows/configcheck.h).
#pragma once

#include "domain.h"
#include "workflows/workflowtypes.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace fleetscope {

class WorkflowConfigDialog : public QDialog
{
    Q_OBJECT
public:
    // How runs of the configuration are priced (cost per result).
    enum class Cost { NotPriced, Connection, GpuType };

    // CONFIG with an id edits it (its name stays: configurations are stored by name); without, adds one.
    // CONNECTIONS: what the cost picker offers (the Kubernetes ones also the runner cluster picker). TAKEN_NAMES: the names other configurations have.
    WorkflowConfigDialog(const WorkflowConfig &config, const QList<ConnectionRecord> &connections, const QStringList &takenNames,
                         QWidget *parent = nullptr);

    // The checked configuration; valid while canAccept().
    const WorkflowConfig &config() const { return m_config; }
    bool canAccept() const;
    // The problem in one line naming its field; empty when there is none.
    QString problem() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *descriptionEdit() const { return m_description; }
    QLineEdit *repoEdit() const { return m_repo; }
    QLineEdit *workflowEdit() const { return m_workflow; }
    QLineEdit *branchEdit() const { return m_branch; }
    QPlainTextEdit *patternsEdit() const { return m_patterns; }
    QDoubleSpinBox *maxFileMb() const { return m_maxFileMb; }
    QCheckBox *enabledBox() const { return m_enabled; }
    QLineEdit *runnerSetNamespaceEdit() const { return m_runnerNamespace; }
    QLineEdit *runnerSetNameEdit() const { return m_runnerName; }
    // "No runner cluster", then the Kubernetes connections (item data: the connection id, 0 for none).
    QComboBox *runnerClusterCombo() const { return m_runnerCluster; }
    QComboBox *costCombo() const { return m_cost; }
    QComboBox *costConnectionCombo() const { return m_costConnection; }
    QComboBox *gpuTypeCombo() const { return m_gpuType; }
    QSpinBox *gpuCountSpin() const { return m_gpuCount; }
    QLabel *problemLabel() const { return m_problem; }

private:
    void validate();
    // Completes CANDIDATE from the repository and cost fields; the first problem, or empty.
    QString check(WorkflowConfig &candidate) const;
    void showCostFields();

    bool m_editing = false;
    QStringList m_takenNames;
    WorkflowConfig m_config;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QLineEdit *m_repo = nullptr;
    QLineEdit *m_workflow = nullptr;
    QLineEdit *m_branch = nullptr;
    QPlainTextEdit *m_patterns = nullptr;
    QDoubleSpinBox *m_maxFileMb = nullptr;
    double m_maxFileMbShown = 0;   // the stored size as the spin box rounded it
    qint64 m_storedMaxFileBytes = 0;
    QCheckBox *m_enabled = nullptr;
    QLineEdit *m_runnerNamespace = nullptr;
    QLineEdit *m_runnerName = nullptr;
    QComboBox *m_runnerCluster = nullptr;
    QComboBox *m_cost = nullptr;
    QComboBox *m_costConnection = nullptr;
    QComboBox *m_gpuType = nullptr;
    QSpinBox *m_gpuCount = nullptr;
    QWidget *m_connectionRow = nullptr;
    QWidget *m_gpuRow = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fleetscope
