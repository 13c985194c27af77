// The configured provider accounts, how their syncs go, and what a user does with them: add (the
// setup wizard), edit, test, sync now, enable/disable and remove.
#pragma once

#include "page.h"

class QLabel;
class QPushButton;

namespace fleetscope {

class ConnectionController;
class ConnectionsModel;
class GuardrailDialog;
class TableView;

class ProvidersPage : public Page
{
    Q_OBJECT
public:
    ProvidersPage(StoreService &store, QWidget *parent = nullptr);

    // Without a controller (no engine, as in some tests) the page only lists.
    void setController(ConnectionController *controller);
    void reload() override;

    ConnectionsModel *model() const { return m_model; }
    TableView *tableView() const { return m_table; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *button(const QString &objectName) const;
    // Selects CONNECTION_ID's row (the Overview sends the user here for one); false when it is not listed.
    bool selectConnection(qint64 connectionId);

public Q_SLOTS:
    void addConnection();
    void editSelected();
    void testSelected();
    void syncSelected();
    void toggleSelected();
    // CONFIRM false skips the question (tests); DELETE_DATA then says what to do with history.
    void removeSelected(bool confirm = true, bool deleteData = false);
    // The selected connection's guardrail policy (window-modal; returned for tests).
    GuardrailDialog *editGuardrails();

private:
    std::optional<ConnectionRecord> selected() const;
    void updateActions();
    void showMessage(const QString &text, bool ok);

    ConnectionController *m_controller = nullptr;
    ConnectionsModel *m_model = nullptr;
    TableView *m_table = nullptr;
    QLabel *m_message = nullptr;
    QList<QPushButton *> m_buttons;
    QPushButton *m_toggle = nullptr;
    QList<GuardrailPolicy> m_policies;
    LatestRequest m_request;
};

} // namespace fleetscope
