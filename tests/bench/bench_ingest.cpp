// Ingest of 5M samples through the store writer vs the sqlite3 CLI's .import of the same rows
// into an identical fresh store, in the same run. Target: >= 0.8x the .import rate.
#include "benchutil.h"
#include "store/sqlitestore.h"
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
constexpr int kCycles = 100'000;            // 50 series x 100k scrape cycles = 5M samples
constexpr qint64 kStartMs = 1'767'225'600'000;
constexpr int kCyclesPerBatch = 2'000;      // 100k samples per transaction

double valueAt(int series, int cycle)
{
    return double((series * 7919LL + cycle * 104729LL) % 10'000) / 100.0;
}

// Every benchmark store starts from the same migrated schema, with one connection and its series.
Result<qint64> prepareStore(StoreService &service)
{
    if (Result<int> started = service.startBlocking(); !started)
        return std::unexpected(started.error());
    WriteBatch batch;
    batch.source = QStringLiteral("bench setup");
    ConnectionRecord connection;
    connection.kind = QStringLiteral("prometheus");
    connection.name = QStringLiteral("bench");
    batch.connections << connection;
    for (int s = 0; s < kSeries; ++s)
        batch.series << SeriesSamples{SeriesKey{1, QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), QStringLiteral("{\"gpu\":\"%1\"}").arg(s)}, {}};
    service.submit(batch);
    service.flush();
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    configureSqliteForProcess();   // as main() does
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite3.isEmpty()) {
        std::fprintf(stderr, "bench_ingest: the sqlite3 command is needed for the baseline\n");
        return 1;
    }

    // Baseline: the same rows, in scrape order (one sample per series per cycle), through .import.
    const QString csvPath = dir.filePath(QStringLiteral("samples.csv"));
    {
        QFile csv(csvPath);
        if (!csv.open(QIODevice::WriteOnly))
            return 1;
        QByteArray chunk;
        for (int c = 0; c < kCycles; ++c) {
            for (int s = 0; s < kSeries; ++s)
                chunk += QByteArray::number(s + 1) + ',' + QByteArray::number(kStartMs + c * 1000LL) + ',' + QByteArray::number(valueAt(s, c), 'g', 17) + '\n';
            if (chunk.size() > (1 << 20)) {
                csv.write(chunk);
                chunk.clear();
            }
        }
        csv.write(chunk);
    }
    QList<double> baselineRates;
    QList<double> ourRates;
    for (int round = 0; round < 3; ++round) {
        const QString basePath = dir.filePath(QStringLiteral("baseline%1.sqlite").arg(round));
        {
            StoreService service(StoreLocation{basePath});
            if (!prepareStore(service))
                return 1;
        }
        QProcess process;
        process.start(sqlite3, {basePath});
        process.write(QStringLiteral("PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n.mode csv\n.import %1 samples\n").arg(csvPath).toUtf8());
        QElapsedTimer timer;
        timer.start();
        process.closeWriteChannel();
        process.waitForFinished(-1);
        const double baselineSeconds = timer.elapsed() / 1000.0;
        if (process.exitCode() != 0) {
            std::fprintf(stderr, "bench_ingest: sqlite3 failed: %s\n", process.readAllStandardError().constData());
            return 1;
        }
        baselineRates << kSeries * double(kCycles) / baselineSeconds;

        // Ours: the store writer thread, batches as a collector would hand them over.
        StoreService service(StoreLocation{dir.filePath(QStringLiteral("ours%1.sqlite").arg(round))});
        if (!prepareStore(service))
            return 1;
        qint64 written = 0;
        QObject::connect(&service, &StoreService::batchCommitted, &service, [&written](const WriteSummary &s) { written += s.samplesWritten; });
        timer.restart();
        for (int c0 = 0; c0 < kCycles; c0 += kCyclesPerBatch) {
            WriteBatch batch;
            batch.source = QStringLiteral("bench");
            batch.series.reserve(kSeries);
            for (int s = 0; s < kSeries; ++s) {
                SeriesSamples series{SeriesKey{1, QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), QStringLiteral("{\"gpu\":\"%1\"}").arg(s)}, {}};
                series.samples.reserve(kCyclesPerBatch);
                for (int c = c0; c < c0 + kCyclesPerBatch; ++c)
                    series.samples << Sample{kStartMs + c * 1000LL, valueAt(s, c)};
                batch.series << std::move(series);
            }
            service.submit(std::move(batch));
        }
        service.flush();
        const double oursSeconds = timer.elapsed() / 1000.0;
        QCoreApplication::processEvents();
        if (written != qint64(kSeries) * kCycles) {
            std::fprintf(stderr, "bench_ingest: wrote %lld samples, expected %lld\n", static_cast<long long>(written), qint64(kSeries) * kCycles * 1LL);
            return 1;
        }
        ourRates << kSeries * double(kCycles) / oursSeconds;
        std::printf("round %d: sqlite3 .import %.2f s, writer %.2f s (with rollups)\n", round + 1, baselineSeconds, oursSeconds);
    }
    const double baseline = bench::median(baselineRates);
    const double ours = bench::median(ourRates);
    bench::report("ingest_5m_sqlite3_import", baseline, "rows/s");
    bench::report("ingest_5m_writer", ours, "rows/s",
                  QStringLiteral("ratio %1x vs sqlite3 .import (target >= 0.8x)").arg(ours / baseline, 0, 'f', 2));
    return 0;
}
