// BudgetDialog: scopes offered are everything, each provider kind in use and each connection.
#include "budgetdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace fleetscope {
namespace {

QString capText(std::optional<double> cap)
{
    return cap ? QLocale::c().toString(*cap) : QString();
}

} // namespace

BudgetDialog::BudgetDialog(const Budget &budget, const QList<ConnectionRecord> &connections, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent)
    , m_editing(budget.id != 0)
    , m_takenNames(takenNames)
    , m_budget(budget)
{
    setWindowTitle(m_editing ? tr("Edit budget") : tr("Add budget"));
    setMinimumWidth(440);

    m_name = new QLineEdit(budget.name, this);
    m_name->setReadOnly(m_editing);
    m_name->setPlaceholderText(tr("e.g. team GPUs"));
    m_scope = new QComboBox(this);
    m_scope->addItem(tr("Everything"), QStringLiteral("all"));
    QStringList kinds;
    for (const ConnectionRecord &c : connections) {
        if (!kinds.contains(c.kind))
            kinds << c.kind;
    }
    if (!budget.provider.isEmpty() && !kinds.contains(budget.provider))
        kinds << budget.provider;
    for (const QString &kind : std::as_const(kinds))
        m_scope->addItem(tr("Provider: %1").arg(kind), QStringLiteral("provider:") + kind);
    for (const ConnectionRecord &c : connections)
        m_scope->addItem(tr("Connection: %1").arg(c.name), QStringLiteral("connection:%1").arg(c.id));
    const QString current = budget.scope == QLatin1String("provider") ? QStringLiteral("provider:") + budget.provider
                          : budget.scope == QLatin1String("connection") ? QStringLiteral("connection:%1").arg(budget.connectionId)
                                                                        : QStringLiteral("all");
    m_scope->setCurrentIndex(std::max(0, m_scope->findData(current)));

    auto capEdit = [this](std::optional<double> cap, const QString &accessible) {
        auto *edit = new QLineEdit(capText(cap), this);
        edit->setPlaceholderText(tr("none"));
        edit->setAccessibleName(accessible);
        connect(edit, &QLineEdit::textChanged, this, &BudgetDialog::validate);
        return edit;
    };
    m_monthly = capEdit(budget.monthlyCap, tr("Monthly cap"));
    m_daily = capEdit(budget.dailyCap, tr("Daily cap"));
    m_burnRate = capEdit(budget.burnRateCap, tr("Burn-rate cap"));

    auto *note = new QLabel(tr("Months and days are UTC. Spend is billed where the provider reports it, else estimated "
                               "from running time × price; give at least one cap."), this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->setAccessibleName(tr("Problem with the budget"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Scope:"), m_scope);
    form->addRow(tr("&Monthly cap ($):"), m_monthly);
    form->addRow(tr("&Daily cap ($):"), m_daily);
    form->addRow(tr("&Burn-rate cap ($/hr):"), m_burnRate);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_name, &QLineEdit::textChanged, this, &BudgetDialog::validate);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &BudgetDialog::validate);
    validate();
}

bool BudgetDialog::canAccept() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void BudgetDialog::validate()
{
    Budget candidate = m_budget;
    candidate.name = m_name->text().trimmed();
    const QString scope = m_scope->currentData().toString();
    candidate.scope = scope.section(QLatin1Char(':'), 0, 0);
    candidate.provider = candidate.scope == QLatin1String("provider") ? scope.section(QLatin1Char(':'), 1) : QString();
    candidate.connectionId = candidate.scope == QLatin1String("connection") ? scope.section(QLatin1Char(':'), 1).toLongLong() : 0;
    QString problem;
    const std::pair<QLineEdit *, std::optional<double> *> caps[] = {
        {m_monthly, &candidate.monthlyCap}, {m_daily, &candidate.dailyCap}, {m_burnRate, &candidate.burnRateCap}};
    for (const auto &[edit, cap] : caps) {
        const QString text = edit->text().trimmed();
        bool ok = true;
        *cap = text.isEmpty() ? std::nullopt : std::optional<double>(QLocale().toDouble(text, &ok));
        if (!ok)
            *cap = QLocale::c().toDouble(text, &ok);
        if (!ok && problem.isEmpty())
            problem = tr("“%1” is not a dollar amount.").arg(text);
    }
    if (problem.isEmpty() && !m_editing && m_takenNames.contains(candidate.name))
        problem = tr("A budget named “%1” exists already; edit that one or choose another name.").arg(candidate.name);
    if (problem.isEmpty()) {
        if (Result<Budget> valid = validateBudget(candidate); !valid)
            problem = valid.error().message;
        else
            m_budget = *valid;
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace fleetscope
