// Adds or edits one budget: name, scope (everything, a provider, a connection) and the caps, checked
// inline by validateBudget; OK waits for a valid budget.
#pragma once

#include "domain.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace fleetscope {

class BudgetDialog : public QDialog
{
    Q_OBJECT
public:
    // BUDGET with an id edits it (its name stays: budgets are stored by name); without, adds one.
    // TAKEN_NAMES: the names other budgets have.
    BudgetDialog(const Budget &budget, const QList<ConnectionRecord> &connections, const QStringList &takenNames, QWidget *parent = nullptr);

    const Budget &budget() const { return m_budget; }   // valid once canAccept()
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *scopeCombo() const { return m_scope; }
    QLineEdit *monthlyEdit() const { return m_monthly; }
    QLineEdit *dailyEdit() const { return m_daily; }
    QLineEdit *burnRateEdit() const { return m_burnRate; }
    QLabel *problemLabel() const { return m_problem; }
    bool canAccept() const;

private:
    void validate();

    bool m_editing = false;
    QStringList m_takenNames;
    Budget m_budget;
    QLineEdit *m_name = nullptr;
    QComboBox *m_scope = nullptr;   // data: "all", "provider:KIND", "connection:ID"
    QLineEdit *m_monthly = nullptr;
    QLineEdit *m_daily = nullptr;
    QLineEdit *m_burnRate = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fleetscope
