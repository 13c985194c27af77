// ProviderForm: one editor per field type; validation by the core's validateField, shown inline.
#include "providerform.h"

#include "credentials/secretref.h"
#include "engine/collectors.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <limits>

namespace fleetscope {
namespace {

constexpr int kKeychain = 0;
constexpr int kEnvironment = 1;

int clampToInt(qint64 value)
{
    return int(std::clamp<qint64>(value, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

} // namespace

ProviderForm::ProviderForm(const ProviderKind &kind, Mode mode, const QStringList &takenNames, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_mode(mode)
    , m_takenNames(takenNames)
{
    auto *form = new QFormLayout(this);
    m_layout = form;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. %1-prod").arg(kind.kind));
    m_name->setReadOnly(mode == Mode::Edit);
    m_name->setAccessibleName(tr("Connection name"));
    form->addRow(tr("&Name:"), m_name);
    connect(m_name, &QLineEdit::textChanged, this, &ProviderForm::revalidate);

    if (kind.secretRequired || !kind.secretLabel.isEmpty() || !kind.secretWhenKey.isEmpty()) {
        m_secretSource = new QComboBox(this);
        m_secretSource->addItem(tr("Keep it in the system keychain"));
        m_secretSource->addItem(tr("Read it from an environment variable"));
        m_secretSource->setAccessibleName(tr("Where the secret is kept"));
        form->addRow(tr("%1 &kept:").arg(kind.secretLabel), m_secretSource);

        m_secret = new QLineEdit(this);
        m_secret->setEchoMode(QLineEdit::Password);
        m_secret->setAccessibleName(kind.secretLabel);
        m_secret->setPlaceholderText(mode == Mode::Edit ? tr("Leave empty to keep the stored %1").arg(kind.secretLabel.toLower())
                                                        : kind.secretRequired ? tr("Required") : tr("Optional"));
        // Masked by default; the eye toggles it for the one look a user needs to check a paste.
        QAction *show = m_secret->addAction(QIcon(QStringLiteral(":/icons/show.svg")), QLineEdit::TrailingPosition);
        show->setCheckable(true);
        show->setText(tr("Show"));
        show->setToolTip(tr("Show or hide the %1").arg(kind.secretLabel.toLower()));
        connect(show, &QAction::toggled, m_secret, [this](bool visible) {
            m_secret->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
        });
        form->addRow(tr("&%1:").arg(kind.secretLabel), m_secret);

        m_secretEnv = new QLineEdit(this);
        m_secretEnv->setPlaceholderText(tr("e.g. RUNPOD_API_KEY"));
        m_secretEnv->setAccessibleName(tr("Environment variable"));
        form->addRow(tr("&Variable:"), m_secretEnv);
        connect(m_secretSource, &QComboBox::currentIndexChanged, this, &ProviderForm::revalidate);
        connect(m_secret, &QLineEdit::textChanged, this, &ProviderForm::revalidate);
        connect(m_secretEnv, &QLineEdit::textChanged, this, &ProviderForm::revalidate);
    }

    for (const ProviderField &field : kind.fields)
        addField(form, field);

    m_problemLabel = new QLabel(this);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problemLabel->setAccessibleName(tr("Problem"));
    form->addRow(m_problemLabel);
    revalidate();
}

void ProviderForm::addField(QFormLayout *form, const ProviderField &field)
{
    QWidget *editor = nullptr;
    switch (field.type) {
    case ProviderField::Type::Integer: {
        auto *spin = new QSpinBox(this);
        spin->setRange(clampToInt(std::max<qint64>(field.min, std::numeric_limits<int>::min())), clampToInt(field.max));
        spin->setValue(clampToInt(field.defaultValue.toInteger(field.min > 0 ? field.min : 0)));
        connect(spin, &QSpinBox::valueChanged, this, &ProviderForm::revalidate);
        editor = spin;
        break;
    }
    case ProviderField::Type::Boolean: {
        auto *check = new QCheckBox(this);
        check->setChecked(field.defaultValue.toBool());
        connect(check, &QCheckBox::toggled, this, &ProviderForm::revalidate);
        editor = check;
        break;
    }
    case ProviderField::Type::Choice: {
        auto *combo = new QComboBox(this);
        combo->addItems(field.choices);
        combo->setCurrentText(field.defaultValue.toString());
        connect(combo, &QComboBox::currentIndexChanged, this, &ProviderForm::revalidate);
        editor = combo;
        break;
    }
    case ProviderField::Type::Url:
    case ProviderField::Type::String: {
        auto *line = new QLineEdit(this);
        line->setText(field.defaultValue.toString());
        if (field.required)
            line->setPlaceholderText(tr("Required"));
        connect(line, &QLineEdit::textChanged, this, &ProviderForm::revalidate);
        editor = line;
        break;
    }
    }
    editor->setAccessibleName(field.label);
    editor->setObjectName(field.key);
    m_editors.insert(field.key, editor);
    form->addRow(field.label + QLatin1Char(':'), editor);
}

QWidget *ProviderForm::fieldEditor(const QString &key) const
{
    return m_editors.value(key);
}

QString ProviderForm::fieldText(const ProviderField &field) const
{
    QWidget *editor = m_editors.value(field.key);
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        return QString::number(spin->value());
    if (auto *check = qobject_cast<QCheckBox *>(editor))
        return check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentText();
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        return line->text().trimmed();
    return QString();
}

void ProviderForm::setConnection(const ConnectionRecord &connection)
{
    m_name->setText(connection.name);
    for (const ProviderField &field : m_kind.fields) {
        if (!connection.settings.contains(field.key))
            continue;
        const QJsonValue value = connection.settings.value(field.key);
        QWidget *editor = m_editors.value(field.key);
        if (auto *spin = qobject_cast<QSpinBox *>(editor))
            spin->setValue(clampToInt(value.toInteger()));
        else if (auto *check = qobject_cast<QCheckBox *>(editor))
            check->setChecked(value.toBool());
        else if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->setCurrentText(value.toString());
        else if (auto *line = qobject_cast<QLineEdit *>(editor))
            line->setText(value.toString());
    }
    const QString variable = connection.settings.value(SecretRef::secretEnvSetting()).toString();
    if (m_secretSource && !variable.isEmpty()) {
        m_secretSource->setCurrentIndex(kEnvironment);
        m_secretEnv->setText(variable);
    }
    revalidate();
}

QString ProviderForm::name() const
{
    return m_name->text().trimmed();
}

Result<QJsonObject> ProviderForm::settings() const
{
    QMap<QString, QString> values;
    for (const ProviderField &field : m_kind.fields) {
        const QString text = fieldText(field);
        if (!text.isEmpty())
            values.insert(field.key, text);
    }
    Result<QJsonObject> settings = validateSettings(m_kind, values);
    if (!settings)
        return settings;
    if (secretUsed() && m_secretSource->currentIndex() == kEnvironment) {
        const QString variable = m_secretEnv->text().trimmed();
        if (!SecretRef::isValidVariableName(variable))
            return fail(ErrorClass::Config, tr("Variable: letters, digits and _ only, not starting with a digit"));
        settings->insert(SecretRef::secretEnvSetting(), variable);
    }
    // Settings that pass field by field may still not make a collector (basic auth without a
    // user name): the same check the CLI makes before saving.
    ConnectionRecord draft;
    draft.kind = m_kind.kind;
    draft.settings = *settings;
    if (Result<std::unique_ptr<Collector>> collector = builtinCollectors()(draft); !collector)
        return std::unexpected(collector.error());
    return settings;
}

std::optional<Secret> ProviderForm::secret() const
{
    if (!secretUsed() || m_secretSource->currentIndex() != kKeychain || m_secret->text().isEmpty())
        return std::nullopt;
    return Secret(m_secret->text().toUtf8());
}

bool ProviderForm::isComplete() const
{
    return m_problem.isEmpty();
}

bool ProviderForm::secretUsed() const
{
    if (!m_secretSource)
        return false;
    QJsonObject choices;
    for (const ProviderField &field : m_kind.fields) {
        if (field.type == ProviderField::Type::Choice)
            choices.insert(field.key, fieldText(field));
    }
    return usesSecret(m_kind, choices);
}

void ProviderForm::revalidate()
{
    if (!m_problemLabel)
        return;   // still building the form
    QString problem;
    if (name().isEmpty())
        problem = tr("Name: give the connection a name, e.g. %1-prod").arg(m_kind.kind);
    else if (m_mode == Mode::New && m_takenNames.contains(name()))
        problem = tr("Name: a connection named “%1” exists already").arg(name());
    for (const ProviderField &field : m_kind.fields) {
        const QString text = fieldText(field);
        QWidget *editor = m_editors.value(field.key);
        QString fieldProblem;
        if (text.isEmpty() && field.required)
            fieldProblem = tr("%1: required").arg(field.label);
        else if (!text.isEmpty()) {
            if (Result<QJsonValue> value = validateField(field, text); !value)
                fieldProblem = field.label + value.error().message.mid(field.key.size());
        }
        editor->setStyleSheet(fieldProblem.isEmpty() ? QString() : QStringLiteral("border: 1px solid #c62828;"));
        if (problem.isEmpty())
            problem = fieldProblem;
    }
    if (m_secretSource) {
        const bool used = secretUsed();
        m_layout->setRowVisible(m_secretSource, used);
        m_layout->setRowVisible(m_secret, used && m_secretSource->currentIndex() == kKeychain);
        m_layout->setRowVisible(m_secretEnv, used && m_secretSource->currentIndex() == kEnvironment);
    }
    if (problem.isEmpty()) {
        if (Result<QJsonObject> whole = settings(); !whole)
            problem = whole.error().message;
    }
    if (problem.isEmpty() && m_secretSource && secretUsed()) {
        if (m_secretSource->currentIndex() == kKeychain && m_secret->text().isEmpty() && m_mode == Mode::New)
            problem = tr("%1: required").arg(m_kind.secretLabel);
    }
    m_problem = problem;
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());
    Q_EMIT changed();
}

} // namespace fleetscope
