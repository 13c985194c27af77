// The command line as a user meets it: exit codes, one-line errors, connections list in text and JSON.
#include "store/storeservice.h"
#include "clirun.h"
#include "teststore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace fleetscope;

namespace {

using Run = test::CliRun;

Run run(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return test::runFleetscope(args, env);
}

int lineCount(const QString &text)
{
    return int(text.trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts).size());
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

private Q_SLOTS:
    void versionAndHelp()
    {
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("fleetscope " FLEETSCOPE_VERSION));
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("--data-dir")));
        QVERIFY(help.out.contains(QLatin1String("connections list")));
    }

    void germanFromTheSystemLocale()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        const Run help = run({QStringLiteral("--help")}, env);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QLatin1String("Aufruf: fleetscope")), qPrintable(help.out));
        const Run list = run({QStringLiteral("--data-dir"), dataDir() + QStringLiteral("-de"), QStringLiteral("connections"), QStringLiteral("list")}, env);
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(QStringLiteral("Keine Verbindungen")), qPrintable(list.out));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command 'frobnicate'");
        QTest::addRow("unknown global flag") << QStringList{QStringLiteral("--frob")} << QStringLiteral("frob");
        QTest::addRow("missing subcommand") << QStringList{QStringLiteral("connections")} << QStringLiteral("missing subcommand");
        QTest::addRow("unknown subcommand") << QStringList{QStringLiteral("connections"), QStringLiteral("explode")} << QStringLiteral("explode");
        QTest::addRow("unknown subcommand flag") << QStringList{QStringLiteral("connections"), QStringLiteral("list"), QStringLiteral("--yaml")} << QStringLiteral("yaml");
        QTest::addRow("option without value") << QStringList{QStringLiteral("--data-dir")} << QStringLiteral("data-dir");
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const Run result = run(QStringList{QStringLiteral("--data-dir"), dataDir()} + args);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
        QVERIFY(result.err.contains(QLatin1String("Usage:")));
        QVERIFY(result.out.isEmpty());
    }

    void listOnAFreshDataDirectory()
    {
        const Run result = run({QStringLiteral("--data-dir"), dataDir(), QStringLiteral("connections"), QStringLiteral("list")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QLatin1String("No connections")), qPrintable(result.out));
        QVERIFY(QFile::exists(dataDir() + QStringLiteral("/fleetscope.sqlite")));
        QVERIFY(QFile::exists(dataDir() + QStringLiteral("/logs/fleetscope.log")));
        const Run json = run({QStringLiteral("--data-dir"), dataDir(), QStringLiteral("connections"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).isArray());
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 0);
    }

    void listShowsStoredConnections()
    {
        {
            StoreService service(*StoreLocation::parse(QString(), dataDir()));
            QVERIFY(service.startBlocking());
            WriteBatch batch = test::connectionBatch(QStringLiteral("dcgm-lab"));
            ConnectionRecord failing = test::connection(QStringLiteral("runpod-prod"), QStringLiteral("runpod"));
            failing.lastStatus = QStringLiteral("failed");
            failing.lastError = QStringLiteral("auth: key rejected");
            failing.lastSyncAt = QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
            failing.enabled = false;
            batch.connections << failing;
            service.submit(batch);
            service.flush();
        }
        const Run table = run({QStringLiteral("--data-dir"), dataDir(), QStringLiteral("connections"), QStringLiteral("list")});
        QCOMPARE(table.exitCode, 0);
        QCOMPARE(lineCount(table.out), 3);
        QVERIFY(table.out.startsWith(QLatin1String("KIND")));
        QVERIFY(table.out.contains(QLatin1String("auth: key rejected")));
        QVERIFY(table.out.contains(QLatin1String("2026-11-23T10:00:00Z")));

        const Run json = run({QStringLiteral("--data-dir"), dataDir(), QStringLiteral("connections"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(array.size(), 2);
        const QJsonObject runpod = array.at(1).toObject();
        QCOMPARE(runpod.value(QStringLiteral("name")).toString(), QStringLiteral("runpod-prod"));
        QCOMPARE(runpod.value(QStringLiteral("kind")).toString(), QStringLiteral("runpod"));
        QCOMPARE(runpod.value(QStringLiteral("enabled")).toBool(), false);
        QCOMPARE(runpod.value(QStringLiteral("last_status")).toString(), QStringLiteral("failed"));
        QVERIFY(array.at(0).toObject().value(QStringLiteral("last_sync_at")).isNull());
    }

    void failuresAreOneLineExitOne_data()
    {
        QTest::addColumn<QString>("store");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");
        // Nothing listens on loopback port 1; the password in the URI is never repeated.
        QTest::addRow("postgres unreachable") << QStringLiteral("postgresql://u:cli-s3cret@127.0.0.1:1/db") << QByteArray()
                                              << QStringLiteral("postgresql://u:***@127.0.0.1:1/db: connection to server");
        QTest::addRow("not a database") << QStringLiteral("notes.txt") << QByteArray("hello\n") << QStringLiteral("not a SQLite database");
    }

    void failuresAreOneLineExitOne()
    {
        QFETCH(QString, store);
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        QString spec = store;
        if (!content.isEmpty()) {
            spec = m_dir.filePath(store);
            QFile file(spec);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        const Run result = run({QStringLiteral("--data-dir"), dataDir(), QStringLiteral("--store"), spec, QStringLiteral("connections"), QStringLiteral("list")});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(lineCount(result.err), 1);
        QVERIFY2(result.err.startsWith(QLatin1String("fleetscope: ")), qPrintable(result.err));
        QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
        QVERIFY(!result.err.contains(QLatin1String("s3cret")));
        if (!content.isEmpty())
            QCOMPARE(test::fileHash(spec), QCryptographicHash::hash(content, QCryptographicHash::Sha256));
    }

    void unwritableDataDirectory()
    {
        const QString blocker = m_dir.filePath(QStringLiteral("a-file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Run result = run({QStringLiteral("--data-dir"), blocker + QStringLiteral("/data"), QStringLiteral("connections"), QStringLiteral("list")});
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(lineCount(result.err), 1);
        QVERIFY2(result.err.contains(QLatin1String("data directory")), qPrintable(result.err));
    }

    void noDisplayIsAClearMessage()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        const Run result = run({QStringLiteral("--data-dir"), dataDir()}, env);
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(lineCount(result.err), 1);
        QVERIFY2(result.err.contains(QLatin1String("no display")), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
