// The rotating log file: lines reach the file with their category, old files rotate and are capped.
#include "logging.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

class TestLogging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rotatesAndKeepsAtMostKeepFiles()
    {
        QTemporaryDir dir;
        const QString logDir = dir.filePath(QStringLiteral("logs"));
        QVERIFY(installFileLog(logDir, false, 4096, 2));
        for (int i = 0; i < 400; ++i)
            qCWarning(lcStore) << "line" << i << QByteArray(40, 'x');

        const QStringList files = QDir(logDir).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{QStringLiteral("fleetscope.log"), QStringLiteral("fleetscope.log.1"), QStringLiteral("fleetscope.log.2")}));
        for (const QString &name : files)
            QVERIFY2(QFileInfo(QDir(logDir).filePath(name)).size() <= 4096 + 200, qPrintable(name));

        QFile current(QDir(logDir).filePath(QStringLiteral("fleetscope.log")));
        QVERIFY(current.open(QIODevice::ReadOnly));
        const QByteArray text = current.readAll();
        QVERIFY(text.contains("warning fleetscope.store: line 399"));
        QVERIFY2(text.startsWith("20"), "each line starts with an ISO-8601 UTC timestamp");
        QFile oldest(QDir(logDir).filePath(QStringLiteral("fleetscope.log.2")));
        QVERIFY(oldest.open(QIODevice::ReadOnly));
        QVERIFY(!oldest.readAll().contains("line 0 "));   // the oldest lines were rotated away
    }

    void unwritableDirectoryIsReported()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(!installFileLog(dir.filePath(QStringLiteral("file/logs")), false));
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "test_logging.moc"
