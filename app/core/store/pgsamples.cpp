// PgStore: writing samples and keeping the 1m/1h rollups current, in the batch's transaction.
//
// Fast path, for a series whose batch samples are all newer than any it has stored (the collector's
// normal case): the samples go by binary COPY straight into `samples`, the rollup rows are computed
// here, and those for buckets past the series' newest rollup row are COPYed too; only buckets that
// already have a row are upserted, set-based, from a staging table. Anything else (samples at or
// before the newest stored one, duplicates in the batch) takes the general path: a staging table
// and one statement that keeps the first of each (series, ts) not stored before, as SQLite's
// INSERT OR IGNORE does, and folds exactly those into the rollups.
// A second writer racing on the same series fails the batch on the primary key (nothing is
// doubled); the writer retries it, then on the general path.
#include "pgstore.h"

#include "bucketplan.h"
#include "pgcopy.h"
#include "pgsupport.h"

#include <QMap>

#include <algorithm>

namespace fleetscope {
namespace {

constexpr int kRollupFields = 8;
const char *const kRollupColumns = "(series_id, bucket_ts, min_value, max_value, sum_value, count, last_ts, last_value)";

// How an incoming rollup row of TABLE merges with the stored one.
std::string rollupConflict(const std::string &t)
{
    return " ON CONFLICT (series_id, bucket_ts) DO UPDATE SET"
        " min_value = least(" + t + ".min_value, excluded.min_value), max_value = greatest(" + t + ".max_value, excluded.max_value),"
        " sum_value = " + t + ".sum_value + excluded.sum_value, count = " + t + ".count + excluded.count,"
        " last_value = CASE WHEN excluded.last_ts >= " + t + ".last_ts THEN excluded.last_value ELSE " + t + ".last_value END,"
        " last_ts = greatest(" + t + ".last_ts, excluded.last_ts)";
}

// The general path's fold of the new samples ("ins") into TABLE, buckets TIER_MS wide.
std::string rollupUpsert(const char *table, qint64 tierMs)
{
    const std::string t(table);
    const std::string ms = std::to_string(tierMs);
    return t + "_up AS (INSERT INTO " + t + " " + kRollupColumns +
        " SELECT series_id, ts - ((ts % " + ms + ") + " + ms + ") % " + ms + " AS b, min(value), max(value), sum(value), count(*),"
        " max(ts), (array_agg(value ORDER BY ts DESC))[1] FROM ins WHERE value IS NOT NULL GROUP BY series_id, b"
        + rollupConflict(t) + ")";
}

struct Rollup {
    qint64 bucketTs = 0;
    double min = 0, max = 0, sum = 0;
    qint64 count = 0;
    qint64 lastTs = 0;
    double lastValue = 0;
};

void addRollup(PgBinaryRows &rows, qint64 seriesId, const Rollup &r)
{
    rows.beginRow(kRollupFields);
    rows.addInt(seriesId);
    rows.addInt(r.bucketTs);
    rows.addReal(r.min);
    rows.addReal(r.max);
    rows.addReal(r.sum);
    rows.addInt(r.count);
    rows.addInt(r.lastTs);
    rows.addReal(r.lastValue);
}

// One rollup tier of the fast path: rows for new buckets, and rows that merge into stored ones.
struct TierRows {
    const char *table;
    qint64 tierMs;
    PgBinaryRows fresh;
    PgBinaryRows merged;

    // Folds SAMPLES (ascending ts, NULLs skipped) of SERIES_ID, whose newest stored bucket is STORED.
    void add(qint64 seriesId, const QList<std::pair<qint64, std::optional<double>>> &samples, std::optional<qint64> stored)
    {
        Rollup r;
        const auto close = [&] {
            if (r.count > 0)
                addRollup(stored && r.bucketTs <= *stored ? merged : fresh, seriesId, r);
        };
        for (const auto &[ts, value] : samples) {
            if (!value)
                continue;
            const qint64 bucket = floorTo(ts, tierMs);
            if (r.count == 0 || bucket != r.bucketTs) {
                close();
                r = Rollup{bucket, *value, *value, 0, 0, ts, *value};
            }
            r.min = std::min(r.min, *value);
            r.max = std::max(r.max, *value);
            r.sum += *value;
            ++r.count;
            r.lastTs = ts;
            r.lastValue = *value;
        }
        close();
    }
};

std::optional<qint64> optionalInt(const pqxx::field &field)
{
    return field.is_null() ? std::nullopt : std::optional<qint64>(pgInt(field));
}

} // namespace

qint64 PgStore::writeSamples(pqxx::transaction_base &tx, const QList<SeriesSamples> &series)
{
    if (series.isEmpty())
        return 0;
    // Each series' samples in batch order (a series may come more than once in a batch).
    QMap<qint64, QList<std::pair<qint64, std::optional<double>>>> bySeries;
    for (const SeriesSamples &s : series) {
        auto &samples = bySeries[seriesId(tx, s.key)];
        for (const Sample &sample : s.samples)
            samples.append({sample.tsMs, pgReal(sample.value)});
    }
    std::string idArray = "{";
    for (auto it = bySeries.cbegin(); it != bySeries.cend(); ++it) {
        if (it != bySeries.cbegin())
            idArray += ',';
        idArray += std::to_string(it.key());
    }
    idArray += "}";
    const pqxx::result stored = tx.exec_params(
        "SELECT id, (SELECT max(ts) FROM samples WHERE series_id = id), (SELECT max(bucket_ts) FROM samples_1m WHERE series_id = id),"
        " (SELECT max(bucket_ts) FROM samples_1h WHERE series_id = id) FROM unnest($1::bigint[]) AS t(id)", idArray);

    PgBinaryRows fresh;
    PgBinaryRows general;
    struct FreshSeries {
        qint64 id;
        std::optional<qint64> minute, hour;   // the newest stored rollup buckets
    };
    QList<FreshSeries> freshSeries;
    for (const pqxx::row &row : stored) {
        const qint64 id = pgInt(row[0]);
        auto &samples = bySeries[id];
        std::stable_sort(samples.begin(), samples.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        const bool duplicates = std::adjacent_find(samples.cbegin(), samples.cend(),
                                                   [](const auto &a, const auto &b) { return a.first == b.first; }) != samples.cend();
        const std::optional<qint64> newest = optionalInt(row[1]);
        const bool isFresh = !duplicates && (samples.isEmpty() || !newest || samples.first().first > *newest);
        if (!isFresh) {
            for (const auto &[ts, value] : samples) {   // the staging table's seq keeps the first of duplicates first
                general.beginRow(3);
                general.addInt(id);
                general.addInt(ts);
                general.addReal(value);
            }
            continue;
        }
        for (const auto &[ts, value] : samples) {
            fresh.beginRow(3);
            fresh.addInt(id);
            fresh.addInt(ts);
            fresh.addReal(value);
        }
        freshSeries.append({id, optionalInt(row[2]), optionalInt(row[3])});
    }

    PgLink &link = m_connection->conn;
    qint64 written = fresh.rows();
    TierRows minutes{"samples_1m", kMinuteMs, {}, {}};
    TierRows hours{"samples_1h", kHourMs, {}, {}};
    pgCopyBinary(link, "samples (series_id, ts, value)", fresh, [&] {
        for (const FreshSeries &s : std::as_const(freshSeries)) {   // while the server stores the samples
            minutes.add(s.id, bySeries[s.id], s.minute);
            hours.add(s.id, bySeries[s.id], s.hour);
        }
    });
    for (TierRows *tier : {&minutes, &hours}) {
        pgCopyBinary(link, std::string(tier->table) + " " + kRollupColumns, tier->fresh);
        if (tier->merged.rows() == 0)
            continue;
        tx.exec("CREATE TEMP TABLE IF NOT EXISTS fleetscope_rollups_in (series_id BIGINT NOT NULL, bucket_ts BIGINT NOT NULL,"
                " min_value DOUBLE PRECISION, max_value DOUBLE PRECISION, sum_value DOUBLE PRECISION, count BIGINT, last_ts BIGINT,"
                " last_value DOUBLE PRECISION) ON COMMIT DELETE ROWS");
        pgCopyBinary(link, std::string("fleetscope_rollups_in ") + kRollupColumns, tier->merged);
        const std::string table(tier->table);
        tx.exec("INSERT INTO " + table + " " + kRollupColumns + " SELECT * FROM fleetscope_rollups_in" + rollupConflict(table));
        tx.exec("TRUNCATE fleetscope_rollups_in");
    }
    if (general.rows() == 0)
        return written;

    tx.exec("CREATE TEMP TABLE IF NOT EXISTS fleetscope_samples_in (seq BIGINT GENERATED ALWAYS AS IDENTITY,"
            " series_id BIGINT NOT NULL, ts BIGINT NOT NULL, value DOUBLE PRECISION) ON COMMIT DELETE ROWS");
    pgCopyBinary(link, "fleetscope_samples_in (series_id, ts, value)", general);
    static const std::string kMerge =
        "WITH ins AS (INSERT INTO samples (series_id, ts, value)"
        " SELECT DISTINCT ON (series_id, ts) series_id, ts, value FROM fleetscope_samples_in ORDER BY series_id, ts, seq"
        " ON CONFLICT (series_id, ts) DO NOTHING RETURNING series_id, ts, value), "
        + rollupUpsert("samples_1m", kMinuteMs) + ", " + rollupUpsert("samples_1h", kHourMs)
        + " SELECT count(*) FROM ins";
    written += pgInt(tx.exec1(kMerge)[0]);
    tx.exec("TRUNCATE fleetscope_samples_in");   // a later batch in this transaction starts clean
    return written;
}

} // namespace fleetscope
