-- 002: per-minute and per-hour rollups of samples, so long-range charts never scan raw samples
-- (mirrors migrations/sqlite/002_sample_rollups.sql).

-- Rollup tiers kept current by the writer: charts over long ranges read these, never raw samples.
-- bucket_ts is the tier's bucket start; last_* is the newest sample in the bucket.
CREATE TABLE samples_1m (
    series_id  BIGINT           NOT NULL,
    bucket_ts  BIGINT           NOT NULL,
    min_value  DOUBLE PRECISION NOT NULL,
    max_value  DOUBLE PRECISION NOT NULL,
    sum_value  DOUBLE PRECISION NOT NULL,
    count      BIGINT           NOT NULL,
    last_ts    BIGINT           NOT NULL,
    last_value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (series_id, bucket_ts)
);
CREATE INDEX samples_1m_ts ON samples_1m USING brin (bucket_ts);

CREATE TABLE samples_1h (
    series_id  BIGINT           NOT NULL,
    bucket_ts  BIGINT           NOT NULL,
    min_value  DOUBLE PRECISION NOT NULL,
    max_value  DOUBLE PRECISION NOT NULL,
    sum_value  DOUBLE PRECISION NOT NULL,
    count      BIGINT           NOT NULL,
    last_ts    BIGINT           NOT NULL,
    last_value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (series_id, bucket_ts)
);
CREATE INDEX samples_1h_ts ON samples_1h USING brin (bucket_ts);

-- Backfill from samples stored before this migration.
INSERT INTO samples_1m (series_id, bucket_ts, min_value, max_value, sum_value, count, last_ts, last_value)
SELECT g.series_id, g.bucket_ts, g.mn, g.mx, g.sm, g.n, g.lt, s.value
FROM (SELECT series_id, (ts / 60000) * 60000 AS bucket_ts, MIN(value) AS mn, MAX(value) AS mx,
             SUM(value) AS sm, COUNT(*) AS n, MAX(ts) AS lt
      FROM samples WHERE value IS NOT NULL GROUP BY series_id, ts / 60000) g
JOIN samples s ON s.series_id = g.series_id AND s.ts = g.lt;

INSERT INTO samples_1h (series_id, bucket_ts, min_value, max_value, sum_value, count, last_ts, last_value)
SELECT g.series_id, g.bucket_ts, g.mn, g.mx, g.sm, g.n, g.lt, m.last_value
FROM (SELECT series_id, (bucket_ts / 3600000) * 3600000 AS bucket_ts, MIN(min_value) AS mn, MAX(max_value) AS mx,
             SUM(sum_value) AS sm, SUM(count) AS n, MAX(last_ts) AS lt, MAX(bucket_ts) AS lb
      FROM samples_1m GROUP BY series_id, bucket_ts / 3600000) g
JOIN samples_1m m ON m.series_id = g.series_id AND m.bucket_ts = g.lb;
