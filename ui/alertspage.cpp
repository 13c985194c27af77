// AlertsPage: one read for connections, rules and alerts; acknowledgements and rule changes go to the writer as batches.
#include "alertspage.h"

#include "alertruledialog.h"
#include "alertsmodel.h"
#include "connectionnames.h"
#include "tableview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

const QString kSourcePrefix = QStringLiteral("alerts page: ");

struct AlertsData {
    QList<ConnectionRecord> connections;
    QList<AlertRule> rules;
    QList<AlertRecord> alerts;
};

} // namespace

AlertsPage::AlertsPage(StoreService &store, QWidget *parent)
    : Page(tr("Alerts"), store, parent)
{
    // The page's own empty state offers a rule, not a provider.
    disconnect(pageState(), &PageState::actionRequested, this, &Page::addProviderRequested);
    connect(pageState(), &PageState::actionRequested, this, &AlertsPage::addRule);

    m_alerts = new AlertsModel(this);
    m_filter = new AlertsFilter(this);
    m_filter->setSourceModel(m_alerts);
    m_rules = new AlertRulesModel(this);

    // Alerts tab: filter row, then the table (every alert exported, whatever the filter).
    auto *alertsTab = new QWidget(this);
    m_show = new QComboBox(alertsTab);
    m_show->addItem(tr("Open alerts"), true);
    m_show->addItem(tr("All alerts"), false);
    m_show->setAccessibleName(tr("Which alerts"));
    m_severity = new QComboBox(alertsTab);
    m_severity->addItem(tr("Any severity"), QString());
    for (const QString &severity : {QStringLiteral("critical"), QStringLiteral("warning"), QStringLiteral("info")})
        m_severity->addItem(AlertsModel::severityText(severity), severity);
    m_severity->setAccessibleName(tr("Severity"));
    m_text = new QLineEdit(alertsTab);
    m_text->setPlaceholderText(tr("Filter by kind, connection, resource, message…"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Filter alerts"));
    m_acknowledge = new QPushButton(tr("&Acknowledge"), alertsTab);
    m_acknowledge->setToolTip(tr("Mark the selected open alerts as seen; they stay open until their condition clears"));
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_show);
    filterRow->addWidget(m_severity);
    filterRow->addWidget(m_text, 1);
    filterRow->addWidget(m_acknowledge);

    m_alertsState = new PageState(alertsTab);
    m_alertsState->setEmptyIcon(QIcon(QStringLiteral(":/icons/alerts.svg")));
    m_alertsTable = new TableView(m_alertsState);
    m_alertsTable->setModel(m_alerts);
    m_alertsTable->table()->setModel(m_filter);
    m_alertsTable->setExportName(QStringLiteral("alerts"));
    m_alertsTable->table()->setAccessibleName(tr("Alerts"));
    m_alertsTable->table()->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_alertsTable->table()->setSortingEnabled(true);
    m_alertsTable->table()->sortByColumn(AlertsModel::Fired, Qt::DescendingOrder);
    m_alertsTable->table()->setToolTip(tr("Double-click an alert to open the page of its resource"));
    m_alertsState->setContent(m_alertsTable);
    auto *alertsLayout = new QVBoxLayout(alertsTab);
    alertsLayout->addLayout(filterRow);
    alertsLayout->addWidget(m_alertsState, 1);

    // Rules tab.
    auto *rulesTab = new QWidget(this);
    auto *ruleRow = new QHBoxLayout;
    auto addButton = [this, rulesTab, ruleRow](const QString &objectName, const QString &text, const QString &tip, auto slot) {
        auto *button = new QPushButton(text, rulesTab);
        button->setObjectName(objectName);
        button->setToolTip(tip);
        connect(button, &QPushButton::clicked, this, slot);
        ruleRow->addWidget(button);
        m_ruleButtons << button;
    };
    addButton(QStringLiteral("add"), tr("A&dd…"), tr("A new rule: what to watch, where, and from which threshold"), [this] { addRule(); });
    addButton(QStringLiteral("edit"), tr("&Edit…"), tr("Change the selected rule's thresholds, connection or severity"),
              [this] { editSelectedRule(); });
    addButton(QStringLiteral("remove"), tr("&Remove…"), tr("Delete the selected rule; its open alerts are resolved"),
              [this] { removeSelectedRule(); });
    ruleRow->addStretch();
    m_rulesState = new PageState(rulesTab);
    m_rulesState->setEmptyIcon(QIcon(QStringLiteral(":/icons/alerts.svg")));
    m_rulesTable = new TableView(m_rulesState);
    m_rulesTable->setModel(m_rules);
    m_rulesTable->setExportName(QStringLiteral("alert-rules"));
    m_rulesTable->table()->setAccessibleName(tr("Alert rules"));
    m_rulesTable->table()->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rulesState->setContent(m_rulesTable);
    connect(m_rulesState, &PageState::actionRequested, this, [this] { addRule(); });
    auto *rulesLayout = new QVBoxLayout(rulesTab);
    rulesLayout->addLayout(ruleRow);
    rulesLayout->addWidget(m_rulesState, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(alertsTab, tr("Alerts"));
    m_tabs->addTab(rulesTab, tr("Rules"));

    m_message = new QLabel(this);
    connect(this, &Page::writeRefused, this, [this](const QString &message) { showMessage(message, false); });
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setAccessibleName(tr("Last action"));
    m_message->hide();

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);
    pageState()->setContent(content);

    connect(m_show, &QComboBox::currentIndexChanged, this, [this] { m_filter->setOpenOnly(m_show->currentData().toBool()); });
    connect(m_severity, &QComboBox::currentIndexChanged, this, [this] { m_filter->setSeverity(m_severity->currentData().toString()); });
    connect(m_text, &QLineEdit::textChanged, m_filter, &AlertsFilter::setText);
    connect(m_acknowledge, &QPushButton::clicked, this, &AlertsPage::acknowledgeSelected);
    connect(m_alertsTable->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPage::updateActions);
    connect(m_rulesTable->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPage::updateActions);
    connect(m_alertsTable->table(), &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        const int row = m_filter->mapToSource(index).row();
        if (row >= 0)
            Q_EMIT resourceRequested(m_alerts->alert(row).finding);
    });
    connect(m_rulesTable->table(), &QAbstractItemView::doubleClicked, this, [this] { editSelectedRule(); });
    connect(&store, &StoreService::batchFailed, this, [this](const QString &source, const Error &error) {
        if (source.startsWith(kSourcePrefix))
            showMessage(tr("Not saved: %1").arg(describe(error)), false);
    });
    updateActions();
}

QPushButton *AlertsPage::button(const QString &objectName) const
{
    for (QPushButton *button : m_ruleButtons) {
        if (button->objectName() == objectName)
            return button;
    }
    return nullptr;
}

void AlertsPage::reload()
{
    if (m_alerts->rowCount() == 0 && m_rules->rowCount() == 0)
        pageState()->showLoading();
    readLatest<AlertsData>(m_request, [](Store &store) -> Result<AlertsData> {
        AlertsData data;
        auto connections = store.connections();
        if (!connections)
            return std::unexpected(connections.error());
        data.connections = *std::move(connections);
        auto rules = store.alertRules();
        if (!rules)
            return std::unexpected(rules.error());
        data.rules = *std::move(rules);
        auto alerts = store.alerts(false);
        if (!alerts)
            return std::unexpected(alerts.error());
        data.alerts = *std::move(alerts);
        return data;
    }, [this](Result<AlertsData> data) {
        if (!data) {
            pageState()->showError(data.error());
            return;
        }
        const QList<qint64> selectedAlerts = selectedAlertIds(false);
        const std::optional<AlertRule> selectedRuleBefore = selectedRule();
        m_connections = data->connections;
        const QHash<qint64, QString> names = connectionNames(data->connections);
        m_alerts->setAlerts(std::move(data->alerts), names);
        m_rules->setRules(std::move(data->rules), names);
        Q_EMIT unacknowledgedCountChanged(m_alerts->unacknowledgedCount());

        // Keep the user's selection across the refresh after every stored batch.
        for (const qint64 id : selectedAlerts) {
            const QModelIndex index = m_filter->mapFromSource(m_alerts->index(m_alerts->rowOf(id), 0));
            if (index.isValid())
                m_alertsTable->table()->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        if (selectedRuleBefore) {
            if (const int row = m_rules->rowOf(selectedRuleBefore->name); row >= 0)
                m_rulesTable->table()->selectRow(row);
        }

        if (m_alerts->rowCount() == 0 && m_rules->rowCount() == 0) {
            pageState()->showEmpty(tr("No alert rules yet. A rule tells you when a GPU idles while paid, spend runs "
                                      "over a rate, a connection keeps failing or an offer gets cheaper; rules are "
                                      "evaluated after each sync."),
                                   tr("Add a rule…"));
            updateActions();
            return;
        }
        if (m_alerts->rowCount() == 0)
            m_alertsState->showEmpty(tr("No alerts — rules are evaluated after each sync, and what they find is listed here."));
        else
            m_alertsState->showContent();
        if (m_rules->rowCount() == 0)
            m_rulesState->showEmpty(tr("No alert rules yet — Add… one to be told what to look at."), tr("Add a rule…"));
        else
            m_rulesState->showContent();
        pageState()->showContent();
        updateActions();
    });
}

QList<qint64> AlertsPage::selectedAlertIds(bool unacknowledgedOnly) const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_alertsTable->table()->selectionModel()->selectedRows()) {
        const int row = m_filter->mapToSource(index).row();
        if (row < 0 || row >= m_alerts->rowCount())
            continue;
        const AlertRecord &alert = m_alerts->alert(row);
        if (!unacknowledgedOnly || (alert.isOpen() && !alert.acknowledged))
            ids << alert.id;
    }
    return ids;
}

std::optional<AlertRule> AlertsPage::selectedRule() const
{
    const QModelIndexList rows = m_rulesTable->table()->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_rules->rowCount())
        return std::nullopt;
    return m_rules->rule(rows.first().row());
}

void AlertsPage::updateActions()
{
    m_acknowledge->setEnabled(!selectedAlertIds(true).isEmpty());
    const bool rule = selectedRule().has_value();
    for (QPushButton *button : std::as_const(m_ruleButtons))
        button->setEnabled(button->objectName() == QLatin1String("add") || rule);
}

void AlertsPage::showMessage(const QString &text, bool ok)
{
    m_message->setText(text);
    m_message->setStyleSheet(ok ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
    m_message->show();
}

void AlertsPage::submit(WriteBatch batch, const QString &done)
{
    store().submit(std::move(batch));   // the window re-reads every page once it is committed
    showMessage(done, true);
}

void AlertsPage::acknowledgeSelected()
{
    if (refuseWhenReadOnly())
        return;
    const QList<qint64> ids = selectedAlertIds(true);
    if (ids.isEmpty())
        return;
    WriteBatch batch;
    batch.source = kSourcePrefix + QStringLiteral("acknowledge");
    batch.acknowledgedAlerts = ids;
    submit(batch, tr("%n alert(s) acknowledged.", nullptr, int(ids.size())));
}

AlertRuleDialog *AlertsPage::addRule()
{
    if (refuseWhenReadOnly())
        return nullptr;
    AlertRule rule;
    rule.kind = alertKinds().first().kind;
    QStringList taken;
    for (int row = 0; row < m_rules->rowCount(); ++row)
        taken << m_rules->rule(row).name;
    auto *dialog = new AlertRuleDialog(rule, m_connections, taken, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        WriteBatch batch;
        batch.source = kSourcePrefix + QStringLiteral("add rule");
        batch.alertRules << dialog->rule();
        submit(batch, tr("Rule “%1” added; it is evaluated after the next sync.").arg(dialog->rule().name));
    });
    dialog->open();
    return dialog;
}

AlertRuleDialog *AlertsPage::editSelectedRule()
{
    if (refuseWhenReadOnly())
        return nullptr;
    const std::optional<AlertRule> rule = selectedRule();
    if (!rule)
        return nullptr;
    auto *dialog = new AlertRuleDialog(*rule, m_connections, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        WriteBatch batch;
        batch.source = kSourcePrefix + QStringLiteral("edit rule");
        batch.alertRules << dialog->rule();
        submit(batch, tr("Rule “%1” saved.").arg(dialog->rule().name));
    });
    dialog->open();
    return dialog;
}

void AlertsPage::removeSelectedRule(bool confirm)
{
    if (refuseWhenReadOnly())
        return;
    const std::optional<AlertRule> rule = selectedRule();
    if (!rule)
        return;
    if (confirm
        && QMessageBox::question(this, tr("Remove rule “%1”?").arg(rule->name),
                                 tr("The rule is deleted and its open alerts are resolved; alerts it raised stay listed."),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    WriteBatch batch;
    batch.source = kSourcePrefix + QStringLiteral("remove rule");
    batch.removedAlertRules << rule->name;
    submit(batch, tr("Rule “%1” removed.").arg(rule->name));
}

} // namespace fleetscope
