// Log file rotation and the message handler; messages are written as they come, never buffered past a line.
#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>


Q_LOGGING_CATEGORY(lcStore, "fleetscope.store")
Q_LOGGING_CATEGORY(lcEngine, "fleetscope.engine")
Q_LOGGING_CATEGORY(lcHttp, "fleetscope.http")
Q_LOGGING_CATEGORY(lcCli, "fleetscope.cli")
Q_LOGGING_CATEGORY(lcUi, "fleetscope.ui")
Q_LOGGING_CATEGORY(lcGpu, "fleetscope.gpu")

namespace fleetscope {
namespace {

struct FileLog {
    QMutex mutex;
    QFile file;
    QString path;
    qint64 maxBytes = 0;
    int keep = 0;
    QtMessageHandler previous = nullptr;
    bool echo = true;
    bool installed = false;
};

// Never destroyed: a thread may still log while static destructors run at exit.
FileLog &fileLog()
{
    static FileLog *log = new FileLog;
    return *log;
}

void rotate(FileLog &log)
{
    log.file.close();
    QFile::remove(log.path + QLatin1Char('.') + QString::number(log.keep));
    for (int i = log.keep - 1; i >= 1; --i)
        QFile::rename(log.path + QLatin1Char('.') + QString::number(i), log.path + QLatin1Char('.') + QString::number(i + 1));
    QFile::rename(log.path, log.path + QStringLiteral(".1"));
    log.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "critical";
    case QtFatalMsg: return "fatal";
    }
    return "?";
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    FileLog &log = fileLog();
    {
        QMutexLocker lock(&log.mutex);
        if (log.file.isOpen()) {
            const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8()
                + ' ' + levelName(type) + ' ' + (context.category ? context.category : "default")
                + ": " + message.toUtf8() + '\n';
            log.file.write(line);
            log.file.flush();
            if (log.file.size() > log.maxBytes)
                rotate(log);
        }
    }
    if (log.echo && log.previous)
        log.previous(type, context, message);
}

} // namespace

bool installFileLog(const QString &dir, bool echo, qint64 maxBytes, int keep)
{
    FileLog &log = fileLog();
    QMutexLocker lock(&log.mutex);
    log.echo = echo;
    // The handler goes in even without a file, so ECHO decides what reaches stderr either way.
    if (!log.installed) {
        log.previous = qInstallMessageHandler(handleMessage);
        log.installed = true;
    }
    log.file.close();
    if (!QDir().mkpath(dir))
        return false;
    log.path = QDir(dir).filePath(QStringLiteral("fleetscope.log"));
    log.maxBytes = maxBytes;
    log.keep = keep;
    log.file.setFileName(log.path);
    return log.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

} // namespace fleetscope
