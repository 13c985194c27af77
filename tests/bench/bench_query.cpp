// A 10M-sample store: the 1000-bucket chart query (target < 300 ms) beside the naive reads of
// every raw sample, then cold start of the window to its first paint on that store (target < 500 ms).
#include "benchutil.h"
#include "store/storeservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <sqlite3.h>

using namespace fleetscope;

namespace {

constexpr qint64 kSamples = 10'000'000;
constexpr qint64 kStartMs = 1'767'225'600'000;
constexpr qint64 kStepMs = 1000;             // one sample a second: about 116 days
constexpr qint64 kPerBatch = 200'000;

double timeMs(const std::function<void()> &fn)
{
    QElapsedTimer timer;
    timer.start();
    fn();
    return timer.nsecsElapsed() / 1e6;
}

// The naive ways: aggregate every raw sample in SQL, or read every row out.
double naiveMs(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    double checksum = 0;
    const double ms = timeMs([&] {
        while (sqlite3_step(stmt) == SQLITE_ROW)
            checksum += sqlite3_column_double(stmt, 1);
    });
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return checksum == -1 ? 0 : ms;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    const StoreLocation location = *StoreLocation::parse(QString(), dataDir);
    {
        StoreService service(location);
        if (Result<int> started = service.startBlocking(); !started) {
            std::fprintf(stderr, "bench_query: %s\n", qPrintable(started.error().message));
            return 1;
        }
        WriteBatch setup;
        ConnectionRecord connection;
        connection.kind = QStringLiteral("prometheus");
        connection.name = QStringLiteral("bench");
        setup.connections << connection;
        service.submit(setup);
        const double ingestMs = timeMs([&] {
            for (qint64 i0 = 0; i0 < kSamples; i0 += kPerBatch) {
                WriteBatch batch;
                SeriesSamples series{SeriesKey{1, QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), QStringLiteral("{\"gpu\":\"0\"}")}, {}};
                series.samples.reserve(kPerBatch);
                for (qint64 i = i0; i < i0 + kPerBatch; ++i)
                    series.samples << Sample{kStartMs + i * kStepMs, double((i * 7919) % 10'000) / 100.0};
                batch.series << std::move(series);
                service.submit(std::move(batch));
            }
            service.flush();
        });
        std::printf("stored %lld samples in %.1f s\n", static_cast<long long>(kSamples), ingestMs / 1000.0);
    }

    Result<std::unique_ptr<Store>> store = openStore(location, StoreAccess::ReadOnly);
    if (!store) {
        std::fprintf(stderr, "bench_query: %s\n", qPrintable(store.error().message));
        return 1;
    }
    const BucketQuery query{1, kStartMs, kStartMs + kSamples * kStepMs, 1000};
    QList<double> runs;
    qsizetype bucketCount = 0;
    for (int i = 0; i < 5; ++i) {
        runs << timeMs([&] { bucketCount = (*store)->buckets(query)->buckets.size(); });
    }
    if (bucketCount < 900) {
        std::fprintf(stderr, "bench_query: only %lld buckets\n", static_cast<long long>(bucketCount));
        return 1;
    }
    // A short range is answered from raw samples: 1000 buckets over 2 hours.
    QList<double> shortRuns;
    for (int i = 0; i < 5; ++i)
        shortRuns << timeMs([&] { (void)(*store)->buckets(BucketQuery{1, kStartMs + 86'400'000, kStartMs + 86'400'000 + 7'200'000, 1000}); });
    store->reset();

    const double groupBy = naiveMs(location.sqlitePath,
        "SELECT (ts - 1767225600000) / 10000000 AS b, avg(value), min(value), max(value) FROM samples WHERE series_id = 1 GROUP BY b");
    const double readAll = naiveMs(location.sqlitePath, "SELECT ts, value FROM samples WHERE series_id = 1");
    const double ours = bench::median(runs);
    bench::report("bucket_query_10m_1000_buckets", ours, "ms",
                  QStringLiteral("(target < 300 ms; naive SQL GROUP BY over raw samples %1 ms = %2x slower; reading every sample %3 ms)")
                      .arg(groupBy, 0, 'f', 0).arg(groupBy / ours, 0, 'f', 0).arg(readAll, 0, 'f', 0));
    bench::report("bucket_query_2h_raw_1000_buckets", bench::median(shortRuns), "ms");

    // Cold start: a new process, offscreen, to its first painted window, on this 10M-sample store.
    QList<double> starts;
    QList<double> paints;
    for (int i = 0; i < 5; ++i) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("FLEETSCOPE_EXIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
        process.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        process.start(QStringLiteral(FLEETSCOPE_BINARY), {QStringLiteral("--data-dir"), dataDir});
        process.waitForFinished(30'000);
        starts << timer.nsecsElapsed() / 1e6;
        const QByteArray out = process.readAllStandardOutput();
        const qsizetype at = out.indexOf("first-paint-ms ");
        if (process.exitCode() != 0 || at < 0) {
            std::fprintf(stderr, "bench_query: the window did not paint: %s\n", process.readAllStandardError().constData());
            return 1;
        }
        paints << out.mid(at + 15).trimmed().toDouble();
    }
    bench::report("cold_start_first_paint_10m_store", bench::median(starts), "ms",
                  QStringLiteral("(target < 500 ms, process launch to exit after first paint; %1 ms inside main)").arg(bench::median(paints), 0, 'f', 0));
    return 0;
}
