// PostgreSQL-only behaviour of the store: the schema matches SQLite's, COPY ingest at volume,
// read-only roles, login failures as one line without the password, concurrent migrations,
// refusal of databases that are not ours. The shared scenarios run in test_storewriter_pg.
#include "clirun.h"
#include "fixtures.h"
#include "pgserver.h"
#include "store/pgstore.h"
#include "store/store.h"
#include "teststore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <sqlite3.h>

using namespace fleetscope;

namespace {

// Migrations are numbered by branch; a number may be missing, so count the files.
qint64 migrationCount()
{
    return QDir(QStringLiteral(":/migrations/sqlite")).entryList({QStringLiteral("*.sql")}, QDir::Files).size();
}

// Columns documented as JSON: JSONB in PostgreSQL, TEXT in SQLite. series.labels_json is not among
// them on purpose: it is the series' identity, kept as the exact canonical text.
bool isJsonColumn(const QString &column)
{
    static const QStringList kDocuments{QStringLiteral("file_patterns"), QStringLiteral("fields"), QStringLiteral("dimension_fields"),
                                        QStringLiteral("metric_fields"), QStringLiteral("dimensions"), QStringLiteral("metrics"),
                                        QStringLiteral("units"), QStringLiteral("directions")};
    return (column.endsWith(QLatin1String("_json")) && column != QLatin1String("labels_json")) || kDocuments.contains(column);
}

QStringList sqliteRows(sqlite3 *db, const QString &sql)
{
    QStringList rows;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.toUtf8().constData(), -1, &stmt, nullptr) != SQLITE_OK)
        qFatal("%s: %s", qPrintable(sql), sqlite3_errmsg(db));
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        QStringList fields;
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, i));
            fields << (text ? QString::fromUtf8(text) : QStringLiteral("NULL"));
        }
        rows << fields.join(QLatin1Char('|'));
    }
    sqlite3_finalize(stmt);
    return rows;
}

struct Schema {
    QStringList columns;      // "table.column type [not null]", types in PostgreSQL's words
    QStringList keys;         // "table pk(a,b)", "table unique(a,b)", "... where" for a partial index
    QStringList foreignKeys;  // "table(col) -> parent(col) on delete ACTION"
};

// SQLite's schema in PostgreSQL's words: INTEGER is bigint, or boolean where a CHECK keeps it to 0/1;
// REAL is double precision; TEXT is jsonb for the JSON columns, text otherwise.
Schema sqliteSchema(const QString &path)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    Schema schema;
    for (const QString &row : sqliteRows(db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))) {
        const QString table = row.section(QLatin1Char('|'), 0, 0);
        const QString sql = row.section(QLatin1Char('|'), 1);
        QStringList pk;
        for (const QString &column : sqliteRows(db, QStringLiteral("SELECT name, type, \"notnull\", pk FROM pragma_table_info('%1') ORDER BY pk").arg(table))) {
            const QStringList f = column.split(QLatin1Char('|'));
            QString type = f[1] == QLatin1String("REAL") ? QStringLiteral("double precision")
                         : f[1] == QLatin1String("TEXT") ? (isJsonColumn(f[0]) ? QStringLiteral("jsonb") : QStringLiteral("text"))
                         : sql.contains(QStringLiteral("CHECK (%1 IN (0, 1))").arg(f[0])) ? QStringLiteral("boolean")
                                                                                          : QStringLiteral("bigint");
            const bool notNull = f[2] == QLatin1String("1") || f[3] != QLatin1String("0");
            schema.columns << QStringLiteral("%1.%2 %3%4").arg(table, f[0], type, notNull ? QStringLiteral(" not null") : QString());
            if (f[3] != QLatin1String("0"))
                pk << f[0];
        }
        schema.keys << QStringLiteral("%1 pk(%2)").arg(table, pk.join(QLatin1Char(',')));
        for (const QString &index : sqliteRows(db, QStringLiteral("SELECT name, partial FROM pragma_index_list('%1') WHERE \"unique\" = 1 AND origin != 'pk'").arg(table))) {
            const QStringList columns = sqliteRows(db, QStringLiteral("SELECT name FROM pragma_index_info('%1') ORDER BY seqno").arg(index.section(QLatin1Char('|'), 0, 0)));
            schema.keys << QStringLiteral("%1 unique(%2)%3").arg(table, columns.join(QLatin1Char(',')),
                                                                index.section(QLatin1Char('|'), 1) == QLatin1String("1") ? QStringLiteral(" where") : QString());
        }
        for (const QString &fk : sqliteRows(db, QStringLiteral("SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list('%1')").arg(table))) {
            const QStringList f = fk.split(QLatin1Char('|'));
            schema.foreignKeys << QStringLiteral("%1(%2) -> %3(%4) on delete %5").arg(table, f[0], f[1], f[2], f[3]);
        }
    }
    sqlite3_close(db);
    for (QStringList *list : {&schema.columns, &schema.keys, &schema.foreignKeys})
        list->sort();
    return schema;
}

Schema postgresSchema(test::PgServer &server, const QString &database)
{
    Schema schema;
    schema.columns = server.rows(database, QStringLiteral(
        "SELECT table_name || '.' || column_name || ' ' || data_type || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END"
        " FROM information_schema.columns WHERE table_schema = current_schema()"));
    schema.keys = server.rows(database, QStringLiteral(
        "SELECT t.relname || CASE WHEN i.indisprimary THEN ' pk(' ELSE ' unique(' END"
        " || (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(i.indkey) WITH ORDINALITY k(num, ord)"
        "     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.num) || ')'"
        " || CASE WHEN i.indpred IS NOT NULL THEN ' where' ELSE '' END"
        " FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
        " WHERE i.indisunique AND t.relnamespace = current_schema()::regnamespace"));
    schema.foreignKeys = server.rows(database, QStringLiteral(
        "SELECT c.conrelid::regclass || '(' || a.attname || ') -> ' || c.confrelid::regclass || '(' || p.attname || ') on delete '"
        " || CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' ELSE 'SET DEFAULT' END"
        " FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
        " JOIN pg_attribute p ON p.attrelid = c.confrelid AND p.attnum = c.confkey[1]"
        " WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace"));
    for (QStringList *list : {&schema.columns, &schema.keys, &schema.foreignKeys})
        list->sort();
    return schema;
}

QString message(const Result<std::unique_ptr<Store>> &store)
{
    return store ? QString() : store.error().message;
}

} // namespace

class TestPgStore : public QObject
{
    Q_OBJECT

private:
    test::PgServer m_server;
    QTemporaryDir m_dir;

    // A new database holding a migrated store; its name.
    QString freshStore()
    {
        const QString database = m_server.createDatabase();
        Result<std::unique_ptr<Store>> store = openStore(*StoreLocation::parse(m_server.uri(database), m_dir.path()), StoreAccess::ReadWrite);
        if (!store)
            qFatal("%s", qPrintable(store.error().message));
        return database;
    }

    Result<std::unique_ptr<Store>> open(const QString &uri, StoreAccess access = StoreAccess::ReadWrite)
    {
        return openStore(*StoreLocation::parse(uri, m_dir.path()), access);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No skipping: build.sh installs PostgreSQL, so a server that does not start is a failure.
        QVERIFY2(m_server.start(), qPrintable(m_server.error()));
    }

    void schemaMatchesSqlite()
    {
        QCOMPARE(PgStore::latestPgSchemaVersion(), latestSchemaVersion());
        const QString sqlitePath = m_dir.filePath(QStringLiteral("parity.sqlite"));
        QVERIFY(openStore(StoreLocation{sqlitePath}, StoreAccess::ReadWrite));
        const QString database = freshStore();
        const Schema sqlite = sqliteSchema(sqlitePath);
        const Schema postgres = postgresSchema(m_server, database);
        QVERIFY(sqlite.columns.size() > 150);
        QCOMPARE(postgres.columns, sqlite.columns);
        QCOMPARE(postgres.keys, sqlite.keys);
        QCOMPARE(postgres.foreignKeys, sqlite.foreignKeys);
        QCOMPARE(m_server.scalar(database, QStringLiteral("SELECT count(*) FROM schema_migrations")), migrationCount());
        // Time-range indexes on every snapshot and sample table, GIN where JSON is filtered.
        for (const char *table : {"instance_snapshots", "endpoint_snapshots", "endpoint_health", "jobs", "billing_snapshots",
                                  "gpu_offers", "samples", "samples_1m", "samples_1h"}) {
            const QString sql = QStringLiteral("SELECT count(*) FROM pg_indexes WHERE tablename = '%1' AND indexdef ~ '\\((snapshot_ts|observed_ts|ts|bucket_ts)\\)'").arg(QLatin1String(table));
            QVERIFY2(m_server.scalar(database, sql) >= 1, table);
        }
        QCOMPARE(m_server.scalar(database, QStringLiteral("SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%USING gin (dimensions%'")), qint64(1));
    }

    void copiesALargeBatch()
    {
        const QString database = freshStore();
        Result<std::unique_ptr<Store>> store = open(m_server.uri(database));
        QVERIFY2(store, qPrintable(message(store)));
        QVERIFY((*store)->write(test::connectionBatch(QStringLiteral("dcgm"))));
        constexpr int kSeries = 20;
        constexpr int kPerSeries = 5000;
        constexpr qint64 kStart = 1'767'225'600'000;
        WriteBatch batch;
        batch.source = QStringLiteral("copy");
        for (int s = 0; s < kSeries; ++s) {
            SeriesSamples series;
            series.key = SeriesKey{1, QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), QStringLiteral("{\"gpu\":\"%1\"}").arg(s)};
            series.samples.reserve(kPerSeries);
            for (int i = 0; i < kPerSeries; ++i)
                series.samples << Sample{kStart + i * 1000LL, double((i * 7 + s) % 101)};
            batch.series << series;
        }
        for (int i = 0; i < 1000; ++i) {
            InstanceSnapshot pod;
            pod.snapshotTs = QDateTime::fromMSecsSinceEpoch(kStart + i * 60'000LL, Qt::UTC);
            pod.connectionId = 1;
            pod.provider = QStringLiteral("runpod");
            pod.instanceId = QStringLiteral("pod-%1").arg(i % 10);
            pod.metadata = QJsonObject{{QStringLiteral("note"), QStringLiteral("tab\there, newline\nthere, back\\slash")}};
            batch.instances << pod;
        }
        QElapsedTimer timer;
        timer.start();
        Result<WriteSummary> written = (*store)->write(batch);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
        QCOMPARE(written->samplesWritten, qint64(kSeries * kPerSeries));
        QCOMPARE(written->rowsWritten, qint64(1000));
        qInfo("COPY batch of %d samples and 1000 snapshots: %lld ms (%.0f samples/s, rollups included)",
              kSeries * kPerSeries, elapsed, kSeries * kPerSeries * 1000.0 / double(std::max<qint64>(1, elapsed)));
        QCOMPARE(*(*store)->sampleCount(), qint64(kSeries * kPerSeries));
        QCOMPARE(m_server.scalar(database, QStringLiteral("SELECT count(*) FROM samples")), qint64(kSeries * kPerSeries));
        QCOMPARE(m_server.scalar(database, QStringLiteral("SELECT sum(count) FROM samples_1m")), qint64(kSeries * kPerSeries));
        // COPY's escaping round-trips awkward text inside JSONB.
        const auto latest = (*store)->latestInstances();
        QVERIFY(latest && !latest->isEmpty());
        QCOMPARE(latest->first().metadata.value(QStringLiteral("note")).toString(), QStringLiteral("tab\there, newline\nthere, back\\slash"));
        // The same batch again stores nothing new.
        batch.instances.clear();
        QCOMPARE((*store)->write(batch)->samplesWritten, qint64(0));
        QCOMPARE(*(*store)->sampleCount(), qint64(kSeries * kPerSeries));
    }

    void freshAndOverlappingSeriesInOneBatch()
    {
        const QString database = freshStore();
        Result<std::unique_ptr<Store>> store = open(m_server.uri(database));
        QVERIFY2(store, qPrintable(message(store)));
        QVERIFY((*store)->write(test::connectionBatch(QStringLiteral("mix"))));
        constexpr qint64 kStart = 1'767'225'600'000;
        const auto key = [](const char *gpu) { return SeriesKey{1, QStringLiteral("util"), QStringLiteral("{\"gpu\":\"%1\"}").arg(QLatin1String(gpu))}; };
        WriteBatch first;
        first.series << SeriesSamples{key("a"), {{kStart, 1}, {kStart + 30'000, 2}}} << SeriesSamples{key("b"), {{kStart, 10}}};
        QCOMPARE((*store)->write(first)->samplesWritten, qint64(3));
        // a: newer samples, one in a stored minute (merged) and one in a new minute; b: a sample
        // again plus a new one (the staging path); c: new, with a duplicate whose first value wins.
        WriteBatch second;
        second.series << SeriesSamples{key("a"), {{kStart + 45'000, 6}, {kStart + 60'000, 4}}}
                      << SeriesSamples{key("b"), {{kStart, 99}, {kStart + 15'000, 20}}}
                      << SeriesSamples{key("c"), {{kStart + 5'000, 7}, {kStart + 5'000, 8}}};
        QCOMPARE((*store)->write(second)->samplesWritten, qint64(4));
        QCOMPARE(m_server.rows(database, QStringLiteral("SELECT s.labels_json::jsonb->>'gpu', r.bucket_ts - %1, r.min_value, r.max_value, r.sum_value,"
                                                        " r.count, r.last_ts - %1, r.last_value FROM samples_1m r JOIN series s ON s.id = r.series_id"
                                                        " ORDER BY 1, 2").arg(kStart)),
                 (QStringList{QStringLiteral("a 0 1 6 9 3 45000 6"), QStringLiteral("a 60000 4 4 4 1 60000 4"),
                              QStringLiteral("b 0 10 20 30 2 15000 20"), QStringLiteral("c 0 7 7 7 1 5000 7")}));
        QCOMPARE(m_server.rows(database, QStringLiteral("SELECT count(*), sum(count), sum(sum_value) FROM samples_1h")), QStringList{QStringLiteral("3 7 50")});
    }

    void readOnlyRoleReadsButCannotWrite()
    {
        const QString database = freshStore();
        {
            Result<std::unique_ptr<Store>> owner = open(m_server.uri(database));
            QVERIFY(owner);
            QVERIFY((*owner)->write(test::connectionBatch(QStringLiteral("team"))));
        }
        QVERIFY2(m_server.createRole(QStringLiteral("viewer"), QStringLiteral("viewer-pw-123")), qPrintable(m_server.error()));
        QVERIFY(m_server.exec(database, QStringLiteral("GRANT USAGE ON SCHEMA public TO viewer; GRANT SELECT ON ALL TABLES IN SCHEMA public TO viewer")));

        // The writer thread opens read-write: a current schema needs no migration, so that works too.
        for (const StoreAccess access : {StoreAccess::ReadWrite, StoreAccess::ReadOnly}) {
            Result<std::unique_ptr<Store>> store = open(m_server.uri(database, QStringLiteral("viewer")), access);
            QVERIFY2(store, qPrintable(message(store)));
            QVERIFY(!(*store)->writable());
            const auto connections = (*store)->connections();
            QVERIFY(connections);
            QCOMPARE(connections->size(), 1);
            QCOMPARE(connections->first().name, QStringLiteral("team"));
            QCOMPARE(*(*store)->sampleCount(), qint64(0));
            Result<WriteSummary> attempt = (*store)->write(test::connectionBatch(QStringLiteral("sneaky")));
            QVERIFY(!attempt);
            QVERIFY(!attempt.error().message.contains(QLatin1Char('\n')));
            QVERIFY(!attempt.error().message.contains(QLatin1String("viewer-pw-123")));
            if (access == StoreAccess::ReadWrite) {
                // Known at open: refused before any SQL, in words rather than a SQL error.
                QVERIFY2(attempt.error().kind == ErrorClass::Auth, qPrintable(attempt.error().message));
                QVERIFY2(attempt.error().message.contains(QLatin1String("can only read")), qPrintable(attempt.error().message));
                QVERIFY(!(*store)->prune(QDateTime::currentDateTimeUtc(), QDateTime::currentDateTimeUtc()));
            } else {
                QVERIFY2(attempt.error().message.contains(QLatin1String("read-only")), qPrintable(attempt.error().message));
            }
        }
        QCOMPARE(m_server.scalar(database, QStringLiteral("SELECT count(*) FROM connections")), qint64(1));
        // The owner may write; once granted, so may the viewer.
        QVERIFY((*open(m_server.uri(database)))->writable());
        QVERIFY(m_server.exec(database, QStringLiteral("GRANT INSERT, UPDATE ON connections, samples TO viewer")));
        QVERIFY((*open(m_server.uri(database, QStringLiteral("viewer"))))->writable());

        // A role that may only read cannot create the schema either, and says so.
        const QString empty = m_server.createDatabase();
        Result<std::unique_ptr<Store>> creating = open(m_server.uri(empty, QStringLiteral("viewer")));
        QVERIFY(!creating);
        QCOMPARE(creating.error().kind, ErrorClass::Auth);
    }

    void loginFailuresAreOneLineWithoutThePassword()
    {
        const QString database = freshStore();
        qputenv("PGPASSWORD", "wrong-pw-from-env");
        Result<std::unique_ptr<Store>> wrong = open(m_server.uri(database));
        qunsetenv("PGPASSWORD");
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().kind, ErrorClass::Auth);
        QVERIFY2(wrong.error().message.startsWith(m_server.uri(database) + QStringLiteral(": ")), qPrintable(wrong.error().message));
        QVERIFY2(wrong.error().message.contains(QLatin1String("password authentication failed")), qPrintable(wrong.error().message));
        QVERIFY(!wrong.error().message.contains(QLatin1String("wrong-pw-from-env")));
        QVERIFY(!wrong.error().message.contains(QLatin1Char('\n')));

        const QString inlineUri = QStringLiteral("postgresql://postgres:wrong-inline-pw@127.0.0.1:%1/%2").arg(m_server.port()).arg(database);
        Result<std::unique_ptr<Store>> inlined = open(inlineUri);
        QVERIFY(!inlined);
        QCOMPARE(inlined.error().kind, ErrorClass::Auth);
        QVERIFY2(!inlined.error().message.contains(QLatin1String("wrong-inline-pw")), qPrintable(inlined.error().message));
        QVERIFY(inlined.error().message.contains(QLatin1String("postgres:***@")));

        // Port 1 on loopback: nothing listens there.
        Result<std::unique_ptr<Store>> refused = open(QStringLiteral("postgresql://postgres:refused-pw@127.0.0.1:1/fleet"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorClass::Unavailable);
        QVERIFY2(refused.error().message.contains(QLatin1String("refused")), qPrintable(refused.error().message));
        QVERIFY(!refused.error().message.contains(QLatin1String("refused-pw")));
        QVERIFY(!refused.error().message.contains(QLatin1Char('\n')));

        Result<std::unique_ptr<Store>> missing = open(m_server.uri(QStringLiteral("no_such_database")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorClass::Config);
    }

    void concurrentMigrationsDoNotCollide()
    {
        const QString database = m_server.createDatabase();
        const QString uri = m_server.uri(database);
        QList<QFuture<QString>> opening;
        for (int i = 0; i < 3; ++i) {
            opening << QtConcurrent::run([this, uri] {
                Result<std::unique_ptr<Store>> store = open(uri);
                return store ? QString() : store.error().message;
            });
        }
        for (QFuture<QString> &future : opening)
            QCOMPARE(future.result(), QString());
        QCOMPARE(m_server.scalar(database, QStringLiteral("SELECT count(*) FROM schema_migrations")), migrationCount());
    }

    void commandsRunOnAPostgresStore()
    {
        const QString database = freshStore();
        {
            Result<std::unique_ptr<Store>> store = open(m_server.uri(database));
            QVERIFY(store);
            WriteBatch batch = test::connectionBatch(QStringLiteral("team-prom"));
            QVERIFY((*store)->write(batch));
            InstanceSnapshot pod;
            pod.snapshotTs = QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
            pod.connectionId = (*store)->connections()->first().id;
            pod.provider = QStringLiteral("runpod");
            pod.instanceId = QStringLiteral("pod-team");
            batch = WriteBatch();
            batch.instances << pod;
            QVERIFY((*store)->write(batch));
        }
        const QStringList store{QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("cli")), QStringLiteral("--store"), m_server.uri(database)};
        test::CliRun list = test::runFleetscope(store + QStringList{QStringLiteral("connections"), QStringLiteral("list")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QVERIFY2(list.out.contains(QLatin1String("team-prom")), qPrintable(list.out));
        test::CliRun exported = test::runFleetscope(store + QStringList{QStringLiteral("export"), QStringLiteral("pods"), QStringLiteral("--format"), QStringLiteral("csv")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY2(exported.out.contains(QLatin1String("pod-team")), qPrintable(exported.out));

        // A wrong password: exit 1, one line on stderr, the password nowhere.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("cli-wrong-pw"));
        test::CliRun refused = test::runFleetscope(store + QStringList{QStringLiteral("connections"), QStringLiteral("list")}, env);
        QCOMPARE(refused.exitCode, 1);
        QCOMPARE(refused.err.trimmed().count(QLatin1Char('\n')), qsizetype(0));
        QVERIFY2(refused.err.contains(QLatin1String("password authentication failed")), qPrintable(refused.err));
        QVERIFY(!refused.err.contains(QLatin1String("cli-wrong-pw")) && !refused.out.contains(QLatin1String("cli-wrong-pw")));
    }

    // The same result files imported through the CLI give the same runs and the same export on
    // both stores, byte for byte: values, key order, dimensions as compact JSON.
    void workflowCommandsMatchSqlite()
    {
        const QString results = m_dir.filePath(QStringLiteral("workflow-results"));
        auto put = [&results](const QString &path, const QByteArray &bytes) {
            QDir().mkpath(QFileInfo(results + path).absolutePath());
            QFile file(results + path);
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
        };
        for (const QString &name : {QStringLiteral("gbench-googlecpp_output.json"), QStringLiteral("vllm-bench-sweep-run0.json"),
                                    QStringLiteral("pytest-benchmark-output.json")})
            put(QStringLiteral("/bench/") + name, test::fixtureBytes(QStringLiteral("bench/") + name));
        put(QStringLiteral("/results/results.csv"), test::fixtureBytes(QStringLiteral("workflows/results.csv")));
        // Dimensions Qt writes in exponent form, text needing escapes; metric names whose byte order is not the locale's.
        put(QStringLiteral("/results/odd.csv"), "model,size,seq_len,Throughput,latency_ms\n"
                                                 "\"\xc3\xa9 \"\"q\"\" \\ \xe2\x82\xac\",0.0001,2.5e-07,10,1.5\n"
                                                 "plain,1,3,20,2.5\n");

        const QString database = m_server.createDatabase();
        const QList<QStringList> stores{{QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("workflows-sqlite"))},
                                        {QStringLiteral("--data-dir"), m_dir.filePath(QStringLiteral("workflows-pg")), QStringLiteral("--store"), m_server.uri(database)}};
        QStringList outputs[2];
        for (int i = 0; i < 2; ++i) {
            auto cli = [&](const QStringList &args) {
                const test::CliRun run = test::runFleetscope(stores[i] + args);
                if (run.exitCode != 0)
                    qWarning("%s: %s", qPrintable(args.join(QLatin1Char(' '))), qPrintable(run.err));
                return run;
            };
            QCOMPARE(cli({QStringLiteral("workflows"), QStringLiteral("configs"), QStringLiteral("add"), QStringLiteral("bench"), QStringLiteral("--repo"),
                          QStringLiteral("acme/llm"), QStringLiteral("--pattern"), QStringLiteral("bench/*.json"), QStringLiteral("--pattern"),
                          QStringLiteral("results/*.csv")}).exitCode, 0);
            // Two runs, the first imported twice (replaced, not doubled).
            for (const char *runId : {"4242", "4243", "4242"}) {
                QCOMPARE(cli({QStringLiteral("workflows"), QStringLiteral("import"), QStringLiteral("bench"), results, QStringLiteral("--run-id"),
                              QLatin1String(runId), QStringLiteral("--commit"), QStringLiteral("0123456789abcdef"), QStringLiteral("--started-at"),
                              QLatin1String(runId) == QLatin1String("4242") ? QStringLiteral("2026-11-20T10:00:00Z") : QStringLiteral("2026-11-21T10:00:00Z")})
                             .exitCode, 0);
            }
            outputs[i] << cli({QStringLiteral("workflows"), QStringLiteral("runs")}).out
                       << cli({QStringLiteral("export"), QStringLiteral("workflow-metrics"), QStringLiteral("--format"), QStringLiteral("csv")}).out;
            // Narrowed to a configuration: the same rows for bench's own, none for another.
            QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("workflow-metrics"), QStringLiteral("--format"), QStringLiteral("csv"),
                          QStringLiteral("--config"), QStringLiteral("bench")}).out, outputs[i].last());
            QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("workflow-runs"), QStringLiteral("--format"), QStringLiteral("csv"),
                          QStringLiteral("--config"), QStringLiteral("other")}).out.trimmed().count(QLatin1Char('\n')), qsizetype(0));
        }
        QCOMPARE(outputs[0].first().trimmed().count(QLatin1Char('\n')), qsizetype(2));   // a header and two runs
        QVERIFY2(outputs[0].last().count(QLatin1Char('\n')) > 100, qPrintable(outputs[0].last().left(500)));
        QVERIFY2(outputs[0].last().contains(QStringLiteral("\"{\"\"model\"\":\"\"\u00e9 \\\"\"q\\\"\" \\\\ \u20ac\"\",\"\"seq_len\"\":2.5e-07,\"\"size\"\":1e-04}\"")),
                 qPrintable(outputs[0].last().right(1500)));
        QCOMPARE(outputs[1].first(), outputs[0].first());
        QCOMPARE(outputs[1].last(), outputs[0].last());
    }

    // Budgets as SqliteStore keeps them: upserted by name, a bad one or an unknown removal refused
    // with nothing changed, gone with their connection.
    void budgetsRoundTrip()
    {
        Result<std::unique_ptr<Store>> store = open(m_server.uri(freshStore()));
        QVERIFY(store);
        QVERIFY((*store)->write(test::connectionBatch(QStringLiteral("pg-prod"), QStringLiteral("runpod"))));
        const qint64 prodId = (*store)->connections()->first().id;
        Budget team;
        team.name = QStringLiteral("team-gpu");
        team.monthlyCap = 500.0;
        Budget prod;
        prod.name = QStringLiteral("prod");
        prod.scope = QStringLiteral("connection");
        prod.connectionId = prodId;
        prod.dailyCap = 40.0;
        prod.burnRateCap = 3.5;
        WriteBatch batch;
        batch.budgets << team << prod;
        QVERIFY((*store)->write(batch));
        team.monthlyCap = 600.0;
        batch = WriteBatch();
        batch.budgets << team;
        QVERIFY((*store)->write(batch));
        QList<Budget> budgets = *(*store)->budgets();
        QCOMPARE(budgets.size(), 2);
        QCOMPARE(budgets.at(0).name, QStringLiteral("prod"));
        QCOMPARE(budgets.at(0).connectionId, prodId);
        QVERIFY(!budgets.at(0).monthlyCap);
        QCOMPARE(*budgets.at(0).burnRateCap, 3.5);
        QCOMPARE(*budgets.at(1).monthlyCap, 600.0);
        QCOMPARE(budgets.at(1).scope, QStringLiteral("all"));

        Budget broken = team;
        broken.monthlyCap.reset();
        batch = WriteBatch();
        batch.budgets << broken;
        QVERIFY(!(*store)->write(batch));
        batch = WriteBatch();
        batch.removedBudgets << QStringLiteral("ghost");
        QVERIFY((*store)->write(batch).error().message.contains(QLatin1String("no budget named 'ghost'")));
        QCOMPARE(*(*store)->budgets()->at(1).monthlyCap, 600.0);

        // A stopped pod's volume, summed for the budgets' storage estimate as SqliteStore sums it.
        batch = WriteBatch();
        for (const char *status : {"EXITED", "RUNNING", "TERMINATED", "EXITED"}) {
            InstanceSnapshot pod;
            pod.snapshotTs = QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
            pod.connectionId = prodId;
            pod.provider = QStringLiteral("runpod");
            pod.instanceId = QStringLiteral("pod-%1").arg(batch.instances.size());
            pod.status = QString::fromLatin1(status);
            pod.costPerHour = 2.0;
            pod.metadata.insert(QStringLiteral("volumeInGb"), batch.instances.isEmpty() ? 50 : 20);
            batch.instances << pod;
        }
        const Result<WriteSummary> stored = (*store)->write(batch);
        QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
        const QList<InstanceTotals> totals = *(*store)->instanceTotals(QDateTime(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC), {});
        QCOMPARE(totals.size(), 1);
        QCOMPARE(*totals.first().stoppedVolumeGb, 70.0);
        QCOMPARE(*totals.first().runningCostPerHour, 2.0);

        batch = WriteBatch();
        batch.purgedConnections << prodId;
        QVERIFY((*store)->write(batch));
        QCOMPARE((*store)->budgets()->size(), 1);   // ON DELETE CASCADE
    }

    void refusesDatabasesThatAreNotOurs()
    {
        const QString foreign = m_server.createDatabase();
        QVERIFY(m_server.exec(foreign, QStringLiteral("CREATE TABLE invoices (id BIGINT); INSERT INTO invoices VALUES (1)")));
        Result<std::unique_ptr<Store>> store = open(m_server.uri(foreign));
        QVERIFY(!store);
        QVERIFY2(store.error().message.contains(QLatin1String("not a Fleetscope store")), qPrintable(store.error().message));
        QCOMPARE(m_server.scalar(foreign, QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")), qint64(1));

        const QString newer = freshStore();
        QVERIFY(m_server.exec(newer, QStringLiteral("INSERT INTO schema_migrations VALUES (999, 'future', 0)")));
        Result<std::unique_ptr<Store>> future = open(m_server.uri(newer));
        QVERIFY(!future);
        QVERIFY2(future.error().message.contains(QLatin1String("newer Fleetscope")), qPrintable(future.error().message));
    }
};

QTEST_GUILESS_MAIN(TestPgStore)
#include "test_pgstore.moc"
