// Raised alerts as desktop notifications through the system tray; a click on one asks for the
// page of its resource. Without a tray (offscreen, some desktops) it records what it would show,
// so the path is the same and a test can drive it.
#pragma once

#include "domain.h"

#include <QObject>

class QSystemTrayIcon;

namespace fleetscope {

class AlertNotifier : public QObject
{
    Q_OBJECT
public:
    // USE_TRAY false: never create a tray icon (tests).
    explicit AlertNotifier(bool useTray, QObject *parent = nullptr);

    struct Notification {
        QString title;
        QString message;
        AlertFinding finding;
    };
    const QList<Notification> &shown() const { return m_shown; }
    bool hasTray() const { return m_tray != nullptr; }

public Q_SLOTS:
    // One notification per finding.
    void show(const QList<fleetscope::AlertFinding> &raised);
    // The user clicked the last notification shown.
    void activate();

Q_SIGNALS:
    void resourceRequested(const fleetscope::AlertFinding &finding);

private:
    QSystemTrayIcon *m_tray = nullptr;
    QList<Notification> m_shown;
};

} // namespace fleetscope
