// Adds or edits one alert rule: kind with its description, connection, severity, the kind's
// parameters (from its defaults) and enabled, checked inline by validateAlertRule.
#pragma once

#include "domain.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace fleetscope {

class AlertRuleDialog : public QDialog
{
    Q_OBJECT
public:
    // RULE with an id edits it (its name stays: rules are stored by name); without, adds one.
    // TAKEN_NAMES: the names other rules have.
    AlertRuleDialog(const AlertRule &rule, const QList<ConnectionRecord> &connections, const QStringList &takenNames,
                    QWidget *parent = nullptr);

    // The validated rule, defaults filled in; valid once the OK button is enabled.
    const AlertRule &rule() const { return m_rule; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *kindCombo() const { return m_kind; }
    QComboBox *connectionCombo() const { return m_connection; }
    QComboBox *severityCombo() const { return m_severity; }
    QLineEdit *paramEdit(const QString &name) const;
    QLabel *problemLabel() const { return m_problem; }
    bool canAccept() const;

private:
    void showKind(const QJsonObject &values);
    void validate();

    bool m_editing = false;
    QStringList m_takenNames;
    AlertRule m_rule;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLabel *m_description = nullptr;
    QComboBox *m_connection = nullptr;
    QComboBox *m_severity = nullptr;
    QFormLayout *m_params = nullptr;
    QList<QPair<QString, QLineEdit *>> m_paramEdits;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fleetscope
