// The About box: version, what Fleetscope is, where its data and logs live.
#pragma once

#include <QDialog>

namespace fleetscope {

class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    AboutDialog(const QString &dataLocation, QWidget *parent = nullptr);
};

} // namespace fleetscope
