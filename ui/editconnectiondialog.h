// Changing a stored connection: the provider's form filled in, a new secret optional.
#pragma once

#include "domain.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace fleetscope {

class ConnectionController;
class ProviderForm;

class EditConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    // CONNECTION must be of a kind this build knows (the caller checks).
    EditConnectionDialog(ConnectionController &controller, const ConnectionRecord &connection, QWidget *parent = nullptr);

    ProviderForm *form() const { return m_form; }

    void accept() override;   // saves; closes only when the save succeeded

private:
    ConnectionController &m_controller;
    ConnectionRecord m_connection;
    ProviderForm *m_form = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fleetscope
