// SIGTERM and SIGINT as a Qt signal: the handler only writes to a pipe, and a socket notifier
// turns that into terminationRequested() on the watcher's thread (the safe way, per the Qt docs).
#pragma once

#include <QObject>

class QSocketNotifier;

namespace fleetscope {

class TerminationWatcher : public QObject
{
    Q_OBJECT
public:
    // Installs the handlers; one watcher per process. The previous handlers come back on destruction.
    explicit TerminationWatcher(QObject *parent = nullptr);
    ~TerminationWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace fleetscope
