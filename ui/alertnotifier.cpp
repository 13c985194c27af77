// AlertNotifier: tray messages by severity; the tray's messageClicked refers to the last message.
#include "alertnotifier.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace fleetscope {
namespace {

// Only the last one can be clicked; a few more are kept for tests and a long-running window's memory stays flat.
constexpr qsizetype kKept = 20;

QSystemTrayIcon::MessageIcon messageIcon(const QString &severity)
{
    if (severity == QLatin1String("critical"))
        return QSystemTrayIcon::Critical;
    if (severity == QLatin1String("warning"))
        return QSystemTrayIcon::Warning;
    return QSystemTrayIcon::Information;
}

} // namespace

AlertNotifier::AlertNotifier(bool useTray, QObject *parent)
    : QObject(parent)
{
    if (!useTray || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_tray->setToolTip(tr("Fleetscope"));
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &AlertNotifier::activate);
    m_tray->show();
}

void AlertNotifier::show(const QList<AlertFinding> &raised)
{
    for (const AlertFinding &finding : raised) {
        Notification note{tr("Fleetscope: %1").arg(finding.kind), finding.message, finding};
        if (m_tray)
            m_tray->showMessage(note.title, note.message, messageIcon(finding.severity));
        m_shown << note;
        if (m_shown.size() > kKept)
            m_shown.removeFirst();
    }
}

void AlertNotifier::activate()
{
    if (!m_shown.isEmpty())
        Q_EMIT resourceRequested(m_shown.last().finding);
}

} // namespace fleetscope
