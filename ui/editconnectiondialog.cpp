// EditConnectionDialog: the same form as the wizard's settings page, in edit mode.
#include "editconnectiondialog.h"

#include "connectioncontroller.h"
#include "engine/collectors.h"
#include "providerform.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fleetscope {

EditConnectionDialog::EditConnectionDialog(ConnectionController &controller, const ConnectionRecord &connection, QWidget *parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_connection(connection)
{
    const ProviderKind *kind = findProviderKind(connection.kind);
    Q_ASSERT(kind);
    setWindowTitle(tr("Edit “%1”").arg(connection.name));
    m_form = new ProviderForm(*kind, ProviderForm::Mode::Edit, {}, this);
    m_form->setConnection(connection);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EditConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto updateSave = [this] { m_buttons->button(QDialogButtonBox::Save)->setEnabled(m_form->isComplete()); };
    connect(m_form, &ProviderForm::changed, this, updateSave);
    updateSave();
    resize(560, sizeHint().height());
}

void EditConnectionDialog::accept()
{
    Result<QJsonObject> settings = m_form->settings();
    if (!settings) {
        m_error->setText(settings.error().message);
        return;
    }
    ConnectionRecord changed = m_connection;
    changed.settings = *settings;
    changed.cadenceSeconds = schedulerCadenceSeconds(changed.kind, changed.settings, changed.cadenceSeconds);
    m_buttons->setEnabled(false);
    m_controller.update(changed, m_form->secret(), this, [this](Result<ConnectionRecord> saved) {
        m_buttons->setEnabled(true);
        if (!saved) {
            m_error->setText(tr("Nothing was changed: %1").arg(describe(saved.error())));
            return;
        }
        QDialog::accept();
    });
}

} // namespace fleetscope
