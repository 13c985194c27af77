// The settings form of one provider kind, generated from its field list (the same list the CLI
// validates against): name, typed fields with inline validation, and where the secret comes from.
#pragma once

#include "credentials/secret.h"
#include "domain.h"
#include "providers/catalog.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace fleetscope {

class ProviderForm : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { New, Edit };

    // TAKEN_NAMES are refused as the name of a new connection.
    ProviderForm(const ProviderKind &kind, Mode mode, const QStringList &takenNames = {}, QWidget *parent = nullptr);

    // Edit mode: fills the form from CONNECTION; the name cannot change, the secret may stay.
    void setConnection(const ConnectionRecord &connection);

    const ProviderKind &kind() const { return m_kind; }
    QString name() const;
    // The validated settings (with secret_env when the secret comes from the environment), or the
    // first problem, naming the field.
    Result<QJsonObject> settings() const;
    // The typed secret for the keychain: none when the environment is chosen, or when left empty
    // (editing: keep the stored one).
    std::optional<Secret> secret() const;
    bool isComplete() const;
    // The first problem as the form shows it, empty when complete.
    QString problem() const { return m_problem; }

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *secretEdit() const { return m_secret; }
    QWidget *fieldEditor(const QString &key) const;

Q_SIGNALS:
    void changed();

private:
    void addField(QFormLayout *form, const ProviderField &field);
    QString fieldText(const ProviderField &field) const;
    void revalidate();
    bool secretUsed() const;   // the kind has one, or the auth choice asks for one

    ProviderKind m_kind;
    Mode m_mode;
    QStringList m_takenNames;
    QLineEdit *m_name = nullptr;
    QComboBox *m_secretSource = nullptr;
    QLineEdit *m_secret = nullptr;
    QLineEdit *m_secretEnv = nullptr;
    QLabel *m_problemLabel = nullptr;
    QFormLayout *m_layout = nullptr;
    QHash<QString, QWidget *> m_editors;
    QString m_problem;
};

} // namespace fleetscope
