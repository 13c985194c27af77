// BudgetsPanel: changes go to the writer as batches; the page re-reads once they are committed.
#include "budgetspanel.h"

#include "budgetdialog.h"
#include "budgetsmodel.h"
#include "page.h"
#include "pagestate.h"
#include "store/storeservice.h"
#include "tableview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

const QString kSourcePrefix = QStringLiteral("budgets panel: ");

// The Used column: a bar of the percent against the cap (red past 100 %), the text over it.
class PercentBarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QVariant percent = index.data(BudgetsModel::PercentRole);
        if (percent.isValid()) {
            const QRect track = option.rect.adjusted(3, 4, -3, -4);
            const double fraction = std::clamp(percent.toDouble() / 100.0, 0.0, 1.0);
            painter->save();
            painter->setPen(Qt::NoPen);
            painter->setBrush(option.palette.color(QPalette::Midlight));
            painter->drawRoundedRect(track, 3, 3);
            const double value = percent.toDouble();
            painter->setBrush(value > 100 ? QColor(0xe5, 0x73, 0x73) : value >= 80 ? QColor(0xff, 0xb7, 0x4d) : QColor(0x81, 0xc7, 0x84));
            painter->drawRoundedRect(QRect(track.topLeft(), QSize(int(track.width() * fraction), track.height())), 3, 3);
            painter->restore();
        }
        QStyleOptionViewItem text = option;
        text.displayAlignment = Qt::AlignCenter;
        QStyledItemDelegate::paint(painter, text, index);
    }
};

} // namespace

BudgetsPanel::BudgetsPanel(StoreService &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    auto *title = new QLabel(tr("<b>Budgets</b> — this UTC month"), this);
    auto *add = new QPushButton(tr("Add budget…"), this);
    add->setObjectName(QStringLiteral("add"));
    add->setToolTip(tr("A monthly, daily or burn-rate cap for everything, a provider or a connection"));
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("edit"));
    m_remove = new QPushButton(tr("Remove…"), this);
    m_remove->setObjectName(QStringLiteral("remove"));
    m_message = new QLabel(this);
    m_message->hide();
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addWidget(m_message, 1);
    header->addStretch();
    header->addWidget(add);
    header->addWidget(m_edit);
    header->addWidget(m_remove);

    m_model = new BudgetsModel(this);
    m_state = new PageState(this);
    m_state->setMessageWidth(320, 520);
    m_table = new TableView(m_state);
    m_table->setModel(m_model);
    m_table->setExportName(QStringLiteral("budgets"));
    QTableView *table = m_table->table();
    table->setAccessibleName(tr("Budgets"));
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setItemDelegateForColumn(BudgetsModel::Used, new PercentBarDelegate(table));
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    m_state->setContent(m_table);
    m_state->showEmpty(tr("No budgets yet — Add budget… to cap spend per month, day or hour."), tr("Add budget…"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_state, 1);

    connect(add, &QPushButton::clicked, this, [this] { addBudget(); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editSelectedBudget(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelectedBudget(); });
    connect(m_state, &PageState::actionRequested, this, [this] { addBudget(); });
    connect(table, &QAbstractItemView::doubleClicked, this, [this] { editSelectedBudget(); });
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BudgetsPanel::updateActions);
    connect(&m_store, &StoreService::batchFailed, this, [this](const QString &source, const Error &error) {
        if (source.startsWith(kSourcePrefix))
            showMessage(tr("Not saved: %1").arg(describe(error)), false);
    });
    updateActions();
}

void BudgetsPanel::setStatuses(const QList<BudgetStatus> &statuses, const QList<ConnectionRecord> &connections)
{
    const std::optional<Budget> before = selectedBudget();
    m_connections = connections;
    QHash<qint64, QString> names;
    for (const ConnectionRecord &c : connections)
        names.insert(c.id, c.name);
    m_model->setStatuses(statuses, names);
    if (before) {
        if (const int row = m_model->rowOf(before->name); row >= 0)
            m_table->table()->selectRow(row);
    }
    if (statuses.isEmpty())
        m_state->showEmpty(tr("No budgets yet — Add budget… to cap spend per month, day or hour."), tr("Add budget…"));
    else
        m_state->showContent();
    updateActions();
}

std::optional<Budget> BudgetsPanel::selectedBudget() const
{
    const QModelIndexList rows = m_table->table()->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->status(rows.first().row()).budget;
}

void BudgetsPanel::updateActions()
{
    const bool selected = selectedBudget().has_value();
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
}

void BudgetsPanel::showMessage(const QString &text, bool ok)
{
    m_message->setText(text);
    m_message->setStyleSheet(ok ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
    m_message->show();
}

void BudgetsPanel::submit(WriteBatch batch, const QString &done)
{
    m_store.submit(std::move(batch));   // the window re-reads every page once it is committed
    showMessage(done, true);
}

BudgetDialog *BudgetsPanel::addBudget()
{
    if (!m_store.writable()) {
        showMessage(Page::readOnlyMessage(), false);
        return nullptr;
    }
    QStringList taken;
    for (int row = 0; row < m_model->rowCount(); ++row)
        taken << m_model->status(row).budget.name;
    auto *dialog = new BudgetDialog(Budget{}, m_connections, taken, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        WriteBatch batch;
        batch.source = kSourcePrefix + QStringLiteral("add budget");
        batch.budgets << dialog->budget();
        submit(batch, tr("Budget “%1” added.").arg(dialog->budget().name));
    });
    dialog->open();
    return dialog;
}

BudgetDialog *BudgetsPanel::editSelectedBudget()
{
    if (!m_store.writable()) {
        showMessage(Page::readOnlyMessage(), false);
        return nullptr;
    }
    const std::optional<Budget> budget = selectedBudget();
    if (!budget)
        return nullptr;
    auto *dialog = new BudgetDialog(*budget, m_connections, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        WriteBatch batch;
        batch.source = kSourcePrefix + QStringLiteral("edit budget");
        batch.budgets << dialog->budget();
        submit(batch, tr("Budget “%1” saved.").arg(dialog->budget().name));
    });
    dialog->open();
    return dialog;
}

void BudgetsPanel::removeSelectedBudget(bool confirm)
{
    if (!m_store.writable()) {
        showMessage(Page::readOnlyMessage(), false);
        return;
    }
    const std::optional<Budget> budget = selectedBudget();
    if (!budget)
        return;
    if (confirm
        && QMessageBox::question(this, tr("Remove budget “%1”?").arg(budget->name),
                                 tr("The budget is deleted; what was collected stays."), QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    WriteBatch batch;
    batch.source = kSourcePrefix + QStringLiteral("remove budget");
    batch.removedBudgets << budget->name;
    submit(batch, tr("Budget “%1” removed.").arg(budget->name));
}

} // namespace fleetscope
