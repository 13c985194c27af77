// Alerts as stored (filter, acknowledge, export, open the resource's page) and the rules that raise them (add, edit, remove).
#pragma once

#include "page.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace fleetscope {

class AlertRuleDialog;
class AlertRulesModel;
class AlertsFilter;
class AlertsModel;
class TableView;

class AlertsPage : public Page
{
    Q_OBJECT
public:
    explicit AlertsPage(StoreService &store, QWidget *parent = nullptr);

    void reload() override;

    AlertsModel *alertsModel() const { return m_alerts; }
    AlertsFilter *alertsFilter() const { return m_filter; }
    TableView *alertsTable() const { return m_alertsTable; }
    AlertRulesModel *rulesModel() const { return m_rules; }
    TableView *rulesTable() const { return m_rulesTable; }
    QTabWidget *tabs() const { return m_tabs; }
    PageState *alertsState() const { return m_alertsState; }
    PageState *rulesState() const { return m_rulesState; }
    QComboBox *showCombo() const { return m_show; }
    QComboBox *severityCombo() const { return m_severity; }
    QLineEdit *filterEdit() const { return m_text; }
    QPushButton *acknowledgeButton() const { return m_acknowledge; }
    QPushButton *button(const QString &objectName) const;
    QLabel *messageLabel() const { return m_message; }

public Q_SLOTS:
    // Selected alerts that are open and not yet acknowledged.
    void acknowledgeSelected();
    // The dialogs open window-modal and write when accepted; returned for tests.
    AlertRuleDialog *addRule();
    AlertRuleDialog *editSelectedRule();
    // CONFIRM false skips the question (tests).
    void removeSelectedRule(bool confirm = true);

Q_SIGNALS:
    // Open, unacknowledged alerts after each read: the sidebar's badge.
    void unacknowledgedCountChanged(int count);
    void resourceRequested(const fleetscope::AlertFinding &finding);

private:
    QList<qint64> selectedAlertIds(bool unacknowledgedOnly) const;
    std::optional<AlertRule> selectedRule() const;
    void updateActions();
    void submit(WriteBatch batch, const QString &done);
    void showMessage(const QString &text, bool ok);

    AlertsModel *m_alerts = nullptr;
    AlertsFilter *m_filter = nullptr;
    AlertRulesModel *m_rules = nullptr;
    QList<ConnectionRecord> m_connections;
    QTabWidget *m_tabs = nullptr;
    PageState *m_alertsState = nullptr;
    PageState *m_rulesState = nullptr;
    TableView *m_alertsTable = nullptr;
    TableView *m_rulesTable = nullptr;
    QComboBox *m_show = nullptr;
    QComboBox *m_severity = nullptr;
    QLineEdit *m_text = nullptr;
    QPushButton *m_acknowledge = nullptr;
    QList<QPushButton *> m_ruleButtons;
    QLabel *m_message = nullptr;
    LatestRequest m_request;
};

} // namespace fleetscope
