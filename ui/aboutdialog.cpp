// About dialog layout.
#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace fleetscope {

AboutDialog::AboutDialog(const QString &dataLocation, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Fleetscope"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Fleetscope %1</h2>").arg(QStringLiteral(FLEETSCOPE_VERSION)), this);
    auto *body = new QLabel(tr("A desktop dashboard for GPU cloud fleets: spend, pods, serverless endpoints, "
                               "GPU offers and CI benchmark trends, collected in the background and kept on "
                               "this computer.<br><br>Data: %1").arg(dataLocation.toHtmlEscaped()), this);
    body->setWordWrap(true);
    body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    title->setAccessibleName(tr("Version"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(title);
    layout->addWidget(body);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

} // namespace fleetscope
