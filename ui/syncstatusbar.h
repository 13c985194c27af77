// Status-bar strip with each connection's sync state: when it last synced, and the error if it failed.
#pragma once

#include "domain.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace fleetscope {

class SyncStatusBar : public QWidget
{
    Q_OBJECT
public:
    explicit SyncStatusBar(QWidget *parent = nullptr);

    // The texts shown, one per connection (or the "none configured" notice), for tests.
    QStringList texts() const;

public Q_SLOTS:
    // Fed from the connections table today; the engine can call it directly with live states.
    void showConnections(const QList<fleetscope::ConnectionRecord> &connections);

private:
    QHBoxLayout *m_layout = nullptr;
    QList<QLabel *> m_labels;
};

} // namespace fleetscope
