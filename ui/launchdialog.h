// Launching the selected GPU offer: image, name, SSH key, GPU count and spot where the provider has
// them, the price per hour stated plainly, and a confirmation box that must be ticked first.
#pragma once

#include "providers/podlaunch.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace fleetscope {

class LaunchDialog : public QDialog
{
    Q_OBJECT
public:
    // OFFER of CONNECTION; what the provider needs besides (Lambda's SSH key, Vultr's numeric image)
    // is checked as the user types, with the reason shown and Launch disabled until it is given.
    LaunchDialog(const GpuOffer &offer, const ConnectionRecord &connection, QWidget *parent = nullptr);

    // What the user asked for; valid once canLaunch().
    LaunchRequest request() const;
    bool canLaunch() const;

    QLineEdit *imageEdit() const { return m_image; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *sshKeyEdit() const { return m_sshKey; }
    QSpinBox *countBox() const { return m_count; }
    QCheckBox *spotBox() const { return m_spot; }
    QCheckBox *confirmBox() const { return m_confirm; }
    QLabel *priceLabel() const { return m_price; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *launchButton() const { return m_launch; }

private:
    void refreshState();

    GpuOffer m_offer;
    ConnectionRecord m_connection;
    Result<LaunchRequest> m_request;
    Result<LaunchPreview> m_preview;
    QLineEdit *m_image = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_sshKey = nullptr;
    QSpinBox *m_count = nullptr;
    QCheckBox *m_spot = nullptr;
    QLabel *m_price = nullptr;
    QLabel *m_problem = nullptr;
    QCheckBox *m_confirm = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_launch = nullptr;
};

} // namespace fleetscope
