// Bucketed time-series query against a brute-force reference on random data, for each tier.
// Built twice: test_bucketquery (SQLite) and test_bucketquery_pg (FLEETSCOPE_TEST_POSTGRES).
#include "store/store.h"
#include "storedialect.h"
#include "teststore.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace fleetscope;

namespace {

struct Reference {
    double min = 0, max = 0, sum = 0, last = 0;
    qint64 count = 0, lastTs = 0;
};

// The same buckets computed the slow, obvious way over every raw sample.
std::map<qint64, Reference> bruteForce(const QList<Sample> &samples, qint64 origin, qint64 width, qint64 end)
{
    std::map<qint64, Reference> buckets;
    for (const Sample &s : samples) {
        if (s.tsMs < origin || s.tsMs >= end || std::isnan(s.value))
            continue;
        const qint64 start = origin + (s.tsMs - origin) / width * width;
        auto [it, inserted] = buckets.try_emplace(start);
        Reference &r = it->second;
        if (inserted) {
            r.min = r.max = s.value;
            r.lastTs = s.tsMs;
            r.last = s.value;
        }
        r.min = std::min(r.min, s.value);
        r.max = std::max(r.max, s.value);
        r.sum += s.value;
        ++r.count;
        if (s.tsMs >= r.lastTs) {
            r.lastTs = s.tsMs;
            r.last = s.value;
        }
    }
    return buckets;
}

} // namespace

class TestBucketQuery : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
#ifdef FLEETSCOPE_TEST_POSTGRES
    test::StoreDialect m_dialect{true};
#else
    test::StoreDialect m_dialect{false};
#endif
    std::unique_ptr<Store> m_store;
    QList<Sample> m_samples;   // what was stored, deduplicated by timestamp
    qint64 m_seriesId = 0;
    static constexpr qint64 kStart = 1'767'225'600'000;   // 2026-01-01T00:00:00Z
    static constexpr qint64 kDays = 3;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_dialect.start(), qPrintable(m_dialect.error()));
        Result<std::unique_ptr<Store>> store = openStore(m_dialect.fresh(m_dir.path()), StoreAccess::ReadWrite);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
        m_store = std::move(*store);
        QVERIFY(m_store->write(test::connectionBatch(QStringLiteral("rng"))));

        // Irregular timestamps (1–20 s apart), occasional NaN, written in shuffled batches so
        // rollups are merged across batches and out of order.
        QRandomGenerator rng(20261123);
        std::map<qint64, double> unique;
        for (qint64 ts = kStart; ts < kStart + kDays * 86'400'000; ts += rng.bounded(1000, 20'000)) {
            const double value = rng.bounded(100) < 2 ? std::nan("") : rng.generateDouble() * 1000.0 - 200.0;
            unique[ts] = value;
        }
        QList<Sample> all;
        for (const auto &[ts, value] : unique)
            all << Sample{ts, value};
        m_samples = all;
        QList<QList<Sample>> chunks;
        for (qsizetype i = 0; i < all.size(); i += 5000)
            chunks << all.mid(i, 5000);
        std::shuffle(chunks.begin(), chunks.end(), std::mt19937(7));
        for (const QList<Sample> &chunk : chunks) {
            WriteBatch batch;
            batch.series << SeriesSamples{SeriesKey{1, QStringLiteral("rng"), QStringLiteral("{}")}, chunk};
            Result<WriteSummary> written = m_store->write(batch);
            QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
        }
        // Some samples again: duplicates must not count twice anywhere.
        WriteBatch again;
        again.series << SeriesSamples{SeriesKey{1, QStringLiteral("rng"), QStringLiteral("{}")}, all.mid(100, 3000)};
        QCOMPARE(m_store->write(again)->samplesWritten, qint64(0));
        m_seriesId = m_store->series(0)->first().id;
    }

    void matchesBruteForce_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<int>("buckets");
        QTest::addColumn<Tier>("tier");
        QTest::addRow("raw, 20 minutes, 100 buckets") << kStart + 3'600'123 << kStart + 4'800'000 << 100 << Tier::Raw;
        QTest::addRow("raw, unaligned odd width") << kStart + 77'777 << kStart + 5'000'001 << 97 << Tier::Raw;
        QTest::addRow("minute tier, 6 hours") << kStart + 12'345 << kStart + 6 * 3'600'000 << 300 << Tier::Minute;
        QTest::addRow("minute tier, 1 day, 1000 buckets") << kStart + 30'000 << kStart + 86'400'000 << 1000 << Tier::Minute;
        QTest::addRow("hour tier, whole range") << kStart << kStart + kDays * 86'400'000 << 50 << Tier::Hour;
        QTest::addRow("hour tier, unaligned") << kStart + 1'234'567 << kStart + kDays * 86'400'000 - 999 << 30 << Tier::Hour;
        QTest::addRow("range before any data") << kStart - 86'400'000 << kStart << 10 << Tier::Hour;
    }

    void matchesBruteForce()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(int, buckets);
        QFETCH(Tier, tier);
        Result<BucketSeries> result = m_store->buckets(BucketQuery{m_seriesId, from, to, buckets});
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result->tier, tier);
        QVERIFY(result->originMs <= from);
        QVERIFY(result->widthMs * buckets >= to - from);
        // Rollup tiers snap the range outward to whole tier buckets.
        const qint64 tierMs = tier == Tier::Hour ? 3'600'000 : tier == Tier::Minute ? 60'000 : 1;
        const qint64 end = (to + tierMs - 1) / tierMs * tierMs;
        const std::map<qint64, Reference> expected = bruteForce(m_samples, result->originMs, result->widthMs, end);
        QCOMPARE(qsizetype(expected.size()), result->buckets.size());
        qsizetype i = 0;
        for (const auto &[start, ref] : expected) {
            const Bucket &b = result->buckets.at(i++);
            QCOMPARE(b.startMs, start);
            QCOMPARE(b.count, ref.count);
            QCOMPARE(b.min, ref.min);
            QCOMPARE(b.max, ref.max);
            QCOMPARE(b.last, ref.last);
            QVERIFY2(std::abs(b.avg - ref.sum / double(ref.count)) < 1e-9 * std::max(1.0, std::abs(b.avg)),
                     qPrintable(QStringLiteral("avg %1 vs %2").arg(b.avg).arg(ref.sum / double(ref.count))));
        }
    }

    void rejectsEmptyRanges()
    {
        QVERIFY(!m_store->buckets(BucketQuery{m_seriesId, kStart, kStart, 10}));
        QVERIFY(!m_store->buckets(BucketQuery{m_seriesId, kStart, kStart + 1000, 0}));
    }

    void sampleCountIgnoresMissingValues()
    {
        const qint64 present = std::count_if(m_samples.cbegin(), m_samples.cend(), [](const Sample &s) { return !std::isnan(s.value); });
        QCOMPARE(*m_store->sampleCount(), present);
    }
};

QTEST_GUILESS_MAIN(TestBucketQuery)
#include "test_bucketquery.moc"
