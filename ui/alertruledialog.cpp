// AlertRuleDialog: the parameter rows follow the kind; every edit re-validates, and OK waits for a valid rule.
#include "alertruledialog.h"

#include "alertsmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace fleetscope {

AlertRuleDialog::AlertRuleDialog(const AlertRule &rule, const QList<ConnectionRecord> &connections, const QStringList &takenNames,
                                 QWidget *parent)
    : QDialog(parent)
    , m_editing(rule.id != 0)
    , m_takenNames(takenNames)
    , m_rule(rule)
{
    setWindowTitle(m_editing ? tr("Edit alert rule") : tr("Add alert rule"));
    setMinimumWidth(520);

    m_name = new QLineEdit(rule.name, this);
    m_name->setReadOnly(m_editing);
    m_name->setPlaceholderText(tr("e.g. idle GPUs on prod"));
    m_kind = new QComboBox(this);
    for (const AlertKindInfo &info : alertKinds())
        m_kind->addItem(info.kind, info.kind);
    m_description = new QLabel(this);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    m_description->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_connection = new QComboBox(this);
    m_connection->addItem(tr("All connections"), qint64(0));
    for (const ConnectionRecord &c : connections)
        m_connection->addItem(c.name, c.id);
    m_severity = new QComboBox(this);
    for (const QString &severity : {QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("critical")})
        m_severity->addItem(AlertsModel::severityText(severity), severity);
    m_enabled = new QCheckBox(tr("Evaluate this rule after each sync"), this);
    m_enabled->setChecked(rule.enabled);

    auto *paramsBox = new QGroupBox(tr("Parameters"), this);
    m_params = new QFormLayout(paramsBox);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->setAccessibleName(tr("Problem with the rule"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(QString(), m_description);
    form->addRow(tr("&Connection:"), m_connection);
    form->addRow(tr("&Severity:"), m_severity);
    form->addRow(QString(), m_enabled);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(paramsBox);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(m_buttons);

    if (const int kind = m_kind->findData(rule.kind); kind >= 0)
        m_kind->setCurrentIndex(kind);
    if (const int connection = m_connection->findData(rule.connectionId); connection >= 0)
        m_connection->setCurrentIndex(connection);
    if (const int severity = m_severity->findData(rule.severity); severity >= 0)
        m_severity->setCurrentIndex(severity);
    showKind(rule.params);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { showKind({}); });
    connect(m_name, &QLineEdit::textChanged, this, &AlertRuleDialog::validate);
    connect(m_connection, &QComboBox::currentIndexChanged, this, &AlertRuleDialog::validate);
    connect(m_severity, &QComboBox::currentIndexChanged, this, &AlertRuleDialog::validate);
    connect(m_enabled, &QCheckBox::toggled, this, &AlertRuleDialog::validate);
    validate();
}

QLineEdit *AlertRuleDialog::paramEdit(const QString &name) const
{
    for (const auto &[param, edit] : m_paramEdits) {
        if (param == name)
            return edit;
    }
    return nullptr;
}

bool AlertRuleDialog::canAccept() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void AlertRuleDialog::showKind(const QJsonObject &values)
{
    while (m_params->rowCount() > 0)
        m_params->removeRow(0);
    m_paramEdits.clear();
    const AlertKindInfo *info = findAlertKind(m_kind->currentData().toString());
    if (!info)
        return;
    m_description->setText(info->description);
    for (auto it = info->defaults.begin(); it != info->defaults.end(); ++it) {
        const QJsonValue value = values.contains(it.key()) ? values.value(it.key()) : it.value();
        auto *edit = new QLineEdit(value.isDouble() ? QLocale::c().toString(value.toDouble()) : value.toString(), this);
        edit->setAccessibleName(it.key());
        if (it.key() == QLatin1String("budget"))
            edit->setPlaceholderText(tr("empty: every budget"));
        else if (it.key() == QLatin1String("config"))
            edit->setPlaceholderText(tr("empty: every enabled configuration"));
        else if (it.value().isString())
            edit->setPlaceholderText(tr("required"));
        connect(edit, &QLineEdit::textChanged, this, &AlertRuleDialog::validate);
        m_params->addRow(it.key() + QLatin1Char(':'), edit);
        m_paramEdits.append({it.key(), edit});
    }
    validate();
}

void AlertRuleDialog::validate()
{
    AlertRule candidate = m_rule;
    candidate.name = m_name->text().trimmed();
    candidate.kind = m_kind->currentData().toString();
    candidate.connectionId = m_connection->currentData().toLongLong();
    candidate.severity = m_severity->currentData().toString();
    candidate.enabled = m_enabled->isChecked();
    candidate.params = {};
    for (const auto &[param, edit] : std::as_const(m_paramEdits))
        candidate.params.insert(param, edit->text().trimmed());
    QString problem;
    if (!m_editing && m_takenNames.contains(candidate.name)) {
        problem = tr("A rule named “%1” exists already; edit that one or choose another name.").arg(candidate.name);
    } else if (Result<AlertRule> valid = validateAlertRule(candidate); !valid) {
        problem = valid.error().message;
    } else {
        m_rule = *valid;
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace fleetscope
