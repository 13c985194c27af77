// The Cost page's Budgets panel: one row per budget (estimated and billed spend side by side, the
// difference, a bar of the month's spend against the cap, the forecast), Add/Edit/Remove through
// BudgetDialog, and an empty state that offers the first budget.
#pragma once

#include "budgets/budgetspend.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace fleetscope {

class BudgetDialog;
class BudgetsModel;
class PageState;
class StoreService;
class TableView;

class BudgetsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit BudgetsPanel(StoreService &store, QWidget *parent = nullptr);

    void setStatuses(const QList<BudgetStatus> &statuses, const QList<ConnectionRecord> &connections);

    BudgetsModel *model() const { return m_model; }
    PageState *state() const { return m_state; }
    TableView *tableView() const { return m_table; }
    QLabel *messageLabel() const { return m_message; }

    BudgetDialog *addBudget();
    BudgetDialog *editSelectedBudget();
    void removeSelectedBudget(bool confirm = true);

private:
    std::optional<Budget> selectedBudget() const;
    void updateActions();
    void submit(WriteBatch batch, const QString &done);
    void showMessage(const QString &text, bool ok);

    StoreService &m_store;
    BudgetsModel *m_model = nullptr;
    PageState *m_state = nullptr;
    TableView *m_table = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_message = nullptr;
    QList<ConnectionRecord> m_connections;
};

} // namespace fleetscope
