// Logging categories per subsystem and the rotating log file in the data directory.
#pragma once

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcGpu)

namespace fleetscope {

// Sends every log line to DIR/fleetscope.log (and to stderr as well when ECHO), keeping
// KEEP older files of at most MAX_BYTES each (fleetscope.log.1 ...). Returns false
// if the file cannot be opened; logging then stays on stderr.
bool installFileLog(const QString &dir, bool echo, qint64 maxBytes = 5 * 1024 * 1024, int keep = 3);

} // namespace fleetscope
