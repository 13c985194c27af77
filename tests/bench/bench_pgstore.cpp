// Team mode on a throwaway PostgreSQL: 1M samples through the store writer vs `psql \copy` of the same
// rows into an identical fresh database, in the same run (target >= 0.8x the \copy rate); then the
// 1000-bucket chart query on a 10M-sample series, run on the server (target < 300 ms).
#include "benchutil.h"
#include "pgserver.h"
#include "store/storeservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace fleetscope;

namespace {

constexpr int kSeries = 50;
constexpr int kCycles = 20'000;              // 50 series x 20k scrape cycles = 1M samples
constexpr int kCyclesPerBatch = 2'000;       // 100k samples per transaction
constexpr qint64 kQuerySamples = 10'000'000;
constexpr qint64 kQueryPerBatch = 500'000;
constexpr qint64 kStartMs = 1'767'225'600'000;

double valueAt(int series, qint64 cycle)
{
    return double((series * 7919LL + cycle * 104729LL) % 10'000) / 100.0;
}

double timeMs(const std::function<void()> &fn)
{
    QElapsedTimer timer;
    timer.start();
    fn();
    return timer.nsecsElapsed() / 1e6;
}

// A migrated store with one connection and its series, as both contestants start from.
std::unique_ptr<StoreService> preparedStore(const QString &uri, int series)
{
    auto service = std::make_unique<StoreService>(*StoreLocation::parse(uri, QString()));
    if (Result<int> started = service->startBlocking(); !started) {
        std::fprintf(stderr, "bench_pgstore: %s\n", qPrintable(started.error().message));
        return nullptr;
    }
    WriteBatch batch;
    ConnectionRecord connection;
    connection.kind = QStringLiteral("prometheus");
    connection.name = QStringLiteral("bench");
    batch.connections << connection;
    for (int s = 0; s < series; ++s)
        batch.series << SeriesSamples{SeriesKey{1, QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), QStringLiteral("{\"gpu\":\"%1\"}").arg(s)}, {}};
    if (Result<WriteSummary> written = service->writeBlocking(batch); !written) {
        std::fprintf(stderr, "bench_pgstore: %s\n", qPrintable(written.error().message));
        return nullptr;
    }
    return service;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
    if (psql.isEmpty()) {
        std::fprintf(stderr, "bench_pgstore: psql is needed for the baseline\n");
        return 1;
    }
    test::PgServer server;
    if (!server.start()) {
        std::fprintf(stderr, "bench_pgstore: %s\n", qPrintable(server.error()));
        return 1;
    }
    QTemporaryDir dir;

    // Baseline: the same rows, in scrape order, through psql's \copy into an identical store.
    const QString csvPath = dir.filePath(QStringLiteral("samples.csv"));
    {
        QFile csv(csvPath);
        if (!csv.open(QIODevice::WriteOnly))
            return 1;
        QByteArray chunk;
        for (int c = 0; c < kCycles; ++c) {
            for (int s = 0; s < kSeries; ++s)
                chunk += QByteArray::number(s + 1) + ',' + QByteArray::number(kStartMs + c * 15'000LL) + ','
                       + QByteArray::number(valueAt(s, c), 'g', 17) + '\n';
            if (chunk.size() > (1 << 20)) {
                csv.write(chunk);
                chunk.clear();
            }
        }
        csv.write(chunk);
    }
    const QString copyDatabase = server.createDatabase();
    if (!preparedStore(server.uri(copyDatabase), kSeries))
        return 1;
    QProcess process;
    const double copyMs = timeMs([&] {
        process.start(psql, {QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), server.uri(copyDatabase), QStringLiteral("-c"),
                             QStringLiteral("\\copy samples (series_id, ts, value) FROM '%1' WITH (FORMAT csv)").arg(csvPath)});
        process.waitForFinished(600'000);
    });
    if (process.exitCode() != 0 || server.scalar(copyDatabase, QStringLiteral("SELECT count(*) FROM samples")) != qint64(kSeries) * kCycles) {
        std::fprintf(stderr, "bench_pgstore: psql \\copy failed: %s\n", process.readAllStandardError().constData());
        return 1;
    }

    // Ours: the writer, 100k samples per batch (one transaction each, rollups kept current).
    const QString writerDatabase = server.createDatabase();
    std::unique_ptr<StoreService> service = preparedStore(server.uri(writerDatabase), kSeries);
    if (!service)
        return 1;
    const double writerMs = timeMs([&] {
        for (int c0 = 0; c0 < kCycles; c0 += kCyclesPerBatch) {
            WriteBatch batch;
            for (int s = 0; s < kSeries; ++s) {
                SeriesSamples series{SeriesKey{1, QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), QStringLiteral("{\"gpu\":\"%1\"}").arg(s)}, {}};
                series.samples.reserve(kCyclesPerBatch);
                for (int c = c0; c < c0 + kCyclesPerBatch; ++c)
                    series.samples << Sample{kStartMs + c * 15'000LL, valueAt(s, c)};
                batch.series << std::move(series);
            }
            service->submit(std::move(batch));
        }
        service->flush();
    });
    service.reset();
    if (server.scalar(writerDatabase, QStringLiteral("SELECT count(*) FROM samples")) != qint64(kSeries) * kCycles) {
        std::fprintf(stderr, "bench_pgstore: the writer stored the wrong number of samples\n");
        return 1;
    }
    const double rows = double(kSeries) * kCycles;
    const double ours = rows / (writerMs / 1000.0);
    const double baseline = rows / (copyMs / 1000.0);
    bench::report("pg_ingest_1m_samples", ours, "samples/s",
                  QStringLiteral("(%1x psql \\copy's %2 samples/s, target >= 0.8x; ours also keeps the 1m/1h rollups current)")
                      .arg(ours / baseline, 0, 'f', 2).arg(baseline, 0, 'f', 0));

    // The chart query on 10M samples of one series (one a second, about 116 days).
    const QString queryDatabase = server.createDatabase();
    service = preparedStore(server.uri(queryDatabase), 1);
    if (!service)
        return 1;
    const double loadMs = timeMs([&] {
        for (qint64 i0 = 0; i0 < kQuerySamples; i0 += kQueryPerBatch) {
            WriteBatch batch;
            SeriesSamples series{SeriesKey{1, QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), QStringLiteral("{\"gpu\":\"0\"}")}, {}};
            series.samples.reserve(kQueryPerBatch);
            for (qint64 i = i0; i < i0 + kQueryPerBatch; ++i)
                series.samples << Sample{kStartMs + i * 1000, double((i * 7919) % 10'000) / 100.0};
            batch.series << std::move(series);
            service->submit(std::move(batch));
        }
        service->flush();
    });
    service.reset();
    server.exec(queryDatabase, QStringLiteral("VACUUM ANALYZE"));
    std::printf("stored %lld samples in PostgreSQL in %.1f s\n", static_cast<long long>(kQuerySamples), loadMs / 1000.0);
    Result<std::unique_ptr<Store>> store = openStore(*StoreLocation::parse(server.uri(queryDatabase), QString()), StoreAccess::ReadOnly);
    if (!store) {
        std::fprintf(stderr, "bench_pgstore: %s\n", qPrintable(store.error().message));
        return 1;
    }
    const BucketQuery query{1, kStartMs, kStartMs + kQuerySamples * 1000, 1000};
    QList<double> runs;
    qsizetype buckets = 0;
    for (int i = 0; i < 5; ++i)
        runs << timeMs([&] { buckets = (*store)->buckets(query)->buckets.size(); });
    if (buckets < 900) {
        std::fprintf(stderr, "bench_pgstore: only %lld buckets\n", static_cast<long long>(buckets));
        return 1;
    }
    QList<double> shortRuns;
    for (int i = 0; i < 5; ++i)
        shortRuns << timeMs([&] { (void)(*store)->buckets(BucketQuery{1, kStartMs + 86'400'000, kStartMs + 86'400'000 + 7'200'000, 1000}); });
    bench::report("pg_bucket_query_10m_1000_buckets", bench::median(runs), "ms", QStringLiteral("(target < 300 ms, run on the server)"));
    bench::report("pg_bucket_query_2h_raw_1000_buckets", bench::median(shortRuns), "ms");
    return 0;
}
