// Migrations: fresh store, upgrade from every earlier version, refusal of newer, corrupt and foreign files.
#include "store/store.h"
#include "teststore.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace fleetscope;

namespace {

// Migrations are numbered by branch; a number may be missing, so count the files.
qint64 migrationCount()
{
    return QDir(QStringLiteral(":/migrations/sqlite")).entryList({QStringLiteral("*.sql")}, QDir::Files).size();
}

// Applies the embedded migrations up to VERSION with plain SQLite, as an older Fleetscope would have.
void createAtVersion(const QString &path, int version)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    auto exec = [db](const QByteArray &sql) {
        char *message = nullptr;
        const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &message);
        const QByteArray text = message ? QByteArray(message) : QByteArray();
        sqlite3_free(message);
        return rc == SQLITE_OK ? QByteArray() : text;
    };
    QCOMPARE(exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)"), QByteArray());
    const QDir dir(QStringLiteral(":/migrations/sqlite"));
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const int v = name.left(3).toInt();
        if (v > version)
            break;
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(exec(file.readAll()), QByteArray());
        QCOMPARE(exec("INSERT INTO schema_migrations VALUES (" + QByteArray::number(v) + ", 'x', 0)"), QByteArray());
    }
    sqlite3_close(db);
}

qint64 scalar(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *stmt = nullptr;
    qint64 value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

// The detail lines of SQL's query plan.
QStringList queryPlan(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *stmt = nullptr;
    QStringList details;
    if (sqlite3_prepare_v2(db, (QByteArray("EXPLAIN QUERY PLAN ") + sql).constData(), -1, &stmt, nullptr) == SQLITE_OK) {
        while (sqlite3_step(stmt) == SQLITE_ROW)
            details << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 3)));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return details;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshStoreHasTheWholeDataModel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fresh.sqlite"));
        Result<std::unique_ptr<Store>> store = openStore(StoreLocation{path}, StoreAccess::ReadWrite);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        QCOMPARE((*store)->schemaVersion(), latestSchemaVersion());
        QVERIFY(latestSchemaVersion() >= 2);
        store->reset();

        const char *tables[] = {"connections", "instance_snapshots", "endpoint_snapshots", "endpoint_health", "jobs",
                                "billing_snapshots", "gpu_offers", "series", "samples", "samples_1m", "samples_1h",
                                "github_workflow_configs", "github_workflow_runs", "github_workflow_metric_schemas",
                                "github_workflow_metrics", "alerts", "schema_migrations"};
        for (const char *table : tables) {
            const QByteArray sql = QByteArray("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '") + table + "'";
            QVERIFY2(scalar(path, sql.constData()) == 1, table);
        }
        QCOMPARE(scalar(path, "SELECT count(*) FROM schema_migrations"), migrationCount());
        QCOMPARE(scalar(path, "SELECT count(*) FROM pragma_index_list('instance_snapshots')"), qint64(3));
        QCOMPARE(scalar(path, "SELECT count(*) FROM pragma_index_list('github_workflow_metrics')"), qint64(2));
        QCOMPARE(scalar(path, "PRAGMA page_size"), qint64(16384));   // a new store's pages
        // 014: the configuration-and-time index is ascending (appends fill its pages) and serves the
        // metric queries' range on both sides.
        QCOMPARE(scalar(path, "SELECT count(*) FROM pragma_index_xinfo('github_workflow_metrics_config_ts') WHERE key = 1 AND desc = 1"), qint64(0));
        QCOMPARE(scalar(path, "SELECT count(*) FROM pragma_index_xinfo('github_workflow_metrics_config_ts') WHERE key = 1"), qint64(2));
        QCOMPARE(queryPlan(path, "SELECT id FROM github_workflow_metrics WHERE config_id = 1 AND timestamp >= 0 AND timestamp < 10"
                                 " ORDER BY timestamp DESC"),
                 QStringList{QStringLiteral("SEARCH github_workflow_metrics USING COVERING INDEX github_workflow_metrics_config_ts"
                                            " (config_id=? AND timestamp>? AND timestamp<?)")});
    }

    void reopeningAppliesNothingTwice()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("again.sqlite"));
        QVERIFY(openStore(StoreLocation{path}, StoreAccess::ReadWrite));
        QVERIFY(openStore(StoreLocation{path}, StoreAccess::ReadWrite));
        QCOMPARE(scalar(path, "SELECT count(*) FROM schema_migrations"), migrationCount());
    }

    void upgradesFromEachEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < latestSchemaVersion(); ++v)
            QTest::addRow("from v%d", v) << v;
    }

    void upgradesFromEachEarlierVersion()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        createAtVersion(path, from);
        // Data an older version stored: one series, two hours of samples every 30 s.
        {
            sqlite3 *db = nullptr;
            sqlite3_open(path.toUtf8().constData(), &db);
            sqlite3_exec(db, "INSERT INTO connections (id, kind, name, created_at, updated_at, last_sync_at, last_status)"
                             " VALUES (1, 'prometheus', 'old', 0, 0, 5000, 'ok');"
                             "INSERT INTO series (id, connection_id, metric) VALUES (1, 1, 'gpu_util');", nullptr, nullptr, nullptr);
            for (int i = 0; i < 240; ++i) {
                const QByteArray sql = "INSERT INTO samples VALUES (1, " + QByteArray::number(3'600'000LL * 100 + i * 30'000LL) + ", "
                    + QByteArray::number(i % 100) + ")";
                sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr);
            }
            if (from >= 6) {
                // Workflow metric rows with their units and directions on each row, as 006 to 014 kept them.
                sqlite3_exec(db, "INSERT INTO github_workflow_configs (id, name, github_owner, github_repo, created_at, updated_at)"
                                 " VALUES (1, 'bench', 'acme', 'llm', 0, 0);"
                                 "INSERT INTO github_workflow_runs (id, config_id, created_at, updated_at) VALUES (1, 1, 0, 0);"
                                 "INSERT INTO github_workflow_metrics (config_id, run_id, timestamp, metrics, units, directions, created_at) VALUES"
                                 " (1, 1, 10, '{\"t\":1}', '{\"t\":\"ms\"}', '{}', 0), (1, 1, 10, '{\"t\":2}', '{\"t\":\"ms\"}', '{}', 0),"
                                 " (1, 1, 10, '{\"n\":3}', '{}', '{\"n\":\"higher\"}', 0);", nullptr, nullptr, nullptr);
            }
            sqlite3_close(db);
        }
        Result<std::unique_ptr<Store>> store = openStore(StoreLocation{path}, StoreAccess::ReadWrite);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        QCOMPARE((*store)->schemaVersion(), latestSchemaVersion());
        QCOMPARE((*store)->connections()->size(), 1);
        store->reset();
        QCOMPARE(scalar(path, "SELECT count(*) FROM samples"), qint64(240));
        QCOMPARE(scalar(path, "PRAGMA page_size"), qint64(4096));   // an older store keeps its pages
        // Columns added by 003 are there, empty for old rows.
        QCOMPARE(scalar(path, "SELECT count(*) FROM pragma_table_info('billing_snapshots') WHERE name = 'spend_limit'"), qint64(1));
        QCOMPARE(scalar(path, "SELECT count(*) FROM pragma_table_info('gpu_offers') WHERE name = 'tier'"), qint64(1));
        // 004 rebuilt the connections table: the series that refer to it survived, foreign keys hold.
        QCOMPARE(scalar(path, "SELECT count(*) FROM series WHERE connection_id = 1"), qint64(1));
        QCOMPARE(scalar(path, "SELECT count(*) FROM pragma_foreign_key_check"), qint64(0));
        QCOMPARE(scalar(path, "SELECT count(*) FROM connections WHERE removed_at IS NULL"), qint64(1));
        // 005: the last sync that went well is kept apart (backfilled when crossing it), and offers name their connection.
        if (from < 5)
            QCOMPARE(scalar(path, "SELECT last_success_at FROM connections WHERE id = 1"), qint64(5000));
        QCOMPARE(scalar(path, "SELECT count(*) FROM pragma_table_info('gpu_offers') WHERE name = 'connection_id'"), qint64(1));
        // 006: workflow runs have a key of their own. 015: metric rows point at their units and
        // directions, each distinct pair stored once; rows stored before keep theirs.
        QCOMPARE(scalar(path, "SELECT count(*) FROM pragma_table_info('github_workflow_runs') WHERE name = 'run_key'"), qint64(1));
        QCOMPARE(scalar(path, "SELECT count(*) FROM pragma_table_info('github_workflow_metrics') WHERE name IN ('units', 'directions')"), qint64(0));
        QCOMPARE(scalar(path, "SELECT count(*) FROM pragma_table_info('github_workflow_metrics') WHERE name = 'units_id'"), qint64(1));
        if (from >= 6) {
            QCOMPARE(scalar(path, "SELECT count(*) FROM github_workflow_metric_units"), qint64(2));
            QCOMPARE(scalar(path, "SELECT count(*) FROM github_workflow_metrics m JOIN github_workflow_metric_units u ON u.id = m.units_id"
                                  " WHERE u.units = '{\"t\":\"ms\"}' AND u.directions = '{}' AND m.metrics LIKE '{\"t\":%'"), qint64(2));
            QCOMPARE(scalar(path, "SELECT count(*) FROM github_workflow_metrics m JOIN github_workflow_metric_units u ON u.id = m.units_id"
                                  " WHERE u.units = '{}' AND u.directions = '{\"n\":\"higher\"}' AND m.metrics = '{\"n\":3}'"), qint64(1));
        }
        QCOMPARE(scalar(path, "SELECT dflt_value FROM pragma_table_info('github_workflow_configs') WHERE name = 'max_file_bytes'"), qint64(5242880));
        if (from < 2) {
            // Crossing 002 backfills the rollups from the samples that were already there.
            QCOMPARE(scalar(path, "SELECT sum(count) FROM samples_1h"), qint64(240));
            QCOMPARE(scalar(path, "SELECT count(*) FROM samples_1m"), qint64(120));
            QCOMPARE(scalar(path, "SELECT count(*) FROM samples_1h"), qint64(2));
            QCOMPARE(scalar(path, "SELECT max_value FROM samples_1h WHERE bucket_ts = 360000000"), qint64(99));
            QCOMPARE(scalar(path, "SELECT last_value FROM samples_1h WHERE bucket_ts = 363600000"), qint64(239 % 100));
        }
    }

    void refusesAStoreFromANewerFleetscope()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
        QVERIFY(openStore(StoreLocation{path}, StoreAccess::ReadWrite));
        {
            sqlite3 *db = nullptr;
            sqlite3_open(path.toUtf8().constData(), &db);
            sqlite3_exec(db, "PRAGMA journal_mode=DELETE; INSERT INTO schema_migrations VALUES (999, 'future', 0)", nullptr, nullptr, nullptr);
            sqlite3_close(db);
        }
        const QByteArray before = test::fileHash(path);
        Result<std::unique_ptr<Store>> store = openStore(StoreLocation{path}, StoreAccess::ReadWrite);
        QVERIFY(!store);
        QVERIFY2(store.error().message.contains(QLatin1String("newer Fleetscope")), qPrintable(store.error().message));
        QVERIFY(store.error().message.contains(QLatin1String("999")));
        QVERIFY(store.error().message.contains(path));
        QCOMPARE(test::fileHash(path), before);
    }

    void refusesForeignFilesUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::addRow("text file") << QByteArray("not a database at all\n") << QStringLiteral("not a SQLite database");
        QByteArray corrupt("SQLite format 3\0", 16);
        corrupt += QByteArray(4096, '\x5a');
        QTest::addRow("corrupt SQLite") << corrupt << QStringLiteral("not a usable SQLite database");
        QTest::addRow("binary noise") << QByteArray(8192, '\xff') << QStringLiteral("not a SQLite database");
    }

    void refusesForeignFilesUntouched()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("foreign.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        Result<std::unique_ptr<Store>> store = openStore(StoreLocation{path}, StoreAccess::ReadWrite);
        QVERIFY(!store);
        QVERIFY2(store.error().message.contains(expected), qPrintable(store.error().message));
        QVERIFY(store.error().message.contains(path));
        QVERIFY(!store.error().message.contains(QLatin1Char('\n')));
        QCOMPARE(test::fileHash(path), QCryptographicHash::hash(content, QCryptographicHash::Sha256));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void refusesSomeoneElsesSqliteDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        sqlite3 *db = nullptr;
        sqlite3_open(path.toUtf8().constData(), &db);
        sqlite3_exec(db, "CREATE TABLE invoices (id INTEGER); INSERT INTO invoices VALUES (1)", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        const QByteArray before = test::fileHash(path);
        Result<std::unique_ptr<Store>> store = openStore(StoreLocation{path}, StoreAccess::ReadWrite);
        QVERIFY(!store);
        QVERIFY2(store.error().message.contains(QLatin1String("not a Fleetscope store")), qPrintable(store.error().message));
        QCOMPARE(test::fileHash(path), before);
    }

    void unwritableDataDirectoryIsAClearError()
    {
        QTemporaryDir dir;
        // A regular file where the directory should be: fails even for root.
        const QString blocker = dir.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        Result<StoreLocation> location = StoreLocation::parse(QString(), blocker + QStringLiteral("/data"));
        QVERIFY(location);
        Result<std::unique_ptr<Store>> store = openStore(*location, StoreAccess::ReadWrite);
        QVERIFY(!store);
        QVERIFY2(store.error().message.contains(QLatin1String("data directory")), qPrintable(store.error().message));
        QCOMPARE(store.error().kind, ErrorClass::Storage);
    }

    void locationTellsSqliteFromPostgres_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("display");
        QTest::addRow("postgresql") << QStringLiteral("postgresql://fleet@db.example:5432/fleet?sslmode=require")
                                    << QStringLiteral("postgresql://fleet@db.example:5432/fleet?sslmode=require");
        QTest::addRow("postgres") << QStringLiteral("postgres://db.example/fleet") << QStringLiteral("postgres://db.example/fleet");
        QTest::addRow("password in the authority") << QStringLiteral("postgresql://fleet:s3cret@db.example:5432/fleet")
                                                   << QStringLiteral("postgresql://fleet:***@db.example:5432/fleet");
        QTest::addRow("password as a parameter") << QStringLiteral("postgresql://fleet@db.example/fleet?password=s3cret&sslmode=verify-full")
                                                 << QStringLiteral("postgresql://fleet@db.example/fleet?password=***&sslmode=verify-full");
    }

    void locationTellsSqliteFromPostgres()
    {
        QFETCH(QString, spec);
        QFETCH(QString, display);
        Result<StoreLocation> location = StoreLocation::parse(spec, QStringLiteral("/tmp"));
        QVERIFY2(location, qPrintable(location ? QString() : location.error().message));
        QVERIFY(location->isPostgres());
        QCOMPARE(location->postgresUri, spec);   // handed to libpq exactly as given
        QCOMPARE(location->display(), display);
        QVERIFY(!location->display().contains(QLatin1String("s3cret")));
    }

    void locationRefusesWhatLibpqCannotRead()
    {
        Result<StoreLocation> location = StoreLocation::parse(QStringLiteral("postgresql://fleet:s3cret@db.example/fleet?bogus=1"), QStringLiteral("/tmp"));
        QVERIFY(!location);
        QCOMPARE(location.error().kind, ErrorClass::Config);
        QVERIFY2(location.error().message.contains(QLatin1String("bogus")), qPrintable(location.error().message));
        QVERIFY2(!location.error().message.contains(QLatin1String("s3cret")), qPrintable(location.error().message));
        QVERIFY(!StoreLocation::parse(QStringLiteral("mysql://x"), QStringLiteral("/tmp")));
        QVERIFY(!StoreLocation::parse(QString(), QStringLiteral("/data"))->isPostgres());
        QCOMPARE(StoreLocation::parse(QString(), QStringLiteral("/data"))->sqlitePath, QStringLiteral("/data/fleetscope.sqlite"));
        QCOMPARE(StoreLocation::parse(QStringLiteral("sqlite:///x/y.db"), QStringLiteral("/data"))->sqlitePath, QStringLiteral("/x/y.db"));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "test_migrations.moc"
