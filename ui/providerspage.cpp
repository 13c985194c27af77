// ProvidersPage: the connections table with its actions; the work goes through the controller.
#include "providerspage.h"

#include "connectioncontroller.h"
#include "connectionsmodel.h"
#include "guardrails/guardrailplan.h"
#include "editconnectiondialog.h"
#include "guardraildialog.h"
#include "setupwizard.h"
#include "tableview.h"
#include "testhint.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

struct ProvidersData {
    QList<ConnectionRecord> connections;
    QList<GuardrailPolicy> policies;
};

} // namespace

ProvidersPage::ProvidersPage(StoreService &store, QWidget *parent)
    : Page(tr("Providers"), store, parent)
{
    m_model = new ConnectionsModel(this);
    m_table = new TableView(this);
    m_table->setModel(m_model);
    m_table->setExportName(QStringLiteral("connections"));
    m_table->table()->setAccessibleName(tr("Provider connections"));
    m_table->table()->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->table()->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_table->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ProvidersPage::updateActions);
    connect(m_table->table(), &QAbstractItemView::doubleClicked, this, &ProvidersPage::editSelected);

    auto *toolbar = new QHBoxLayout;
    auto addButton = [this, toolbar](const QString &objectName, const QString &text, const QString &tip, auto slot) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(objectName);
        button->setToolTip(tip);
        connect(button, &QPushButton::clicked, this, slot);
        toolbar->addWidget(button);
        m_buttons << button;
        return button;
    };
    addButton(QStringLiteral("add"), tr("&Add…"), tr("Add a provider account with the setup wizard"), &ProvidersPage::addConnection);
    addButton(QStringLiteral("edit"), tr("&Edit…"), tr("Change the selected connection's settings or secret"), &ProvidersPage::editSelected);
    addButton(QStringLiteral("test"), tr("&Test"), tr("One real request with the selected connection"), &ProvidersPage::testSelected);
    addButton(QStringLiteral("sync"), tr("&Sync now"), tr("Collect from the selected connection now"), &ProvidersPage::syncSelected);
    m_toggle = addButton(QStringLiteral("toggle"), tr("&Disable"), tr("Stop or resume collecting from the selected connection"),
                         &ProvidersPage::toggleSelected);
    addButton(QStringLiteral("guardrails"), tr("&Guardrails…"), tr("Stop the selected connection's idle pods: a dry run first, acting only when you opt in"),
              [this] { editGuardrails(); });
    addButton(QStringLiteral("remove"), tr("&Remove…"), tr("Remove the selected connection and its keychain entry"),
              [this] { removeSelected(); });
    toolbar->addStretch();

    m_message = new QLabel(this);
    connect(this, &Page::writeRefused, this, [this](const QString &message) { showMessage(message, false); });
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Last action"));
    m_message->hide();

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolbar);
    layout->addWidget(m_message);
    layout->addWidget(m_table);
    pageState()->setContent(content);
    updateActions();
}

QPushButton *ProvidersPage::button(const QString &objectName) const
{
    for (QPushButton *button : m_buttons) {
        if (button->objectName() == objectName)
            return button;
    }
    return nullptr;
}

void ProvidersPage::setController(ConnectionController *controller)
{
    m_controller = controller;
    connect(controller, &ConnectionController::connectionsChanged, this, &ProvidersPage::reload);
    connect(controller, &ConnectionController::stateChanged, m_model, &ConnectionsModel::setState);
    m_model->setStates(controller->states());
    updateActions();
}

void ProvidersPage::reload()
{
    if (m_model->rowCount() == 0)
        pageState()->showLoading();
    readLatest<ProvidersData>(m_request, [](Store &store) -> Result<ProvidersData> {
        Result<QList<ConnectionRecord>> connections = store.connections();
        if (!connections)
            return std::unexpected(connections.error());
        Result<QList<GuardrailPolicy>> policies = store.guardrailPolicies();
        if (!policies)
            return std::unexpected(policies.error());
        return ProvidersData{*std::move(connections), *std::move(policies)};
    }, [this](Result<ProvidersData> data) {
        if (!data) {
            pageState()->showError(data.error());
            return;
        }
        m_policies = std::move(data->policies);
        const std::optional<ConnectionRecord> before = selected();
        m_model->setConnections(std::move(data->connections));
        if (m_model->rowCount() == 0) {
            pageState()->showEmpty(tr("No providers yet. Each provider account you add is listed here with its "
                                      "cadence, last sync and last error."),
                                   m_controller ? tr("Add a provider…") : QString());
            updateActions();
            return;
        }
        for (int row = 0; before && row < m_model->rowCount(); ++row) {
            if (m_model->connection(row).id == before->id)
                m_table->table()->selectRow(row);
        }
        pageState()->showContent();
        updateActions();
    });
}

bool ProvidersPage::selectConnection(qint64 connectionId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->connection(row).id == connectionId) {
            m_table->table()->selectRow(row);
            m_table->table()->scrollTo(m_model->index(row, 0));
            return true;
        }
    }
    return false;
}

std::optional<ConnectionRecord> ProvidersPage::selected() const
{
    const QModelIndexList rows = m_table->table()->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->connection(rows.first().row());
}

void ProvidersPage::updateActions()
{
    const std::optional<ConnectionRecord> connection = selected();
    const bool known = connection && findProviderKind(connection->kind);
    for (QPushButton *button : m_buttons) {
        const bool needsSelection = button->objectName() != QLatin1String("add");
        button->setEnabled(m_controller && (!needsSelection || connection));
    }
    if (QPushButton *edit = button(QStringLiteral("edit")))
        edit->setEnabled(m_controller && known);
    if (QPushButton *sync = button(QStringLiteral("sync")))
        sync->setEnabled(m_controller && connection && connection->enabled);
    m_toggle->setText(connection && !connection->enabled ? tr("&Enable") : tr("&Disable"));
    if (QPushButton *guardrails = button(QStringLiteral("guardrails"))) {
        const Result<void> supported = connection ? guardrailsSupported(connection->kind) : Result<void>();
        guardrails->setEnabled(connection && supported);
        guardrails->setToolTip(supported ? tr("Stop the selected connection's idle pods: a dry run first, acting only when you opt in")
                                         : tr("Not for this connection: Fleetscope can stop pods of RunPod connections only"));
    }
}

GuardrailDialog *ProvidersPage::editGuardrails()
{
    if (refuseWhenReadOnly())
        return nullptr;
    const std::optional<ConnectionRecord> connection = selected();
    if (!connection || !guardrailsSupported(connection->kind))
        return nullptr;
    auto *dialog = new GuardrailDialog(store(), *connection, policyFor(m_policies, connection->id), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const GuardrailPolicy p = dialog->policy();
        showMessage(!p.anyRuleEnabled() ? tr("Guardrails of this connection are off.")
                    : p.dryRun          ? tr("Guardrails on as a dry run: the pods they would stop are recorded in the audit log, not stopped.")
                                        : tr("Guardrails act: pods of this connection they catch are stopped after each sync."),
                    true);
    });
    dialog->open();
    return dialog;
}

void ProvidersPage::showMessage(const QString &text, bool ok)
{
    m_message->setText(text);
    m_message->setStyleSheet(ok ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
    m_message->show();
}

void ProvidersPage::addConnection()
{
    if (refuseWhenReadOnly())
        return;
    if (!m_controller)
        return;
    auto *wizard = new SetupWizard(*m_controller, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::accepted, this, [this] { showMessage(tr("Connection added; its first sync starts shortly."), true); });
    wizard->open();
}

void ProvidersPage::editSelected()
{
    if (refuseWhenReadOnly())
        return;
    const std::optional<ConnectionRecord> connection = selected();
    if (!m_controller || !connection || !findProviderKind(connection->kind))
        return;
    auto *dialog = new EditConnectionDialog(*m_controller, *connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, name = connection->name] { showMessage(tr("“%1” saved.").arg(name), true); });
    dialog->open();
}

void ProvidersPage::testSelected()
{
    const std::optional<ConnectionRecord> connection = selected();
    if (!m_controller || !connection)
        return;
    showMessage(tr("Testing “%1”…").arg(connection->name), true);
    m_controller->test(*connection, std::nullopt, this, [this, connection](Result<QString> result) {
        if (result) {
            showMessage(tr("“%1”: test passed — %2").arg(connection->name, *result), true);
            return;
        }
        const ProviderKind *kind = findProviderKind(connection->kind);
        const QString hint = kind ? testHint(result.error(), *kind) : QString();
        showMessage(tr("“%1”: test failed — %2").arg(connection->name, describe(result.error()))
                        + (hint.isEmpty() ? QString() : QLatin1Char('\n') + hint), false);
    });
}

void ProvidersPage::syncSelected()
{
    if (refuseWhenReadOnly())
        return;
    const std::optional<ConnectionRecord> connection = selected();
    if (!m_controller || !connection)
        return;
    m_controller->syncNow(connection->id);
    showMessage(tr("Syncing “%1” now.").arg(connection->name), true);
}

void ProvidersPage::toggleSelected()
{
    if (refuseWhenReadOnly())
        return;
    std::optional<ConnectionRecord> connection = selected();
    if (!m_controller || !connection)
        return;
    connection->enabled = !connection->enabled;
    m_controller->update(*connection, std::nullopt, this, [this](Result<ConnectionRecord> saved) {
        if (!saved)
            return showMessage(tr("Nothing changed: %1").arg(describe(saved.error())), false);
        showMessage(saved->enabled ? tr("“%1” enabled; it syncs again on its cadence.").arg(saved->name)
                                   : tr("“%1” disabled; nothing is collected from it until you enable it.").arg(saved->name), true);
    });
}

void ProvidersPage::removeSelected(bool confirm, bool deleteData)
{
    if (refuseWhenReadOnly())
        return;
    const std::optional<ConnectionRecord> connection = selected();
    if (!m_controller || !connection)
        return;
    if (confirm) {
        QMessageBox box(QMessageBox::Warning, tr("Remove “%1”?").arg(connection->name),
                        tr("Fleetscope stops collecting from “%1” and deletes its secret from the keychain. "
                           "What it collected stays in charts and exports unless you tick the box.").arg(connection->name),
                        QMessageBox::Cancel, this);
        QPushButton *remove = box.addButton(tr("Remove"), QMessageBox::DestructiveRole);
        auto *alsoData = new QCheckBox(tr("Also delete the data it collected"), &box);
        box.setCheckBox(alsoData);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != remove)
            return;
        deleteData = alsoData->isChecked();
    }
    m_controller->remove(*connection, deleteData, this, [this, name = connection->name, deleteData](Result<void> removed) {
        if (!removed)
            return showMessage(describe(removed.error()), false);
        showMessage(deleteData ? tr("“%1” removed with its data.").arg(name) : tr("“%1” removed; its history stays.").arg(name), true);
    });
}

} // namespace fleetscope
