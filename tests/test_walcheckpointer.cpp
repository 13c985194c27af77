// WalCheckpointer: the writer's commits only ask; a thread of its own checkpoints the log, the
// writer's automatic checkpoint is off while it runs and back after.
#include "store/walcheckpointer.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace fleetscope;

namespace {

// A WAL database at PATH with 1 KiB pages (so kFrames frames are 1 MB) and a table of blobs.
sqlite3 *openWriter(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        qFatal("cannot open %s", qPrintable(path));
    sqlite3_exec(db, "PRAGMA page_size=1024; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     " CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, payload BLOB)", nullptr, nullptr, nullptr);
    return db;
}

// COUNT transactions of 100 rows of 900 bytes each: about 100 frames each.
void writeTransactions(sqlite3 *db, int count)
{
    for (int i = 0; i < count; ++i) {
        QVERIFY(sqlite3_exec(db, "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)"
                                 " INSERT INTO t (payload) SELECT randomblob(900) FROM n; COMMIT;", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
}

qint64 rows(const QString &path)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM t", -1, &st, nullptr);
    const qint64 count = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    return count;
}

} // namespace

class TestWalCheckpointer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkpointsOnItsOwnThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("wal.sqlite"));
        sqlite3 *writer = openWriter(path);
        const qint64 before = QFileInfo(path).size();
        {
            Result<std::unique_ptr<WalCheckpointer>> checkpointer = WalCheckpointer::start(path, writer);
            QVERIFY2(checkpointer, qPrintable(checkpointer ? QString() : checkpointer.error().message));
            writeTransactions(writer, 5);   // about 500 frames: below the threshold, nothing asked
            QTest::qWait(100);
            QCOMPARE((*checkpointer)->checkpoints(), 0);
            QCOMPARE(QFileInfo(path).size(), before);   // every page still in the log

            writeTransactions(writer, 10);   // past kFrames: the thread copies the log into the database
            QTRY_VERIFY((*checkpointer)->checkpoints() > 0);
            QTRY_VERIFY(QFileInfo(path).size() > 1'000'000);
            QCOMPARE(rows(path), qint64(1500));
        }
        // Stopped: the writer checkpoints by itself again, inside its commit.
        const qint64 stopped = QFileInfo(path).size();
        writeTransactions(writer, 15);
        QVERIFY(QFileInfo(path).size() > stopped);
        sqlite3_close(writer);
        QCOMPARE(rows(path), qint64(3000));
    }

    void refusesAStoreItCannotOpen()
    {
        QTemporaryDir dir;
        sqlite3 *writer = openWriter(dir.filePath(QStringLiteral("w.sqlite")));
        const QString missing = dir.filePath(QStringLiteral("no/such/store.sqlite"));
        Result<std::unique_ptr<WalCheckpointer>> checkpointer = WalCheckpointer::start(missing, writer);
        QVERIFY(!checkpointer);
        QVERIFY2(checkpointer.error().message.startsWith(missing + QStringLiteral(": cannot open a connection for checkpoints")),
                 qPrintable(checkpointer.error().message));
        sqlite3_close(writer);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "test_walcheckpointer.moc"
